/**
 * Every deadline the server enforces, as sweeps: find what is overdue on the server's today, then apply each
 * item in its own transaction after re-reading it, so a crash leaves every item either fully applied (status,
 * history, notification) or untouched, and a second run (or a second server) finds nothing left to do.
 * A deadline is the last allowed day: an item expires the day after.
 */
import { sql } from 'drizzle-orm';
import { transitionContract } from '../../domain/contract-machine';
import { isProvisionalDate, todayInKazakhstan } from '../../domain/calendar';
import { installStoredCalendar } from '../calendar/calendar-store';
import type { EntityName, SpecialQueueApplication } from '../../domain/entities';
import { inAllLanguages, parentNotification } from '../../domain/texts';
import { voucherExpiry } from '../../domain/voucher';
import { waitsPastQueueAgeLimit } from '../../domain/queue-places';
import type { ServerContext } from '../context';
import { publishChanges } from '../events/change-feed';
import { registerWriter } from '../store/change-horizon';
import { entities } from '../db/schema';
import { notifyParent, SYSTEM_ACTOR, writeHistory, type WriteRun } from '../mutations/common';
import { contractState, currentDocuments, saveContract } from '../mutations/contract-state';
import { reassignQueuePlaces } from '../queue/places';
import { currentSeq, getRow, listRowsWhere, putRow } from '../store/entity-store';

export type ExpiryKind = 'contract' | 'direction' | 'voucher_interest' | 'voucher_enrollment' | 'age_limit';

export interface SweepReport {
  applied: Record<ExpiryKind, number>;
  /** Items left for the next run because of `limit`. */
  remaining: number;
}

interface Item {
  kind: ExpiryKind;
  entity: EntityName;
  id: string;
}

/** Statuses of a contract that wait for the parent: their deadline is the parent's. */
const PARENT_SIDE = ['offer_sent', 'awaiting_parent', 'rework_requested'];

async function candidates(ctx: ServerContext, today: string): Promise<Item[]> {
  const overdue = await ctx.db
    .select({ entity: entities.entity, id: entities.id, data: entities.data })
    .from(entities)
    .where(sql`${entities.deleted} = false AND (
      (${entities.entity} = 'contract' AND ${entities.data}->>'status' IN ('offer_sent', 'awaiting_parent', 'rework_requested') AND ${entities.data}->>'dueOn' < ${today})
      OR (${entities.entity} = 'direction' AND ${entities.data}->>'status' = 'awaiting_offer' AND ${entities.data}->>'offerDueOn' < ${today})
      OR (${entities.entity} = 'specialQueueApplication' AND ${entities.data}->>'status' IN ('awaiting_confirmation', 'confirmed')))`)
    .orderBy(entities.entity, entities.id);
  const items: Item[] = [];
  for (const row of overdue) {
    const entity = row.entity as EntityName;
    const data = row.data as { dueOn: string; offerDueOn: string };
    const kind =
      entity === 'contract'
        ? isSettledDeadlinePassed(data.dueOn, today) && 'contract'
        : entity === 'direction'
          ? isSettledDeadlinePassed(data.offerDueOn, today) && 'direction'
          : applicationExpiry(row.data as ApplicationFields, today);
    if (kind) items.push({ kind, entity, id: row.id });
  }
  return items;
}

/**
 * A deadline is applied the day after it, and only when its day is on a confirmed calendar year: a decree may still
 * move a provisional day, so nothing expires on one.
 */
function isSettledDeadlinePassed(dueOn: string, today: string): boolean {
  return dueOn < today && !isProvisionalDate(dueOn);
}

type ApplicationFields = Pick<SpecialQueueApplication, 'status' | 'voucher' | 'child'>;

function applicationExpiry(app: ApplicationFields, today: string): ExpiryKind | null {
  const voucher = voucherExpiry(app.voucher ?? null, today);
  if (voucher) {
    const dueOn = voucher === 'stop_listed' ? app.voucher!.confirmDueOn : app.voucher!.enrollDueOn!;
    if (!isSettledDeadlinePassed(dueOn, today)) return null;
    return voucher === 'stop_listed' ? 'voucher_interest' : 'voucher_enrollment';
  }
  return waitsPastQueueAgeLimit({ ...app, voucher: app.voucher ?? null }, today) ? 'age_limit' : null;
}

/** Applies what is overdue on the server's today (at most `limit` items, the rest waits for the next run). */
export async function sweepExpiries(ctx: ServerContext, options: { limit?: number } = {}): Promise<SweepReport> {
  const now = ctx.now();
  const today = todayInKazakhstan(now);
  // An import by another instance or the command line takes effect on the next run.
  await installStoredCalendar(ctx.db);
  const applied: Record<ExpiryKind, number> = { contract: 0, direction: 0, voucher_interest: 0, voucher_enrollment: 0, age_limit: 0 };
  const items = await candidates(ctx, today);
  const limit = options.limit ?? items.length;
  for (const item of items.slice(0, limit)) {
    const touchedOrgs = new Set<string>();
    const done = await ctx.db.transaction(async (tx) => {
      // Registered like every writer, so a pull never passes a change this transaction has not committed yet.
      await registerWriter(tx);
      const done = await applyItem(ctx, { tx, now, touchedOrgs }, item, today);
      if (done) await publishChanges(tx, ctx.changeChannel, touchedOrgs, await currentSeq(tx));
      return done;
    });
    if (done) applied[item.kind]++;
  }
  return { applied, remaining: Math.max(0, items.length - limit) };
}

