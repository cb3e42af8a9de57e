/**
 * The working-day calendar the server syncs (`calendar_years`), installed before any working-day count of the
 * desktop: deadlines left, provisional marks. The desktop never computes a stored deadline itself; it only counts
 * the days to the ones the server set.
 */
import type Database from 'better-sqlite3';
import { installCalendar, installedCalendarVersion, todayInKazakhstan } from '../../../domain/calendar';
import { calendarYearSchema } from '../../../domain/entities';
import { replicaTables } from '../../../db/replica-tables';

const table = replicaTables.calendarYear.table;

/** Installs the synced calendar when its version differs from the installed one (a cheap check per call). */
export function refreshSyncedCalendar(sqlite: Database.Database): void {
  const head = sqlite.prepare(`SELECT MAX(calendar_version) AS version FROM ${table}`).get() as { version: number | null };
  if (head.version === null || head.version === installedCalendarVersion()) return;
  const rows = (sqlite.prepare(`SELECT data FROM ${table}`).all() as { data: string }[]).map((r) => calendarYearSchema.parse(JSON.parse(r.data)));
  installCalendar(rows, head.version);
}

/** Today in Kazakhstan for the queries, with the synced calendar installed first. */
export function calendarToday(sqlite: Database.Database, now: () => Date = () => new Date()): () => string {
  return () => {
    refreshSyncedCalendar(sqlite);
    return todayInKazakhstan(now());
  };
}
