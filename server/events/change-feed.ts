/**
 * Pokes across instances: a writing transaction queues a NOTIFY with the organisations it changed (delivered by
 * PostgreSQL only if and when it commits), and every instance LISTENs and pokes its own sockets in scope. The channel
 * is named after the schema, so databases sharing one PostgreSQL (tests) do not poke each other's clients.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { NotificationSource, Queryable } from '../db/connect';
import { rowsOf } from '../db/rows';
import type { ServerMetrics } from '../ops/metrics';
import type { EventHub } from './hub';

/** NOTIFY payloads are limited to 8000 bytes; a larger set of organisations pokes everyone instead. */
const MAX_PAYLOAD = 7000;
const payloadSchema = z.object({ orgIds: z.array(z.string()).nullable(), cursor: z.number() });

/** A plain lower-case identifier (PGlite's listen does not quote it). */
export async function changeChannel(db: Queryable): Promise<string> {
  const schema = rowsOf<{ schema: string }>(await db.execute(sql`SELECT current_schema() AS schema`))[0]?.schema ?? 'public';
  return `qabyl_changes_${schema.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`.slice(0, 63);
}

/** Queues the poke inside the writing transaction: it goes out at commit, never for a rolled-back write. */
export async function publishChanges(tx: Queryable, channel: string, orgIds: Iterable<string>, cursor: number): Promise<void> {
  const all = [...orgIds];
  if (all.length === 0) return;
  let payload = JSON.stringify({ orgIds: all, cursor });
  if (payload.length > MAX_PAYLOAD) payload = JSON.stringify({ orgIds: null, cursor });
  await tx.execute(sql`SELECT pg_notify(${channel}, ${payload})`);
}

/** Listens for every instance's changes and pokes this instance's sockets; returns the stop function. */
export async function startChangeFeed(source: NotificationSource, channel: string, hub: EventHub, metrics: ServerMetrics): Promise<() => Promise<void>> {
  return source.listen(
    channel,
    (text) => {
      let parsed;
      try {
        parsed = payloadSchema.safeParse(JSON.parse(text));
      } catch {
        return; // not ours
      }
      if (!parsed.success) return;
      metrics.observePoke(parsed.data.orgIds ? hub.poke(parsed.data.orgIds, parsed.data.cursor) : hub.pokeAll(parsed.data.cursor));
    },
    (listening) => {
      // Back from a lost connection: what changed meanwhile was not heard, so every client pulls once.
      if (listening && hub.listening === false) hub.pokeAll(0);
      hub.listening = listening;
    },
  );
}
