/**
 * A one-page PMPK conclusion PDF (demo sample, marked «ОБРАЗЕЦ»), attached to special-queue applications. It carries
 * what a specialist checks against the application: the child's name, IIN and birth date, and the correction type in
 * words (kk / ru).
 */
import { PDFDocument } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import type { CorrectionType } from '../../domain/catalogue-ids';
import { correctionTypeLabels } from '../../domain/catalogues';
import type { Child } from '../../domain/entities';
import { formatDate } from '../../domain/kazakhstan-time';

export async function conclusionPdf(fontBytes: Uint8Array, child: Child, number: string, conclusionDate: string, correctionType: CorrectionType): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  const font = await doc.embedFont(fontBytes, { subset: true });
  const page = doc.addPage([595, 842]);
  const type = correctionTypeLabels[correctionType];
  const lines = [
    'ЗАКЛЮЧЕНИЕ ПМПК / ПМПК ҚОРЫТЫНДЫСЫ',
    `№ ${number} от / берілген күні ${formatDate(conclusionDate)}`,
    `Ребёнок / Бала: ${child.fullName}`,
    `ИИН / ЖСН: ${child.iin}`,
    `Дата рождения / Туған күні: ${formatDate(child.birthDate)}`,
    // One language a line: both together overflow the page width and a wrapped line ran into the next one.
    `Тип коррекции: ${type.ru}`,
    `Түзету түрі: ${type.kk}`,
    'ОБРАЗЕЦ · ҮЛГІ (демо)',
  ];
  lines.forEach((text, i) => page.drawText(text, { x: 50, y: 780 - i * 30, size: i === 0 ? 16 : 12, font, maxWidth: 495 }));
  return doc.save();
}
