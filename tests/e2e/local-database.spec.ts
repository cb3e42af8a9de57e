/**
 * The local database's cipher as a desk meets it. A database an earlier version left under the legacy cipher:
 * `dev:web` started on that data directory re-encrypts it once before the backend answers, and the app then says
 * so in the interface language (Kazakh by default), naming the kept backup (the backend's progress events are tested
 * in tests/unit/foundation/backend-host.test.ts; here the whole path to the screen). Then the support export from
 * Settings, opened the way SQLCipher 4 tools open it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';
import { detectCipher, CURRENT_CIPHER } from '../../db/cipher';
import { makeLegacyInstallation } from '../support/legacy-database';
import { startDevWebInstance, type DevWebInstance } from './dev-web-instance';

const dataDir = path.resolve('.tmp/e2e-reencrypt');
const key = randomBytes(32);
let dev: DevWebInstance;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'db.key'), key.toString('hex'), { mode: 0o600 });
  makeLegacyInstallation(path.join(dataDir, 'qabyl.db'), key, 20_000);
  dev = await startDevWebInstance({ port: 0, token: E2E_TOKEN, as: 'kg1-head', dataDir, keepData: true, startTimeoutMs: 280_000 });
});
test.afterAll(async () => {
  await dev?.stop();
});

test('a legacy database is re-encrypted at start-up and the app says so, naming the backup', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: dev.baseURL });
  const page = await context.newPage();
  await page.goto(`/?token=${E2E_TOKEN}#/settings`);

  const notice = page.getByRole('alert').filter({ hasText: 'Дерекқор жаңа шифрлауға көшірілді' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('qabyl.db.bak-sqlcipher4');
  const rows = Number(/Көшірілген жазбалар: (\d+)/.exec((await notice.textContent()) ?? '')?.[1]);
  expect(rows).toBeGreaterThanOrEqual(20_000);
  expect(detectCipher(path.join(dataDir, 'qabyl.db'), key)).toBe(CURRENT_CIPHER);

  // The same notice in Russian once the language is switched; closing it leaves the app as it was.
  await page.getByText('Русский', { exact: true }).click();
  const ru = page.getByRole('alert').filter({ hasText: 'База данных переведена на новое шифрование' });
  await expect(ru).toContainText(`Перенесено записей: ${rows}`);
  await ru.getByRole('button').click();
  await expect(ru).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Настройки' })).toBeVisible();
  await context.close();
});

test('Settings exports the database for support into one SQLCipher 4 file that opens with the passphrase', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: dev.baseURL });
  const page = await context.newPage();
  await page.goto(`/?token=${E2E_TOKEN}#/settings`);
  const passphrase = page.getByLabel('Пароль выгрузки');
  const exportButton = page.getByRole('button', { name: 'Выгрузить' });

  await passphrase.fill('short');
  await expect(page.getByText('Пароль должен быть не короче 12 символов.')).toBeVisible();
  await expect(exportButton).toBeDisabled();

  const secret = 'поддержка-2026-qabyl';
  await passphrase.fill(secret);
  await passphrase.press('Enter');
  const done = page.getByRole('alert').filter({ hasText: 'Выгрузка готова' });
  await expect(done).toBeVisible({ timeout: 60_000 });
  const fileName = /qabyl-support-\d{8}-\d{6}\.db/.exec((await done.textContent()) ?? '')?.[0];
  expect(fileName).toBeDefined();
  await expect(passphrase).toHaveValue('');

  const exported = new Database(path.join(dataDir, 'exports', fileName as string), { readonly: true, fileMustExist: true });
  try {
    exported.pragma("cipher = 'sqlcipher'");
    exported.pragma('legacy = 4');
    exported.pragma(`key = '${secret}'`);
    expect(exported.prepare('SELECT count(*) FROM contracts').pluck().get()).toBe(20_000);
  } finally {
    exported.close();
  }
  await context.close();
});
