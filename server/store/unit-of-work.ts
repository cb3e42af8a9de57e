/**
 * One push batch as a unit of work: the rows its mutations touch are read once (targets and their documents in two
 * queries up front), every write is buffered, and `flush` writes the lot with one multi-row statement per table after
 * taking one block of change-sequence numbers, handed out in the order the events happened — so versions, results
 * and the change log come out exactly as if each write had gone to the database at once. A refused mutation is
 * rolled back from an undo log instead of a savepoint: the journal entries and events it added are dropped.
 *
 * Reads see the batch's own buffered writes. Rows are cached with their deleted flag, so a write's version follows
 * the stored one even for a deleted row, as `putRow` does. Side tables (group places and holds) are buffered the
 * same way by primary key and written after the entity rows.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { EntityName, EntityRow } from '../../domain/entities';
import type { ServerTx } from '../db/connect';
import { rowsOf } from '../db/rows';
import { changes, clients, entities, mutationResults, notifications } from '../db/schema';
import { validatedEntity } from './entity-store';
import type { BufferedNotification, SideTable, StoreUnit, StoredRow } from './unit-registry';

interface Slot {
  entity: EntityName;
  id: string;
  orgId: string;
  version: number;
  data: unknown;
  deleted: boolean;
}

/** A mutation result waiting for its sequence number. */
export type BufferedResult = Omit<typeof mutationResults.$inferInsert, 'resultSeq'>;

type Event =
  | { kind: 'change'; slot: Slot }
  | { kind: 'notification'; notification: BufferedNotification }
  | { kind: 'result'; result: BufferedResult };

/** Puts one buffered write back as it was before (the undo log). */
type JournalEntry = () => void;

/** A side table's rows as the batch sees them (null = known not to exist) and the keys written. */
interface SideBuffer {
  rows: Map<string, unknown>;
  dirty: Set<string>;
}

/** Where a mutation can be undone back to. */
export interface UnitMark {
  journal: number;
  events: number;
}

/** Multi-row statements stay well under PostgreSQL's 65 535 bind parameters. */
const ROWS_PER_STATEMENT = 1000;

const keyOf = (entity: string, id: string) => `${entity}\u0000${id}`;
const listKeyOf = (entity: string, field: string, value: string) => `${entity}\u0000${field}\u0000${value}`;
/** PostgreSQL's "C" order of text, which `ORDER BY id` gives on the server's databases. */
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * One column of a multi-row write as a single array parameter (`unnest`): a statement of a handful of parameters
 * whatever the rows, far cheaper to build and send than one parameter per value.
 */
const column = <T>(rows: readonly T[], value: (row: T) => unknown) => sql.param(rows.map(value));

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) out.push(items.slice(i, i + ROWS_PER_STATEMENT));
  return out;
}

export class UnitOfWork implements StoreUnit {
  /** (entity, id) → the row as the batch sees it; null = known not to exist. */
  private readonly slots = new Map<string, Slot | null>();
  /** (entity, field, value) → the keys the database had for that filter when it was first asked. */
  private readonly lists = new Map<string, Set<string>>();
  private readonly dirty = new Set<string>();
  private readonly side = new Map<SideTable<unknown>, SideBuffer>();
  private journal: JournalEntry[] = [];
  private events: Event[] = [];
  private lastClientSeq: number | null = null;
  /** Database round trips this unit made (the benchmark prints them per decision). */
  queries = 0;

  constructor(
    private readonly tx: ServerTx,
    private readonly clientId: string,
  ) {}

