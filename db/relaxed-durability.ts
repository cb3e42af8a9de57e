/**
 * Writes whose loss on a power cut costs nothing — rows re-derived at the next start, like the document download
 * queue — commit without waiting for the disk. In WAL mode a commit at `synchronous = NORMAL` is not fsynced (the
 * next durable commit or checkpoint carries it), so it never stalls the thread on a busy disk; the database stays
 * consistent either way. Everything else keeps the connection's `synchronous = FULL`.
 */
import type Database from 'better-sqlite3';

export function withRelaxedDurability<T>(sqlite: Database.Database, work: () => T): T {
  const previous = sqlite.pragma('main.synchronous', { simple: true }) as number;
  sqlite.pragma('main.synchronous = NORMAL');
  try {
    return work();
  } finally {
    sqlite.pragma(`main.synchronous = ${previous}`);
  }
}
