/**
 * Bootstrap: stream the user's scope as NDJSON into the staging table, then — only when the `_meta` counts match —
 * replace the replica and set the cursor in one transaction. A crash before the swap leaves the old replica intact;
 * the staging rows are discarded at the next attempt. The outbox is never touched (except retiring decisions the
 * snapshot already contains).
 */
import type Database from 'better-sqlite3';
import { entityNames, type EntityName } from '../../../domain/entities';
import { bootstrapMetaSchema, bootstrapRowSchema } from '../../../domain/sync-protocol';
import type { Outbox } from './outbox';
import { validatedRowJson } from './replica';
import { copyFromStagingSql, replicaTables } from './replica-tables';
import { SyncHttpError, type SyncHttp } from './sync-http';
import type { SyncStateStore } from './sync-state';

const STAGING_BATCH = 2000;

export interface BootstrapDeps {
  sqlite: Database.Database;
  http: SyncHttp;
  outbox: Outbox;
  state: SyncStateStore;
  now: () => Date;
  onProgress: (done: number, total: number | null) => void;
}

/** Splits a byte stream into text lines. */
async function* lines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (line) yield line;
    }
  }
  const rest = (buffered + decoder.decode()).trim();
  if (rest) yield rest;
}

export async function runBootstrap(deps: BootstrapDeps): Promise<{ cursor: number; rows: number }> {
  const { sqlite } = deps;
  const appliedBefore = deps.outbox.lastAppliedSeq();
  sqlite.prepare('DELETE FROM bootstrap_staging').run();
  const response = await deps.http.stream('/v1/sync/bootstrap');
  if (!response.body) throw new SyncHttpError('transient', 'bootstrap answer without a body');
  const totalHeader = Number(response.headers.get('x-total-rows'));
  const total = Number.isFinite(totalHeader) && totalHeader > 0 ? totalHeader : null;

  const insert = sqlite.prepare('INSERT INTO bootstrap_staging (entity, id, version, data) VALUES (?, ?, ?, ?)');
  const flush = sqlite.transaction((batch: Array<[EntityName, string, number, string]>) => {
    for (const row of batch) insert.run(...row);
  });
  let batch: Array<[EntityName, string, number, string]> = [];
  let done = 0;
  let meta: { cursor: number; counts: Record<string, number> } | null = null;
  try {
    for await (const line of lines(response.body)) {
      const value = JSON.parse(line) as unknown;
      const metaParsed = bootstrapMetaSchema.safeParse(value);
      if (metaParsed.success) {
        meta = metaParsed.data._meta;
        break;
      }
      const row = bootstrapRowSchema.parse(value);
      batch.push([row.entity, row.id, row.version, validatedRowJson(row.entity, row.data)]);
      if (batch.length >= STAGING_BATCH) {
        flush(batch);
        done += batch.length;
        batch = [];
        deps.onProgress(done, total);
      }
    }
  } catch (error) {
    if (error instanceof SyncHttpError || (error instanceof Error && error.name === 'AppError')) throw error;
    throw new SyncHttpError('transient', `bootstrap stream broke: ${error instanceof Error ? error.message : String(error)}`);
  }
  flush(batch);
  done += batch.length;
  deps.onProgress(done, total ?? done);
  if (!meta) throw new SyncHttpError('transient', 'bootstrap stream ended before its _meta line');
  swapIn(deps, meta, appliedBefore);
  return { cursor: meta.cursor, rows: done };
}

function swapIn(deps: BootstrapDeps, meta: { cursor: number; counts: Record<string, number> }, appliedBefore: number): void {
  const { sqlite } = deps;
  const staged = new Map(
    (sqlite.prepare('SELECT entity, COUNT(*) AS n FROM bootstrap_staging GROUP BY entity').all() as Array<{ entity: string; n: number }>).map((r) => [r.entity, r.n]),
  );
  const names = new Set<string>([...Object.keys(meta.counts), ...staged.keys()]);
  for (const name of names) {
    if ((meta.counts[name] ?? 0) !== (staged.get(name) ?? 0)) {
      sqlite.prepare('DELETE FROM bootstrap_staging').run();
      throw new SyncHttpError('transient', `bootstrap count mismatch for ${name}: expected ${meta.counts[name] ?? 0}, got ${staged.get(name) ?? 0}`);
    }
  }
  sqlite.transaction(() => {
    for (const entity of entityNames) {
      const spec = replicaTables[entity];
      sqlite.prepare(`DELETE FROM ${spec.table}`).run();
      sqlite.prepare(copyFromStagingSql(spec)).run(entity);
    }
    sqlite.prepare('DELETE FROM bootstrap_staging').run();
    deps.outbox.retireAppliedUpTo(appliedBefore);
    deps.state.setCursor(meta.cursor, deps.now().toISOString());
  })();
}
