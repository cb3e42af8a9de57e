/**
 * A local database left by an earlier version (SQLCipher 4, replica in its own file) is re-encrypted with the current
 * cipher when it is opened: every row, the search index and the cursor are kept, progress is reported, the legacy
 * file is kept as a backup, and the new files open only with the current cipher.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { CURRENT_CIPHER, detectCipher, LEGACY_CIPHER } from '../../../db/cipher';
import { openDatabase } from '../../../db/open';
import { legacyBackupFile, type ReencryptProgress } from '../../../db/reencrypt';
import { ftsMatchExpression } from '../../../electron/backend/contracts/search';
import { makeLegacyInstallation, migrationsFolder } from '../../support/legacy-database';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qabyl-reencrypt-'));
  dirs.push(dir);
  return dir;
};

it('re-encrypts a legacy database and its replica once, keeping every row, the search index and the cursor', () => {
  const dir = tempDir();
  const file = path.join(dir, 'qabyl.db');
  const key = randomBytes(32);
  const legacy = makeLegacyInstallation(file, key, 12_000);
  expect(detectCipher(file, key)).toBe(LEGACY_CIPHER);
  expect(detectCipher(legacy.replicaFile, key)).toBe(LEGACY_CIPHER);

  const progress: ReencryptProgress[] = [];
  const backups: string[] = [];
  const db = openDatabase({ file, key, migrationsFolder, onReencryptProgress: (p) => progress.push(p), onBackup: (b) => backups.push(b) });
  try {
    expect((db.sqlite.prepare('SELECT id FROM contracts ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id)).toEqual(legacy.contractIds);
    const found = db.sqlite.prepare('SELECT count(*) FROM contracts_fts WHERE contracts_fts MATCH ?').pluck().get(ftsMatchExpression('Нұрсұлтан'));
    expect(found).toBe(6_000);
    expect(db.sqlite.prepare("SELECT value FROM settings WHERE key = 'probe'").pluck().get()).toBe('Әлия secret-marker');
    expect(db.sqlite.prepare('SELECT cursor FROM replica.replica_meta').pluck().get()).toBe(12_000);
    expect(db.replica.currentFile()).toBe(legacy.replicaFile);
    expect(db.sqlite.pragma('replica.integrity_check', { simple: true })).toBe('ok');
    expect(db.sqlite.pragma('main.integrity_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }

  expect(detectCipher(file, key)).toBe(CURRENT_CIPHER);
  expect(detectCipher(legacy.replicaFile, key)).toBe(CURRENT_CIPHER);
  expect(backups).toEqual([legacyBackupFile(file)]);
  expect(detectCipher(legacyBackupFile(file), key)).toBe(LEGACY_CIPHER);
  expect(fs.readdirSync(dir).filter((f) => f.includes('.reencrypt'))).toEqual([]);
  for (const f of [file, legacy.replicaFile]) expect(fs.readFileSync(f).includes(Buffer.from('secret-marker'))).toBe(false);

  // Progress: the replica first, then the local database, rows only ever growing up to each file's total.
  expect([...new Set(progress.map((p) => p.file))]).toEqual([path.basename(legacy.replicaFile), 'qabyl.db']);
  for (const name of new Set(progress.map((p) => p.file))) {
    const own = progress.filter((p) => p.file === name);
    own.slice(1).forEach((p, i) => expect(p.rowsDone).toBeGreaterThanOrEqual(own[i]!.rowsDone));
    expect(own.at(-1)!.rowsDone).toBe(own.at(-1)!.rowsTotal);
  }
  expect(progress.filter((p) => p.file !== 'qabyl.db').length).toBeGreaterThan(3);

  // Done once: the next open has nothing to re-encrypt.
  const again: ReencryptProgress[] = [];
  openDatabase({ file, key, migrationsFolder, onReencryptProgress: (p) => again.push(p) }).close();
  expect(again).toEqual([]);
});

it('refuses a wrong key for a legacy database without touching it', () => {
  const dir = tempDir();
  const file = path.join(dir, 'qabyl.db');
  const key = randomBytes(32);
  makeLegacyInstallation(file, key, 10);
  const before = fs.readFileSync(file);
  expect(() => openDatabase({ file, key: randomBytes(32), migrationsFolder })).toThrow(/cannot be decrypted/);
  expect(fs.readFileSync(file).equals(before)).toBe(true);
  expect(detectCipher(file, key)).toBe(LEGACY_CIPHER);
});
