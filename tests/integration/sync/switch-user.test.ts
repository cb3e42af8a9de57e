/**
 * Another person signing in on the same machine while the previous person's decisions are still queued: the login
 * is refused (their decisions carry the previous person's signature) and nothing is lost; once the queue is empty
 * the new person signs in and the replica is rebuilt for their scope.
 */
import type { AppError } from '../../../domain/envelope';
import { displayText } from '../../../domain/text/catalogue';
import { textOfDetails } from '../../../domain/text/text-error';
import { expect, it } from 'vitest';
import { markDecisions, nonceSigner, signedInService, syncUntilSettled, useWorld } from './support/world';

const world = useWorld();

it('refuses a different user while the outbox holds the previous user’s decisions, then lets them in', { timeout: 180_000 }, async () => {
  const { db, service } = await signedInService(world, 'switch-user');
  const { engine } = service;
  try {
    for (const d of markDecisions(service, 3, 4)) engine.enqueueDecision(d.name, d.args, d.baseVersion);

    const refused = await service.session.login(nonceSigner('kg2-methodist')).then(
      () => null,
      (error: unknown) => error as AppError,
    );
    expect(refused).toMatchObject({ code: 'OUTBOX_NOT_EMPTY', details: { count: 3 } });
    const ref = textOfDetails(refused?.details)!;
    expect(displayText(ref, 'kk')).toContain('3 шешім');
    expect(displayText(ref, 'ru')).toContain('(3)');
    expect(engine.user()?.iin).toBe('901121403565'); // still the methodist of kindergarten 1
    expect(engine.status().pending).toBe(3);

    await syncUntilSettled(service); // the methodist's decisions reach the server
    expect(engine.status().pending).toBe(0);
    const user = await service.session.login(nonceSigner('kg2-methodist'));
    expect(user.iin).toBe('920608405916');
    await syncUntilSettled(service);
    const contracts = Object.values(engine.replica.snapshot().contract ?? {}) as Array<{ data: { orgId: string } }>;
    expect(contracts.length).toBeGreaterThan(0);
    expect(new Set(contracts.map((c) => c.data.orgId)).size).toBe(1);
    expect(user.orgs.map((o) => o.id)).toContain(contracts[0]?.data.orgId);
  } finally {
    await service.stop();
    db.close();
  }
});
