import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isValidBic,
  isValidBin,
  isValidIin,
  isValidKzIban,
  makeBin,
  makeIin,
  makeKzIban,
  normalizeKzPhone,
  parseIin,
  ibanMatchesBic,
  iinDataMismatch,
  isMistypedIdentifier,
} from '../../../domain/identifiers';

// Published valid numbers (reference/domain.md §4 and the parent-portal seeds).
const publishedIins = ['061211600012', '880515300120', '950101400012', '180513601180', '821217401078'];
const publishedBins = ['940140000385', '990140004654'];

/** Oracle: the first pass of the check-digit algorithm, written from the published specification. */
function firstPassRemainder(value: string): number {
  let sum = 0;
  for (let i = 0; i < 11; i += 1) sum += Number(value[i]) * (i + 1);
  return sum % 11;
}

function withDigit(value: string, position: number, digit: number): string {
  return `${value.slice(0, position)}${digit}${value.slice(position + 1)}`;
}

describe('IIN and BIN check digits', () => {
  it('accepts published valid IINs and BINs', () => {
    for (const iin of publishedIins) expect(isValidIin(iin)).toBe(true);
    for (const bin of publishedBins) expect(isValidBin(bin)).toBe(true);
  });

  it('rejects every change of the check digit', () => {
    for (const value of [...publishedIins, ...publishedBins]) {
      for (let digit = 0; digit <= 9; digit += 1) {
        if (String(digit) === value[11]) continue;
        expect(isValidIin(withDigit(value, 11, digit))).toBe(false);
      }
    }
  });

  it('rejects a one-digit change of positions 1–10 whenever both numbers are decided by the first pass', () => {
    const iin = fc
      .tuple(fc.date({ min: new Date('1950-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }), fc.constantFrom('male' as const, 'female' as const), fc.integer({ min: 0, max: 9999 }))
      .map(([date, sex, serial]) => makeIin(date.toISOString().slice(0, 10), sex, serial))
      .filter((value): value is string => value !== null);
    fc.assert(
      fc.property(iin, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (value, position, delta) => {
        const changed = withDigit(value, position, (Number(value[position]) + delta) % 10);
        fc.pre(firstPassRemainder(value) !== 10 && firstPassRemainder(changed) !== 10);
        expect(isValidIin(changed)).toBe(false);
      }),
    );
  });

  it('follows the official algorithm, including its blind spot: the 11th digit has weight 11 ≡ 0 in the first pass', () => {
    expect(isValidIin('880515300100')).toBe(true); // 880515300120 with the 11th digit changed
    expect(isValidIin('880515300170')).toBe(true);
    // 061211600012 is decided by the second pass (weight 2 at the 11th digit), so there the change is caught
    expect(isValidIin('061211600002')).toBe(false);
  });

  it('treats a remainder of 10 in both passes as invalid: makeIin gives null and no check digit is accepted', () => {
    const impossible = Array.from({ length: 10_000 }, (_, serial) => serial).find((serial) => makeIin('2019-04-01', 'male', serial) === null);
    expect(impossible).toBeDefined();
    const prefix = `1904015${String(impossible).padStart(4, '0')}`;
    for (let digit = 0; digit <= 9; digit += 1) expect(isValidIin(`${prefix}${digit}`)).toBe(false);
  });

  it('rejects wrong length and non-digits', () => {
    for (const value of ['', '88051530012', '8805153001200', '88051530012a', ' 880515300120']) expect(isValidIin(value)).toBe(false);
  });

  it('makeIin and makeBin produce valid numbers with the requested structure', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.constantFrom('male' as const, 'female' as const),
        fc.integer({ min: 0, max: 9999 }),
        (date, sex, serial) => {
          const birthDate = date.toISOString().slice(0, 10);
          const iin = makeIin(birthDate, sex, serial);
          fc.pre(iin !== null);
          expect(isValidIin(iin!)).toBe(true);
          expect(parseIin(iin!)).toEqual({ birthDate, sex });
        },
      ),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), (serial) => {
        const bin = makeBin('2019-04', 'resident', 'head_office', serial);
        fc.pre(bin !== null);
        expect(bin!.slice(0, 6)).toBe('190440');
        expect(isValidBin(bin!)).toBe(true);
      }),
    );
  });

  it('BIN needs an entity type 4–6 and a unit type 0–3', () => {
    expect(isValidIin('880515300120')).toBe(true);
    expect(isValidBin('880515300120')).toBe(false); // an IIN: the 5th digit is a day
    expect(makeBin('2020-01', 'non_resident', 'branch', 1)?.slice(4, 6)).toBe('51');
  });
});

