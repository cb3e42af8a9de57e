// Logout against the real reference server: an audit row, the token revoked at the server (refused afterwards), the
// poke socket closed (the server's event hub holds no connection of ours), the queued decisions kept.
import { expect, it } from 'vitest';
import { defaultPokeSocketFactory } from '../../../electron/backend/sync/pokes';
import { freshService, localService, markDecisions, nonceSigner, openLocalDb, STAFF, syncUntilSettled, tempDir, until, useWorld } from '../sync/support/world';

const world = useWorld();

it('logout is audited, revokes the token at the server and closes the poke socket; the queue survives', async () => {
  const dir = tempDir('logout');
  const db = openLocalDb(dir);
  const service = localService(dir, db, world.server.url, { pokeSocketFactory: defaultPokeSocketFactory });
  const { engine, session } = service;
  try {
    const hub = world.server.ctx.events;
    const before = hub.size;
    const user = await session.login(nonceSigner(STAFF));
    service.start();
    await until(() => hub.size === before + 1, 'the poke socket connects');
    await syncUntilSettled(service);
    for (const d of markDecisions(service, 2, 5)) engine.enqueueDecision(d.name, d.args, d.baseVersion);
    const token = session.token()!;
    const pull = () => fetch(`${world.server.url}/v1/sync/pull?cursor=0&limit=1`, { headers: { 'x-protocol-version': '1', 'x-client-id': engine.state.read().clientId, authorization: `Bearer ${token}` } });
    expect((await pull()).status).toBe(200);

    expect(await session.logout()).toEqual({ revokedAtServer: true });

    const audit = db.sqlite.prepare("SELECT actor_iin AS iin, details FROM audit_log WHERE action = 'session.logout'").all() as Array<{ iin: string; details: string }>;
    expect(audit).toEqual([{ iin: user.iin, details: JSON.stringify({ revokedAtServer: true }) }]);
    const refused = await pull();
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('TOKEN_EXPIRED');
    await until(() => hub.size === before, 'the poke socket closes');
    expect(session.token()).toBeNull();
    expect(engine.status()).toMatchObject({ needsLogin: true, pending: 2 });
    expect(await engine.syncNow()).toMatchObject({ ok: false, kind: 'unauthorized' });
    expect(hub.size).toBe(before);

    // The same user signs in again and the kept decisions go out.
    await session.login(nonceSigner(STAFF));
    await syncUntilSettled(service);
    expect(engine.status().pending).toBe(0);
  } finally {
    await service.stop();
    db.close();
  }
});

it('logs out offline: the token is forgotten here and the logout audited as not confirmed by the server', async () => {
  const { db, service } = freshService(world, 'logout-offline');
  try {
    await service.session.login(nonceSigner(STAFF));
    world.proxy.once(() => true, { kind: 'reset' });
    expect(await service.session.logout()).toEqual({ revokedAtServer: false });
    expect(service.session.token()).toBeNull();
    const rows = db.sqlite.prepare("SELECT details FROM audit_log WHERE action = 'session.logout'").all();
    expect(rows).toEqual([{ details: JSON.stringify({ revokedAtServer: false }) }]);
  } finally {
    await service.stop();
    db.close();
  }
});
