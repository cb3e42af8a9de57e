/**
 * The packaged-app checks of the security checklist: the app starts on app://, every webContents has the hardened
 * preferences, window.qabyl has exactly the contract's functions, and the page has no Node (`require`/`process`).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { exposedName, methodNames } from '../../domain/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The installed Electron binary, located without `require('electron')`: since Electron 45 that call downloads a
 * missing binary, and tests reach nothing beyond loopback.
 */
function electronBinary(): { path: string } | { skip: string } {
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return { skip: 'the Electron binary is not installed (node_modules/electron has no path.txt)' };
  const binary = path.join(packageDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? { path: binary } : { skip: `the Electron binary is not installed (${path.relative(root, binary)} is missing)` };
}

const binary = electronBinary();
const built = fs.existsSync(path.join(root, 'out', 'main', 'index.cjs'));
const skipReason = 'skip' in binary ? binary.skip : built ? null : 'out/main/index.cjs is missing: run `npm run build` first';
if (skipReason) console.log(`[e2e-electron] skipped: ${skipReason}`);

test.describe('Electron shell', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    app = await electron.launch({ executablePath: (binary as { path: string }).path, args: [root, '--demo'], cwd: root });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });
  test.afterAll(async () => {
    await app?.close();
  });

  test('starts and loads the renderer from app://qabyl', async () => {
    expect(page.url()).toBe('app://qabyl/index.html');
    await expect(page).toHaveTitle(/Qabyl/);
  });

  test('every webContents has the hardened preferences', async () => {
    // getLastWebPreferences() exists at runtime but is no longer in Electron's public typings.
    type WithPreferences = { getLastWebPreferences?: () => Record<string, unknown> | null };
    const preferences = await app.evaluate(({ webContents }) =>
      webContents.getAllWebContents().map((contents) => (contents as unknown as WithPreferences).getLastWebPreferences?.() ?? null),
    );
    expect(preferences.length).toBeGreaterThan(0);
    for (const p of preferences) {
      expect(p, 'webContents.getLastWebPreferences() is unavailable in this Electron version').not.toBeNull();
      expect(p).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webviewTag: false });
      expect(p?.webSecurity).not.toBe(false);
      expect(p?.allowRunningInsecureContent).not.toBe(true);
    }
  });

  test('window.qabyl has exactly the contract methods plus onEvent', async () => {
    const keys = await page.evaluate(() => Object.keys((window as unknown as { qabyl: object }).qabyl).sort());
    expect(keys).toEqual([...methodNames.map(exposedName), 'onEvent'].sort());
  });

  test('the page has no Node: require and process are undefined', async () => {
    expect(await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
  });

  test('window.open is denied and foreign navigation is blocked', async () => {
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    // Main's guard and this listener see the same event, the guard first (it was attached when the window was
    // created), so the verdict is known the moment the attempt reaches main: no waiting for nothing to happen.
    await app.evaluate(({ BrowserWindow }) => {
      const verdict = new Promise<{ url: string; prevented: boolean }>((resolve) => {
        BrowserWindow.getAllWindows()[0]!.webContents.once('will-navigate', (event) => resolve({ url: event.url, prevented: event.defaultPrevented }));
      });
      (globalThis as { navigationVerdict?: typeof verdict }).navigationVerdict = verdict;
    });
    await page.evaluate(() => {
      (window as { stayedHere?: boolean }).stayedHere = true;
      window.location.href = 'https://example.com/';
    });
    const verdict = await app.evaluate(() => (globalThis as { navigationVerdict?: Promise<{ url: string; prevented: boolean }> }).navigationVerdict);
    expect(verdict).toEqual({ url: 'https://example.com/', prevented: true });
    expect(page.url().startsWith('app://qabyl/')).toBe(true);
    expect(await page.evaluate(() => (window as { stayedHere?: boolean }).stayedHere)).toBe(true);
  });
});
