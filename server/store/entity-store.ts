/**
 * Synced rows and their change log. Every write validates the row with its domain schema, bumps its version and
 * moves the row's single change-log entry to a fresh sequence number (the log keeps the latest op per row).
 */
import { and, eq, gt, inArray, lte, sql, asc } from 'drizzle-orm';
import { entitySchemas, type EntityName, type EntityRow } from '../../domain/entities';
import { changes, entities, syncMeta } from '../db/schema';
import type { Queryable, ServerTx } from '../db/connect';
import { rowsOf } from '../db/rows';
import { unitOf, type StoredRow } from './unit-registry';

export type { StoredRow } from './unit-registry';

export async function nextSeq(tx: Queryable): Promise<number> {
  const rows = rowsOf<{ seq: string | number }>(await tx.execute(sql`SELECT nextval('change_seq') AS seq`));
  return Number(rows[0]?.seq);
}

/** The highest sequence number handed out so far (changes and mutation results share it). */
export async function currentSeq(tx: Queryable): Promise<number> {
  const row = rowsOf<{ last_value: string | number; is_called: boolean }>(
    await tx.execute(sql`SELECT last_value, is_called FROM change_seq`),
  )[0];
  if (!row) return 0;
  return row.is_called ? Number(row.last_value) : Number(row.last_value) - 1;
}

export async function minCursor(tx: Queryable): Promise<number> {
  const rows = await tx.select().from(syncMeta).where(eq(syncMeta.key, 'min_cursor'));
  return rows[0]?.value ?? 0;
}

export async function getRow<E extends EntityName>(tx: Queryable, entity: E, id: string): Promise<StoredRow<E> | null> {
  const unit = unitOf(tx);
  if (unit) return unit.get(entity, id);
  const rows = await tx
    .select()
    .from(entities)
    .where(and(eq(entities.entity, entity), eq(entities.id, id), eq(entities.deleted, false)));
  const row = rows[0];
  if (!row) return null;
  return { entity, id, orgId: row.orgId, version: row.version, data: row.data as EntityRow<E> };
}

/** A row visible to the given organisations, or null: callers answer "not found" either way (no existence leak). */
export async function getScopedRow<E extends EntityName>(
  tx: Queryable,
  entity: E,
  id: string,
  orgIds: readonly string[],
): Promise<StoredRow<E> | null> {
  const row = await getRow(tx, entity, id);
  return row && orgIds.includes(row.orgId) ? row : null;
}

export async function listRows<E extends EntityName>(tx: Queryable, entity: E, orgId: string): Promise<StoredRow<E>[]> {
  const rows = await tx
    .select()
    .from(entities)
    .where(and(eq(entities.entity, entity), eq(entities.orgId, orgId), eq(entities.deleted, false)));
  return rows.map((r) => ({ entity, id: r.id, orgId: r.orgId, version: r.version, data: r.data as EntityRow<E> }));
}

/**
 * Inserts or replaces a row. `data.version` is ignored and set to the stored version + 1 (1 for an id the caller
 * just generated: `freshId`). Returns the stored row. Must run inside a registered writer's transaction.
 */
export async function putRow<E extends EntityName>(
  tx: ServerTx,
  entity: E,
  orgId: string,
  data: Omit<EntityRow<E>, 'version'> & { id: string },
  options: { freshId?: boolean } = {},
): Promise<StoredRow<E>> {
  const unit = unitOf(tx);
  if (unit) {
    if (options.freshId) unit.knowNew(entity, data.id);
    return unit.put(entity, orgId, data);
  }
  const previous = options.freshId
    ? []
    : await tx
        .select({ version: entities.version })
        .from(entities)
        .where(and(eq(entities.entity, entity), eq(entities.id, data.id)));
  const version = (previous[0]?.version ?? 0) + 1;
  const parsed = validatedEntity(entity, data, version);
  await tx
    .insert(entities)
    .values({ entity, id: data.id, orgId, version, data: parsed, deleted: false })
    .onConflictDoUpdate({ target: [entities.entity, entities.id], set: { orgId, version, data: parsed, deleted: false } });
  await recordChange(tx, entity, data.id, orgId, 'upsert', version);
  return { entity, id: data.id, orgId, version, data: parsed };
}

/** The row as stored at `version`: every write goes through its domain schema. */
export function validatedEntity<E extends EntityName>(entity: E, data: Omit<EntityRow<E>, 'version'>, version: number): EntityRow<E> {
  return entitySchemas[entity].parse({ ...data, version }) as EntityRow<E>;
}

export async function deleteRow(tx: ServerTx, entity: EntityName, id: string): Promise<void> {
  const previous = await getRow(tx, entity, id);
  if (!previous) return;
  const version = previous.version + 1;
  await tx
    .update(entities)
    .set({ deleted: true, version })
    .where(and(eq(entities.entity, entity), eq(entities.id, id)));
  await recordChange(tx, entity, id, previous.orgId, 'delete', version);
}

