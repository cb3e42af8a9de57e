/**
 * The change sequence made visible in commit order without a global write lock.
 *
 * Every change and mutation result takes a number from one PostgreSQL sequence (`change_seq`), and a pull returns
 * the rows after the client's cursor. Transactions commit in a different order than they took their numbers, so
 * a reader must never move a cursor past a number that an unfinished transaction still holds: that row would commit
 * later with a lower number and the client would never pull it.
 *
 * Writers announce themselves: before taking any number, a writing transaction takes a shared advisory lock whose
 * key is the sequence's current value L (`registerWriter`); all numbers it takes afterwards are > L. The lock lives
 * until the transaction ends, and PostgreSQL releases it only after the commit is visible to new snapshots.
 *
 * A reader computes the visible head (`visibleHead`) in two steps, in this order: (1) H = the sequence's current
 * value, (2) P = the smallest writer key held in pg_locks. The head is min(H, P) and the change query runs after
 * both. Why nothing is skipped: take any transaction T holding a number s ≤ min(H, P).
 *   - If T's lock was visible at step 2, its key ≥ P, so s > P: impossible.
 *   - Otherwise T's lock was taken after step 2 (T took s later still, so s > H, impossible) or T had already
 *     ended: then it is committed and visible to the change query (or rolled back and has no rows).
 * So every row numbered ≤ the head is committed and visible when the query runs, and rows after the head are
 * delivered by a later pull. Writers never wait for one another (the locks are shared); a long transaction only
 * holds the head back while it runs. Writer keys are sequence values (above 2^32 — the sequence starts at a
 * millisecond timestamp), so they never meet the small keys of the other advisory locks (lock-keys.ts).
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/connect';
import { rowsOf } from '../db/rows';
import { currentSeq } from './entity-store';

/** Must be the first statement of every transaction that writes changes or mutation results. */
export async function registerWriter(tx: Queryable): Promise<void> {
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock_shared((SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM change_seq))`,
  );
}

/** The smallest key of an unfinished writer (see registerWriter), or null when none is running. */
async function oldestWriterKey(db: Queryable): Promise<number | null> {
  const rows = rowsOf<{ key: string | number | null }>(
    await db.execute(sql`
      SELECT min((classid::bigint << 32) | objid::bigint) AS key FROM pg_locks
      WHERE locktype = 'advisory' AND objsubid = 1 AND classid <> 0
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`),
  );
  const key = rows[0]?.key;
  return key === null || key === undefined ? null : Number(key);
}

export interface SequenceHead {
  /** Every change numbered up to here is committed and visible (see the proof above). */
  visible: number;
  /** The last number handed out; a cursor above it comes from another database. */
  issued: number;
}

/**
 * The visible head can move back a little (a writer that read the sequence just before an earlier head was computed
 * registers with that smaller key), so a pull never returns a cursor below the one it was given.
 */
export async function sequenceHead(db: Queryable): Promise<SequenceHead> {
  const issued = await currentSeq(db);
  const pending = await oldestWriterKey(db);
  return { visible: pending === null ? issued : Math.min(issued, pending), issued };
}
