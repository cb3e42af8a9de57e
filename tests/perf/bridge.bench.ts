/**
 * IPC/bridge round trip while the backend worker bootstraps: the real BackendHost runs the worker (its own DB, a
 * saved session, so it bootstraps at start from a local fake sync server), the WebSocket bridge forwards calls, and a
 * client sends `app.info` one at a time until the bootstrap has been swapped in. Leaves the bootstrapped data
 * directory behind for the inbox and memory benchmarks.
 */
import http from 'node:http';
import path from 'node:path';
import WebSocket from 'ws';
import { collectStartupGarbage } from '../../electron/backend/collect-startup-garbage';
import { BackendHost } from '../../electron/backend/host/backend-host';
import { attachBridge } from '../../demo/bridge/ws-bridge';
import { SyncStateStore } from '../../electron/backend/sync/sync-state';
import type { Dataset } from './support/dataset';
import { startFakeSyncServer } from './support/fake-sync-server';
import { BENCH_KEY_HEX, benchDir, MIGRATIONS, openBenchDb } from './support/local-db';
import { metric, percentile, type BenchMetric } from './support/metrics';

const TOKEN = 'bench-bridge-token-0123456789';
const AFTERMATH_MS = 5_000;
const ROOT = path.resolve(import.meta.dirname, '../..');

/** A data directory whose DB holds a session and no replica yet: the backend bootstraps as soon as it starts. */
export function dataDirAwaitingBootstrap(): string {
  const dir = benchDir('backend');
  const db = openBenchDb(dir);
  new SyncStateStore(db.sqlite).saveSession('bench-token-0123456789', '2099-01-01T00:00:00Z', {
    id: 'bench-user',
    iin: '780412401124',
    fullName: 'Bench',
    roles: ['head'],
    orgs: [],
  });
  db.close();
  return dir;
}

export function backendHost(dataDir: string, serverUrl: string): BackendHost {
  return new BackendHost({
    workerFile: path.join(ROOT, 'electron/backend/worker-entry.ts'),
    config: {
      appVersion: '0.1.0',
      mode: 'production',
      dataDir,
      dbKeyHex: BENCH_KEY_HEX,
      migrationsFolder: MIGRATIONS,
      resourcesDir: path.join(ROOT, 'resources'),
      serverUrl,
      ncalayer: { url: 'wss://127.0.0.1:1', tlsCaPem: null },
      trustedRootsPem: [],
    },
  });
}

export async function benchBridgeDuringBootstrap(data: Pick<Dataset, 'ndjson' | 'rows'>): Promise<{ metrics: BenchMetric[]; dataDir: string; bootstrapSeconds: number }> {
  const sync = await startFakeSyncServer(data.ndjson);
  const dataDir = dataDirAwaitingBootstrap();
  // The round trips are timed on this thread too: the garbage of building the dataset and of the steps before is
  // collected now, not by a collection in the middle of the measurement.
  collectStartupGarbage();
  const host = backendHost(dataDir, sync.url);
  const web = http.createServer();
  const bridge = attachBridge(web, { token: TOKEN, target: host });
  try {
    const startedAt = performance.now();
    await host.start();
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    const { port } = web.address() as { port: number };
    const ws = new WebSocket(`ws://127.0.0.1:${port}/bridge?token=${TOKEN}`);
    await new Promise<void>((resolve, reject) => ws.once('open', () => resolve()).once('error', reject));

    // Sampling goes on for a while after the first pull: the switch's aftermath (data.changed, the document prefetch
    // walking the new replica — about 4 s for 300k documents on a loaded machine — and the download queue it fills)
    // counts as part of the bootstrap.
    let done = false;
    let bootstrappedAt = Number.NaN;
    void sync.bootstrapped.then(() => {
      bootstrappedAt = performance.now();
      setTimeout(() => (done = true), AFTERMATH_MS);
    });
    const samples: number[] = [];
    for (let id = 1; !done; id++) {
      const sent = performance.now();
      const answer = new Promise<void>((resolve) =>
        ws.on('message', function onMessage(raw) {
          if ((JSON.parse(String(raw)) as { id?: number }).id !== id) return;
          ws.off('message', onMessage);
          resolve();
        }),
      );
      ws.send(JSON.stringify({ id, method: 'app.info', args: {} }));
      await answer;
      samples.push(performance.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const bootstrapSeconds = (bootstrappedAt - startedAt) / 1000;
    ws.close();
    // The same call with the worker idle: what the round trip costs without a bootstrap competing for its thread.
    const idle: number[] = [];
    for (let i = 0; i < 50; i++) {
      const sent = performance.now();
      await host.call('app.info', {});
      idle.push(performance.now() - sent);
    }
    return {
      dataDir,
      bootstrapSeconds,
      metrics: [
        metric({
          metric: 'bridge_roundtrip_during_bootstrap_p99',
          value: percentile(samples, 99),
          unit: 'ms',
          target: { op: '<=', value: 50 },
          baseline: percentile(idle, 99),
          notes: `${samples.length} app.info calls over the WebSocket bridge → BackendHost → worker while it bootstrapped ${data.rows} rows (${bootstrapSeconds.toFixed(1)} s to the first pull, ${Math.round(data.rows / bootstrapSeconds)} rows/s, sync worker + switch) and ${AFTERMATH_MS / 1000} s after it (prefetch worker, download queue); p50 ${percentile(samples, 50).toFixed(1)} ms, over 50 ms: ${samples.filter((s) => s > 50).length}; baseline = p99 of host.call with the worker idle`,
        }),
        metric({
          metric: 'bridge_roundtrip_during_bootstrap_max',
          value: Math.max(...samples),
          unit: 'ms',
          target: { op: '<=', value: 100 },
          baseline: Math.max(...idle),
          notes: `the longest of the same ${samples.length} calls (the API thread's longest stall during the bootstrap); baseline = the longest idle call`,
        }),
      ],
    };
  } finally {
    bridge.close();
    web.closeAllConnections();
    await new Promise<void>((resolve) => web.close(() => resolve()));
    await host.stop();
    await sync.close();
  }
}
