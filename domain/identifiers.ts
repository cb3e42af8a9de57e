/**
 * Kazakhstan identifiers (reference/domain.md §4): IIN and BIN (12 digits, two-pass mod-11 check digit),
 * KZ IBAN (ISO 13616 MOD-97), BIC (ISO 9362) and phone numbers. Validation is hard on structure and check
 * digits only: the birth date and sex encoded in an IIN are hints, since the digits are no longer bound to
 * personal data (2013), so nothing is ever rejected because of them.
 */

const FIRST_PASS_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_PASS_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

function weightedRemainder(digits: readonly number[], weights: readonly number[]): number {
  return digits.reduce((sum, digit, i) => sum + digit * weights[i]!, 0) % 11;
}

/** The check digit for the first 11 digits, or null when both passes give 10 (such numbers are not issued). */
function checkDigit(first11: string): number | null {
  const digits = [...first11].map(Number);
  const first = weightedRemainder(digits, FIRST_PASS_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedRemainder(digits, SECOND_PASS_WEIGHTS);
  return second === 10 ? null : second;
}

function hasValidCheckDigit(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  return checkDigit(value.slice(0, 11)) === Number(value[11]);
}

function withCheckDigit(first11: string): string | null {
  const digit = checkDigit(first11);
  return digit === null ? null : `${first11}${digit}`;
}

/**
 * IIN: the check digit (both weighting passes), a 7th digit 1–6 (century and sex) and a real birth date in the
 * first six digits. Whether that date and sex are the person's own is only a hint (see `iinDataMismatch`).
 */
export function isValidIin(value: string): boolean {
  if (!hasValidCheckDigit(value)) return false;
  return parseIinDigits(value).birthDate !== null;
}

/** BIN: registration YYMM, entity type 4|5|6, unit type 0–3, serial, check digit. */
export function isValidBin(value: string): boolean {
  return hasValidCheckDigit(value) && '456'.includes(value[4]!) && '0123'.includes(value[5]!);
}

export type Sex = 'male' | 'female';

export interface IinHints {
  /** The birth date the digits suggest, or null when they do not form a date. A hint, never a rule. */
  birthDate: string | null;
  /** The sex the 7th digit suggests, or null when the digit is outside 1–6. */
  sex: Sex | null;
}

const centuryBySexDigit: Readonly<Record<string, { century: number; sex: Sex }>> = {
  '1': { century: 1800, sex: 'male' },
  '2': { century: 1800, sex: 'female' },
  '3': { century: 1900, sex: 'male' },
  '4': { century: 1900, sex: 'female' },
  '5': { century: 2000, sex: 'male' },
  '6': { century: 2000, sex: 'female' },
};

/** Soft hints read from a valid IIN; null when the IIN itself is invalid. */
export function parseIin(value: string): IinHints | null {
  return isValidIin(value) ? parseIinDigits(value) : null;
}

function parseIinDigits(value: string): IinHints {
  const coded = centuryBySexDigit[value[6]!];
  if (!coded) return { birthDate: null, sex: null };
  const year = coded.century + Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  const isRealDate = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return { birthDate: isRealDate ? date.toISOString().slice(0, 10) : null, sex: coded.sex };
}

function paddedSerial(serial: number, width: number): string {
  if (!Number.isInteger(serial) || serial < 0 || serial >= 10 ** width) {
    throw new RangeError(`serial must be an integer in 0..${10 ** width - 1}, got ${serial}`);
  }
  return String(serial).padStart(width, '0');
}

/**
 * An IIN for a person born on `birthDate` (ISO, 1800–2099) with a 4-digit `serial`, or null when no check digit
 * exists for that serial (then try another serial). Used by the server's seed generator and by tests.
 */
export function makeIin(birthDate: string, sex: Sex, serial: number): string | null {
  const m = /^(\d{2})(\d{2})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m) throw new RangeError(`expected an ISO date, got "${birthDate}"`);
  const centuryDigit = { '18': 1, '19': 3, '20': 5 }[m[1]!];
  if (centuryDigit === undefined) throw new RangeError(`birth year out of 1800–2099: "${birthDate}"`);
  const sexDigit = centuryDigit + (sex === 'female' ? 1 : 0);
  return withCheckDigit(`${m[2]}${m[3]}${m[4]}${sexDigit}${paddedSerial(serial, 4)}`);
}

export const binEntityTypes = { resident: '4', non_resident: '5', joint_entrepreneurship: '6' } as const;
export const binUnitTypes = { head_office: '0', branch: '1', representative_office: '2', peasant_farm: '3' } as const;

