/**
 * Child process of the memory benchmark: starts the backend (createBackend, as the worker does) on a bootstrapped
 * data directory, loads what the inbox shows first, and prints its RSS as JSON. A separate process so the
 * benchmark runner's own memory is not counted.
 */
import path from 'node:path';
import { createBackend } from '../../electron/backend/backend';
import { BENCH_KEY_HEX, MIGRATIONS } from './support/local-db';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: memory-child <dataDir>');
const backend = await createBackend({
  appVersion: '0.1.0',
  mode: 'production',
  dataDir,
  dbKeyHex: BENCH_KEY_HEX,
  migrationsFolder: MIGRATIONS,
  resourcesDir: path.resolve(import.meta.dirname, '../../resources'),
  serverUrl: 'http://127.0.0.1:9',
  ncalayer: { url: 'wss://127.0.0.1:1', tlsCaPem: null },
  trustedRootsPem: [],
});
const calls: Array<[string, unknown]> = [
  ['contracts.counts', { search: '' }],
  ['contracts.list', { tab: 'review' }],
  ['contracts.list', { tab: 'signed', search: 'Аружан' }],
  ['contracts.list', { tab: 'archive', sort: 'childName' }],
];
for (const [method, args] of calls) {
  const envelope = await backend.call(method, args);
  if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope)}`);
}
global.gc?.();
const { rss, heapUsed } = process.memoryUsage();
await backend.close();
console.log(JSON.stringify({ rss, heapUsed }));
