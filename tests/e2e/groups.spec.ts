/**
 * Groups end to end: the head creates a group on «Топтар», sends an offer into it (the list shows the fit and the
 * free places), the parent signs (parent simulator), the head signs — the group's free places drop by one;
 * archiving gives the place back; the public bulletin endpoint shows the same numbers as the desktop. Kazakh UI.
 */
import { expect, test, type Page } from '@playwright/test';
import { bulletinSchema } from '../../domain/bulletin';
import { todayInKazakhstan } from '../../domain/calendar';
import { ageAtYearEnd, ageGroupLabels } from '../../domain/groups';
import { directionSchema, groupSchema, type Direction } from '../../domain/entities';
import { TestServerClient } from '../support/server-client';
import { devControl, openApp, signIn } from './support';

const POLL = { timeout: 60_000, intervals: [250, 500, 1000] };

async function serverUrl(page: Page): Promise<string> {
  return String((await devControl(page, 'info')).serverUrl);
}

/** The server's rows of kg1 as a methodist's fresh bootstrap sees them. */
async function serverRows(url: string) {
  const client = new TestServerClient(url);
  await client.login('kg1-methodist');
  return (await client.bootstrap()).rows;
}

async function serverGroup(url: string, nameRu: string) {
  const rows = await serverRows(url);
  return rows.filter((r) => r.entity === 'group').map((r) => groupSchema.parse(r.data)).find((g) => g.nameRu === nameRu) ?? null;
}

const groupRow = (page: Page, name: string) => page.getByRole('table', { name: 'Балабақша топтары' }).getByRole('row', { name });
const freeCell = (page: Page, name: string) => groupRow(page, name).getByTestId('free-places');

async function freeOnScreen(page: Page, name: string, expected: number) {
  await openApp(page, 'groups');
  await expect(freeCell(page, name)).toHaveText(String(expected), { timeout: 60_000 });
}

/** The desktop's bulletin line and the public endpoint's line for the same age and language agree. */
async function expectBulletinAgrees(page: Page, url: string, direction: Direction) {
  const age = ageAtYearEnd(direction.child.birthDate, Number(todayInKazakhstan(new Date()).slice(0, 4)));
  const response = await page.request.get(`${url}/v1/bulletin?orgId=kg1`);
  const published = bulletinSchema.parse(await response.json()).kindergartens[0]!.lines.find(
    (l) => l.ageYears === age && l.teachingLanguage === direction.teachingLanguage && l.kind === 'ordinary',
  );
  expect(published).toBeDefined();
  await openApp(page, 'groups');
  const table = page.getByRole('table', { name: 'Бос орындар бюллетені' });
  const row = table.getByRole('row').filter({ hasText: ageGroupLabels[age]!.kk }).filter({ hasText: direction.teachingLanguage === 'kk' ? 'Қазақ тілі' : 'Орыс тілі' }).filter({ hasText: 'Жалпы' });
  await expect(row.getByRole('cell').last()).toHaveText(String(published!.free), { timeout: 30_000 });
}

