/**
 * The protocol's delete path end to end: a staff member leaves (the one producer of deletes), a synced replica drops
 * the row at its next pull, the tombstone stays in the server's change log until compaction, and a replica that was
 * behind the compaction re-bootstraps without the row. The member's token is refused and a new login finds nothing.
 */
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Staff } from '../../../domain/entities';
import { changes } from '../../../server/db/schema';
import { removeStaff } from '../../../server/staff/remove-staff';
import type { SyncService } from '../../../electron/backend/sync/sync-service';
import { loadKey } from '../../fixtures/pki/load';
import { nonceSigner, serverSnapshot, signedInService, syncUntilSettled, useWorld } from './support/world';

const world = useWorld();

const staffRows = (service: SyncService) => Object.values(service.engine.replica.snapshot().staff ?? {}).map((r) => r.data as Staff);
const tombstones = () => world.server.db.select().from(changes).where(eq(changes.op, 'delete'));

it('a staff member who leaves disappears from every replica, by pull and by re-bootstrap after compaction', { timeout: 180_000 }, async () => {
  const { iin } = (await loadKey('kg1-head', 'auth')).identity;
  const first = await signedInService(world, 'delete-first');
  const behind = await signedInService(world, 'delete-behind');
  const leaver = await signedInService(world, 'delete-leaver', 'kg1-head');
  try {
    const member = staffRows(first.service).find((s) => s.iin === iin)!;
    expect(member).toBeDefined();
    expect(staffRows(behind.service).map((s) => s.id)).toContain(member.id);

    expect((await removeStaff(world.server.ctx, { iin, orgId: member.orgId })).removed.map((s) => s.id)).toEqual([member.id]);
    expect(await tombstones()).toMatchObject([{ entity: 'staff', id: member.id, op: 'delete' }]);

    // A replica that keeps up drops the row through the pull's delete change.
    await syncUntilSettled(first.service);
    expect(staffRows(first.service).map((s) => s.id)).not.toContain(member.id);
    expect(first.service.engine.replica.snapshot()).toEqual(await serverSnapshot(world.server, first.service.session.token()!));

    // Compaction drops the tombstone; a replica behind it cannot learn of the delete and is rebuilt instead.
    await world.server.compact();
    expect(await tombstones()).toEqual([]);
    const oldReplica = behind.db.replica.currentFile();
    await syncUntilSettled(behind.service);
    expect(behind.db.replica.currentFile()).not.toBe(oldReplica);
    expect(staffRows(behind.service).map((s) => s.id)).not.toContain(member.id);
    expect(behind.service.engine.replica.snapshot()).toEqual(await serverSnapshot(world.server, behind.service.session.token()!));

    // The member's session ended with the membership, and signing in again finds no organisation.
    expect(await leaver.service.engine.syncNow()).toMatchObject({ ok: false, kind: 'unauthorized' });
    await expect(leaver.service.session.login(nonceSigner('kg1-head'))).rejects.toMatchObject({ code: 'UNKNOWN_USER' });
  } finally {
    for (const m of [first, behind, leaver]) {
      await m.service.stop();
      m.db.close();
    }
  }
});
