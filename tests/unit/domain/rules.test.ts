import { describe, expect, it } from 'vitest';
import {
  documentFileProblem,
  MAX_DOCUMENT_BYTES,
  offerDueOn,
  parentSignDueOn,
  reworkAttemptsLeft,
  voucherConfirmDueOn,
  voucherEnrollDueOn,
} from '../../../domain/rules';

describe('deadlines in Kazakhstan working days', () => {
  it('offer within 5 working days of the direction, across New Year and Orthodox Christmas', () => {
    // 30, 31 Dec, 5, 6 Jan, (7 Jan Christmas), 8 Jan
    expect(offerDueOn('2025-12-29')).toBe('2026-01-08');
  });

  it('parent signs within 7 working days of the offer, across Nauryz', () => {
    // 20 Mar, (21–25 Nauryz and carry-over), 26, 27, 30, 31 Mar, 1, 2 Apr
    expect(parentSignDueOn('2026-03-19')).toBe('2026-04-02');
  });

  it('voucher: confirm within 2 working days (Kurban Ait 27 May 2026 is not counted)', () => {
    expect(voucherConfirmDueOn('2026-05-26')).toBe('2026-05-29');
  });

  it('voucher: enroll within 5 working days, or 5 + 2 with the extension', () => {
    // 8 May, (9 May Saturday → 11 May off), 12, 13, 14, 15 May; extension 18, 19 May
    expect(voucherEnrollDueOn('2026-05-06', false)).toBe('2026-05-15');
    expect(voucherEnrollDueOn('2026-05-06', true)).toBe('2026-05-19');
  });

  it('counts rework attempts left', () => {
    expect([0, 1, 2, 3].map(reworkAttemptsLeft)).toEqual([2, 1, 0, 0]);
  });
});

describe('document files', () => {
  it('accepts JPEG and PDF up to 2 MiB', () => {
    expect(documentFileProblem({ mime: 'image/jpeg', size: MAX_DOCUMENT_BYTES })).toBeNull();
    expect(documentFileProblem({ mime: 'application/pdf', size: 1 })).toBeNull();
  });

  it('refuses larger, empty and other files', () => {
    expect(MAX_DOCUMENT_BYTES).toBe(2_097_152);
    expect(documentFileProblem({ mime: 'image/jpeg', size: MAX_DOCUMENT_BYTES + 1 })).toBe('FILE_TOO_LARGE');
    expect(documentFileProblem({ mime: 'image/jpeg', size: 0 })).toBe('EMPTY_FILE');
    expect(documentFileProblem({ mime: 'image/png', size: 10 })).toBe('UNSUPPORTED_FILE_TYPE');
  });
});
