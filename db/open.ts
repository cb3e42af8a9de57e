/**
 * Opens the local encrypted database: key, pragmas (read back and asserted), an integrity check after an unclean
 * shutdown, a backup before migrating, and a refusal to open a DB written by a newer version of the app.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { AppError } from '../domain/envelope';
import { applyKey } from './cipher';
import { reencryptLegacyDatabase, type ReencryptProgress } from './reencrypt';
import { ReplicaFiles } from './replica-files';
import * as schema from './schema';
import { registerSearchFunctions } from './search-functions';

export { applyKey, DB_KEY_BYTES } from './cipher';

export type LocalDb = BetterSQLite3Database<typeof schema>;

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: LocalDb;
  /** Number of migrations applied: the schema version shown in «О программе». */
  schemaVersion: number;
  /** True when the previous run did not close the DB cleanly and quick_check ran. */
  recoveredFromUncleanShutdown: boolean;
  /** The replica's own file, attached as `replica` (bootstraps build a new one and switch to it). */
  replica: ReplicaFiles;
  close(): void;
}

export interface OpenDatabaseOptions {
  file: string;
  /** 32 raw bytes; the pages are encrypted with AEGIS-256X2 (db/cipher.ts). */
  key: Uint8Array;
  migrationsFolder: string;
  /** Called before a migration changes an existing DB; receives the backup path. */
  onBackup?: (backupFile: string) => void;
  /** Progress of the one-time re-encryption of a database from the legacy cipher (before it is opened). */
  onReencryptProgress?: (progress: ReencryptProgress) => void;
}

interface Journal {
  entries: Array<{ idx: number; tag: string }>;
}

export function knownSchemaVersion(migrationsFolder: string): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries.length;
}

const markerFile = (file: string) => `${file}.open`;

function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const expected: Record<string, string | number> = { journal_mode: 'wal', synchronous: 2, foreign_keys: 1, busy_timeout: 5000 };
  for (const [name, value] of Object.entries(expected)) {
    const actual = sqlite.pragma(name, { simple: true });
    if (actual !== value) throw new AppError('DB_PRAGMA', `PRAGMA ${name} is ${String(actual)}, expected ${String(value)}.`);
  }
}

export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  const { file, key, migrationsFolder } = options;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  reencryptLegacyDatabase(file, key, {
    ...(options.onBackup ? { onBackup: options.onBackup } : {}),
    ...(options.onReencryptProgress ? { onProgress: options.onReencryptProgress } : {}),
  });
  const existed = fs.existsSync(file);
  const unclean = existed && fs.existsSync(markerFile(file));

  const sqlite = new Database(file);
  try {
    applyKey(sqlite, key);
    applyPragmas(sqlite);
    registerSearchFunctions(sqlite);

    if (unclean) {
      const result = sqlite.pragma('quick_check', { simple: true });
      if (result !== 'ok') throw new AppError('DB_CORRUPT', `The local database failed its integrity check: ${String(result)}`);
    }

    const known = knownSchemaVersion(migrationsFolder);
    const current = sqlite.pragma('user_version', { simple: true }) as number;
    if (current > known) {
      throw new AppError(
        'DB_FROM_NEWER_VERSION',
        `The local database was written by a newer version of Qabyl (schema ${current}, this version knows ${known}). Update Qabyl.`,
        { current, known },
      );
    }
    if (current < known && current > 0) {
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const backup = `${file}.bak-v${current}`;
      fs.copyFileSync(file, backup);
      options.onBackup?.(backup);
    }

    const replica = new ReplicaFiles(sqlite, file, key, applyKey);
    if (current < known) replica.restoreTemplate();
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder });
    sqlite.pragma(`user_version = ${known}`);
    replica.settle(() => (sqlite.prepare('SELECT cursor FROM main.sync_state WHERE id = 1').pluck().get() as number | null | undefined) ?? null, new Date().toISOString(), file);
    replica.attachCurrent();
    if (unclean) {
      const result = sqlite.pragma('replica.quick_check', { simple: true });
      if (result !== 'ok') throw new AppError('DB_CORRUPT', `The local replica failed its integrity check: ${String(result)}`);
    }
    replica.removeLeftovers();

    fs.writeFileSync(markerFile(file), String(process.pid));
    return {
      sqlite,
      db,
      schemaVersion: known,
      recoveredFromUncleanShutdown: unclean,
      replica,
      close() {
        if (!sqlite.open) return;
        sqlite.pragma('wal_checkpoint(TRUNCATE)');
        sqlite.close();
        fs.rmSync(markerFile(file), { force: true });
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
