/** Starts a worker thread from its entry file: the bundle in the app, the TypeScript source under plain Node. */
import { Worker } from 'node:worker_threads';

export function startWorkerThread(file: string | URL, workerData: unknown): Worker {
  const href = String(file);
  return href.endsWith('.ts')
    ? // Under plain Node (dev, tests, benchmarks) register tsx's loader inside the thread first.
      new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(href)}); })`, { eval: true, workerData })
    : new Worker(file, { workerData });
}

/**
 * A worker's entry file relative to the calling module (`import.meta.url`): the TypeScript source under plain Node,
 * the bundle beside the backend's in the app.
 */
export function workerEntry(callerUrl: string, source: string, bundle: string): URL {
  return new URL(callerUrl.endsWith('.ts') ? source : bundle, callerUrl);
}
