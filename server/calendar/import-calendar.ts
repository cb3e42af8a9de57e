/**
 * An administrator's calendar import (a new year, a transfer decree, a corrected holiday): the years are stored as
 * a new calendar version, installed, and every open deadline is recomputed from its basis on the new calendar.
 * A deadline only ever moves later (never earlier than what the parent or kindergarten was told), and each move
 * is a change with history, synced to clients like any other. Everything happens in one transaction.
 */
import { sql } from 'drizzle-orm';
import { installCalendar, installedCalendarVersion } from '../../domain/calendar';
import { calendarImportFileSchema, type CalendarYearData } from '../../domain/calendar-data';
import { dueOnOf, extendedDueOn } from '../../domain/deadline';
import type { Contract, Direction } from '../../domain/entities';
import { offerDeadline, parentSignDeadline } from '../../domain/rules';
import { fitVoucherWindow, liveVoucherStatuses, voucherDeadlinesRecomputed, type Voucher } from '../../domain/voucher';
import type { ServerDb } from '../db/connect';
import { entities } from '../db/schema';
import { publishChanges } from '../events/change-feed';
import { SYSTEM_ACTOR, writeHistory, type WriteRun } from '../mutations/common';
import { registerWriter } from '../store/change-horizon';
import { currentSeq, EVERY_ORGANISATION, getRow, putRow, type StoredRow } from '../store/entity-store';
import { calendarVersionOf, installStoredCalendar, lockCalendar, putCalendarYear, storedCalendarYears } from './calendar-store';

export interface MovedDeadline {
  entity: 'contract' | 'direction' | 'specialQueueApplication';
  id: string;
  from: string;
  to: string;
}

export interface CalendarImportReport {
  calendarVersion: number;
  years: number[];
  moved: MovedDeadline[];
}

/** Parses an import file's JSON text; throws a ZodError naming what is wrong. */
export function parseCalendarFile(json: string): CalendarYearData[] {
  return calendarImportFileSchema.parse(JSON.parse(json)).years;
}

const CONTRACT_OPEN = ['offer_sent', 'awaiting_parent', 'rework_requested', 'submitted', 'resubmitted'];
const PARENT_SIDE = ['offer_sent', 'awaiting_parent', 'rework_requested'];

export async function importCalendar(db: ServerDb, changeChannel: string, years: readonly CalendarYearData[], now: Date): Promise<CalendarImportReport> {
  const touchedOrgs = new Set<string>();
  // The new calendar is installed inside the transaction (deadlines are recomputed with it); a rollback puts the
  // stored one back.
  return db.transaction(async (tx) => {
    await lockCalendar(tx);
    await registerWriter(tx);
    const stored = await storedCalendarYears(tx);
    const calendarVersion = calendarVersionOf(stored) + 1;
    const imported = new Map(years.map((y) => [y.year, y]));
    for (const year of imported.values()) await putCalendarYear(tx, year, calendarVersion, now);
    installCalendar([...stored.filter((y) => !imported.has(y.year)), ...imported.values()], calendarVersion);
    const run: WriteRun = { tx, now, touchedOrgs };
    const moved = await recomputeOpenDeadlines(run);
    touchedOrgs.add(EVERY_ORGANISATION);
    await publishChanges(tx, changeChannel, touchedOrgs, await currentSeq(tx));
    return { calendarVersion, years: [...imported.keys()].sort(), moved };
  }).catch(async (error: unknown) => {
    await installStoredCalendar(db);
    throw error;
  });
}

async function openRows(run: WriteRun): Promise<{ entity: string; id: string }[]> {
  return run.tx
    .select({ entity: entities.entity, id: entities.id })
    .from(entities)
    .where(sql`${entities.deleted} = false AND (
      (${entities.entity} = 'contract' AND ${entities.data}->>'status' IN ${CONTRACT_OPEN} AND ${entities.data}->>'dueOn' IS NOT NULL)
      OR (${entities.entity} = 'direction' AND ${entities.data}->>'status' = 'awaiting_offer')
      OR (${entities.entity} = 'specialQueueApplication' AND ${entities.data}->'voucher'->>'status' IN ${[...liveVoucherStatuses]}))`)
    .orderBy(entities.entity, entities.id);
}

