/**
 * Bootstrap: stream the user's scope as NDJSON into shadow tables (`shadow-tables.ts`), then — only when the `_meta`
 * counts match — swap them in for the replica and set the cursor in one transaction. Staging commits in batches, so
 * decisions can still be queued while a bootstrap streams. A crash before the swap leaves the old replica intact; the
 * shadow tables are dropped at the next attempt. The outbox is never touched (except retiring decisions the snapshot
 * already contains).
 */
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { EntityName } from '../../../domain/entities';
import { bootstrapMetaSchema, bootstrapRowSchema } from '../../../domain/sync-protocol';
import type { Outbox } from './outbox';
import { validatedRowJson } from './replica';
import { createShadowTables, dropShadowTables, swapInShadowTables } from './shadow-tables';
import { SyncHttpError, type SyncHttp } from './sync-http';
import type { SyncStateStore } from './sync-state';

/** Rows per staging transaction: large enough to amortise the commit, short enough not to block a decision. */
const STAGING_BATCH = 2000;
/**
 * Parsing buffered stream data never leaves the microtask queue, so the backend thread would not answer calls
 * until the stream ran dry; every this many rows the bootstrap yields to the event loop (a few milliseconds of work).
 */
const YIELD_EVERY_ROWS = 200;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

type BootstrapMeta = z.infer<typeof bootstrapMetaSchema>['_meta'];
interface StagedRow {
  entity: EntityName;
  id: string;
  version: number;
  data: string;
}

export interface BootstrapDeps {
  sqlite: Database.Database;
  http: SyncHttp;
  outbox: Outbox;
  state: SyncStateStore;
  now: () => Date;
  onProgress: (done: number, total: number | null) => void;
}

/** Splits a byte stream into text lines (scans each chunk once; only the unfinished tail is carried over). */
async function* lines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let tail = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    const text = tail + decoder.decode(chunk, { stream: true });
    let start = 0;
    let nl: number;
    while ((nl = text.indexOf('\n', start)) >= 0) {
      const line = text.slice(start, nl).trim();
      start = nl + 1;
      if (line) yield line;
    }
    tail = text.slice(start);
  }
  const rest = (tail + decoder.decode()).trim();
  if (rest) yield rest;
}

const isMetaLine = (value: unknown) => typeof value === 'object' && value !== null && '_meta' in value;

export async function runBootstrap(deps: BootstrapDeps): Promise<{ cursor: number; rows: number }> {
  const { sqlite } = deps;
  const appliedBefore = deps.outbox.lastAppliedSeq();
  const response = await deps.http.stream('/v1/sync/bootstrap');
  if (!response.body) throw new SyncHttpError('transient', 'bootstrap answer without a body');
  const totalHeader = Number(response.headers.get('x-total-rows'));
  const total = Number.isFinite(totalHeader) && totalHeader > 0 ? totalHeader : null;

  const inserts = createShadowTables(sqlite);
  const flush = sqlite.transaction((batch: StagedRow[]) => {
    for (const { entity, id, version, data } of batch) inserts[entity].run({ id, version, data });
  });
  const counts = new Map<string, number>();
  let batch: StagedRow[] = [];
  let done = 0;
  let meta: BootstrapMeta | null = null;
  try {
    for await (const line of lines(response.body)) {
      const value = JSON.parse(line) as unknown;
      if (isMetaLine(value)) {
        meta = bootstrapMetaSchema.parse(value)._meta;
        break;
      }
      const row = bootstrapRowSchema.parse(value);
      batch.push({ entity: row.entity, id: row.id, version: row.version, data: validatedRowJson(row.entity, row.data) });
      counts.set(row.entity, (counts.get(row.entity) ?? 0) + 1);
      if (batch.length % YIELD_EVERY_ROWS === 0) await yieldToEventLoop();
      if (batch.length >= STAGING_BATCH) {
        flush(batch);
        done += batch.length;
        batch = [];
        deps.onProgress(done, total);
      }
    }
    flush(batch);
    done += batch.length;
    deps.onProgress(done, total ?? done);
    if (!meta) throw new SyncHttpError('transient', 'bootstrap stream ended before its _meta line');
    checkCounts(meta, counts);
  } catch (error) {
    dropShadowTables(sqlite);
    if (error instanceof SyncHttpError || (error instanceof Error && error.name === 'AppError')) throw error;
    throw new SyncHttpError('transient', `bootstrap stream broke: ${error instanceof Error ? error.message : String(error)}`);
  }
  swapIn(deps, meta, appliedBefore);
  return { cursor: meta.cursor, rows: done };
}

function checkCounts(meta: BootstrapMeta, staged: Map<string, number>): void {
  for (const name of new Set([...Object.keys(meta.counts), ...staged.keys()])) {
    const expected = meta.counts[name] ?? 0;
    const got = staged.get(name) ?? 0;
    if (expected !== got) throw new SyncHttpError('transient', `bootstrap count mismatch for ${name}: expected ${expected}, got ${got}`);
  }
}

function swapIn(deps: BootstrapDeps, meta: BootstrapMeta, appliedBefore: number): void {
  deps.sqlite.transaction(() => {
    swapInShadowTables(deps.sqlite);
    deps.outbox.retireAppliedUpTo(appliedBefore);
    deps.state.setCursor(meta.cursor, deps.now().toISOString());
  })();
}
