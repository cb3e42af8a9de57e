/**
 * Writes whose loss on a power cut costs nothing — rows re-derived at the next start, like the document download
 * queue, or a pull page, which is pulled again with its cursor — commit without waiting for the disk. In WAL mode a
 * commit at `synchronous = NORMAL` is not fsynced (the next durable commit or checkpoint carries it, and a power cut
 * can only lose a suffix of commits), so it never stalls the thread on a busy disk; the database stays consistent
 * either way. Everything else keeps the connection's `synchronous = FULL`.
 */
import type Database from 'better-sqlite3';

export function withRelaxedDurability<T>(sqlite: Database.Database, work: () => T, schemas: ReadonlyArray<'main' | 'replica'> = ['main']): T {
  const previous = schemas.map((schema) => sqlite.pragma(`${schema}.synchronous`, { simple: true }) as number);
  for (const schema of schemas) sqlite.pragma(`${schema}.synchronous = NORMAL`);
  try {
    return work();
  } finally {
    schemas.forEach((schema, i) => sqlite.pragma(`${schema}.synchronous = ${previous[i]}`));
  }
}
