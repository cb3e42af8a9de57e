/**
 * Local (client) database schema. Synced tables are written only by the sync engine; the UI's pending state is the
 * outbox overlay. Feature tables are added here and a migration is generated with `npm run db:generate`.
 */
import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { tabColumnSql } from '../domain/contract-tabs';

/** Small key/value store for user preferences (language, …). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Append-only log of what the user did on this machine (decisions, logins); no document contents. */
export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  actorIin: text('actor_iin'),
  action: text('action').notNull(),
  subject: text('subject'),
  details: text('details', { mode: 'json' }),
});

/*
 * ── Replica of the user's scope (written only by the sync engine) ──────────────────────────────────────────────
 * Every synced table keeps the indexed columns the lists filter and sort on, plus `data`: the full row exactly as
 * validated by domain/entities.ts. The indexed columns are derived from `data` by db/replica-tables.ts.
 */

export const organisations = sqliteTable('organisations', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  bin: text('bin').notNull(),
  version: integer('version').notNull(),
  data: text('data').notNull(),
});

export const staff = sqliteTable(
  'staff',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    iin: text('iin').notNull(),
    version: integer('version').notNull(),
    data: text('data').notNull(),
  },
  (t) => [index('staff_org_idx').on(t.orgId), index('staff_iin_idx').on(t.iin)],
);

export const directions = sqliteTable(
  'directions',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    number: text('number').notNull(),
    status: text('status').notNull(),
    childIin: text('child_iin').notNull(),
    childName: text('child_name').notNull(),
    parentName: text('parent_name').notNull(),
    offerDueOn: text('offer_due_on').notNull(),
    version: integer('version').notNull(),
    data: text('data').notNull(),
  },
  (t) => [index('directions_org_status_idx').on(t.orgId, t.status, t.offerDueOn)],
);

export const contracts = sqliteTable(
  'contracts',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    number: text('number').notNull(),
    status: text('status').notNull(),
    childIin: text('child_iin').notNull(),
    childName: text('child_name').notNull(),
    parentIin: text('parent_iin').notNull(),
    parentName: text('parent_name').notNull(),
    submittedAt: text('submitted_at'),
    dueOn: text('due_on'),
    reworkCount: integer('rework_count').notNull(),
    version: integer('version').notNull(),
    data: text('data').notNull(),
    /**
     * The inbox tab of the status (domain/contract-tabs.ts), so a tab is one equality the sort indexes below can
     * lead with. Stored (like the two below): computed once when the row is written, not per read or index build.
     */
    tab: text('tab').generatedAlwaysAs(sql.raw(tabColumnSql()), { mode: 'stored' }),
    /** The voucher flag out of `data`, kept in an index so the «voucher only» filter never parses the JSON. */
    isVoucher: integer('is_voucher').generatedAlwaysAs(sql`coalesce(json_extract(data, '$.isVoucher'), 0)`, { mode: 'stored' }),
    /** The group the contract's place is in, for the inbox's group filter. */
    groupId: text('group_id').generatedAlwaysAs(sql`json_extract(data, '$.group.id')`, { mode: 'stored' }),
  },
  (t) => [
    index('contracts_org_status_idx').on(t.orgId, t.status, t.dueOn),
    index('contracts_submitted_idx').on(t.submittedAt),
    index('contracts_child_iin_idx').on(t.childIin),
    // One index per inbox sort key: a page is read in index order and stops at LIMIT (id breaks ties stably). The
    // filter columns ride along, so pages and totals, FTS matches included (by rowid), never read the table.
    index('contracts_tab_due_idx').on(t.tab, t.dueOn, t.id, t.isVoucher),
    index('contracts_tab_submitted_idx').on(t.tab, t.submittedAt, t.id, t.dueOn, t.isVoucher),
    index('contracts_tab_child_name_idx').on(t.tab, t.childName, t.id, t.dueOn, t.isVoucher),
    index('contracts_tab_parent_name_idx').on(t.tab, t.parentName, t.id, t.dueOn, t.isVoucher),
    index('contracts_tab_rework_idx').on(t.tab, t.reworkCount, t.id, t.dueOn, t.isVoucher),
    index('contracts_group_idx').on(t.groupId, t.tab),
  ],
);

export const groups = sqliteTable(
  'groups',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id').notNull(),
    status: text('status').notNull(),
    ageYears: integer('age_years').notNull(),
    version: integer('version').notNull(),
    data: text('data').notNull(),
  },
  (t) => [index('groups_org_idx').on(t.orgId, t.status, t.ageYears)],
);

/** The working-day calendar, one row per year (synced to every client; installed into domain/calendar). */
export const calendarYears = sqliteTable('calendar_years', {
  id: text('id').primaryKey(),
  status: text('status').notNull(),
  calendarVersion: integer('calendar_version').notNull(),
  version: integer('version').notNull(),
  data: text('data').notNull(),
});

