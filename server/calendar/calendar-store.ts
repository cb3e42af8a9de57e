/**
 * The working-day calendar as server data: one `calendarYear` row per year, seen by every organisation. The first
 * start stores the built-in years as version 1; each import raises the version. Whatever is stored is installed
 * into domain/calendar, which every deadline of the server is computed with.
 */
import { sql } from 'drizzle-orm';
import { BUILT_IN_CALENDAR_VERSION, installCalendar, installedCalendarVersion } from '../../domain/calendar';
import { builtInCalendarYears, type CalendarYearData } from '../../domain/calendar-data';
import type { CalendarYearRow } from '../../domain/entities';
import type { Queryable, ServerDb, ServerTx } from '../db/connect';
import { lockKeys } from '../db/lock-keys';
import { entities } from '../db/schema';
import { registerWriter } from '../store/change-horizon';
import { EVERY_ORGANISATION, putRow } from '../store/entity-store';

export async function storedCalendarYears(db: Queryable): Promise<CalendarYearRow[]> {
  const rows = await db
    .select({ data: entities.data })
    .from(entities)
    .where(sql`${entities.entity} = 'calendarYear' AND ${entities.deleted} = false`);
  return rows.map((r) => r.data as CalendarYearRow).sort((a, b) => a.year - b.year);
}

/** The calendar version of stored years: the latest import that changed any of them. */
export function calendarVersionOf(years: readonly Pick<CalendarYearRow, 'calendarVersion'>[]): number {
  return Math.max(BUILT_IN_CALENDAR_VERSION, ...years.map((y) => y.calendarVersion));
}

/** Installs the stored calendar (the built-in one while nothing is stored); returns its version. */
export async function installStoredCalendar(db: Queryable): Promise<number> {
  const years = await storedCalendarYears(db);
  if (years.length > 0) installCalendar(years, calendarVersionOf(years));
  return installedCalendarVersion();
}

/** Serialises calendar writers across server instances and the import command. */
export async function lockCalendar(tx: ServerTx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${lockKeys.calendar})`);
}

export async function putCalendarYear(tx: ServerTx, year: CalendarYearData, calendarVersion: number, now: Date): Promise<CalendarYearRow> {
  const row = { id: String(year.year), ...year, calendarVersion, importedAt: now.toISOString() };
  return (await putRow(tx, 'calendarYear', EVERY_ORGANISATION, row)).data;
}

/** On the first start of a database: the built-in years become the stored calendar, version 1. */
export async function ensureStoredCalendar(db: ServerDb, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await lockCalendar(tx);
    if ((await storedCalendarYears(tx)).length > 0) return;
    await registerWriter(tx);
    for (const year of builtInCalendarYears) await putCalendarYear(tx, year, BUILT_IN_CALENDAR_VERSION, now);
  });
  await installStoredCalendar(db);
}
