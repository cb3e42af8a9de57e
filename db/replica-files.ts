/**
 * The replica — the server's rows, their indexes and search index — lives in its own encrypted file beside the local
 * database and is attached to it as `replica`; the local database keeps what only this installation has (outbox,
 * session, audit, documents) and the name of the current replica file. A bootstrap builds a fresh file beside the
 * live one, and switching to it is one small commit of that name, so the UI reads the old replica until then.
 *
 * Two WAL databases never commit atomically together, so the order carries the guarantee: the new file is complete
 * and on disk (rows, indexes, search index and its own cursor) before the local database commits the pointer; that
 * commit is the switch; every replica file that is not the pointer is a leftover, deleted at open.
 *
 * The migrations still describe the replica tables in the local database: after migrating, their DDL is captured
 * (stored with the pointer) and the tables are dropped there, so unqualified names resolve to the attached replica.
 * Before the next migrations they are re-created empty from that DDL; a changed DDL gets a new replica file with the
 * rows copied across.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { keyLiteral } from './cipher';
import { writableColumns } from './database-copy';
import { fsyncPath, removeDatabaseFile } from './file-sync';
import { allReplicaTableNames, replicaFtsNames, replicaTables } from './replica-tables';
import { rebuildSearchIndex, registerSearchFunctions } from './search-functions';

export interface ReplicaDdl {
  tables: string[];
  indexes: string[];
  triggers: string[];
}

/** The steps of a switch, in order; crash tests kill the process at each. */
export type SwitchStep = 'built' | 'committed' | 'attached' | 'cleaned';

const REPLICA_CACHE_KIB = 40 * 1024;
/**
 * The cache limit of a replica file being built. Pages are allocated as used, so this is the most a build holds: every
 * page of a bootstrap up to ~100k rows (~170 MB with its indexes) stays in memory, each index build then reads the
 * table without decrypting it again, and the memory goes when the builder closes.
 */
const BUILD_CACHE_KIB = 192 * 1024;
/**
 * FTS5 buffers this many bytes of index entries before writing a segment (default 1 MB): a one-pass rebuild writes
 * fewer, larger segments and merges less.
 */
const BUILD_FTS_HASH_BYTES = 32 * 1024 * 1024;
const REPLICA_META_DDL = 'CREATE TABLE replica_meta (id INTEGER PRIMARY KEY CHECK (id = 1), cursor INTEGER, built_at TEXT NOT NULL)';
const replicaObjectNames = new Set([...allReplicaTableNames, ...replicaFtsNames]);


/** The DDL of the replica tables (with their indexes, triggers and FTS tables) as stored in `schema`. */
export function captureReplicaDdl(sqlite: Database.Database, schema = 'main'): ReplicaDdl {
  const rows = sqlite.prepare(`SELECT type, name, tbl_name AS tbl, sql FROM ${schema}.sqlite_master WHERE sql IS NOT NULL ORDER BY rowid`).all() as Array<{
    type: string;
    name: string;
    tbl: string;
    sql: string;
  }>;
  return {
    tables: rows.filter((r) => r.type === 'table' && replicaObjectNames.has(r.name)).map((r) => r.sql),
    indexes: rows.filter((r) => r.type === 'index' && replicaObjectNames.has(r.tbl)).map((r) => r.sql),
    triggers: rows.filter((r) => r.type === 'trigger' && replicaObjectNames.has(r.tbl)).map((r) => r.sql),
  };
}

/**
 * A new replica file loaded in bulk: nothing reads it until its pointer is committed, so it is written without a
 * journal or syncs (a crash leaves a leftover), rows first, then indexes, search index and triggers in one pass each,
 * then one fsync.
 */
export class ReplicaFileBuilder {
  readonly sqlite: Database.Database;

  constructor(
    readonly file: string,
    private readonly key: Uint8Array,
    private readonly ddl: ReplicaDdl,
    applyKey: (sqlite: Database.Database, key: Uint8Array) => void,
  ) {
    removeDatabaseFile(file);
    this.sqlite = new Database(file);
    try {
      applyKey(this.sqlite, key);
      registerSearchFunctions(this.sqlite);
      this.sqlite.pragma('journal_mode = OFF');
      this.sqlite.pragma('synchronous = OFF');
      this.sqlite.pragma('main.locking_mode = EXCLUSIVE');
      this.sqlite.pragma('temp_store = MEMORY');
      // Index builds sort and re-read the whole table: a cache that holds it saves one decryption per index.
      this.sqlite.pragma(`cache_size = -${BUILD_CACHE_KIB}`);
      this.sqlite.exec(REPLICA_META_DDL);
      for (const sql of ddl.tables) this.sqlite.exec(sql);
    } catch (error) {
      this.abandon();
      throw error;
    }
  }