describe('parseIin gives soft hints only', () => {
  it('reads birth date and sex from the digits', () => {
    expect(parseIin('180513601180')).toEqual({ birthDate: '2018-05-13', sex: 'female' });
    expect(parseIin('880515300120')).toEqual({ birthDate: '1988-05-15', sex: 'male' });
  });

  it('refuses an IIN whose digits do not form a date, even with a right check digit', () => {
    const iin = Array.from({ length: 100 }, (_, serial) => makeIin('2019-04-01', 'male', serial))
      .filter((value): value is string => value !== null)
      .map((value) => `1913${value.slice(4, 11)}`)
      .map((prefix) => Array.from({ length: 10 }, (_, d) => `${prefix}${d}`).find(isValidIin))
      .find((value) => value !== undefined);
    expect(iin).toBeUndefined();
  });

  it('returns null for an invalid IIN', () => {
    expect(parseIin('880515300121')).toBeNull();
  });
});

describe('KZ IBAN and BIC', () => {
  it('accepts published IBANs, with spaces and lower case too', () => {
    for (const iban of ['KZ86125KZT5004100100', 'KZ81722S000002577808', 'KZ978562203105747338']) expect(isValidKzIban(iban)).toBe(true);
    expect(isValidKzIban('kz86 125K ZT50 0410 0100')).toBe(true);
  });

  it('rejects a changed character, wrong length or another country', () => {
    expect(isValidKzIban('KZ86125KZT5004100101')).toBe(false);
    expect(isValidKzIban('KZ86125KZT500410010')).toBe(false);
    expect(isValidKzIban('DE89370400440532013000')).toBe(false);
  });

  it('makeKzIban builds valid IBANs and MOD-97 catches every digit-for-digit or letter-for-letter change', () => {
    // A digit replaced by a letter changes the length of the numeric form, which MOD-97 does not always catch.
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{3}$/),
        fc.stringMatching(/^[A-Z0-9]{13}$/),
        fc.integer({ min: 2, max: 19 }),
        fc.integer({ min: 1, max: 25 }),
        (bank, account, position, shift) => {
          const iban = makeKzIban(bank, account);
          expect(isValidKzIban(iban)).toBe(true);
          const original = iban[position]!;
          const alphabet = /\d/.test(original) ? '0123456789' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
          const replacement = alphabet[(alphabet.indexOf(original) + shift) % alphabet.length]!;
          fc.pre(replacement !== original);
          expect(isValidKzIban(`${iban.slice(0, position)}${replacement}${iban.slice(position + 1)}`)).toBe(false);
        },
      ),
    );
  });

  it('BIC: 4 letters + KZ + 2 characters (+ optional branch)', () => {
    for (const bic of ['CASPKZKA', 'HSBKKZKX', 'hsbkkzkx', 'CASPKZKAXXX']) expect(isValidBic(bic)).toBe(true);
    for (const bic of ['CASPRUKA', 'CASPKZK', '044525225', 'CASPKZKAXX']) expect(isValidBic(bic)).toBe(false);
  });
});

describe('normalizeKzPhone', () => {
  it('normalises the usual ways of typing a number to +7XXXXXXXXXX', () => {
    for (const input of ['+7(771)238-29-72', '8 771 238 29 72', '87712382972', '7712382972', '+7 771 238 2972', '77712382972']) {
      expect(normalizeKzPhone(input)).toBe('+77712382972');
    }
    expect(normalizeKzPhone('8 (727) 339-72-22')).toBe('+77273397222');
  });

  it('rejects Russian numbers, wrong lengths and letters', () => {
    for (const input of ['+7 912 123 45 67', '8771238297', '877123829722', '+7 771 ABC 29 72', '']) expect(normalizeKzPhone(input)).toBeNull();
  });
});

