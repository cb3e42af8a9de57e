/** Offline for a while: 100 decisions made with the server unreachable, the app restarted, the server back → all applied. */
import { expect, it } from 'vitest';
import { contractOverlays, expectExactlyOnceInOrder, localService, markDecisions, openLocalDb, serverResults, signedInService, syncUntilSettled, useWorld } from './support/world';

const world = useWorld();

it('keeps 100 offline decisions across a restart and applies them all once the server is back', async () => {
  const signedIn = await signedInService(world, 'offline');
  const { dir } = signedIn;
  let { db, service } = signedIn;

  world.proxy.setOffline(true);
  const decisions = markDecisions(service, 100, 5);
  const ids = decisions.map((d) => service.engine.enqueueDecision(d.name, d.args, d.baseVersion).mutationId);
  const outcome = await service.engine.syncNow();
  expect(outcome.ok).toBe(false);
  expect(service.engine.status()).toMatchObject({ online: false, pending: 100 });
  const touched = new Set(decisions.map((d) => d.args.contractId));
  const overlay = contractOverlays(service);
  expect([...overlay.keys()].sort()).toEqual([...touched].sort());
  for (const id of touched) expect(overlay.get(id)).toBe('pending');

  // Restart while still offline: nothing is lost.
  await service.stop();
  db.close();
  db = openLocalDb(dir);
  service = localService(dir, db, world.proxy.url);
  expect(service.engine.status().pending).toBe(100);
  expect((await service.engine.syncNow()).ok).toBe(false);

  world.proxy.setOffline(false);
  await syncUntilSettled(service);
  try {
    expect(expectExactlyOnceInOrder(await serverResults(world.server, service.engine.state.read().clientId), ids)).toBeNull();
    expect(service.engine.status()).toMatchObject({ online: true, pending: 0, attention: 0 });
  } finally {
    await service.stop();
    db.close();
  }
});
