/**
 * The support export: the local database and its replica merged into one file that standard SQLCipher tools open
 * with a passphrase chosen for the export, in SQLCipher 4's default format (the sqlcipher 4 shell, DB Browser for
 * SQLite with "SQLCipher 4 defaults"); sqlcipher 3 shells are too old for the schema (generated columns, FTS5).
 * The app's own files use AEGIS, which those tools cannot read.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CURRENT_CIPHER, keyWith, LEGACY_CIPHER, selectCipher } from './cipher';
import { copyDatabaseInto, type CopyProgress } from './database-copy';
import { fsyncPath, removeDatabaseFile } from './file-sync';
import { SUPPORT_EXPORT_MIN_PASSPHRASE as MIN_PASSPHRASE } from '../domain/api/app';

export interface ExportOptions {
  /** The local database file (its replica file is found through it). */
  file: string;
  key: Uint8Array;
  out: string;
  /** The export's passphrase: the format's key derivation (PBKDF2) makes the page key from it. */
  passphrase: string;
  onProgress?: (stage: 'replica' | 'local', progress: CopyProgress) => void;
}

function replicaFileOf(file: string, key: Uint8Array): string {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (!keyWith(sqlite, key, CURRENT_CIPHER)) throw new Error('The local database cannot be decrypted with this key.');
    const name = sqlite.prepare('SELECT file FROM replica_layout WHERE id = 1').pluck().get() as string | undefined;
    if (!name) throw new Error('The local database names no replica file.');
    return path.join(path.dirname(file), name);
  } finally {
    sqlite.close();
  }
}

/** Writes the export; the output must not exist yet. Returns the row count per table. */
export function exportDatabase(options: ExportOptions): Record<string, number> {
  if (options.passphrase.length < MIN_PASSPHRASE) throw new Error(`The export passphrase must have at least ${MIN_PASSPHRASE} characters.`);
  if (fs.existsSync(options.out)) throw new Error(`${options.out} exists already; choose a new file.`);
  const replicaFile = replicaFileOf(options.file, options.key);
  const target = new Database(options.out);
  try {
    // SQLCipher 4's format is the legacy cipher's, here with a passphrase instead of a raw key.
    selectCipher(target, LEGACY_CIPHER);
    target.pragma(`key = '${options.passphrase.replaceAll("'", "''")}'`);
    // The replica first: the local database's user_version (the schema version) is the one the export keeps.
    const counts = {
      ...copyDatabaseInto(target, replicaFile, CURRENT_CIPHER, options.key, (p) => options.onProgress?.('replica', p)),
      ...copyDatabaseInto(target, options.file, CURRENT_CIPHER, options.key, (p) => options.onProgress?.('local', p)),
    };
    target.close();
    fsyncPath(options.out);
    return counts;
  } catch (error) {
    target.close();
    removeDatabaseFile(options.out);
    throw error;
  }
}