/** A BIN registered in `registeredMonth` (ISO `YYYY-MM`) with a 5-digit serial, or null as in makeIin. */
export function makeBin(
  registeredMonth: string,
  entityType: keyof typeof binEntityTypes,
  unitType: keyof typeof binUnitTypes,
  serial: number,
): string | null {
  const m = /^\d{2}(\d{2})-(0[1-9]|1[0-2])$/.exec(registeredMonth);
  if (!m) throw new RangeError(`expected YYYY-MM, got "${registeredMonth}"`);
  return withCheckDigit(`${m[1]}${m[2]}${binEntityTypes[entityType]}${binUnitTypes[unitType]}${paddedSerial(serial, 5)}`);
}

/** IBAN as typed by people (spaces, lower case) in its electronic form. */
export function normalizeIban(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** ISO 13616 MOD-97 remainder of an IBAN after moving the first four characters to the end. */
function ibanRemainder(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = parseInt(char, 36); // '0'–'9' → 0–9, 'A'–'Z' → 10–35
    remainder = (value < 10 ? remainder * 10 + value : remainder * 100 + value) % 97;
  }
  return remainder;
}

const kzIbanPattern = /^KZ\d{2}\d{3}[A-Z0-9]{13}$/;

/** KZ IBAN: `KZ`, 2 check digits, 3-digit bank code, 13 account characters; spaces and case are ignored. */
export function isValidKzIban(value: string): boolean {
  const iban = normalizeIban(value);
  return kzIbanPattern.test(iban) && ibanRemainder(iban) === 1;
}

/** A valid KZ IBAN for a 3-digit bank code and a 13-character account (seed data and tests). */
export function makeKzIban(bankCode: string, account: string): string {
  const body = `${bankCode}${account}`.toUpperCase();
  if (!/^\d{3}[A-Z0-9]{13}$/.test(body)) throw new RangeError('expected a 3-digit bank code and 13 account characters');
  const check = 98 - ibanRemainder(`KZ00${body}`);
  return `KZ${String(check).padStart(2, '0')}${body}`;
}

/**
 * The 3-digit bank code inside a KZ IBAN of the larger banks and their BIC, so an IBAN typed with another bank's
 * BIC is caught. Banks missing here are not checked (null from `ibanMatchesBic`).
 */
export const kzBankCodes: Readonly<Record<string, string>> = {
  '125': 'NBRKKZKX', // National Bank of Kazakhstan
  '601': 'HSBKKZKX', // Halyk Bank
  '722': 'CASPKZKA', // Kaspi Bank
  '856': 'KCJBKZKX', // Bank CenterCredit
  '965': 'IRTYKZKA', // ForteBank
  '998': 'TSESKZKA', // First Heartland Jusan Bank
};

/** Whether the IBAN's bank code belongs to the BIC's bank; null when the bank code is not in the table. */
export function ibanMatchesBic(iban: string, bic: string): boolean | null {
  const expected = kzBankCodes[normalizeIban(iban).slice(4, 7)];
  if (!expected) return null;
  return bic.trim().toUpperCase().slice(0, 8) === expected;
}

/**
 * What the reviewer should look at when the IIN's encoded birth date or sex differ from the entered ones (a hint,
 * never a refusal: IINs issued since 2013 need not encode personal data).
 */
export function iinDataMismatch(person: { iin: string; birthDate: string; sex: Sex }): ('birthDate' | 'sex')[] {
  const hints = parseIin(person.iin);
  if (!hints) return [];
  const fields: ('birthDate' | 'sex')[] = [];
  if (hints.birthDate && hints.birthDate !== person.birthDate) fields.push('birthDate');
  if (hints.sex && hints.sex !== person.sex) fields.push('sex');
  return fields;
}

/** A search typed as a 12-digit identifier that is neither a valid IIN nor a valid BIN (a typo to point out). */
export function isMistypedIdentifier(search: string): boolean {
  const value = search.trim();
  return /^\d{12}$/.test(value) && !isValidIin(value) && !isValidBin(value);
}

/** BIC (БИК) of a Kazakhstan bank: 4 letters, `KZ`, 2-character location, optional 3-character branch. */
export function isValidBic(value: string): boolean {
  return /^[A-Z]{4}KZ[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(value.trim().toUpperCase());
}

/**
 * A Kazakhstan phone number in E.164 (`+7XXXXXXXXXX`), or null. Accepts `+7…`, `8…`, `7…` or the bare
 * 10-digit national number, with spaces, dashes, dots and brackets. National numbers start with 6 or 7;
 * other +7 numbers are Russian.
 */
export function normalizeKzPhone(value: string): string | null {
  if (/[^\d\s()+.-]/.test(value)) return null;
  const compact = value.replace(/[\s().-]/g, '');
  const m = /^(?:\+7|8|7)?([67]\d{9})$/.exec(compact);
  return m ? `+7${m[1]}` : null;
}
