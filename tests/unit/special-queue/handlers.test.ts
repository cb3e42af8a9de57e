import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../domain/envelope';
import type { MutationName } from '../../../domain/mutations';
import { bytesToBase64 } from '../../../domain/pki';
import { signCms } from '../../fixtures/pki/sign-cms';
import { specialQueueHandlers } from '../../../electron/backend/api/special-queue-handlers';
import { loadKey, trustedTestRootsPem } from '../../fixtures/pki/load';
import { application, KINDERGARTEN_USER, localReplica, PMPK_USER, type LocalReplica } from './fixtures';
import { signatureTrust } from '../../../electron/backend/signatures/signature-trust';

const NOW = new Date('2026-02-11T07:00:00Z');
let replica: LocalReplica | undefined;
afterEach(async () => {
  await replica?.close();
});

/** Handlers whose "signing" records the call and queues the decision with a placeholder CMS. */
function setUp(user = PMPK_USER) {
  replica = localReplica(user);
  const r = replica;
  const calls: Array<{ name: MutationName; args: Record<string, unknown>; baseVersion: number }> = [];
  const handlers = specialQueueHandlers({
    sync: r.sync,
    trust: signatureTrust(trustedTestRootsPem(), {}, () => false),
    now: () => NOW,
    decisions: {
      decide: async (name, args, baseVersion) => {
        calls.push({ name, args: args as Record<string, unknown>, baseVersion });
        return r.sync.engine.enqueueDecision(name, { ...args, cms: 'A'.repeat(24) }, baseVersion);
      },
    },
  });
  return { r, handlers, calls };
}

