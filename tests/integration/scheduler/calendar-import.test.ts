// The calendar as synced server data: a decree imported for 2027 (8 January a day off, worked on Saturday
// 16 January, as 2010's decree did) moves the open deadlines whose window holds 8 January one day later, leaves the
// others, records history and the calendar version, and never moves a deadline earlier. Nothing expires on a
// provisional day. The import command does the same to a stopped server's database.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInCalendarYears, type CalendarYearData } from '../../../domain/calendar-data';
import type { CalendarYearRow, Contract, Direction, HistoryEvent } from '../../../domain/entities';
import { demoServerOptions } from '../../../demo/server-options';
import { startServer, type RunningServer } from '../../../server/index';
import { TestServerClient } from '../../support/server-client';

// Wednesday 30 December 2026, 10:00 in Astana: the seed's deadlines run into January 2027.
let clock = new Date('2026-12-30T05:00:00Z');
const setDay = (iso: string) => (clock = new Date(`${iso}T05:00:00Z`));

let dataDir: string;
let server: RunningServer;
let serverClosed = false;
let head: TestServerClient;

const builtIn2027 = builtInCalendarYears.find((y) => y.year === 2027)!;
const decree2027: CalendarYearData = {
  ...builtIn2027,
  status: 'confirmed',
  sourceAct: 'Постановление Правительства РК о переносе выходных дней в 2027 году (тест)',
  transfers: [{ dayOff: '2027-01-08', workingDay: '2027-01-16' }],
};

type Open = { entity: 'contract' | 'direction'; id: string; status: string; from: string; dueOn: string; calendarVersion: number };

/** The open deadlines as the kindergarten's client receives them. */
async function openDeadlines(): Promise<{ open: Map<string, Open>; history: HistoryEvent[]; calendar: CalendarYearRow[] }> {
  const { rows } = await head.bootstrap();
  const open = new Map<string, Open>();
  for (const row of rows) {
    if (row.entity === 'contract') {
      const c = row.data as Contract;
      if (c.dueOn && c.dueBasis && !['signed', 'rejected', 'withdrawn', 'expired', 'archived'].includes(c.status)) {
        open.set(c.id, { entity: 'contract', id: c.id, status: c.status, from: c.dueBasis.from, dueOn: c.dueOn, calendarVersion: c.dueBasis.calendarVersion });
      }
    } else if (row.entity === 'direction') {
      const d = row.data as Direction;
      if (d.status === 'awaiting_offer' && d.offerDueBasis) {
        open.set(d.id, { entity: 'direction', id: d.id, status: d.status, from: d.offerDueBasis.from, dueOn: d.offerDueOn, calendarVersion: d.offerDueBasis.calendarVersion });
      }
    }
  }
  const history = rows.filter((r) => r.entity === 'historyEvent').map((r) => r.data as HistoryEvent);
  const calendar = rows.filter((r) => r.entity === 'calendarYear').map((r) => r.data as CalendarYearRow);
  return { open, history, calendar };
}

