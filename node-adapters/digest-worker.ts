/** The digest thread's entry: hashes the documents it is sent (see digest-thread.ts). */
import { parentPort } from 'node:worker_threads';
import { digestByOid } from '../domain/pki/digest';
import type { DigestReply, DigestRequest } from './digest-thread';

const port = parentPort;
if (!port) throw new Error('digest-worker must run in a worker thread');

port.on('message', (request: DigestRequest) => {
  void digestByOid(request.oid, request.data).then(
    (digest) => port.postMessage({ id: request.id, digest } satisfies DigestReply),
    (error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies DigestReply),
  );
});
