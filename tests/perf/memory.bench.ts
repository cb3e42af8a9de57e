/** Backend RSS with the replica loaded, measured in a child process (memory-child.ts) so the runner is not counted. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { dataDirAwaitingBootstrap } from './bridge.bench';
import { metric, type BenchMetric } from './support/metrics';

const run = promisify(execFile);
const MB = 1024 * 1024;

async function backendRss(dataDir: string): Promise<{ rss: number; heapUsed: number }> {
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(import.meta.dirname, 'memory-child.ts'), dataDir], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    timeout: 120_000,
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as { rss: number; heapUsed: number };
}

export async function benchMemory(loadedDataDir: string, contracts: number): Promise<BenchMetric> {
  const loaded = await backendRss(loadedDataDir);
  const empty = await backendRss(dataDirAwaitingBootstrap());
  return metric({
    metric: 'backend_rss_loaded',
    value: loaded.rss / MB,
    unit: 'MB',
    target: { op: '<=', value: 300 },
    baseline: empty.rss / MB,
    notes: `createBackend on a replica of ${contracts} contracts + ${contracts} documents after counts + 3 inbox pages, in a child Node process (tsx loader included); JS heap ${(loaded.heapUsed / MB).toFixed(0)} MB; baseline = the same backend on an empty replica`,
  });
}
