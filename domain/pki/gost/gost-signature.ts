// GOST 34.10-2015 signature verification in the byte layout NCA RK (Kalkan) uses: public key X ‖ Y and signature
// r ‖ s, every number little-endian; the digest is read as a little-endian integer. The RFC 4491 layout (s ‖ r
// big-endian) is deliberately not accepted: NCA never produces it.
import type { GostCurve } from './curves';

function littleEndianToBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i]!);
  return value;
}

function mod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [mod(a, m), m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const quotient = oldR / r;
    [oldR, r] = [r, oldR - quotient * r];
    [oldS, s] = [s, oldS - quotient * s];
  }
  return mod(oldS, m);
}

export type GostPublicKey = ReturnType<GostCurve['Point']['fromAffine']>;

/** X ‖ Y little-endian → a point, or null when it is not a point of the curve's prime-order subgroup. */
export function gostPublicKey(curve: GostCurve, raw: Uint8Array): GostPublicKey | null {
  if (raw.length !== 2 * curve.size) return null;
  try {
    const point = curve.Point.fromAffine({
      x: littleEndianToBigInt(raw.subarray(0, curve.size)),
      y: littleEndianToBigInt(raw.subarray(curve.size)),
    });
    point.assertValidity();
    if (point.is0() || !point.isTorsionFree()) return null;
    return point;
  } catch {
    return null;
  }
}

/** Verifies a signature over an already computed Streebog digest. */
export function verifyGostDigest(curve: GostCurve, publicKey: GostPublicKey, digest: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 2 * curve.size || digest.length !== curve.size) return false;
  const { q } = curve;
  const r = littleEndianToBigInt(signature.subarray(0, curve.size));
  const s = littleEndianToBigInt(signature.subarray(curve.size));
  if (r <= 0n || r >= q || s <= 0n || s >= q) return false;
  let e = mod(littleEndianToBigInt(digest), q);
  if (e === 0n) e = 1n;
  const v = modInverse(e, q);
  const z1 = mod(s * v, q);
  const z2 = mod(-r * v, q);
  const c = curve.Point.BASE.mulAddUnsafe(z1, publicKey, z2);
  if (c.is0()) return false;
  return mod(c.toAffine().x, q) === r;
}

function bigIntToLittleEndian(value: bigint, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let rest = value;
  for (let i = 0; i < size; i++) {
    out[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return out;
}

function randomScalar(curve: GostCurve): bigint {
  for (;;) {
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(curve.size + 16));
    const k = mod(littleEndianToBigInt(bytes), curve.q);
    if (k !== 0n) return k;
  }
}

/** A fresh private key: a scalar in [1, q−1]. Test PKI, emulator and demo keys only; users' keys live in NCALayer. */
export function generateGostPrivateKey(curve: GostCurve): bigint {
  return randomScalar(curve);
}

/** The public key of `privateKey` as NCA stores it: X ‖ Y, little-endian. */
export function gostPublicKeyBytes(curve: GostCurve, privateKey: bigint): Uint8Array {
  const { x, y } = curve.Point.BASE.multiply(privateKey).toAffine();
  const out = new Uint8Array(2 * curve.size);
  out.set(bigIntToLittleEndian(x, curve.size));
  out.set(bigIntToLittleEndian(y, curve.size), curve.size);
  return out;
}

/** Signs a Streebog digest; the result is r ‖ s little-endian (the NCA layout). */
export function signGostDigest(curve: GostCurve, privateKey: bigint, digest: Uint8Array): Uint8Array {
  const { q } = curve;
  let e = mod(littleEndianToBigInt(digest), q);
  if (e === 0n) e = 1n;
  for (;;) {
    const k = randomScalar(curve);
    const r = mod(curve.Point.BASE.multiply(k).toAffine().x, q);
    if (r === 0n) continue;
    const s = mod(r * privateKey + k * e, q);
    if (s === 0n) continue;
    const out = new Uint8Array(2 * curve.size);
    out.set(bigIntToLittleEndian(r, curve.size));
    out.set(bigIntToLittleEndian(s, curve.size), curve.size);
    return out;
  }
}
