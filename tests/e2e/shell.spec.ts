import { expect, test } from '@playwright/test';
import { devControl, knownSchemaVersion, openApp, signIn, signOut } from './support';

test('the shell renders and «О программе» shows the DB schema version read from the real backend', async ({ page }) => {
  await openApp(page, 'about');
  const nav = page.getByRole('navigation');
  for (const name of ['Шарттар', 'Баптаулар', 'Бағдарлама туралы']) await expect(nav.getByRole('link', { name })).toBeVisible();
  await expect(page.getByTestId('about-dbSchemaVersion')).toHaveText(String(knownSchemaVersion()));
  await expect(page.getByTestId('about-protocolVersion')).toHaveText('1');
  await expect(page.getByRole('status', { name: /Демонстрациялық режим/ })).toBeVisible();
});

test('the language switch is persisted through the backend', async ({ page }) => {
  await openApp(page, 'settings');
  await page.getByText('Русский', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Русский' })).toBeChecked();
  await expect(page.getByRole('link', { name: 'Договоры' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('link', { name: 'Договоры' })).toBeVisible();
  await page.getByText('Қазақша', { exact: true }).click();
  await expect(page.getByRole('link', { name: 'Шарттар' })).toBeVisible();
});

test('with NCALayer stopped the login screen says so and how to start it; started, the head signs in', async ({ page }) => {
  await signOut(page);
  await devControl(page, 'ncalayer-stop');
  try {
    await page.reload(); // the login screen checks NCALayer when it opens
    const alert = page.getByRole('alert').filter({ hasText: 'NCALayer' });
    await expect(alert).toContainText(/іске қосылмаған|не запущен/);
    await expect(page.getByRole('button', { name: 'ЭЦҚ арқылы кіру' })).toBeDisabled();
  } finally {
    await devControl(page, 'ncalayer-start');
  }
  await page.getByRole('button', { name: 'Қайта тексеру' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'NCALayer' })).toBeVisible();
  await signIn(page);
  await expect(page.getByTestId('session-user')).toHaveText('АХМЕТОВА ГУЛЬНАРА СЕРИКБАЕВНА');
  await expect(page.getByRole('group', { name: 'Пайдаланушы' })).toContainText('780412401124');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Арнайы кезек' })).toHaveCount(0);
});
