/**
 * Two PMPK specialists on two machines confirm the same application while offline. Each decision is signed through
 * the NCALayer emulator and checked locally; once back online the first to reach the server applies (the server
 * assigns the queue place), the second is a version conflict and stays in Needs attention with the server's state.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { specialQueueHandlers } from '../../../electron/backend/api/special-queue-handlers';
import { DecisionService } from '../../../electron/backend/decisions/decision-service';
import { NcaLayerClient } from '../../../electron/backend/ncalayer/client';
import { startEmulator, type RunningEmulator } from '../../fixtures/ncalayer/emulator';
import { trustedTestRootsPem } from '../../fixtures/pki/load';
import { localService, nonceSigner, openLocalDb, startWorld, syncUntilSettled, tempDir, type World } from '../sync/support/world';
import { signatureTrust } from '../../../electron/backend/signatures/signature-trust';

let world: World;
let emulator: RunningEmulator;
beforeAll(async () => {
  world = await startWorld();
  emulator = await startEmulator({ port: 0, keystore: ['pmpk1-specialist'] });
});
afterAll(async () => {
  await emulator?.close();
  await world?.close();
});

/** One specialist's machine: local DB, sync service and the special-queue API with real NCALayer signing. */
async function machine(identity: string) {
  const dir = tempDir(`sq-${identity}`);
  const db = openLocalDb(dir);
  const sync = localService(dir, db, world.proxy.url);
  const user = await sync.session.login(nonceSigner(identity));
  await syncUntilSettled(sync);
  const ncalayer = new NcaLayerClient({ url: emulator.url, ca: [emulator.caPem], signerChain: [] });
  const decisions = new DecisionService({
    engine: sync.engine,
    ncalayer: () => ncalayer,
    trustedRootsPem: trustedTestRootsPem(),
    contractPdfs: { regenerate: () => Promise.reject(new Error('no contract PDFs here')) },
  });
  const api = specialQueueHandlers({ sync, decisions, trust: signatureTrust(trustedTestRootsPem(), {}, () => false) });
  return {
    identity,
    user,
    sync,
    api,
    async confirm(applicationId: string) {
      await emulator.setKeystore([identity]);
      return api['specialQueue.confirm']({ applicationId, correctionType: null, note: null });
    },
    async close() {
      await sync.stop();
      db.close();
    },
  };
}

it('applies one of two offline confirmations of the same application and puts the other into Needs attention', async () => {
  const specialist = await machine('pmpk1-specialist');
  const senior = await machine('pmpk1-senior');
  try {
    const first = (await specialist.api['specialQueue.list']({ tab: 'awaiting', search: '', offset: 0, limit: 1 })).rows[0]!;
    expect((await senior.api['specialQueue.list']({ tab: 'awaiting', search: '', offset: 0, limit: 1 })).rows[0]!.id).toBe(first.id);

    world.proxy.setOffline(true);
    await specialist.confirm(first.id);
    await senior.confirm(first.id);
    for (const m of [specialist, senior]) {
      expect((await m.sync.engine.syncNow()).ok).toBe(false);
      expect((await m.api['specialQueue.list']({ tab: 'awaiting', search: '', offset: 0, limit: 1 })).rows[0]).toMatchObject({ id: first.id, overlay: 'pending' });
    }

    world.proxy.setOffline(false);
    await syncUntilSettled(specialist.sync);
    await syncUntilSettled(senior.sync);

    const confirmed = await specialist.api['specialQueue.get']({ id: first.id });
    expect(confirmed.application).toMatchObject({ status: 'confirmed', decidedByFullName: specialist.user.fullName });
    expect(confirmed.application.queuePlace).toBeGreaterThan(0);
    expect(confirmed.decision).toBeNull();
    expect(specialist.sync.engine.status()).toMatchObject({ pending: 0, attention: 0 });

    const attention = senior.sync.engine.outbox.attention();
    expect(attention).toHaveLength(1);
    expect(attention[0]).toMatchObject({ name: 'specialQueue.confirm', targetId: first.id, status: 'conflict', resultCode: 'VERSION_CONFLICT' });
    const seen = await senior.api['specialQueue.get']({ id: first.id });
    expect(seen.application).toMatchObject({ status: 'confirmed', queuePlace: confirmed.application.queuePlace });
    expect(seen).toMatchObject({ decision: { overlay: 'attention', code: 'VERSION_CONFLICT' }, canDecide: false });
    expect((await senior.api['specialQueue.list']({ tab: 'confirmed', search: first.childIin, offset: 0, limit: 5 })).rows).toMatchObject([
      { id: first.id, overlay: 'attention', queuePlace: confirmed.application.queuePlace },
    ]);
  } finally {
    await specialist.close();
    await senior.close();
  }
});
