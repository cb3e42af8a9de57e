/**
 * Central server storage (PostgreSQL via drizzle; PGlite embeds the same engine). Synced entities are stored as
 * zod-validated JSON documents keyed by (entity, id) with the organisation that scopes them, so one generic change
 * log serves every entity. The change log keeps only the latest change per row ("latest op per row").
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, customType, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { TextParams } from '../../domain/text/text-ref';
import type { RevocationCheck } from '../../domain/pki/revocation';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const entities = pgTable(
  'entities',
  {
    entity: text('entity').notNull(),
    id: text('id').notNull(),
    /** The organisation whose staff may see the row (kindergarten or PMPK). */
    orgId: text('org_id').notNull(),
    version: integer('version').notNull(),
    data: jsonb('data').notNull(),
    deleted: boolean('deleted').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.entity, t.id] }),
    index('entities_org_idx').on(t.orgId, t.entity),
    index('entities_staff_iin_idx').on(sql`(${t.data}->>'iin')`).where(sql`${t.entity} = 'staff'`),
    index('entities_contract_idx').on(sql`(${t.data}->>'contractId')`).where(sql`${t.entity} IN ('contractDocument')`),
    index('entities_subject_idx').on(sql`(${t.data}->>'subjectId')`).where(sql`${t.entity} = 'historyEvent'`),
  ],
);

/** One sequence orders every change and mutation result; a pull cursor is a position in it. */
export const changeSeq = pgSequence('change_seq');

export const changes = pgTable(
  'changes',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    entity: text('entity').notNull(),
    id: text('id').notNull(),
    orgId: text('org_id').notNull(),
    op: text('op', { enum: ['upsert', 'delete'] }).notNull(),
    version: integer('version').notNull(),
  },
  (t) => [
    uniqueIndex('changes_row_idx').on(t.entity, t.id),
    index('changes_org_seq_idx').on(t.orgId, t.seq),
    check('changes_op_check', sql`${t.op} IN ('upsert', 'delete')`),
  ],
);

/** Single-row bookkeeping: the oldest cursor still served (older → resetRequired: cursorExpired). */
export const syncMeta = pgTable('sync_meta', {
  key: text('key').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull(),
});

export const clients = pgTable('clients', {
  clientId: text('client_id').primaryKey(),
  userIin: text('user_iin').notNull(),
  /** The organisations the client's data covers; a different scope at pull time requires a re-bootstrap. */
  scopeKey: text('scope_key').notNull(),
  lastClientSeq: integer('last_client_seq').notNull(),
});

export const mutationResults = pgTable(
  'mutation_results',
  {
    clientId: text('client_id').notNull(),
    clientSeq: integer('client_seq').notNull(),
    mutationId: text('mutation_id').notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: ['applied', 'rejected', 'conflict'] }).notNull(),
    code: text('code'),
    message: text('message'),
    params: jsonb('params').$type<TextParams>(),
    current: jsonb('current'),
    /** Position in the global sequence, so pull can report results the client has not seen yet. */
    resultSeq: bigint('result_seq', { mode: 'number' }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.clientId, t.clientSeq] }),
    uniqueIndex('mutation_results_id_idx').on(t.clientId, t.mutationId),
    check('mutation_results_status_check', sql`${t.status} IN ('applied', 'rejected', 'conflict')`),
  ],
);

export const challenges = pgTable('challenges', {
  nonce: text('nonce').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
});

export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userIin: text('user_iin').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
  /** The AUTH certificate the user logged in with, and its revocation check at login (null: not checked, demo). */
  certSerial: text('cert_serial'),
  revocation: jsonb('revocation').$type<RevocationCheck>(),
});

export const blobs = pgTable('blobs', {
  sha256: text('sha256').primaryKey(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  /** The bytes when kept in PostgreSQL; null when they live in the object store (blobs/object-store.ts). */
  bytes: bytea('bytes'),
});

/** Which organisations' staff may download a blob (a blob can be shared by several rows). */
export const blobRefs = pgTable('blob_refs', {
  sha256: text('sha256').notNull(),
  orgId: text('org_id').notNull(),
}, (t) => [primaryKey({ columns: [t.sha256, t.orgId] })]);

export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    parentIin: text('parent_iin').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    kind: text('kind').notNull(),
    textKk: text('text_kk').notNull(),
    textRu: text('text_ru').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
  },
  (t) => [index('notifications_parent_idx').on(t.parentIin, t.seq)],
);

/** Places of a group: the authority for reservations (row-locked while an offer takes a place). */
export const groupPlaces = pgTable(
  'group_places',
  {
    groupId: text('group_id').primaryKey(),
    orgId: text('org_id').notNull(),
    capacity: integer('capacity').notNull(),
    enrolled: integer('enrolled').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    specialNeeds: integer('special_needs').notNull().default(0),
  },
  // The database itself refuses a write that would hold more places than the group has.
  (t) => [check('group_places_held', sql`${t.enrolled} >= 0 AND ${t.reserved} >= 0 AND ${t.specialNeeds} >= 0 AND ${t.enrolled} + ${t.reserved} <= ${t.capacity}`)],
);

/** The place a contract holds: reserved while the offer is pending, enrolled once the head signed. */
export const groupHolds = pgTable(
  'group_holds',
  {
    contractId: text('contract_id').primaryKey(),
    groupId: text('group_id').notNull().references(() => groupPlaces.groupId),
    state: text('state', { enum: ['reserved', 'enrolled'] }).notNull(),
    specialNeeds: boolean('special_needs').notNull(),
  },
  (t) => [index('group_holds_group_idx').on(t.groupId), check('group_holds_state', sql`${t.state} IN ('reserved', 'enrolled')`)],
);
