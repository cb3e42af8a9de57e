/**
 * Which transaction a push's unit of work (store/unit-of-work.ts) serves. The entity-store functions look it up, so
 * every caller — mutation handlers, voucher and place helpers alike — reads and writes the unit's buffer instead of
 * the tables while it is attached, without each of them having to know about it.
 */
import type { EntityName, EntityRow } from '../../domain/entities';
import type { Queryable } from '../db/connect';

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

/** What the entity store delegates to an attached unit of work. */
export interface StoreUnit {
  get<E extends EntityName>(entity: E, id: string): Promise<StoredRow<E> | null>;
  listWhere<E extends EntityName>(entity: E, field: string, value: string): Promise<StoredRow<E>[]>;
  put<E extends EntityName>(entity: E, orgId: string, data: Omit<EntityRow<E>, 'version'> & { id: string }): Promise<StoredRow<E>>;
  /** The id was just generated: writing it needs no read first. */
  knowNew(entity: EntityName, id: string): void;
  notify(notification: BufferedNotification): void;
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