/** Vouchers first: the offers of voucher holders are fitted into the (possibly longer) voucher window after. */
async function recomputeOpenDeadlines(run: WriteRun): Promise<MovedDeadline[]> {
  const rows = await openRows(run);
  const order = ['specialQueueApplication', 'direction', 'contract'];
  rows.sort((a, b) => order.indexOf(a.entity) - order.indexOf(b.entity));
  const moved: MovedDeadline[] = [];
  for (const { entity, id } of rows) {
    const move =
      entity === 'specialQueueApplication'
        ? await recomputeVoucher(run, id)
        : entity === 'direction'
          ? await recomputeDirection(run, id)
          : await recomputeContract(run, id);
    if (move) moved.push(move);
  }
  return moved;
}

async function history(run: WriteRun, orgId: string, subject: { type: 'contract' | 'direction' | 'special_queue'; id: string; round: number | null }, from: string, to: string) {
  await writeHistory(run, orgId, {
    subjectType: subject.type, subjectId: subject.id, kind: 'deadline_extended', actorName: SYSTEM_ACTOR, round: subject.round,
    details: { from, to, calendarVersion: installedCalendarVersion() },
  });
}

async function recomputeVoucher(run: WriteRun, id: string): Promise<MovedDeadline | null> {
  const row = await getRow(run.tx, 'specialQueueApplication', id);
  const voucher = row?.data.voucher;
  if (!row || !voucher) return null;
  const next = voucherDeadlinesRecomputed(voucher);
  const before = voucher.status === 'issued' ? voucher.confirmDueOn : voucher.enrollDueOn;
  const after = voucher.status === 'issued' ? next.confirmDueOn : next.enrollDueOn;
  if (before === after || !before || !after) return null;
  await putRow(run.tx, 'specialQueueApplication', row.orgId, { ...row.data, voucher: next });
  await history(run, row.orgId, { type: 'special_queue', id, round: null }, before, after);
  return { entity: 'specialQueueApplication', id, from: before, to: after };
}

async function voucherOf(run: WriteRun, applicationId: string | null): Promise<Voucher | null> {
  if (!applicationId) return null;
  return (await getRow(run.tx, 'specialQueueApplication', applicationId))?.data.voucher ?? null;
}

async function recomputeDirection(run: WriteRun, id: string): Promise<MovedDeadline | null> {
  const row = await getRow(run.tx, 'direction', id);
  if (!row) return null;
  const d: Direction = row.data;
  const basis = d.offerDueBasis ?? offerDeadline(d.issuedOn);
  const recomputed = fitVoucherWindow(dueOnOf(basis), await voucherOf(run, d.voucherApplicationId));
  const offerDueOn = extendedDueOn(d.offerDueOn, recomputed);
  if (offerDueOn === d.offerDueOn) return null;
  await putRow(run.tx, 'direction', row.orgId, { ...d, offerDueOn, offerDueBasis: { ...basis, calendarVersion: installedCalendarVersion() } });
  await history(run, row.orgId, { type: 'direction', id, round: null }, d.offerDueOn, offerDueOn);
  return { entity: 'direction', id, from: d.offerDueOn, to: offerDueOn };
}

/** The basis of a contract's deadline; contracts stored before deadlines kept one are recomputed from the offer. */
function contractBasis(c: Contract) {
  if (c.dueBasis) return c.dueBasis;
  return PARENT_SIDE.includes(c.status) && c.reworkCount === 0 ? parentSignDeadline(c.offeredOn) : null;
}

async function recomputeContract(run: WriteRun, id: string): Promise<MovedDeadline | null> {
  const row: StoredRow<'contract'> | null = await getRow(run.tx, 'contract', id);
  const c = row?.data;
  const basis = c && contractBasis(c);
  if (!row || !c?.dueOn || !basis) return null;
  const direction = c.isVoucher && c.directionId ? await getRow(run.tx, 'direction', c.directionId) : null;
  const voucher = PARENT_SIDE.includes(c.status) ? await voucherOf(run, direction?.data.voucherApplicationId ?? null) : null;
  const dueOn = extendedDueOn(c.dueOn, fitVoucherWindow(dueOnOf(basis), voucher));
  if (dueOn === c.dueOn) return null;
  await putRow(run.tx, 'contract', row.orgId, { ...c, dueOn, dueBasis: { ...basis, calendarVersion: installedCalendarVersion() } });
  await history(run, row.orgId, { type: 'contract', id, round: c.round }, c.dueOn, dueOn);
  return { entity: 'contract', id, from: c.dueOn, to: dueOn };
}
