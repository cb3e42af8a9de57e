/**
 * The verdict on the parent's signature over the PMPK conclusion (a detached CMS over the file's bytes), in the
 * shape the shared SignatureVerdict component shows: verified against the trusted roots at the time of signing,
 * and the certificate's IIN compared with the parent's IIN in the application.
 */
import type { SignatureVerdict } from '../../../domain/api/contracts';
import type { SignatureInfo } from '../../../domain/entities';
import { verifyCms } from '../../../domain/pki';

export interface ParentSignatureInput {
  signature: SignatureInfo | null;
  parentIin: string;
  /** The signed document's bytes. */
  content: Uint8Array;
  trustedRootsPem: readonly string[];
}

export async function parentSignatureVerdict(input: ParentSignatureInput): Promise<SignatureVerdict> {
  const { signature } = input;
  const none = { valid: false, iinMatches: false, signerName: null, signerIin: null, signedAt: null, detail: null };
  if (!signature) return { ...none, problem: 'NO_SIGNATURE' };
  const result = await verifyCms({
    cms: signature.cms,
    content: input.content,
    trustedRoots: input.trustedRootsPem,
    at: new Date(signature.signedAt),
    expect: { usage: 'sign', iin: input.parentIin },
  });
  if (result.ok) {
    return { valid: true, iinMatches: true, signerName: result.signer.fullName, signerIin: result.signer.iin, signedAt: signature.signedAt, problem: null, detail: null };
  }
  const signerIin = result.signer?.iin ?? signature.signerIin;
  return {
    // A wrong signer is still a mathematically valid signature; the IIN line says what is wrong.
    valid: result.code === 'WRONG_SIGNER',
    iinMatches: signerIin === input.parentIin,
    signerName: result.signer?.fullName ?? signature.signerFullName,
    signerIin,
    signedAt: signature.signedAt,
    problem: result.code,
    detail: result.message,
  };
}
