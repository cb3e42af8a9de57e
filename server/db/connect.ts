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
  /** The LISTEN side of the change feed (events/change-feed.ts). */
  listener: NotificationSource;
  close(): Promise<void>;
}

/** Delivers NOTIFY payloads of one channel; onLost tells that notifications may have been missed (reconnecting). */
export interface NotificationSource {
  listen(channel: string, onPayload: (payload: string) => void, onState: (listening: boolean) => void): Promise<() => Promise<void>>;
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
    return { db, driver: 'postgres', listener: postgresListener(target.url), close: () => pool.end() };
  }
  if (target.dataDir) await mkdir(target.dataDir, { recursive: true }); // PGlite creates only the last level
  const client = new PGlite(target.dataDir);
  const db = drizzlePglite(client, { schema }) as unknown as ServerDb;
  await prepare(db).catch(async (error: unknown) => {
    await client.close();
    throw error;
  });
  const listener: NotificationSource = {
    listen: async (channel, onPayload, onState) => {
      const unlisten = await client.listen(channel, onPayload);
      onState(true);
      return unlisten;
    },
  };
  return { db, driver: 'pglite', listener, close: () => client.close() };
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

/**
 * A dedicated connection (LISTEN needs one that is never returned to a pool), reconnected with a bounded backoff
 * after a failure until the returned stop function is called. The first connection must succeed.
 */
function postgresListener(url: string): NotificationSource {
  return {
    async listen(channel, onPayload, onState) {
      let stopped = false;
      let client: pg.Client | null = null;
      let retryTimer: NodeJS.Timeout | null = null;
      const retry = (attempt: number) => {
        if (!stopped) retryTimer = setTimeout(() => void connect(attempt, false), Math.min(5000, 100 * 2 ** Math.min(attempt, 6)));
      };
      const connect = async (attempt: number, initial: boolean): Promise<void> => {
        const next = new pg.Client({ connectionString: url });
        const lost = () => {
          if (client !== next) return;
          client = null;
          onState(false);
          void next.end().catch(() => undefined);
          retry(0);
        };
        next.on('error', lost);
        next.on('end', lost);
        next.on('notification', (message) => {
          if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
        });
        try {
          await next.connect();
          await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        } catch (error) {
          await next.end().catch(() => undefined);
          if (initial) throw error;
          retry(attempt + 1);
          return;
        }
        if (stopped) return void (await next.end());
        client = next;
        onState(true);
      };
      await connect(0, true);
      return async () => {
        stopped = true;
        if (retryTimer) clearTimeout(retryTimer);
        const current = client;
        client = null;
        if (current) await current.end().catch(() => undefined);
      };
    },
  };
}