  /** Copies every row of the replica tables found in another database file (an older replica or a legacy DB). */
  copyFrom(sourceFile: string): void {
    this.sqlite.prepare('ATTACH DATABASE ? AS source KEY ?').run(sourceFile, keyLiteral(this.key));
    try {
      for (const table of allReplicaTableNames) {
        const present = this.sqlite.prepare("SELECT 1 FROM source.sqlite_master WHERE type = 'table' AND name = ?").get(table);
        if (!present) continue;
        const from = new Set(writableColumns(this.sqlite, 'source', table));
        const columns = writableColumns(this.sqlite, 'main', table).filter((c) => from.has(c));
        const list = columns.map((c) => `"${c}"`).join(', ');
        this.sqlite.exec(`INSERT INTO main."${table}" (${list}) SELECT ${list} FROM source."${table}"`);
      }
    } finally {
      this.sqlite.exec('DETACH DATABASE source');
    }
  }

  /** Row count of each replica table, to verify a load against what the server announced. */
  counts(): Record<string, number> {
    return Object.fromEntries(
      allReplicaTableNames.map((t) => [t, (this.sqlite.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]),
    );
  }

  /** Builds indexes, search index and triggers, records the cursor, and syncs the file to disk once. */
  finish(cursor: number | null, builtAt: string): void {
    this.sqlite.transaction(() => {
      for (const sql of this.ddl.indexes) this.sqlite.exec(sql);
      for (const spec of Object.values(replicaTables)) {
        if (!spec.fts) continue;
        this.sqlite.exec(`INSERT INTO ${spec.fts}(${spec.fts}, rank) VALUES ('hashsize', ${BUILD_FTS_HASH_BYTES})`);
        rebuildSearchIndex(this.sqlite, spec.table, spec.fts);
      }
      for (const sql of this.ddl.triggers) this.sqlite.exec(sql);
      this.sqlite.prepare('INSERT INTO replica_meta (id, cursor, built_at) VALUES (1, ?, ?)').run(cursor, builtAt);
    })();
    this.sqlite.pragma('main.locking_mode = NORMAL');
    this.sqlite.pragma('journal_mode = WAL');
    this.sqlite.close();
    fsyncPath(this.file);
    fsyncPath(path.dirname(this.file));
  }

  abandon(): void {
    if (this.sqlite?.open) this.sqlite.close();
    removeDatabaseFile(this.file);
  }
}

interface LayoutRow {
  file: string;
  ddl: string;
}

/** The current replica file of one local database: where new ones go, the DDL they get, and the switch. */
export class ReplicaFiles {
  private readonly dir: string;
  private readonly prefix: string;

  constructor(
    private readonly sqlite: Database.Database,
    mainFile: string,
    readonly key: Uint8Array,
    private readonly applyKey: (sqlite: Database.Database, key: Uint8Array) => void,
  ) {
    this.dir = path.dirname(mainFile);
    this.prefix = `${path.basename(mainFile)}.replica-`;
  }

  private layout(): LayoutRow | null {
    const exists = this.sqlite.prepare("SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = 'replica_layout'").get();
    if (!exists) return null;
    return (this.sqlite.prepare('SELECT file, ddl FROM main.replica_layout WHERE id = 1').get() as LayoutRow | undefined) ?? null;
  }

  ddl(): ReplicaDdl {
    const row = this.layout();
    if (!row) throw new Error('the replica layout is not set up');
    return JSON.parse(row.ddl) as ReplicaDdl;
  }

  currentFile(): string {
    const row = this.layout();
    if (!row) throw new Error('the replica layout is not set up');
    return path.join(this.dir, row.file);
  }

  /** A fresh name beside the live replica (never the name of an existing file). */
  nextFile(): string {
    return path.join(this.dir, `${this.prefix}${Date.now().toString(36)}-${crypto.randomBytes(4).toString('hex')}.db`);
  }

  builder(file: string, ddl = this.ddl()): ReplicaFileBuilder {
    return new ReplicaFileBuilder(file, this.key, ddl, this.applyKey);
  }