/** A 12-digit number with the right check digit for its first 11 digits (the last digit searched). */
function withRightCheckDigit(first11: string): string | null {
  for (let d = 0; d < 10; d++) {
    const candidate = `${first11}${d}`;
    if (isValidBin(candidate) || isValidIin(candidate) || checksumOnly(candidate)) return candidate;
  }
  return null;
}
/** The check digit alone, recomputed here from the two weighting passes so the tables test structure separately. */
function checksumOnly(value: string): boolean {
  const digits = [...value].map(Number);
  const pass = (weights: number[]) => digits.slice(0, 11).reduce((s, d, i) => s + d * weights[i]!, 0) % 11;
  let check = pass([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (check === 10) check = pass([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return check !== 10 && check === digits[11];
}

describe('identifier edge cases', () => {
  it.each([
    ['000000000000', false, 'all zeros: no 7th digit, no date'],
    ['940140000385', false, 'a BIN (month 40) is not an IIN'],
    ['990140004654', false, 'another BIN'],
    ['880515300120', true, 'a man born 1988'],
    ['061211600012', true, 'a girl born 2006'],
    ['950101400012', true, 'a woman born 1995'],
  ])('IIN %s → %s (%s)', (iin, valid) => {
    expect(isValidIin(iin)).toBe(valid);
  });

  it.each(['0', '7', '8', '9'])('an IIN with the 7th digit %s is refused even with a right check digit', (digit) => {
    const iin = withRightCheckDigit(`880515${digit}0012`);
    if (iin) {
      expect(checksumOnly(iin)).toBe(true);
      expect(isValidIin(iin)).toBe(false);
    }
  });

  it.each([
    ['2023-02-30 (30 February)', '230230', '6'],
    ['1900-02-29 (not a leap year)', '000229', '3'],
    ['month 13', '231301', '5'],
    ['day 00', '230100', '5'],
  ])('an IIN dated %s is refused even with a right check digit', (_name, date, digit) => {
    const iins = Array.from({ length: 20 }, (_, s) => withRightCheckDigit(`${date}${digit}${String(s).padStart(4, '0')}`)).filter((v): v is string => !!v && checksumOnly(v));
    expect(iins.length).toBeGreaterThan(0);
    for (const iin of iins) expect(isValidIin(iin)).toBe(false);
  });

  it('accepts 29 February of a leap year', () => {
    expect(isValidIin(makeIin('2020-02-29', 'female', 12)!)).toBe(true);
  });

  it.each([
    ['940140000385', true],
    ['990140004654', true],
    ['880515300120', false], // an IIN: 5th digit 1
    ['000000000000', false],
  ])('BIN %s → %s', (bin, valid) => {
    expect(isValidBin(bin)).toBe(valid);
  });

  it.each([
    ['KZ86125KZT5004100100', 'NBRKKZKX', true],
    ['KZ86125KZT5004100100', 'HSBKKZKX', false],
    ['KZ81722S000002577808', 'CASPKZKA', true],
    ['KZ81722S000002577808', 'HSBKKZKX', false],
    [makeKzIban('601', 'KZT0000000001'), 'HSBKKZKX', true],
    ['KZ978562203105747338', 'KCJBKZKX', true],
    [makeKzIban('111', 'KZT0000000001'), 'HSBKKZKX', null],
  ])('IBAN %s with BIC %s → %s', (iban, bic, matches) => {
    expect(isValidKzIban(iban)).toBe(true);
    expect(ibanMatchesBic(iban, bic)).toBe(matches);
  });

  it.each([
    ['KZ86125KZT5004100101', false, 'one digit changed'],
    ['KZ86 125K ZT50 0410 0100', true, 'grouped by four'],
    ['KZ86125KZT500410010', false, '19 characters'],
  ])('IBAN %s → %s (%s)', (iban, valid) => {
    expect(isValidKzIban(iban)).toBe(valid);
  });

  it('flags an IIN whose birth date or sex differ from the entered data', () => {
    const iin = makeIin('2020-03-01', 'male', 17)!;
    expect(iinDataMismatch({ iin, birthDate: '2020-03-01', sex: 'male' })).toEqual([]);
    expect(iinDataMismatch({ iin, birthDate: '2020-03-02', sex: 'female' })).toEqual(['birthDate', 'sex']);
  });

  it.each([
    ['+7 (701) 234-56-78', '+77012345678'],
    ['8 701 234 56 78', '+77012345678'],
    ['7012345678', '+77012345678'],
    ['+7 912 345 67 89', null], // a Russian number
    ['+7 701 234 56 7', null],
  ])('phone %s → %s', (phone, normalized) => {
    expect(normalizeKzPhone(phone)).toBe(normalized);
  });
});

describe('a search typed as an identifier', () => {
  it('is pointed out when 12 digits are neither an IIN nor a BIN; names, parts and valid identifiers are not', () => {
    const serials = Array.from({ length: 20 }, (_, i) => i + 1);
    const iin = serials.map((n) => makeIin('2021-04-15', 'male', n)).find((v) => v !== null)!;
    const bin = serials.map((n) => makeBin('2015-03', 'resident', 'head_office', n)).find((v) => v !== null)!;
    expect([iin, ` ${bin} `, 'Ахметов', '2104', ''].map(isMistypedIdentifier)).toEqual([false, false, false, false, false]);
    expect(isMistypedIdentifier(`${iin.slice(0, 11)}${(Number(iin[11]) + 1) % 10}`)).toBe(true);
    expect(isMistypedIdentifier('000000000000')).toBe(true);
  });
});
