/**
 * Bootstrap: stream the user's scope as NDJSON into a fresh replica file (`db/replica-files.ts`) — rows first, then
 * indexes and search index — and, only when the `_meta` counts match the rows stored, finish it with the cursor. The
 * live replica is not touched: the engine switches to the new file afterwards in one small commit. A failure or a
 * crash leaves a leftover file that the next open deletes. This runs in the sync worker (`bootstrap-worker.ts`) in the
 * app, so its seconds of index building never hold the API thread.
 */
import type { z } from 'zod';
import type { ReplicaDdl, ReplicaFileBuilder } from '../../../db/replica-files';
import { insertSql, replicaTables } from '../../../db/replica-tables';
import { entityNames, type EntityName } from '../../../domain/entities';
import { bootstrapMetaSchema, bootstrapRowSchema } from '../../../domain/sync-protocol';
import { validatedRowJson } from './replica';
import { SyncHttpError, type SyncHttp } from './sync-http';

/** Rows per load transaction: the file has no journal and no reader, so this only amortises the commit. */
const LOAD_BATCH = 20_000;
/**
 * Parsing buffered stream data never leaves the microtask queue; every this many rows the load yields to the event
 * loop, so a bootstrap run on the API thread (tests) still lets calls through.
 */
const YIELD_EVERY_ROWS = 500;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

type BootstrapMeta = z.infer<typeof bootstrapMetaSchema>['_meta'];

/** What a bootstrap needs, plain data so it can be posted to the sync worker. */
export interface BootstrapJob {
  file: string;
  keyHex: string;
  ddl: ReplicaDdl;
  builtAt: string;
}

export interface BootstrapResult {
  cursor: number;
  rows: number;
}

export type BootstrapProgress = (done: number, total: number | null) => void;

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

/** Streams the bootstrap into `builder`'s file and finishes it; abandons the file on any failure. */
export async function buildReplicaFromServer(builder: ReplicaFileBuilder, job: BootstrapJob, http: SyncHttp, onProgress: BootstrapProgress): Promise<BootstrapResult> {
  try {
    const response = await http.stream('/v1/sync/bootstrap');
    if (!response.body) throw new SyncHttpError('transient', 'bootstrap answer without a body');
    const totalHeader = Number(response.headers.get('x-total-rows'));
    const total = Number.isFinite(totalHeader) && totalHeader > 0 ? totalHeader : null;
    const inserts = Object.fromEntries(entityNames.map((e) => [e, builder.sqlite.prepare(insertSql(replicaTables[e]))])) as Record<EntityName, ReturnType<typeof builder.sqlite.prepare>>;
    const { sqlite } = builder;
    let done = 0;
    let meta: BootstrapMeta | null = null;
    sqlite.exec('BEGIN');
    for await (const line of lines(response.body)) {
      const value = JSON.parse(line) as unknown;
      if (isMetaLine(value)) {
        meta = bootstrapMetaSchema.parse(value)._meta;
        break;
      }
      const row = bootstrapRowSchema.parse(value);
      inserts[row.entity].run({ id: row.id, version: row.version, data: validatedRowJson(row.entity, row.data) });
      done++;
      if (done % YIELD_EVERY_ROWS === 0) await yieldToEventLoop();
      if (done % LOAD_BATCH === 0) {
        sqlite.exec('COMMIT; BEGIN');
        onProgress(done, total);
      }
    }
    sqlite.exec('COMMIT');
    onProgress(done, total ?? done);
    if (!meta) throw new SyncHttpError('transient', 'bootstrap stream ended before its _meta line');
    checkCounts(meta, builder.counts());
    builder.finish(meta.cursor, job.builtAt);
    return { cursor: meta.cursor, rows: done };
  } catch (error) {
    builder.abandon();
    if (error instanceof SyncHttpError || (error instanceof Error && error.name === 'AppError')) throw error;
    throw new SyncHttpError('transient', `bootstrap stream broke: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The rows stored per table must be exactly the counts the server announced. */
function checkCounts(meta: BootstrapMeta, stored: Record<string, number>): void {
  for (const entity of entityNames) {
    const expected = meta.counts[entity] ?? 0;
    const got = stored[replicaTables[entity].table] ?? 0;
    if (expected !== got) throw new SyncHttpError('transient', `bootstrap count mismatch for ${entity}: expected ${expected}, got ${got}`);
  }
  const unknown = Object.keys(meta.counts).filter((name) => !(entityNames as readonly string[]).includes(name) && (meta.counts[name] ?? 0) > 0);
  if (unknown.length > 0) throw new SyncHttpError('transient', `bootstrap announced unknown entities: ${unknown.join(', ')}`);
}
