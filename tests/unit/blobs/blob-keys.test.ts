import { expect, it } from 'vitest';
import { KEY_BYTES, newKeys } from '../../../electron/backend/blobs/blob-crypto';

it('draws as many independent keys as asked for, each of full length', () => {
  const keys = newKeys(200);
  expect(keys).toHaveLength(200);
  for (const key of keys) expect(key.length).toBe(KEY_BYTES);
  expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(200);
  // Two keys never share bytes: changing one leaves its neighbours as they were.
  const before = keys[1]!.toString('hex');
  keys[0]!.fill(0);
  keys[2]!.fill(0);
  expect(keys[1]!.toString('hex')).toBe(before);
  expect(newKeys(0)).toEqual([]);
});
