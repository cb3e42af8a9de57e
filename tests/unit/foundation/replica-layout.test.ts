/**
 * The replica's own file at open: rows of a database from before the split move into a replica file (cursor kept),
 * a migration that changes a replica table gets a new file with the rows copied across, and leftovers are deleted.
 * Migration 0011 (the contracts' derived columns stored) keeps every row, in either layout.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { applyKey, openDatabase, type OpenedDatabase } from '../../../db/open';
import { ReplicaFiles } from '../../../db/replica-files';
import { registerSearchFunctions } from '../../../db/search-functions';
import { ftsMatchExpression } from '../../../electron/backend/contracts/search';
import { Replica } from '../../../electron/backend/sync/replica';
import { SyncStateStore } from '../../../electron/backend/sync/sync-state';
import { tabOfStatus } from '../../../domain/contract-tabs';
import type { Contract } from '../../../domain/entities';
import { contract } from '../contracts/inbox-fixtures';

const migrationsFolder = path.resolve('db/migrations');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qabyl-layout-'));
  dirs.push(dir);
  return dir;
};

const ids = (db: OpenedDatabase) => (db.sqlite.prepare('SELECT id FROM contracts ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
const found = (db: OpenedDatabase, word: string) =>
  (db.sqlite.prepare('SELECT c.id FROM contracts_fts f JOIN contracts c ON c.rowid = f.rowid WHERE contracts_fts MATCH ? ORDER BY c.id').all(ftsMatchExpression(word)) as Array<{ id: string }>).map((r) => r.id);
const mainHas = (db: OpenedDatabase, table: string) => db.sqlite.prepare("SELECT 1 FROM main.sqlite_master WHERE name = ?").get(table) !== undefined;
const replicaFilesIn = (dir: string) => fs.readdirSync(dir).filter((f) => f.includes('.replica-') && f.endsWith('.db'));

function writeContracts(db: OpenedDatabase, names: string[]): void {
  const replica = new Replica(db.sqlite);
  names.forEach((name, i) => replica.apply({ seq: i + 1, entity: 'contract', op: 'upsert', id: `c-${i + 1}`, version: 1, data: contract(i + 1, { child: { ...contract(i + 1).child, fullName: name } }) }));
}


/**
 * The layout from before the replica had its own file: the replica's contract rows copied back into the local
 * database's (restored) replica tables, with the cursor in sync_state. Returns the open connection and the replica file.
 */
function contractsBackInLocalDatabase(file: string, key: Buffer, cursor: number, fillSearchIndex: boolean): { raw: Database.Database; replicaFile: string } {
  const raw = new Database(file);
  applyKey(raw, key);
  registerSearchFunctions(raw);
  new ReplicaFiles(raw, file, key, applyKey).restoreTemplate();
  const replicaFile = path.join(path.dirname(file), (raw.prepare('SELECT file FROM replica_layout').get() as { file: string }).file);
  raw.prepare('ATTACH DATABASE ? AS old KEY ?').run(replicaFile, `x'${key.toString('hex')}'`);
  raw.exec('INSERT INTO main.contracts (id, org_id, number, status, child_iin, child_name, parent_iin, parent_name, submitted_at, due_on, rework_count, version, data) SELECT id, org_id, number, status, child_iin, child_name, parent_iin, parent_name, submitted_at, due_on, rework_count, version, data FROM old.contracts');
  if (fillSearchIndex) {
    raw.exec('INSERT INTO main.contracts_fts(rowid, number, child_name, child_iin, parent_name, parent_iin, tab) SELECT rowid, number, qabyl_fold_name(child_name), child_iin, qabyl_fold_name(parent_name), parent_iin, tab FROM main.contracts');
  }
  raw.exec('DETACH DATABASE old');
  raw.prepare("INSERT INTO sync_state (id, client_id, cursor, needs_bootstrap) VALUES (1, 'client-1', ?, 0)").run(cursor);
  return { raw, replicaFile };
}

