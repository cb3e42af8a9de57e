/**
 * SQL functions the schema itself calls (the search-index triggers): registered on every connection before it
 * migrates or writes, so the index is folded by the same rule the queries use.
 */
import type Database from 'better-sqlite3';
import { foldName } from '../domain/name-search';

export function registerSearchFunctions(sqlite: Database.Database): void {
  sqlite.function('qabyl_fold_name', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? foldName(text) : text));
}

/** Refills a folded search index from its table in one pass (after a bootstrap swapped the table in). */
export function rebuildSearchIndex(sqlite: Database.Database, table: string, fts: string): void {
  sqlite.prepare(`INSERT INTO ${fts}(${fts}) VALUES ('delete-all')`).run();
  sqlite
    .prepare(
      `INSERT INTO ${fts}(rowid, number, child_name, child_iin, parent_name, parent_iin)
       SELECT rowid, number, qabyl_fold_name(child_name), child_iin, qabyl_fold_name(parent_name), parent_iin FROM ${table}`,
    )
    .run();
}
