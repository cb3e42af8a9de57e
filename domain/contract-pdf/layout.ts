/**
 * A small, fast layout engine: blocks → pages of PDF content-stream text. Words are measured through the
 * per-face caches of MeasuredFace, lines are broken greedily and justified with TJ adjustments (Tw does not
 * apply to two-byte Identity-H fonts).
 */
import type { Block } from './blocks';
import { FACE_RESOURCE, type FaceKey, type Faces } from './fonts';

export const PAGE_WIDTH = 595.28; // A4 in points
export const PAGE_HEIGHT = 841.89;
const MARGIN_LEFT = 62;
const MARGIN_RIGHT = 56;
const MARGIN_TOP = 58;
const MARGIN_BOTTOM = 72;
const FOOTER_BASELINE = 40;
const CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

const BODY_SIZE = 10.5;
const LEADING = 14.4;
const TITLE_SIZE = 13;
const HEADING_SIZE = 11;
const SMALL_SIZE = 8;
const PARA_INDENT = 22;
const PARA_GAP = 3.5;
const CELL_PAD = 3.5;
const COLUMN_GAP = 24;

interface Piece {
  face: FaceKey;
  text: string;
}
/** Pieces glued together without a space (a word may change face mid-way, e.g. «**Name**»,). */
type Word = Piece[];
type Align = 'justify' | 'left' | 'center';

