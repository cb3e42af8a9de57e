// Tampering with DER in tests: replace the first occurrence of known bytes (a signature value, an OID) in place.
import { bytesEqual } from '../../domain/pki/bytes';

/** `bytes` with the first occurrence of `find` replaced by `change(find)` (same length or not). */
export function patchBytes(bytes: Uint8Array, find: Uint8Array, change: (found: Uint8Array) => Uint8Array): Uint8Array {
  for (let at = 0; at + find.length <= bytes.length; at++) {
    if (bytesEqual(bytes.subarray(at, at + find.length), find)) {
      const replacement = change(find.slice());
      const out = new Uint8Array(bytes.length - find.length + replacement.length);
      out.set(bytes.subarray(0, at));
      out.set(replacement, at);
      out.set(bytes.subarray(at + find.length), at + replacement.length);
      return out;
    }
  }
  throw new Error('bytes not found');
}
