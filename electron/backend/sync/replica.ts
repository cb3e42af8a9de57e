/** Writes server rows into the local replica: validated, idempotent, never letting an older version win. */
import type Database from 'better-sqlite3';
import { AppError } from '../../../domain/envelope';
import { entityNames, entitySchemas, textPatternShortcuts, type EntityName } from '../../../domain/entities';
import { compileFastValidator, type FastValidator } from '../../../domain/fast-validator';
import type { Change } from '../../../domain/sync-protocol';
import { deleteSql, replicaTables, upsertSql } from '../../../db/replica-tables';

/** Compiled once from the same schemas: most rows need no zod run at all (see domain/fast-validator.ts). */
const fastValidators = Object.fromEntries(entityNames.map((e) => [e, compileFastValidator(entitySchemas[e], textPatternShortcuts)])) as Record<EntityName, FastValidator>;

/**
 * Validates a server row against the shared schema; returns the JSON stored in `data`. A row the fast validator
 * accepts is exactly what zod would return, so it is stored as it came: `text`, the server's JSON of it when the
 * caller has it (no re-serialisation), else serialised. Any other row goes through zod, which refuses it or returns
 * it cleaned (unknown keys stripped, defaults filled).
 */
export function validatedRowJson(entity: EntityName, data: unknown, text?: string): string {
  if (fastValidators[entity](data)) return text ?? JSON.stringify(data);
  const parsed = entitySchemas[entity].safeParse(data);
  if (!parsed.success) {
    throw new AppError('SYNC_INVALID_ROW', `The server sent an invalid ${entity}: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`);
  }
  return JSON.stringify(parsed.data);
}

export class Replica {
  private readonly upserts: Record<EntityName, Database.Statement>;
  private readonly deletes: Record<EntityName, Database.Statement>;

  constructor(private readonly sqlite: Database.Database) {
    const prepareAll = (make: (e: EntityName) => string) =>
      Object.fromEntries(entityNames.map((e) => [e, sqlite.prepare(make(e))])) as Record<EntityName, Database.Statement>;
    this.upserts = prepareAll((e) => upsertSql(replicaTables[e]));
    this.deletes = prepareAll((e) => deleteSql(replicaTables[e]));
  }

  /** Applies one change; the caller wraps a page of them in a transaction. */
  apply(change: Change): void {
    if (change.op === 'delete') {
      this.deletes[change.entity].run(change.id);
      return;
    }
    this.upserts[change.entity].run({ id: change.id, version: change.version, data: validatedRowJson(change.entity, change.data) });
  }

  version(entity: EntityName, id: string): number | null {
    const row = this.sqlite.prepare(`SELECT version FROM ${replicaTables[entity].table} WHERE id = ?`).get(id) as { version: number } | undefined;
    return row?.version ?? null;
  }

  row(entity: EntityName, id: string): unknown {
    const row = this.sqlite.prepare(`SELECT data FROM ${replicaTables[entity].table} WHERE id = ?`).get(id) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as unknown) : null;
  }

  /** Every row of every synced table as `entity → id → {version, data}`; used to compare with the server in tests. */
  snapshot(): Record<string, Record<string, { version: number; data: unknown }>> {
    const out: Record<string, Record<string, { version: number; data: unknown }>> = {};
    for (const e of entityNames) {
      const rows = this.sqlite.prepare(`SELECT id, version, data FROM ${replicaTables[e].table}`).all() as Array<{ id: string; version: number; data: string }>;
      out[e] = Object.fromEntries(rows.map((r) => [r.id, { version: r.version, data: JSON.parse(r.data) as unknown }]));
    }
    return out;
  }
}
