/**
 * The daily rhythm of a kindergarten head, as a Kazakh office works: shortcuts on a Cyrillic layout, search with
 * Russian look-alike and Latin letters, the whole review and signing with the keyboard alone, the review layout on
 * the commonest laptop screen (1366×768, measured and printed) with screenshots, the settings toast in the language
 * just chosen, the signed copy of an archived contract, and no console error on any screen.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import { pdfText } from '../unit/contract-pdf/tools';
import { documentTabs, ensureSignedIn, freshSubmitted, openContract, POLL, reviewRows, serverContract, setLanguage } from './contract-flow';

const used = new Set<string>();
const consoleErrors: string[] = [];

function watchConsole(page: Page): void {
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
}

test.beforeEach(async ({ page }) => watchConsole(page));

test('a keydown with key «ф» and code KeyA (the A key on a Russian layout) approves the document', async ({ page }) => {
  test.setTimeout(120_000);
  await ensureSignedIn(page);
  const [id] = await freshSubmitted(page, 1, used);
  used.add(id!);
  await openContract(page, id!);
  const selected = page.locator('[role="tab"][aria-selected="true"][data-document-id]');
  await expect(selected).toHaveAttribute('data-review', 'pending');
  const documentId = await selected.getAttribute('data-document-id');
  await page.evaluate(() => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ф', code: 'KeyA', bubbles: true, cancelable: true })));
  await expect(page.locator(`[role="tab"][data-document-id="${documentId}"]`)).toHaveAttribute('data-review', 'approved');

  await page.evaluate(() => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: ',', code: 'Slash', shiftKey: true, bubbles: true, cancelable: true })));
  const sheet = page.getByRole('dialog', { name: 'Пернетақта жарлықтары' });
  await expect(sheet).toContainText('кез келген тілдік орналасуда');
  await page.keyboard.press('Escape');
});

test('Russian-letter and Latin-letter queries find Kazakh names: «Серикбаев», «Serikbaev» → «Серікбаев»; «нурланулы», «Nurlanuly» → «Нұрланұлы»', async ({ page }) => {
  test.setTimeout(120_000);
  await ensureSignedIn(page);
  await page.goto(page.url().replace(/#.*$/, '#/contracts/list/review'));
  const search = page.getByRole('textbox', { name: 'ЖСН, аты-жөні немесе шарт нөмірі бойынша іздеу' });
  const rows = page.getByRole('grid').locator('[role="row"][data-contract-id]');
  const tabs = ['review', 'rework', 'signed', 'archive'] as const;
  for (const [query, found] of [['Серикбаев', 'Серікбаев'], ['Serikbaev', 'Серікбаев'], ['нурланулы', 'Нұрланұлы'], ['Nurlanuly', 'Нұрланұлы']] as const) {
    await search.fill(query);
    // The tab badges count the matches of the (debounced) search; open a tab that has some.
    let withMatches = -1;
    await expect
      .poll(async () => {
        const counts = await Promise.all(tabs.map(async (tab) => Number(await page.getByTestId(`count-${tab}`).innerText())));
        withMatches = counts.findIndex((n) => n > 0);
        return withMatches;
      }, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(0);
    await page.getByTestId(`count-${tabs[withMatches]!}`).click();
    // Every row shown names the Kazakh spelling, and there is at least one.
    await expect
      .poll(async () => {
        const texts = await rows.allInnerTexts();
        return texts.length > 0 && texts.every((row) => row.includes(found));
      }, { timeout: 30_000 })
      .toBe(true);
  }
});

test('twelve digits that can be no IIN/BIN are flagged under the search field; a valid IIN or fewer digits are not', async ({ page }) => {
  await ensureSignedIn(page);
  await page.goto(page.url().replace(/#.*$/, '#/contracts/list/review'));
  const search = page.getByRole('textbox', { name: 'ЖСН, аты-жөні немесе шарт нөмірі бойынша іздеу' });
  const hint = page.getByText('Мұндай ЖСН/БСН болмайды', { exact: false });
  for (const [typed, flagged] of [['780412401125', true], ['780412401124', false], ['78041240112', false], ['123456789012', true]] as const) {
    await search.fill(typed);
    if (flagged) {
      await expect(hint).toBeVisible();
      await expect(search).toHaveAttribute('aria-invalid', 'true');
    } else {
      await expect(hint).toHaveCount(0);
    }
  }
  await search.fill('');
  await expect(hint).toHaveCount(0);
});

test('the whole review and signing with the keyboard alone', async ({ page }) => {
  test.setTimeout(240_000);
  await ensureSignedIn(page);
  const [id] = await freshSubmitted(page, 1, used);
  used.add(id!);
  const number = await reviewRows(page).and(page.locator(`[data-contract-id="${id}"]`)).locator('[role="gridcell"]').first().locator('p').nth(1).innerText();

  await page.locator('body').press('/');
  const search = page.getByRole('textbox', { name: 'ЖСН, аты-жөні немесе шарт нөмірі бойынша іздеу' });
  await expect(search).toBeFocused();
  await page.keyboard.type(number);
  await expect(reviewRows(page)).toHaveCount(1);
  await expect(reviewRows(page)).toHaveAttribute('data-contract-id', id!);
  await page.keyboard.press('ArrowDown'); // to the list
  await expect(page.getByRole('grid', { name: 'Тексеруде' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(documentTabs(page).first()).toBeVisible();

  const pending = documentTabs(page).and(page.locator('[data-review="pending"]'));
  for (let left = await pending.count(); left > 0; left--) {
    await page.keyboard.press('a');
    await expect(pending).toHaveCount(left - 1);
  }
  const sign = page.getByRole('button', { name: 'Қол қою және қабылдау' });
  await expect(sign).toBeEnabled({ timeout: 30_000 });
  await page.keyboard.press('Control+Enter');
  const dialog = page.getByRole('dialog', { name: 'Шартқа қол қою' });
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByRole('button', { name: 'ЭЦҚ-мен қол қою' });
  // Once the regenerated PDF matches the parent's, the signing button is the focused default.
  await expect(confirm).toBeFocused({ timeout: 90_000 });
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden({ timeout: 90_000 });
  await expect.poll(async () => (await serverContract(page, id!)).contract.status, POLL).toBe('signed');
});

test('at 1366×768 the document is the largest thing (≥ 60 % of the height, no page scroll); screenshots in kk and ru', async ({ page }) => {
  test.setTimeout(240_000);
  await ensureSignedIn(page);
  const [id] = await freshSubmitted(page, 1, used);
  const outDir = path.resolve('docs/screenshots');
  fs.mkdirSync(outDir, { recursive: true });
  for (const language of ['kk', 'ru'] as const) {
    await setLanguage(page, language);
    for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(page.url().replace(/#.*$/, `#/contracts/view/${encodeURIComponent(id!)}`));
      const view = page.getByTestId('document-view');
      await expect(view.locator('[data-testid="document-image"], [data-testid="pdf-canvas"][data-rendered="true"]').first()).toBeVisible({ timeout: 60_000 });
      await expect(page.locator('[data-verdict]')).toBeVisible({ timeout: 30_000 });
      const measured = await page.evaluate(() => {
        const area = document.querySelector('[data-testid="document-view"]')!.getBoundingClientRect();
        const root = document.scrollingElement!;
        return { area: area.height, viewport: window.innerHeight, pageScroll: root.scrollHeight - root.clientHeight, sideways: root.scrollWidth - root.clientWidth };
      });
      const share = measured.area / measured.viewport;
      console.log(`[layout] ${language} ${width}×${height}: document area ${Math.round(measured.area)} px = ${(share * 100).toFixed(1)} % of the viewport; page scroll ${measured.pageScroll} px`);
      expect(share).toBeGreaterThanOrEqual(0.6);
      expect(measured.pageScroll).toBeLessThanOrEqual(0);
      expect(measured.sideways).toBeLessThanOrEqual(0);
      await page.mouse.move(0, height - 1); // no tooltip in the picture
      await expect(page.getByRole('tooltip')).toHaveCount(0);
      // Nor the «settings saved» toast of the language switch: it closes by itself.
      await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 30_000 });
      await page.screenshot({ path: path.join(outDir, `contract-${language}-${width}x${height}.png`) });
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await setLanguage(page, 'kk');
});

test('the settings toast speaks the language just chosen, not the previous one', async ({ page }) => {
  test.setTimeout(120_000);
  await ensureSignedIn(page);
  try {
    await setLanguage(page, 'ru');
    await expect(page.getByText('Настройки сохранены')).toBeVisible();
    await expect(page.getByText('Баптаулар сақталды')).toHaveCount(0);
  } finally {
    await setLanguage(page, 'kk');
  }
  await expect(page.getByText('Баптаулар сақталды')).toBeVisible();
});

test('an archived contract still gives its signed copy (a real PDF with the signatures page)', async ({ page }) => {
  test.setTimeout(120_000);
  await ensureSignedIn(page);
  // The archive tab also lists expired, withdrawn and refused contracts: find an archived one of the seed.
  let archived: string | null = null;
  for (let n = 1; n <= 220 && !archived; n++) {
    if ((await serverContract(page, `ctr-kg1-${n}`)).contract.status === 'archived') archived = `ctr-kg1-${n}`;
  }
  expect(archived).not.toBeNull();
  await openContract(page, archived!);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Қол қойылған көшірме' }).click();
  const file = await (await download).path();
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdfText(new Uint8Array(bytes))).toContain('Қолтаңбалар / Подписи');
});

test('no console error on any screen', async ({ page }) => {
  test.setTimeout(120_000);
  await ensureSignedIn(page);
  for (const route of ['contracts/list/review', 'contracts/list/rework', 'contracts/list/signed', 'contracts/list/archive', 'contracts/list/directions', 'attention', 'settings', 'about']) {
    await page.goto(page.url().replace(/#.*$/, `#/${route}`));
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  }
  await page.goto(page.url().replace(/#.*$/, '#/contracts/list/signed'));
  await page.getByRole('grid').locator('[role="row"][data-contract-id]').first().click();
  await expect(documentTabs(page).first()).toBeVisible();
  await page.keyboard.press('Shift+Slash');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  expect(consoleErrors).toEqual([]);
});
