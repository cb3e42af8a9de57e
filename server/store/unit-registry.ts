/**
 * Which transaction a push's unit of work (store/unit-of-work.ts) serves. The entity-store functions look it up, so
 * every caller — mutation handlers, voucher and place helpers alike — reads and writes the unit's buffer instead of
 * the tables while it is attached, without each of them having to know about it.
 */
import type { EntityName, EntityRow } from '../../domain/entities';
import type { Queryable, ServerTx } from '../db/connect';

export interface StoredRow<E extends EntityName = EntityName> {
  entity: E;
  id: string;
  orgId: string;
  version: number;
  data: EntityRow<E>;
}

export interface BufferedNotification {
  id: string;
  parentIin: string;
  subjectType: string;
  subjectId: string;
  kind: string;
  textKk: string;
  textRu: string;
  createdAt: string;
}

/**
 * A table beside `entities` whose rows a unit of work buffers by primary key like entity rows (group places and
 * holds). Without a unit, `sideRows` sends each read and write at once through the same two functions.
 */
export interface SideTable<R> {
  /** Tables other tables reference flush first (lower first). */
  readonly flushOrder: number;
  keyOf(row: R): string;
  /** The stored rows of `keys` (locked, when concurrent writers must wait for this transaction). */
  load(tx: ServerTx, keys: readonly string[]): Promise<R[]>;
  /** Inserts or replaces `rows` and deletes the rows of `removed`; returns the statements it sent. */
  write(tx: ServerTx, rows: readonly R[], removed: readonly string[]): Promise<number>;
}

/** What the entity store delegates to an attached unit of work. */
export interface StoreUnit {
  get<E extends EntityName>(entity: E, id: string): Promise<StoredRow<E> | null>;
  listWhere<E extends EntityName>(entity: E, field: string, value: string): Promise<StoredRow<E>[]>;
  put<E extends EntityName>(entity: E, orgId: string, data: Omit<EntityRow<E>, 'version'> & { id: string }): Promise<StoredRow<E>>;
  /** The id was just generated: writing it needs no read first. */
  knowNew(entity: EntityName, id: string): void;
  notify(notification: BufferedNotification): void;
  sideGet<R>(table: SideTable<R>, key: string): Promise<R | null>;
  sidePut<R>(table: SideTable<R>, row: R): void;
  sideRemove<R>(table: SideTable<R>, key: string): void;
}

const units = new WeakMap<object, StoreUnit>();

export function attachUnit(tx: Queryable, unit: StoreUnit): void {
  units.set(tx, unit);
}

export function detachUnit(tx: Queryable): void {
  units.delete(tx);
}

export function unitOf(tx: Queryable): StoreUnit | undefined {
  return units.get(tx);
}

/** Reads and writes of one side table in `tx`: through its unit when one is attached, else at once. */
export function sideRows<R>(tx: ServerTx, table: SideTable<R>) {
  const unit = unitOf(tx);
  return {
    get: async (key: string): Promise<R | null> => (unit ? unit.sideGet(table, key) : ((await table.load(tx, [key]))[0] ?? null)),
    put: async (row: R): Promise<void> => {
      if (unit) unit.sidePut(table, row);
      else await table.write(tx, [row], []);
    },
    remove: async (key: string): Promise<void> => {
      if (unit) unit.sideRemove(table, key);
      else await table.write(tx, [], [key]);
    },
  };
}
