/**
 * Bootstrap staging as shadow tables: each replica table is loaded into `<table>__bootstrap` (same DDL, primary key
 * only), then swapped in by DROP + RENAME, re-creating the secondary indexes and triggers from their own stored SQL and
 * rebuilding the FTS index in one pass. Every row is written once (a staging table copied over would write it twice,
 * and secure_delete would then overwrite the staging pages once more), and no trigger fires per row. The swap runs
 * inside the caller's transaction, so a failure rolls the schema back with the data; incremental pulls keep the
 * per-row triggers.
 */
import type Database from 'better-sqlite3';
import { entityNames, type EntityName } from '../../../domain/entities';
import { rebuildSearchIndex } from '../../../db/search-functions';
import { insertSql, replicaTables } from './replica-tables';

const shadowName = (table: string) => `${table}__bootstrap`;

interface StoredDdl {
  type: 'table' | 'index' | 'trigger';
  name: string;
  sql: string;
}

function ddlOf(sqlite: Database.Database, table: string): StoredDdl[] {
  return sqlite.prepare('SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL ORDER BY type').all(table) as StoredDdl[];
}

/** Drops leftovers of an interrupted bootstrap and creates empty shadow tables; returns one insert statement per entity. */
export function createShadowTables(sqlite: Database.Database): Record<EntityName, Database.Statement> {
  dropShadowTables(sqlite);
  const inserts = {} as Record<EntityName, Database.Statement>;
  for (const entity of entityNames) {
    const spec = replicaTables[entity];
    const create = ddlOf(sqlite, spec.table).find((d) => d.type === 'table');
    if (!create) throw new Error(`replica table ${spec.table} is missing`);
    const renamed = create.sql.replace(/^CREATE TABLE\s+([`"]?)(\w+)\1/, (_all, quote: string) => `CREATE TABLE ${quote}${shadowName(spec.table)}${quote}`);
    sqlite.exec(renamed);
    inserts[entity] = sqlite.prepare(insertSql(spec, shadowName(spec.table)));
  }
  return inserts;
}

export function dropShadowTables(sqlite: Database.Database): void {
  for (const entity of entityNames) sqlite.exec(`DROP TABLE IF EXISTS ${shadowName(replicaTables[entity].table)}`);
}

/** Replaces every replica table by its shadow. Call inside a transaction. */
export function swapInShadowTables(sqlite: Database.Database): void {
  for (const entity of entityNames) {
    const spec = replicaTables[entity];
    const dependents = ddlOf(sqlite, spec.table).filter((d) => d.type !== 'table');
    sqlite.exec(`DROP TABLE ${spec.table}`);
    sqlite.exec(`ALTER TABLE ${shadowName(spec.table)} RENAME TO ${spec.table}`);
    for (const index of dependents.filter((d) => d.type === 'index')) sqlite.exec(index.sql);
    if (spec.fts) rebuildSearchIndex(sqlite, spec.table, spec.fts);
    for (const trigger of dependents.filter((d) => d.type === 'trigger')) sqlite.exec(trigger.sql);
  }
}
