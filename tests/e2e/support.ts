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
