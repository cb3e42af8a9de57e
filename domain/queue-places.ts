/**
 * The place of a special-queue (voucher) application, defined once for the server and every client.
 *
 * A queue is one locality and one correction type (the PMPK's confirmed type when it corrected the parent's).
 * Only applications the PMPK confirmed and that wait for a voucher stand in it. They are ranked by the date and
 * time of the application (earlier first; the id breaks exact ties), so the places are always 1..n without gaps
 * or repeats. A confirmation of an earlier application therefore moves later ones down by one, and a voucher
 * issued (or an application archived) moves the later ones up: each of those parents is told the new place.
 */
import type { SpecialQueueApplication } from './entities';
import { reachesQueueAgeLimit } from './rules';

type QueueFields = Pick<SpecialQueueApplication, 'id' | 'status' | 'locality' | 'correctionType' | 'confirmedCorrectionType' | 'submittedAt' | 'voucher'>;

/** Applications with the same key stand in the same queue. */
export function queueKeyOf(app: Pick<QueueFields, 'locality' | 'correctionType' | 'confirmedCorrectionType'>): string {
  return `${app.locality}\u0000${app.confirmedCorrectionType ?? app.correctionType}`;
}

/** Confirmed and still waiting for a voucher. */
export function standsInQueue(app: Pick<QueueFields, 'status' | 'voucher'>): boolean {
  return app.status === 'confirmed' && app.voucher === null;
}

/**
 * An application still waiting (for the PMPK's decision or in the queue) whose child is 7 by the end of `today`'s
 * year: the scheduler archives it, the desktop flags it.
 */
export function waitsPastQueueAgeLimit(app: Pick<SpecialQueueApplication, 'status' | 'voucher' | 'child'>, today: string): boolean {
  const waiting = app.status === 'awaiting_confirmation' || standsInQueue(app);
  return waiting && reachesQueueAgeLimit(app.child.birthDate, today);
}

export function compareQueueOrder(a: Pick<QueueFields, 'submittedAt' | 'id'>, b: Pick<QueueFields, 'submittedAt' | 'id'>): number {
  const at = Date.parse(a.submittedAt) - Date.parse(b.submittedAt);
  if (at !== 0) return at;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The place of every application standing in the queues of `apps` (1-based per queue). */
export function queuePlaces(apps: readonly QueueFields[]): Map<string, number> {
  const queues = new Map<string, QueueFields[]>();
  for (const app of apps.filter(standsInQueue)) {
    const key = queueKeyOf(app);
    queues.set(key, [...(queues.get(key) ?? []), app]);
  }
  const places = new Map<string, number>();
  for (const members of queues.values()) {
    [...members].sort(compareQueueOrder).forEach((app, i) => places.set(app.id, i + 1));
  }
  return places;
}
