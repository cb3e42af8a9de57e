/**
 * The re-encryption of a legacy database is SIGKILLed at every point of it — each file's checkpoint, the middle of
 * its copy, the finished copy and the rename, for the replica file and then the local database — and the database
 * is opened again: every row is there exactly once, the search index and cursor too, both files end under the
 * current cipher, and no half-written copy is left.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CURRENT_CIPHER, detectCipher } from '../../../db/cipher';
import { openDatabase } from '../../../db/open';
import { ftsMatchExpression } from '../../../electron/backend/contracts/search';
import { makeLegacyInstallation, migrationsFolder, type Installation } from '../../support/legacy-database';

const CONTRACTS = 6_000;
const childScript = path.resolve('tests/integration/db/support/reencrypt-child.ts');
const key = randomBytes(32);
let root: string;
let legacy: Installation;

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'qabyl-reencrypt-crash-'));
  fs.mkdirSync(path.join(root, 'template'));
  legacy = makeLegacyInstallation(path.join(root, 'template', 'qabyl.db'), key, CONTRACTS);
}, 120_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function runChild(file: string, killAt: string): Promise<{ signal: NodeJS.Signals | null; code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, file, key.toString('hex'), killAt], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, output }));
  });
}

const points = ['checkpointed', 'copying', 'copied', 'renamed'].flatMap((point) => [1, 2].map((n) => `${point}:${n}`));

it.each(points)('loses and duplicates nothing when killed at %s', { timeout: 120_000 }, async (killAt) => {
  const dir = path.join(root, killAt.replace(':', '-'));
  fs.cpSync(path.join(root, 'template'), dir, { recursive: true });
  const file = path.join(dir, 'qabyl.db');

  const run = await runChild(file, killAt);
  expect(run.signal, run.output).toBe('SIGKILL');

  const db = openDatabase({ file, key, migrationsFolder });
  try {
    const ids = (db.sqlite.prepare('SELECT id FROM contracts ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
    expect(ids).toEqual(legacy.contractIds);
    expect(db.sqlite.prepare('SELECT count(*) FROM contracts_fts WHERE contracts_fts MATCH ?').pluck().get(ftsMatchExpression('Айгерім'))).toBe(CONTRACTS / 2);
    expect(db.sqlite.prepare("SELECT value FROM settings WHERE key = 'probe'").pluck().get()).toBe('Әлия secret-marker');
    expect(db.sqlite.prepare('SELECT cursor FROM replica.replica_meta').pluck().get()).toBe(CONTRACTS);
    expect(db.sqlite.pragma('replica.integrity_check', { simple: true })).toBe('ok');
    expect(db.sqlite.pragma('main.integrity_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
  expect(detectCipher(file, key)).toBe(CURRENT_CIPHER);
  expect(detectCipher(path.join(dir, path.basename(legacy.replicaFile)), key)).toBe(CURRENT_CIPHER);
  expect(fs.readdirSync(dir).filter((f) => f.includes('.reencrypt'))).toEqual([]);
});
