/**
 * Seed document scans: a JPEG per document that looks like what it stands for (title, child's name, «ОБРАЗЕЦ»).
 * Each kind's template is painted and JPEG-coded once; the child's name and a detail line go into a blank band of
 * the template that is the same for every kind, so one contract's five scans share one drawn and coded band and
 * a scan is assembled from coded strips (see jpeg-strips.ts) without coding its template again.
 */
import type { DocumentKind } from '../../domain/catalogue-ids';
import { documentKindLabels } from '../../domain/catalogues';
import { createCanvas, fillRect, TextPainter, type Canvas } from './raster-text';
import { StripJpegEncoder } from './jpeg-strips';

const WIDTH = 640;
const HEIGHT = 420;
const PAPER: [number, number, number] = [246, 242, 230];
const INK: [number, number, number] = [25, 25, 35];
/** Strips (8 pixel rows each) of the name band: rows 104–175, blank in every template. */
const BAND_FIRST_STRIP = 13;
const BAND_STRIPS = 9;
const BAND_MARGIN = 16;
/** Recently coded bands: a contract's five kinds (and its resubmission) reuse the same band. */
const RECENT_BANDS = 16;

export class DocumentImageFactory {
  private readonly encoder = new StripJpegEncoder(WIDTH, HEIGHT, 75);
  private readonly templates = new Map<DocumentKind, Uint8Array[]>();
  private readonly bands = new Map<string, Uint8Array[]>();

  constructor(private readonly painter: TextPainter) {}

  render(kind: DocumentKind, childFullName: string, detail: string): Uint8Array {
    const strips = [...this.template(kind)];
    strips.splice(BAND_FIRST_STRIP, BAND_STRIPS, ...this.band(childFullName, detail));
    return this.encoder.assemble(strips);
  }

  /** The kind's coded strips with a blank band. */
  private template(kind: DocumentKind): Uint8Array[] {
    let strips = this.templates.get(kind);
    if (strips) return strips;
    const canvas = createCanvas(WIDTH, HEIGHT, PAPER);
    fillRect(canvas, 0, 0, WIDTH, 54, [28, 84, 140]);
    const title = documentKindLabels[kind].ru.toUpperCase();
    const size = Math.min(22, (22 * (WIDTH - 40)) / this.painter.width(title, 22));
    this.painter.draw(canvas, title, 20, 36, size, [255, 255, 255]);
    this.painter.draw(canvas, documentKindLabels[kind].kk, 20, 84, 14, [90, 90, 100]);
    for (let y = 190; y < 330; y += 28) fillRect(canvas, 20, y, WIDTH - 40, 1, [170, 170, 180]);
    this.painter.draw(canvas, 'ОБРАЗЕЦ · ҮЛГІ', 150, 300, 48, [205, 45, 45]);
    this.painter.draw(canvas, 'Тестовый документ демо-режима Qabyl', 20, HEIGHT - 20, 12, [120, 120, 130]);
    fillRect(canvas, 0, BAND_FIRST_STRIP * 8, WIDTH, BAND_STRIPS * 8, PAPER);
    strips = Array.from({ length: this.encoder.stripCount }, (_, i) => this.encoder.encodeStrip(canvas.data, i));
    this.templates.set(kind, strips);
    return strips;
  }

  /** The coded strips of the band with the child's name and the detail line. */
  private band(childFullName: string, detail: string): Uint8Array[] {
    const key = `${childFullName}\u0000${detail}`;
    let strips = this.bands.get(key);
    if (strips) return strips;
    // The band is drawn with a blank margin above and below: ink in the margin would be cut off at the band's edges.
    const top = BAND_FIRST_STRIP * 8 - BAND_MARGIN;
    const canvas = createCanvas(WIDTH, BAND_STRIPS * 8 + 2 * BAND_MARGIN, PAPER);
    this.painter.draw(canvas, `Ребёнок / Бала: ${childFullName}`, 20, 130 - top, 18, INK);
    this.painter.draw(canvas, detail, 20, 160 - top, 14, INK);
    if (!isBlankRows(canvas, 0, BAND_MARGIN) || !isBlankRows(canvas, canvas.height - BAND_MARGIN, canvas.height)) {
      throw new RangeError('document text does not fit the name band');
    }
    strips = Array.from({ length: BAND_STRIPS }, (_, i) => this.encoder.encodeStrip(canvas.data, BAND_FIRST_STRIP + i, top));
    this.bands.set(key, strips);
    if (this.bands.size > RECENT_BANDS) this.bands.delete(this.bands.keys().next().value!);
    return strips;
  }
}

function isBlankRows(canvas: Canvas, from: number, to: number): boolean {
  for (let p = from * canvas.width * 4; p < to * canvas.width * 4; p += 4) {
    if (canvas.data[p] !== PAPER[0] || canvas.data[p + 1] !== PAPER[1] || canvas.data[p + 2] !== PAPER[2]) return false;
  }
  return true;
}
