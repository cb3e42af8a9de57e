/**
 * The engine process is SIGKILLed at every step of a replica switch (file built, pointer committed, new file attached,
 * old file deleted), with decisions queued, sent and applied around it, then restarted: the replica ends equal to the
 * server, every decision was applied exactly once, and exactly one replica file is left.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SwitchStep } from '../../../db/replica-files';
import type { SessionUser } from '../../../domain/sync-protocol';
import type { CycleOutcome } from '../../../electron/backend/sync/engine';
import type { OutboxRow } from '../../../electron/backend/sync/outbox';
import { bundleEngineChild, ChildEngine, type ChildEngineConfig } from './support/child-engine';
import { expectExactlyOnceInOrder, KEY_HEX, localService, markDecisions, nonceSigner, openLocalDb, serverResults, serverSnapshot, startWorld, STAFF, syncUntilSettled, tempDir, type Snapshot, type World } from './support/world';

let world: World;
let bundle: string;
beforeAll(async () => {
  [world, bundle] = await Promise.all([startWorld(), bundleEngineChild()]);
});
afterAll(async () => {
  await world?.close();
});

interface ChildSnapshot {
  replica: Snapshot;
  outbox: OutboxRow[];
  state: { clientId: string; cursor: number | null; needsBootstrap: boolean };
  replicaFile: string;
}

const steps: SwitchStep[] = ['built', 'committed', 'attached', 'cleaned'];
const replicaFilesIn = (dir: string) => fs.readdirSync(dir).filter((f) => f.includes('.replica-') && f.endsWith('.db'));

it('loses and duplicates nothing when killed at each step of a replica switch', { timeout: 300_000 }, async () => {
  const dir = tempDir('switch-crash');
  const db = openLocalDb(tempDir('switch-crash-login'));
  const seeder = localService(dir, db, world.proxy.url);
  const user: SessionUser = await seeder.session.login(nonceSigner(STAFF));
  await syncUntilSettled(seeder);
  const { token, tokenExpiresAt } = seeder.engine.state.read();
  const config: ChildEngineConfig = { dbFile: path.join(dir, 'child.db'), keyHex: KEY_HEX, serverUrl: world.proxy.url, pullLimit: 50 };

  let child = await ChildEngine.start(bundle, config);
  await child.send({ op: 'session', token: token!, expiresAt: tokenExpiresAt!, user });
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
      child = await ChildEngine.start(bundle, { ...config, killAtSwitchStep: step });
      await child.send({ op: 'requireBootstrap' });
      const outcome = child.send<CycleOutcome>({ op: 'pull' }).catch(() => null);
      await Promise.race([outcome, child.exited]);
      expect(child.process.signalCode).toBe('SIGKILL');

      child = await ChildEngine.start(bundle, config);
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
      for (let i = 0; i < 20; i++) {
        const o = await child.send<CycleOutcome>({ op: 'sync' });
        const snap = await child.send<ChildSnapshot>({ op: 'snapshot' });
        if (o.ok && snap.outbox.length === 0) break;
      }
    }
    const final = await child.send<ChildSnapshot>({ op: 'snapshot' });
    expect(expectExactlyOnceInOrder(await serverResults(world.server, final.state.clientId), made)).toBeNull();
    expect(final.outbox).toEqual([]);
    expect(final.replica).toEqual(await serverSnapshot(world.server, token!));
    expect(replicaFilesIn(dir)).toEqual([path.basename(final.replicaFile)]);
  } finally {
    await child.stop().catch(() => undefined);
    await seeder.stop();
    db.close();
  }
});
