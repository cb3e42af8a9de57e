/**
 * What the reviewer should look at in the data a parent entered: identifiers that are not well-formed, an IIN whose
 * encoded birth date or sex disagrees with the entered ones, an IBAN of another bank than its BIC, a phone number
 * that is not a Kazakhstan one. Hints, never refusals: the reviewer decides (IINs issued since 2013 need not encode
 * personal data, so a mismatch is not an error by itself).
 */
import type { Contract } from './entities';
import { ibanMatchesBic, iinDataMismatch, isValidBic, isValidIin, isValidKzIban, normalizeKzPhone } from './identifiers';

export const dataHintCodes = [
  'childIinInvalid',
  'childIinBirthDate',
  'childIinSex',
  'parentIinInvalid',
  'phoneInvalid',
  'ibanInvalid',
  'bicInvalid',
  'ibanBicMismatch',
] as const;
export type DataHint = (typeof dataHintCodes)[number];

export function contractDataHints(contract: Pick<Contract, 'child' | 'parent' | 'bank'>): DataHint[] {
  const { child, parent, bank } = contract;
  const hints: DataHint[] = [];
  if (!isValidIin(child.iin)) hints.push('childIinInvalid');
  const mismatch = iinDataMismatch(child);
  if (mismatch.includes('birthDate')) hints.push('childIinBirthDate');
  if (mismatch.includes('sex')) hints.push('childIinSex');
  if (!isValidIin(parent.iin)) hints.push('parentIinInvalid');
  if (parent.phone && !normalizeKzPhone(parent.phone)) hints.push('phoneInvalid');
  if (bank) {
    const ibanOk = isValidKzIban(bank.iban);
    const bicOk = isValidBic(bank.bic);
    if (!ibanOk) hints.push('ibanInvalid');
    if (!bicOk) hints.push('bicInvalid');
    if (ibanOk && bicOk && ibanMatchesBic(bank.iban, bank.bic) === false) hints.push('ibanBicMismatch');
  }
  return hints;
}
