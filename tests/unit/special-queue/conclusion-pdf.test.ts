// The demo PMPK conclusion carries what the specialist checks against the application (poppler reads it back):
// the child's name, IIN and birth date, and the correction type in words — never its raw code.
import { expect, it } from 'vitest';
import { conclusionPdf } from '../../../demo/seed/conclusion-pdf';
import { loadContractFonts } from '../../../node-adapters/fonts';
import { pdfText } from '../contract-pdf/tools';

it('prints the child, IIN, birth date (dd.mm.yyyy) and the correction type in Russian and Kazakh words', async () => {
  const fonts = await loadContractFonts();
  const child = { fullName: 'ӘБЕНОВ ДӘУЛЕТ НҰРЛАНҰЛЫ', iin: '210415500121', birthDate: '2021-04-15', sex: 'male' as const };
  const text = pdfText(await conclusionPdf(fonts.regular, child, 'ПМПК-00042', '2026-11-30', 'developmental_delay'));
  expect(text).toContain('Ребёнок / Бала: ӘБЕНОВ ДӘУЛЕТ НҰРЛАНҰЛЫ');
  expect(text).toContain('ИИН / ЖСН: 210415500121');
  expect(text).toContain('Дата рождения / Туған күні: 15.04.2021');
  expect(text).toContain('№ ПМПК-00042 от / берілген күні 30.11.2026');
  expect(text).toContain('Тип коррекции: Задержка психического развития Түзету түрі: Психикалық дамудың тежелуі ОБРАЗЕЦ');
  expect(text).not.toContain('developmental_delay');
});
