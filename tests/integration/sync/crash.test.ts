/**
 * The engine process is SIGKILLed during a bootstrap, a pull page or a push (before or after the server
 * answered), then restarted: the replica ends equal to the server and every decision was applied exactly once.
 */
import { expect, it } from 'vitest';
import { catchUp, seededChild, useCrashRig } from './support/crash-rig';
import { ChildEngine } from './support/child-engine';
import { expectExactlyOnceInOrder, markDecisions, serverResults, serverSnapshot, syncUntilSettled, type Snapshot } from './support/world';
import type { OutboxRow } from '../../../electron/backend/sync/outbox';
import type { CycleOutcome } from '../../../electron/backend/sync/engine';

const CYCLES = 50;
const rig = useCrashRig();
const { world } = rig;

type Phase = 'bootstrap' | 'pull' | 'push';
const phases: Phase[] = ['bootstrap', 'pull', 'push'];

it(`survives ${CYCLES} SIGKILLs during bootstrap, pull and push`, { timeout: 600_000 }, async () => {
  // A session and a decision source: an in-process engine logs in once and lends its token to the child.
  const { seeder, token, config, child: first, close } = await seededChild(rig, 'crash', 7);
  let child = first;
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
        child = await ChildEngine.start(rig.bundle(), config);
      }
      // After the restart (or if the cycle finished first) the engine catches up.
      await catchUp(child, 50);
    }
    await child.send({ op: 'sync' });
    const final = await child.send<{ replica: Snapshot; outbox: OutboxRow[]; state: { clientId: string } }>({ op: 'snapshot' });
    expect(expectExactlyOnceInOrder(await serverResults(world.server, final.state.clientId), made)).toBeNull();
    expect(final.outbox).toEqual([]);
    expect(final.replica).toEqual(await serverSnapshot(world.server, token));
    expect(kills.bootstrap + kills.pull + kills.push).toBeGreaterThanOrEqual(CYCLES * 0.9);
    expect(Math.min(kills.bootstrap, kills.pull, kills.push)).toBeGreaterThan(0);
  } finally {
    await child.stop().catch(() => undefined);
    await close();
  }
});
