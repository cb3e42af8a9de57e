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
import { ndjsonLineBatches } from './ndjson-lines';
import { validatedRowJson } from './replica';
import { SyncHttpError, type SyncHttp } from './sync-http';
import { yieldToEventLoop } from './yield-to-event-loop';

/** Rows per load transaction: the file has no journal and no reader, so this only amortises the commit. */
const LOAD_BATCH = 20_000;

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

/**
 * A row line exactly as the server writes it (server/sync/bootstrap.ts): the envelope first, `data` last. Such a line
 * is decoded without parsing the envelope as JSON, and `data` keeps the server's own text.
 */
const ROW_LINE = /^\{"entity":"([A-Za-z]+)","id":("(?:[^"\\]|\\.)*"),"version":(-?\d{1,15}),"data":/;
const knownEntities = new Set<string>(entityNames);

interface DecodedRow {
  entity: EntityName;
  id: string;
  version: number;
  /** The stored JSON: the server's text when the fast validator accepts it, else zod's result serialised. */
  data: string;
}

/**
 * The row of a line in the server's own layout, validated; null for any other line (the `_meta` line, another key
 * order, anything after `data`), which the caller decodes the general way. JSON.parse of the `data` slice fails if
 * anything but one JSON value sits between the envelope and the closing brace, so the stored text is the value
 * validated (the server writes it from PostgreSQL jsonb, so no object in it repeats a key).
 */
function decodeServerRow(line: string): DecodedRow | null {
  const m = ROW_LINE.exec(line);
  if (!m || !knownEntities.has(m[1]!) || line.charCodeAt(line.length - 1) !== 0x7d) return null;
  const text = line.slice(m[0].length, -1);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const entity = m[1] as EntityName;
  return { entity, id: JSON.parse(m[2]!) as string, version: Number(m[3]), data: validatedRowJson(entity, data, text) };
}

const isMetaLine = (value: unknown) => typeof value === 'object' && value !== null && '_meta' in value;

/** A row, or the closing `_meta` line; a line in another layout is parsed whole and its envelope checked by zod. */
function decodeLine(line: string): DecodedRow | { meta: BootstrapMeta } {
  const fast = decodeServerRow(line);
  if (fast) return fast;
  const value = JSON.parse(line) as unknown;
  if (isMetaLine(value)) return { meta: bootstrapMetaSchema.parse(value)._meta };
  const row = bootstrapRowSchema.parse(value);
  return { entity: row.entity, id: row.id, version: row.version, data: validatedRowJson(row.entity, row.data) };
}

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
    stream: for await (const batch of ndjsonLineBatches(response.body as unknown as AsyncIterable<Uint8Array>)) {
      for (const line of batch) {
        const row = decodeLine(line);
        if ('meta' in row) {
          meta = row.meta;
          break stream;
        }
        inserts[row.entity].run({ id: row.id, version: row.version, data: row.data });
        done++;
        if (done % LOAD_BATCH === 0) {
          sqlite.exec('COMMIT; BEGIN');
          onProgress(done, total);
        }
      }
      // A chunk's lines are parsed without leaving the microtask queue: yielding after each lets calls through when
      // a bootstrap runs on the API thread (tests).
      await yieldToEventLoop();
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
