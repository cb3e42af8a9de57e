/**
 * `npm run db:export` writes the local database and its replica into one file in SQLCipher 4's default format,
 * keyed by a passphrase: opened the way SQLCipher 4 tools open it (PBKDF2 passphrase, SQLCipher 4 defaults), it
 * holds every row of both files, and the search index answers; without the passphrase it does not open. The installed
 * app, whose key no command line can reach, writes the same export from Settings through its running backend.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/backend';
import { createLogger } from '../../../electron/backend/logger';
import { ftsMatchExpression } from '../../../electron/backend/contracts/search';
import { makeInstallation, type Installation } from '../../support/legacy-database';

const PASSPHRASE = 'Қазақ тілі — correct horse battery';
const silentLogger = createLogger({ console: false });
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

it('the installed app exports from Settings: the running backend writes the same file into its data folder', { timeout: 120_000 }, async () => {
  const backend = await createBackend(
    {
      appVersion: '0.0.0-test',
      mode: 'production',
      dataDir: dir,
      dbKeyHex: key.toString('hex'),
      migrationsFolder: path.resolve('db/migrations'),
      resourcesDir: path.resolve('resources'),
      serverUrl: 'http://127.0.0.1:9',
      ncalayer: { url: 'wss://127.0.0.1:13579', tlsCaPem: null },
      trustedRootsPem: [],
    },
    silentLogger,
  );
  try {
    expect(await backend.call('support.exportDatabase', { passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
    // The export runs in the compute worker: the backend answers meanwhile and keeps writing.
    const exporting = backend.call('support.exportDatabase', { passphrase: PASSPHRASE });
    expect(await backend.call('settings.set', { language: 'ru' })).toEqual({ ok: true, value: { language: 'ru' } });
    const answer = await exporting;
    if (!answer.ok) throw new Error(answer.error.message);
    const { folder, fileName, rows } = answer.value as { folder: string; fileName: string; rows: number };
    expect(folder).toBe(path.join(dir, 'exports'));
    expect(fileName).toMatch(/^qabyl-support-\d{8}-\d{6}\.db$/);
    expect(rows).toBeGreaterThan(300);
    const exported = openAsSqlcipher4(path.join(folder, fileName), PASSPHRASE);
    try {
      expect((exported.prepare('SELECT id FROM contracts ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id)).toEqual(installation.contractIds);
      expect(exported.prepare("SELECT value FROM settings WHERE key = 'probe'").pluck().get()).toBe('Әлия secret-marker');
    } finally {
      exported.close();
    }
  } finally {
    await backend.close();
  }
});
