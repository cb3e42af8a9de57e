import { describe, expect, it } from 'vitest';
import { contractDataHints } from '../../../domain/data-hints';
import { makeIin, makeKzIban } from '../../../domain/identifiers';

const iin = (birthDate: string, sex: 'male' | 'female') => {
  for (let serial = 1; ; serial++) {
    const value = makeIin(birthDate, sex, serial);
    if (value) return value;
  }
};

const childIin = iin('2022-04-15', 'male');
const parentIin = iin('1991-05-14', 'female');
const base = {
  child: { fullName: 'Ахметов Даниял', iin: childIin, birthDate: '2022-04-15', sex: 'male' as const },
  parent: { fullName: 'Ахметова Айжан', iin: parentIin, idDocumentNumber: '045612378', address: 'Астана', phone: '+7 701 234 5678', workplace: '', position: '' },
  bank: { iban: makeKzIban('601', 'KZT5004100100'), bic: 'HSBKKZKX', bankName: 'Halyk' },
};

describe('data hints on the contract screen', () => {
  it('has nothing to say about consistent data', () => {
    expect(contractDataHints(base)).toEqual([]);
    expect(contractDataHints({ ...base, bank: null })).toEqual([]);
  });

  it('flags an IIN whose birth date or sex disagrees with the entered ones', () => {
    expect(contractDataHints({ ...base, child: { ...base.child, birthDate: '2022-04-16' } })).toEqual(['childIinBirthDate']);
    expect(contractDataHints({ ...base, child: { ...base.child, sex: 'female' } })).toEqual(['childIinSex']);
  });

  it('flags malformed identifiers: IIN check digit or date, phone, IBAN, BIC, and an IBAN of another bank', () => {
    const wrongCheck = `${childIin.slice(0, 11)}${(Number(childIin[11]) + 1) % 10}`;
    expect(contractDataHints({ ...base, child: { ...base.child, iin: wrongCheck } })).toContain('childIinInvalid');
    expect(contractDataHints({ ...base, parent: { ...base.parent, iin: '000000000000' } })).toEqual(['parentIinInvalid']);
    expect(contractDataHints({ ...base, parent: { ...base.parent, phone: '+7 901 234 5678' } })).toEqual(['phoneInvalid']);
    expect(contractDataHints({ ...base, bank: { ...base.bank, iban: base.bank.iban.replace(/.$/, (c) => (c === '0' ? '1' : '0')) } })).toEqual(['ibanInvalid']);
    expect(contractDataHints({ ...base, bank: { ...base.bank, bic: 'HSBK' } })).toEqual(['bicInvalid']);
    expect(contractDataHints({ ...base, bank: { ...base.bank, bic: 'CASPKZKA' } })).toEqual(['ibanBicMismatch']);
  });
});
