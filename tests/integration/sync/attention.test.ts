/**
 * Needs attention through the API handlers: a decision made on a contract the parent withdrew meanwhile comes back
 * refused or in conflict, stays listed with the server's reason and the current state, and can be discarded.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HEADER_PROTOCOL_VERSION, PROTOCOL_VERSION } from '../../../domain/sync-protocol';
import { syncHandlers } from '../../../electron/backend/api/sync-handlers';
import { localService, markDecisions, nonceSigner, openLocalDb, STAFF, startWorld, syncUntilSettled, tempDir, type World } from './support/world';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

it('lists a refused decision with reason and current state, and discards it', async () => {
  const dir = tempDir('attention');
  const db = openLocalDb(dir);
  const service = localService(dir, db, world.proxy.url);
  const api = syncHandlers(service);
  try {
    await service.session.login(nonceSigner(STAFF));
    await syncUntilSettled(service);
    const [decision] = markDecisions(service, 1, 42);
    const contractId = String(decision!.args.contractId);
    const withdrawn = await fetch(`${world.server.url}/v1/dev/parent/contracts/${contractId}/withdraw`, {
      method: 'POST',
      headers: { [HEADER_PROTOCOL_VERSION]: String(PROTOCOL_VERSION) },
    });
    expect(withdrawn.ok).toBe(true);
    const row = service.engine.enqueueDecision(decision!.name, decision!.args, decision!.baseVersion);
    expect(service.engine.outbox.overlay().get(`contract:${contractId}`)).toBe('pending');

    await syncUntilSettled(service);
    const status = await api['sync.status']({});
    expect(status).toMatchObject({ pending: 0, attention: 1, online: true, phase: 'idle' });
    const list = await api['attention.list']({});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: row.clientSeq, name: 'contract.markDocument', target: { entity: 'contract', id: contractId } });
    expect(['rejected', 'conflict']).toContain(list[0]!.status);
    expect(list[0]!.message).toBeTruthy();
    expect(service.engine.outbox.overlay().get(`contract:${contractId}`)).toBe('attention');

    const detail = await api['attention.get']({ id: row.clientSeq });
    expect(detail.current).toMatchObject({ id: contractId, status: 'withdrawn' });

    await api['attention.discard']({ id: row.clientSeq });
    expect(await api['attention.list']({})).toEqual([]);
    expect((await api['sync.status']({})).attention).toBe(0);
    const audit = db.sqlite.prepare("SELECT action FROM audit_log WHERE action LIKE 'decision.%' ORDER BY id").all() as Array<{ action: string }>;
    expect(audit.map((a) => a.action)).toEqual(['decision.queued', 'decision.discarded']);
  } finally {
    await service.stop();
    db.close();
  }
});
