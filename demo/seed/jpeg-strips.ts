/**
 * A baseline JPEG encoder (4:4:4 YCbCr, standard Huffman tables) that codes every 8-pixel row of blocks as its own
 * restart interval. Each strip's entropy-coded bytes then depend only on that strip's pixels, so a document scan is
 * assembled from cached strips and only the strips that differ (the child's name lines) are coded again. The tables
 * are built once per encoder (jpeg-js rebuilds them on every call, which dominated the seed's time).
 */

const ZIGZAG = [
  0, 1, 5, 6, 14, 15, 27, 28, 2, 4, 7, 13, 16, 26, 29, 42, 3, 8, 12, 17, 25, 30, 41, 43, 9, 11, 18, 24, 31, 40, 44, 53,
  10, 19, 23, 32, 39, 45, 52, 54, 20, 22, 33, 38, 46, 51, 55, 60, 21, 34, 37, 47, 50, 56, 59, 61, 35, 36, 48, 49, 57, 58, 62, 63,
];
const LUMA_QUANT = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
  18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
const CHROMA_QUANT = [17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, ...Array<number>(38).fill(99)];

/** ITU T.81 Annex K.3 tables: code counts per length 1..16, then the symbols. */
const DC_LUMA = { counts: [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0], symbols: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] };
const DC_CHROMA = { counts: [0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0], symbols: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] };
const AC_LUMA = {
  counts: [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d],
  symbols: hex(
    '01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9fa',
  ),
};
const AC_CHROMA = {
  counts: [0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77],
  symbols: hex(
    '000102031104052131061241510761711322328108144291a1b1c109233352f0156272d10a162434e125f11718191a262728292a35363738393a434445464748494a535455565758595a636465666768696a737475767778797a82838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae2e3e4e5e6e7e8e9eaf2f3f4f5f6f7f8f9fa',
  ),
};

function hex(s: string): number[] {
  return Array.from({ length: s.length / 2 }, (_, i) => parseInt(s.slice(i * 2, i * 2 + 2), 16));
}

type HuffmanTable = { counts: number[]; symbols: number[] };
/** symbol → [code, length] */
type CodeTable = Map<number, [number, number]>;

function codeTable({ counts, symbols }: HuffmanTable): CodeTable {
  const table: CodeTable = new Map();
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < counts[length - 1]!; i++) table.set(symbols[k++]!, [code++, length]);
    code <<= 1;
  }
  return table;
}

function inZigzagOrder(natural: readonly number[]): number[] {
  const out = new Array<number>(64);
  natural.forEach((q, i) => (out[ZIGZAG[i]!] = q));
  return out;
}

/** Quantisation table in natural order, scaled like libjpeg's quality setting. */
function scaledQuant(base: readonly number[], quality: number): number[] {
  const scale = quality < 50 ? Math.floor(5000 / quality) : 200 - quality * 2;
  return base.map((q) => Math.min(255, Math.max(1, Math.floor((q * scale + 50) / 100))));
}

/** DCT-II basis: BASIS[u * 8 + x] = C(u)/2 · cos((2x+1)uπ/16). */
const BASIS = Float64Array.from({ length: 64 }, (_, i) => {
  const u = i >> 3;
  const x = i & 7;
  return ((u === 0 ? Math.SQRT1_2 : 1) / 2) * Math.cos(((2 * x + 1) * u * Math.PI) / 16);
});

class BitWriter {
  private readonly bytes: number[] = [];
  private acc = 0;
  private count = 0;

  write(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((code >> i) & 1);
      if (++this.count === 8) this.flushByte();
    }
  }

  private flushByte(): void {
    this.bytes.push(this.acc);
    if (this.acc === 0xff) this.bytes.push(0); // byte stuffing
    this.acc = 0;
    this.count = 0;
  }

  /** Pads the last byte with 1-bits, as T.81 requires before a marker. */
  finish(): Uint8Array {
    if (this.count > 0) this.write((1 << (8 - this.count)) - 1, 8 - this.count);
    return Uint8Array.from(this.bytes);
  }
}

export class StripJpegEncoder {
  readonly stripCount: number;
  private readonly headerBytes: Uint8Array;
  private readonly quant: [number[], number[]];
  private readonly dc: [CodeTable, CodeTable] = [codeTable(DC_LUMA), codeTable(DC_CHROMA)];
  private readonly ac: [CodeTable, CodeTable] = [codeTable(AC_LUMA), codeTable(AC_CHROMA)];

  constructor(
    readonly width: number,
    readonly height: number,
    quality = 75,
  ) {
    this.stripCount = Math.ceil(height / 8);
    this.quant = [scaledQuant(LUMA_QUANT, quality), scaledQuant(CHROMA_QUANT, quality)];
    this.headerBytes = Uint8Array.from(this.header());
  }

