import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { knownSchemaVersion, openDatabase } from '../../../db/open';
import { settings } from '../../../db/schema';
import { AppError } from '../../../domain/envelope';

const migrationsFolder = path.resolve('db/migrations');
const dirs: string[] = [];
const tempFile = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qabyl-db-'));
  dirs.push(dir);
  return path.join(dir, 'qabyl.db');
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const secret = 'Әлия Нұрланқызы 950101400123 secret-marker';

describe('openDatabase', () => {
  it('encrypts the file: no SQLite header and no plaintext, yet reads the value back', () => {
    const file = tempFile();
    const key = randomBytes(32);
    const first = openDatabase({ file, key, migrationsFolder });
    first.db.insert(settings).values({ key: 'probe', value: secret }).run();
    first.close();

    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from(secret))).toBe(false);
    expect(bytes.includes(Buffer.from('secret-marker'))).toBe(false);

    const again = openDatabase({ file, key, migrationsFolder });
    expect(again.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get('probe')).toEqual({ value: secret });
    again.close();
  });

  it('plain SQLite cannot read it', () => {
    const file = tempFile();
    openDatabase({ file, key: randomBytes(32), migrationsFolder }).close();
    const plain = new Database(file);
    expect(() => plain.prepare('SELECT * FROM sqlite_master').all()).toThrow(/not a database/);
    plain.close();
  });

  it('a wrong key gives a clear typed error, not a crash', () => {
    const file = tempFile();
    openDatabase({ file, key: randomBytes(32), migrationsFolder }).close();
    let caught: unknown;
    try {
      openDatabase({ file, key: randomBytes(32), migrationsFolder });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('DB_KEY_INVALID');
    expect((caught as AppError).message).toMatch(/cannot be decrypted/);
  });

  it('sets and reads back the durability pragmas', () => {
    const opened = openDatabase({ file: tempFile(), key: randomBytes(32), migrationsFolder });
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
    expect(opened.schemaVersion).toBe(knownSchemaVersion(migrationsFolder));
    opened.close();
  });

  it('refuses a database written by a newer schema version', () => {
    const file = tempFile();
    const key = randomBytes(32);
    const opened = openDatabase({ file, key, migrationsFolder });
    opened.sqlite.pragma(`user_version = ${opened.schemaVersion + 5}`);
    opened.close();
    expect(() => openDatabase({ file, key, migrationsFolder })).toThrow(expect.objectContaining({ code: 'DB_FROM_NEWER_VERSION' }));
  });

  it('backs up the file before migrating an older schema', () => {
    const file = tempFile();
    const key = randomBytes(32);
    const opened = openDatabase({ file, key, migrationsFolder });
    opened.sqlite.pragma('user_version = 1'); // pretend only the first migration ran
    opened.close();
    const backups: string[] = [];
    openDatabase({ file, key, migrationsFolder, onBackup: (b) => backups.push(b) }).close();
    expect(backups).toEqual([`${file}.bak-v1`]);
    expect(fs.existsSync(`${file}.bak-v1`)).toBe(true);
  });

  it('runs quick_check after an unclean shutdown (marker left behind)', () => {
    const file = tempFile();
    const key = randomBytes(32);
    const opened = openDatabase({ file, key, migrationsFolder });
    opened.sqlite.close(); // no clean close: the marker stays
    const reopened = openDatabase({ file, key, migrationsFolder });
    expect(reopened.recoveredFromUncleanShutdown).toBe(true);
    reopened.close();
    const clean = openDatabase({ file, key, migrationsFolder });
    expect(clean.recoveredFromUncleanShutdown).toBe(false);
    clean.close();
  });
});
