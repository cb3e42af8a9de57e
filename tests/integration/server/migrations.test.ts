// Versioned server migrations on PGlite (a data directory, reopened) and PostgreSQL (TEST_DATABASE_URL): applied once
// under the advisory lock even when instances start together, a database written by a newer server is refused, a
// database from the create-if-missing era is adopted, and a new migration file is applied on the next start.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { openDatabase, type DatabaseHandle, type ServerDb } from '../../../server/db/connect';
import { migrate, readMigrations, SERVER_MIGRATIONS_FOLDER } from '../../../server/db/migrate';
import { rowsOf } from '../../../server/db/rows';
import { pgliteDirectoryDatabase, postgresDatabase, postgresUrl, type TestDatabase } from './database-targets';

const kinds: { name: string; make: () => TestDatabase }[] = [{ name: 'PGlite', make: pgliteDirectoryDatabase }];
const url = postgresUrl;
if (url) kinds.push({ name: 'PostgreSQL', make: () => postgresDatabase(url) });

async function appliedTags(handle: DatabaseHandle): Promise<string[]> {
  return rowsOf<{ tag: string }>(await handle.db.execute(sql`SELECT tag FROM server_migrations ORDER BY idx`)).map((r) => r.tag);
}

describe.each(kinds)('server migrations on $name', ({ make }) => {
  const databases: TestDatabase[] = [];
  const handles: DatabaseHandle[] = [];
  const fresh = () => {
    const database = make();
    databases.push(database);
    return database;
  };
  const open = async (database: TestDatabase) => {
    const handle = await openDatabase(await database.open());
    handles.push(handle);
    return handle;
  };
  afterEach(async () => {
    for (const handle of handles.splice(0)) await handle.close();
  });
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  it('creates the schema from the migration files and records each one once', async () => {
    const database = fresh();
    const handle = await open(database);
    const known = readMigrations().map((m) => m.tag);
    expect(await appliedTags(handle)).toEqual(known);
    const tables = rowsOf<{ name: string }>(
      await handle.db.execute(sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`),
    ).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['entities', 'changes', 'clients', 'mutation_results', 'blobs', 'sync_meta', 'server_migrations']));
    // Applying again (another start) changes nothing.
    expect((await migrate(handle.db)).applied).toEqual([]);
    expect(await appliedTags(handle)).toEqual(known);
  });

  it('applies the migrations exactly once when starts race', async () => {
    const database = fresh();
    const target = await database.open();
    const known = readMigrations().map((m) => m.tag);
    if (target.kind === 'postgres') {
      // Separate pools, as separate instances have.
      await Promise.all([0, 1, 2].map(() => open(database)));
      expect(await appliedTags(handles[0]!)).toEqual(known);
      return;
    }
    // One embedded engine, several concurrent callers on an empty database.
    const engine = new PGlite();
    try {
      const db = drizzle(engine) as unknown as ServerDb;
      const outcomes = await Promise.all([0, 1, 2].map(() => migrate(db)));
      expect(outcomes.map((o) => o.applied).sort((a, b) => b.length - a.length)).toEqual([known, [], []]);
    } finally {
      await engine.close();
    }
  });

  it('refuses a database migrated by a newer server, with a clear error', async () => {
    const database = fresh();
    const handle = await open(database);
    const next = readMigrations().length;
    await handle.db.execute(sql`INSERT INTO server_migrations (idx, tag, hash) VALUES (${next}, ${`${String(next).padStart(4, '0')}_from_the_future`}, 'x')`);
    await handle.close();
    handles.splice(0);
    await expect(openDatabase(await database.open())).rejects.toMatchObject({
      code: 'DB_FROM_NEWER_VERSION',
      message: expect.stringContaining('newer server'),
    });
  });

  it('adopts a database created before versioned migrations and keeps its data', async () => {
    const database = fresh();
    const handle = await open(database);
    // What an unversioned server left behind: the schema of migration 0000 alone, no migration table.
    await handle.db.execute(
      sql.raw(`DO $$ DECLARE r record; BEGIN
        FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP EXECUTE 'DROP TABLE ' || quote_ident(r.tablename) || ' CASCADE'; END LOOP;
        FOR r IN SELECT sequencename FROM pg_sequences WHERE schemaname = current_schema() LOOP EXECUTE 'DROP SEQUENCE ' || quote_ident(r.sequencename); END LOOP;
      END $$`),
    );
    for (const statement of readMigrations()[0]!.statements) await handle.db.execute(sql.raw(statement));
    await handle.db.execute(sql`INSERT INTO sync_meta (key, value) VALUES ('schema_version', 1)`);
    await handle.db.execute(sql`INSERT INTO clients (client_id, user_iin, scope_key, last_client_seq) VALUES ('c1', '1', 'k', 4)`);
    await handle.close();
    handles.splice(0);
    const reopened = await open(database);
    expect(await appliedTags(reopened)).toEqual(readMigrations().map((m) => m.tag));
    const kept = rowsOf<{ last: number }>(await reopened.db.execute(sql`SELECT last_client_seq AS last FROM clients WHERE client_id = 'c1'`));
    expect(kept).toEqual([{ last: 4 }]);
  });

  it('applies a new migration file on the next start, and a failing one leaves nothing behind', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'qabyl-server-migrations-'));
    try {
      await cp(SERVER_MIGRATIONS_FOLDER, folder, { recursive: true });
      const database = fresh();
      const handle = await open(database);
      const journalFile = path.join(folder, 'meta', '_journal.json');
      const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: { idx: number; tag: string }[] };
      const idx = journal.entries.length;
      const tag = `${String(idx).padStart(4, '0')}_test_extra`;
      await writeFile(journalFile, JSON.stringify({ ...journal, entries: [...journal.entries, { ...journal.entries[0], idx, tag }] }));

      await writeFile(path.join(folder, `${tag}.sql`), 'CREATE TABLE extra_a (id text);\n--> statement-breakpoint\nSELECT 1/0;');
      await expect(migrate(handle.db, readMigrations(folder))).rejects.toThrow();
      expect(rowsOf(await handle.db.execute(sql`SELECT to_regclass('extra_a') AS t`))).toEqual([{ t: null }]);

      await writeFile(path.join(folder, `${tag}.sql`), 'CREATE TABLE extra_a (id text);');
      expect((await migrate(handle.db, readMigrations(folder))).applied).toEqual([tag]);
      expect(await appliedTags(handle)).toContain(tag);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
