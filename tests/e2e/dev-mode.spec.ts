/**
 * The app run the README way — `npm run dev:web` in development mode (Vite, React StrictMode, which mounts every
 * effect twice) — as a new user meets it: the sign-in button is enabled on the first load, and no screen logs a
 * console error.
 */
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';
import { startDevWebInstance, type DevWebInstance } from './dev-web-instance';

let dev: DevWebInstance;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dev = await startDevWebInstance({ port: 0, token: E2E_TOKEN, as: 'kg1-head', dataDir: '.tmp/e2e-dev-mode', mode: 'dev', startTimeoutMs: 280_000 });
});
test.afterAll(async () => {
  await dev?.stop();
});

function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}

test('first load in dev mode: NCALayer is found, «ЭЦҚ арқылы кіру» is enabled without a re-check, no screen logs an error', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ baseURL: dev.baseURL });
  const page = await context.newPage();
  const errors = collectConsoleErrors(page);
  await page.goto(`/?token=${E2E_TOKEN}#/contracts`, { timeout: 120_000 });

  await expect(page.getByRole('status').filter({ hasText: 'NCALayer' })).toBeVisible({ timeout: 120_000 });
  const login = page.getByRole('button', { name: 'ЭЦҚ арқылы кіру' });
  await expect(login).toBeEnabled();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Қайта тексеру' })).toHaveCount(0);

  await login.click();
  await expect(page.getByTestId('session-user')).toHaveText('АХМЕТОВА ГУЛЬНАРА СЕРИКБАЕВНА', { timeout: 60_000 });

  const screens: Array<[string, RegExp | string]> = [
    ['contracts', /Шарттар/],
    ['attention', /Назар аударуды қажет етеді|Назар/],
    ['settings', 'Баптаулар'],
    ['about', 'Бағдарлама туралы'],
  ];
  for (const [route, heading] of screens) {
    await page.goto(`/?token=${E2E_TOKEN}#/${route}`);
    await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible({ timeout: 60_000 });
  }
  // The contract screen too: open the first contract of the inbox.
  await page.goto(`/?token=${E2E_TOKEN}#/contracts`);
  const firstRow = page.getByRole('grid').getByRole('row').nth(1);
  await expect(firstRow).toBeVisible({ timeout: 60_000 });
  await firstRow.click();
  await expect(page.locator('[role="tab"][data-document-id]').first()).toBeVisible({ timeout: 60_000 });
  expect(errors).toEqual([]);
  await context.close();
});
