/**
 * PMPK decisions on special-queue applications. Confirming puts the application into its queue; the places of
 * the whole queue follow the one rule of domain/queue-places.ts (server/queue/places.ts keeps them).
 */
import { transitionSpecialQueue, type SpecialQueueEvent } from '../../domain/special-queue-machine';
import type { SpecialQueueApplication } from '../../domain/entities';
import type { MutationArgs } from '../../domain/mutations';
import { inAllLanguages, parentNotification } from '../../domain/texts';
import { specialQueueRefusalText } from '../../domain/text/machine-refusals';
import { putRow } from '../store/entity-store';
import { reassignQueuePlaces } from '../queue/places';
import {
  loadTarget,
  notifyParent,
  requireBaseVersion,
  requireRole,
  verifyDecisionSignature,
  writeHistory,
  type MutationRun,
} from './common';
import { Refusal } from './refusal';


async function openApplication(run: MutationRun, applicationId: string) {
  const row = await loadTarget(run, 'specialQueueApplication', applicationId);
  requireRole(run, row.orgId);
  requireBaseVersion(run, row);
  run.touchedOrgs.add(row.orgId);
  return row;
}

function decide(app: SpecialQueueApplication, event: SpecialQueueEvent) {
  const result = transitionSpecialQueue({ status: app.status, queuePlace: app.queuePlace }, event);
  if (!result.ok) {
    throw Refusal.of(specialQueueRefusalText(result.refusal));
  }
  return result.state;
}

export async function confirmApplication(run: MutationRun, args: MutationArgs<'specialQueue.confirm'>): Promise<void> {
  const row = await openApplication(run, args.applicationId);
  decide(row.data, { type: 'confirm', queuePlace: 1 }); // refuses a decided application before the signature is checked
  await verifyDecisionSignature(run, row.orgId, args.cms);
  const decided: SpecialQueueApplication = {
    ...row.data,
    status: 'confirmed',
    queuePlace: null,
    confirmedCorrectionType: args.correctionType,
    note: args.note,
    decidedByFullName: run.user.fullName,
    decidedAt: run.now.toISOString(),
  };
  await putRow(run.tx, 'specialQueueApplication', row.orgId, decided);
  const place = (await reassignQueuePlaces(run, decided, row.id)).get(row.id)!;
  await writeHistory(run, row.orgId, {
    subjectType: 'special_queue',
    subjectId: row.id,
    kind: 'confirmed',
    actorName: run.user.fullName,
    round: null,
    details: { queuePlace: place, correctionType: args.correctionType, note: args.note },
  });
  await notifyParent(run.tx, run.now, {
    parentIin: row.data.parentIin,
    subjectType: 'special_queue',
    subjectId: row.id,
    kind: 'voucher_confirmed',
    text: inAllLanguages((lang) => parentNotification.voucherConfirmed(place, lang)),
  });
}

/** Rejecting archives the application (status `rejected`) and names the specialist to the parent. */
export async function rejectApplication(run: MutationRun, args: MutationArgs<'specialQueue.reject'>): Promise<void> {
  const row = await openApplication(run, args.applicationId);
  const next = decide(row.data, { type: 'reject' });
  await verifyDecisionSignature(run, row.orgId, args.cms);
  await putRow(run.tx, 'specialQueueApplication', row.orgId, {
    ...row.data,
    status: next.status,
    rejectReason: args.reason,
    rejectComment: args.comment,
    decidedByFullName: run.user.fullName,
    decidedAt: run.now.toISOString(),
  });
  await writeHistory(run, row.orgId, {
    subjectType: 'special_queue',
    subjectId: row.id,
    kind: 'rejected',
    actorName: run.user.fullName,
    round: null,
    details: { reason: args.reason, comment: args.comment },
  });
  await notifyParent(run.tx, run.now, {
    parentIin: row.data.parentIin,
    subjectType: 'special_queue',
    subjectId: row.id,
    kind: 'voucher_rejected',
    text: inAllLanguages((lang) => parentNotification.voucherRejected(run.user.fullName, lang)),
  });
}