async function importYears(years: CalendarYearData[]): Promise<{ calendarVersion: number; moved: { id: string; from: string; to: string }[] }> {
  return head.postJson('/v1/dev/calendar/import', { years });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'qabyl-calendar-'));
  server = await startServer({
    ...(await demoServerOptions({ contractsPerKindergarten: [12, 0, 0], applications: 0, cacheDir: null })),
    database: { kind: 'pglite', dataDir },
    now: () => clock,
    expiryIntervalMs: null,
    tokenTtlSeconds: 60 * 86_400,
  });
  head = new TestServerClient(server.url);
  await head.login('kg1-head');
}, 180_000);
afterAll(async () => {
  if (!serverClosed) await server?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('calendar import', () => {
  let before: Map<string, Open>;

  it('syncs the stored calendar to clients, 2027 provisional, and expires nothing on a provisional day', async () => {
    const state = await openDeadlines();
    before = state.open;
    expect(state.calendar.map((y) => [y.year, y.status, y.calendarVersion])).toEqual([
      [2024, 'confirmed', 1],
      [2025, 'confirmed', 1],
      [2026, 'confirmed', 1],
      [2027, 'provisional', 1],
    ]);
    const in2027 = [...before.values()].filter((d) => d.dueOn >= '2027-01-01' && d.dueOn < '2027-01-14');
    expect(in2027.length).toBeGreaterThanOrEqual(3);
    expect([...before.values()].every((d) => d.calendarVersion === 1)).toBe(true);

    // Only what fell due on a confirmed (2026) day expires.
    const dueIn2026 = [...before.values()].filter((d) => d.dueOn < '2027-01-01' && ['offer_sent', 'awaiting_parent', 'rework_requested', 'awaiting_offer'].includes(d.status));
    setDay('2027-01-14');
    const report = await server.scheduler.run();
    expect(report.applied.contract + report.applied.direction).toBe(dueIn2026.length);
    const after = (await openDeadlines()).open;
    for (const d of in2027) expect(after.get(d.id)?.dueOn).toBe(d.dueOn);
    before = after;
  });

  it('makes 8 January 2027 a day off: the deadlines over it move one working day later, none earlier', async () => {
    setDay('2026-12-31');
    const report = await importYears([decree2027]);
    expect(report.calendarVersion).toBe(2);
    const { open: after, history, calendar } = await openDeadlines();
    expect(calendar.find((y) => y.year === 2027)).toMatchObject({ status: 'confirmed', calendarVersion: 2, transfers: decree2027.transfers });

    const spanning = [...before.values()].filter((d) => d.from < '2027-01-08' && d.dueOn >= '2027-01-08');
    const others = [...before.values()].filter((d) => !spanning.includes(d));
    expect(spanning.length).toBeGreaterThanOrEqual(2);
    expect(others.length).toBeGreaterThanOrEqual(1);
    for (const d of spanning) {
      const moved = after.get(d.id)!;
      expect(moved.dueOn > d.dueOn, `${d.id}: ${d.dueOn} → ${moved.dueOn}`).toBe(true);
      expect(moved.dueOn).not.toBe('2027-01-08');
      expect(moved.calendarVersion).toBe(2);
      expect(history.filter((h) => h.subjectId === d.id && h.kind === 'deadline_extended').map((h) => h.details)).toEqual([
        { from: d.dueOn, to: moved.dueOn, calendarVersion: 2 },
      ]);
    }
    for (const d of others) expect(after.get(d.id)?.dueOn).toBe(d.dueOn);
    expect(report.moved.map((m) => m.id).sort()).toEqual(spanning.map((d) => d.id).sort());

    // The seed's direction issued on 29 December: five working days were 30, 31 December, 5, 6, 8 January.
    const direction = spanning.find((d) => d.entity === 'direction' && d.from === '2026-12-29');
    if (direction) expect(after.get(direction.id)?.dueOn).toBe('2027-01-11');
    before = after;
  });

  it('never moves a deadline earlier: taking the decree back leaves every deadline as it is', async () => {
    const report = await importYears([{ ...decree2027, transfers: [], sourceAct: 'Постановление отменено (тест)' }]);
    expect(report).toMatchObject({ calendarVersion: 3, moved: [] });
    const { open: after } = await openDeadlines();
    for (const d of before.values()) expect(after.get(d.id)?.dueOn).toBe(d.dueOn);
  });

  it('expires the parent-side deadlines once 2027 is confirmed, once each', async () => {
    setDay('2027-01-25');
    const first = await server.scheduler.run();
    expect(first.applied.contract + first.applied.direction).toBeGreaterThanOrEqual(2);
    const again = await server.scheduler.run();
    expect(again.applied).toMatchObject({ contract: 0, direction: 0 });
  });

  it('refuses a file whose dates leave the year, and stores nothing', async () => {
    const response = await fetch(`${server.url}/v1/dev/calendar/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ years: [{ ...decree2027, year: 2028 }] }),
    });
    expect(response.status).toBe(400);
    expect((await openDeadlines()).calendar.map((y) => y.year)).toEqual([2024, 2025, 2026, 2027]);
  });

  it('`npm run calendar -- import FILE` stores a new year in a stopped server’s database', async () => {
    await server.close();
    serverClosed = true;
    const file = path.join(dataDir, 'calendar-2028.json');
    const year2028: CalendarYearData = {
      year: 2028, status: 'provisional', sourceAct: 'Закон РК «О праздниках в Республике Казахстан» (тест)',
      holidays: builtIn2027.holidays.filter((h) => h.holiday !== 'kurban_ait').map((h) => ({ ...h, date: `2028${h.date.slice(4)}` })),
      transfers: [],
    };
    await writeFile(file, JSON.stringify({ years: [year2028] }));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli/calendar.ts', 'import', file, '--data-dir', path.join(dataDir)], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      timeout: 120_000,
    });
    expect(stdout).toMatch(/calendar version 4: years 2028; 0 open deadlines moved later/);
    expect(stdout).toMatch(/^2028 {2}provisional v4 {2}14 holidays, 0 transfers/m);
  }, 150_000);
});