  /**
   * The entropy-coded bytes of strip `index` (image rows 8·index … 8·index+7) from RGBA pixels of this width whose
   * first row is image row `firstRow` (a band of the image is enough).
   */
  encodeStrip(rgba: Uint8Array, index: number, firstRow = 0): Uint8Array {
    const out = new BitWriter();
    const previousDc = [0, 0, 0];
    const block = [new Float64Array(64), new Float64Array(64), new Float64Array(64)];
    const top = index * 8;
    for (let left = 0; left < this.width; left += 8) {
      for (let i = 0; i < 64; i++) {
        // Edge blocks repeat the last row/column.
        const y = Math.min(top + (i >> 3), this.height - 1);
        const x = Math.min(left + (i & 7), this.width - 1);
        const p = ((y - firstRow) * this.width + x) * 4;
        const r = rgba[p]!, g = rgba[p + 1]!, b = rgba[p + 2]!;
        block[0]![i] = 0.299 * r + 0.587 * g + 0.114 * b - 128;
        block[1]![i] = -0.168736 * r - 0.331264 * g + 0.5 * b;
        block[2]![i] = 0.5 * r - 0.418688 * g - 0.081312 * b;
      }
      for (let c = 0; c < 3; c++) previousDc[c] = this.encodeBlock(out, block[c]!, c === 0 ? 0 : 1, previousDc[c]!);
    }
    return out.finish();
  }

  private encodeBlock(out: BitWriter, samples: Float64Array, table: 0 | 1, previousDc: number): number {
    const zigzag = this.isFlat(samples) ? this.flatCoefficients(samples[0]!, table) : this.coefficients(samples, table);
    const dc = zigzag[0]!;
    this.writeValue(out, this.dc[table], 0, dc - previousDc);
    let run = 0;
    for (let k = 1; k < 64; k++) {
      const value = zigzag[k]!;
      if (value === 0) {
        run++;
        continue;
      }
      for (; run >= 16; run -= 16) out.write(...this.code(this.ac[table], 0xf0));
      this.writeValue(out, this.ac[table], run, value);
      run = 0;
    }
    if (run > 0) out.write(...this.code(this.ac[table], 0x00));
    return dc;
  }

  private isFlat(samples: Float64Array): boolean {
    for (let i = 1; i < 64; i++) if (samples[i] !== samples[0]) return false;
    return true;
  }

  /** A uniform block (most of a scan is blank paper) has only a DC term: F(0,0) = 8 · sample. */
  private flatCoefficients(sample: number, table: 0 | 1): Int32Array {
    const zigzag = new Int32Array(64);
    zigzag[0] = Math.round((8 * sample) / this.quant[table][0]!);
    return zigzag;
  }

  /** Quantised DCT coefficients in zigzag order. */
  private coefficients(samples: Float64Array, table: 0 | 1): Int32Array {
    const rows = new Float64Array(64);
    for (let y = 0; y < 8; y++) {
      for (let u = 0; u < 8; u++) {
        let sum = 0;
        for (let x = 0; x < 8; x++) sum += BASIS[u * 8 + x]! * samples[y * 8 + x]!;
        rows[y * 8 + u] = sum;
      }
    }
    const zigzag = new Int32Array(64);
    const quant = this.quant[table];
    for (let v = 0; v < 8; v++) {
      for (let u = 0; u < 8; u++) {
        let sum = 0;
        for (let y = 0; y < 8; y++) sum += BASIS[v * 8 + y]! * rows[y * 8 + u]!;
        const natural = v * 8 + u;
        zigzag[ZIGZAG[natural]!] = Math.round(sum / quant[natural]!);
      }
    }
    return zigzag;
  }

  private code(table: CodeTable, symbol: number): [number, number] {
    const code = table.get(symbol);
    if (!code) throw new Error(`no Huffman code for symbol ${symbol}`);
    return code;
  }

  /** Huffman code of (run, size) followed by the value's `size` magnitude bits. */
  private writeValue(out: BitWriter, table: CodeTable, run: number, value: number): void {
    const size = value === 0 ? 0 : 32 - Math.clz32(Math.abs(value));
    out.write(...this.code(table, (run << 4) | size));
    if (size > 0) out.write(value < 0 ? value + (1 << size) - 1 : value, size);
  }

  /** A complete JFIF file from one entropy-coded segment per strip, joined by restart markers. */
  assemble(strips: readonly Uint8Array[]): Uint8Array {
    if (strips.length !== this.stripCount) throw new RangeError(`expected ${this.stripCount} strips, got ${strips.length}`);
    const header = this.headerBytes;
    const size = header.length + strips.reduce((n, s) => n + s.length + 2, 0);
    const out = new Uint8Array(size);
    out.set(header);
    let at = header.length;
    strips.forEach((strip, i) => {
      out.set(strip, at);
      at += strip.length;
      // RSTm between intervals, EOI after the last one.
      out.set(i < strips.length - 1 ? [0xff, 0xd0 + (i % 8)] : [0xff, 0xd9], at);
      at += 2;
    });
    return out;
  }

  private header(): number[] {
    const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
    const word = (n: number) => [n >> 8, n & 0xff];
    const huffman = (cls: number, id: number, t: HuffmanTable) => [(cls << 4) | id, ...t.counts, ...t.symbols];
    const mcusPerRow = Math.ceil(this.width / 8);
    return [
      0xff, 0xd8,
      ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, ...word(1), ...word(1), 0, 0]),
      ...segment(0xdb, [0, ...inZigzagOrder(this.quant[0]), 1, ...inZigzagOrder(this.quant[1])]),
      ...segment(0xc0, [8, ...word(this.height), ...word(this.width), 3, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1]),
      ...segment(0xc4, [...huffman(0, 0, DC_LUMA), ...huffman(1, 0, AC_LUMA), ...huffman(0, 1, DC_CHROMA), ...huffman(1, 1, AC_CHROMA)]),
      ...segment(0xdd, word(mcusPerRow)),
      ...segment(0xda, [3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]),
    ];
  }
}
