/**
 * One-time re-encryption of a local database written under the legacy cipher (SQLCipher 4) into the current one
 * (AEGIS-256X2), at start-up before the database is opened. Each file is copied into a new file beside it under the
 * new cipher, synced, and renamed over the old one: a rename is atomic, so after a crash every file is either still
 * the complete legacy file (and is redone) or the complete new one; a half-written copy is a leftover, deleted.
 * The current replica file goes first and the local database last, so a local database under the current cipher
 * means the whole set is done. The legacy local database is kept as a backup beside it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CURRENT_CIPHER, detectCipher, keyWith, LEGACY_CIPHER } from './cipher';
import { copyDatabaseInto } from './database-copy';
import { fsyncPath, removeDatabaseFile } from './file-sync';

export interface ReencryptProgress {
  /** Base name of the file being re-encrypted. */
  file: string;
  /** 1-based position of that file and how many there are. */
  fileNumber: number;
  files: number;
  rowsDone: number;
  rowsTotal: number;
}

/** Steps of one file's re-encryption, in order; crash tests kill the process at each. */
export type ReencryptStep = 'checkpointed' | 'copied' | 'renamed';

export interface ReencryptOptions {
  onProgress?: (progress: ReencryptProgress) => void;
  onStep?: (step: ReencryptStep, file: string) => void;
  /** Receives the path of the legacy local database's backup. */
  onBackup?: (backupFile: string) => void;
}

const TEMP_SUFFIX = '.reencrypt';
export const legacyBackupFile = (mainFile: string) => `${mainFile}.bak-sqlcipher4`;

/**
 * Folds the legacy file's WAL into it and leaves it in rollback-journal mode, so no WAL of the old file can
 * outlive the rename and be replayed onto the new one. Returns what `read` reads from it meanwhile.
 */
function settleLegacyFile<T>(file: string, key: Uint8Array, read: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    if (!keyWith(sqlite, key, LEGACY_CIPHER)) throw new Error(`${path.basename(file)} no longer decrypts under the legacy cipher`);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    sqlite.pragma('journal_mode = DELETE');
    return read(sqlite);
  } finally {
    sqlite.close();
  }
}

function reencryptFile(file: string, key: Uint8Array, onRows: (done: number, total: number) => void, onStep: (step: ReencryptStep, file: string) => void): void {
  settleLegacyFile(file, key, () => undefined);
  onStep('checkpointed', file);
  const temp = file + TEMP_SUFFIX;
  removeDatabaseFile(temp);
  const target = new Database(temp);
  try {
    if (!keyWith(target, key, CURRENT_CIPHER)) throw new Error('a new database file does not accept the key');
    // Nothing reads the copy before the rename, and a crash leaves it as a leftover: no journal, no syncs but one.
    target.pragma('journal_mode = OFF');
    target.pragma('synchronous = OFF');
    target.pragma('cache_size = -65536');
    copyDatabaseInto(target, file, LEGACY_CIPHER, key, ({ rowsDone, rowsTotal }) => onRows(rowsDone, rowsTotal));
  } catch (error) {
    target.close();
    removeDatabaseFile(temp);
    throw error;
  }
  target.close();
  fsyncPath(temp);
  onStep('copied', file);
  fs.renameSync(temp, file);
  fs.rmSync(`${file}-shm`, { force: true });
  fsyncPath(path.dirname(file));
  onStep('renamed', file);
}

function currentReplicaFile(mainFile: string, sqlite: Database.Database): string | null {
  const hasLayout = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'replica_layout'").get();
  if (!hasLayout) return null;
  const name = sqlite.prepare('SELECT file FROM replica_layout WHERE id = 1').pluck().get() as string | undefined;
  return name ? path.join(path.dirname(mainFile), name) : null;
}

/**
 * Re-encrypts `mainFile` and its current replica file when the local database is still under the legacy cipher.
 * Returns false when there was nothing to do (no file yet, or already the current cipher).
 */
export function reencryptLegacyDatabase(mainFile: string, key: Uint8Array, options: ReencryptOptions = {}): boolean {
  const dir = path.dirname(mainFile);
  if (fs.existsSync(dir)) {
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith(path.basename(mainFile)) && name.includes(TEMP_SUFFIX)) fs.rmSync(path.join(dir, name), { force: true });
    }
  }
  if (!fs.existsSync(mainFile) || detectCipher(mainFile, key) !== LEGACY_CIPHER) return false;

  const replica = settleLegacyFile(mainFile, key, (sqlite) => currentReplicaFile(mainFile, sqlite));
  const backup = legacyBackupFile(mainFile);
  fs.copyFileSync(mainFile, backup);
  fsyncPath(backup);
  options.onBackup?.(backup);

  const files = [...(replica && fs.existsSync(replica) && detectCipher(replica, key) === LEGACY_CIPHER ? [replica] : []), mainFile];
  files.forEach((file, index) => {
    const report = (rowsDone: number, rowsTotal: number) =>
      options.onProgress?.({ file: path.basename(file), fileNumber: index + 1, files: files.length, rowsDone, rowsTotal });
    report(0, 0);
    reencryptFile(file, key, report, options.onStep ?? (() => undefined));
  });
  return true;
}
