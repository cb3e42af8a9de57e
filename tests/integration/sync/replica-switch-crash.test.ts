/**
 * The engine process is SIGKILLed at every step of a replica switch (file built, pointer committed, new file attached,
 * old file deleted), with decisions queued, sent and applied around it, then restarted: the replica ends equal to the
 * server, every decision was applied exactly once, and exactly one replica file is left.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { SwitchStep } from '../../../db/replica-files';
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
  state: { clientId: string; cursor: number | null; needsBootstrap: boolean };
  replicaFile: string;
}

const steps: SwitchStep[] = ['built', 'committed', 'attached', 'cleaned'];
const replicaFilesIn = (dir: string) => fs.readdirSync(dir).filter((f) => f.includes('.replica-') && f.endsWith('.db'));

it('loses and duplicates nothing when killed at each step of a replica switch', { timeout: 300_000 }, async () => {
  const { dir, seeder, token, config, child: first, close } = await seededChild(rig, 'switch-crash', 50);
  let child = first;
  expect(await child.send<CycleOutcome>({ op: 'sync' })).toMatchObject({ ok: true });
  const made: string[] = [];
  try {
    for (const [round, step] of steps.entries()) {
      // Decisions of this installation: some applied before the re-bootstrap, some still queued when it runs.
      for (const d of markDecisions(seeder, 3, round * 10)) made.push((await child.send<OutboxRow>({ op: 'enqueue', ...d })).mutationId);
      expect(await child.send<CycleOutcome>({ op: 'sync' })).toMatchObject({ ok: true });
      for (const d of markDecisions(seeder, 2, round * 10 + 5)) made.push((await child.send<OutboxRow>({ op: 'enqueue', ...d })).mutationId);
      // Another installation's decisions change the server's rows, so the new replica differs from the old one.
      for (const d of markDecisions(seeder, 4, round * 10 + 100)) seeder.engine.enqueueDecision(d.name, d.args, d.baseVersion);
      await syncUntilSettled(seeder);
      const before = await child.send<ChildSnapshot>({ op: 'snapshot' });

      await child.stop();
      child = await ChildEngine.start(rig.bundle(), { ...config, killAtSwitchStep: step });
      await child.send({ op: 'requireBootstrap' });
      const outcome = child.send<CycleOutcome>({ op: 'pull' }).catch(() => null);
      await Promise.race([outcome, child.exited]);
      expect(child.process.signalCode).toBe('SIGKILL');

      child = await ChildEngine.start(rig.bundle(), config);
      const reopened = await child.send<ChildSnapshot>({ op: 'snapshot' });
      // Before the pointer commit the old replica is still in use (and will be rebuilt); from it on, the new one.
      if (step === 'built') {
        expect(reopened.replicaFile).toBe(before.replicaFile);
        expect(reopened.state.needsBootstrap).toBe(true);
      } else {
        expect(reopened.replicaFile).not.toBe(before.replicaFile);
        expect(reopened.state.needsBootstrap).toBe(false);
      }
      expect(replicaFilesIn(dir)).toEqual([path.basename(reopened.replicaFile)]);
      await catchUp(child, 20);
    }
    const final = await child.send<ChildSnapshot>({ op: 'snapshot' });
    expect(expectExactlyOnceInOrder(await serverResults(world.server, final.state.clientId), made)).toBeNull();
    expect(final.outbox).toEqual([]);
    expect(final.replica).toEqual(await serverSnapshot(world.server, token));
    expect(replicaFilesIn(dir)).toEqual([path.basename(final.replicaFile)]);
  } finally {
    await child.stop().catch(() => undefined);
    await close();
  }
});
