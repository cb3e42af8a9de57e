/**
 * Draws text into an RGB pixel buffer by filling DejaVu Sans glyph outlines (fontkit) with a scanline polygon fill
 * and 4× vertical supersampling. Pure JS and deterministic, so seed images need no image tools or assets.
 */
import fontkit from '@pdf-lib/fontkit';

type Font = ReturnType<typeof fontkit.create>;
type Point = [number, number];

export interface Canvas {
  width: number;
  height: number;
  /** RGBA (the alpha byte is ignored by the JPEG encoder). */
  data: Uint8Array;
}

export function createCanvas(width: number, height: number, rgb: [number, number, number]): Canvas {
  const data = new Uint8Array(width * height * 4);
  data.set([rgb[0], rgb[1], rgb[2], 255]);
  // Doubling copies: a few memmoves instead of one call per pixel.
  for (let filled = 4; filled < data.length; filled *= 2) data.copyWithin(filled, 0, Math.min(filled, data.length - filled));
  return { width, height, data };
}

export function fillRect(c: Canvas, x: number, y: number, w: number, h: number, rgb: [number, number, number]): void {
  for (let yy = Math.max(0, y); yy < Math.min(c.height, y + h); yy++) {
    for (let xx = Math.max(0, x); xx < Math.min(c.width, x + w); xx++) c.data.set(rgb, (yy * c.width + xx) * 4);
  }
}

function blend(c: Canvas, x: number, y: number, rgb: [number, number, number], alpha: number): void {
  if (x < 0 || y < 0 || x >= c.width || y >= c.height || alpha <= 0) return;
  const i = (y * c.width + x) * 4;
  for (let k = 0; k < 3; k++) c.data[i + k] = Math.round(c.data[i + k]! * (1 - alpha) + rgb[k]! * alpha);
}

/** Flattens a glyph path into closed polygons (curves approximated with 8 segments). */
function polygons(commands: { command: string; args: number[] }[], scale: number, ox: number, oy: number): Point[][] {
  const result: Point[][] = [];
  let current: Point[] = [];
  let last: Point = [0, 0];
  const map = (x: number, y: number): Point => [ox + x * scale, oy - y * scale];
  for (const { command, args } of commands) {
    if (command === 'moveTo') {
      if (current.length) result.push(current);
      last = map(args[0]!, args[1]!);
      current = [last];
    } else if (command === 'lineTo') {
      last = map(args[0]!, args[1]!);
      current.push(last);
    } else if (command === 'quadraticCurveTo' || command === 'bezierCurveTo') {
      const pts = [];
      for (let i = 0; i < args.length; i += 2) pts.push(map(args[i]!, args[i + 1]!));
      const start = last;
      for (let s = 1; s <= 8; s++) {
        const t = s / 8;
        const p = pts.length === 2
          ? bezier([start, pts[0]!, pts[1]!], t)
          : bezier([start, pts[0]!, pts[1]!, pts[2]!], t);
        current.push(p);
      }
      last = current[current.length - 1]!;
    } else if (command === 'closePath') {
      if (current.length) result.push(current);
      current = [];
    }
  }
  if (current.length) result.push(current);
  return result;
}

function bezier(points: Point[], t: number): Point {
  let pts = points;
  while (pts.length > 1) pts = pts.slice(1).map((p, i) => [pts[i]![0] + (p[0] - pts[i]![0]) * t, pts[i]![1] + (p[1] - pts[i]![1]) * t]);
  return pts[0]!;
}

