/**
 * A pull page is stored in slices (the API thread is free between them) and its cursor commits with the last one:
 * an engine SIGKILLed after some slices of a page were stored restarts with the cursor where it was, pulls the page
 * again, and ends equal to the server with every decision applied exactly once.
 */
import { expect, it } from 'vitest';
import type { CycleOutcome } from '../../../electron/backend/sync/engine';
import type { OutboxRow } from '../../../electron/backend/sync/outbox';
import { ChildEngine } from './support/child-engine';
import { catchUp, seededChild, useCrashRig } from './support/crash-rig';
import { expectExactlyOnceInOrder, markDecisions, serverResults, serverSnapshot, syncUntilSettled, type Snapshot } from './support/world';

const rig = useCrashRig();
const { world } = rig;

interface ChildSnapshot {
  replica: Snapshot;
  outbox: OutboxRow[];
  state: { clientId: string; cursor: number | null };
}

/** Rows of the replica whose version differs from `before` (or that are new). */
const changedRows = (before: Snapshot, after: Snapshot) =>
  Object.entries(after).flatMap(([entity, rows]) => Object.entries(rows).filter(([id, row]) => before[entity]?.[id]?.version !== row.version));

it('never advances the cursor past changes not stored when killed between the slices of a pull page', { timeout: 300_000 }, async () => {
  const { seeder, token, config, child: first, close } = await seededChild(rig, 'slice-crash', 500);
  let child = first;
  expect(await child.send<CycleOutcome>({ op: 'sync' })).toMatchObject({ ok: true });
  const made: string[] = [];
  try {
    for (const round of [0, 1, 2]) {
      // Decisions of this installation waiting in its outbox, and many of another installation: one large pull page.
      for (const d of markDecisions(seeder, 2, round * 50)) made.push((await child.send<OutboxRow>({ op: 'enqueue', ...d })).mutationId);
      expect(await child.send<CycleOutcome>({ op: 'push' })).toMatchObject({ ok: true });
      for (const d of markDecisions(seeder, 40, round * 50 + 7)) seeder.engine.enqueueDecision(d.name, d.args, d.baseVersion);
      await syncUntilSettled(seeder);
      const before = await child.send<ChildSnapshot>({ op: 'snapshot' });

      await child.stop();
      child = await ChildEngine.start(rig.bundle(), { ...config, pullSliceChanges: 5, killAfterPullSlices: 1 + round * 2 });
      const outcome = child.send<CycleOutcome>({ op: 'pull' }).catch(() => null);
      await Promise.race([outcome, child.exited]);
      expect(child.process.signalCode).toBe('SIGKILL');

      child = await ChildEngine.start(rig.bundle(), config);
      const reopened = await child.send<ChildSnapshot>({ op: 'snapshot' });
      // The stored slices are there; the cursor is not past them, so the next pull brings the page again.
      expect(changedRows(before.replica, reopened.replica).length).toBeGreaterThanOrEqual(5 * (1 + round * 2));
      expect(reopened.state.cursor).toBe(before.state.cursor);
      await catchUp(child, 20);
      expect((await child.send<ChildSnapshot>({ op: 'snapshot' })).replica).toEqual(await serverSnapshot(world.server, token));
    }
    const final = await child.send<ChildSnapshot>({ op: 'snapshot' });
    expect(expectExactlyOnceInOrder(await serverResults(world.server, final.state.clientId), made)).toBeNull();
    expect(final.outbox).toEqual([]);
  } finally {
    await child.stop().catch(() => undefined);
    await close();
  }
});
