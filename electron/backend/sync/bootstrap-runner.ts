/**
 * Where a bootstrap file is built: in the sync worker thread (the app: its own SQLite connection, so index and
 * search builds never hold the API thread) or on the calling thread (tests that inject `fetch`).
 */
import { AppError } from '../../../domain/envelope';
import { startWorkerThread } from '../worker-thread';
import type { BootstrapJob, BootstrapProgress, BootstrapResult } from './bootstrap';
import { SyncHttpError, type SyncErrorKind } from './sync-http';

export type BootstrapRunner = (job: BootstrapJob, onProgress: BootstrapProgress) => Promise<BootstrapResult>;

export interface BootstrapWorkerData {
  job: BootstrapJob;
  http: { serverUrl: string; appVersion: string; clientId: string; token: string | null; requestTimeoutMs: number };
}

interface SerialisedError {
  name: string;
  message: string;
  kind: SyncErrorKind | null;
  status: number | null;
  code: string | null;
  minAppVersion: string | null;
}

export type BootstrapWorkerMessage =
  | { type: 'progress'; done: number; total: number | null }
  | { type: 'done'; result: BootstrapResult }
  | { type: 'failed'; error: SerialisedError };

function revive(error: SerialisedError): Error {
  if (error.kind) return new SyncHttpError(error.kind, error.message, error.status, error.code, error.minAppVersion);
  if (error.name === 'AppError' && error.code) return new AppError(error.code, error.message);
  return new Error(error.message);
}

/** A runner that starts one sync worker per bootstrap (`workerFile` is bootstrap-worker.ts or its bundle). */
export function workerBootstrapRunner(workerFile: string | URL, http: () => BootstrapWorkerData['http']): BootstrapRunner {
  return (job, onProgress) =>
    new Promise<BootstrapResult>((resolve, reject) => {
      const worker = startWorkerThread(workerFile, { job, http: http() } satisfies BootstrapWorkerData);
      let settled = false;
      worker.on('message', (message: BootstrapWorkerMessage) => {
        if (message.type === 'progress') onProgress(message.done, message.total);
        else {
          settled = true;
          if (message.type === 'done') resolve(message.result);
          else reject(revive(message.error));
          void worker.terminate();
        }
      });
      worker.once('error', (error) => {
        settled = true;
        reject(new SyncHttpError('transient', `sync worker failed: ${error.message}`));
      });
      worker.once('exit', (code) => {
        if (!settled) reject(new SyncHttpError('transient', `sync worker exited (${code}) before finishing the bootstrap`));
      });
    });
}
