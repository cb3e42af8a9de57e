/**
 * How each synced entity maps onto its local table: the tables and their column names are drizzle's (db/schema.ts);
 * here each indexed column gets the JSON path into the validated row it is taken from, so the same definition serves
 * pull upserts and bootstrap inserts into a new replica file.
 */
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from './schema';
import type { EntityName } from '../domain/entities';

export interface ReplicaTable {
  table: string;
  /** column → JSON path in the entity row (`data`). `id`, `version` and `data` are implicit. */
  columns: Record<string, string>;
  /** Folded-name FTS5 index over this table (kept in step by triggers; rebuilt in one pass by a bootstrap). */
  fts?: string;
}

/** Every column of `table` besides id, version, data and generated ones, mapped to its JSON path in the row. */
type ExtractedColumns<T extends SQLiteTable> = Omit<T['$inferSelect'], 'id' | 'version' | 'data' | 'tab' | 'isVoucher' | 'groupId'>;

/** A replica table as drizzle declares it (db/schema.ts: the column names), plus where each column comes from. */
function replica<T extends SQLiteTable>(table: T, paths: Record<keyof ExtractedColumns<T>, string>, fts?: string): ReplicaTable {
  const declared = getTableColumns(table) as Record<string, { name: string }>;
  const columns = Object.fromEntries(Object.entries<string>(paths).map(([key, jsonPath]) => [(declared[key] as { name: string }).name, jsonPath]));
  return { table: getTableName(table), columns, ...(fts ? { fts } : {}) };
}

export const replicaTables: Record<EntityName, ReplicaTable> = {
  organisation: replica(schema.organisations, { kind: '$.kind', bin: '$.bin' }),
  staff: replica(schema.staff, { orgId: '$.orgId', iin: '$.iin' }),
  direction: replica(schema.directions, {
    orgId: '$.orgId',
    number: '$.number',
    status: '$.status',
    childIin: '$.child.iin',
    childName: '$.child.fullName',
    parentName: '$.parentFullName',
    offerDueOn: '$.offerDueOn',
  }),
  contract: replica(
    schema.contracts,
    {
      orgId: '$.orgId',
      number: '$.number',
      status: '$.status',
      childIin: '$.child.iin',
      childName: '$.child.fullName',
      parentIin: '$.parent.iin',
      parentName: '$.parent.fullName',
      submittedAt: '$.submittedAt',
      dueOn: '$.dueOn',
      reworkCount: '$.reworkCount',
    },
    'contracts_fts',
  ),
  contractDocument: replica(schema.contractDocuments, {
    contractId: '$.contractId',
    kind: '$.kind',
    round: '$.round',
    current: '$.current',
    sha256: '$.sha256',
    reviewStatus: '$.reviewStatus',
  }),
  historyEvent: replica(schema.historyEvents, { subjectType: '$.subjectType', subjectId: '$.subjectId', at: '$.at' }),
  specialQueueApplication: replica(
    schema.specialQueueApplications,
    {
      pmpkOrgId: '$.pmpkOrgId',
      number: '$.number',
      status: '$.status',
      childIin: '$.child.iin',
      childName: '$.child.fullName',
      parentIin: '$.parentIin',
      parentName: '$.parentFullName',
      submittedAt: '$.submittedAt',
      conclusionSha256: '$.conclusionSha256',
    },
    'special_queue_fts',
  ),
  group: replica(schema.groups, { orgId: '$.orgId', status: '$.status', ageYears: '$.ageYears' }),
  calendarYear: replica(schema.calendarYears, { status: '$.status', calendarVersion: '$.calendarVersion' }),
};

const columnList = (spec: ReplicaTable) => ['id', 'version', 'data', ...Object.keys(spec.columns)];
const extracted = (spec: ReplicaTable, dataExpr: string) =>
  Object.values(spec.columns).map((p) => `json_extract(${dataExpr}, '${p}')`);

/** Insert of one row. Named params: id, version, data. */
export function insertSql(spec: ReplicaTable): string {
  const values = ['@id', '@version', '@data', ...extracted(spec, '@data')];
  return `INSERT INTO ${spec.table} (${columnList(spec).join(', ')}) VALUES (${values.join(', ')})`;
}

/** Upsert of one row that never lets an older version overwrite a newer one. Named params: id, version, data. */
export function upsertSql(spec: ReplicaTable): string {
  const updates = columnList(spec).filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
  return `${insertSql(spec)}
    ON CONFLICT(id) DO UPDATE SET ${updates.join(', ')} WHERE excluded.version >= ${spec.table}.version`;
}

export const deleteSql = (spec: ReplicaTable) => `DELETE FROM ${spec.table} WHERE id = ?`;

export const allReplicaTableNames = Object.values(replicaTables).map((t) => t.table);

export const replicaFtsNames = Object.values(replicaTables).flatMap((t) => (t.fts ? [t.fts] : []));
