/** The compute worker's TypeScript entry, as a plain-Node backend starts it (tests build pools from it). */
export const computeWorkerSource = new URL('../../electron/backend/compute/compute-worker.ts', import.meta.url);