it('moves the rows of a database from before the split into a replica file and keeps the cursor', () => {
  const dir = tempDir();
  const file = path.join(dir, 'qabyl.db');
  const key = randomBytes(32);
  const first = openDatabase({ file, key, migrationsFolder });
  writeContracts(first, ['Айгерім Сапарова', 'Нұрсұлтан Ахметов']);
  first.close();

  // The old layout: the replica tables, with their rows and search index, inside the local database.
  const { raw, replicaFile } = contractsBackInLocalDatabase(file, key, 42, false);
  raw.close();
  fs.rmSync(replicaFile);

  const reopened = openDatabase({ file, key, migrationsFolder });
  try {
    expect(ids(reopened)).toEqual(['c-1', 'c-2']);
    expect(found(reopened, 'Нұрсұлтан')).toEqual(['c-2']);
    expect(new SyncStateStore(reopened.sqlite).read()).toMatchObject({ cursor: 42, needsBootstrap: false });
    expect(mainHas(reopened, 'contracts')).toBe(false);
    expect(mainHas(reopened, 'contracts_fts')).toBe(false);
    expect(replicaFilesIn(dir)).toEqual([path.basename(reopened.replica.currentFile())]);
  } finally {
    reopened.close();
  }
});

it('copies the rows into a new replica file when a migration changes a replica table', () => {
  const dir = tempDir();
  const file = path.join(dir, 'qabyl.db');
  const key = randomBytes(32);
  const first = openDatabase({ file, key, migrationsFolder });
  writeContracts(first, ['Айгерім Сапарова']);
  first.sqlite.prepare('UPDATE replica.replica_meta SET cursor = 7').run();
  const firstFile = first.replica.currentFile();
  first.close();

  // The next version of the app adds a column and an index to the contracts table.
  const next = path.join(tempDir(), 'migrations');
  fs.cpSync(migrationsFolder, next, { recursive: true });
  const journalFile = path.join(next, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: Array<{ idx: number; version: string; when: number; tag: string; breakpoints: boolean }> };
  const tag = `${String(journal.entries.length).padStart(4, '0')}_test_change`;
  journal.entries.push({ idx: journal.entries.length, version: '6', when: Date.now(), tag, breakpoints: true });
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  fs.writeFileSync(path.join(next, `${tag}.sql`), 'ALTER TABLE `contracts` ADD `note` text;--> statement-breakpoint\nCREATE INDEX `contracts_note_idx` ON `contracts` (`note`);');

  const upgraded = openDatabase({ file, key, migrationsFolder: next });
  try {
    expect(upgraded.replica.currentFile()).not.toBe(firstFile);
    expect(ids(upgraded)).toEqual(['c-1']);
    expect(found(upgraded, 'Айгерім')).toEqual(['c-1']);
    expect(new SyncStateStore(upgraded.sqlite).read().cursor).toBe(7);
    expect(upgraded.sqlite.prepare("SELECT 1 FROM replica.sqlite_master WHERE name = 'contracts_note_idx'").get()).toBeDefined();
    expect(mainHas(upgraded, 'contracts')).toBe(false);
    expect(replicaFilesIn(dir)).toEqual([path.basename(upgraded.replica.currentFile())]);
  } finally {
    upgraded.close();
  }
});

/** A copy of the migrations as they were before `tag` (the journal and files up to the one before it). */
function migrationsBefore(tag: string): string {
  const folder = path.join(tempDir(), 'migrations');
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: Array<{ tag: string }> };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  for (const entry of journal.entries.slice(at)) fs.rmSync(path.join(folder, `${entry.tag}.sql`));
  fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return folder;
}

const generatedKinds = (db: OpenedDatabase, schema: string) =>
  (db.sqlite.prepare("SELECT name, hidden FROM pragma_table_xinfo('contracts', ?) WHERE hidden IN (2, 3) ORDER BY name").all(schema) as Array<{ name: string; hidden: number }>).map((c) => `${c.name}:${c.hidden === 3 ? 'stored' : 'virtual'}`);

/** Contracts of every tab, with and without a voucher and a group. */
function writeVariedContracts(db: OpenedDatabase): void {
  const replica = new Replica(db.sqlite);
  const statuses = ['submitted', 'rework_requested', 'signed', 'archived'] as const;
  for (let i = 1; i <= 8; i++) {
    const data = contract(i, {
      status: statuses[i % 4],
      isVoucher: i % 2 === 0,
      group: { id: i % 3 === 0 ? null : `grp-${i % 3}`, nameKk: 'Балапан', nameRu: 'Балапан' },
      child: { ...contract(i).child, fullName: i === 1 ? 'Айгерім Сапарова' : `Нұрсұлтан Ахметов ${i}` },
    });
    replica.apply({ seq: i, entity: 'contract', op: 'upsert', id: data.id, version: 1, data });
  }
}

