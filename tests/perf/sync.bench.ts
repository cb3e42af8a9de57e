/**
 * Sync benchmarks against the reference server (demo seed, embedded PGlite, loopback): decision → outbox committed,
 * a change made by one client visible on another connected client (poke → pull → apply), and the outbox drain after
 * reconnect. Each has its floor measured in the same run.
 */
import type { SyncService } from '../../electron/backend/sync/sync-service';
import { defaultPokeSocketFactory } from '../../electron/backend/sync/pokes';
import { localService, markDecisions, nonceSigner, openLocalDb, STAFF, startWorld, syncUntilSettled } from '../integration/sync/support/world';
import { benchDir } from './support/local-db';
import { metric, percentile, type BenchMetric } from './support/metrics';

/** The app's request timeout (the test world's 1.5 s would abort a 100-decision push on a loaded machine). */
const REQUEST_TIMEOUT_MS = 15_000;

function decisionToOutbox(a: SyncService, count: number): BenchMetric {
  const samples = markDecisions(a, count, 3).map((d) => {
    const started = performance.now();
    a.engine.enqueueDecision(d.name, d.args, d.baseVersion);
    return performance.now() - started;
  });
  // Floor: one durable commit of a row of the same size in the same DB (WAL, synchronous=FULL).
  const sqlite = a.engine.options.sqlite;
  const insert = sqlite.prepare('INSERT INTO audit_log (at, actor_iin, action, subject, details) VALUES (?, ?, ?, ?, ?)');
  const floor = Array.from({ length: Math.min(count, 200) }, (_, i) => {
    const started = performance.now();
    sqlite.transaction(() => insert.run(new Date().toISOString(), null, 'bench.commit', `bench:${i}`, 'x'.repeat(300)))();
    return performance.now() - started;
  });
  return metric({
    metric: 'decision_to_outbox_p95',
    value: percentile(samples, 95),
    unit: 'ms',
    target: { op: '<=', value: 5 },
    baseline: percentile(floor, 95),
    notes: `${count} markDocument decisions: zod validation + outbox row + audit row in one transaction (WAL, synchronous=FULL); p50 ${percentile(samples, 50).toFixed(2)} ms; baseline = p95 of one bare durable commit`,
  });
}

async function changeVisible(a: SyncService, b: SyncService, count: number): Promise<BenchMetric> {
  const samples: number[] = [];
  for (const d of markDecisions(a, count, 11)) {
    const startedIso = new Date().toISOString();
    const started = performance.now();
    a.engine.enqueueDecision(d.name, d.args, d.baseVersion);
    await a.engine.push();
    await new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + 30_000;
      const timer = setInterval(() => {
        const row = b.engine.replica.row('contractDocument', String(d.args.documentId)) as { reviewedAt?: string } | null;
        if (row?.reviewedAt && row.reviewedAt >= startedIso) {
          clearInterval(timer);
          resolve();
        } else if (Date.now() > deadline) {
          clearInterval(timer);
          reject(new Error('change not visible on the second client within 30 s'));
        }
      }, 2);
    });
    samples.push(performance.now() - started);
  }
  // Floor: the push of one decision plus one pull round trip, done directly (no poke, no scheduling).
  const floor: number[] = [];
  for (const d of markDecisions(a, Math.min(count, 10), 29)) {
    const started = performance.now();
    a.engine.enqueueDecision(d.name, d.args, d.baseVersion);
    await a.engine.push();
    await b.engine.pull();
    floor.push(performance.now() - started);
  }
  return metric({
    metric: 'server_change_visible_p95',
    value: percentile(samples, 95),
    unit: 'ms',
    target: { op: '<=', value: 1000 },
    baseline: percentile(floor, 95),
    notes: `${count} decisions pushed by client A, seen in client B's replica (WebSocket poke → pull → apply); p50 ${percentile(samples, 50).toFixed(0)} ms; baseline = p95 of push + an immediate pull by B (no poke)`,
  });
}

async function outboxDrain(a: SyncService, count: number): Promise<BenchMetric> {
  for (const d of markDecisions(a, count, 17)) a.engine.enqueueDecision(d.name, d.args, d.baseVersion);
  const started = performance.now();
  await syncUntilSettled(a, 1000);
  const seconds = (performance.now() - started) / 1000;
  return metric({
    metric: `outbox_drain_${count}`,
    value: count / seconds,
    unit: 'decisions/s',
    target: { op: '>=', value: 500 },
    notes: `${count} queued markDocument decisions pushed in batches of 100 (one server transaction per batch, a savepoint per decision) and pulled back, ${seconds.toFixed(1)} s; reference server on embedded PGlite (WASM PostgreSQL) in the same process`,
  });
}

export async function benchSync(opts: { quick: boolean }): Promise<BenchMetric[]> {
  const world = await startWorld();
  const dirA = benchDir('sync-a');
  const dirB = benchDir('sync-b');
  const dbA = openLocalDb(dirA);
  const dbB = openLocalDb(dirB);
  const a = localService(dirA, dbA, world.server.url, { requestTimeoutMs: REQUEST_TIMEOUT_MS });
  const b = localService(dirB, dbB, world.server.url, { requestTimeoutMs: REQUEST_TIMEOUT_MS, pokeSocketFactory: defaultPokeSocketFactory });
  try {
    await a.session.login(nonceSigner(STAFF));
    await b.session.login(nonceSigner(STAFF));
    await Promise.all([syncUntilSettled(a), syncUntilSettled(b)]);
    const metrics = [decisionToOutbox(a, opts.quick ? 200 : 1000)];
    await syncUntilSettled(a, 1000);
    b.start();
    metrics.push(await changeVisible(a, b, opts.quick ? 10 : 40));
    await b.stop();
    metrics.push(await outboxDrain(a, opts.quick ? 1000 : 5000));
    return metrics;
  } finally {
    await a.stop();
    await b.stop();
    dbA.close();
    dbB.close();
    await world.close();
  }
}
