// The GOST 34.10-2015 curves NCA RK uses, as @noble/curves Weierstrass point constructors. Parameters are those of
// RFC 7836 (id-tc26-gost-3410-12-512-paramSetA, id-tc26-gost-3410-12-256-paramSetA).
import { weierstrass, type WeierstrassPointCons } from '@noble/curves/abstract/weierstrass.js';

export interface GostCurve {
  name: string;
  /** Byte length of one coordinate, of r and of s. */
  size: 32 | 64;
  Point: WeierstrassPointCons<bigint>;
  /** Order of the prime subgroup. */
  q: bigint;
  cofactor: bigint;
}

const big = (hex: string) => BigInt(`0x${hex}`);

function curve(name: string, size: 32 | 64, params: { p: string; a: string; b: string; q: string; h: bigint; x: string; y: string }): GostCurve {
  const Point = weierstrass({
    p: big(params.p), n: big(params.q), h: params.h, a: big(params.a), b: big(params.b), Gx: big(params.x), Gy: big(params.y),
  });
  return { name, size, Point, q: big(params.q), cofactor: params.h };
}

export const TC26_512_A = curve('id-tc26-gost-3410-12-512-paramSetA', 64, {
  p: 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFDC7',
  a: 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFDC4',
  b: 'E8C2505DEDFC86DDC1BD0B2B6667F1DA34B82574761CB0E879BD081CFD0B6265EE3CB090F30D27614CB4574010DA90DD862EF9D4EBEE4761503190785A71C760',
  q: 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF27E69532F48D89116FF22B8D4E0560609B4B38ABFAD2B85DCACDB1411F10B275',
  h: 1n,
  x: '03',
  y: '7503CFE87A836AE3A61B8816E25450E6CE5E1C93ACF1ABC1778064FDCBEFA921DF1626BE4FD036E93D75E6A50E3A41E98028FE5FC235F5B889A589CB5215F2A4',
});

/** A twisted Edwards curve in its Weierstrass form; cofactor 4, so public keys are checked for the subgroup. */
export const TC26_256_A = curve('id-tc26-gost-3410-12-256-paramSetA', 32, {
  p: 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFD97',
  a: 'C2173F1513981673AF4892C23035A27CE25E2013BF95AA33B22C656F277E7335',
  b: '295F9BAE7428ED9CCC20E7C359A9D41A22FCCD9108E17BF7BA9337A6F8AE9513',
  q: '400000000000000000000000000000000FD8CDDFC87B6635C115AF556C360C67',
  h: 4n,
  x: '91E38443A5E82C0D880923425712B2BB658B9196932E02C78B2582FE742DAA28',
  y: '32879423AB1A0375895786C4BB46E9565FDE0B5344766740AF268ADB32322E5C',
});
