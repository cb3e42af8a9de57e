/** A one-page PMPK conclusion PDF (demo sample, marked «ОБРАЗЕЦ»), attached to special-queue applications. */
import { PDFDocument } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';

export async function conclusionPdf(fontBytes: Uint8Array, child: string, number: string, correctionType: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  const font = await doc.embedFont(fontBytes, { subset: true });
  const page = doc.addPage([595, 842]);
  const lines = ['ЗАКЛЮЧЕНИЕ ПМПК / ПМПК ҚОРЫТЫНДЫСЫ', `№ ${number}`, `Ребёнок / Бала: ${child}`, `Тип коррекции: ${correctionType}`, 'ОБРАЗЕЦ · ҮЛГІ (демо)'];
  lines.forEach((text, i) => page.drawText(text, { x: 50, y: 780 - i * 30, size: i === 0 ? 16 : 12, font }));
  return doc.save();
}
