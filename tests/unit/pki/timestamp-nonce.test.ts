/**
 * A timestamp query's nonce is a positive, minimally encoded INTEGER whatever the random bytes: OpenSSL's TSA refuses
 * a query whose nonce starts with a redundant zero byte, which random bytes gave once in 256 requests.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { nonceContents } from '../../../domain/pki/timestamp/request';

it('every first byte gives a positive nonce without a redundant leading zero, the other bytes kept', () => {
  for (let first = 0; first < 256; first++) {
    for (const second of [0x00, 0x05, 0x7f, 0x80, 0xff]) {
      const random = Uint8Array.from([first, second, 1, 2, 3, 4, 5, 6]);
      const nonce = nonceContents(random);
      expect(nonce[0]).toBeGreaterThanOrEqual(0x01);
      expect(nonce[0]).toBeLessThanOrEqual(0x7f);
      expect([...nonce.slice(1)]).toEqual([...random.slice(1)]);
      if (first >= 0x01 && first <= 0x7f) expect(nonce[0]).toBe(first);
    }
  }
});

it('OpenSSL reads a query built from the draw that used to be refused (zero byte, then a byte below 0x80)', async () => {
  const { buildTimestampRequest } = await import('../../../domain/pki/timestamp/request');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qabyl-tsq-'));
  const original = globalThis.crypto.getRandomValues.bind(globalThis.crypto);
  try {
    globalThis.crypto.getRandomValues = (<T extends ArrayBufferView | null>(array: T): T => {
      if (array instanceof Uint8Array) array.set([0x00, 0x05, 1, 2, 3, 4, 5, 6]);
      return array;
    }) as typeof globalThis.crypto.getRandomValues;
    const query = await buildTimestampRequest(new TextEncoder().encode('stamped bytes'));
    fs.writeFileSync(path.join(dir, 'q.tsq'), query.der);
    const text = execFileSync('openssl', ['ts', '-query', '-in', path.join(dir, 'q.tsq'), '-text'], { encoding: 'utf8' });
    expect(text).toMatch(/Nonce: 0x0?105010203040506/);
    expect(query.nonce).toBe(0x0105010203040506n);
  } finally {
    globalThis.crypto.getRandomValues = original;
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
