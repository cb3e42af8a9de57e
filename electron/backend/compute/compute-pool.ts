/**
 * The backend's handle on the compute worker: one long-lived thread started on first use, requests matched to
 * replies by id. A crashed worker fails the jobs in flight (with a clear error) and the next job starts a new one.
 */
import type { Worker } from 'node:worker_threads';
import { AppError } from '../../../domain/envelope';
import { startWorkerThread } from '../worker-thread';
import type { ComputeArgs, ComputeJobName, ComputeResult } from './compute-jobs';

export interface ComputeRequest {
  id: number;
  job: ComputeJobName;
  args: unknown;
}

export type ComputeReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: { name: string; message: string; code: unknown } };

export interface Compute {
  run<K extends ComputeJobName>(job: K, args: ComputeArgs<K>): Promise<ComputeResult<K>>;
  close(): Promise<void>;
}

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export class ComputePool implements Compute {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();

  /** `workerFile`: compute-worker.ts under plain Node, its bundle in the app (see `workerEntry`). */
  constructor(private readonly workerFile: string | URL) {}

  run<K extends ComputeJobName>(job: K, args: ComputeArgs<K>): Promise<ComputeResult<K>> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    // Busy, the worker keeps the process alive until it answers; idle, it must not (the backend closes it on quit).
    worker.ref();
    return new Promise<ComputeResult<K>>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, job, args } satisfies ComputeRequest);
    });
  }

  /** Jobs in flight right now (for tests and diagnostics). */
  get inFlight(): number {
    return this.waiting.size;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new AppError('COMPUTE_CLOSED', 'The backend is shutting down.'));
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const worker = startWorkerThread(this.workerFile, null);
    worker.on('message', (reply: ComputeReply) => {
      const w = this.waiting.get(reply.id);
      if (!w) return;
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) worker.unref();
      if (reply.ok) w.resolve(reply.result);
      else w.reject(reply.error.name === 'AppError' && typeof reply.error.code === 'string' ? new AppError(reply.error.code, reply.error.message) : new Error(reply.error.message));
    });
    const lost = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(new AppError('COMPUTE_WORKER_FAILED', `The background worker stopped (${why}); try again.`));
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const w of this.waiting.values()) w.reject(error);
    this.waiting.clear();
  }
}