export const contractDocuments = sqliteTable(
  'contract_documents',
  {
    id: text('id').primaryKey(),
    contractId: text('contract_id').notNull(),
    kind: text('kind').notNull(),
    round: integer('round').notNull(),
    current: integer('current').notNull(),
    sha256: text('sha256').notNull(),
    reviewStatus: text('review_status').notNull(),
    version: integer('version').notNull(),
    data: text('data').notNull(),
  },
  (t) => [index('contract_documents_contract_idx').on(t.contractId, t.current), index('contract_documents_sha_idx').on(t.sha256)],
);

export const historyEvents = sqliteTable(
  'history_events',
  {
    id: text('id').primaryKey(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    at: text('at').notNull(),
    version: integer('version').notNull(),
    data: text('data').notNull(),
  },
  (t) => [index('history_events_subject_idx').on(t.subjectType, t.subjectId, t.at)],
);

export const specialQueueApplications = sqliteTable(
  'special_queue_applications',
  {
    id: text('id').primaryKey(),
    pmpkOrgId: text('pmpk_org_id').notNull(),
    number: text('number').notNull(),
    status: text('status').notNull(),
    childIin: text('child_iin').notNull(),
    childName: text('child_name').notNull(),
    parentIin: text('parent_iin').notNull(),
    parentName: text('parent_name').notNull(),
    submittedAt: text('submitted_at').notNull(),
    conclusionSha256: text('conclusion_sha256').notNull(),
    version: integer('version').notNull(),
    data: text('data').notNull(),
  },
  (t) => [
    index('special_queue_org_status_idx').on(t.pmpkOrgId, t.status, t.submittedAt),
    index('special_queue_child_iin_idx').on(t.childIin),
  ],
);

/** One row (id = 1): the sync cursor, this installation's client id and the session. */
export const syncState = sqliteTable('sync_state', {
  id: integer('id').primaryKey(),
  clientId: text('client_id').notNull(),
  /** Before the replica had its own file: the cursor, read once when that file is first made (it now lives there). */
  cursor: integer('cursor'),
  /** Set by a `resetRequired` answer or a user switch: the next sync re-bootstraps (the outbox is kept). */
  needsBootstrap: integer('needs_bootstrap').notNull().default(1),
  token: text('token'),
  tokenExpiresAt: text('token_expires_at'),
  user: text('user'),
  lastSyncedAt: text('last_synced_at'),
});

/** One row (id = 1): the current replica file (beside this DB, attached as `replica`) and the DDL of its tables. */
export const replicaLayout = sqliteTable('replica_layout', {
  id: integer('id').primaryKey(),
  file: text('file').notNull(),
  ddl: text('ddl').notNull(),
});

/** Decisions waiting for (or answered by) the server, in the order the user made them. */
export const outbox = sqliteTable(
  'outbox',
  {
    clientSeq: integer('client_seq').primaryKey({ autoIncrement: true }),
    mutationId: text('mutation_id').notNull().unique(),
    name: text('name').notNull(),
    args: text('args').notNull(),
    targetEntity: text('target_entity').notNull(),
    targetId: text('target_id').notNull(),
    baseVersion: integer('base_version').notNull(),
    createdAt: text('created_at').notNull(),
    /** pending → applied (→ retired) | rejected | conflict */
    status: text('status').notNull().default('pending'),
    /** 1 once a pull reported the result, i.e. the server's change log already holds the effect. */
    confirmed: integer('confirmed').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    resultCode: text('result_code'),
    resultMessage: text('result_message'),
    /** The refusal's text parameters (JSON): the UI renders result_code + params in the user's language. */
    resultParams: text('result_params'),
    /** For conflicts: the entity as the server has it now (JSON). */
    current: text('current'),
    answeredAt: text('answered_at'),
  },
  (t) => [index('outbox_status_idx').on(t.status), index('outbox_target_idx').on(t.targetEntity, t.targetId)],
);

/** Persistent download queue of documents (content-addressed). */
export const blobJobs = sqliteTable(
  'blob_jobs',
  {
    sha256: text('sha256').primaryKey(),
    size: integer('size').notNull(),
    mime: text('mime').notNull(),
    /** Lower runs first: 0 = the user is looking at it, 10 = prefetch. */
    priority: integer('priority').notNull().default(10),
    attempts: integer('attempts').notNull().default(0),
    retryAfter: integer('retry_after').notNull().default(0),
    lastError: text('last_error'),
    /** Random AES-256-CTR key of the encrypted `.part` file, so a download can resume without plaintext on disk. */
    partKey: blob('part_key', { mode: 'buffer' }).notNull(),
  },
  (t) => [index('blob_jobs_priority_idx').on(t.priority), index('blob_jobs_retry_idx').on(t.retryAfter)],
);

/** Documents held locally: each file encrypted with its own AES-256-GCM key, kept only here (the DB is encrypted). */
export const blobs = sqliteTable(
  'blobs',
  {
    sha256: text('sha256').primaryKey(),
    size: integer('size').notNull(),
    mime: text('mime').notNull(),
    key: blob('key', { mode: 'buffer' }).notNull(),
    nonce: blob('nonce', { mode: 'buffer' }).notNull(),
    storedAt: text('stored_at').notNull(),
    lastOpenedAt: text('last_opened_at'),
  },
  (t) => [index('blobs_last_opened_idx').on(t.lastOpenedAt)],
);