/** Formats a coordinate deterministically with at most two decimals. */
function num(v: number): string {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Splits `text` into words; `**` toggles between `base` and bold. */
export function parseWords(text: string, base: FaceKey = 'regular'): Word[] {
  const words: Word[] = [];
  let current: Word = [];
  text.split('**').forEach((segment, index) => {
    const face: FaceKey = index % 2 === 1 ? 'bold' : base;
    segment.split(' ').forEach((part, partIndex) => {
      if (partIndex > 0 && current.length > 0) {
        words.push(current);
        current = [];
      }
      if (part !== '') current.push({ face, text: part });
    });
  });
  if (current.length > 0) words.push(current);
  return words;
}

/** Lays out blocks page by page; `finish` adds the footers once the page count is known. */
export class Layout {
  private readonly pages: string[][] = [];
  private ops: string[] = [];
  private y = 0;

  constructor(private readonly faces: Faces) {
    this.newPage();
  }

  private newPage(): void {
    this.ops = [];
    this.pages.push(this.ops);
    this.y = PAGE_HEIGHT - MARGIN_TOP;
  }

  private ensure(height: number): void {
    if (this.y - height < MARGIN_BOTTOM) this.newPage();
  }

  private wordWidth(word: Word, size: number): number {
    let w = 0;
    for (const piece of word) w += this.faces[piece.face].widthOf(piece.text);
    return (w * size) / 1000;
  }

  private spaceWidth(word: Word, size: number): number {
    return (this.faces[word[0]!.face].widthOf(' ') * size) / 1000;
  }

  /** Greedy line breaking; a word wider than the line is split by characters. */
  private breakLines(words: Word[], size: number, firstWidth: number, width: number): Word[][] {
    const lines: Word[][] = [];
    let line: Word[] = [];
    let lineWidth = 0;
    for (const original of words) {
      for (const word of this.splitOverlong(original, size, width)) {
        const w = this.wordWidth(word, size);
        const max = lines.length === 0 ? firstWidth : width;
        const added = line.length === 0 ? w : lineWidth + this.spaceWidth(word, size) + w;
        if (line.length > 0 && added > max) {
          lines.push(line);
          line = [word];
          lineWidth = w;
        } else {
          line.push(word);
          lineWidth = added;
        }
      }
    }
    if (line.length > 0) lines.push(line);
    return lines;
  }

  private splitOverlong(word: Word, size: number, width: number): Word[] {
    if (this.wordWidth(word, size) <= width) return [word];
    const parts: Word[] = [];
    let current: Word = [];
    let currentWidth = 0;
    for (const piece of word) {
      for (const ch of piece.text) {
        const w = (this.faces[piece.face].widthOf(ch) * size) / 1000;
        if (currentWidth + w > width && current.length > 0) {
          parts.push(current);
          current = [];
          currentWidth = 0;
        }
        const last = current[current.length - 1];
        if (last && last.face === piece.face) last.text += ch;
        else current.push({ face: piece.face, text: ch });
        currentWidth += w;
      }
    }
    if (current.length > 0) parts.push(current);
    return parts;
  }

  private lineWidth(line: Word[], size: number): number {
    let w = 0;
    line.forEach((word, i) => {
      w += this.wordWidth(word, size) + (i > 0 ? this.spaceWidth(word, size) : 0);
    });
    return w;
  }

  /** Emits one line as BT … ET with TJ arrays; `extraPerGap` stretches the spaces for justification. */
  private emitLine(line: Word[], x: number, y: number, size: number, extraPerGap: number): void {
    const adjust = extraPerGap > 0 ? ` ${num((-extraPerGap * 1000) / size)} ` : '';
    let out = `BT 1 0 0 1 ${num(x)} ${num(y)} Tm`;
    let face: FaceKey | null = null;
    let open = false;
    line.forEach((word, i) => {
      word.forEach((piece, j) => {
        if (piece.face !== face) {
          if (open) out += ']TJ';
          face = piece.face;
          out += ` /${FACE_RESOURCE[face]} ${num(size)} Tf [`;
          open = true;
        }
        const startsWord = i > 0 && j === 0;
        if (startsWord && adjust) out += adjust;
        out += `(${this.faces[piece.face].codesOf(startsWord ? ` ${piece.text}` : piece.text)})`;
      });
    });
    if (open) out += ']TJ';
    this.ops.push(`${out} ET`);
  }

  /** Lays out a paragraph at the current position, breaking pages between lines. */
  private paragraph(text: string, opts: { size?: number; base?: FaceKey; align?: Align; indent?: number; x?: number; width?: number } = {}): void {
    const { size = BODY_SIZE, base = 'regular', align = 'justify', indent = 0, x = MARGIN_LEFT, width = CONTENT_WIDTH } = opts;
    const leading = (size / BODY_SIZE) * LEADING;
    const lines = this.breakLines(parseWords(text, base), size, width - indent, width);
    lines.forEach((line, i) => {
      this.ensure(leading);
      this.y -= leading;
      const lineX = x + (i === 0 ? indent : 0);
      const available = width - (i === 0 ? indent : 0);
      const natural = this.lineWidth(line, size);
      const isLast = i === lines.length - 1;
      if (align === 'center') this.emitLine(line, x + (width - natural) / 2, this.y, size, 0);
      else if (align === 'justify' && !isLast && line.length > 1) {
        this.emitLine(line, lineX, this.y, size, (available - natural) / (line.length - 1));
      } else this.emitLine(line, lineX, this.y, size, 0);
    });
  }

  /** Lines needed for `text` in a box of `width` (for keep-together decisions and table rows). */
  private countLines(text: string, width: number, base: FaceKey = 'regular', size = BODY_SIZE): Word[][] {
    return this.breakLines(parseWords(text, base), size, width, width);
  }

  private rule(x1: number, y1: number, x2: number, y2: number, width = 0.5): void {
    this.ops.push(`${num(width)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`);
  }

  add(block: Block): void {
    switch (block.kind) {
      case 'title':
        this.ensure(LEADING * 4);
        this.y -= 6;
        this.paragraph(block.text, { size: TITLE_SIZE, base: 'bold', align: 'center' });
        this.y -= 4;
        break;
      case 'subtitle':
        this.paragraph(block.text, { align: 'center' });
        this.y -= 4;
        break;
      case 'heading':
        // Keep a heading with at least three lines of what follows.
        this.ensure(LEADING * 5);
        this.y -= 8;
        this.paragraph(block.text, { size: HEADING_SIZE, base: 'bold', align: 'center' });
        this.y -= 3;
        break;
      case 'para':
        this.paragraph(block.text, { indent: PARA_INDENT });
        this.y -= PARA_GAP;
        break;
      case 'clause':
        this.paragraph(`**${block.num}** ${block.text}`);
        this.y -= PARA_GAP;
        break;
      case 'fields':
        this.fields(block.rows);
        break;
      case 'table':
        this.table(block.columns, block.header, block.rows);
        break;
      case 'columns':
        this.columns(block.left, block.right);
        break;
      case 'ruled':
        this.ruled(block.label, block.lines);
        break;
      case 'space':
        this.y -= block.height;
        break;
      case 'pageBreak':
        if (this.ops.length > 0) this.newPage();
        break;
    }
  }

  private fields(rows: ReadonlyArray<readonly [string, string]>): void {
    const labelWidth = CONTENT_WIDTH * 0.4;
    const valueX = MARGIN_LEFT + labelWidth + 8;
    const valueWidth = CONTENT_WIDTH - labelWidth - 8;
    for (const [label, value] of rows) {
      const height = Math.max(this.countLines(label, labelWidth).length, this.countLines(value, valueWidth, 'bold').length) * LEADING;
      this.ensure(height + 2);
      const top = this.y;
      this.paragraph(label, { align: 'left', width: labelWidth });
      const afterLabel = this.y;
      this.y = top;
      this.paragraph(value === '' ? '—' : value, { align: 'left', base: 'bold', x: valueX, width: valueWidth });
      this.y = Math.min(this.y, afterLabel) - 2;
    }
    this.y -= PARA_GAP;
  }

  private table(columns: readonly number[], header: readonly string[], rows: ReadonlyArray<readonly string[]>): void {
    const total = columns.reduce((a, b) => a + b, 0);
    const widths = columns.map((c) => (c / total) * CONTENT_WIDTH);
    const xs = widths.map((_, i) => MARGIN_LEFT + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const rowHeight = (cells: readonly string[], base: FaceKey): number =>
      Math.max(...cells.map((cell, i) => this.countLines(cell, widths[i]! - 2 * CELL_PAD, base).length)) * LEADING + 2 * CELL_PAD;
    const drawRow = (cells: readonly string[], base: FaceKey, height: number): void => {
      const top = this.y;
      cells.forEach((cell, i) => {
        this.y = top - CELL_PAD;
        this.paragraph(cell, { align: 'left', base, x: xs[i]! + CELL_PAD, width: widths[i]! - 2 * CELL_PAD });
      });
      const bottom = top - height;
      this.rule(MARGIN_LEFT, top, MARGIN_LEFT + CONTENT_WIDTH, top);
      this.rule(MARGIN_LEFT, bottom, MARGIN_LEFT + CONTENT_WIDTH, bottom);
      for (const x of [...xs, MARGIN_LEFT + CONTENT_WIDTH]) this.rule(x, top, x, bottom);
      this.y = bottom;
    };
    const headerHeight = rowHeight(header, 'bold');
    this.ensure(headerHeight + LEADING * 2);
    drawRow(header, 'bold', headerHeight);
    for (const row of rows) {
      const height = rowHeight(row, 'regular');
      if (this.y - height < MARGIN_BOTTOM) {
        this.newPage();
        drawRow(header, 'bold', headerHeight);
      }
      drawRow(row, 'regular', height);
    }
    this.y -= PARA_GAP * 2;
  }

  private columns(left: readonly string[], right: readonly string[]): void {
    const width = (CONTENT_WIDTH - COLUMN_GAP) / 2;
    const height = (texts: readonly string[]): number =>
      texts.reduce((sum, t) => sum + this.countLines(t, width).length * LEADING + PARA_GAP, 0);
    this.ensure(Math.max(height(left), height(right)));
    const top = this.y;
    const place = (texts: readonly string[], x: number): number => {
      this.y = top;
      for (const t of texts) {
        this.paragraph(t, { align: 'left', x, width });
        this.y -= PARA_GAP;
      }
      return this.y;
    };
    const leftBottom = place(left, MARGIN_LEFT);
    const rightBottom = place(right, MARGIN_LEFT + width + COLUMN_GAP);
    this.y = Math.min(leftBottom, rightBottom) - PARA_GAP;
  }

  private ruled(label: string, lines: number): void {
    this.ensure(LEADING * 2);
    this.paragraph(label, { align: 'left' });
    for (let i = 0; i < lines; i++) {
      this.ensure(LEADING * 1.6);
      this.y -= LEADING * 1.6;
      this.rule(MARGIN_LEFT, this.y, MARGIN_LEFT + CONTENT_WIDTH, this.y, 0.4);
    }
    this.y -= PARA_GAP * 2;
  }

  /** Content streams of all pages, each with a centered footer `footer(page, count)`. */
  finish(footer: (page: number, count: number) => string): string[] {
    const count = this.pages.length;
    return this.pages.map((ops, index) => {
      this.ops = ops;
      const words = parseWords(footer(index + 1, count));
      const width = this.lineWidth(words, SMALL_SIZE);
      this.rule(MARGIN_LEFT, FOOTER_BASELINE + 12, MARGIN_LEFT + CONTENT_WIDTH, FOOTER_BASELINE + 12, 0.3);
      this.emitLine(words, MARGIN_LEFT + (CONTENT_WIDTH - width) / 2, FOOTER_BASELINE, SMALL_SIZE, 0);
      return ops.join('\n');
    });
  }
}