/** Re-reads the item inside the transaction and applies it if it is still overdue; false when nothing was left. */
async function applyItem(ctx: ServerContext, run: WriteRun, item: Item, today: string): Promise<boolean> {
  if (item.entity === 'contract') return expireContract(ctx, run, item.id, today);
  if (item.entity === 'direction') return expireDirection(run, item.id, today);
  return expireApplication(ctx, run, item.id, today);
}

async function expireContract(ctx: ServerContext, run: WriteRun, id: string, today: string): Promise<boolean> {
  const row = await getRow(run.tx, 'contract', id);
  const dueOn = row?.data.dueOn;
  if (!row || !dueOn || !PARENT_SIDE.includes(row.data.status) || !isSettledDeadlinePassed(dueOn, today)) return false;
  const result = transitionContract(contractState(row.data, await currentDocuments(run.tx, id)), { type: 'expire' });
  if (!result.ok) return false;
  const saved = await saveContract(run.tx, row, result.state, {}, run.now);
  run.touchedOrgs.add(row.orgId);
  await writeHistory(run, row.orgId, { subjectType: 'contract', subjectId: id, kind: 'expired', actorName: SYSTEM_ACTOR, round: row.data.round, details: { dueOn } });
  await notifyParent(run.tx, run.now, {
    parentIin: row.data.parent.iin, subjectType: 'contract', subjectId: id, kind: 'contract_expired',
    text: inAllLanguages((lang) => parentNotification.contractExpired(dueOn, lang)),
  });
  await ctx.offerEnded.notify(run.tx, saved, 'expired');
  return true;
}

async function expireDirection(run: WriteRun, id: string, today: string): Promise<boolean> {
  const row = await getRow(run.tx, 'direction', id);
  if (!row || row.data.status !== 'awaiting_offer' || !isSettledDeadlinePassed(row.data.offerDueOn, today)) return false;
  const dueOn = row.data.offerDueOn;
  await putRow(run.tx, 'direction', row.orgId, { ...row.data, status: 'expired' });
  run.touchedOrgs.add(row.orgId);
  await writeHistory(run, row.orgId, { subjectType: 'direction', subjectId: id, kind: 'expired', actorName: SYSTEM_ACTOR, round: null, details: { offerDueOn: dueOn } });
  await notifyParent(run.tx, run.now, {
    parentIin: row.data.parentIin, subjectType: 'direction', subjectId: id, kind: 'direction_expired',
    text: inAllLanguages((lang) => parentNotification.directionExpired(dueOn, lang)),
  });
  return true;
}

async function expireApplication(ctx: ServerContext, run: WriteRun, id: string, today: string): Promise<boolean> {
  const row = await getRow(run.tx, 'specialQueueApplication', id);
  if (!row) return false;
  const kind = applicationExpiry(row.data, today);
  if (!kind) return false;
  const app = row.data;
  const voucher = app.voucher;
  const ended = voucher ? { ...voucher, endedOn: today } : null;
  const change =
    kind === 'voucher_interest'
      ? { data: { ...app, voucher: { ...ended!, status: 'stop_listed' as const } }, event: 'voucher_stop_listed', text: parentNotification.voucherStopListed }
      : kind === 'voucher_enrollment'
        ? { data: { ...app, status: 'archived' as const, archivedReason: 'voucher_annulled' as const, voucher: { ...ended!, status: 'annulled' as const } }, event: 'voucher_annulled', text: parentNotification.voucherAnnulled }
        : { data: { ...app, status: 'archived' as const, archivedReason: 'age_limit' as const, queuePlace: null }, event: 'age_limit_archived', text: parentNotification.ageLimitArchived };
  const saved = await putRow(run.tx, 'specialQueueApplication', row.orgId, change.data);
  run.touchedOrgs.add(row.orgId);
  await writeHistory(run, row.orgId, {
    subjectType: 'special_queue', subjectId: id, kind: change.event, actorName: SYSTEM_ACTOR, round: null,
    details: voucher ? { confirmDueOn: voucher.confirmDueOn, enrollDueOn: voucher.enrollDueOn } : { birthDate: app.child.birthDate },
  });
  await notifyParent(run.tx, run.now, { parentIin: app.parentIin, subjectType: 'special_queue', subjectId: id, kind: change.event, text: inAllLanguages(change.text) });
  if (kind === 'age_limit') await reassignQueuePlaces(run, saved.data, id);
  if (kind === 'voucher_enrollment' && voucher?.directionId) await closeVoucherDirection(ctx, run, voucher.directionId);
  return true;
}

/** An annulled voucher takes its direction and the parent's unsigned offer with it. */
async function closeVoucherDirection(ctx: ServerContext, run: WriteRun, directionId: string): Promise<void> {
  const direction = await getRow(run.tx, 'direction', directionId);
  if (!direction) return;
  if (direction.data.status === 'awaiting_offer' || direction.data.status === 'offer_sent') await putRow(run.tx, 'direction', direction.orgId, { ...direction.data, status: 'cancelled' });
  run.touchedOrgs.add(direction.orgId);
  for (const contract of await listRowsWhere(run.tx, 'contract', 'directionId', directionId)) {
    const result = transitionContract(contractState(contract.data, await currentDocuments(run.tx, contract.id)), { type: 'expire' });
    if (!result.ok) continue;
    const saved = await saveContract(run.tx, contract, result.state, {}, run.now);
    await writeHistory(run, contract.orgId, { subjectType: 'contract', subjectId: contract.id, kind: 'expired', actorName: SYSTEM_ACTOR, round: contract.data.round, details: { voucherAnnulled: true } });
    await ctx.offerEnded.notify(run.tx, saved, 'voucher_annulled');
  }
}
