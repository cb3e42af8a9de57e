/**
 * `npm run db:export` writes the local database and its replica into one file in SQLCipher 4's default format,
 * keyed by a passphrase: opened the way SQLCipher 4 tools open it (PBKDF2 passphrase, SQLCipher 4 defaults), it
 * holds every row of both files, and the search index answers; without the passphrase it does not open.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ftsMatchExpression } from '../../../electron/backend/contracts/search';
import { makeInstallation, type Installation } from '../../support/legacy-database';

const PASSPHRASE = 'Қазақ тілі — correct horse battery';
let dir: string;
let installation: Installation;
const key = randomBytes(32);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qabyl-export-'));
  installation = makeInstallation(path.join(dir, 'qabyl.db'), key, 300);
  fs.writeFileSync(path.join(dir, 'db.key'), key.toString('hex'), { mode: 0o600 });
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const runExport = (out: string, passphrase: string) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'db/cli/export.ts', '--db', path.join(dir, 'qabyl.db'), '--key-file', path.join(dir, 'db.key'), '--out', out], {
    env: { ...process.env, QABYL_EXPORT_PASSPHRASE: passphrase },
  });

/** Opens a file as SQLCipher 4 tools do by default: a passphrase, no other setting. */
function openAsSqlcipher4(file: string, passphrase: string): Database.Database {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma("cipher = 'sqlcipher'");
  sqlite.pragma('legacy = 4');
  sqlite.pragma(`key = '${passphrase.replaceAll("'", "''")}'`);
  return sqlite;
}

it('exports both files into one SQLCipher 4 file that opens with the passphrase', { timeout: 60_000 }, async () => {
  const out = path.join(dir, 'support-export.db');
  const { stdout } = await runExport(out, PASSPHRASE);
  const report = JSON.parse(stdout) as { rows: Record<string, number> };
  expect(report.rows.contracts).toBe(300);

  const exported = openAsSqlcipher4(out, PASSPHRASE);
  try {
    expect((exported.prepare('SELECT id FROM contracts ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id)).toEqual(installation.contractIds);
    expect(exported.prepare("SELECT value FROM settings WHERE key = 'probe'").pluck().get()).toBe('Әлия secret-marker');
    expect(exported.prepare('SELECT cursor FROM replica_meta').pluck().get()).toBe(300);
    expect(exported.prepare('SELECT count(*) FROM contracts_fts WHERE contracts_fts MATCH ?').pluck().get(ftsMatchExpression('Айгерім'))).toBe(150);
    expect(exported.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    exported.close();
  }
  expect(fs.readFileSync(out).includes(Buffer.from('secret-marker'))).toBe(false);
  const wrong = openAsSqlcipher4(out, 'not the passphrase at all');
  expect(() => wrong.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
  wrong.close();
});

it('refuses a short passphrase and an existing output file, writing nothing', { timeout: 60_000 }, async () => {
  const out = path.join(dir, 'short.db');
  await expect(runExport(out, 'short')).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/at least 12 characters/) });
  expect(fs.existsSync(out)).toBe(false);
  fs.writeFileSync(out, 'keep me');
  await expect(runExport(out, PASSPHRASE)).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/exists already/) });
  expect(fs.readFileSync(out, 'utf8')).toBe('keep me');
});
