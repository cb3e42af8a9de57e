/**
 * Sync engine benchmarks (imported by the bench runner): bootstrap ingest vs raw prepared inserts into a DB with the
 * same encryption, decision → outbox p95, server change → visible on another client p95 (pokes), outbox drain.
 */
import path from 'node:path';
import { entitySchemas } from '../../domain/entities';
import { SyncEngine } from '../../electron/backend/sync/engine';
import { defaultPokeSocketFactory } from '../../electron/backend/sync/pokes';
import { localService, markDecisions, nonceSigner, openLocalDb, STAFF, startWorld, syncUntilSettled, tempDir } from '../integration/sync/support/world';

export interface Metric {
  metric: string;
  value: number;
  unit: string;
  target: string;
  baseline?: number;
}

const p95 = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.95)]!;

function fakeContract(i: number) {
  const iin = String(100000000000 + i).slice(0, 12);
  return entitySchemas.contract.parse({
    id: `c${i}`, number: `Д-${i}`, orgId: 'kg1', directionId: null, status: 'submitted', version: 1, reworkCount: 0, round: 1,
    isVoucher: false, child: { fullName: `Бала ${i}`, iin, birthDate: '2021-03-04', sex: 'male' },
    parent: { fullName: `Ата-ана ${i}`, iin, idDocumentNumber: '012345678', address: 'Астана', phone: '+77010000000', workplace: 'ТОО', position: 'инженер' },
    bank: null, group: 'Ромашка', teachingLanguage: 'kk', startDate: '2026-09-01', offeredOn: '2026-08-01',
    submittedAt: '2026-08-02T10:00:00Z', dueOn: '2026-08-05', templateVersion: '1', pdfSha256: null, parentSignature: null,
    headSignature: null, signedAt: null, rejectReason: null, rejectComment: null, archivedOn: null, archiveReason: null, updatedAt: '2026-08-02T10:00:00Z',
  });
}

function fakeDocument(i: number) {
  return entitySchemas.contractDocument.parse({
    id: `d${i}`, contractId: `c${i}`, kind: 'birth_certificate', round: 1, current: true, fileName: 'scan.jpg', mime: 'image/jpeg',
    size: 1000, sha256: i.toString(16).padStart(64, '0'), reviewStatus: 'pending', flagReason: null, flagComment: null,
    reviewedByIin: null, reviewedAt: null, version: 1,
  });
}

/** P4: NDJSON bootstrap of `pairs` contracts + `pairs` documents, parsed, validated, staged and swapped; no network. */
async function bootstrapIngest(pairs: number): Promise<Metric> {
  const contracts = Array.from({ length: pairs }, (_, i) => fakeContract(i));
  const documents = Array.from({ length: pairs }, (_, i) => fakeDocument(i));
  const lines = [
    ...contracts.map((c) => JSON.stringify({ entity: 'contract', id: c.id, version: 1, data: c })),
    ...documents.map((d) => JSON.stringify({ entity: 'contractDocument', id: d.id, version: 1, data: d })),
    JSON.stringify({ _meta: { cursor: 1, counts: { contract: pairs, contractDocument: pairs } } }),
  ];
  const body = new TextEncoder().encode(`${lines.join('\n')}\n`);
  const dir = tempDir('bench-boot');
  const db = openLocalDb(dir);
  const engine = new SyncEngine({
    sqlite: db.sqlite, serverUrl: 'http://127.0.0.1:9', appVersion: '0.1.0', pokeSocketFactory: null,
    fetch: async (url) =>
      url.includes('/bootstrap')
        ? new Response(new Blob([body]).stream(), { status: 200 })
        : Response.json({ changes: [], cursor: 1, hasMore: false, mutations: [] }),
  });
  engine.state.saveSession('bench-token-0123456789', '2099-01-01T00:00:00Z', { id: 'u', iin: '780412401124', fullName: 'X', roles: ['head'], orgs: [] });
  const started = performance.now();
  const outcome = await engine.pull();
  const seconds = (performance.now() - started) / 1000;
  if (!outcome.ok) throw new Error(`bootstrap failed: ${outcome.message}`);
  db.close();

  // Baseline: the same rows as raw prepared inserts (no parsing, no validation) into a DB with the same encryption.
  const baseDb = openLocalDb(tempDir('bench-raw'));
  const insert = baseDb.sqlite.prepare('INSERT INTO bootstrap_staging (entity, id, version, data) VALUES (?, ?, ?, ?)');
  const rows = [...contracts.map((c) => ['contract', c.id, JSON.stringify(c)]), ...documents.map((d) => ['contractDocument', d.id, JSON.stringify(d)])];
  const rawStarted = performance.now();
  for (let i = 0; i < rows.length; i += 2000) {
    baseDb.sqlite.transaction(() => rows.slice(i, i + 2000).forEach((r) => insert.run(r[0], r[1], 1, r[2])))();
  }
  const rawSeconds = (performance.now() - rawStarted) / 1000;
  baseDb.close();
  return { metric: 'sync_bootstrap_ingest', value: Math.round((2 * pairs) / seconds), unit: 'rows/s', target: '>= 20000', baseline: Math.round((2 * pairs) / rawSeconds) };
}

