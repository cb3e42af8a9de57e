/**
 * Contract review end to end (issue 8): the real backend, the embedded demo server with its parent simulator and
 * the NCALayer emulator with the demo head's keys. The UI runs in Kazakh (the default); selectors use roles, the
 * data-* attributes of rows and documents, and the keyboard shortcuts the issue asks for.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { TestServerClient } from '../support/server-client';
import { loadKey } from '../fixtures/pki/load';
import { devControl, openApp, signIn } from './support';

interface ServerContract {
  contract: { status: string; reworkCount: number; version: number; parent: { iin: string }; parentSignature: unknown; headSignature: { signerIin: string } | null };
  documents: Array<{ id: string; current: boolean; reviewStatus: string }>;
}

const POLL = { timeout: 30_000, intervals: [250, 500, 1000] };

async function serverUrl(page: Page): Promise<string> {
  return String((await devControl(page, 'info')).serverUrl);
}

async function serverContract(page: Page, id: string): Promise<ServerContract> {
  const response = await page.request.get(`${await serverUrl(page)}/v1/dev/contracts/${encodeURIComponent(id)}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as ServerContract;
}

async function parentAction(page: Page, id: string, action: 'resubmit' | 'withdraw'): Promise<void> {
  const response = await page.request.post(`${await serverUrl(page)}/v1/dev/parent/contracts/${encodeURIComponent(id)}/${action}`, { data: {} });
  expect(response.ok(), await response.text()).toBe(true);
}

async function attach(testInfo: TestInfo, page: Page, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: false });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** The backend keeps the session between pages: sign in only when the login screen shows. */
async function ensureSignedIn(page: Page): Promise<void> {
  await openApp(page, 'contracts');
  const login = page.getByRole('button', { name: 'ЭЦҚ арқылы кіру' });
  await expect(page.getByTestId('session-user').or(login)).toBeVisible();
  if (await login.isVisible()) await signIn(page, 'contracts');
  await page.setViewportSize({ width: 1440, height: 900 });
}

const reviewRows = (page: Page) => page.getByRole('grid', { name: 'Тексеруде' }).locator('[role="row"][data-contract-id]');
const documentTabs = (page: Page) => page.locator('[role="tab"][data-document-id]');

/** Opens the inbox and returns the ids of «На проверке» rows whose server status is `submitted`, skipping `used`. */
async function freshSubmitted(page: Page, count: number, used: ReadonlySet<string>): Promise<string[]> {
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

async function openContract(page: Page, id: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, `#/contracts/view/${encodeURIComponent(id)}`));
  await expect(documentTabs(page).first()).toBeVisible();
}

/** Approves every document still waiting, with the A key (the screen moves to the next one by itself). */
async function approveAll(page: Page): Promise<void> {
  const pending = documentTabs(page).and(page.locator('[data-review="pending"]'));
  for (let left = await pending.count(); left > 0; left--) {
    await pending.first().click();
    await page.keyboard.press('a');
    await expect(pending).toHaveCount(left - 1);
  }
}

/** F on the current document, a reason from the catalogue, Enter to confirm. */
async function flagCurrent(page: Page, reasonLabel: string): Promise<void> {
  await page.keyboard.press('f');
  const reason = page.getByRole('combobox', { name: 'Себебі' });
  await expect(reason).toBeFocused();
  await page.getByRole('option', { name: reasonLabel }).click();
  const comment = page.getByLabel('Түсініктеме');
  await comment.fill('Сурет анық емес, қайта жүктеңіз');
  await comment.press('Enter');
  await expect(page.locator('[role="tab"][aria-selected="true"]')).toHaveAttribute('data-review', 'flagged');
}

async function signFromScreen(page: Page, testInfo?: TestInfo): Promise<void> {
  await page.keyboard.press('Control+Enter');
  const dialog = page.getByRole('dialog', { name: 'Шартқа қол қою' });
  // Regenerating and hashing the 30-page contract takes a while on a busy machine.
  await expect(dialog.getByText(/SHA-256 [0-9a-f]{64}/)).toBeVisible({ timeout: 90_000 });
  await expect(dialog.getByTestId('pdf-canvas')).toHaveAttribute('data-rendered', 'true', { timeout: 60_000 });
  if (testInfo) await attach(testInfo, page, 'signing-dialog');
  await dialog.getByRole('button', { name: 'ЭЦҚ-мен қол қою' }).click();
  await expect(dialog).toBeHidden({ timeout: 90_000 });
}

const used = new Set<string>();

