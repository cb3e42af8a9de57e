/** The parent's signature verdict on the contract screen: over the contract PDF regenerated from the synced data. */
import type { SignatureVerdict } from '../../../domain/api/contracts';
import type { Contract } from '../../../domain/entities';
import { missingSignatureVerdict, parentSignatureVerdict as verdictOver, unavailableContentVerdict } from '../signatures/parent-signature-verdict';
import type { ContractPdfSource } from './contract-pdf-source';
import type { SignatureTrust } from '../signatures/signature-trust';

export async function parentSignatureVerdict(contract: Contract, pdf: ContractPdfSource, trust: SignatureTrust): Promise<SignatureVerdict> {
  const signature = contract.parentSignature;
  if (!signature) return missingSignatureVerdict();
  const regenerated = await pdf.regenerate(contract);
  if (!regenerated.ok) return unavailableContentVerdict(signature, regenerated.problem);
  return verdictOver(signature, regenerated.bytes, contract.parent.iin, trust);
}