  /**
   * Switches to a finished replica file: one commit in the local database holds the pointer and the caller's steps
   * (they must be idempotent: after a crash between this commit and the attachment they are not repeated, before it
   * they are), then the attachment follows the pointer and the old file goes — deleted off this thread (unlinking a
   * replica of a gigabyte waits for the file system; a crash before it leaves a leftover the next open deletes).
   */
  async switchTo(file: string, inSameCommit: () => void, onStep: (step: SwitchStep) => void = () => undefined): Promise<void> {
    onStep('built');
    this.sqlite.transaction(() => {
      this.sqlite.prepare('UPDATE main.replica_layout SET file = ? WHERE id = 1').run(path.basename(file));
      inSameCommit();
    })();
    onStep('committed');
    this.sqlite.exec('DETACH DATABASE replica');
    this.attachCurrent();
    onStep('attached');
    await Promise.all(this.leftovers().map((name) => fs.promises.rm(path.join(this.dir, name), { force: true })));
    onStep('cleaned');
  }

  attachCurrent(): void {
    this.sqlite.prepare('ATTACH DATABASE ? AS replica KEY ?').run(this.currentFile(), keyLiteral(this.key));
    this.sqlite.pragma('replica.journal_mode = WAL');
    this.sqlite.pragma('replica.synchronous = FULL');
    // The inbox reads the covering sort indexes and the search index of the replica (~60 MB at 100k contracts): a
    // cache holding most of them spares a decryption per page read, within the backend's 300 MB memory budget.
    this.sqlite.pragma(`replica.cache_size = -${REPLICA_CACHE_KIB}`);
  }

  /** Deletes replica files other than the current one (unfinished builds, replaced replicas). */
  removeLeftovers(): void {
    for (const name of this.leftovers()) fs.rmSync(path.join(this.dir, name), { force: true });
  }

  private leftovers(): string[] {
    const current = path.basename(this.currentFile());
    return fs.readdirSync(this.dir).filter((name) => name.startsWith(this.prefix) && name !== current && !name.startsWith(`${current}-`));
  }

  /** Before migrations: the replica tables exist again in the local database (empty) so migrations can change them. */
  restoreTemplate(): void {
    const row = this.layout();
    if (!row) return;
    const ddl = JSON.parse(row.ddl) as ReplicaDdl;
    this.sqlite.transaction(() => {
      for (const sql of [...ddl.tables, ...ddl.indexes, ...ddl.triggers]) this.sqlite.exec(sql);
    })();
  }

  /**
   * After migrations: moves the replica tables out of the local database. Their rows (a database from before the
   * split) or the rows of a replica with an older DDL are copied into a new replica file first.
   */
  settle(legacyCursor: () => number | null, now: string, mainFile: string): void {
    const ddl = captureReplicaDdl(this.sqlite);
    if (ddl.tables.length === 0) return;
    const previous = this.layout();
    const ddlJson = JSON.stringify(ddl);
    const hasRows = allReplicaTableNames.some((t) => this.sqlite.prepare(`SELECT EXISTS (SELECT 1 FROM main."${t}") AS x`).pluck().get() === 1);
    const previousFile = previous ? path.join(this.dir, previous.file) : null;
    const previousUsable = previousFile !== null && fs.existsSync(previousFile);
    let file = previous?.file ?? null;
    if (hasRows || !previousUsable || previous?.ddl !== ddlJson) {
      const target = this.nextFile();
      const builder = this.builder(target, ddl);
      try {
        let cursor: number | null = null;
        if (hasRows) {
          builder.copyFrom(mainFile);
          cursor = legacyCursor();
        } else if (previousUsable) {
          builder.copyFrom(previousFile);
          cursor = this.cursorOf(previousFile);
        }
        builder.finish(cursor, now);
      } catch (error) {
        builder.abandon();
        throw error;
      }
      file = path.basename(target);
    }
    this.sqlite.transaction(() => {
      this.sqlite.prepare('INSERT INTO main.replica_layout (id, file, ddl) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET file = excluded.file, ddl = excluded.ddl').run(file, ddlJson);
      for (const table of allReplicaTableNames) this.sqlite.exec(`DROP TABLE IF EXISTS main."${table}"`);
      for (const fts of replicaFtsNames) this.sqlite.exec(`DROP TABLE IF EXISTS main."${fts}"`);
    })();
  }

  private cursorOf(file: string): number | null {
    const other = new Database(file, { readonly: true });
    try {
      this.applyKey(other, this.key);
      return (other.prepare('SELECT cursor FROM replica_meta WHERE id = 1').pluck().get() as number | null | undefined) ?? null;
    } finally {
      other.close();
    }
  }
}
