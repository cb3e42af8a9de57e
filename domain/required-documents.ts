/**
 * The documents a contract needs before the kindergarten may sign it and enroll the child, per kind of contract:
 * ordinary (seed 000: photo, birth certificate, a parent's ID, health passport), voucher (seed 001: 027/у,
 * birth certificate, a parent's ID, health passport, immunisation card) and either with the PMPK conclusion
 * when the child comes from the special queue.
 */
import type { DocumentKind } from './catalogue-ids';
import type { Contract } from './entities';

export const contractKinds = ['ordinary', 'voucher', 'voucher_with_pmpk'] as const;
export type ContractKind = (typeof contractKinds)[number];

export const requiredDocuments: Readonly<Record<ContractKind, readonly DocumentKind[]>> = {
  ordinary: ['child_photo', 'birth_certificate', 'parent_id', 'health_passport'],
  voucher: ['certificate_027', 'birth_certificate', 'parent_id', 'health_passport', 'immunisation_passport'],
  voucher_with_pmpk: ['certificate_027', 'birth_certificate', 'parent_id', 'health_passport', 'immunisation_passport', 'pmpk_conclusion'],
};

export function contractKindOf(contract: Pick<Contract, 'isVoucher' | 'pmpkConclusion'>): ContractKind {
  if (contract.pmpkConclusion) return 'voucher_with_pmpk';
  return contract.isVoucher ? 'voucher' : 'ordinary';
}

export function requiredDocumentsOf(contract: Pick<Contract, 'isVoucher' | 'pmpkConclusion'>): readonly DocumentKind[] {
  return requiredDocuments[contractKindOf(contract)];
}
