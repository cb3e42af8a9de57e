/** Entry of the compute worker thread: runs the jobs of compute-jobs.ts one message at a time, answers by id. */
import { parentPort } from 'node:worker_threads';
import { computeJobs, transferablesOf, type ComputeJobName } from './compute-jobs';
import type { ComputeReply, ComputeRequest } from './compute-pool';

const port = parentPort;
if (!port) throw new Error('compute-worker must run in a worker thread');

port.on('message', (request: ComputeRequest) => {
  const run = computeJobs[request.job as ComputeJobName] as (args: unknown) => Promise<unknown>;
  run(request.args).then(
    (result) => port.postMessage({ id: request.id, ok: true, result } satisfies ComputeReply, transferablesOf(result)),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        ok: false,
        error: { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error), code: (error as { code?: unknown } | null)?.code ?? null },
      } satisfies ComputeReply),
  );
});
