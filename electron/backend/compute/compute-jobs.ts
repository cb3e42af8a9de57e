/**
 * The heavy work that touches none of the backend's SQL: contract PDF regeneration and hashing, the signed copy,
 * opening stored documents (AES-GCM + SHA-256), the script digests (Streebog, GOST R 34.11-94) of signed documents,
 * and the support export (a copy of every table through its own read connection).
 * The backend thread keeps to SQL and hands these to the compute worker (compute-worker.ts), so a 30-page
 * regeneration never stalls the inbox queries. Inputs and outputs are plain data (structured-clone safe).
 */
import { regenerateSignedContract, signedCopyBundle, type RegeneratedContract, type SignedCopySignature } from '../../../domain/contract-pdf';
import type { Contract, Organisation } from '../../../domain/entities';
import { digestByOid } from '../../../domain/pki/digest';
import { exportDatabase } from '../../../db/export';
import { loadContractFonts } from '../../../node-adapters/fonts';
import { openVerified } from '../blobs/blob-crypto';
import { withCertificateSerials } from '../contracts/verified-signatures';

export interface ComputeJobs {
  /** The contract PDF regenerated from synced data and checked against the hash the parent signed. */
  regenerateContract: { args: { contract: Contract; organisation: Organisation; fontsDir: string | null }; result: RegeneratedContract };
  /** The signed copy: the PDF with a signatures page (certificate serials read from each CMS). */
  signedCopy: { args: { pdf: Uint8Array; signatures: SignedCopySignature[]; trustedRootsPem: readonly string[]; fontsDir: string | null }; result: Uint8Array };
  /** A stored document decrypted and checked against its SHA-256; null when it does not verify. */
  openBlob: { args: { sealed: Uint8Array; key: Uint8Array; nonce: Uint8Array; sha256: string }; result: Uint8Array | null };
  /** A document's digest for a CMS check (content-digest.ts sends only the slow ones here). */
  digest: { args: { oid: string; data: Uint8Array }; result: Uint8Array | null };
  /** The support export (db/export.ts): row count per table copied. */
  exportDatabase: { args: { file: string; key: Uint8Array; out: string; passphrase: string }; result: Record<string, number> };
}

export type ComputeJobName = keyof ComputeJobs;
export type ComputeArgs<K extends ComputeJobName> = ComputeJobs[K]['args'];
export type ComputeResult<K extends ComputeJobName> = ComputeJobs[K]['result'];

export const computeJobs: { [K in ComputeJobName]: (args: ComputeArgs<K>) => Promise<ComputeResult<K>> } = {
  regenerateContract: async ({ contract, organisation, fontsDir }) => regenerateSignedContract(contract, organisation, await loadContractFonts(fontsDir ?? undefined)),
  signedCopy: async ({ pdf, signatures, trustedRootsPem, fontsDir }) =>
    signedCopyBundle(pdf, await withCertificateSerials(signatures, pdf, trustedRootsPem), await loadContractFonts(fontsDir ?? undefined)),
  openBlob: ({ sealed, key, nonce, sha256 }) => Promise.resolve(openVerified(sealed, key, nonce, sha256)),
  digest: ({ oid, data }) => digestByOid(oid, data),
  exportDatabase: ({ file, key, out, passphrase }) => Promise.resolve(exportDatabase({ file, key, out, passphrase })),
};

/** The ArrayBuffers a result can hand over to the other thread without copying. */
export function transferablesOf(result: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const visit = (value: unknown) => {
    if (value instanceof Uint8Array) {
      // Only a view that owns its whole buffer can be moved; Node's pooled small Buffers share theirs.
      if (value.byteOffset === 0 && value.byteLength === value.buffer.byteLength && value.buffer instanceof ArrayBuffer) out.add(value.buffer);
    } else if (value && typeof value === 'object') {
      for (const v of Object.values(value)) visit(v);
    }
  };
  visit(result);
  return [...out];
}
