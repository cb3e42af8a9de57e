/**
 * The voucher a confirmed special-queue application receives when its turn comes, and its life cycle:
 *
 *   issued ─interest confirmed (≤ 2 working days)→ interest_confirmed ─contract signed→ enrolled
 *   issued ─declined→ declined (application archived; the parent queues again)
 *   issued ─not confirmed in time→ stop_listed
 *   interest_confirmed ─not enrolled in 5 working days (+ one 2-day extension asked on the last day)→ annulled (archived)
 *
 * The server applies the expiries (its scheduler); parents act through the portal (the demo's parent simulator).
 */
import { z } from 'zod';
import { addWorkingDays, installedCalendarVersion } from './calendar';
import { VOUCHER_CONFIRM_WORKING_DAYS, voucherEnrollDueOn } from './rules';
import { extendedDueOn } from './deadline';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const voucherStatuses = ['issued', 'interest_confirmed', 'enrolled', 'declined', 'stop_listed', 'annulled'] as const;
export const voucherStatusSchema = z.enum(voucherStatuses);
export type VoucherStatus = z.infer<typeof voucherStatusSchema>;

export const voucherSchema = z.object({
  status: voucherStatusSchema,
  issuedOn: isoDate,
  /** Last day to confirm interest. */
  confirmDueOn: isoDate,
  confirmedOn: isoDate.nullable(),
  /** Last day to enroll (choose a kindergarten and sign its contract); moves once with the extension. */
  enrollDueOn: isoDate.nullable(),
  extended: z.boolean(),
  /** The kindergarten the parent chose and the direction that choice created. */
  kindergartenId: z.string().nullable(),
  directionId: z.string().nullable(),
  /** The day the voucher ended (enrolled, declined, stop-listed or annulled). */
  endedOn: isoDate.nullable(),
  /** The calendar version the deadlines were computed with (both follow from issuedOn and confirmedOn). */
  calendarVersion: z.number().int().positive().default(1),
});
export type Voucher = z.infer<typeof voucherSchema>;

/** Voucher states in which the application still holds a live voucher. */
export const liveVoucherStatuses: ReadonlySet<VoucherStatus> = new Set(['issued', 'interest_confirmed']);

export type VoucherRefusalCode =
  | 'NO_VOUCHER'
  | 'VOUCHER_NOT_ISSUED'
  | 'VOUCHER_INTEREST_NOT_CONFIRMED'
  | 'VOUCHER_ALREADY_EXTENDED'
  | 'VOUCHER_EXTENSION_NOT_YET'
  | 'VOUCHER_KINDERGARTEN_ALREADY_CHOSEN'
  | 'VOUCHER_KINDERGARTEN_NOT_LISTED';

export type VoucherStep = { ok: true; voucher: Voucher } | { ok: false; code: VoucherRefusalCode };

export function issueVoucher(today: string): Voucher {
  return {
    status: 'issued',
    issuedOn: today,
    confirmDueOn: addWorkingDays(today, VOUCHER_CONFIRM_WORKING_DAYS),
    confirmedOn: null,
    enrollDueOn: null,
    extended: false,
    kindergartenId: null,
    directionId: null,
    endedOn: null,
    calendarVersion: installedCalendarVersion(),
  };
}

/** «Да» / «Нет» on the voucher card. */
export function answerInterest(voucher: Voucher | null, interested: boolean, today: string): VoucherStep {
  if (!voucher) return { ok: false, code: 'NO_VOUCHER' };
  if (voucher.status !== 'issued') return { ok: false, code: 'VOUCHER_NOT_ISSUED' };
  if (!interested) return { ok: true, voucher: { ...voucher, status: 'declined', endedOn: today } };
  return { ok: true, voucher: { ...voucher, status: 'interest_confirmed', confirmedOn: today, enrollDueOn: voucherEnrollDueOn(today, false), calendarVersion: installedCalendarVersion() } };
}

/** «Выбрать ДО» → «Зачислиться»: the parent picks one of the kindergartens of the application. */
export function chooseKindergarten(voucher: Voucher | null, kindergartenId: string, allowed: readonly string[], directionId: string): VoucherStep {
  if (!voucher) return { ok: false, code: 'NO_VOUCHER' };
  if (voucher.status !== 'interest_confirmed') return { ok: false, code: 'VOUCHER_INTEREST_NOT_CONFIRMED' };
  if (voucher.kindergartenId) return { ok: false, code: 'VOUCHER_KINDERGARTEN_ALREADY_CHOSEN' };
  if (!allowed.includes(kindergartenId)) return { ok: false, code: 'VOUCHER_KINDERGARTEN_NOT_LISTED' };
  return { ok: true, voucher: { ...voucher, kindergartenId, directionId } };
}

/** The one 2-working-day extension, offered on the last (5th) day of the enrollment window. */
export function extendVoucher(voucher: Voucher | null, today: string): VoucherStep {
  if (!voucher) return { ok: false, code: 'NO_VOUCHER' };
  if (voucher.status !== 'interest_confirmed' || !voucher.confirmedOn || !voucher.enrollDueOn) return { ok: false, code: 'VOUCHER_INTEREST_NOT_CONFIRMED' };
  if (voucher.extended) return { ok: false, code: 'VOUCHER_ALREADY_EXTENDED' };
  if (today !== voucher.enrollDueOn) return { ok: false, code: 'VOUCHER_EXTENSION_NOT_YET' };
  return { ok: true, voucher: { ...voucher, extended: true, enrollDueOn: voucherEnrollDueOn(voucher.confirmedOn, true), calendarVersion: installedCalendarVersion() } };
}

/** What the scheduler does to a voucher on `today`, if anything: its deadline passed without the parent's step. */
export function voucherExpiry(voucher: Voucher | null, today: string): 'stop_listed' | 'annulled' | null {
  if (!voucher) return null;
  if (voucher.status === 'issued' && voucher.confirmDueOn < today) return 'stop_listed';
  if (voucher.status === 'interest_confirmed' && voucher.enrollDueOn && voucher.enrollDueOn < today) return 'annulled';
  return null;
}

/** The voucher's deadlines recomputed on the installed calendar after a calendar change, only ever later. */
export function voucherDeadlinesRecomputed(voucher: Voucher): Voucher {
  const confirmDueOn = extendedDueOn(voucher.confirmDueOn, addWorkingDays(voucher.issuedOn, VOUCHER_CONFIRM_WORKING_DAYS));
  const enrollDueOn = voucher.confirmedOn && voucher.enrollDueOn ? extendedDueOn(voucher.enrollDueOn, voucherEnrollDueOn(voucher.confirmedOn, voucher.extended)) : voucher.enrollDueOn;
  return { ...voucher, confirmDueOn, enrollDueOn, calendarVersion: installedCalendarVersion() };
}

/** A deadline inside a voucher's window: never later than the voucher's own last day. */
export function fitVoucherWindow(dueOn: string, voucher: Pick<Voucher, 'enrollDueOn'> | null): string {
  return voucher?.enrollDueOn && voucher.enrollDueOn < dueOn ? voucher.enrollDueOn : dueOn;
}
