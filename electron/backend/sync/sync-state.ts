/** The single `sync_state` row (client id, bootstrap flag, session) and the replica's cursor, which lives with the replica. */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { cachedStatement } from '../../../db/statement-cache';
import { sessionUserSchema, type SessionUser } from '../../../domain/sync-protocol';

export interface SyncStateRow {
  clientId: string;
  cursor: number | null;
  needsBootstrap: boolean;
  token: string | null;
  tokenExpiresAt: string | null;
  user: SessionUser | null;
  lastSyncedAt: string | null;
}

interface RawRow {
  client_id: string;
  cursor: number | null;
  needs_bootstrap: number;
  token: string | null;
  token_expires_at: string | null;
  user: string | null;
  last_synced_at: string | null;
}

export class SyncStateStore {
  constructor(private readonly sqlite: Database.Database) {
    // The client id identifies this installation's outbox to the server; it is created once and never changes.
    sqlite
      .prepare('INSERT OR IGNORE INTO sync_state (id, client_id, needs_bootstrap) VALUES (1, ?, 1)')
      .run(randomUUID());
  }

  read(): SyncStateRow {
    // Read before every request and status update: prepared once per connection.
    const row = cachedStatement(
      this.sqlite,
      `SELECT client_id, needs_bootstrap, token, token_expires_at, user, last_synced_at,
              (SELECT cursor FROM replica.replica_meta WHERE id = 1) AS cursor
         FROM main.sync_state WHERE id = 1`,
    ).get() as RawRow;
    const user = row.user ? sessionUserSchema.safeParse(JSON.parse(row.user)) : null;
    return {
      clientId: row.client_id,
      cursor: row.cursor,
      needsBootstrap: row.needs_bootstrap === 1,
      token: row.token,
      tokenExpiresAt: row.token_expires_at,
      user: user?.success ? user.data : null,
      lastSyncedAt: row.last_synced_at,
    };
  }

  /** Call inside the transaction that applied the changes up to `cursor`. */
  setCursor(cursor: number, at: string): void {
    this.sqlite.prepare('UPDATE replica.replica_meta SET cursor = ? WHERE id = 1').run(cursor);
    this.markBootstrapped(at);
  }

  /** The replica in use is complete: part of the switch's commit (its cursor came with the replica file). */
  markBootstrapped(at: string): void {
    this.sqlite.prepare('UPDATE main.sync_state SET needs_bootstrap = 0, last_synced_at = ? WHERE id = 1').run(at);
  }

  requireBootstrap(): void {
    this.sqlite.prepare('UPDATE sync_state SET needs_bootstrap = 1 WHERE id = 1').run();
  }

  /** A different user means a different scope: the replica is rebuilt (the outbox stays). */
  saveSession(token: string, expiresAt: string, user: SessionUser): void {
    const previous = this.read().user;
    const scopeChanged = previous !== null && previous.id !== user.id;
    this.sqlite
      .prepare(
        `UPDATE sync_state SET token = ?, token_expires_at = ?, user = ?,
           needs_bootstrap = CASE WHEN ? THEN 1 ELSE needs_bootstrap END WHERE id = 1`,
      )
      .run(token, expiresAt, JSON.stringify(user), scopeChanged ? 1 : 0);
  }

  clearToken(): void {
    this.sqlite.prepare('UPDATE sync_state SET token = NULL, token_expires_at = NULL WHERE id = 1').run();
  }
}
