/**
 * The seed's writer: rows and blobs collect in memory and go to the database in a few multi-row INSERTs
 * (one statement per row made PGlite the seed's bottleneck). Rows get their change-log entries at flush time,
 * in the order of their last write, exactly as putRow would have ordered them.
 */
import { sql } from 'drizzle-orm';
import { entitySchemas, type EntityName, type EntityRow } from '../../domain/entities';
import type { ServerTx } from '../../server/db/connect';
import { blobRefs, changes, entities } from '../../server/db/schema';
import { sha256OfBytes } from '../../server/blobs/hash';
import type { StoredRow } from '../../server/store/entity-store';
import type { RowWriter } from '../../server/store/row-writer';

const ROWS_PER_INSERT = 500;
/** Keeps one INSERT of blobs well below PostgreSQL's 1 GB message limit and PGlite's memory. */
const BLOB_BYTES_PER_INSERT = 8 * 1024 * 1024;

const keyOf = (entity: EntityName, id: string) => `${entity}\u0000${id}`;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export class SeedBatch implements RowWriter {
  private rows = new Map<string, StoredRow>();
  private blobs = new Map<string, { mime: string; bytes: Uint8Array }>();
  private refs = new Set<string>();
  /** Rows already inserted: the seed writes each row's final state before a flush, never after it. */
  private readonly flushed = new Set<string>();

  async get<E extends EntityName>(entity: E, id: string): Promise<StoredRow<E> | null> {
    return (this.rows.get(keyOf(entity, id)) as StoredRow<E> | undefined) ?? null;
  }

  async listWhere<E extends EntityName>(entity: E, field: string, value: string): Promise<StoredRow<E>[]> {
    const out: StoredRow<E>[] = [];
    for (const row of this.rows.values()) {
      if (row.entity === entity && (row.data as Record<string, unknown>)[field] === value) out.push(row as StoredRow<E>);
    }
    return out.sort((a, b) => a.id.localeCompare(b.id));
  }

  async put<E extends EntityName>(entity: E, orgId: string, data: Omit<EntityRow<E>, 'version'> & { id: string }): Promise<StoredRow<E>> {
    const key = keyOf(entity, data.id);
    if (this.flushed.has(key)) throw new Error(`seed wrote ${entity} ${data.id} again after flushing it`);
    const version = (this.rows.get(key)?.version ?? 0) + 1;
    const parsed = entitySchemas[entity].parse({ ...data, version }) as EntityRow<E>;
    const row: StoredRow<E> = { entity, id: data.id, orgId, version, data: parsed };
    this.rows.delete(key); // re-inserting moves the row to the end: the change log orders by last write
    this.rows.set(key, row as StoredRow);
    return row;
  }

  async putBlob(bytes: Uint8Array, mime: string, orgIds: readonly string[]): Promise<string> {
    const sha256 = sha256OfBytes(bytes);
    if (!this.blobs.has(sha256)) this.blobs.set(sha256, { mime, bytes });
    for (const orgId of orgIds) this.refs.add(`${sha256}\u0000${orgId}`);
    return sha256;
  }

  /** Inserts everything collected so far (inside the seed's write-locked transaction) and empties the batch. */
  async flush(tx: ServerTx): Promise<void> {
    const rows = [...this.rows.values()];
    if (rows.length > 0) {
      const result = await tx.execute(sql`SELECT nextval('change_seq') AS first`);
      const first = Number((result as unknown as { rows: { first: string | number }[] }).rows[0]!.first);
      await tx.execute(sql`SELECT setval('change_seq', ${first + rows.length - 1})`);
      for (const part of chunks(rows, ROWS_PER_INSERT)) {
        await tx.insert(entities).values(part.map((r) => ({ entity: r.entity, id: r.id, orgId: r.orgId, version: r.version, data: r.data, deleted: false })));
      }
      for (const [n, part] of chunks(rows, ROWS_PER_INSERT).entries()) {
        await tx.insert(changes).values(
          part.map((r, i) => ({ seq: first + n * ROWS_PER_INSERT + i, entity: r.entity, id: r.id, orgId: r.orgId, op: 'upsert' as const, version: r.version })),
        );
      }
    }
    // Bytes travel as base64 text decoded by PostgreSQL: PGlite's own bytea parameter encoding was the seed's
    // largest single cost.
    let pending: ReturnType<typeof sql>[] = [];
    let pendingBytes = 0;
    const insertPending = async () => {
      if (pending.length > 0) await tx.execute(sql`INSERT INTO blobs (sha256, mime, size, bytes) VALUES ${sql.join(pending, sql`, `)} ON CONFLICT DO NOTHING`);
      pending = [];
      pendingBytes = 0;
    };
    for (const [sha256, blob] of this.blobs) {
      pending.push(sql`(${sha256}, ${blob.mime}, ${blob.bytes.length}, decode(${Buffer.from(blob.bytes).toString('base64')}, 'base64'))`);
      pendingBytes += blob.bytes.length;
      if (pendingBytes >= BLOB_BYTES_PER_INSERT) await insertPending();
    }
    await insertPending();
    for (const part of chunks([...this.refs], ROWS_PER_INSERT)) {
      await tx
        .insert(blobRefs)
        .values(part.map((ref) => ({ sha256: ref.split('\u0000')[0]!, orgId: ref.split('\u0000')[1]! })))
        .onConflictDoNothing();
    }
    for (const row of rows) this.flushed.add(keyOf(row.entity, row.id));
    this.rows = new Map();
    this.blobs = new Map();
    this.refs = new Set();
  }
}
