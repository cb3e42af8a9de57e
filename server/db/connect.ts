/** Opens the server database: embedded PGlite (in memory or a data directory) or a real PostgreSQL via node-postgres. */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema';
import { lockKeys } from './lock-keys';
import { migrate } from './migrate';

export type ServerDb = PgDatabase<PgQueryResultHKT, typeof schema>;
export type ServerTx = Parameters<Parameters<ServerDb['transaction']>[0]>[0];
/** Either the database or a transaction: every store function accepts both. */
export type Queryable = ServerDb | ServerTx;

export interface DatabaseHandle {
  db: ServerDb;
  driver: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: 'pglite'; dataDir?: string } | { kind: 'postgres'; url: string };

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 8 });
    const db = drizzlePg(pool, { schema }) as unknown as ServerDb;
    await prepare(db).catch(async (error: unknown) => {
      await pool.end();
      throw error;
    });
    return { db, driver: 'postgres', close: () => pool.end() };
  }
  if (target.dataDir) await mkdir(target.dataDir, { recursive: true }); // PGlite creates only the last level
  const client = new PGlite(target.dataDir);
  const db = drizzlePglite(client, { schema }) as unknown as ServerDb;
  await prepare(db).catch(async (error: unknown) => {
    await client.close();
    throw error;
  });
  return { db, driver: 'pglite', close: () => client.close() };
}

/** Brings the schema up to date, then gives a fresh database its first change-sequence position. */
async function prepare(db: ServerDb): Promise<void> {
  await migrate(db);
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${lockKeys.migrations})`);
    const existing = await tx.select().from(schema.syncMeta).where(eq(schema.syncMeta.key, 'min_cursor'));
    if (existing.length > 0) return;
    // A fresh database starts its change sequence above any cursor a client may keep from an earlier database
    // (the demo server runs in memory): such a cursor is then below min_cursor and the client re-bootstraps.
    const base = Date.now();
    await tx.execute(sql.raw(`SELECT setval('change_seq', ${base}, false)`));
    await tx.insert(schema.syncMeta).values({ key: 'min_cursor', value: base - 1 });
  });
}

/** Every writing transaction takes this lock so change sequence numbers become visible in commit order. */
export async function lockWrites(tx: ServerTx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${lockKeys.changeLog})`);
}

/** Readers of the change log take the shared side, so they never see a gap that a later commit fills. */
export async function lockReads(tx: ServerTx): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock_shared(${lockKeys.changeLog})`);
}
