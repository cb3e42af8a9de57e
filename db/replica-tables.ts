/**
 * How each synced entity maps onto its local table: the indexed columns are JSON paths into the validated row, so
 * the same definition serves pull upserts and bootstrap inserts into a new replica file.
 */
import type { EntityName } from '../domain/entities';

export interface ReplicaTable {
  table: string;
  /** column → JSON path in the entity row (`data`). `id`, `version` and `data` are implicit. */
  columns: Record<string, string>;
  /** Folded-name FTS5 index over this table (kept in step by triggers; rebuilt in one pass by a bootstrap). */
  fts?: string;
}

export const replicaTables: Record<EntityName, ReplicaTable> = {
  organisation: { table: 'organisations', columns: { kind: '$.kind', bin: '$.bin' } },
  staff: { table: 'staff', columns: { org_id: '$.orgId', iin: '$.iin' } },
  direction: {
    table: 'directions',
    columns: {
      org_id: '$.orgId',
      number: '$.number',
      status: '$.status',
      child_iin: '$.child.iin',
      child_name: '$.child.fullName',
      parent_name: '$.parentFullName',
      offer_due_on: '$.offerDueOn',
    },
  },
  contract: {
    table: 'contracts',
    fts: 'contracts_fts',
    columns: {
      org_id: '$.orgId',
      number: '$.number',
      status: '$.status',
      child_iin: '$.child.iin',
      child_name: '$.child.fullName',
      parent_iin: '$.parent.iin',
      parent_name: '$.parent.fullName',
      submitted_at: '$.submittedAt',
      due_on: '$.dueOn',
      rework_count: '$.reworkCount',
    },
  },
  contractDocument: {
    table: 'contract_documents',
    columns: {
      contract_id: '$.contractId',
      kind: '$.kind',
      round: '$.round',
      current: '$.current',
      sha256: '$.sha256',
      review_status: '$.reviewStatus',
    },
  },
  historyEvent: {
    table: 'history_events',
    columns: { subject_type: '$.subjectType', subject_id: '$.subjectId', at: '$.at' },
  },
  specialQueueApplication: {
    table: 'special_queue_applications',
    fts: 'special_queue_fts',
    columns: {
      pmpk_org_id: '$.pmpkOrgId',
      number: '$.number',
      status: '$.status',
      child_iin: '$.child.iin',
      child_name: '$.child.fullName',
      parent_iin: '$.parentIin',
      parent_name: '$.parentFullName',
      submitted_at: '$.submittedAt',
      conclusion_sha256: '$.conclusionSha256',
    },
  },
  group: { table: 'groups', columns: { org_id: '$.orgId', status: '$.status', age_years: '$.ageYears' } },
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