  /** Loads rows by id (any state) and, optionally, every row of `listEntity` whose `field` is one of `values`. */
  async prefetch(ids: ReadonlyMap<EntityName, readonly string[]>, list?: { entity: EntityName; field: string; values: readonly string[] }): Promise<void> {
    const wanted = [...ids].flatMap(([entity, list]) => list.filter((id) => !this.slots.has(keyOf(entity, id))).map((id) => ({ entity, id })));
    if (wanted.length > 0) {
      const rows = await this.select(and(inArray(entities.entity, [...new Set(wanted.map((w) => w.entity))]), inArray(entities.id, [...new Set(wanted.map((w) => w.id))])));
      for (const w of wanted) this.cacheIfAbsent(keyOf(w.entity, w.id), null);
      // The IN × IN filter may return rows of an (entity, id) pair nobody asked for: caching them is still right.
      for (const row of rows) this.slots.set(keyOf(row.entity, row.id), row);
    }
    if (list && list.values.length > 0) {
      const values = [...new Set(list.values)].filter((v) => !this.lists.has(listKeyOf(list.entity, list.field, v)));
      if (values.length === 0) return;
      const rows = await this.select(and(eq(entities.entity, list.entity), inArray(sql<string>`${entities.data}->>${list.field}`, values)));
      for (const v of values) this.lists.set(listKeyOf(list.entity, list.field, v), new Set());
      for (const row of rows) {
        const key = keyOf(row.entity, row.id);
        this.cacheIfAbsent(key, row);
        this.lists.get(listKeyOf(list.entity, list.field, String((row.data as Record<string, unknown>)[list.field])))?.add(key);
      }
    }
  }

  async get<E extends EntityName>(entity: E, id: string): Promise<StoredRow<E> | null> {
    const slot = await this.slot(entity, id);
    return slot && !slot.deleted ? this.stored<E>(slot) : null;
  }

  async listWhere<E extends EntityName>(entity: E, field: string, value: string): Promise<StoredRow<E>[]> {
    const listKey = listKeyOf(entity, field, value);
    if (!this.lists.has(listKey)) await this.prefetch(new Map(), { entity, field, values: [value] });
    const candidates = new Set([...this.lists.get(listKey)!, ...[...this.dirty].filter((k) => this.slots.get(k)?.entity === entity)]);
    const rows: StoredRow<E>[] = [];
    for (const key of candidates) {
      const slot = this.slots.get(key);
      if (slot && !slot.deleted && String((slot.data as Record<string, unknown>)[field]) === value) rows.push(this.stored<E>(slot));
    }
    return rows.sort(byId);
  }

  /** Buffers the row at the next version (read first unless cached or known to be new). */
  async put<E extends EntityName>(entity: E, orgId: string, data: Omit<EntityRow<E>, 'version'> & { id: string }): Promise<StoredRow<E>> {
    const key = keyOf(entity, data.id);
    const before = this.slots.has(key) ? this.slots.get(key)! : await this.slot(entity, data.id);
    const version = (before?.version ?? 0) + 1;
    const slot: Slot = { entity, id: data.id, orgId, version, data: validatedEntity(entity, data, version), deleted: false };
    this.journal.push(this.restorer(this.slots, this.dirty, key));
    this.slots.set(key, slot);
    this.dirty.add(key);
    this.events.push({ kind: 'change', slot });
    return this.stored<E>(slot);
  }

  /** Marks an id as new (freshly generated): a write needs no read of it first. */
  knowNew(entity: EntityName, id: string): void {
    this.cacheIfAbsent(keyOf(entity, id), null);
  }

  notify(notification: BufferedNotification): void {
    this.events.push({ kind: 'notification', notification });
  }

  recordResult(result: BufferedResult): void {
    this.events.push({ kind: 'result', result });
    this.lastClientSeq = Math.max(this.lastClientSeq ?? result.clientSeq, result.clientSeq);
  }

  /** Reads the side-table rows of `keys` not read yet, in one query. */
  async sideLoad<R>(table: SideTable<R>, keys: readonly string[]): Promise<R[]> {
    const buffer = this.sideBuffer(table);
    const missing = [...new Set(keys)].filter((k) => !buffer.rows.has(k));
    if (missing.length > 0) {
      this.queries++;
      for (const key of missing) buffer.rows.set(key, null);
      for (const row of await table.load(this.tx, missing)) buffer.rows.set(table.keyOf(row), row);
    }
    return keys.map((k) => buffer.rows.get(k) as R | null).filter((r): r is R => r !== null);
  }