async function refusal(promise: Promise<unknown> | unknown): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('special-queue handlers', () => {
  it('confirms with the replica version as base, dropping a "correction" to the requested type', async () => {
    const { r, handlers, calls } = setUp();
    r.putApplication(application(1, { version: 4 }));
    r.putApplication(application(2, { version: 2 }));
    await handlers['specialQueue.confirm']({ applicationId: 'sq-1', correctionType: 'speech', note: 'совпадает' });
    await handlers['specialQueue.confirm']({ applicationId: 'sq-2', correctionType: 'hearing', note: 'по заключению' });
    expect(calls).toEqual([
      { name: 'specialQueue.confirm', args: { applicationId: 'sq-1', correctionType: null, note: 'совпадает' }, baseVersion: 4 },
      { name: 'specialQueue.confirm', args: { applicationId: 'sq-2', correctionType: 'hearing', note: 'по заключению' }, baseVersion: 2 },
    ]);
  });

  it('refuses a second decision while one is queued, and any decision once decided', async () => {
    const { r, handlers, calls } = setUp();
    r.putApplication(application(1));
    r.putApplication(application(2, { status: 'rejected', rejectReason: 'data_mismatch' }));
    await handlers['specialQueue.reject']({ applicationId: 'sq-1', reason: 'other', comment: 'нет подписи врача' });
    expect(await refusal(handlers['specialQueue.confirm']({ applicationId: 'sq-1', correctionType: null, note: null }))).toBe('DECISION_PENDING');
    expect(await refusal(handlers['specialQueue.confirm']({ applicationId: 'sq-2', correctionType: null, note: null }))).toBe('ALREADY_DECIDED');
    expect(calls.map((c) => c.name)).toEqual(['specialQueue.reject']);
  });

  it('gives a kindergarten employee no special-queue data at all', async () => {
    const { r, handlers } = setUp(KINDERGARTEN_USER);
    r.putApplication(application(1));
    expect(handlers['specialQueue.counts']({ search: '' })).toEqual({ awaiting: 0, confirmed: 0, rejected: 0 });
    expect(handlers['specialQueue.list']({ tab: 'awaiting', search: '', offset: 0, limit: 50 })).toEqual({ total: 0, offset: 0, rows: [] });
    expect(await refusal(handlers['specialQueue.get']({ id: 'sq-1' }))).toBe('NOT_FOUND');
    expect(await refusal(handlers['specialQueue.reject']({ applicationId: 'sq-1', reason: 'data_mismatch', comment: null }))).toBe('NOT_FOUND');
  });

  it('details the application: history, kindergarten names, pending decision, and whether it can be decided', async () => {
    const { r, handlers } = setUp();
    r.putApplication(application(1));
    r.put('organisation', 'kg1', 1, {
      id: 'kg1', kind: 'kindergarten', bin: '050740000122', nameKk: 'Балдәурен', nameRu: 'Балдаурен', address: 'Астана', headFullName: 'Х',
      region: 'Астана', locality: 'Астана', version: 1,
    });
    r.put('historyEvent', 'h1', 1, {
      id: 'h1', subjectType: 'special_queue', subjectId: 'sq-1', at: '2026-02-02T04:01:00Z', kind: 'submitted', actorName: 'АТА-АНА1 ТЕСТ',
      round: null, details: {}, version: 1,
    });
    const before = await handlers['specialQueue.get']({ id: 'sq-1' });
    expect(before.kindergartens).toEqual([{ id: 'kg1', name: { kk: 'Балдәурен', ru: 'Балдаурен' } }, { id: 'kg2', name: null }]);
    // A PMPK replica has no kindergarten rows: the names the application carries are shown.
    r.putApplication(application(2, { chosenKindergartens: [{ id: 'kg2', nameKk: 'Айгөлек', nameRu: 'Айголек' }] }));
    expect((await handlers['specialQueue.get']({ id: 'sq-2' })).kindergartens).toEqual([
      { id: 'kg1', name: { kk: 'Балдәурен', ru: 'Балдаурен' } },
      { id: 'kg2', name: { kk: 'Айгөлек', ru: 'Айголек' } },
    ]);
    expect(before.history.map((h) => h.kind)).toEqual(['submitted']);
    expect(before.waitingWorkingDays).toBe(7);
    expect(before.conclusion.downloaded).toBe(false);
    expect(before.parentSignature).toBeNull();
    expect(before).toMatchObject({ decision: null, canDecide: true });
    await handlers['specialQueue.confirm']({ applicationId: 'sq-1', correctionType: null, note: null });
    const after = await handlers['specialQueue.get']({ id: 'sq-1' });
    expect(after).toMatchObject({ decision: { overlay: 'pending', name: 'specialQueue.confirm' }, canDecide: false });
  });

  it('verifies the parent signature over the downloaded conclusion and names a wrong signer', async () => {
    const { r, handlers } = setUp();
    const conclusion = new TextEncoder().encode('%PDF-1.7 conclusion of sq-1');
    const sha256 = createHash('sha256').update(conclusion).digest('hex');
    const parent = await loadKey('parent-01', 'sign');
    const cms = bytesToBase64(await signCms({ content: conclusion, privateKey: parent.privateKey, certificate: parent.certDer, chain: parent.chainDer, detached: true, signingTime: NOW }));
    const signature = { cms, signerIin: parent.identity.iin, signerFullName: 'СЕРІКОВА АЙЖАН БОЛАТҚЫЗЫ', signerBin: null, certSerial: '1', signedAt: NOW.toISOString() };
    r.putApplication(application(1, { conclusionSha256: sha256, conclusionSize: conclusion.length, parentIin: parent.identity.iin, parentSignature: signature }));
    r.putApplication(application(2, { conclusionSha256: sha256, conclusionSize: conclusion.length, parentSignature: signature }));

    expect((await handlers['specialQueue.get']({ id: 'sq-1' })).parentSignature).toBeNull();
    await r.sync.store.store(sha256, conclusion, 'application/pdf');
    expect((await handlers['specialQueue.get']({ id: 'sq-1' })).parentSignature).toMatchObject({ valid: true, iinMatches: true, problem: null, signerIin: parent.identity.iin });
    expect((await handlers['specialQueue.get']({ id: 'sq-2' })).parentSignature).toMatchObject({ iinMatches: false, problem: 'WRONG_SIGNER', signerIin: parent.identity.iin });
    r.putApplication(application(3, { conclusionSha256: sha256, conclusionSize: conclusion.length }));
    expect((await handlers['specialQueue.get']({ id: 'sq-3' })).parentSignature).toMatchObject({ valid: false, problem: 'NO_SIGNATURE' });
  });
});
