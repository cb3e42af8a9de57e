/**
 * PMPK decisions on special-queue applications. Confirming assigns the queue place: the application's position
 * among confirmed applications of the same locality and correction type, ordered by submission time.
 */
import { transitionSpecialQueue, type SpecialQueueEvent } from '../../domain/special-queue-machine';
import type { SpecialQueueApplication } from '../../domain/entities';
import type { MutationArgs } from '../../domain/mutations';
import { inAllLanguages, parentNotification } from '../../domain/texts';
import { specialQueueRefusalText } from '../../domain/text/machine-refusals';
import { sql } from 'drizzle-orm';
import { entities } from '../db/schema';
import { putRow, type StoredRow } from '../store/entity-store';
import {
  ANY_STAFF_CERT_ROLES,
  loadTarget,
  notifyParent,
  requireBaseVersion,
  requireRole,
  verifyDecisionSignature,
  writeHistory,
  type MutationRun,
} from './common';
import { Refusal } from './refusal';
import { signingPolicies } from '../../domain/signing-policy';

const PMPK_ROLES = signingPolicies['specialQueue.confirm'].staffRoles;

async function openApplication(run: MutationRun, applicationId: string) {
  const row = await loadTarget(run, 'specialQueueApplication', applicationId);
  requireRole(run, row.orgId, PMPK_ROLES);
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

const effectiveType = (a: SpecialQueueApplication) => a.confirmedCorrectionType ?? a.correctionType;

/** Confirmed applications of the same queue (locality + correction type), across PMPKs, oldest submission first. */
async function sameQueue(run: MutationRun, app: SpecialQueueApplication): Promise<StoredRow<'specialQueueApplication'>[]> {
  const rows = await run.tx
    .select()
    .from(entities)
    .where(sql`${entities.entity} = 'specialQueueApplication' AND ${entities.deleted} = false
      AND ${entities.data}->>'status' = 'confirmed' AND ${entities.data}->>'locality' = ${app.locality}`);
  return rows
    .map((r) => ({ entity: 'specialQueueApplication' as const, id: r.id, orgId: r.orgId, version: r.version, data: r.data as SpecialQueueApplication }))
    .filter((r) => effectiveType(r.data) === effectiveType(app))
    .sort((a, b) => a.data.submittedAt.localeCompare(b.data.submittedAt) || a.id.localeCompare(b.id));
}

export async function confirmApplication(run: MutationRun, args: MutationArgs<'specialQueue.confirm'>): Promise<void> {
  const row = await openApplication(run, args.applicationId);
  const decided: SpecialQueueApplication = { ...row.data, confirmedCorrectionType: args.correctionType, note: args.note };
  const queue = await sameQueue(run, decided);
  const place = 1 + queue.filter((q) => q.data.submittedAt.localeCompare(decided.submittedAt) < 0 || (q.data.submittedAt === decided.submittedAt && q.id < decided.id)).length;
  const next = decide(row.data, { type: 'confirm', queuePlace: place });
  await verifyDecisionSignature(run, row.orgId, args.cms, ANY_STAFF_CERT_ROLES);
  // Applications submitted later move one place down: the queue is ordered by submission time.
  for (const later of queue.filter((q) => (q.data.queuePlace ?? 0) >= place)) {
    await putRow(run.tx, 'specialQueueApplication', later.orgId, { ...later.data, queuePlace: (later.data.queuePlace ?? 0) + 1 });
    run.touchedOrgs.add(later.orgId);
  }
  await putRow(run.tx, 'specialQueueApplication', row.orgId, {
    ...decided,
    status: next.status,
    queuePlace: next.queuePlace,
    decidedByFullName: run.user.fullName,
    decidedAt: run.now.toISOString(),
  });
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
  await verifyDecisionSignature(run, row.orgId, args.cms, ANY_STAFF_CERT_ROLES);
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
