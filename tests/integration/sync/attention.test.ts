/**
 * Needs attention through the API handlers: a decision made on a contract the parent withdrew meanwhile comes back
 * refused or in conflict, stays listed with the server's reason and the current state, and can be discarded.
 */
import { expect, it } from 'vitest';
import { HEADER_PROTOCOL_VERSION, PROTOCOL_VERSION } from '../../../domain/sync-protocol';
import { syncHandlers } from '../../../electron/backend/api/sync-handlers';
import { contractOverlays, markDecisions, signedInService, syncUntilSettled, useWorld } from './support/world';

const world = useWorld();

it('lists a refused decision with reason and current state, and discards it', async () => {
  const { db, service } = await signedInService(world, 'attention');
  const api = syncHandlers(service);
  try {
    const [decision] = markDecisions(service, 1, 42);
    const contractId = String(decision!.args.contractId);
    const withdrawn = await fetch(`${world.server.url}/v1/dev/parent/contracts/${contractId}/withdraw`, {
      method: 'POST',
      headers: { [HEADER_PROTOCOL_VERSION]: String(PROTOCOL_VERSION) },
    });
    expect(withdrawn.ok).toBe(true);
    const row = service.engine.enqueueDecision(decision!.name, decision!.args, decision!.baseVersion);
    expect(contractOverlays(service).get(contractId)).toBe('pending');

    await syncUntilSettled(service);
    const status = await api['sync.status']({});
    expect(status).toMatchObject({ pending: 0, attention: 1, online: true, phase: 'idle' });
    const list = await api['attention.list']({});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: row.clientSeq, name: 'contract.markDocument', target: { entity: 'contract', id: contractId } });
    expect(['rejected', 'conflict']).toContain(list[0]!.status);
    expect(list[0]!.message).toBeTruthy();
    expect(contractOverlays(service).get(contractId)).toBe('attention');

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
