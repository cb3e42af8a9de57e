/**
 * Seed document scans: a JPEG per document that looks like what it stands for (title, child's name, «ОБРАЗЕЦ»).
 * The static part of each kind is painted once and copied; only the name line is drawn per document.
 */
import jpeg from 'jpeg-js';
import type { DocumentKind } from '../../domain/catalogue-ids';
import { documentKindLabels } from '../../domain/catalogues';
import { createCanvas, fillRect, TextPainter, type Canvas } from './raster-text';

const WIDTH = 640;
const HEIGHT = 420;
const INK: [number, number, number] = [25, 25, 35];

export class DocumentImageFactory {
  private readonly templates = new Map<DocumentKind, Canvas>();

  constructor(private readonly painter: TextPainter) {}

  private template(kind: DocumentKind): Canvas {
    let canvas = this.templates.get(kind);
    if (canvas) return canvas;
    canvas = createCanvas(WIDTH, HEIGHT, [246, 242, 230]);
    fillRect(canvas, 0, 0, WIDTH, 54, [28, 84, 140]);
    const title = documentKindLabels[kind].ru.toUpperCase();
    const size = Math.min(22, (22 * (WIDTH - 40)) / this.painter.width(title, 22));
    this.painter.draw(canvas, title, 20, 36, size, [255, 255, 255]);
    this.painter.draw(canvas, documentKindLabels[kind].kk, 20, 84, 14, [90, 90, 100]);
    for (let y = 190; y < 330; y += 28) fillRect(canvas, 20, y, WIDTH - 40, 1, [170, 170, 180]);
    this.painter.draw(canvas, 'ОБРАЗЕЦ · ҮЛГІ', 150, 300, 48, [205, 45, 45]);
    this.painter.draw(canvas, 'Тестовый документ демо-режима Qabyl', 20, HEIGHT - 20, 12, [120, 120, 130]);
    this.templates.set(kind, canvas);
    return canvas;
  }

  render(kind: DocumentKind, childFullName: string, detail: string): Uint8Array {
    const base = this.template(kind);
    const canvas: Canvas = { width: base.width, height: base.height, data: base.data.slice() };
    this.painter.draw(canvas, `Ребёнок / Бала: ${childFullName}`, 20, 130, 18, INK);
    this.painter.draw(canvas, detail, 20, 160, 14, INK);
    return new Uint8Array(jpeg.encode({ data: canvas.data, width: WIDTH, height: HEIGHT }, 75).data);
  }
}
