/**
 * Copies a whole database — tables, rows, search indexes, indexes, triggers, views, AUTOINCREMENT counters and
 * user_version — from a file encrypted one way into an open connection encrypted another way: the re-encryption
 * of a legacy file and the support export both use it. Virtual tables are re-created from their SQL and their
 * shadow tables copied as they are, so a search index is carried over without a rebuild.
 */
import type Database from 'better-sqlite3';
import { keyLiteral, selectCipher, type CipherScheme } from './cipher';

export interface CopyProgress {
  rowsDone: number;
  rowsTotal: number;
}

interface SchemaObject {
  type: string;
  name: string;
  sql: string;
}

interface TableInfo {
  name: string;
  type: string;
  wr: number;
}

const ROWS_PER_SLICE = 5_000;
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Columns a copy can write: stored, not generated (hidden = 2 or 3) nor virtual-table hidden (1). */
export function writableColumns(sqlite: Database.Database, schema: string, table: string): string[] {
  return (sqlite.prepare('SELECT name, hidden FROM pragma_table_xinfo(?, ?)').all(table, schema) as Array<{ name: string; hidden: number }>)
    .filter((c) => c.hidden === 0)
    .map((c) => c.name);
}

function copyTableRows(sqlite: Database.Database, table: TableInfo, onRows: (n: number) => void): void {
  const list = writableColumns(sqlite, 'source', table.name).map(quote).join(', ');
  const target = `main.${quote(table.name)}`;
  const from = `source.${quote(table.name)}`;
  if (table.wr === 1) {
    onRows(sqlite.prepare(`INSERT INTO ${target} (${list}) SELECT ${list} FROM ${from}`).run().changes);
    return;
  }
  // Slices by rowid, so progress moves through large tables too.
  const slice = sqlite.prepare(`INSERT INTO ${target} (rowid, ${list}) SELECT rowid, ${list} FROM ${from} WHERE rowid > ? ORDER BY rowid LIMIT ${ROWS_PER_SLICE}`);
  const last = sqlite.prepare(`SELECT max(rowid) FROM ${target}`).pluck();
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const copied = slice.run(after).changes;
    if (copied === 0) return;
    onRows(copied);
    after = last.get() as number;
  }
}

/**
 * Copies every object of `sourceFile` (keyed with `key` under `sourceScheme`) into the database open as `target`'s
 * main schema (empty, or holding only objects of other names), in one transaction; returns the row count per table,
 * checked against the source. user_version and application_id become the source's.
 */
export function copyDatabaseInto(
  target: Database.Database,
  sourceFile: string,
  sourceScheme: CipherScheme,
  key: Uint8Array,
  onProgress: (progress: CopyProgress) => void = () => undefined,
): Record<string, number> {
  selectCipher(target, sourceScheme);
  target.prepare('ATTACH DATABASE ? AS source KEY ?').run(sourceFile, keyLiteral(key));
  // Shadow tables are written directly, which SQLite's defensive mode (on by default here) forbids.
  target.unsafeMode(true);
  try {
    const objects = target.prepare("SELECT type, name, sql FROM source.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid").all() as SchemaObject[];
    const tables = (target.prepare("SELECT name, type, wr FROM pragma_table_list WHERE schema = 'source' AND name NOT LIKE 'sqlite_%'").all() as TableInfo[]).filter(
      (t) => t.type === 'table' || t.type === 'shadow',
    );
    const rowsTotal = tables.reduce((sum, t) => sum + (target.prepare(`SELECT count(*) FROM source.${quote(t.name)}`).pluck().get() as number), 0);
    const counts: Record<string, number> = {};
    let rowsDone = 0;
    const shadows = new Set(tables.filter((t) => t.type === 'shadow').map((t) => t.name));
    target.transaction(() => {
      // Shadow tables come with their virtual table.
      for (const o of objects) if (o.type === 'table' && !shadows.has(o.name)) target.exec(o.sql);
      // A virtual table's creation fills its shadow tables with its initial records: the source's replace them.
      for (const t of tables) if (t.type === 'shadow') target.exec(`DELETE FROM main.${quote(t.name)}`);
      for (const t of tables) {
        counts[t.name] = 0;
        copyTableRows(target, t, (n) => {
          counts[t.name]! += n;
          rowsDone += n;
          onProgress({ rowsDone, rowsTotal });
        });
      }
      const sequence = target.prepare("SELECT 1 FROM source.sqlite_master WHERE name = 'sqlite_sequence'").get();
      if (sequence) {
        target.exec('DELETE FROM main.sqlite_sequence WHERE name IN (SELECT name FROM source.sqlite_sequence)');
        target.exec('INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM source.sqlite_sequence');
      }
      if (target.prepare("SELECT 1 FROM source.sqlite_master WHERE name = 'sqlite_stat1'").get()) {
        // The planner's statistics: ANALYZE of the (tiny) schema table creates their table, the source's rows fill it.
        target.exec('ANALYZE main.sqlite_master');
        target.exec('DELETE FROM main.sqlite_stat1');
        target.exec('INSERT INTO main.sqlite_stat1 (tbl, idx, stat) SELECT tbl, idx, stat FROM source.sqlite_stat1');
      }
      for (const type of ['index', 'view', 'trigger']) for (const o of objects) if (o.type === type) target.exec(o.sql);
      target.pragma(`main.user_version = ${Number(target.pragma('source.user_version', { simple: true }))}`);
      target.pragma(`main.application_id = ${Number(target.pragma('source.application_id', { simple: true }))}`);
    })();
    for (const t of tables) {
      const copied = target.prepare(`SELECT count(*) FROM main.${quote(t.name)}`).pluck().get() as number;
      if (copied !== counts[t.name]) throw new Error(`copy of ${t.name}: ${copied} rows in the copy, ${counts[t.name]} copied`);
      const source = target.prepare(`SELECT count(*) FROM source.${quote(t.name)}`).pluck().get() as number;
      if (copied !== source) throw new Error(`copy of ${t.name}: ${copied} rows in the copy, ${source} in the source`);
    }
    return counts;
  } finally {
    target.unsafeMode(false);
    target.exec('DETACH DATABASE source');
  }
}
