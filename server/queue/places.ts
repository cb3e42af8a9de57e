/**
 * Keeps every stored queue place equal to the rule of domain/queue-places.ts: after any change to a queue the
 * whole queue is re-ranked, changed places are saved and each parent whose place changed is notified. The
 * application just decided (if any) is left to its caller's own notification.
 */
import type { SpecialQueueApplication } from '../../domain/entities';
import { queueKeyOf, queuePlaces } from '../../domain/queue-places';
import { inAllLanguages, parentNotification } from '../../domain/texts';
import { notifyParent, type WriteRun } from '../mutations/common';
import { listRowsWhere, putRow } from '../store/entity-store';

/**
 * Re-ranks the queue of `app` (as it is now stored) and returns the place of every member. Members whose place
 * changed are saved; their parents get «Место в очереди: N» unless the member is `decidedId`.
 */
export async function reassignQueuePlaces(run: WriteRun, app: SpecialQueueApplication, decidedId: string | null): Promise<Map<string, number>> {
  const key = queueKeyOf(app);
  const rows = (await listRowsWhere(run.tx, 'specialQueueApplication', 'locality', app.locality)).filter((r) => queueKeyOf(r.data) === key);
  const places = queuePlaces(rows.map((r) => r.data));
  for (const row of rows) {
    const place = places.get(row.id) ?? null;
    if (place === row.data.queuePlace) continue;
    await putRow(run.tx, 'specialQueueApplication', row.orgId, { ...row.data, queuePlace: place });
    run.touchedOrgs.add(row.orgId);
    if (row.id === decidedId || place === null) continue;
    await notifyParent(run.tx, run.now, {
      parentIin: row.data.parentIin,
      subjectType: 'special_queue',
      subjectId: row.id,
      kind: 'queue_place_changed',
      text: inAllLanguages((lang) => parentNotification.queuePlaceChanged(place, lang)),
    });
  }
  return places;
}
