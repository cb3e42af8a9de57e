/**
 * The databases the server suites run against: embedded PGlite always, and a real PostgreSQL when
 * TEST_DATABASE_URL is set (CI). Each PostgreSQL run gets its own schema, dropped afterwards, so reruns start clean.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { DatabaseTarget } from '../../../server/db/connect';

export interface TestDatabase {
  name: string;
  /** Creates the database (schema) and returns where the server should connect. */
  open(): Promise<DatabaseTarget>;
  /** Drops what open() created. */
  drop(): Promise<void>;
}

const postgresUrl = process.env.TEST_DATABASE_URL;
if (!postgresUrl) console.warn('TEST_DATABASE_URL is not set: the server suites run against PGlite only (CI runs PostgreSQL too).');

function postgresDatabase(url: string): TestDatabase {
  const schema = `qabyl_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  return {
    name: 'PostgreSQL',
    open: async () => {
      await run(`CREATE SCHEMA ${schema}`);
      const target = new URL(url);
      target.searchParams.set('options', `-c search_path=${schema}`);
      return { kind: 'postgres', url: target.toString() };
    },
    drop: () => run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
  };
}

export const testDatabases: TestDatabase[] = [
  { name: 'PGlite', open: async () => ({ kind: 'pglite' }), drop: async () => {} },
  ...(postgresUrl ? [postgresDatabase(postgresUrl)] : []),
];
