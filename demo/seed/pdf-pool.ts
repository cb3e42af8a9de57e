/**
 * Renders contract PDFs on worker threads (one per core, at most MAX_WORKERS): rendering is the seed's
 * largest CPU cost and runs in parallel with JPEG coding and the database on the main thread. Workers are started
 * on first use and unref'd whenever idle, so they never keep the process alive.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ContractFonts, ContractPdfData } from '../../domain/contract-pdf';

const MAX_WORKERS = 2;
/** The worker is TypeScript like the rest of the reference server: it is loaded through tsx's import API. */
const TSX_API = import.meta.resolve('tsx/esm/api');
const WORKER_FILE = new URL('./pdf-worker.ts', import.meta.url).href;
const WORKER_BOOTSTRAP = `import(${JSON.stringify(TSX_API)}).then((tsx) => tsx.tsImport(${JSON.stringify(WORKER_FILE)}, ${JSON.stringify(WORKER_FILE)}))`;

interface Job {
  resolve(bytes: Uint8Array): void;
  reject(error: Error): void;
}

export class PdfPool {
  private workers: { worker: Worker; busy: number }[] = [];
  private readonly jobs = new Map<number, Job & { worker: Worker }>();
  private nextId = 0;

  constructor(private readonly fonts: ContractFonts) {}

  render(data: ContractPdfData): Promise<Uint8Array> {
    const slot = this.leastBusy();
    const id = this.nextId++;
    slot.busy++;
    slot.worker.ref();
    return new Promise<Uint8Array>((resolve, reject) => {
      this.jobs.set(id, { resolve, reject, worker: slot.worker });
      slot.worker.postMessage({ id, data });
    });
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }

  private leastBusy() {
    if (this.workers.length === 0) {
      const count = Math.min(MAX_WORKERS, os.availableParallelism());
      for (let i = 0; i < count; i++) this.workers.push(this.spawn());
    }
    return this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
  }

  private spawn() {
    const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: this.fonts });
    const slot = { worker, busy: 0 };
    worker.unref();
    worker.on('message', (message: { id: number; bytes?: Uint8Array; error?: string }) => {
      const job = this.jobs.get(message.id);
      if (!job) return;
      this.jobs.delete(message.id);
      if (--slot.busy === 0) worker.unref();
      if (message.bytes) job.resolve(new Uint8Array(message.bytes));
      else job.reject(new Error(`contract PDF rendering failed: ${message.error}`));
    });
    worker.on('error', (error) => {
      for (const [id, job] of this.jobs) {
        if (job.worker !== worker) continue;
        this.jobs.delete(id);
        job.reject(error);
      }
      this.workers = this.workers.filter((w) => w !== slot);
    });
    return slot;
  }
}