/** Each row's derived columns as stored, and as its JSON says they should be. */
function derived(db: OpenedDatabase) {
  const rows = db.sqlite.prepare('SELECT id, tab, is_voucher AS isVoucher, group_id AS groupId, data FROM contracts ORDER BY id').all() as Array<{ id: string; tab: string; isVoucher: number; groupId: string | null; data: string }>;
  return {
    stored: rows.map((r) => ({ id: r.id, tab: r.tab, isVoucher: r.isVoucher, groupId: r.groupId })),
    fromJson: rows.map((r) => {
      const c = JSON.parse(r.data) as Contract;
      return { id: r.id, tab: tabOfStatus(c.status), isVoucher: Number(c.isVoucher), groupId: c.group.id };
    }),
  };
}

function expectMigratedTo0011(db: OpenedDatabase, cursor: number): void {
  expect(generatedKinds(db, 'replica')).toEqual(['group_id:stored', 'is_voucher:stored', 'tab:stored']);
  const { stored, fromJson } = derived(db);
  expect(stored).toHaveLength(8);
  expect(stored).toEqual(fromJson);
  expect(new Set(stored.map((r) => r.tab))).toEqual(new Set(['review', 'rework', 'signed', 'archive']));
  expect(found(db, 'Айгерім')).toEqual(['c-1']);
  expect(found(db, 'Нұрсұлтан')).toHaveLength(7);
  expect(new SyncStateStore(db.sqlite).read().cursor).toBe(cursor);
  const plan = db.sqlite.prepare("EXPLAIN QUERY PLAN SELECT id FROM contracts WHERE tab = 'review' ORDER BY due_on").all() as Array<{ detail: string }>;
  expect(plan.map((p) => p.detail).join(' ')).toContain('contracts_tab_due_idx');
  expect(mainHas(db, 'contracts')).toBe(false);
}

it('migration 0011 stores the derived columns of a populated replica at the previous schema, rows and search kept', () => {
  const dir = tempDir();
  const file = path.join(dir, 'qabyl.db');
  const key = randomBytes(32);
  const previous = openDatabase({ file, key, migrationsFolder: migrationsBefore('0011_contracts_stored_columns') });
  expect(generatedKinds(previous, 'replica')).toEqual(['group_id:virtual', 'is_voucher:virtual', 'tab:virtual']);
  writeVariedContracts(previous);
  previous.sqlite.prepare('UPDATE replica.replica_meta SET cursor = 8').run();
  const previousFile = previous.replica.currentFile();
  previous.close();

  const migrated = openDatabase({ file, key, migrationsFolder });
  try {
    expect(migrated.replica.currentFile()).not.toBe(previousFile);
    expectMigratedTo0011(migrated, 8);
    expect(replicaFilesIn(dir)).toEqual([path.basename(migrated.replica.currentFile())]);
  } finally {
    migrated.close();
  }
});

it('migration 0011 rebuilds a populated contracts table (a database from before the split), rows and search kept', () => {
  const dir = tempDir();
  const file = path.join(dir, 'qabyl.db');
  const key = randomBytes(32);
  const previous = openDatabase({ file, key, migrationsFolder: migrationsBefore('0011_contracts_stored_columns') });
  writeVariedContracts(previous);
  previous.close();

  // The rows, at the previous schema, inside the local database, as an installation from before the split has them.
  const { raw, replicaFile } = contractsBackInLocalDatabase(file, key, 5, true);
  // No replica file yet, as before the split: the migration runs on the populated table itself.
  raw.exec('DELETE FROM replica_layout');
  raw.close();
  fs.rmSync(replicaFile);

  const migrated = openDatabase({ file, key, migrationsFolder });
  try {
    expectMigratedTo0011(migrated, 5);
  } finally {
    migrated.close();
  }
});
