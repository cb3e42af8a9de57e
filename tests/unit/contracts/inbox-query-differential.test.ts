/**
 * The inbox's fast paths — the search index narrowed to the tab, its match count as the total, a page read from few
 * matches or by walking a sort index — give exactly the page and total of the plain query: every row of the tab's
 * statuses that matches, sorted with missing values last, sliced. Checked over tabs × sort keys × directions ×
 * searches with many and few matches × filters (alone and together) × offsets, on a replica large enough for both paths.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contractListArgsSchema, contractTabs, type ContractListQuery, type ContractSort } from '../../../domain/api/contracts';
import { statusesOfTab } from '../../../domain/contract-tabs';
import { contractStatuses } from '../../../domain/statuses';
import { InboxQueries } from '../../../electron/backend/contracts/inbox-query';
import { ftsMatchExpression } from '../../../electron/backend/contracts/search';
import { contract, openTestReplica, put, type TestReplica } from './inbox-fixtures';

const TODAY = '2026-03-02';
const ROWS = 4_000;
let t: TestReplica;

beforeAll(() => {
  t = openTestReplica();
  const others = contractStatuses.filter((s) => s !== 'submitted');
  t.db.sqlite.transaction(() => {
    for (let n = 1; n <= ROWS; n++) {
      const base = contract(n);
      put(
        t,
        'contract',
        contract(n, {
          // Most rows in review, so one search matches more rows of a tab than a page read from matches takes.
          status: n % 5 < 3 ? 'submitted' : others[n % others.length]!,
          child: { ...base.child, fullName: n % 4 === 0 ? `Бекова Аяна ${n}` : `Ахметов Ерлан ${n % 97}` },
          parent: { ...base.parent, fullName: `Ата-ана ${n % 13}` },
          reworkCount: n % 3,
          group: { ...base.group, id: n % 4 === 0 ? 'grp-2' : 'grp-1' },
          isVoucher: n % 3 === 0,
          dueOn: n % 5 === 1 ? null : `2026-03-${String((n % 20) + 1).padStart(2, '0')}`,
          submittedAt: n % 10 === 7 ? null : `2026-02-${String((n % 27) + 1).padStart(2, '0')}T05:00:00.000Z`,
        }),
      );
    }
  })();
}, 120_000);
afterAll(() => t.close());

const columns: Record<ContractSort, string> = {
  submittedAt: 'submitted_at',
  dueOn: 'due_on',
  childName: 'child_name',
  parentName: 'parent_name',
  reworkCount: 'rework_count',
};

/** The plain query: no index hints, no tab in the search, the whole sorted list sliced. */
function reference(q: ContractListQuery): { total: number; ids: string[] } {
  const where = [`status IN (${statusesOfTab[q.tab].map((s) => `'${s}'`).join(', ')})`];
  const match = ftsMatchExpression(q.search);
  if (match) where.push('rowid IN (SELECT rowid FROM contracts_fts WHERE contracts_fts MATCH @match)');
  if (q.filter.voucherOnly) where.push("json_extract(data, '$.isVoucher') = 1");
  if (q.filter.overdueOnly) where.push('due_on < @today');
  if (q.filter.groupId) where.push(`json_extract(data, '$.group.id') = '${q.filter.groupId}'`);
  const col = columns[q.sort];
  const dir = q.dir === 'desc' ? 'DESC' : 'ASC';
  const all = t.db.sqlite
    .prepare(`SELECT id FROM contracts WHERE ${where.join(' AND ')} ORDER BY ${col} IS NULL, ${col} ${dir}, id ${dir}`)
    .pluck()
    .all({ ...(match ? { match } : {}), today: TODAY }) as string[];
  return { total: all.length, ids: all.slice(q.offset, q.offset + q.limit) };
}

it('gives the plain query\'s page and total for every tab, sort, search, filter and offset', { timeout: 120_000 }, () => {
  const inbox = new InboxQueries(t.db.sqlite, () => TODAY);
  const searches = ['', 'Ахме', 'ахметов ерлан 4', 'Бекова', '1000', 'ДГ-KG1-0012', 'review'];
  const filters = [{}, { voucherOnly: true }, { overdueOnly: true }, { voucherOnly: true, overdueOnly: true, groupId: 'grp-2' }];
  let checked = 0;
  let largeMatchSets = 0;
  let combinedFilterPages = 0;
  for (const tab of contractTabs)
    for (const sort of Object.keys(columns) as ContractSort[])
      for (const dir of ['asc', 'desc'] as const)
        for (const search of searches)
          for (const filter of filters)
            for (const offset of [0, 150, 1_700]) {
              const q = contractListArgsSchema.parse({ tab, sort, dir, search, filter, offset, limit: 100 });
              const expected = reference(q);
              const got = inbox.contracts(q);
              expect({ total: got.total, ids: got.rows.map((r) => r.id) }, JSON.stringify({ tab, sort, dir, search, filter, offset })).toEqual(expected);
              if (search !== '' && expected.total > 1_500) largeMatchSets++;
              if (filter.groupId && expected.ids.length > 0) combinedFilterPages++;
              checked++;
            }
  expect(checked).toBe(4 * 5 * 2 * searches.length * filters.length * 3);
  // Both paths ran: some searches match more rows of a tab than a page read from matches takes.
  expect(largeMatchSets).toBeGreaterThan(0);
  // The filters together leave rows to compare.
  expect(combinedFilterPages).toBeGreaterThan(0);
});