export async function benchSync(opts: { quick: boolean } = { quick: false }): Promise<Metric[]> {
  const metrics: Metric[] = [await bootstrapIngest(opts.quick ? 10_000 : 50_000)];
  const world = await startWorld();
  const dirA = tempDir('bench-a');
  const dirB = tempDir('bench-b');
  const dbA = openLocalDb(dirA);
  const dbB = openLocalDb(dirB);
  const a = localService(dirA, dbA, world.server.url);
  const b = localService(dirB, dbB, world.server.url, { pokeSocketFactory: defaultPokeSocketFactory });
  try {
    await a.engine.loginWithSignature(nonceSigner(STAFF));
    await b.engine.loginWithSignature(nonceSigner(STAFF));
    await Promise.all([syncUntilSettled(a), syncUntilSettled(b)]);

    // P3: decision → outbox row committed.
    const enqueueTimes = markDecisions(a, opts.quick ? 200 : 1000, 3).map((d) => {
      const started = performance.now();
      a.engine.enqueueDecision(d.name, d.args, d.baseVersion);
      return performance.now() - started;
    });
    metrics.push({ metric: 'sync_decision_to_outbox_p95', value: p95(enqueueTimes), unit: 'ms', target: '<= 10' });
    await syncUntilSettled(a);

    // P6: a change pushed by A is visible on B (poke → pull → data.changed).
    b.start();
    const visible: number[] = [];
    for (const d of markDecisions(a, opts.quick ? 5 : 20, 11)) {
      const seen = new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          const row = b.engine.replica.row('contractDocument', String(d.args.documentId)) as { reviewStatus?: string; reviewedAt?: string } | null;
          if (row?.reviewedAt && row.reviewedAt >= startedIso) {
            clearInterval(timer);
            resolve();
          }
        }, 2);
      });
      const startedIso = new Date().toISOString();
      const started = performance.now();
      a.engine.enqueueDecision(d.name, d.args, d.baseVersion);
      await a.engine.push();
      await seen;
      visible.push(performance.now() - started);
    }
    metrics.push({ metric: 'sync_server_change_visible_p95', value: p95(visible), unit: 'ms', target: '<= 2000' });
    await b.stop();

    // P7: outbox drain.
    const drainCount = opts.quick ? 1000 : 5000;
    for (const d of markDecisions(a, drainCount, 17)) a.engine.enqueueDecision(d.name, d.args, d.baseVersion);
    const drainStarted = performance.now();
    await syncUntilSettled(a);
    const drainSeconds = (performance.now() - drainStarted) / 1000;
    metrics.push({ metric: `sync_outbox_drain_${drainCount}`, value: Math.round(drainCount / drainSeconds), unit: 'decisions/s', target: '>= 200' });
  } finally {
    await a.stop();
    await b.stop();
    dbA.close();
    dbB.close();
    await world.close();
  }
  return metrics;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  console.log(JSON.stringify(await benchSync({ quick: process.argv.includes('--quick') }), null, 2));
}
