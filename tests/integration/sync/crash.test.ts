/**
 * The engine process is SIGKILLed during a bootstrap, a pull page or a push (before or after the server
 * answered), then restarted: the replica ends equal to the server and every decision was applied exactly once.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SessionUser } from '../../../domain/sync-protocol';
import { bundleEngineChild, ChildEngine } from './support/child-engine';
import { expectExactlyOnceInOrder, KEY_HEX, localService, markDecisions, nonceSigner, openLocalDb, serverResults, serverSnapshot, startWorld, STAFF, syncUntilSettled, tempDir, type Snapshot, type World } from './support/world';
import type { OutboxRow } from '../../../electron/backend/sync/outbox';
import type { CycleOutcome } from '../../../electron/backend/sync/engine';

const CYCLES = 50;
let world: World;
let bundle: string;
beforeAll(async () => {
  [world, bundle] = await Promise.all([startWorld(), bundleEngineChild()]);
});
afterAll(async () => {
  await world?.close();
});

type Phase = 'bootstrap' | 'pull' | 'push';
const phases: Phase[] = ['bootstrap', 'pull', 'push'];

it(`survives ${CYCLES} SIGKILLs during bootstrap, pull and push`, { timeout: 600_000 }, async () => {
  const dir = tempDir('crash');
  // A session and a decision source: an in-process engine logs in once and lends its token to the child.
  const db = openLocalDb(tempDir('crash-login'));
  const seeder = localService(dir, db, world.proxy.url);
  const user: SessionUser = await seeder.session.login(nonceSigner(STAFF));
  await syncUntilSettled(seeder);
  const { token, tokenExpiresAt } = seeder.engine.state.read();
  const config = { dbFile: path.join(dir, 'child.db'), keyHex: KEY_HEX, serverUrl: world.proxy.url, pullLimit: 7 };

  let child = await ChildEngine.start(bundle, config);
  await child.send({ op: 'session', token: token!, expiresAt: tokenExpiresAt!, user });
  const made: string[] = [];
  const kills: Record<Phase, number> = { bootstrap: 0, pull: 0, push: 0 };
  try {
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const phase = phases[cycle % phases.length]!;
      for (const d of markDecisions(seeder, 3 + (cycle % 4), cycle)) {
        made.push((await child.send<OutboxRow>({ op: 'enqueue', ...d })).mutationId);
      }
      // Other decisions by another installation make pull pages for this one.
      for (const d of markDecisions(seeder, 9, cycle + 100)) seeder.engine.enqueueDecision(d.name, d.args, d.baseVersion);
      await syncUntilSettled(seeder);
      if (phase === 'bootstrap') await child.send({ op: 'requireBootstrap' });

      const path = phase === 'bootstrap' ? '/v1/sync/bootstrap' : phase === 'pull' ? '/v1/sync/pull' : '/v1/sync/push';
      // Half the kills land before the server sees the request, half after it answered (mid-apply / after commit).
      const afterAnswer = cycle % 2 === 1;
      const victim = child;
      let killed: Promise<void> | null = null;
      const kill = (req: { path: string }) => {
        if (!killed && req.path.startsWith(path)) killed = new Promise((r) => setTimeout(r, cycle % 3)).then(() => victim.kill());
      };
      if (afterAnswer) world.proxy.onServerAnswered(kill);
      else world.proxy.setRule((req) => (kill(req), null));
      const outcome = child.send<CycleOutcome>({ op: 'sync' }).catch(() => null);
      await Promise.race([outcome, victim.exited]);
      world.proxy.onServerAnswered(null);
      world.proxy.setRule(null);
      if (killed) {
        await killed;
        kills[phase]++;
        child = await ChildEngine.start(bundle, config);
      }
      // After the restart (or if the cycle finished first) the engine catches up.
      for (let i = 0; i < 50; i++) {
        const o = await child.send<CycleOutcome>({ op: 'sync' });
        const snap = await child.send<{ outbox: OutboxRow[] }>({ op: 'snapshot' });
        if (o.ok && snap.outbox.every((r) => r.status !== 'pending')) break;
      }
    }
    await child.send({ op: 'sync' });
    const final = await child.send<{ replica: Snapshot; outbox: OutboxRow[]; state: { clientId: string } }>({ op: 'snapshot' });
    expect(expectExactlyOnceInOrder(await serverResults(world.server, final.state.clientId), made)).toBeNull();
    expect(final.outbox).toEqual([]);
    expect(final.replica).toEqual(await serverSnapshot(world.server, token!));
    expect(kills.bootstrap + kills.pull + kills.push).toBeGreaterThanOrEqual(CYCLES * 0.9);
    expect(Math.min(kills.bootstrap, kills.pull, kills.push)).toBeGreaterThan(0);
  } finally {
    await child.stop().catch(() => undefined);
    await seeder.stop();
    db.close();
  }
});
