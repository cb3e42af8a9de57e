/**
 * `npm run calendar -- import FILE [--database-url URL | --data-dir DIR]`: stores the years of FILE (JSON:
 * `{ "years": [{ "year", "status", "sourceAct", "holidays", "transfers" }] }`) as a new calendar version and
 * extends the open deadlines the new calendar moves. Running servers pick the calendar up on their next expiry run;
 * clients receive it by sync. `npm run calendar -- show` prints the stored years.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, type DatabaseTarget } from '../db/connect';
import { changeChannel } from '../events/change-feed';
import { ensureStoredCalendar, storedCalendarYears } from '../calendar/calendar-store';
import { importCalendar, parseCalendarFile } from '../calendar/import-calendar';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'database-url': { type: 'string' }, 'data-dir': { type: 'string' } },
});
const [command, file] = positionals;
const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
const dataDir = values['data-dir'];
if (!(command === 'show' || (command === 'import' && file)) || (!databaseUrl && !dataDir)) {
  console.error('Usage: npm run calendar -- import FILE | show  (with --database-url URL, DATABASE_URL or --data-dir DIR)');
  process.exit(2);
}
const target: DatabaseTarget = databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir: path.resolve(dataDir!) };
const years = command === 'import' ? parseCalendarFile(await readFile(file!, 'utf8')) : [];
const handle = await openDatabase(target);
try {
  await ensureStoredCalendar(handle.db, new Date());
  if (command === 'import') {
    const report = await importCalendar(handle.db, await changeChannel(handle.db), years, new Date());
    console.log(`calendar version ${report.calendarVersion}: years ${report.years.join(', ')}; ${report.moved.length} open deadlines moved later`);
    for (const m of report.moved) console.log(`  ${m.entity} ${m.id}: ${m.from} → ${m.to}`);
  }
  for (const y of await storedCalendarYears(handle.db)) {
    console.log(`${y.year}  ${y.status.padEnd(11)} v${y.calendarVersion}  ${y.holidays.length} holidays, ${y.transfers.length} transfers  ${y.sourceAct}`);
  }
} finally {
  await handle.close();
}
