/**
 * Bootstrap ingest: the NDJSON of `contracts` contracts + as many documents (lines in the server's layout), parsed,
 * validated, bulk-loaded into a fresh replica file, indexed and switched to by the real SyncEngine (fetch answered
 * from memory, so no network). Baseline, in the same run: the same rows as raw
 * prepared inserts in one transaction into the same replica tables (indexes, FTS triggers) of a DB with the same
 * encryption, with the indexed columns already extracted — what SQLite alone needs to store these rows.
 */
import type Database from 'better-sqlite3';
import type { OpenedDatabase } from '../../db/open';
import { SyncEngine } from '../../electron/backend/sync/engine';
import { replicaTables, type ReplicaTable } from '../../db/replica-tables';
import { dataset, type Dataset } from './support/dataset';
import { benchDir, openBenchDb } from './support/local-db';
import { metric, timed, type BenchMetric } from './support/metrics';

export async function ingestWithEngine(db: OpenedDatabase, data: Dataset): Promise<void> {
  const engine = new SyncEngine({
    sqlite: db.sqlite,
    replica: db.replica,
    serverUrl: 'http://127.0.0.1:9',
    appVersion: '0.1.0',
    pokeSocketFactory: null,
    fetch: async (url) =>
      String(url).includes('/bootstrap')
        ? new Response(new Blob([data.ndjson as Uint8Array<ArrayBuffer>]).stream(), { status: 200 })
        : Response.json({ changes: [], cursor: 1, hasMore: false, mutations: [] }),
  });
  engine.state.saveSession('bench-token-0123456789', '2099-01-01T00:00:00Z', { id: 'u', iin: '780412401124', fullName: 'Bench', roles: ['head'], orgs: [] });
  const outcome = await engine.pull();
  if (!outcome.ok) throw new Error(`bootstrap failed: ${outcome.message}`);
}

/** Column values as the replica stores them, extracted in JS (the baseline does no JSON work in SQL). */
function extractedValues(spec: ReplicaTable, row: Record<string, unknown>): unknown[] {
  return Object.values(spec.columns).map((p) => {
    const value = p
      .slice(2)
      .split('.')
      .reduce<unknown>((o, k) => (o as Record<string, unknown> | null)?.[k], row);
    return typeof value === 'boolean' ? Number(value) : (value ?? null);
  });
}

export function rawInsertSeconds(sqlite: Database.Database, data: Dataset): number {
  const prepared = ([['contract', data.contracts], ['contractDocument', data.documents]] as const).map(([entity, rows]) => {
    const spec = replicaTables[entity];
    const cols = ['id', 'version', 'data', ...Object.keys(spec.columns)];
    const stmt = sqlite.prepare(`INSERT INTO ${spec.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
    const values = rows.map((r) => [r.id, r.version, JSON.stringify(r), ...extractedValues(spec, r as unknown as Record<string, unknown>)]);
    return { stmt, values };
  });
  const started = performance.now();
  sqlite.transaction(() => {
    for (const { stmt, values } of prepared) for (const v of values) stmt.run(...v);
  })();
  return (performance.now() - started) / 1000;
}

/** The same rows into a bare (id, data) table: the cheapest way to store their bytes. */
function plainTableSeconds(sqlite: Database.Database, data: Dataset): number {
  sqlite.exec('CREATE TABLE bench_rows (id TEXT PRIMARY KEY, data TEXT NOT NULL)');
  const stmt = sqlite.prepare('INSERT INTO bench_rows (id, data) VALUES (?, ?)');
  const values = [...data.contracts, ...data.documents].map((r) => [r.id, JSON.stringify(r)]);
  const started = performance.now();
  sqlite.transaction(() => values.forEach((v) => stmt.run(...v)))();
  return (performance.now() - started) / 1000;
}

export async function benchBootstrapIngest(opts: { quick: boolean }): Promise<BenchMetric[]> {
  const data = dataset(opts.quick ? 10_000 : 50_000);
  const db = openBenchDb(benchDir('ingest'));
  const seconds = (await timed(() => ingestWithEngine(db, data))) / 1000;
  db.close();
  const raw = openBenchDb(benchDir('ingest-raw'));
  const rawSeconds = rawInsertSeconds(raw.sqlite, data);
  const plainSeconds = plainTableSeconds(raw.sqlite, data);
  raw.close();
  const rate = data.rows / seconds;
  return [metric({
    metric: 'bootstrap_ingest',
    value: rate,
    unit: 'rows/s',
    target: { op: '>=', value: 50_000 },
    baseline: data.rows / rawSeconds,
    ratioTarget: { op: '>=', value: 0.5 },
    notes: `${data.rows} rows (${data.contracts.length} contracts + ${data.documents.length} documents, ${(data.ndjson.length / 1e6).toFixed(1)} MB NDJSON): JSON parse + validation (fast validator, zod when unsure) + bulk load of the server's data text into a fresh replica file + index/FTS build + switch; baseline = raw prepared inserts of the same rows into the same replica tables, one transaction, same SQLCipher encryption`,
  }),
  metric({
    metric: 'bootstrap_ingest_vs_bare_table',
    value: rate,
    unit: 'rows/s',
    target: { op: '>=', value: 50_000 },
    baseline: data.rows / plainSeconds,
    ratioTarget: { op: '>=', value: 0.7 },
    notes: 'same ingest; baseline = the same rows as (id, JSON) into a bare table without secondary indexes or FTS, one transaction, same encryption: the bytes-only floor',
  })];
}
