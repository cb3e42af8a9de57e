/**
 * Counts the statements the reference server sends to its database (each one a round trip), for the "queries per
 * decision" figures: wraps the PGlite instance's query/exec (and those of its transactions), or node-postgres'
 * Client.prototype.query. Returns the count so far and a function that removes the wrappers.
 */
import pg from 'pg';
import type { ServerDb } from '../../../server/db/connect';

type AsyncMethod = (...args: unknown[]) => Promise<unknown>;
interface QueryTarget {
  query: AsyncMethod;
  exec?: AsyncMethod;
  transaction?: (callback: (tx: QueryTarget) => Promise<unknown>) => Promise<unknown>;
}

export interface QueryCounter {
  count(): number;
  stop(): void;
}

export function countServerQueries(db: ServerDb): QueryCounter {
  let count = 0;
  const restore: Array<() => void> = [];
  const wrap = (target: QueryTarget, method: 'query' | 'exec') => {
    const original = target[method];
    if (!original) return;
    target[method] = function (this: unknown, ...args: unknown[]) {
      count++;
      return original.apply(this, args);
    };
    restore.push(() => {
      target[method] = original;
    });
  };
  const client = (db as unknown as { $client: unknown }).$client;
  if (client instanceof pg.Pool) {
    wrap(pg.Client.prototype as unknown as QueryTarget, 'query');
  } else {
    const pglite = client as QueryTarget;
    wrap(pglite, 'query');
    wrap(pglite, 'exec');
    const transaction = pglite.transaction!;
    pglite.transaction = function (this: unknown, callback) {
      // BEGIN and COMMIT are statements of their own.
      count += 2;
      return transaction.call(this, (tx) => {
        wrap(tx, 'query');
        wrap(tx, 'exec');
        return callback(tx);
      });
    };
    restore.push(() => {
      pglite.transaction = transaction;
    });
  }
  return {
    count: () => count,
    stop: () => {
      for (const undo of restore.reverse()) undo();
    },
  };
}
