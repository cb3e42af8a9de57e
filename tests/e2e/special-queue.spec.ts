/**
 * Special queue end to end through dev:web with the real backend, the reference server and the NCALayer emulator:
 * a PMPK specialist (own dev:web instance signed in as `pmpk1-specialist`) confirms one application and rejects
 * another; the parent's notifications carry the seed texts. The default instance (kindergarten head) has no
 * special-queue menu entry and no special-queue data.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';
import { findOrganisation } from '../fixtures/pki/identities';
import { freePort } from '../support/free-port';
import { startDevWebInstance, type DevWebInstance } from './dev-web-instance';
import { signIn } from './support';

const SPECIALIST_FULL_NAME = 'ОСПАНОВА ЖАНАР КАЙРАТОВНА';
let pmpk: DevWebInstance;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const port = await freePort();
  pmpk = await startDevWebInstance({ port, token: E2E_TOKEN, as: 'pmpk1-specialist', dataDir: `.tmp/e2e-pmpk-${port}` });
});
test.afterAll(async () => {
  await pmpk?.stop();
});

async function specialistPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: pmpk.baseURL });
  const page = await context.newPage();
  await page.goto(`/?token=${E2E_TOKEN}#/settings`);
  await page.getByText('Русский', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Русский' })).toBeChecked();
  await page.goto(`/?token=${E2E_TOKEN}#/special-queue`);
  const login = page.getByRole('button', { name: 'Войти с ЭЦП' });
  if (await login.isVisible().catch(() => false)) await login.click();
  await expect(page.getByTestId('session-user')).toHaveText(SPECIALIST_FULL_NAME);
  return page;
}

/** The parent-portal notifications of the demo server (parent simulator). */
async function parentNotifications(page: Page, parentIin: string): Promise<Array<{ subjectId: string; textRu: string }>> {
  const response = await page.request.get(`${pmpk.serverUrl}/v1/dev/parent/notifications?iin=${parentIin}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as Array<{ subjectId: string; textRu: string }>;
}

/** Opens the first application of the awaiting tab not decided yet and returns its id and parent IIN. */
async function openFirstAwaiting(page: Page): Promise<{ id: string; parentIin: string }> {
  await page.goto(`/?token=${E2E_TOKEN}#/special-queue`);
  const grid = page.getByRole('grid', { name: 'Заявки в спецочередь' });
  const row = grid.locator('[data-status="awaiting_confirmation"]:not(:has([data-sync]))').first();
  await expect(row).toBeVisible({ timeout: 60_000 });
  const id = (await row.getAttribute('data-application-id'))!;
  await row.click();
  await expect(page.locator(`[data-application-id="${id}"][data-status="awaiting_confirmation"]`)).toBeVisible();
  return { id, parentIin: (await page.getByTestId('parent-iin').textContent())!.trim() };
}

test('a specialist confirms one application (queue place after sync, parent notified with the same place) and rejects another (archived, parent told the name)', async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await specialistPage(browser);
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Спецочередь' })).toBeVisible();

  // Confirm with Ctrl+Enter from the application screen.
  const confirmed = await openFirstAwaiting(page);
  // The chosen kindergartens by name, though the PMPK's replica holds no kindergarten rows.
  await expect(page.getByText(findOrganisation('kg1').nameRu, { exact: true })).toBeVisible();
  await expect(page.getByText(findOrganisation('kg2').nameRu, { exact: true })).toBeVisible();
  await expect(page.getByText(/^kg\d$/)).toHaveCount(0);
  await expect(page.locator('[data-verdict="valid"]')).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Control+Enter');
  const confirmDialog = page.getByRole('dialog', { name: 'Подтвердить заявку' });
  await confirmDialog.getByRole('button', { name: 'Подписать и подтвердить' }).click();
  await expect(confirmDialog).toBeHidden({ timeout: 30_000 });
  const place = page.locator(`[data-application-id="${confirmed.id}"] [data-queue-place]`).first();
  await expect(place).toBeVisible({ timeout: 30_000 });
  const queuePlace = Number(await place.getAttribute('data-queue-place'));
  expect(queuePlace).toBeGreaterThan(0);
  await expect(place).toHaveText(`Место в очереди: ${queuePlace}`);
  await expect(page.locator(`[data-application-id="${confirmed.id}"]`).first()).toHaveAttribute('data-status', 'confirmed');
  await expect
    .poll(async () => (await parentNotifications(page, confirmed.parentIin)).filter((n) => n.subjectId === confirmed.id).map((n) => n.textRu))
    .toEqual([`Ваша заявка на получение ваучера подтверждена. Место в очереди: ${queuePlace}`]);

  // Reject with R: «Другое» needs a comment before it can be signed.
  const rejected = await openFirstAwaiting(page);
  expect(rejected.id).not.toBe(confirmed.id);
  await page.keyboard.press('r');
  const rejectDialog = page.getByRole('dialog', { name: 'Отклонить заявку' });
  await rejectDialog.getByRole('combobox', { name: 'Причина' }).click();
  await page.getByRole('option', { name: 'Другое' }).click();
  const submit = rejectDialog.getByRole('button', { name: 'Подписать и отклонить' });
  await expect(submit).toBeDisabled();
  await rejectDialog.getByRole('textbox', { name: 'Комментарий' }).fill('Заключение выдано другому ребёнку');
  await submit.click();
  await expect(rejectDialog).toBeHidden({ timeout: 30_000 });
  await expect(page.locator(`[data-application-id="${rejected.id}"]`).first()).toHaveAttribute('data-status', 'rejected', { timeout: 30_000 });
  await expect(page.locator(`[data-application-id="${rejected.id}"]`).getByText(SPECIALIST_FULL_NAME, { exact: true })).toBeVisible();
  await expect
    .poll(async () => (await parentNotifications(page, rejected.parentIin)).filter((n) => n.subjectId === rejected.id).map((n) => n.textRu))
    .toEqual([`Ваша заявка на получение ваучера отклонена сотрудником: ${SPECIALIST_FULL_NAME}`]);

  // The archive tab lists it; the confirmed tab shows the place.
  await page.getByRole('button', { name: 'К списку' }).click();
  await page.getByRole('tab', { name: /Архив/ }).click();
  await expect(page.locator(`[role="row"][data-application-id="${rejected.id}"]`)).toBeVisible();
  await page.getByRole('tab', { name: /Подтверждённые/ }).click();
  await expect(page.locator(`[role="row"][data-application-id="${confirmed.id}"] [data-queue-place="${queuePlace}"]`)).toBeVisible();
  await page.context().close();
});

test('a kindergarten employee has no special-queue menu entry and no special-queue data', async ({ page }) => {
  await signIn(page, 'contracts');
  await expect(page.getByRole('navigation').getByRole('link', { name: /Арнайы кезек|Спецочередь|Special queue/ })).toHaveCount(0);
  await page.goto(`/?token=${E2E_TOKEN}#/special-queue`);
  const counts = page.getByRole('tab').locator('[data-count]');
  await expect(counts).toHaveCount(3);
  for (const count of await counts.all()) await expect(count).toHaveAttribute('data-count', '0');
  await expect(page.locator('[role="row"][data-application-id]')).toHaveCount(0);
});