/** Non-zero winding scanline fill with 4 sub-scanlines per pixel row and fractional horizontal coverage. */
function fillPolygons(c: Canvas, polys: Point[][], rgb: [number, number, number]): void {
  const edges = polys.flatMap((poly) => poly.map((p, i) => [p, poly[(i + 1) % poly.length]!] as const));
  if (edges.length === 0) return;
  const ys = polys.flat().map((p) => p[1]);
  const top = Math.max(0, Math.floor(Math.min(...ys)));
  const bottom = Math.min(c.height - 1, Math.ceil(Math.max(...ys)));
  const SUB = 4;
  for (let y = top; y <= bottom; y++) {
    const coverage = new Map<number, number>();
    for (let s = 0; s < SUB; s++) {
      const sy = y + (s + 0.5) / SUB;
      const crossings: { x: number; dir: number }[] = [];
      for (const [a, b] of edges) {
        if ((a[1] <= sy && b[1] > sy) || (b[1] <= sy && a[1] > sy)) {
          crossings.push({ x: a[0] + ((sy - a[1]) / (b[1] - a[1])) * (b[0] - a[0]), dir: b[1] > a[1] ? 1 : -1 });
        }
      }
      crossings.sort((p, q) => p.x - q.x);
      let winding = 0;
      for (let i = 0; i < crossings.length - 1; i++) {
        winding += crossings[i]!.dir;
        if (winding === 0) continue;
        const x0 = crossings[i]!.x;
        const x1 = crossings[i + 1]!.x;
        for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
          const cover = Math.min(x + 1, x1) - Math.max(x, x0);
          if (cover > 0) coverage.set(x, (coverage.get(x) ?? 0) + cover / SUB);
        }
      }
    }
    for (const [x, a] of coverage) blend(c, x, y, rgb, Math.min(1, a));
  }
}

interface GlyphMask {
  left: number;
  top: number;
  width: number;
  height: number;
  alpha: Float32Array;
}

export class TextPainter {
  /** Rendered glyph coverage by glyph id and size: text is then drawn by blending cached masks. */
  private readonly masks = new Map<string, GlyphMask>();

  constructor(private readonly font: Font) {}

  static fromTtf(bytes: Uint8Array): TextPainter {
    return new TextPainter(fontkit.create(bytes as Buffer) as Font);
  }

  width(text: string, size: number): number {
    return this.font.layout(text).advanceWidth * (size / this.font.unitsPerEm);
  }

  private mask(glyph: { id: number; path: { commands: unknown[] } }, size: number): GlyphMask {
    const key = `${glyph.id}@${size}`;
    const cached = this.masks.get(key);
    if (cached) return cached;
    const scale = size / this.font.unitsPerEm;
    const pad = 2;
    const box = Math.ceil(size * 2);
    // Paint white-on-black into a scratch canvas and keep the red channel as coverage.
    const scratch = createCanvas(box * 2, box * 2, [0, 0, 0]);
    fillPolygons(scratch, polygons(glyph.path.commands as { command: string; args: number[] }[], scale, box / 2, box * 1.5), [255, 255, 255]);
    const alpha = new Float32Array(scratch.width * scratch.height);
    for (let i = 0; i < alpha.length; i++) alpha[i] = scratch.data[i * 4]! / 255;
    const mask = { left: -box / 2 - pad + pad, top: -box * 1.5, width: scratch.width, height: scratch.height, alpha };
    this.masks.set(key, mask);
    return mask;
  }

  /** Draws `text` with its baseline at y (glyphs snapped to whole pixels). */
  draw(c: Canvas, text: string, x: number, y: number, size: number, rgb: [number, number, number]): void {
    const scale = size / this.font.unitsPerEm;
    const run = this.font.layout(text);
    let pen = x;
    run.glyphs.forEach((glyph, i) => {
      const m = this.mask(glyph as unknown as { id: number; path: { commands: unknown[] } }, size);
      const ox = Math.round(pen) + m.left;
      const oy = Math.round(y) + m.top;
      for (let yy = 0; yy < m.height; yy++) {
        for (let xx = 0; xx < m.width; xx++) {
          const a = m.alpha[yy * m.width + xx]!;
          if (a > 0) blend(c, ox + xx, oy + yy, rgb, a);
        }
      }
      pen += run.positions[i]!.xAdvance * scale;
    });
  }
}
