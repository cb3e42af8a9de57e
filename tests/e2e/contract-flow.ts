/**
 * Steps of the contract-review e2e specs: the demo server's view of a contract, the parent simulator, signing in,
 * finding fresh submitted contracts, reviewing documents with the keyboard and signing.
 */
import { expect, type Page, type TestInfo } from '@playwright/test';
import { devControl, openApp, signIn } from './support';

export interface ServerContract {
  contract: { status: string; reworkCount: number; version: number; parent: { iin: string }; parentSignature: unknown; headSignature: { signerIin: string } | null };
  documents: Array<{ id: string; current: boolean; reviewStatus: string }>;
}

export const POLL = { timeout: 30_000, intervals: [250, 500, 1000] };

export async function serverUrl(page: Page): Promise<string> {
  return String((await devControl(page, 'info')).serverUrl);
}

export async function serverContract(page: Page, id: string): Promise<ServerContract> {
  const response = await page.request.get(`${await serverUrl(page)}/v1/dev/contracts/${encodeURIComponent(id)}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as ServerContract;
}

export async function parentAction(page: Page, id: string, action: 'resubmit' | 'withdraw'): Promise<void> {
  const response = await page.request.post(`${await serverUrl(page)}/v1/dev/parent/contracts/${encodeURIComponent(id)}/${action}`, { data: {} });
  expect(response.ok(), await response.text()).toBe(true);
}

export async function attach(testInfo: TestInfo, page: Page, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: false });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** The backend keeps the session between pages: sign in only when the login screen shows. */
export async function ensureSignedIn(page: Page): Promise<void> {
  await openApp(page, 'contracts');
  const login = page.getByRole('button', { name: 'ЭЦҚ арқылы кіру' });
  await expect(page.getByTestId('session-user').or(login)).toBeVisible();
  if (await login.isVisible()) await signIn(page, 'contracts');
  await page.setViewportSize({ width: 1440, height: 900 });
}

export const reviewRows = (page: Page) => page.getByRole('grid', { name: 'Тексеруде' }).locator('[role="row"][data-contract-id]');
export const documentTabs = (page: Page) => page.locator('[role="tab"][data-document-id]');

/** Opens the inbox and returns the ids of «На проверке» rows whose server status is `submitted`, skipping `used`. */
export async function freshSubmitted(page: Page, count: number, used: ReadonlySet<string>): Promise<string[]> {
  await page.goto(page.url().replace(/#.*$/, '#/contracts/list/review'));
  await expect(reviewRows(page).first()).toBeVisible();
  const ids: string[] = [];
  // Rows with local decisions in flight (data-sync) belong to another scenario.
  const candidates = await reviewRows(page).evaluateAll((rows) => rows.filter((r) => !r.hasAttribute('data-sync')).map((r) => r.getAttribute('data-contract-id') ?? ''));
  for (const id of candidates) {
    if (ids.length === count) break;
    if (used.has(id)) continue;
    const state = await serverContract(page, id);
    if (state.contract.status === 'submitted' && state.contract.reworkCount === 0) ids.push(id);
  }
  expect(ids).toHaveLength(count);
  return ids;
}

export async function openContract(page: Page, id: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, `#/contracts/view/${encodeURIComponent(id)}`));
  await expect(documentTabs(page).first()).toBeVisible();
}

/** Approves every document still waiting, with the A key (the screen moves to the next one by itself). */
export async function approveAll(page: Page): Promise<void> {
  const pending = documentTabs(page).and(page.locator('[data-review="pending"]'));
  for (let left = await pending.count(); left > 0; left--) {
    await pending.first().click();
    await page.keyboard.press('a');
    await expect(pending).toHaveCount(left - 1);
  }
}

/** F on the current document, a reason from the catalogue, Enter to confirm. */
export async function flagCurrent(page: Page, reasonLabel: string): Promise<void> {
  await page.keyboard.press('f');
  const reason = page.getByRole('combobox', { name: 'Себебі' });
  await expect(reason).toBeFocused();
  await page.getByRole('option', { name: reasonLabel }).click();
  const comment = page.getByLabel('Түсініктеме');
  await comment.fill('Сурет анық емес, қайта жүктеңіз');
  await comment.press('Enter');
  await expect(page.locator('[role="tab"][aria-selected="true"]')).toHaveAttribute('data-review', 'flagged');
}

export async function signFromScreen(page: Page, testInfo?: TestInfo): Promise<void> {
  // The shortcut does nothing while the last marks are still being queued (the button is disabled until then).
  await expect(page.getByRole('button', { name: 'Қол қою және қабылдау' })).toBeEnabled({ timeout: 60_000 });
  await page.keyboard.press('Control+Enter');
  const dialog = page.getByRole('dialog', { name: 'Шартқа қол қою' });
  // Regenerating and hashing the 30-page contract takes a while on a busy machine.
  await expect(dialog.getByText(/SHA-256 [0-9a-f]{64}/)).toBeVisible({ timeout: 90_000 });
  await expect(dialog.getByTestId('pdf-canvas')).toHaveAttribute('data-rendered', 'true', { timeout: 60_000 });
  if (testInfo) await attach(testInfo, page, 'signing-dialog');
  await dialog.getByRole('button', { name: 'ЭЦҚ-мен қол қою' }).click();
  await expect(dialog).toBeHidden({ timeout: 90_000 });
}

/** Switches the interface language in Settings and waits until the menu speaks it. */
export async function setLanguage(page: Page, language: 'kk' | 'ru'): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '#/settings'));
  await page.getByText(language === 'kk' ? 'Қазақша' : 'Русский', { exact: true }).click();
  await expect(page.getByRole('link', { name: language === 'kk' ? 'Шарттар' : 'Договоры' })).toBeVisible();
}
