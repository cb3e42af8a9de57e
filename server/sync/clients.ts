/** Per-client bookkeeping: who the client belongs to, the scope it bootstrapped under, its last applied clientSeq. */
import { eq } from 'drizzle-orm';
import { clients } from '../db/schema';
import type { Queryable } from '../db/connect';

export type ClientRow = typeof clients.$inferSelect;

export async function getClient(db: Queryable, clientId: string): Promise<ClientRow | null> {
  const rows = await db.select().from(clients).where(eq(clients.clientId, clientId));
  return rows[0] ?? null;
}

/** Records the client's user and scope (at bootstrap), keeping its mutation sequence. */
export async function registerClient(db: Queryable, clientId: string, userIin: string, scope: string): Promise<ClientRow> {
  const rows = await db
    .insert(clients)
    .values({ clientId, userIin, scopeKey: scope, lastClientSeq: 0 })
    .onConflictDoUpdate({ target: clients.clientId, set: { userIin, scopeKey: scope } })
    .returning();
  return rows[0]!;
}