  async sideGet<R>(table: SideTable<R>, key: string): Promise<R | null> {
    await this.sideLoad(table, [key]);
    return (this.sideBuffer(table).rows.get(key) as R | null) ?? null;
  }

  sidePut<R>(table: SideTable<R>, row: R): void {
    this.sideWrite(table, table.keyOf(row), row);
  }

  sideRemove<R>(table: SideTable<R>, key: string): void {
    this.sideWrite(table, key, null);
  }

  mark(): UnitMark {
    return { journal: this.journal.length, events: this.events.length };
  }

  /** Drops everything written since `mark`, newest first. */
  undo(mark: UnitMark): void {
    for (let i = this.journal.length - 1; i >= mark.journal; i--) this.journal[i]!();
    this.journal.length = mark.journal;
    this.events.length = mark.events;
  }

  /** Writes everything buffered, numbering the events in the order they happened. */
  async flush(): Promise<void> {
    if (this.events.length > 0) {
      const seqs = await this.takeSequenceBlock(this.events.length);
      const lastChange = new Map<string, { slot: Slot; seq: number }>();
      const notified: Array<typeof notifications.$inferInsert> = [];
      const results: Array<typeof mutationResults.$inferInsert> = [];
      this.events.forEach((event, i) => {
        const seq = seqs[i]!;
        if (event.kind === 'change') lastChange.set(keyOf(event.slot.entity, event.slot.id), { slot: event.slot, seq });
        else if (event.kind === 'notification') notified.push({ ...event.notification, seq });
        else results.push({ ...event.result, resultSeq: seq });
      });
      const rows = [...this.dirty].map((key) => this.slots.get(key)!);
      for (const part of chunks(rows)) {
        this.queries++;
        await this.tx.execute(sql`
          INSERT INTO ${entities} (entity, id, org_id, version, data, deleted)
          SELECT entity, id, org_id, version, data::jsonb, deleted FROM unnest(
            ${column(part, (s) => s.entity)}::text[], ${column(part, (s) => s.id)}::text[], ${column(part, (s) => s.orgId)}::text[],
            ${column(part, (s) => s.version)}::int[], ${column(part, (s) => JSON.stringify(s.data))}::text[], ${column(part, (s) => s.deleted)}::bool[]
          ) AS t(entity, id, org_id, version, data, deleted)
          ON CONFLICT (entity, id) DO UPDATE SET org_id = excluded.org_id, version = excluded.version, data = excluded.data, deleted = excluded.deleted`);
      }
      for (const part of chunks([...lastChange.values()])) {
        this.queries++;
        await this.tx.execute(sql`
          INSERT INTO ${changes} (seq, entity, id, org_id, op, version)
          SELECT seq, entity, id, org_id, 'upsert', version FROM unnest(
            ${column(part, (c) => c.seq)}::bigint[], ${column(part, (c) => c.slot.entity)}::text[], ${column(part, (c) => c.slot.id)}::text[],
            ${column(part, (c) => c.slot.orgId)}::text[], ${column(part, (c) => c.slot.version)}::int[]
          ) AS t(seq, entity, id, org_id, version)
          ON CONFLICT (entity, id) DO UPDATE SET seq = excluded.seq, org_id = excluded.org_id, op = excluded.op, version = excluded.version`);
      }
      for (const part of chunks(notified)) {
        this.queries++;
        await this.tx.insert(notifications).values(part);
      }
      for (const part of chunks(results)) {
        this.queries++;
        const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
        await this.tx.execute(sql`
          INSERT INTO ${mutationResults} (client_id, client_seq, mutation_id, name, status, code, message, params, current, result_seq, recorded_at)
          SELECT client_id, client_seq, mutation_id, name, status, code, message, params::jsonb, current::jsonb, result_seq, recorded_at::timestamptz FROM unnest(
            ${column(part, (r) => r.clientId)}::text[], ${column(part, (r) => r.clientSeq)}::int[], ${column(part, (r) => r.mutationId)}::text[],
            ${column(part, (r) => r.name)}::text[], ${column(part, (r) => r.status)}::text[], ${column(part, (r) => r.code ?? null)}::text[],
            ${column(part, (r) => r.message ?? null)}::text[], ${column(part, (r) => json(r.params))}::text[], ${column(part, (r) => json(r.current))}::text[],
            ${column(part, (r) => r.resultSeq)}::bigint[], ${column(part, (r) => r.recordedAt)}::text[]
          ) AS t(client_id, client_seq, mutation_id, name, status, code, message, params, current, result_seq, recorded_at)`);
      }
    }
    for (const [table, buffer] of [...this.side].sort(([a], [b]) => a.flushOrder - b.flushOrder)) {
      if (buffer.dirty.size === 0) continue;
      const written = [...buffer.dirty].map((k) => buffer.rows.get(k));
      const removed = [...buffer.dirty].filter((k) => buffer.rows.get(k) === null);
      for (const part of chunks(written.filter((r) => r !== null))) this.queries += await table.write(this.tx, part, []);
      for (const part of chunks(removed)) this.queries += await table.write(this.tx, [], part);
      buffer.dirty.clear();
    }
    if (this.lastClientSeq !== null) {
      this.queries++;
      await this.tx.update(clients).set({ lastClientSeq: this.lastClientSeq }).where(eq(clients.clientId, this.clientId));
    }
    this.dirty.clear();
    this.journal = [];
    this.events = [];
    this.lastClientSeq = null;
  }

