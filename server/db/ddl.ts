/**
 * Create-if-missing DDL for the tables in schema.ts. Idempotent, run at every start; bump SCHEMA_VERSION and add
 * statements (never edit old ones) when the schema grows.
 */
export const SCHEMA_VERSION = 2;

export const ddlStatements: readonly string[] = [
  `CREATE SEQUENCE IF NOT EXISTS change_seq`,
  `CREATE TABLE IF NOT EXISTS entities (
     entity text NOT NULL, id text NOT NULL, org_id text NOT NULL, version integer NOT NULL,
     data jsonb NOT NULL, deleted boolean NOT NULL DEFAULT false, PRIMARY KEY (entity, id))`,
  `CREATE INDEX IF NOT EXISTS entities_org_idx ON entities (org_id, entity)`,
  `CREATE INDEX IF NOT EXISTS entities_staff_iin_idx ON entities ((data->>'iin')) WHERE entity = 'staff'`,
  `CREATE INDEX IF NOT EXISTS entities_contract_idx ON entities ((data->>'contractId')) WHERE entity IN ('contractDocument')`,
  `CREATE INDEX IF NOT EXISTS entities_subject_idx ON entities ((data->>'subjectId')) WHERE entity = 'historyEvent'`,
  `CREATE TABLE IF NOT EXISTS changes (
     seq bigint PRIMARY KEY, entity text NOT NULL, id text NOT NULL, org_id text NOT NULL,
     op text NOT NULL CHECK (op IN ('upsert','delete')), version integer NOT NULL)`,
  `CREATE UNIQUE INDEX IF NOT EXISTS changes_row_idx ON changes (entity, id)`,
  `CREATE INDEX IF NOT EXISTS changes_org_seq_idx ON changes (org_id, seq)`,
  `CREATE TABLE IF NOT EXISTS sync_meta (key text PRIMARY KEY, value bigint NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS clients (
     client_id text PRIMARY KEY, user_iin text NOT NULL, scope_key text NOT NULL, last_client_seq integer NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS mutation_results (
     client_id text NOT NULL, client_seq integer NOT NULL, mutation_id text NOT NULL, name text NOT NULL,
     status text NOT NULL CHECK (status IN ('applied','rejected','conflict')), code text, message text, current jsonb,
     result_seq bigint NOT NULL, recorded_at timestamptz NOT NULL, PRIMARY KEY (client_id, client_seq))`,
  `CREATE UNIQUE INDEX IF NOT EXISTS mutation_results_id_idx ON mutation_results (client_id, mutation_id)`,
  `CREATE TABLE IF NOT EXISTS challenges (nonce text PRIMARY KEY, expires_at timestamptz NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS sessions (token_hash text PRIMARY KEY, user_iin text NOT NULL, expires_at timestamptz NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS blobs (sha256 text PRIMARY KEY, mime text NOT NULL, size integer NOT NULL, bytes bytea NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS blob_refs (sha256 text NOT NULL, org_id text NOT NULL, PRIMARY KEY (sha256, org_id))`,
  `CREATE TABLE IF NOT EXISTS notifications (
     id text PRIMARY KEY, parent_iin text NOT NULL, subject_type text NOT NULL, subject_id text NOT NULL,
     kind text NOT NULL, text_kk text NOT NULL, text_ru text NOT NULL, created_at timestamptz NOT NULL, seq bigint NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS notifications_parent_idx ON notifications (parent_iin, seq)`,
  // Version 2: places of kindergarten groups. The counters are the authority the group rows mirror; the CHECK
  // makes the database itself refuse a write that would hold more places than the group has.
  `CREATE TABLE IF NOT EXISTS group_places (
     group_id text PRIMARY KEY, org_id text NOT NULL, capacity integer NOT NULL, enrolled integer NOT NULL DEFAULT 0,
     reserved integer NOT NULL DEFAULT 0, special_needs integer NOT NULL DEFAULT 0,
     CHECK (enrolled >= 0 AND reserved >= 0 AND special_needs >= 0 AND enrolled + reserved <= capacity))`,
  `CREATE TABLE IF NOT EXISTS group_holds (
     contract_id text PRIMARY KEY, group_id text NOT NULL REFERENCES group_places (group_id),
     state text NOT NULL CHECK (state IN ('reserved','enrolled')), special_needs boolean NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS group_holds_group_idx ON group_holds (group_id)`,
];