test('full flow: flag → return for rework → parent resubmits → changed document highlighted → approve all → sign and enroll', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  // The demo head signs in, reviews and signs with GOST 34.10-2015 keys, as NCA issues them since 2024.
  expect((await loadKey('kg1-head', 'auth')).algorithm).toBe('gost');
  expect((await loadKey('kg1-head', 'sign')).algorithm).toBe('gost');
  await ensureSignedIn(page);
  await expect(page.getByRole('tab', { name: /Тексеруде/ })).toHaveAttribute('aria-selected', 'true');
  await expect(reviewRows(page).first()).toBeVisible();
  await attach(testInfo, page, 'inbox');

  const [id] = await freshSubmitted(page, 1, used);
  used.add(id!);
  await openContract(page, id!);
  await expect(page.locator('[data-verdict="valid"]')).toBeVisible({ timeout: 30_000 });
  // The details panel names the parent's key algorithm (most demo parents hold GOST keys, some RSA) and the chain
  // up to the test NCA of that algorithm.
  await page.getByRole('button', { name: 'Қолтаңба мәліметтері' }).click();
  const details = page.getByRole('region', { name: 'Қолтаңба мәліметтері' });
  await expect(details).toContainText('Сенім тізбегі');
  const gost = (await details.textContent())?.includes('ГОСТ 34.10-2015 (512 бит)') ?? false;
  await expect(details).toContainText(gost ? 'ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST) TEST' : 'ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA) TEST');
  await attach(testInfo, page, 'contract-screen');

  // Flag the second document, approve the rest: «Вернуть на доработку» becomes available, signing is not.
  await documentTabs(page).nth(1).click();
  await flagCurrent(page, 'Оқылмайды');
  await expect(documentTabs(page).nth(1)).toHaveAttribute('data-review', 'flagged');
  await approveAll(page);
  await expect(page.getByRole('button', { name: 'Қол қою және қабылдау' })).toBeDisabled();
  await page.keyboard.press('Control+Enter');
  const rework = page.getByRole('dialog', { name: 'Пысықтауға қайтару' });
  await expect(rework).toContainText('«Пысықтау»');
  await expect(rework).toContainText('Оқылмайды');
  await rework.getByRole('button', { name: 'Қол қою және қайтару' }).click();
  await expect(rework).toBeHidden({ timeout: 30_000 });
  await expect.poll(async () => (await serverContract(page, id!)).contract.status, POLL).toBe('rework_requested');

  // The parent replaces the flagged document and signs again; the new file is highlighted.
  await parentAction(page, id!, 'resubmit');
  await expect(page.locator('[data-contract-status="resubmitted"][data-contract-round="2"]')).toBeVisible({ timeout: 30_000 });
  const changed = page.locator('[role="tab"][data-changed="true"]');
  await expect(changed).toHaveCount(1, { timeout: 30_000 });
  await expect(changed).toHaveAttribute('data-review', 'pending');
  await approveAll(page);
  await signFromScreen(page, testInfo);

  await expect.poll(async () => (await serverContract(page, id!)).contract.status, POLL).toBe('signed');
  const state = await serverContract(page, id!);
  expect(state.contract.parentSignature).not.toBeNull();
  expect(state.contract.headSignature?.signerIin).toBe('780412401124');
  const notes = (await (await page.request.get(`${await serverUrl(page)}/v1/dev/parent/notifications?iin=${state.contract.parent.iin}`)).json()) as Array<{ subjectId: string; textRu: string }>;
  expect(notes.filter((n) => n.subjectId === id).map((n) => n.textRu)).toContain('Ваш ребёнок успешно зачислен');

  await page.goto(page.url().replace(/#.*$/, '#/contracts/list/signed'));
  await expect(page.getByRole('grid', { name: 'Қол қойылған' }).locator(`[data-contract-id="${id}"]`)).toBeVisible({ timeout: 30_000 });
});

test('offline: three contracts decided with the server stopped show as pending, then all apply', async ({ page }) => {
  test.setTimeout(420_000);
  await ensureSignedIn(page);
  const ids = await freshSubmitted(page, 3, used);
  ids.forEach((id) => used.add(id));
  await devControl(page, 'server-stop');
  try {
    for (const id of ids.slice(0, 2)) {
      await openContract(page, id);
      await approveAll(page);
      await signFromScreen(page);
    }
    await openContract(page, ids[2]!);
    await flagCurrent(page, 'Мерзімі өткен');
    await approveAll(page);
    await page.keyboard.press('Control+Enter');
    const rework = page.getByRole('dialog', { name: 'Пысықтауға қайтару' });
    await rework.getByRole('button', { name: 'Қол қою және қайтару' }).click();
    await expect(rework).toBeHidden({ timeout: 30_000 });

    await page.goto(page.url().replace(/#.*$/, '#/contracts/list/review'));
    for (const id of ids) await expect(reviewRows(page).and(page.locator(`[data-contract-id="${id}"]`))).toHaveAttribute('data-sync', 'pending');
    for (const id of ids) expect((await serverContract(page, id).catch(() => null)) ?? 'server down').toBe('server down');
  } finally {
    await devControl(page, 'server-start');
  }
  await page.getByRole('button', { name: 'Қазір синхрондау' }).click();
  await expect.poll(async () => Promise.all(ids.map(async (id) => (await serverContract(page, id)).contract.status)), { ...POLL, timeout: 60_000 }).toEqual([
    'signed',
    'signed',
    'rework_requested',
  ]);
  await expect(page.getByRole('status', { name: /Синхрондау|Синхронизация|Sync/ })).not.toHaveAttribute('data-pending', /^[1-9]/, { timeout: 30_000 });
});

test('conflict: the parent withdraws while the employee signs offline → Needs attention, nothing signed', async ({ page }) => {
  test.setTimeout(180_000);
  await ensureSignedIn(page);
  const [id] = await freshSubmitted(page, 1, used);
  used.add(id!);
  await devControl(page, 'server-stop');
  try {
    await openContract(page, id!);
    await approveAll(page);
    await signFromScreen(page);
    // Let the sender back off, so it does not push the very moment the server is back.
    await page.waitForTimeout(8_000);
  } finally {
    await devControl(page, 'server-start');
  }
  await parentAction(page, id!, 'withdraw');
  await page.getByRole('button', { name: 'Қазір синхрондау' }).click();
  await page.goto(page.url().replace(/#.*$/, '#/attention'));
  // The signature (and the review marks made on the same, now outdated, version) come back as conflicts.
  const item = page.locator(`[data-target-id="${id}"]`).filter({ hasText: 'Шартқа қол қою' });
  await expect(item).toBeVisible({ timeout: 60_000 });
  await expect(item).toContainText('Қайшылық');
  await expect(item).toContainText('Ата-ана кері қайтарып алды'); // the contract's current status
  const state = await serverContract(page, id!);
  expect(state.contract.status).toBe('withdrawn');
  expect(state.contract.headSignature).toBeNull();

  await item.getByRole('button', { name: 'Қайта тексеру' }).click();
  await expect(page).toHaveURL(new RegExp(`#/contracts/view/${id}`));
  await page.goBack();
  await item.getByRole('button', { name: 'Болдырмау' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Иә, алып тастау' }).click();
  await expect(item).toHaveCount(0);
});

test('a third rework is impossible in the UI and refused by the server if forced', async ({ page }) => {
  test.setTimeout(240_000);
  await ensureSignedIn(page);
  const [id] = await freshSubmitted(page, 1, used);
  used.add(id!);
  await openContract(page, id!);
  for (let round = 1; round <= 2; round++) {
    await documentTabs(page).nth(0).click();
    await flagCurrent(page, 'Оқылмайды');
    await approveAll(page);
    // The button (not Ctrl+Enter, covered by the full flow) waits until the queued marks have enabled it.
    await page.getByRole('button', { name: 'Пысықтауға қайтару' }).click();
    const rework = page.getByRole('dialog', { name: 'Пысықтауға қайтару' });
    await rework.getByRole('button', { name: 'Қол қою және қайтару' }).click();
    await expect(rework).toBeHidden({ timeout: 30_000 });
    await expect.poll(async () => (await serverContract(page, id!)).contract.reworkCount, POLL).toBe(round);
    await parentAction(page, id!, 'resubmit');
    await expect(page.locator(`[data-contract-status="resubmitted"][data-contract-round="${round + 1}"]`)).toBeVisible({ timeout: 30_000 });
  }
  // After the second resubmission a flag no longer opens the way back to the parent.
  await page.locator('[role="tab"][data-changed="true"]').click();
  await flagCurrent(page, 'Оқылмайды');
  await approveAll(page);
  await expect(page.getByRole('button', { name: 'Пысықтауға қайтару' })).toBeDisabled();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('dialog', { name: 'Пысықтауға қайтару' })).toHaveCount(0);
  await expect.poll(async () => (await serverContract(page, id!)).documents.filter((d) => d.current && d.reviewStatus === 'flagged').length, POLL).toBe(1);

  // Forced past the UI: the server refuses it with REWORK_LIMIT_REACHED and changes nothing.
  const client = new TestServerClient(await serverUrl(page));
  await client.login('kg1-head');
  const before = await serverContract(page, id!);
  const mutation = await client.mutation('contract.returnForRework', { contractId: id, message: null }, before.contract.version, await loadKey('kg1-head', 'sign'));
  const answer = await client.push([mutation]);
  expect(answer.results[0]).toMatchObject({ status: 'rejected', code: 'REWORK_LIMIT_REACHED' });
  const after = await serverContract(page, id!);
  expect(after.contract).toMatchObject({ status: 'resubmitted', reworkCount: 2, version: before.contract.version });
});
