import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SpecialQueueListQuery } from '../../../electron/backend/special-queue/list-query';
import { application, localReplica, type LocalReplica } from './fixtures';

// Wednesday 2026-02-11 12:00 in Astana: 7 working days after Monday 2026-02-02.
const NOW = new Date('2026-02-11T07:00:00Z');
let replica: LocalReplica;
let query: SpecialQueueListQuery;

beforeEach(() => {
  replica = localReplica();
  query = new SpecialQueueListQuery(replica.db.sqlite, () => NOW);
});
afterEach(async () => {
  await replica.close();
});

const scope = (tab: 'awaiting' | 'confirmed' | 'rejected', search = '') => ({ orgIds: ['pmpk1'], tab, search });

describe('special-queue list', () => {
  it('splits the tabs by status, only for the user’s PMPK organisations', () => {
    for (let n = 1; n <= 6; n++) replica.putApplication(application(n));
    replica.putApplication(application(7, { status: 'confirmed', queuePlace: 3, decidedAt: '2026-02-04T06:00:00Z' }));
    replica.putApplication(application(8, { status: 'rejected', rejectReason: 'data_mismatch', decidedAt: '2026-02-03T06:00:00Z' }));
    replica.putApplication(application(9, { pmpkOrgId: 'pmpk2' }));

    expect(query.counts(['pmpk1'], '')).toEqual({ awaiting: 6, confirmed: 1, rejected: 1 });
    expect(query.counts(['pmpk2'], '')).toEqual({ awaiting: 1, confirmed: 0, rejected: 0 });
    expect(query.counts([], '')).toEqual({ awaiting: 0, confirmed: 0, rejected: 0 });
    expect(query.window(scope('confirmed'), 0, 50).rows.map((r) => [r.id, r.queuePlace])).toEqual([['sq-7', 3]]);
    expect(query.window(scope('rejected'), 0, 50).rows.map((r) => r.id)).toEqual(['sq-8']);
  });

  it('flags waiting children who turn 7 this year (the scheduler archives them), not decided ones', () => {
    const born = (birthDate: string) => ({ child: { fullName: 'БАЛА ТЕСТ', iin: '190615500011', birthDate, sex: 'male' as const } });
    replica.putApplication(application(1, born('2019-12-31'))); // 7 by 31 December 2026
    replica.putApplication(application(2, born('2020-01-01'))); // 7 only in 2027
    replica.putApplication(application(3, { ...born('2019-06-15'), status: 'confirmed', queuePlace: 1 }));
    replica.putApplication(application(4, { ...born('2019-06-15'), status: 'rejected', rejectReason: 'data_mismatch' }));
    const flags = (tab: 'awaiting' | 'confirmed' | 'rejected') => query.window(scope(tab), 0, 50).rows.map((r) => [r.id, r.reachesAgeLimit]);
    expect(flags('awaiting')).toEqual([['sq-1', true], ['sq-2', false]]);
    expect(flags('confirmed')).toEqual([['sq-3', true]]);
    expect(flags('rejected')).toEqual([['sq-4', false]]);
  });

  it('returns windows of the awaiting tab oldest first, with the total', () => {
    for (let n = 1; n <= 30; n++) replica.putApplication(application(n));
    const first = query.window(scope('awaiting'), 0, 10);
    const third = query.window(scope('awaiting'), 20, 10);
    expect(first.total).toBe(30);
    expect(first.rows.map((r) => r.id)).toEqual(Array.from({ length: 10 }, (_, i) => `sq-${i + 1}`));
    expect(third.rows.map((r) => r.id)).toEqual(Array.from({ length: 10 }, (_, i) => `sq-${i + 21}`));
    expect(query.window(scope('awaiting'), 30, 10)).toEqual({ total: 30, rows: [] });
  });

  it('lists decided applications newest submission first', () => {
    for (let n = 1; n <= 3; n++) replica.putApplication(application(n, { status: 'confirmed', queuePlace: n }));
    expect(query.window(scope('confirmed'), 0, 10).rows.map((r) => r.id)).toEqual(['sq-3', 'sq-2', 'sq-1']);
  });

  it('shows waiting time in working days: to today while awaiting, to the decision once decided', () => {
    replica.putApplication(application(1));
    replica.putApplication(application(2, { status: 'confirmed', queuePlace: 1, decidedAt: '2026-02-04T06:00:00Z' }));
    expect(query.window(scope('awaiting'), 0, 1).rows[0]!.waitingWorkingDays).toBe(7);
    expect(query.window(scope('confirmed'), 0, 1).rows[0]!.waitingWorkingDays).toBe(2);
  });

  it('shows the corrected correction type once the specialist confirmed another one', () => {
    replica.putApplication(application(1, { status: 'confirmed', queuePlace: 1, confirmedCorrectionType: 'hearing' }));
    expect(query.window(scope('confirmed'), 0, 1).rows[0]!.correctionType).toBe('hearing');
  });

  it('finds applications by child IIN prefix, child or parent name and number, case-insensitively', () => {
    for (let n = 1; n <= 12; n++) replica.putApplication(application(n));
    replica.putApplication(application(13, { child: { fullName: 'ӘЛІМЖАНОВ НҰРСҰЛТАН', iin: '210101500013', birthDate: '2021-01-01', sex: 'male' } }));
    const ids = (search: string) => query.window(scope('awaiting', search), 0, 50).rows.map((r) => r.id);
    expect(ids('200100000005')).toEqual(['sq-5']);
    expect(ids('20010000001')).toEqual(['sq-10', 'sq-11', 'sq-12']);
    expect(ids('нұрсұлтан')).toEqual(['sq-13']);
    expect(ids('нурсултан алимжанов')).toEqual(['sq-13']);
    expect(ids('Nursultan')).toEqual(['sq-13']);
    expect(ids('ата-ана7')).toEqual(['sq-7']);
    expect(ids('ПМПК-00003')).toEqual(['sq-3']);
    expect(query.counts(['pmpk1'], 'бала4')).toEqual({ awaiting: 1, confirmed: 0, rejected: 0 });
    // FTS syntax typed by the user is only text.
    expect(ids('"бала2*)')).toEqual(['sq-2']);
    expect(ids('бала2 OR NEAR(')).toEqual([]);
  });

  it('overlays the outbox: a queued decision is pending, a refused one needs attention', () => {
    for (let n = 1; n <= 3; n++) replica.putApplication(application(n));
    const outbox = replica.sync.engine.outbox;
    outbox.enqueue('specialQueue.reject', { applicationId: 'sq-1', reason: 'data_mismatch', comment: null, cms: 'A'.repeat(24) }, 1, null);
    const refused = outbox.enqueue('specialQueue.confirm', { applicationId: 'sq-2', correctionType: null, note: null, cms: 'A'.repeat(24) }, 1, null);
    outbox.recordResults([{ clientSeq: refused.clientSeq, mutationId: refused.mutationId, status: 'conflict', code: 'VERSION_CONFLICT' }]);
    const overlay = query.window(scope('awaiting'), 0, 10).rows.map((r) => [r.id, r.overlay]);
    expect(overlay).toEqual([['sq-1', 'pending'], ['sq-2', 'attention'], ['sq-3', null]]);
  });

  it('steps to the previous and next application of the same tab and search', () => {
    for (let n = 1; n <= 5; n++) replica.putApplication(application(n));
    replica.putApplication(application(6, { status: 'confirmed', queuePlace: 1 }));
    expect(query.neighbours(scope('awaiting'), 'sq-1')).toEqual({ previousId: null, nextId: 'sq-2' });
    expect(query.neighbours(scope('awaiting'), 'sq-3')).toEqual({ previousId: 'sq-2', nextId: 'sq-4' });
    expect(query.neighbours(scope('awaiting'), 'sq-5')).toEqual({ previousId: 'sq-4', nextId: null });
    expect(query.neighbours(scope('awaiting', 'бала3'), 'sq-3')).toEqual({ previousId: null, nextId: null });
    expect(query.neighbours(scope('awaiting'), 'sq-6')).toEqual({ previousId: null, nextId: null });
    // Decided tabs run newest first, so J goes to an older submission.
    for (let n = 7; n <= 8; n++) replica.putApplication(application(n, { status: 'confirmed', queuePlace: n }));
    expect(query.neighbours(scope('confirmed'), 'sq-7')).toEqual({ previousId: 'sq-8', nextId: 'sq-6' });
  });

  it('walks applications submitted at the same instant in the same order as the list shows them', () => {
    const at = '2026-02-02T04:00:00.000Z';
    for (const n of [31, 12, 25, 4]) replica.putApplication(application(n, { submittedAt: at }));
    const order = query.window(scope('awaiting'), 0, 10).rows.map((r) => r.id);
    expect(new Set(order)).toEqual(new Set(['sq-31', 'sq-12', 'sq-25', 'sq-4']));
    const walked = [order[0]!];
    for (let next = query.neighbours(scope('awaiting'), order[0]!).nextId; next; next = query.neighbours(scope('awaiting'), next).nextId) walked.push(next);
    expect(walked).toEqual(order);
    expect(query.window(scope('awaiting'), 2, 2).rows.map((r) => r.id)).toEqual(order.slice(2, 4));
  });
});
