import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { E2E_TOKEN } from '../../playwright.config';

/** Opens the app at a hash route with the bridge token, as the URL printed by dev:web does. */
export async function openApp(page: Page, route = ''): Promise<void> {
  await page.goto(`/?token=${E2E_TOKEN}#/${route}`);
}

export function knownSchemaVersion(): number {
  const journal = JSON.parse(fs.readFileSync(path.resolve('db/migrations/meta/_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

/** Calls a demo-only control of the dev:web launcher (stop/start the embedded server or NCALayer, switch key). */
export async function devControl(page: Page, name: string, params: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const query = new URLSearchParams({ token: E2E_TOKEN, ...params });
  const response = await page.request.post(`/__dev/${name}?${query.toString()}`);
  if (!response.ok()) throw new Error(`dev control ${name} failed: ${response.status()} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

const loginButton = (page: Page) => page.getByRole('button', { name: /ЭЦҚ арқылы кіру|Войти с ЭЦП|Sign in with digital signature/ });

/**
 * Signs in through the login screen with the emulator's auto-approving user (the demo head by default). The backend
 * keeps its session across page loads, so a test that runs after another may already be signed in.
 */
export async function signIn(page: Page, route = 'contracts'): Promise<void> {
  await openApp(page, route);
  const user = page.getByTestId('session-user');
  await loginButton(page).or(user).first().waitFor();
  if (!(await user.isVisible())) await loginButton(page).click();
  await user.waitFor();
}

/** Signs out if a session is open, so a test can start from the login screen whatever ran before it. */
export async function signOut(page: Page): Promise<void> {
  await openApp(page, 'contracts');
  const logout = page.getByRole('button', { name: /Шығу|Выйти|Sign out/ });
  await loginButton(page).or(logout).first().waitFor();
  if (await logout.isVisible()) await logout.click();
  await loginButton(page).waitFor();
}
