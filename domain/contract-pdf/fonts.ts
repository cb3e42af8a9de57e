/**
 * Font handling for the contract PDF. Text is encoded once per character (glyph id of the subset + advance
 * width) and cached; lines are then assembled from the cache. pdf-lib's own drawText runs a full fontkit
 * layout per call, which made a 35-page contract take ~2 s instead of well under 300 ms.
 */
import type { PDFDocument, PDFFont } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';

/** TTF bytes of the two faces the contract uses (DejaVu Sans regular and bold, see resources/fonts). */
export interface ContractFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

export type FaceKey = 'regular' | 'bold';

/** The resource names the content streams use for each face. */
export const FACE_RESOURCE: Record<FaceKey, string> = { regular: 'F1', bold: 'F2' };

interface GlyphInfo {
  /** The two-byte Identity-H code of the subset glyph, escaped for a PDF literal string. */
  code: string;
  /** Advance width in 1/1000 of the font size. */
  width: number;
}

/** One embedded face with per-character and per-word caches. */
export class MeasuredFace {
  private readonly glyphs = new Map<string, GlyphInfo>();
  private readonly wordWidths = new Map<string, number>();
  private readonly wordCodes = new Map<string, string>();
  constructor(
    readonly font: PDFFont,
    private readonly metrics: MetricsFont,
  ) {}

  private glyph(ch: string): GlyphInfo {
    let info = this.glyphs.get(ch);
    if (info === undefined) {
      const cp = ch.codePointAt(0) ?? 0;
      if (!this.metrics.hasGlyphForCodePoint(cp)) {
        // pdf-lib would silently draw a .notdef box; a contract with a box instead of a letter must not be signed.
        throw new Error(`contract-pdf: the font has no glyph for U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
      }
      const width = (this.metrics.glyphForCodePoint(cp).advanceWidth * 1000) / this.metrics.unitsPerEm;
      info = { code: literalCode(this.font.encodeText(ch).asString()), width };
      this.glyphs.set(ch, info);
    }
    return info;
  }

  /** Width of `text` (no kerning: exactly what the Tj/TJ operators advance) in 1/1000 of the font size. */
  widthOf(text: string): number {
    let width = this.wordWidths.get(text);
    if (width === undefined) {
      width = 0;
      for (const ch of text) width += this.glyph(ch).width;
      this.wordWidths.set(text, width);
    }
    return width;
  }

  /** The body of a PDF literal string showing `text` in this face (adds the glyphs to the subset). */
  codesOf(text: string): string {
    let codes = this.wordCodes.get(text);
    if (codes === undefined) {
      codes = '';
      for (const ch of text) codes += this.glyph(ch).code;
      this.wordCodes.set(text, codes);
    }
    return codes;
  }
}

/**
 * Hex glyph codes → bytes of a literal string (one char per byte). Binary literal strings are half the size of
 * hex strings, which makes the pure-JS deflate of the content streams about three times faster.
 */
function literalCode(hex: string): string {
  let out = '';
  for (let i = 0; i < hex.length; i += 2) {
    const byte = parseInt(hex.slice(i, i + 2), 16);
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte === 0x0d) out += '\\r';
    else if (byte === 0x0a) out += '\\n';
    else out += String.fromCharCode(byte);
  }
  return out;
}

export type Faces = Record<FaceKey, MeasuredFace>;

type MetricsFont = ReturnType<typeof fontkit.create>;

/**
 * A parsed font per byte array used ONLY for code-point coverage and advance widths (a cmap lookup instead of a
 * shaping pass per character). It is never handed to pdf-lib, whose subsetting needs a fresh font (see below).
 */
const metricsFonts = new WeakMap<Uint8Array, MetricsFont>();
function metricsFont(bytes: Uint8Array): MetricsFont {
  let font = metricsFonts.get(bytes);
  if (!font) {
    font = fontkit.create(bytes);
    metricsFonts.set(bytes, font);
  }
  return font;
}

/**
 * Embeds both faces as subsets. `tag` is the six-letter subset prefix (PDF 9.6.4); a fixed tag keeps the bytes
 * deterministic (pdf-lib would otherwise name the font with a pseudo-random suffix).
 */
export async function embedFaces(doc: PDFDocument, fonts: ContractFonts, tag: { regular: string; bold: string }): Promise<Faces> {
  // A fresh fontkit font per document on purpose: fontkit caches glyph objects per font, and a glyph first met as a
  // composite component during one document's subsetting keeps empty code points, which would break the ToUnicode
  // map (and the byte-identity) of every later document rendered in the same process.
  doc.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([
    doc.embedFont(fonts.regular, { subset: true, customName: `${tag.regular}+DejaVuSans` }),
    doc.embedFont(fonts.bold, { subset: true, customName: `${tag.bold}+DejaVuSans-Bold` }),
  ]);
  return { regular: new MeasuredFace(regular, metricsFont(fonts.regular)), bold: new MeasuredFace(bold, metricsFont(fonts.bold)) };
}