  /** `n` numbers of the change sequence, ascending (the caller registered as a writer before). */
  private async takeSequenceBlock(n: number): Promise<number[]> {
    this.queries++;
    const rows = rowsOf<{ seq: string | number }>(await this.tx.execute(sql`SELECT nextval('change_seq') AS seq FROM generate_series(1, ${n})`));
    return rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
  }

  private async slot(entity: EntityName, id: string): Promise<Slot | null> {
    const key = keyOf(entity, id);
    if (!this.slots.has(key)) await this.prefetch(new Map([[entity, [id]]]));
    return this.slots.get(key) ?? null;
  }

  private sideBuffer(table: SideTable<unknown>): SideBuffer {
    let buffer = this.side.get(table);
    if (!buffer) this.side.set(table, (buffer = { rows: new Map(), dirty: new Set() }));
    return buffer;
  }

  private sideWrite(table: SideTable<unknown>, key: string, row: unknown): void {
    const buffer = this.sideBuffer(table);
    this.journal.push(this.restorer(buffer.rows, buffer.dirty, key));
    buffer.rows.set(key, row);
    buffer.dirty.add(key);
  }

  /** The undo of a write about to replace `key` in `rows`: the cached value and the dirty mark as they are now. */
  private restorer<V>(rows: Map<string, V>, dirty: Set<string>, key: string): JournalEntry {
    const had = rows.has(key);
    const before = rows.get(key);
    const wasDirty = dirty.has(key);
    return () => {
      if (had) rows.set(key, before as V);
      else rows.delete(key);
      if (!wasDirty) dirty.delete(key);
    };
  }

  private cacheIfAbsent(key: string, slot: Slot | null): void {
    if (!this.slots.has(key)) this.slots.set(key, slot);
  }

  private async select(where: ReturnType<typeof and>): Promise<Slot[]> {
    this.queries++;
    const rows = await this.tx.select().from(entities).where(where);
    return rows.map((r) => ({ entity: r.entity as EntityName, id: r.id, orgId: r.orgId, version: r.version, data: r.data, deleted: r.deleted }));
  }

  private stored<E extends EntityName>(slot: Slot): StoredRow<E> {
    return { entity: slot.entity as E, id: slot.id, orgId: slot.orgId, version: slot.version, data: slot.data as EntityRow<E> };
  }
}
