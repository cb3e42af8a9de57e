/**
 * The databases the server suites run against: embedded PGlite always, and a real PostgreSQL when
 * TEST_DATABASE_URL is set (CI). Each PostgreSQL run gets its own schema, dropped afterwards, so reruns start clean.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '../../../server/db/connect';

export interface TestDatabase {
  name: string;
  /** Creates the database (schema) and returns where the server should connect; later calls return the same one. */
  open(): Promise<DatabaseTarget>;
  /** Drops what open() created. */
  drop(): Promise<void>;
}

export const postgresUrl = process.env.TEST_DATABASE_URL;
if (!postgresUrl) console.warn('TEST_DATABASE_URL is not set: the server suites run against PGlite only (CI runs PostgreSQL too).');

/** Runs one statement on its own connection (schema setup outside the server's pool). */
export async function runOnPostgres(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export function postgresDatabase(url: string): TestDatabase {
  const schema = `qabyl_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let created: Promise<void> | null = null;
  return {
    name: 'PostgreSQL',
    open: async () => {
      created ??= runOnPostgres(url, `CREATE SCHEMA ${schema}`);
      await created;
      const target = new URL(url);
      target.searchParams.set('options', `-c search_path=${schema}`);
      return { kind: 'postgres', url: target.toString() };
    },
    drop: () => runOnPostgres(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`),
  };
}

/** PGlite in a temporary data directory, so the same database can be closed and opened again. */
export function pgliteDirectoryDatabase(): TestDatabase {
  let dir: Promise<string> | null = null;
  return {
    name: 'PGlite',
    open: async () => {
      dir ??= mkdtemp(path.join(os.tmpdir(), 'qabyl-pglite-'));
      return { kind: 'pglite', dataDir: await dir };
    },
    drop: async () => {
      if (dir) await rm(await dir, { recursive: true, force: true });
    },
  };
}

/** A fresh pair (PGlite in memory, PostgreSQL when configured) for each caller. */
export function makeTestDatabases(): TestDatabase[] {
  return [{ name: 'PGlite', open: async () => ({ kind: 'pglite' }), drop: async () => {} }, ...(postgresUrl ? [postgresDatabase(postgresUrl)] : [])];
}

export const testDatabases: TestDatabase[] = makeTestDatabases();
