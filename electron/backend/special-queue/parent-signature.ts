/**
 * The verdict on the parent's signature over the PMPK conclusion (a detached CMS over the file's bytes): checked
 * locally against the trusted roots at the time of signing, and the signer's IIN against the parent's.
 */
import type { SignatureVerdict } from '../../../domain/api/special-queue';
import type { SignatureInfo } from '../../../domain/entities';
import { verifyCms } from '../../../domain/pki';

export interface ParentSignatureInput {
  signature: SignatureInfo | null;
  parentIin: string;
  /** The signed document's bytes; null while it is still downloading. */
  content: Uint8Array | null;
  trustedRootsPem: readonly string[];
}

export async function parentSignatureVerdict(input: ParentSignatureInput): Promise<SignatureVerdict> {
  const { signature } = input;
  if (!signature) return { status: 'missing', signerFullName: null, signerIin: null, iinMatches: null, signedAt: null, problem: null };
  const claimed = { signerFullName: signature.signerFullName, signerIin: signature.signerIin, signedAt: signature.signedAt };
  if (!input.content) return { status: 'unchecked', ...claimed, iinMatches: null, problem: null };
  const result = await verifyCms({
    cms: signature.cms,
    content: input.content,
    trustedRoots: input.trustedRootsPem,
    at: new Date(signature.signedAt),
    expect: { usage: 'sign', iin: input.parentIin },
  });
  if (result.ok) {
    return { status: 'valid', signerFullName: result.signer.fullName, signerIin: result.signer.iin, signedAt: signature.signedAt, iinMatches: true, problem: null };
  }
  const signerIin = result.signer?.iin ?? null;
  return {
    status: 'invalid',
    signerFullName: result.signer?.fullName ?? signature.signerFullName,
    signerIin: signerIin ?? signature.signerIin,
    signedAt: signature.signedAt,
    iinMatches: signerIin === null ? null : signerIin === input.parentIin,
    problem: result.code,
  };
}
