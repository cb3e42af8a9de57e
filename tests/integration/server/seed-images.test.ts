// Seed scans: the strip-coded JPEG decodes to the painted pixels, scans share the name band but differ by kind.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FONTS_DIR } from '../../../node-adapters/fonts';
import { StripJpegEncoder } from '../../../demo/seed/jpeg-strips';
import { DocumentImageFactory } from '../../../demo/seed/document-images';
import { TextPainter } from '../../../demo/seed/raster-text';

const painter = () => TextPainter.fromTtf(new Uint8Array(readFileSync(path.join(DEFAULT_FONTS_DIR, 'DejaVuSans.ttf'))));

function gradient(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set([(x * 255) / width, (y * 255) / height, (x + y) % 64 < 32 ? 200 : 40, 255], (y * width + x) * 4);
  }
  return data;
}

describe('StripJpegEncoder', () => {
  it('codes an image (with partial edge blocks) that a standard decoder reads back closely', () => {
    const [width, height] = [83, 45];
    const pixels = gradient(width, height);
    const encoder = new StripJpegEncoder(width, height, 90);
    const file = encoder.assemble(Array.from({ length: encoder.stripCount }, (_, i) => encoder.encodeStrip(pixels, i)));
    const decoded = jpeg.decode(file, { useTArray: true });
    expect([decoded.width, decoded.height]).toEqual([width, height]);
    let error = 0;
    for (let i = 0; i < pixels.length; i++) if (i % 4 !== 3) error += Math.abs(decoded.data[i]! - pixels[i]!);
    expect(error / (width * height * 3)).toBeLessThan(6);
  });

  it('refuses a strip list of the wrong length', () => {
    const encoder = new StripJpegEncoder(16, 16);
    expect(() => encoder.assemble([new Uint8Array()])).toThrow(RangeError);
  });
});

describe('DocumentImageFactory', () => {
  it('gives the same bytes as a fresh factory, one scan per kind and per child', () => {
    const shared = new DocumentImageFactory(painter());
    const photo = shared.render('child_photo', 'Ахметов Даниял Асхатұлы', 'ИИН 210415500121');
    const birth = shared.render('birth_certificate', 'Ахметов Даниял Асхатұлы', 'ИИН 210415500121');
    const other = shared.render('child_photo', 'Иванова Анна Сергеевна', 'ИИН 200301600123');
    expect(new DocumentImageFactory(painter()).render('birth_certificate', 'Ахметов Даниял Асхатұлы', 'ИИН 210415500121')).toEqual(birth);
    expect(new Set([photo, birth, other].map((b) => Buffer.from(b).toString('base64'))).size).toBe(3);
    const decoded = jpeg.decode(birth, { useTArray: true });
    expect([decoded.width, decoded.height]).toEqual([640, 420]);
    expect(birth.length).toBeLessThan(2 * 1024 * 1024);
  });
});
