import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contractListArgsSchema, type ContractListArgs } from '../../../domain/api/contracts';
import { InboxQueries } from '../../../electron/backend/contracts/inbox-query';
import { tabOfStatus } from '../../../domain/contract-tabs';
import { contractStatuses, type ContractStatus } from '../../../domain/statuses';
import { contract, direction, put, openTestReplica, type TestReplica } from './inbox-fixtures';

const TODAY = '2026-03-02'; // a Monday
let t: TestReplica;
let inbox: InboxQueries;
const list = (args: ContractListArgs) => inbox.contracts(contractListArgsSchema.parse(args));

beforeEach(() => {
  t = openTestReplica();
  inbox = new InboxQueries(t.db.sqlite, () => TODAY);
});
afterEach(() => t.close());

describe('contract inbox over the replica', () => {
  it('puts each status in its tab and counts the tabs', () => {
    put(t, 'contract', contract(1, { status: 'submitted' }));
    put(t, 'contract', contract(2, { status: 'resubmitted', reworkCount: 1, round: 2 }));
    put(t, 'contract', contract(3, { status: 'rework_requested' }));
    put(t, 'contract', contract(4, { status: 'signed' }));
    put(t, 'contract', contract(5, { status: 'withdrawn' }));
    put(t, 'direction', direction(1));
    put(t, 'direction', direction(2, { status: 'offer_sent' }));
    expect(list({ tab: 'review' }).rows.map((r) => r.id).sort()).toEqual(['c-1', 'c-2']);
    expect(list({ tab: 'archive' }).rows.map((r) => r.id)).toEqual(['c-5']);
    expect(inbox.counts('')).toEqual({ review: 2, rework: 1, signed: 1, archive: 1, directions: 1 });
  });

  it('finds contracts by IIN prefix and by name words (FTS5), and counts only the matches', () => {
    put(t, 'contract', contract(1, { child: { fullName: 'Әлихан Серікұлы Нұрланов', iin: '210501300123', birthDate: '2021-05-01', sex: 'male' } }));
    put(t, 'contract', contract(2, { child: { fullName: 'Аяна Маратқызы Омарова', iin: '200301400456', birthDate: '2020-03-01', sex: 'female' } }));
    put(t, 'contract', contract(3, { status: 'signed', parent: { ...contract(3).parent, fullName: 'Омарова Гүлнар' } }));
    expect(list({ tab: 'review', search: '2105' }).rows.map((r) => r.id)).toEqual(['c-1']);
    expect(list({ tab: 'review', search: 'омаров' }).rows.map((r) => r.id)).toEqual(['c-2']);
    expect(list({ tab: 'review', search: 'Аяна Омар' }).total).toBe(1);
    expect(inbox.counts('омаров')).toMatchObject({ review: 1, signed: 1, rework: 0 });
    // FTS syntax typed by the user is plain text, never a query error.
    expect(list({ tab: 'review', search: '"OR* (' }).total).toBe(0);
  });

  it('folds Kazakh letters, ё and Latin passport spellings on both sides of the search', () => {
    put(t, 'contract', contract(1, { child: { fullName: 'СЕРІКБАЕВ Әлихан Қайратұлы', iin: '210501300123', birthDate: '2021-05-01', sex: 'male' } }));
    put(t, 'contract', contract(2, { parent: { ...contract(2).parent, fullName: 'Әбенова Гүлнар' } }));
    put(t, 'contract', contract(3, { child: { fullName: 'Петров Пётр', iin: '200301400456', birthDate: '2020-03-01', sex: 'male' } }));
    const ids = (search: string) => list({ tab: 'review', search }).rows.map((r) => r.id);
    expect(ids('Серикбаев')).toEqual(['c-1']);
    expect(ids('серікбаев алихан')).toEqual(['c-1']);
    expect(ids('Serikbayev')).toEqual(['c-1']);
    expect(ids('abenova')).toEqual(['c-2']);
    expect(ids('абенова')).toEqual(['c-2']);
    expect(ids('петр')).toEqual(['c-3']);
    expect(ids('Ospanova')).toEqual([]);
    // A row replaced by a newer version is found by its new name only.
    put(t, 'contract', contract(1, { version: 2, child: { fullName: 'Нұрланов Ерлан', iin: '210501300123', birthDate: '2021-05-01', sex: 'male' } }));
    expect(ids('Серикбаев')).toEqual([]);
    expect(ids('Yerlan')).toEqual(['c-1']);
  });

  it('sorts by due date with missing dates last, by name both ways, and pages stably', () => {
    put(t, 'contract', contract(1, { dueOn: '2026-03-10', child: { ...contract(1).child, fullName: 'Б' } }));
    put(t, 'contract', contract(2, { dueOn: null, child: { ...contract(2).child, fullName: 'А' } }));
    put(t, 'contract', contract(3, { dueOn: '2026-03-03', child: { ...contract(3).child, fullName: 'В' } }));
    expect(list({ tab: 'review', sort: 'dueOn' }).rows.map((r) => r.id)).toEqual(['c-3', 'c-1', 'c-2']);
    expect(list({ tab: 'review', sort: 'dueOn', dir: 'desc' }).rows.map((r) => r.id)).toEqual(['c-1', 'c-3', 'c-2']);
    expect(list({ tab: 'review', sort: 'childName', dir: 'desc' }).rows.map((r) => r.childName)).toEqual(['В', 'Б', 'А']);
    const page = list({ tab: 'review', sort: 'childName', offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, offset: 1 });
    expect(page.rows.map((r) => r.childName)).toEqual(['Б']);
  });

  it('pages across the rows with and without a due date in both directions, with the voucher filter', () => {
    const dues = ['2026-03-05', null, '2026-03-03', null, '2026-03-05', '2026-03-04', null];
    dues.forEach((dueOn, i) => put(t, 'contract', contract(i + 1, { dueOn, isVoucher: i % 2 === 0 })));
    const all = list({ tab: 'review', sort: 'dueOn', limit: 100 }).rows;
    for (const dir of ['asc', 'desc'] as const) {
      // Expected: dated rows by (due, id) in the direction, then the undated ones by id in the direction.
      const sign = dir === 'asc' ? 1 : -1;
      const byId = (a: { id: string }, b: { id: string }) => sign * a.id.localeCompare(b.id);
      const dated = all.filter((r) => r.dueOn).sort((a, b) => sign * a.dueOn!.localeCompare(b.dueOn!) || byId(a, b));
      const expected = [...dated, ...all.filter((r) => !r.dueOn).sort(byId)].map((r) => r.id);
      const paged = [0, 2, 4, 6].flatMap((offset) => list({ tab: 'review', sort: 'dueOn', dir, offset, limit: 2 }).rows.map((r) => r.id));
      expect(paged).toEqual(expected);
      const vouchers = list({ tab: 'review', sort: 'dueOn', dir, filter: { voucherOnly: true } });
      expect(vouchers.total).toBe(4);
      expect(vouchers.rows.map((r) => r.id)).toEqual(expected.filter((id) => all.find((r) => r.id === id)!.isVoucher));
    }
  });

  it('keeps the tab column of the replica in step with the tabs of the statuses', () => {
    contractStatuses.forEach((status, i) => put(t, 'contract', contract(i + 1, { status })));
    const stored = t.db.sqlite.prepare('SELECT status, tab FROM contracts').all() as Array<{ status: ContractStatus; tab: string }>;
    expect(stored).toHaveLength(contractStatuses.length);
    for (const { status, tab } of stored) expect(tab).toBe(tabOfStatus(status));
  });

  it('counts working days left and filters overdue rows', () => {
    put(t, 'contract', contract(1, { dueOn: '2026-02-27' })); // Friday before: 1 working day overdue
    put(t, 'contract', contract(2, { dueOn: '2026-03-04' }));
    const rows = list({ tab: 'review', sort: 'dueOn' }).rows;
    expect(rows.map((r) => r.workingDaysLeft)).toEqual([-1, 2]);
    expect(list({ tab: 'review', filter: { overdueOnly: true } }).rows.map((r) => r.id)).toEqual(['c-1']);
  });

  it('filters by the group the contract holds its place in', () => {
    const group = (id: string | null) => ({ id, nameKk: 'Топ', nameRu: 'Группа' });
    put(t, 'contract', contract(1, { group: group('grp-a') }));
    put(t, 'contract', contract(2, { group: group('grp-b') }));
    put(t, 'contract', contract(3, { group: group(null) }));
    put(t, 'contract', contract(4, { group: group('grp-a'), status: 'signed' }));
    expect(list({ tab: 'review', filter: { groupId: 'grp-a' } }).rows.map((r) => r.id)).toEqual(['c-1']);
    expect(list({ tab: 'signed', filter: { groupId: 'grp-a' } }).rows.map((r) => r.id)).toEqual(['c-4']);
    expect(list({ tab: 'review' }).total).toBe(3);
  });

  it('overlays the outbox per row: pending while queued, attention once refused', () => {
    put(t, 'contract', contract(1));
    put(t, 'contract', contract(2));
    put(t, 'contract', contract(3));
    t.outbox.enqueue('contract.markDocument', { contractId: 'c-1', documentId: 'd', decision: 'approved' }, 1, null);
    const refused = t.outbox.enqueue('contract.markDocument', { contractId: 'c-2', documentId: 'd', decision: 'approved' }, 1, null);
    t.outbox.recordResults([{ clientSeq: refused.clientSeq, mutationId: refused.mutationId, status: 'conflict', code: 'CONTRACT_WITHDRAWN', message: 'withdrawn' }]);
    const sync = Object.fromEntries(list({ tab: 'review' }).rows.map((r) => [r.id, r.sync]));
    expect(sync).toEqual({ 'c-1': 'pending', 'c-2': 'attention', 'c-3': null });
    expect(list({ tab: 'review', filter: { withDecisionsOnly: true } }).total).toBe(2);
  });

  it('lists directions awaiting an offer with their offer deadline and search', () => {
    put(t, 'direction', direction(1, { offerDueOn: '2026-03-06' }));
    put(t, 'direction', direction(2, { offerDueOn: '2026-03-03', child: { ...direction(2).child, fullName: 'Ерасыл 100%' } }));
    const page = inbox.directions({});
    expect(page.rows.map((r) => [r.id, r.workingDaysLeft])).toEqual([['dir-2', 1], ['dir-1', 4]]);
    expect(inbox.directions({ search: '100%' }).rows.map((r) => r.id)).toEqual(['dir-2']);
    expect(inbox.directions({ search: '%' }).rows.map((r) => r.id)).toEqual(['dir-2']);
  });

  it('a newer replica version replaces the row in the search index too', () => {
    put(t, 'contract', contract(1, { child: { ...contract(1).child, fullName: 'Ескі Есім' } }));
    put(t, 'contract', contract(1, { version: 2, child: { ...contract(1).child, fullName: 'Жаңа Есім' } }));
    expect(list({ tab: 'review', search: 'Ескі' }).total).toBe(0);
    expect(list({ tab: 'review', search: 'Жаңа' }).total).toBe(1);
  });
});
