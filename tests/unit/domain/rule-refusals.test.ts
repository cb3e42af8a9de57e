// The rules the desktop checks before signing (the server checks the same functions again).
import { describe, expect, it } from 'vitest';
import { contractStateOf, transitionContract } from '../../../domain/contract-machine';
import { archiveDateProblem, latestOfferStart, offerStartProblem } from '../../../domain/date-rules';
import { requiredDocuments } from '../../../domain/required-documents';
import { documentUploadProblem, MAX_DOCUMENT_BYTES } from '../../../domain/rules';
import { displayText } from '../../../domain/text/catalogue';
import { contractRefusalText } from '../../../domain/text/machine-refusals';
import type { DocumentKind } from '../../../domain/catalogue-ids';

const docs = (kinds: readonly DocumentKind[], status: 'approved' | 'pending' = 'approved') =>
  kinds.map((kind) => ({ id: kind, kind, current: true, reviewStatus: status }));
const signOf = (kind: { isVoucher: boolean; pmpkConclusion: boolean }, documents: ReturnType<typeof docs>) =>
  transitionContract(contractStateOf({ status: 'submitted', reworkCount: 0, round: 1, ...kind }, documents), { type: 'sign' });

describe('required documents', () => {
  it('refuses signing while one is missing, naming it, for every contract kind', () => {
    const kinds = { ordinary: { isVoucher: false, pmpkConclusion: false }, voucher: { isVoucher: true, pmpkConclusion: false }, voucher_with_pmpk: { isVoucher: true, pmpkConclusion: true } };
    for (const [name, flags] of Object.entries(kinds)) {
      const required = requiredDocuments[name as keyof typeof kinds];
      expect(signOf(flags, docs(required)).ok).toBe(true);
      for (const left of required) {
        const result = signOf(flags, docs(required.filter((k) => k !== left)));
        expect(result).toMatchObject({ ok: false, refusal: { code: 'REQUIRED_DOCUMENT_MISSING', kinds: [left] } });
      }
    }
    const onlyPhoto = signOf(kinds.ordinary, docs(['child_photo']));
    expect(!onlyPhoto.ok && displayText(contractRefusalText(onlyPhoto.refusal), 'ru')).toBe(
      'Не приложен обязательный документ: «Свидетельство о рождении» (всего не хватает: 3). Без него договор подписать нельзя.',
    );
  });

  it('refuses signing while one is not approved', () => {
    const required = requiredDocuments.voucher_with_pmpk;
    const documents = [...docs(required.filter((k) => k !== 'pmpk_conclusion')), ...docs(['pmpk_conclusion'], 'pending')];
    expect(signOf({ isVoucher: true, pmpkConclusion: true }, documents)).toMatchObject({ ok: false, refusal: { code: 'REQUIRED_DOCUMENT_NOT_APPROVED', kinds: ['pmpk_conclusion'] } });
  });
});

describe('file rules', () => {
  const jpeg = (size: number) => {
    const bytes = new Uint8Array(size).fill(0x20);
    bytes.set([0xff, 0xd8, 0xff], 0);
    bytes.set([0xff, 0xd9], size - 2);
    return bytes;
  };
  it.each([
    ['a JPEG at the limit', 'image/jpeg', jpeg(MAX_DOCUMENT_BYTES), null],
    ['a JPEG one byte over', 'image/jpeg', jpeg(MAX_DOCUMENT_BYTES + 1), 'FILE_TOO_LARGE'],
    ['a PNG', 'image/png', jpeg(100), 'UNSUPPORTED_FILE_TYPE'],
    ['text labelled JPEG', 'image/jpeg', new TextEncoder().encode('hello world'), 'UNREADABLE_FILE'],
    ['a truncated JPEG', 'image/jpeg', jpeg(100).subarray(0, 50), 'UNREADABLE_FILE'],
    ['a PDF', 'application/pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n'), null],
    ['a PDF without its end', 'application/pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj'), 'UNREADABLE_FILE'],
    ['an empty file', 'image/jpeg', new Uint8Array(0), 'EMPTY_FILE'],
  ])('%s', (_name, mime, bytes, problem) => {
    expect(documentUploadProblem({ mime, bytes })).toBe(problem);
  });
});

describe('date rules', () => {
  it('an offer starts from today to the end of the school year (the next one from June)', () => {
    expect(offerStartProblem('2020-01-01', '2026-12-07')).toBe('START_DATE_IN_PAST');
    expect(offerStartProblem('2026-12-06', '2026-12-07')).toBe('START_DATE_IN_PAST');
    expect(offerStartProblem('2026-12-07', '2026-12-07')).toBeNull();
    expect(latestOfferStart('2026-12-07')).toBe('2027-08-31');
    expect(offerStartProblem('2027-09-01', '2026-12-07')).toBe('START_DATE_OUTSIDE_SCHOOL_YEAR');
    expect(latestOfferStart('2027-06-01')).toBe('2028-08-31');
    expect(latestOfferStart('2027-05-31')).toBe('2027-08-31');
  });
  it('an archive is dated between the signing and today', () => {
    expect(archiveDateProblem('2019-01-01', '2026-09-01', '2026-12-07')).toBe('ARCHIVE_BEFORE_SIGNING');
    expect(archiveDateProblem('2026-12-08', '2026-09-01', '2026-12-07')).toBe('ARCHIVE_IN_FUTURE');
    expect(archiveDateProblem('2026-09-01', '2026-09-01', '2026-12-07')).toBeNull();
    expect(archiveDateProblem('2026-12-07', '2026-09-01', '2026-12-07')).toBeNull();
  });
});
