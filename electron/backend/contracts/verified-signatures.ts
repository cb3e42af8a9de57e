/**
 * The signatures printed on a signed copy, each with the serial number of the certificate inside its CMS (what a
 * checker will find), never the label a sender wrote next to it.
 */
import type { SignedCopySignature } from '../../../domain/contract-pdf';
import { verifyCms } from '../../../domain/pki';

export async function withCertificateSerials(list: readonly SignedCopySignature[], pdf: Uint8Array, trustedRoots: readonly string[]): Promise<SignedCopySignature[]> {
  return Promise.all(
    list.map(async (entry) => {
      const result = await verifyCms({ cms: entry.signature.cms, content: pdf, trustedRoots, at: new Date(entry.signature.signedAt), expect: { usage: 'sign' } });
      return result.signer ? { ...entry, signature: { ...entry.signature, certSerial: result.signer.serialNumber } } : entry;
    }),
  );
}
