/**
 * SQL functions the schema itself calls (the search-index triggers): registered on every connection before it
 * migrates or writes, so the index is folded by the same rule the queries use.
 */
import type Database from 'better-sqlite3';
import { foldName } from '../domain/name-search';

export function registerSearchFunctions(sqlite: Database.Database): void {
  sqlite.function('qabyl_fold_name', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? foldName(text) : text));
}

/** The search-index columns that hold folded names; every other index column is its table column as it is. */
const foldedColumns = new Set(['child_name', 'parent_name']);

/** Refills a folded search index from its table in one pass (after a bootstrap swapped the table in). */
export function rebuildSearchIndex(sqlite: Database.Database, table: string, fts: string): void {
  const columns = (sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(fts) as string[]).map((c) => `"${c}"`);
  const values = columns.map((c) => (foldedColumns.has(c.slice(1, -1)) ? `qabyl_fold_name(${c})` : c));
  sqlite.prepare(`INSERT INTO ${fts}(${fts}) VALUES ('delete-all')`).run();
  sqlite.prepare(`INSERT INTO ${fts}(rowid, ${columns.join(', ')}) SELECT rowid, ${values.join(', ')} FROM ${table}`).run();
}
