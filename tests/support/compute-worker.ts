/** The compute worker as a plain-Node backend starts it: its TypeScript entry, and one pool a test process shares. */
import { ComputePool } from '../../electron/backend/compute/compute-pool';

export const computeWorkerSource = new URL('../../electron/backend/compute/compute-worker.ts', import.meta.url);

/** Started on first use; idle, its thread does not keep the test process alive. */
export const sharedCompute = new ComputePool(computeWorkerSource);
