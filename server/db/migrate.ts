/**
 * Versioned schema migrations of the server database: the SQL files drizzle-kit writes to server/db/migrations
 * (`npm run db:generate:server`). Every instance calls migrate() at start; an advisory lock lets exactly one of them
 * apply what is missing while the others wait and then find nothing to do. A database already migrated past what this
 * build knows (a newer server wrote it) is refused rather than served with a schema this code does not understand.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable, ServerDb } from './connect';
import { lockKeys } from './lock-keys';
import { rowsOf } from './rows';

export const SERVER_MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export interface Migration {
  idx: number;
  tag: string;
  hash: string;
  statements: string[];
}

const journalSchema = z.object({ entries: z.array(z.object({ idx: z.number().int().min(0), tag: z.string().regex(/^[0-9]{4}_[a-z0-9_]+$/) })) });

export function readMigrations(folder: string = SERVER_MIGRATIONS_FOLDER): Migration[] {
  const journal = journalSchema.parse(JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')));
  return journal.entries.map(({ idx, tag }) => {
    const text = readFileSync(path.join(folder, `${tag}.sql`), 'utf8');
    const statements = text.split('--> statement-breakpoint').map((s) => s.trim()).filter((s) => s.length > 0);
    return { idx, tag, hash: createHash('sha256').update(text).digest('hex'), statements };
  });
}

export class DatabaseNewerError extends Error {
  readonly code = 'DB_FROM_NEWER_VERSION';
  constructor(readonly databaseVersion: number, readonly knownVersion: number, newest: string) {
    super(
      `The server database is at schema version ${databaseVersion} (last migration ${newest}), but this server knows only ` +
        `${knownVersion}: it was migrated by a newer server. Run that version, or restore a backup taken before the upgrade.`,
    );
    this.name = 'DatabaseNewerError';
  }
}

export class MigrationMismatchError extends Error {
  readonly code = 'DB_MIGRATION_MISMATCH';
  constructor(tag: string) {
    super(`Migration ${tag} recorded in the database differs from this server's file: the schema history was edited.`);
    this.name = 'MigrationMismatchError';
  }
}

export interface MigrationOutcome {
  /** Tags applied by this call (empty when another instance, or an earlier start, already did). */
  applied: string[];
  schemaVersion: number;
}

const appliedRowSchema = z.object({ idx: z.coerce.number(), tag: z.string(), hash: z.string() });

/**
 * Applies the missing migrations in one transaction under a transaction-scoped advisory lock: concurrent starts
 * queue on the lock, and a failed migration leaves the database as it was (PostgreSQL DDL is transactional).
 */
export async function migrate(db: ServerDb, migrations: readonly Migration[] = readMigrations()): Promise<MigrationOutcome> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${lockKeys.migrations})`);
    await tx.execute(sql`CREATE TABLE IF NOT EXISTS server_migrations (
      idx integer PRIMARY KEY, tag text NOT NULL, hash text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    await adoptUnversionedSchema(tx, migrations);
    const applied = rowsOf<unknown>(await tx.execute(sql`SELECT idx, tag, hash FROM server_migrations ORDER BY idx`)).map((r) => appliedRowSchema.parse(r));
    const newest = applied[applied.length - 1];
    if (newest && newest.idx >= migrations.length) throw new DatabaseNewerError(newest.idx + 1, migrations.length, newest.tag);
    for (const row of applied) {
      if (migrations[row.idx]?.hash !== row.hash) throw new MigrationMismatchError(row.tag);
    }
    const missing = migrations.slice(applied.length);
    for (const migration of missing) {
      for (const statement of migration.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`INSERT INTO server_migrations (idx, tag, hash) VALUES (${migration.idx}, ${migration.tag}, ${migration.hash})`);
    }
    return { applied: missing.map((m) => m.tag), schemaVersion: migrations.length };
  });
}

/**
 * Servers before versioned migrations created the first schema with create-if-missing statements and recorded
 * `schema_version` 1 in sync_meta; such a database already has migration 0000, so it is recorded as applied.
 */
async function adoptUnversionedSchema(tx: Queryable, migrations: readonly Migration[]): Promise<void> {
  const first = migrations[0];
  if (!first) return;
  const state = rowsOf<{ versioned: boolean; legacy: boolean }>(
    await tx.execute(sql`SELECT EXISTS (SELECT 1 FROM server_migrations) AS versioned, to_regclass('sync_meta') IS NOT NULL AS legacy`),
  )[0];
  if (!state || state.versioned || !state.legacy) return;
  await tx.execute(sql`INSERT INTO server_migrations (idx, tag, hash) VALUES (${first.idx}, ${first.tag}, ${first.hash})`);
}
