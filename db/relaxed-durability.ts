/**
 * Writes whose loss on a power cut costs nothing — rows re-derived at the next start, like the document download
 * queue, or the first slices of a pull page whose cursor commits (durably) after them — commit without waiting for
 * the disk. In WAL mode a commit at `synchronous = NORMAL` is not fsynced (the next durable commit or checkpoint
 * carries it, and a power cut can only lose a suffix of commits), so it never stalls the thread on a busy disk; the
 * database stays consistent either way. Everything else keeps the connection's `synchronous = FULL`.
 */
import type Database from 'better-sqlite3';

export function withRelaxedDurability<T>(sqlite: Database.Database, work: () => T, schema: 'main' | 'replica' = 'main'): T {
  const previous = sqlite.pragma(`${schema}.synchronous`, { simple: true }) as number;
  sqlite.pragma(`${schema}.synchronous = NORMAL`);
  try {
    return work();
  } finally {
    sqlite.pragma(`${schema}.synchronous = ${previous}`);
  }
}
