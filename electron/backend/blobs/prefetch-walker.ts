/**
 * How the document prefetch walks the replica for the documents of open work: in a worker thread on its own
 * connection to the replica file (the app: the API thread only queues what it is handed, one slice at a time), or on
 * the calling thread in short slices with the event loop between them (tests).
 */
import type Database from 'better-sqlite3';
import { startWorkerThread } from '../worker-thread';
import { yieldToEventLoop } from '../sync/yield-to-event-loop';
import type { BlobWant } from './downloader';
import { lastContractDocumentRowid, openWorkConclusions, openWorkContractDocuments } from './open-work';

export interface PrefetchWalk {
  /** True once every document of open work was handed over: only then may the store be trimmed to its budget. */
  done: Promise<boolean>;
  /** Stops the walk; resolves once nothing reads the replica file any more (a switch deletes the old one). */
  cancel(): Promise<void>;
}

/** `onWants` queues one slice; the walk reads the next slice only once that promise has settled. */
export type PrefetchWalker = (onWants: (wants: BlobWant[]) => Promise<void>) => PrefetchWalk;

/** Contract-document rowids per slice: a few milliseconds of a thread each. */
const PREFETCH_SPAN = 500;

/** The documents of open work in slices: the PMPK conclusions, then the contract documents by rowid range. */
export function* openWorkSlices(sqlite: Database.Database): Generator<BlobWant[]> {
  yield openWorkConclusions(sqlite);
  const end = lastContractDocumentRowid(sqlite);
  for (let after = 0; after < end; after += PREFETCH_SPAN) yield openWorkContractDocuments(sqlite, after, PREFETCH_SPAN);
}

export function inThreadPrefetchWalker(sqlite: Database.Database): PrefetchWalker {
  return (onWants) => {
    let cancelled = false;
    const done = (async () => {
      for (const wants of openWorkSlices(sqlite)) {
        if (cancelled) return false;
        await onWants(wants);
        await yieldToEventLoop();
      }
      return !cancelled;
    })();
    return {
      done,
      cancel: async () => {
        cancelled = true;
        await done.catch(() => undefined);
      },
    };
  };
}

export interface PrefetchWorkerData {
  file: string;
  keyHex: string;
}

/** From the worker: one slice (it waits for `next` before reading the following one), the end, or a failure. */
export type PrefetchWorkerMessage = { type: 'wants'; wants: BlobWant[] } | { type: 'done' } | { type: 'failed'; message: string };

/**
 * A walker that starts one worker per pass (`workerFile` is prefetch-worker.ts or its bundle). Each slice is
 * acknowledged before the worker reads the next, so the API thread never has a backlog of slices to queue at once.
 */
export function workerPrefetchWalker(
  workerFile: string | URL,
  replica: { currentFile(): string; readonly key: Uint8Array },
  log?: (message: string) => void,
): PrefetchWalker {
  return (onWants) => {
    const worker = startWorkerThread(workerFile, { file: replica.currentFile(), keyHex: Buffer.from(replica.key).toString('hex') } satisfies PrefetchWorkerData);
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    let queuing: Promise<void> = Promise.resolve();
    const done = new Promise<boolean>((resolve) => {
      worker.on('message', (message: PrefetchWorkerMessage) => {
        if (message.type === 'wants') {
          queuing = onWants(message.wants).then(
            () => void worker.postMessage('next'),
            (error: unknown) => {
              log?.(error instanceof Error ? error.message : String(error));
              resolve(false);
              void worker.terminate();
            },
          );
          return;
        }
        if (message.type === 'failed') log?.(message.message);
        resolve(message.type === 'done');
      });
      worker.once('error', (error) => {
        log?.(error.message);
        resolve(false);
      });
      void exited.then(() => resolve(false));
    });
    return {
      done,
      cancel: async () => {
        await worker.terminate();
        await exited;
        await queuing;
      },
    };
  };
}
