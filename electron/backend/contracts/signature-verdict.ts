/**
 * The parent's signature verdict shown on the contract screen: the CMS verified over the contract bytes against
 * the trusted roots at the time of signing, and the signer's IIN compared with the parent's IIN in the contract.
 */
import type { SignatureVerdict } from '../../../domain/api/contracts';
import type { Contract } from '../../../domain/entities';
import { verifyCms } from '../../../domain/pki';
import type { ContractPdfSource } from './contract-pdf-source';

export async function parentSignatureVerdict(contract: Contract, pdf: ContractPdfSource, trustedRootsPem: readonly string[]): Promise<SignatureVerdict> {
  const signature = contract.parentSignature;
  const none = { valid: false, iinMatches: false, signerName: null, signerIin: null, signedAt: null, detail: null };
  if (!signature) return { ...none, problem: 'NO_SIGNATURE' };
  const recorded = { signerName: signature.signerFullName, signerIin: signature.signerIin, signedAt: signature.signedAt };
  const regenerated = await pdf.regenerate(contract);
  if (!regenerated.ok) return { ...none, ...recorded, problem: 'PDF_UNAVAILABLE', detail: regenerated.problem };
  const result = await verifyCms({
    cms: signature.cms,
    content: regenerated.bytes,
    trustedRoots: trustedRootsPem,
    at: new Date(signature.signedAt),
    expect: { usage: 'sign' },
  });
  if (!result.ok) {
    const signer = result.signer;
    return {
      ...none,
      signerName: signer?.fullName ?? recorded.signerName,
      signerIin: signer?.iin ?? recorded.signerIin,
      signedAt: recorded.signedAt,
      iinMatches: signer?.iin === contract.parent.iin,
      problem: result.code,
      detail: result.message,
    };
  }
  const iinMatches = result.signer.iin === contract.parent.iin;
  return {
    valid: true,
    iinMatches,
    signerName: result.signer.fullName,
    signerIin: result.signer.iin,
    signedAt: result.signer.signingTime?.toISOString() ?? recorded.signedAt,
    problem: iinMatches ? null : 'WRONG_SIGNER',
    detail: iinMatches ? null : `certificate IIN ${result.signer.iin ?? '—'} ≠ parent IIN`,
  };
}
