/**
 * The outbox survives everything that is not the server's answer: a 401 (re-login prompt), a minimum-app-version
 * answer (update prompt) and a `resetRequired` (re-bootstrap) all keep the queued decisions and send them later.
 */
import { expect, it } from 'vitest';
import { pathStarts } from '../../support/fault-proxy';
import { expectExactlyOnceInOrder, markDecisions, nonceSigner, serverResults, signedInService, STAFF, syncUntilSettled, useWorld } from './support/world';

const world = useWorld();

it('keeps the queue through 401, 426 and a compacted change log', async () => {
  const { db, service } = await signedInService(world, 'session');
  const { engine } = service;
  try {
    const ids = markDecisions(service, 6, 9).map((d) => engine.enqueueDecision(d.name, d.args, d.baseVersion).mutationId);

    world.proxy.once(pathStarts('/v1/sync/push'), { kind: 'status', status: 426 });
    expect((await engine.syncNow()).ok).toBe(false);
    expect(engine.status()).toMatchObject({ updateRequired: true, pending: 6 });

    world.proxy.once(pathStarts('/v1/sync/push'), { kind: 'status', status: 401 });
    expect(await engine.syncNow()).toMatchObject({ ok: false, kind: 'unauthorized' });
    expect(engine.status()).toMatchObject({ needsLogin: true, pending: 6 });
    // Without a session nothing is sent at all.
    expect(await engine.syncNow()).toMatchObject({ ok: false, kind: 'unauthorized' });

    await service.session.login(nonceSigner(STAFF));
    // The decisions land, then the server compacts its change log before we pulled them: our cursor has expired
    // and the replica is rebuilt, the answered decisions retiring with the snapshot that contains them.
    expect((await engine.push()).ok).toBe(true);
    expect(engine.status().pending).toBe(6);
    await world.server.compact();
    const before = world.proxy.log.filter((r) => r.path.startsWith('/v1/sync/bootstrap')).length;
    await syncUntilSettled(service);
    expect(world.proxy.log.filter((r) => r.path.startsWith('/v1/sync/bootstrap')).length).toBe(before + 1);
    expect(engine.status()).toMatchObject({ needsLogin: false, updateRequired: false, pending: 0 });
    expect(expectExactlyOnceInOrder(await serverResults(world.server, engine.state.read().clientId), ids)).toBeNull();
  } finally {
    world.proxy.clearFaults();
    await service.stop();
    db.close();
  }
});
