/**
 * A staff member leaves an organisation: their row is deleted (a delete change, so every replica of the
 * organisation drops it, and a tombstone until the change log is compacted), and their sessions end, so their
 * token is refused at once and a new login finds no membership there.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Staff } from '../../domain/entities';
import type { ServerContext } from '../context';
import { entities, sessions } from '../db/schema';
import { publishChanges } from '../events/change-feed';
import { registerWriter } from '../store/change-horizon';
import { currentSeq, deleteRow } from '../store/entity-store';

export async function removeStaff(ctx: Pick<ServerContext, 'db' | 'changeChannel'>, member: { iin: string; orgId: string }): Promise<{ removed: Staff[] }> {
  return ctx.db.transaction(async (tx) => {
    // Registered like every writer, so a pull never passes a change this transaction has not committed yet.
    await registerWriter(tx);
    const rows = await tx
      .select({ data: entities.data })
      .from(entities)
      .where(and(eq(entities.entity, 'staff'), eq(entities.orgId, member.orgId), eq(entities.deleted, false), sql`${entities.data}->>'iin' = ${member.iin}`));
    const removed = rows.map((r) => r.data as Staff);
    if (removed.length === 0) return { removed };
    for (const staff of removed) await deleteRow(tx, 'staff', staff.id);
    await tx.delete(sessions).where(eq(sessions.userIin, member.iin));
    await publishChanges(tx, ctx.changeChannel, [member.orgId], await currentSeq(tx));
    return { removed };
  });
}
