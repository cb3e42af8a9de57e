/**
 * Sync benchmarks against the reference server (demo seed, embedded PGlite, loopback): decision → outbox committed,
 * a change made by one client visible on another connected client (poke → pull → apply), and the outbox drain after
 * reconnect. Each has its floor measured in the same run.
 */
import type { SyncService } from '../../electron/backend/sync/sync-service';
import { MAX_PUSH_BATCH } from '../../domain/sync-protocol';
import { defaultPokeSocketFactory } from '../../electron/backend/sync/pokes';
import { localService, markDecisions, nonceSigner, openLocalDb, STAFF, startWorld, syncUntilSettled } from '../integration/sync/support/world';
import { benchDir } from './support/local-db';
import { countServerQueries } from './support/query-counter';
import { startReferenceServer } from '../integration/sync/support/reference-server';
import { postgresDatabase } from '../integration/server/database-targets';
import type { RunningServer } from '../../server/index';
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

/** Decisions of the baseline drain (one per push costs a round trip each: a sample of them gives its rate). */
const SINGLES_DRAINED = 500;

/**
 * The drain of `count` queued decisions after reconnect on a fresh client (pushed in batches of MAX_PUSH_BATCH),
 * and as the baseline the same drain pushed one decision per push — the per-batch costs (HTTP round trip,
 * transaction, the unit's prefetch and flush, the client's commit of the answers) paid by every decision — with the
 * server's statements counted per decision.
 */
async function outboxDrain(server: RunningServer, database: 'PGlite' | 'PostgreSQL', count: number): Promise<BenchMetric> {
  const dir = benchDir(`drain-${database.toLowerCase()}`);
  const db = openLocalDb(dir);
  const batched = localService(dir, db, server.url, { requestTimeoutMs: REQUEST_TIMEOUT_MS });
  const single = localService(dir, db, server.url, { requestTimeoutMs: REQUEST_TIMEOUT_MS, pushBatchLimit: 1 });
  try {
    await batched.session.login(nonceSigner(STAFF));
    await syncUntilSettled(batched);
    // The fresh client downloads its documents after the first sync; the drain is measured after that, not beside it.
    await batched.prefetch();
    await batched.downloader.idle();
    const drain = async (client: SyncService, n: number) => {
      for (const d of markDecisions(client, n, 17)) client.engine.enqueueDecision(d.name, d.args, d.baseVersion);
      const queries = countServerQueries(server.db);
      const started = performance.now();
      try {
        await syncUntilSettled(client, 1000);
      } finally {
        queries.stop();
      }
      const seconds = (performance.now() - started) / 1000;
      return { rate: n / seconds, seconds, perDecision: queries.count() / n };
    };
    const unit = await drain(batched, count);
    await single.session.login(nonceSigner(STAFF));
    const singles = await drain(single, Math.min(count, SINGLES_DRAINED));
    return metric({
      metric: `outbox_drain_${count}${database === 'PGlite' ? '' : '_postgres'}`,
      value: unit.rate,
      unit: 'decisions/s',
      target: { op: '>=', value: database === 'PGlite' ? 500 : 2000 },
      baseline: singles.rate,
      notes: `${count} queued markDocument decisions pushed in batches of ${MAX_PUSH_BATCH} and pulled back, ${unit.seconds.toFixed(1)} s, ${unit.perDecision.toFixed(2)} server queries per decision (push + pull); baseline = the same drain one decision per push (${Math.min(count, SINGLES_DRAINED)} decisions): ${singles.seconds.toFixed(1)} s, ${singles.perDecision.toFixed(2)} queries per decision; reference server on ${database === 'PGlite' ? 'embedded PGlite (WASM PostgreSQL) in the same process' : 'a real PostgreSQL on loopback'}`,
    });
  } finally {
    await batched.stop();
    await single.stop();
    db.close();
  }
}

/** The drain against a real PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL names one (CI has one). */
async function outboxDrainOnPostgres(count: number): Promise<BenchMetric[]> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log('  outbox drain on PostgreSQL: skipped, needs a PostgreSQL (set TEST_DATABASE_URL or BENCH_DATABASE_URL)');
    return [];
  }
  const database = postgresDatabase(url);
  const server = await startReferenceServer(await database.open());
  try {
    return [await outboxDrain(server, 'PostgreSQL', count)];
  } finally {
    await server.close();
    await database.drop();
  }
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
    metrics.push(await outboxDrain(world.server, 'PGlite', opts.quick ? 1000 : 5000));
    metrics.push(...(await outboxDrainOnPostgres(opts.quick ? 1000 : 5000)));
    return metrics;
  } finally {
    await a.stop();
    await b.stop();
    dbA.close();
    dbB.close();
    await world.close();
  }
}
