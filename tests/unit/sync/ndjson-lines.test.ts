import { describe, expect, it } from 'vitest';
import { ndjsonLineBatches } from '../../../electron/backend/sync/ndjson-lines';

async function* chunksOf(bytes: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  let offset = 0;
  for (let i = 0; offset < bytes.length; i++) {
    const size = sizes[i % sizes.length]!;
    yield bytes.subarray(offset, offset + size);
    offset += size;
  }
}

async function linesOf(bytes: Uint8Array, sizes: number[]): Promise<string[]> {
  const lines: string[] = [];
  for await (const batch of ndjsonLineBatches(chunksOf(bytes, sizes))) lines.push(...batch);
  return lines;
}

describe('ndjsonLineBatches', () => {
  const lines = ['{"name":"Әлия Құрманғазықызы"}', '{"name":"Ёлкин Тимур 🧒"}', '{"a":1}', `{"long":"${'ж'.repeat(5000)}"}`];
  const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);

  it('gives the same lines whatever the chunk boundaries, including inside multi-byte characters', async () => {
    for (const sizes of [[1], [2], [3], [7, 1], [64], [1000], [bytes.length]]) expect(await linesOf(bytes, sizes)).toEqual(lines);
  });

  it('keeps a last line without a newline, trims CRLF and skips blank lines', async () => {
    const text = new TextEncoder().encode('{"a":1}\r\n\n  \r\n{"b":"ү"}');
    expect(await linesOf(text, [3])).toEqual(['{"a":1}', '{"b":"ү"}']);
  });

  it('replaces invalid UTF-8 instead of failing, so the line then fails validation', async () => {
    const text = Uint8Array.from([0x7b, 0xff, 0x7d, 0x0a]);
    expect(await linesOf(text, [1])).toEqual(['{\uFFFD}']);
  });

  it('does not depend on the producer keeping a chunk unchanged after it is handed over', async () => {
    const reused = new Uint8Array(4);
    async function* reusing(): AsyncGenerator<Uint8Array> {
      for (const part of ['{"a"', ':"бб', '"}\n']) {
        const encoded = new TextEncoder().encode(part);
        const chunk = encoded.length <= reused.length ? reused.subarray(0, encoded.length) : encoded;
        chunk.set(encoded);
        yield chunk;
      }
    }
    const got: string[] = [];
    for await (const batch of ndjsonLineBatches(reusing())) got.push(...batch);
    expect(got).toEqual(['{"a":"бб"}']);
  });
});
