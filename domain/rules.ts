/**
 * Business rules of the flows (DESIGN §2, seeds 000 and 001) as named constants, and the deadlines derived
 * from them in Kazakhstan working days. Deadlines take the ISO date of the triggering event and return the ISO
 * due date; the event day itself is not counted.
 */
import { addWorkingDays } from './calendar';
import { deadlineBasis, dueOnOf, type DeadlineBasis } from './deadline';

/** A parent may resubmit after «Доработать» at most this many times; afterwards only sign or reject remain. */
export const MAX_REWORK_ATTEMPTS = 2;
/** The parent signs the contract within this many working days of the offer. */
export const PARENT_SIGN_WORKING_DAYS = 7;
/** The kindergarten sends the contract offer within this many working days of the direction. */
export const OFFER_WORKING_DAYS = 5;
/** A voucher holder confirms interest within this many working days of the voucher notification. */
export const VOUCHER_CONFIRM_WORKING_DAYS = 2;
/** After confirming, the voucher holder enrolls (chooses a kindergarten, signs the contract) within … */
export const VOUCHER_ENROLL_WORKING_DAYS = 5;
/** … plus this one-time extension offered on the last day. */
export const VOUCHER_ENROLL_EXTENSION_WORKING_DAYS = 2;

/** The queue drops a child who reaches this age by the end of the current calendar year (seed 002). */
export const QUEUE_AGE_LIMIT_YEARS = 7;

/** Whether the child is 7 (in full years) by 31 December of `today`'s year: the application leaves the queue. */
export function reachesQueueAgeLimit(birthDate: string, today: string): boolean {
  return Number(birthDate.slice(0, 4)) + QUEUE_AGE_LIMIT_YEARS <= Number(today.slice(0, 4));
}

/** Each attached document: 2 MiB at most. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
/** The portals ask for JPEG; PDF is accepted too. */
export const ALLOWED_DOCUMENT_MIMES = ['image/jpeg', 'application/pdf'] as const;
export type DocumentMime = (typeof ALLOWED_DOCUMENT_MIMES)[number];

export function isAllowedDocumentMime(mime: string): mime is DocumentMime {
  return (ALLOWED_DOCUMENT_MIMES as readonly string[]).includes(mime);
}

export type DocumentFileProblem = 'EMPTY_FILE' | 'FILE_TOO_LARGE' | 'UNSUPPORTED_FILE_TYPE' | 'UNREADABLE_FILE';

/** Why an attached file is not acceptable, or null when it is. */
export function documentFileProblem(file: { mime: string; size: number }): DocumentFileProblem | null {
  if (!isAllowedDocumentMime(file.mime)) return 'UNSUPPORTED_FILE_TYPE';
  if (file.size <= 0) return 'EMPTY_FILE';
  if (file.size > MAX_DOCUMENT_BYTES) return 'FILE_TOO_LARGE';
  return null;
}

/** Whether the bytes are what the type says: a whole JPEG (SOI … EOI) or a PDF with its header and end marker. */
function contentMatches(mime: DocumentMime, bytes: Uint8Array): boolean {
  if (mime === 'image/jpeg') {
    const n = bytes.length;
    return n > 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff && bytes[n - 2] === 0xff && bytes[n - 1] === 0xd9;
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 5));
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
  return head === '%PDF-' && tail.includes('%%EOF');
}

/** A file whose bytes are not a readable file of its declared type. */
export function documentContentProblem(mime: DocumentMime, bytes: Uint8Array): 'UNREADABLE_FILE' | null {
  return contentMatches(mime, bytes) ? null : 'UNREADABLE_FILE';
}

/** The file rules at upload: type, size, and a readable file of that type. */
export function documentUploadProblem(file: { mime: string; bytes: Uint8Array }): DocumentFileProblem | null {
  const problem = documentFileProblem({ mime: file.mime, size: file.bytes.length });
  if (problem) return problem;
  return documentContentProblem(file.mime as DocumentMime, file.bytes);
}

/** The deadline for the kindergarten to send the offer for a direction issued on `issuedOn`. */
export function offerDeadline(issuedOn: string): DeadlineBasis {
  return deadlineBasis(issuedOn, OFFER_WORKING_DAYS);
}

/** Last day for the kindergarten to send the offer for a direction issued on `issuedOn`. */
export function offerDueOn(issuedOn: string): string {
  return dueOnOf(offerDeadline(issuedOn));
}

/** The deadline for the parent to sign a contract offered (or returned for rework) on `offeredOn`. */
export function parentSignDeadline(offeredOn: string): DeadlineBasis {
  return deadlineBasis(offeredOn, PARENT_SIGN_WORKING_DAYS);
}

/** Last day for the parent to sign a contract offered (or returned for rework) on `offeredOn`. */
export function parentSignDueOn(offeredOn: string): string {
  return dueOnOf(parentSignDeadline(offeredOn));
}

/** Last day to confirm interest in a voucher notified on `notifiedOn`. */
export function voucherConfirmDueOn(notifiedOn: string): string {
  return addWorkingDays(notifiedOn, VOUCHER_CONFIRM_WORKING_DAYS);
}

/** Last day to enroll with a voucher confirmed on `confirmedOn`, with or without the 2-day extension. */
export function voucherEnrollDueOn(confirmedOn: string, extended: boolean): string {
  const days = VOUCHER_ENROLL_WORKING_DAYS + (extended ? VOUCHER_ENROLL_EXTENSION_WORKING_DAYS : 0);
  return addWorkingDays(confirmedOn, days);
}

/** How many rework attempts the parent still has after `reworkCount` returns. */
export function reworkAttemptsLeft(reworkCount: number): number {
  return Math.max(0, MAX_REWORK_ATTEMPTS - reworkCount);
}
