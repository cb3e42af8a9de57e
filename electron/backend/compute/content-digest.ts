/**
 * How the backend hashes a signed document for a CMS check. Streebog and GOST R 34.11-94 run as script (a megabyte of
 * Streebog is ~0.2 s), so a large document goes to the compute worker and the API thread keeps answering; small
 * inputs, and WebCrypto's SHA family (native and asynchronous already), are hashed here.
 */
import { digestByOid, isScriptDigest, type ContentDigest } from '../../../domain/pki/digest';
import type { Compute } from './compute-pool';

/** Below this a round trip to the worker costs more than hashing here. */
export const OFF_THREAD_MIN_BYTES = 64 * 1024;

export function computeContentDigest(compute: Pick<Compute, 'run'>): ContentDigest {
  return (oid, data) => (isScriptDigest(oid) && data.length >= OFF_THREAD_MIN_BYTES ? compute.run('digest', { oid, data }) : digestByOid(oid, data));
}
