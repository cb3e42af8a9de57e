// Message digests by OID: SHA-1/2 through WebCrypto, Streebog and GOST R 34.11-94 by our own modules (no runtime has
// them built in).
import { toArrayBuffer } from './bytes';
import { gost94 } from './gost/gost94';
import { streebog256, streebog512 } from './gost/streebog';
import { OID } from './oids';

const WEB_CRYPTO_DIGESTS: Record<string, string> = {
  [OID.sha1]: 'SHA-1', [OID.sha256]: 'SHA-256', [OID.sha384]: 'SHA-384', [OID.sha512]: 'SHA-512',
};

/** The WebCrypto name of a SHA digest OID, or undefined. */
export function webCryptoDigestName(oid: string): string | undefined {
  return WEB_CRYPTO_DIGESTS[oid];
}

/** Computes a document's digest; a host may run it off its API thread (node-adapters/digest-thread.ts). */
export type ContentDigest = (oid: string, data: Uint8Array) => Promise<Uint8Array | null>;

/** Digests that run as JavaScript on the calling thread (WebCrypto's SHA family is native and asynchronous). */
export function isScriptDigest(oid: string): boolean {
  return oid === OID.streebog512 || oid === OID.streebog256 || oid === OID.gost94;
}

/** The digest of `data` under the algorithm `oid`, or null for an algorithm we do not support. */
export async function digestByOid(oid: string, data: Uint8Array): Promise<Uint8Array | null> {
  if (oid === OID.streebog512) return streebog512(data);
  if (oid === OID.streebog256) return streebog256(data);
  if (oid === OID.gost94) return gost94(data);
  const name = WEB_CRYPTO_DIGESTS[oid];
  if (!name) return null;
  return new Uint8Array(await globalThis.crypto.subtle.digest(name, toArrayBuffer(data)));
}
