/**
 * Entry of the prefetch worker thread: walks the replica file on its own read-only connection for the documents of
 * open work and hands them to the backend thread one slice at a time (it queues them), then ends.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { applyKey } from '../../../db/open';
import { openWorkSlices, type PrefetchWorkerData, type PrefetchWorkerMessage } from './prefetch-walker';

const port = parentPort;
if (!port) throw new Error('prefetch-worker must run in a worker thread');
const send = (message: PrefetchWorkerMessage) => port.postMessage(message);
const next = () => new Promise<void>((resolve) => port.once('message', () => resolve()));
const { file, keyHex } = workerData as PrefetchWorkerData;

try {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    applyKey(sqlite, Uint8Array.from(Buffer.from(keyHex, 'hex')));
    for (const wants of openWorkSlices(sqlite)) {
      send({ type: 'wants', wants });
      await next();
    }
  } finally {
    sqlite.close();
  }
  send({ type: 'done' });
} catch (error) {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}
