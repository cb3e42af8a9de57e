/** A signature verdict on the contract screen (the parent's or the head's): over the contract PDF regenerated from the
 *  synced data, which is what both of them signed. */
import type { SignatureParty, SignatureVerdict } from '../../../domain/api/contracts';
import type { Contract } from '../../../domain/entities';
import { missingSignatureVerdict, parentSignatureVerdict as verdictOver, unavailableContentVerdict } from '../signatures/parent-signature-verdict';
import type { ContractPdfSource } from './contract-pdf-source';
import type { SignatureTrust } from '../signatures/signature-trust';

export async function contractSignatureVerdict(contract: Contract, party: SignatureParty, pdf: ContractPdfSource, trust: SignatureTrust): Promise<SignatureVerdict> {
  const signature = party === 'parent' ? contract.parentSignature : contract.headSignature;
  if (!signature) return missingSignatureVerdict();
  const regenerated = await pdf.regenerate(contract);
  if (!regenerated.ok) return unavailableContentVerdict(signature, regenerated.problem);
  // The head is whoever the server accepted as signer; the parent must be the contract's parent.
  return verdictOver(signature, regenerated.bytes, party === 'parent' ? contract.parent.iin : signature.signerIin, trust);
}
