// The footer's online flag follows the server within seconds, not at the next minute's pull: a server that goes
// away closes the poke socket (or, on a silently dropped network, stops answering its heartbeat), and the engine
// probes at once. The minute pull is set to ten minutes here, so only the socket can have told.
import { expect, it } from 'vitest';
import { defaultPokeSocketFactory, type PokeSocketFactory } from '../../../electron/backend/sync/pokes';
import type { SyncStatus } from '../../../domain/api/sync';
import { localService, nonceSigner, openLocalDb, STAFF, syncUntilSettled, tempDir, until, useWorld } from './support/world';

const world = useWorld();

it('goes offline soon after the server goes away, shows "connecting" meanwhile, and online again when it is back', async () => {
  const dir = tempDir('online');
  const db = openLocalDb(dir);
  const published: SyncStatus[] = [];
  // Counts sockets the client saw open (the server registers one before its handshake answer has arrived).
  let opened = 0;
  const pokeSocketFactory: PokeSocketFactory = (url, headers) => {
    const socket = defaultPokeSocketFactory(url, headers);
    socket.on('open', () => void opened++);
    return socket;
  };
  const service = localService(dir, db, world.proxy.url, {
    pokeSocketFactory,
    pokeHeartbeatMs: 200,
    pullIntervalMs: 10 * 60_000,
    onStatus: (status) => published.push(status),
  });
  const { engine } = service;
  try {
    await service.session.login(nonceSigner(STAFF));
    await syncUntilSettled(service);
    service.start();
    // Idle too: a cycle still in flight when the server goes away would report the failure before the socket does.
    await until(() => opened === 1 && engine.status().online && engine.status().phase === 'idle', 'online and idle with the poke socket open');

    // The server is gone: connections are refused, the open socket is cut.
    published.length = 0;
    let since = Date.now();
    world.proxy.setOffline(true);
    await until(() => !engine.status().online && engine.status().lastError !== null, 'offline after the socket closed');
    console.log(`offline shown ${Date.now() - since} ms after the server went away`);
    // Between the lost socket and the failed probe the footer said "connecting" (offline, no error yet).
    expect(published.find((s) => !s.online)).toMatchObject({ online: false, lastError: null });

    world.proxy.setOffline(false);
    await until(() => engine.status().online, 'online again once the server is back');
    await until(() => opened === 2, 'the poke socket reopens');

    // The network silently drops: nothing is closed, nothing answers; the heartbeat notices.
    since = Date.now();
    world.proxy.setSilent(true);
    await until(() => !engine.status().online && engine.status().lastError !== null, 'offline after an unanswered heartbeat');
    console.log(`offline shown ${Date.now() - since} ms after the network went silent (heartbeat 200 ms, request timeout 1.5 s)`);

    world.proxy.setSilent(false);
    await until(() => engine.status().online, 'online again once the network is back');
  } finally {
    await service.stop();
    db.close();
  }
});
