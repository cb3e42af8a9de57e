/**
 * What the parent actions need from storage. The protocol paths use the transaction writer; the demo seed uses an
 * in-memory batch (seed/seed-batch.ts) that is bulk-inserted at the end, so both go through the same actions.
 */
import type { EntityName, EntityRow } from '../../domain/entities';
import type { ServerTx } from '../db/connect';
import type { BlobStore } from '../blobs/store';
import { getRow, listRowsWhere, putRow, type StoredRow } from './entity-store';

export interface RowWriter {
  get<E extends EntityName>(entity: E, id: string): Promise<StoredRow<E> | null>;
  /** Live rows of an entity whose JSON field equals a value. */
  listWhere<E extends EntityName>(entity: E, field: string, value: string): Promise<StoredRow<E>[]>;
  put<E extends EntityName>(entity: E, orgId: string, data: Omit<EntityRow<E>, 'version'> & { id: string }): Promise<StoredRow<E>>;
  /** Stores a content-addressed blob readable by the organisations; returns its SHA-256. */
  putBlob(bytes: Uint8Array, mime: string, orgIds: readonly string[]): Promise<string>;
}

export function txWriter(tx: ServerTx, blobs: BlobStore): RowWriter {
  return {
    get: (entity, id) => getRow(tx, entity, id),
    listWhere: (entity, field, value) => listRowsWhere(tx, entity, field, value),
    put: (entity, orgId, data) => putRow(tx, entity, orgId, data),
    putBlob: (bytes, mime, orgIds) => blobs.put(tx, bytes, mime, orgIds),
  };
}
