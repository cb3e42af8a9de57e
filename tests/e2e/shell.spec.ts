import { expect, test } from '@playwright/test';
import { knownSchemaVersion, openApp } from './support';

test('the shell renders and «О программе» shows the DB schema version read from the real backend', async ({ page }) => {
  await openApp(page, 'about');
  const nav = page.getByRole('navigation');
  for (const name of ['Шарттар', 'Арнайы кезек', 'Баптаулар']) await expect(nav.getByRole('link', { name })).toBeVisible();
  await expect(page.getByTestId('about-dbSchemaVersion')).toHaveText(String(knownSchemaVersion()));
  await expect(page.getByTestId('about-protocolVersion')).toHaveText('1');
  await expect(page.getByRole('status', { name: /Демонстрациялық режим/ })).toBeVisible();
});

test('the language switch is persisted through the backend', async ({ page }) => {
  await openApp(page, 'settings');
  await page.getByRole('radio', { name: 'Русский' }).check({ force: true });
  await expect(page.getByRole('link', { name: 'Договоры' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('link', { name: 'Договоры' })).toBeVisible();
  await page.getByRole('radio', { name: 'Қазақша' }).check({ force: true });
  await expect(page.getByRole('link', { name: 'Шарттар' })).toBeVisible();
});
