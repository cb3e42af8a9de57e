/** Entry of the backend worker thread: receives its config as workerData and serves calls over the port. */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../domain/envelope';
import { createBackend } from './backend';
import type { BackendConfigInput } from './config';
import type { HostToWorker, WorkerToHost } from './host/messages';

const port = parentPort;
if (!port) throw new Error('worker-entry must run in a worker thread');
const send = (message: WorkerToHost) => port.postMessage(message);

try {
  const backend = await createBackend(workerData as BackendConfigInput, undefined, (payload) => send({ type: 'event', event: 'backend.startup', payload }));
  backend.onEvent((event, payload) => send({ type: 'event', event, payload }));
  port.on('message', (message: HostToWorker) => {
    if (message.type === 'call') {
      void backend.call(message.method, message.args).then((envelope) => send({ type: 'result', id: message.id, envelope }));
    } else if (message.type === 'shutdown') {
      void backend.close().then(() => {
        send({ type: 'closed' });
        port.close();
      });
    }
  });
  send({ type: 'ready' });
} catch (error) {
  const code = error instanceof AppError ? error.code : 'BACKEND_START_FAILED';
  send({ type: 'fatal', code, message: error instanceof Error ? error.message : String(error) });
  port.close();
}
