/**
 * A deadline on a day of a calendar year that is not confirmed is labelled «алдын ала» (provisional): the server's
 * calendar import changes a year's status, the desktop receives the calendar by sync and marks the deadlines of
 * that year in the directions list and on the contract screen. The years' stored status is put back at the end.
 */
import { expect, test, type Page } from '@playwright/test';
import type { CalendarYearData } from '../../domain/calendar-data';
import { calendarYearSchema, contractSchema, directionSchema } from '../../domain/entities';
import { TestServerClient } from '../support/server-client';
import { devControl, openApp, signIn } from './support';

const SYNCED = { timeout: 60_000 };

async function serverUrl(page: Page): Promise<string> {
  return String((await devControl(page, 'info')).serverUrl);
}

async function importYears(page: Page, url: string, years: CalendarYearData[]): Promise<void> {
  const response = await page.request.post(`${url}/v1/dev/calendar/import`, { data: { years } });
  expect(response.ok(), await response.text()).toBe(true);
}

test('a deadline in a year without a confirmed calendar is shown as provisional', async ({ page }) => {
  await signIn(page);
  const url = await serverUrl(page);
  const client = new TestServerClient(url);
  await client.login('kg1-methodist');
  const rows = (await client.bootstrap()).rows;
  const direction = rows.filter((r) => r.entity === 'direction').map((r) => directionSchema.parse(r.data)).find((d) => d.status === 'awaiting_offer')!;
  const contract = rows.filter((r) => r.entity === 'contract').map((r) => contractSchema.parse(r.data)).find((c) => c.status === 'submitted' && c.dueOn)!;
  expect(direction).toBeDefined();
  expect(contract).toBeDefined();
  const years = new Set([Number(direction.offerDueOn.slice(0, 4)), Number(contract.dueOn!.slice(0, 4))]);
  const stored: CalendarYearData[] = rows
    .filter((r) => r.entity === 'calendarYear')
    .map((r) => calendarYearSchema.parse(r.data))
    .filter((y) => years.has(y.year))
    .map(({ year, status, sourceAct, holidays, transfers }) => ({ year, status, sourceAct, holidays, transfers }));
  expect(stored.map((y) => y.year).sort()).toEqual([...years].sort());

  const directionRow = page.getByRole('row').filter({ hasText: direction.number });
  try {
    await importYears(page, url, stored.map((y) => ({ ...y, status: 'confirmed' })));
    await openApp(page, 'contracts/list/directions');
    await expect(directionRow).toBeVisible(SYNCED);
    await expect(directionRow.getByText('алдын ала')).toHaveCount(0, SYNCED);

    await importYears(page, url, stored.map((y) => ({ ...y, status: 'provisional' })));
    await expect(directionRow.getByText('алдын ала')).toBeVisible(SYNCED);

    await openApp(page, `contracts/view/${encodeURIComponent(contract.id)}`);
    await expect(page.getByText(contract.number).first()).toBeVisible(SYNCED);
    await expect(page.locator('[data-provisional]').getByText('алдын ала')).toBeVisible(SYNCED);
  } finally {
    await importYears(page, url, stored);
  }
});
