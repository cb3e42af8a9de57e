/**
 * A working-day deadline remembers what it was computed from: the event day, the number of working days and the
 * calendar version. When a new calendar year or decree arrives, the server recomputes every open deadline from its
 * basis with the new calendar and keeps the later of the two dates, so nobody loses a day they were promised.
 */
import { z } from 'zod';
import { addWorkingDays, installedCalendarVersion } from './calendar';

export const deadlineBasisSchema = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
  workingDays: z.number().int().nonnegative(),
  /** The calendar version the due date was computed with. */
  calendarVersion: z.number().int().positive(),
});
export type DeadlineBasis = z.infer<typeof deadlineBasisSchema>;

/** The basis of a deadline `workingDays` after `from`, on the installed calendar. */
export function deadlineBasis(from: string, workingDays: number): DeadlineBasis {
  return { from, workingDays, calendarVersion: installedCalendarVersion() };
}

/** The due date of a basis on the installed calendar. */
export function dueOnOf(basis: Pick<DeadlineBasis, 'from' | 'workingDays'>): string {
  return addWorkingDays(basis.from, basis.workingDays);
}

/** A deadline after a calendar change: recomputed on the installed calendar, but never earlier than before. */
export function extendedDueOn(current: string, recomputed: string): string {
  return recomputed > current ? recomputed : current;
}
