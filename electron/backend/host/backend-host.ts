/**
 * Runs the backend in a worker thread: request ids, a per-call timeout, restart after a crash (bounded), and a
 * drain on quit. Used by Electron main and by the dev:web launcher alike, so it imports no electron.
 */
import type { Worker } from 'node:worker_threads';
import { startWorkerThread } from '../worker-thread';
import { fail, type Envelope } from '../../../domain/envelope';
import type { BackendConfigInput } from '../config';
import type { HostToWorker, WorkerToHost } from './messages';

const STARTUP_EVENT = 'backend.startup';

export type HostStatus =
  | { state: 'starting' }
  | { state: 'ready' }
  | { state: 'crashed'; restarts: number; message: string }
  | { state: 'failed'; code: string; message: string }
  | { state: 'stopped' };

export interface BackendHostOptions {
  workerFile: string | URL;
  config: BackendConfigInput;
  callTimeoutMs?: number;
  maxRestarts?: number;
  onEvent?: (event: string, payload: unknown) => void;
  onStatus?: (status: HostStatus) => void;
}

interface Pending {
  resolve: (e: Envelope<unknown>) => void;
  timer: NodeJS.Timeout;
}

export class BackendHost {
  private worker: Worker | null = null;
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private restarts = 0;
  private stopping = false;
  /** A start-up refusal (wrong key, newer DB) is not a crash: restarting would only repeat it. */
  private fatal = false;
  private readyPromise: Promise<void> | null = null;
  private eventListeners = new Set<(event: string, payload: unknown) => void>();
  /** The latest start-up progress, repeated to every new subscriber (a page loaded mid-way sees where it is). */
  private startup: { event: string; payload: unknown } | null = null;

  constructor(private readonly options: BackendHostOptions) {}

  /** Starts the worker; resolves when the backend has opened its DB, rejects if it cannot start. */
  start(): Promise<void> {
    this.stopping = false;
    this.fatal = false;
    this.options.onStatus?.({ state: 'starting' });
    const worker = startWorkerThread(this.options.workerFile, this.options.config);
    this.worker = worker;
    this.readyPromise = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: WorkerToHost) => {
        switch (message.type) {
          case 'ready':
            this.options.onStatus?.({ state: 'ready' });
            resolve();
            break;
          case 'result': {
            const p = this.pending.get(message.id);
            if (p) {
              clearTimeout(p.timer);
              this.pending.delete(message.id);
              p.resolve(message.envelope);
            }
            break;
          }
          case 'event':
            if (message.event === STARTUP_EVENT) this.startup = { event: message.event, payload: message.payload };
            this.options.onEvent?.(message.event, message.payload);
            for (const l of this.eventListeners) l(message.event, message.payload);
            break;
          case 'fatal':
            this.fatal = true;
            this.options.onStatus?.({ state: 'failed', code: message.code, message: message.message });
            reject(Object.assign(new Error(message.message), { code: message.code }));
            break;
          case 'closed':
            break;
        }
      });
      worker.on('error', (error) => reject(error));
      worker.on('exit', (code) => this.handleExit(worker, code));
    });
    return this.readyPromise;
  }

  private handleExit(worker: Worker, code: number): void {
    if (this.worker !== worker) return;
    this.worker = null;
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.resolve(fail('BACKEND_UNAVAILABLE', 'The backend stopped; the action was not completed. Try again.'));
      this.pending.delete(id);
    }
    if (this.stopping) {
      this.options.onStatus?.({ state: 'stopped' });
      return;
    }
    if (this.fatal) return;
    const max = this.options.maxRestarts ?? 5;
    if (this.restarts >= max) {
      this.options.onStatus?.({ state: 'failed', code: 'BACKEND_CRASH_LOOP', message: `The backend exited ${this.restarts} times.` });
      return;
    }
    this.restarts += 1;
    this.options.onStatus?.({ state: 'crashed', restarts: this.restarts, message: `exit code ${code}` });
    void this.start().catch(() => undefined);
  }

  async call(method: string, args: unknown, timeoutMs = this.options.callTimeoutMs ?? 30_000): Promise<Envelope<unknown>> {
    if (this.readyPromise) await this.readyPromise.catch(() => undefined);
    const worker = this.worker;
    if (!worker) return fail('BACKEND_UNAVAILABLE', 'The backend is not running.');
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(fail('TIMEOUT', `The backend did not answer ${method} within ${timeoutMs} ms.`));
      }, timeoutMs);
      this.pending.set(id, { resolve, timer });
      worker.postMessage({ type: 'call', id, method, args } satisfies HostToWorker);
    });
  }

  /** Subscribes to backend events; returns the unsubscribe function. */
  onEvent(listener: (event: string, payload: unknown) => void): () => void {
    this.eventListeners.add(listener);
    if (this.startup) listener(this.startup.event, this.startup.payload);
    return () => this.eventListeners.delete(listener);
  }

  /** Asks the backend to finish its work and close the DB; terminates it if it does not within `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ type: 'shutdown' } satisfies HostToWorker);
    const timer = setTimeout(() => void worker.terminate(), graceMs);
    await exited;
    clearTimeout(timer);
  }

  /** For crash tests: kills the worker as a crash would. */
  async kill(): Promise<void> {
    await this.worker?.terminate();
  }
}
