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
  const c = curve.Point.BASE.multiplyUnsafe(z1).add(publicKey.multiplyUnsafe(z2));
  if (c.is0()) return false;
  return mod(c.toAffine().x, q) === r;
}
