/**
 * Every decision reaches the server exactly once and in order, whatever the network does between: answers dropped
 * after the server committed, 500, 429, timeouts, connection resets and slow links.
 */
import { describe, expect, it } from 'vitest';
import { pathStarts, type Fault } from '../../support/fault-proxy';
import { expectExactlyOnceInOrder, localService, markDecisions, nonceSigner, openLocalDb, serverResults, serverSnapshot, STAFF, syncUntilSettled, tempDir, useWorld } from './support/world';

const world = useWorld();

const faults: Array<[string, Fault]> = [
  ['answer dropped after the server committed', { kind: 'dropAfterCommit' }],
  ['500', { kind: 'status', status: 500 }],
  ['429', { kind: 'status', status: 429 }],
  ['timeout', { kind: 'timeout' }],
  ['connection reset', { kind: 'reset' }],
  ['slow link', { kind: 'slow', chunkBytes: 64, delayMs: 2 }],
];

describe('decisions through a faulty network', () => {
  it.each(faults)('%s on push and pull: exactly once, in order, replica equals server', async (_label, fault) => {
    const dir = tempDir('faults');
    const db = openLocalDb(dir);
    const service = localService(dir, db, world.proxy.url);
    try {
      await service.session.login(nonceSigner(STAFF));
      await syncUntilSettled(service);
      const ids: string[] = [];
      for (const [round, batch] of [markDecisions(service, 120, 1), markDecisions(service, 30, 2)].entries()) {
        for (const d of batch) ids.push(service.engine.enqueueDecision(d.name, d.args, d.baseVersion).mutationId);
        // Several faults per round: the first push (batch of 100) and the pull after it.
        world.proxy.once(pathStarts('/v1/sync/push'), fault);
        world.proxy.once(pathStarts('/v1/sync/push'), fault);
        world.proxy.once(pathStarts('/v1/sync/pull'), fault);
        expect(service.engine.status().pending).toBe(ids.length - (round === 0 ? 0 : 120));
        await syncUntilSettled(service);
      }
      world.proxy.clearFaults();
      await syncUntilSettled(service);
      const problem = expectExactlyOnceInOrder(await serverResults(world.server, service.engine.state.read().clientId), ids);
      expect(problem).toBeNull();
      expect(service.engine.outbox.all()).toEqual([]);
      expect(service.engine.replica.snapshot()).toEqual(await serverSnapshot(world.server, service.engine.state.read().token!));
    } finally {
      world.proxy.clearFaults();
      await service.stop();
      db.close();
    }
  });
});
