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

/** Signs in through the login screen with the emulator's auto-approving user (the demo head by default). */
export async function signIn(page: Page, route = 'contracts'): Promise<void> {
  await openApp(page, route);
  await page.getByRole('button', { name: /ЭЦҚ арқылы кіру|Войти с ЭЦП|Sign in with digital signature/ }).click();
  await page.getByTestId('session-user').waitFor();
}
