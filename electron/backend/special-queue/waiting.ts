/** How long an application has waited, in Kazakhstan working days (DESIGN §2: every list shows working days). */
import { todayInKazakhstan, workingDaysBetween } from '../../../domain/calendar';
import type { SpecialQueueApplication } from '../../../domain/entities';

/** From the submission day to the decision day, or to today while the application still awaits a decision. */
export function waitingWorkingDays(a: Pick<SpecialQueueApplication, 'submittedAt' | 'decidedAt'>, now: Date): number {
  const end = a.decidedAt ? new Date(a.decidedAt) : now;
  return Math.max(0, workingDaysBetween(todayInKazakhstan(new Date(a.submittedAt)), todayInKazakhstan(end)));
}