test('a group: create, offer into it, parent and head sign (one place fewer), archive (the place is back), bulletin agrees', async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, 'groups');
  await page.setViewportSize({ width: 1440, height: 900 });
  const url = await serverUrl(page);

  // A direction waiting for an offer: the new group is made for its child's age and language.
  const directions = (await serverRows(url)).filter((r) => r.entity === 'direction').map((r) => directionSchema.parse(r.data));
  const direction = directions.find((d) => d.status === 'awaiting_offer' && d.correctionType === null)!;
  expect(direction).toBeDefined();
  const age = ageAtYearEnd(direction.child.birthDate, Number(todayInKazakhstan(new Date()).slice(0, 4)));
  const suffix = Date.now().toString(36).toUpperCase();
  const nameKk = `«Тест ${suffix}» тобы`;
  const nameRu = `Группа «Тест ${suffix}»`;

  // The head creates the group (signed through NCALayer).
  await openApp(page, 'groups');
  await page.getByRole('button', { name: 'Топ құру' }).click();
  const form = page.getByRole('dialog', { name: 'Жаңа топ' });
  await form.getByLabel('Қазақша атауы').fill(nameKk);
  await form.getByLabel('Орысша атауы').fill(nameRu);
  await form.getByRole('combobox', { name: 'Жас тобы' }).click();
  await page.getByRole('option', { name: ageGroupLabels[age]!.kk }).click();
  await form.getByText(direction.teachingLanguage === 'kk' ? 'Қазақ тілі' : 'Орыс тілі').click();
  await form.getByLabel('Сыйымдылығы (орын)').fill('3');
  await form.getByRole('button', { name: 'Қол қою және құру' }).click();
  await expect(form).toBeHidden({ timeout: 60_000 });
  await freeOnScreen(page, nameKk, 3);
  await expect.poll(async () => (await serverGroup(url, nameRu))?.places.free, POLL).toBe(3);
  await expectBulletinAgrees(page, url, direction);

  // The offer modal lists the group as fitting, with its free places; the offer reserves one.
  await openApp(page, `contracts/offer/${encodeURIComponent(direction.id)}`);
  const offer = page.getByRole('dialog', { name: 'Шарт жіберу' });
  const choice = offer.getByRole('radio', { name: new RegExp(`Тест ${suffix}`) });
  await expect(choice).toBeEnabled({ timeout: 30_000 });
  // The badge is part of the radio's label: this group's own free places, not another group's.
  await expect(choice).toHaveAccessibleName(/Бос орын: 3 \/ 3(?!\d)/);
  await choice.check();
  // A start in the past is refused: the child starts today.
  await offer.getByLabel('Басталу күні').fill(todayInKazakhstan(new Date()));
  await offer.getByRole('button', { name: 'Қол қою және жіберу' }).click();
  await expect(offer).toBeHidden({ timeout: 60_000 });
  await expect.poll(async () => (await serverGroup(url, nameRu))?.places.reserved, POLL).toBe(1);
  await freeOnScreen(page, nameKk, 2);

  // The parent signs on the portal (simulator), the head signs and enrolls: still one place fewer, now enrolled.
  const contract = (await serverRows(url)).find((r) => r.entity === 'contract' && (r.data as { directionId: string | null }).directionId === direction.id)!;
  expect(contract).toBeDefined();
  // The parent's phone is not a Kazakh number: the contract screen asks to check it, without blocking anything.
  const submit = await page.request.post(`${url}/v1/dev/parent/contracts/${encodeURIComponent(contract.id)}/submit`, { data: { phone: '+7 123 45' } });
  expect(submit.ok(), await submit.text()).toBe(true);
  await openApp(page, `contracts/view/${encodeURIComponent(contract.id)}`);
  const hints = page.getByRole('note', { name: 'Деректерді тексеріңіз' });
  await expect(hints).toContainText('Телефон нөмірі Қазақстан нөміріне ұқсамайды.', { timeout: 60_000 });
  const pending = page.locator('[role="tab"][data-document-id][data-review="pending"]');
  await expect(pending.first()).toBeVisible({ timeout: 60_000 });
  for (let left = await pending.count(); left > 0; left--) {
    await pending.first().click();
    await page.keyboard.press('a');
    await expect(pending).toHaveCount(left - 1);
  }
  await page.keyboard.press('Control+Enter');
  const sign = page.getByRole('dialog', { name: 'Шартқа қол қою' });
  await expect(sign.getByText(/SHA-256 [0-9a-f]{64}/)).toBeVisible({ timeout: 90_000 });
  await sign.getByRole('button', { name: 'ЭЦҚ-мен қол қою' }).click();
  await expect(sign).toBeHidden({ timeout: 90_000 });
  await expect.poll(async () => (await serverGroup(url, nameRu))?.places, POLL).toMatchObject({ enrolled: 1, reserved: 0, free: 2 });
  await freeOnScreen(page, nameKk, 2);
  await expectBulletinAgrees(page, url, direction);

  // Archiving the child gives the place back.
  await openApp(page, `contracts/view/${encodeURIComponent(contract.id)}`);
  await page.getByRole('button', { name: 'Шығару' }).click();
  const archive = page.getByRole('dialog', { name: 'Баланы шығару' });
  await archive.getByRole('combobox', { name: 'Себебі' }).click();
  await page.getByRole('option', { name: 'Басқа жерге көшуі' }).click();
  await archive.getByRole('button', { name: 'Қол қою және мұрағатқа жіберу' }).click();
  await expect(archive).toBeHidden({ timeout: 60_000 });
  await expect.poll(async () => (await serverGroup(url, nameRu))?.places, POLL).toMatchObject({ enrolled: 0, reserved: 0, free: 3 });
  await freeOnScreen(page, nameKk, 3);
  await expectBulletinAgrees(page, url, direction);
});