async function recordChange(tx: ServerTx, entity: EntityName, id: string, orgId: string, op: 'upsert' | 'delete', version: number) {
  const seq = await nextSeq(tx);
  await tx
    .insert(changes)
    .values({ seq, entity, id, orgId, op, version })
    .onConflictDoUpdate({ target: [changes.entity, changes.id], set: { seq, orgId, op, version } });
}

export interface ChangeRow {
  seq: number;
  entity: EntityName;
  id: string;
  op: 'upsert' | 'delete';
  version: number;
  data?: unknown;
}

/** The scope of rows every organisation sees (the working-day calendar), stored in place of an organisation id. */
export const EVERY_ORGANISATION = '*';

/** The organisations a user sees plus the rows everybody sees. */
const withSharedRows = (orgIds: readonly string[]): string[] => [...orgIds, EVERY_ORGANISATION];

/** Changes of the organisations after `cursor` up to `upTo`, oldest first, with the row data of upserts. */
export async function changesSince(tx: Queryable, orgIds: readonly string[], cursor: number, upTo: number, limit: number): Promise<ChangeRow[]> {
  if (orgIds.length === 0) return [];
  const rows = await tx
    .select({
      seq: changes.seq,
      entity: changes.entity,
      id: changes.id,
      op: changes.op,
      version: changes.version,
      data: entities.data,
    })
    .from(changes)
    .innerJoin(entities, and(eq(entities.entity, changes.entity), eq(entities.id, changes.id)))
    .where(and(inArray(changes.orgId, withSharedRows(orgIds)), gt(changes.seq, cursor), lte(changes.seq, upTo)))
    .orderBy(asc(changes.seq))
    .limit(limit);
  return rows.map((r) => ({
    seq: r.seq,
    entity: r.entity as EntityName,
    id: r.id,
    op: r.op,
    version: r.version,
    ...(r.op === 'upsert' ? { data: r.data } : {}),
  }));
}

/** Every live row of the organisations (the bootstrap snapshot), grouped by entity for a stable order. */
export async function snapshotRows(tx: Queryable, orgIds: readonly string[]): Promise<StoredRow[]> {
  if (orgIds.length === 0) return [];
  const rows = await tx
    .select()
    .from(entities)
    .where(and(inArray(entities.orgId, withSharedRows(orgIds)), eq(entities.deleted, false)))
    .orderBy(asc(entities.entity), asc(entities.id));
  return rows.map((r) => ({ entity: r.entity as EntityName, id: r.id, orgId: r.orgId, version: r.version, data: r.data as EntityRow<EntityName> }));
}

/**
 * The bootstrap snapshot as text: each row's data exactly as PostgreSQL prints the stored JSON, so the stream is
 * written without parsing and re-serialising every row on the server.
 */
export async function snapshotTexts(tx: Queryable, orgIds: readonly string[]): Promise<Array<{ entity: EntityName; id: string; version: number; dataText: string }>> {
  if (orgIds.length === 0) return [];
  const rows = await tx
    .select({ entity: entities.entity, id: entities.id, version: entities.version, dataText: sql<string>`${entities.data}::text` })
    .from(entities)
    .where(and(inArray(entities.orgId, withSharedRows(orgIds)), eq(entities.deleted, false)))
    .orderBy(asc(entities.entity), asc(entities.id));
  return rows.map((r) => ({ ...r, entity: r.entity as EntityName }));
}

/**
 * Drops delete tombstones at or below `upTo` and raises the oldest servable cursor: clients behind it must
 * re-bootstrap (pull answers `resetRequired: cursorExpired`).
 */
export async function compactChangeLog(tx: ServerTx, upTo: number): Promise<void> {
  await tx.delete(changes).where(and(eq(changes.op, 'delete'), sql`${changes.seq} <= ${upTo}`));
  await tx.update(syncMeta).set({ value: upTo }).where(and(eq(syncMeta.key, 'min_cursor'), sql`${syncMeta.value} < ${upTo}`));
}

/** Live rows of an entity whose JSON field equals a value (e.g. the documents of one contract). */
export async function listRowsWhere<E extends EntityName>(
  tx: Queryable,
  entity: E,
  field: string,
  value: string,
): Promise<StoredRow<E>[]> {
  const unit = unitOf(tx);
  if (unit) return unit.listWhere(entity, field, value);
  const rows = await tx
    .select()
    .from(entities)
    .where(and(eq(entities.entity, entity), eq(entities.deleted, false), sql`${entities.data}->>${field} = ${value}`))
    .orderBy(asc(entities.id));
  return rows.map((r) => ({ entity, id: r.id, orgId: r.orgId, version: r.version, data: r.data as EntityRow<E> }));
}
