// GOST R 34.11-94 (RFC 5831), the digest of legacy GOST 34.310-2004 signatures: NCA RK's older keys and the NCA TSA's
// tokens until 2022. Its block cipher is GOST 28147-89 with the standard's *test* S-box (the one Kalkan uses, named by
// the key's hash parameter). Verification of archives only: slow, byte-at-a-time, never used for new signatures.
// Byte order: every 256-bit value is a little-endian byte array, as OpenSSL and Kalkan keep them.

/** The test parameter set's eight S-boxes, k1 (lowest nibble of a word) first. */
const TEST_SBOX = [
  [4, 10, 9, 2, 13, 8, 0, 14, 6, 11, 1, 12, 7, 15, 5, 3],
  [14, 11, 4, 12, 6, 13, 15, 10, 2, 3, 8, 1, 0, 7, 5, 9],
  [5, 8, 1, 13, 10, 3, 4, 2, 14, 15, 12, 7, 6, 0, 9, 11],
  [7, 13, 10, 1, 0, 8, 9, 15, 14, 4, 6, 12, 11, 2, 5, 3],
  [6, 12, 7, 1, 5, 15, 13, 8, 4, 10, 9, 14, 0, 3, 11, 2],
  [4, 11, 10, 0, 7, 2, 1, 13, 3, 6, 8, 5, 9, 12, 15, 14],
  [13, 11, 4, 1, 3, 15, 5, 9, 0, 10, 14, 7, 6, 8, 2, 12],
  [1, 15, 13, 0, 5, 7, 10, 4, 9, 2, 3, 14, 6, 11, 8, 12],
] as const;

/** Byte-wide substitution tables: BYTE_SBOX[j][b] substitutes both nibbles of byte j of a word. */
const BYTE_SBOX = [0, 1, 2, 3].map((j) => Uint32Array.from({ length: 256 }, (_, b) =>
  ((TEST_SBOX[2 * j + 1]![b >> 4]! << 4) | TEST_SBOX[2 * j]![b & 15]!) << (8 * j)));

function round(x: number): number {
  const s = (BYTE_SBOX[0]![x & 255]! | BYTE_SBOX[1]![(x >>> 8) & 255]! | BYTE_SBOX[2]![(x >>> 16) & 255]! | BYTE_SBOX[3]![x >>> 24]!) >>> 0;
  return ((s << 11) | (s >>> 21)) >>> 0;
}

const readWord = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

function writeWord(b: Uint8Array, at: number, w: number): void {
  b[at] = w & 255; b[at + 1] = (w >>> 8) & 255; b[at + 2] = (w >>> 16) & 255; b[at + 3] = w >>> 24;
}

/** GOST 28147-89 encryption of the 8 bytes at `from` with a 32-byte key, written to `out` at the same offset. */
function encryptBlock(key: Uint8Array, input: Uint8Array, out: Uint8Array, from: number): void {
  const k = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => readWord(key, 4 * i));
  let n1 = readWord(input, from);
  let n2 = readWord(input, from + 4);
  for (let i = 0; i < 32; i++) {
    const subkey = k[i < 24 ? i % 8 : 31 - i]!;
    [n1, n2] = [(n2 ^ round((n1 + subkey) >>> 0)) >>> 0, n1];
  }
  writeWord(out, from, n2);
  writeWord(out, from + 4, n1);
}

/** Transformation A: drop the low 64 bits, append (y1 xor y2) at the top. */
function shiftA(y: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  out.set(y.subarray(8));
  for (let i = 0; i < 8; i++) out[24 + i] = y[i]! ^ y[8 + i]!;
  return out;
}

/** Transformation P: byte φ(i + 1 + 4(k − 1)) = i + 4k − 3 gathers the bytes column-wise. */
function permuteP(y: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 4; i++) for (let k = 0; k < 8; k++) out[i + 4 * k] = y[8 * i + k]!;
  return out;
}

/**
 * ψ applied `times` times to 32 bytes = sixteen little-endian 16-bit words: each round drops the first word and
 * appends the XOR of words 0, 1, 2, 3, 12 and 15, so the rounds unroll into one linear recurrence.
 */
function psi(y: Uint8Array, times: number): Uint8Array<ArrayBuffer> {
  const w = new Uint16Array(16 + times);
  for (let j = 0; j < 16; j++) w[j] = y[2 * j]! | (y[2 * j + 1]! << 8);
  for (let i = 0; i < times; i++) w[16 + i] = w[i]! ^ w[i + 1]! ^ w[i + 2]! ^ w[i + 3]! ^ w[i + 12]! ^ w[i + 15]!;
  const out = new Uint8Array(32);
  for (let j = 0; j < 16; j++) {
    out[2 * j] = w[times + j]! & 255;
    out[2 * j + 1] = w[times + j]! >>> 8;
  }
  return out;
}

/** The bytes of the constant C3 that are all ones (the others are zero). */
const C3_ONES = [1, 3, 5, 7, 8, 10, 12, 14, 17, 18, 20, 23, 24, 28, 29, 31];

function xor(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(a, (v, i) => v ^ b[i]!);
}

/** The step function: H(i) = f(H(i−1), M(i)). */
function step(h: Uint8Array, m: Uint8Array): Uint8Array<ArrayBuffer> {
  const s = new Uint8Array(32);
  let u = h;
  let v = m;
  for (let j = 0; j < 4; j++) {
    if (j > 0) {
      u = shiftA(u);
      if (j === 2) for (const i of C3_ONES) u[i] = u[i]! ^ 0xff;
      v = shiftA(shiftA(v));
    }
    encryptBlock(permuteP(xor(u, v)), h, s, 8 * j);
  }
  return psi(xor(psi(xor(psi(s, 12), m), 1), h), 61);
}

function addInto(sum: Uint8Array, block: Uint8Array): void {
  let carry = 0;
  for (let i = 0; i < 32; i++) {
    const total = sum[i]! + block[i]! + carry;
    sum[i] = total & 255;
    carry = total >> 8;
  }
}

/** GOST R 34.11-94 with the test parameter set over `data`; 32 bytes. */
export function gost94(data: Uint8Array): Uint8Array {
  let h = new Uint8Array(32);
  const sum = new Uint8Array(32);
  for (let at = 0; at < data.length; at += 32) {
    const block = new Uint8Array(32);
    block.set(data.subarray(at, at + 32));
    h = step(h, block);
    addInto(sum, block);
  }
  const length = new Uint8Array(32);
  let bits = BigInt(data.length) * 8n;
  for (let i = 0; bits > 0n; i++, bits >>= 8n) length[i] = Number(bits & 255n);
  return step(step(h, length), sum);
}
