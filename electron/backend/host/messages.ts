/** Messages between the backend host (main thread) and the backend worker. */
import type { Envelope } from '../../../domain/envelope';

export type HostToWorker =
  | { type: 'call'; id: number; method: string; args: unknown }
  | { type: 'shutdown' };

export type WorkerToHost =
  | { type: 'ready' }
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; event: string; payload: unknown }
  | { type: 'fatal'; code: string; message: string }
  | { type: 'closed' };
