/**
 * Entry of the sync worker thread: builds one bootstrap replica file on its own SQLite connection and reports
 * progress, then the result or the error, to the backend thread (which then switches to the file).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { applyKey } from '../../../db/open';
import { ReplicaFileBuilder } from '../../../db/replica-files';
import { buildReplicaFromServer } from './bootstrap';
import type { BootstrapWorkerData, BootstrapWorkerMessage } from './bootstrap-runner';
import { SyncHttp, SyncHttpError } from './sync-http';

const port = parentPort;
if (!port) throw new Error('bootstrap-worker must run in a worker thread');
const send = (message: BootstrapWorkerMessage) => port.postMessage(message);
const { job, http } = workerData as BootstrapWorkerData;

try {
  const builder = new ReplicaFileBuilder(job.file, Uint8Array.from(Buffer.from(job.keyHex, 'hex')), job.ddl, applyKey);
  const client = new SyncHttp({
    serverUrl: http.serverUrl,
    appVersion: http.appVersion,
    requestTimeoutMs: http.requestTimeoutMs,
    fetch: (input, init) => fetch(input, init),
    clientId: () => http.clientId,
    token: () => http.token,
  });
  const result = await buildReplicaFromServer(builder, job, client, (done, total) => send({ type: 'progress', done, total }));
  send({ type: 'done', result });
} catch (error) {
  const e = error instanceof SyncHttpError ? error : null;
  send({
    type: 'failed',
    error: {
      name: error instanceof Error ? error.name : 'Error',
      message: error instanceof Error ? error.message : String(error),
      kind: e?.kind ?? null,
      status: e?.status ?? null,
      code: e?.code ?? (error as { code?: string } | null)?.code ?? null,
      minAppVersion: e?.minAppVersion ?? null,
    },
  });
}
