/**
 * The inbox over the local replica: prepared SQL with FTS5 search, sorting, filters and paging, tab counts, and the
 * outbox overlay per row. A page is read in two phases so 100k rows page in milliseconds: the ids of the page in the
 * order of a (tab, sort column, id) index, stopping at LIMIT, then the shown columns and the overlay for those ids only.
 */
import type Database from 'better-sqlite3';
import type {
  ContractListQuery,
  ContractListRow,
  ContractSort,
  DirectionListRow,
  InboxCounts,
} from '../../../domain/api/contracts';
import { directionListArgsSchema, type DirectionListArgs } from '../../../domain/api/contracts';
import { isProvisionalDate, workingDaysLeft } from '../../../domain/calendar';
import type { ContractStatus } from '../../../domain/statuses';
import { cachedStatement } from '../../../db/statement-cache';
import { overlaySql } from './overlay-sql';
import { searchForms } from '../../../domain/name-search';
import { ftsMatchExpression, likePattern } from './search';
import { tabOfStatus } from '../../../domain/contract-tabs';

/**
 * Sort keys → the column, its covering (tab, column, id, due_on, is_voucher) index (db/schema.ts), and whether rows
 * may lack a value (those sort last, so such a column's page is read in two ranges).
 */
const sortKeys: Readonly<Record<ContractSort, { column: string; index: string; nullable: boolean }>> = {
  submittedAt: { column: 'c.submitted_at', index: 'contracts_tab_submitted_idx', nullable: true },
  dueOn: { column: 'c.due_on', index: 'contracts_tab_due_idx', nullable: true },
  childName: { column: 'c.child_name', index: 'contracts_tab_child_name_idx', nullable: false },
  parentName: { column: 'c.parent_name', index: 'contracts_tab_parent_name_idx', nullable: false },
  reworkCount: { column: 'c.rework_count', index: 'contracts_tab_rework_idx', nullable: false },
};

/**
 * Up to this many search matches in a tab, a page is read from the matches themselves (each row found by rowid,
 * counted and sorted in one statement); above it, walking the sort index finds a page's matches sooner. Reading a
 * match's row (a random page of the table) costs about as much as walking dozens of index entries: without filters
 * the walk stops after limit × tab ÷ matches entries; with filters it also counts the tab's whole range.
 */
const MATCH_DRIVEN_MAX = { unfiltered: 400, filtered: 1_500 };

interface RawContractRow {
  id: string;
  number: string;
  status: ContractStatus;
  child_name: string;
  child_iin: string;
  parent_name: string;
  submitted_at: string | null;
  due_on: string | null;
  rework_count: number;
  is_voucher: number;
  sync: 'pending' | 'attention' | null;
}

interface Page<T> {
  total: number;
  offset: number;
  rows: T[];
}

type Params = Record<string, unknown>;

const daysLeft = (today: string, due: string | null): number | null => (due ? workingDaysLeft(today, due) : null);

export class InboxQueries {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly today: () => string,
  ) {
    // Per connection, never persisted: the current query's search matches (see loadMatches).
    sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS inbox_matches (id INTEGER PRIMARY KEY)');
  }

  /** The list's SQL texts are few (sort keys × filters × paths): each is compiled once per connection. */
  private statement(sql: string): Database.Statement {
    return cachedStatement(this.sqlite, sql);
  }

  /** One page of a contract tab. Missing dates sort last in either direction. */
  contracts(q: ContractListQuery): Page<ContractListRow> {
    const { whereSql, params, match, filtered } = this.contractFilter(q);
    const { column, index, nullable } = sortKeys[q.sort];
    const dir = q.dir === 'desc' ? 'DESC' : 'ASC';
    // The sort key's index covers every filter, so neither the totals nor the page ids read a table row; INDEXED BY
    // keeps the planner from a narrower index (e.g. due_on for «overdue») that would read rows and sort them.
    const from = `contracts c INDEXED BY ${index}`;
    const count = (sql: string) => this.statement(`SELECT COUNT(*) FROM ${sql}`).pluck().get(params) as number;
    // The search index knows the tab: its match count is the tab's, read without touching the rows.
    const matches = match === null ? null : this.loadMatches(match);
    if (matches !== null && matches <= MATCH_DRIVEN_MAX[filtered ? 'filtered' : 'unfiltered']) return this.pageOfMatches(q, whereSql, params, `${column} IS NULL, ${column} ${dir}, c.id ${dir}`);
    // Otherwise the total is counted in the narrowest covering index, whose due_on range is the «overdue» filter's
    // (unless the matches are the total), and the rows without a sort value in their own range of the sort index.
    const total = matches !== null && !filtered ? matches : count(`contracts c INDEXED BY ${sortKeys.dueOn.index} WHERE ${whereSql}`);
    const missing = nullable ? count(`${from} WHERE ${whereSql} AND ${column} IS NULL`) : 0;
    const counts = { total, withValue: total - missing };
    // Rows with a value come first, then those without (ordered by id): each part is one range of the index, where
    // `ORDER BY column IS NULL, …` in one statement would sort the whole tab for every page.
    const pageIds = (where: string, order: string, limit: number, offset: number) =>
      this
        .statement(`SELECT c.id FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
        .pluck()
        .all({ ...params, limit, offset }) as string[];
    const ids: string[] = [];
    if (q.offset < counts.withValue) ids.push(...pageIds(`${whereSql} AND ${column} IS NOT NULL`, `${column} ${dir}, c.id ${dir}`, q.limit, q.offset));
    if (ids.length < q.limit && q.offset + ids.length < counts.total) {
      ids.push(...pageIds(`${whereSql} AND ${column} IS NULL`, `c.id ${dir}`, q.limit - ids.length, Math.max(0, q.offset - counts.withValue)));
    }
    return { total: counts.total, offset: q.offset, rows: this.contractRows(ids) };
  }

  /** A page read from few search matches: each found by rowid, then counted, sorted and paged in one statement. */
  private pageOfMatches(q: ContractListQuery, whereSql: string, params: Params, order: string): Page<ContractListRow> {
    // NOT INDEXED: the matches' rowids lead; no sort index is walked past the rows of other searches.
    const page = this
      .statement(`SELECT c.id, count(*) OVER () AS total FROM contracts c NOT INDEXED WHERE ${whereSql} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: q.limit, offset: q.offset }) as Array<{ id: string; total: number }>;
    const total =
      page[0]?.total ??
      (q.offset === 0 ? 0 : (this.statement(`SELECT count(*) FROM contracts c NOT INDEXED WHERE ${whereSql}`).pluck().get(params) as number));
    return { total, offset: q.offset, rows: this.contractRows(page.map((r) => r.id)) };
  }

  /**
   * The search's matches (a MATCH expression) into the temp table every statement of the query reads them from, and
   * their number: the search index is read once per query, and each statement looks matches up in a rowid table
   * instead of collecting them again into a list of its own.
   */
  private loadMatches(match: string): number {
    this.statement('DELETE FROM temp.inbox_matches').run();
    return this.statement('INSERT INTO temp.inbox_matches (id) SELECT rowid FROM contracts_fts WHERE contracts_fts MATCH ?').run(match).changes;
  }

  /**
   * The WHERE of a contract list: the tab, the search (`match`: only the tab's matches, to be loaded by loadMatches),
   * the filters (`filtered`: any).
   */
  private contractFilter(q: ContractListQuery): { whereSql: string; params: Params; match: string | null; filtered: boolean } {
    const where = ['c.tab = @tab'];
    const params: Params = { tab: q.tab };
    const search = ftsMatchExpression(q.search);
    if (q.filter.voucherOnly) where.push('c.is_voucher = 1');
    if (q.filter.groupId) {
      where.push('c.group_id = @groupId');
      params.groupId = q.filter.groupId;
    }
    if (q.filter.overdueOnly) {
      where.push('c.due_on < @today');
      params.today = this.today();
    }
    // Same rows as «the overlay is not NULL», without evaluating the overlay for every row of the tab.
    if (q.filter.withDecisionsOnly) where.push("c.id IN (SELECT o.target_id FROM outbox o WHERE o.target_entity = 'contract')");
    // Last: terms are tested in the order written, and the filters read from the index entry are cheaper than the
    // lookup of each entry among the matches.
    if (search) where.push('c.rowid IN (SELECT id FROM temp.inbox_matches)');
    return { whereSql: where.join(' AND '), params, match: search && `tab : "${q.tab}" AND ${search}`, filtered: where.length > (search ? 2 : 1) };
  }

  /** The shown columns and the overlay of the page's rows, in the page's order. */
  private contractRows(ids: readonly string[]): ContractListRow[] {
    if (ids.length === 0) return [];
    const raw = this
      .statement(
        `SELECT c.id, c.number, c.status, c.child_name, c.child_iin, c.parent_name, c.submitted_at, c.due_on, c.rework_count,
                c.is_voucher, ${overlaySql('contract', 'c.id')} AS sync
           FROM contracts c WHERE c.id IN (SELECT value FROM json_each(@ids))`,
      )
      .all({ ids: JSON.stringify(ids) }) as RawContractRow[];
    const byId = new Map(raw.map((r) => [r.id, r]));
    const today = this.today();
    // A row another connection deleted between the two phases is left out of the page.
    return ids.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      return {
        id: r.id,
        number: r.number,
        status: r.status,
        childName: r.child_name,
        childIin: r.child_iin,
        parentName: r.parent_name,
        submittedAt: r.submitted_at,
        dueOn: r.due_on,
        workingDaysLeft: daysLeft(today, r.due_on),
        dueProvisional: r.due_on ? isProvisionalDate(r.due_on) : false,
        reworkCount: r.rework_count,
        isVoucher: r.is_voucher === 1,
        sync: r.sync,
      };
    });
  }

  /** Rows per tab for the same search (the tab badges). */
  counts(search: string): InboxCounts {
    const match = ftsMatchExpression(search);
    const byStatus = this.sqlite
      .prepare(
        `SELECT status, COUNT(*) AS n FROM contracts c
          ${match ? 'WHERE c.rowid IN (SELECT rowid FROM contracts_fts WHERE contracts_fts MATCH @match)' : ''}
          GROUP BY status`,
      )
      .all(match ? { match } : {}) as Array<{ status: ContractStatus; n: number }>;
    const counts: InboxCounts = { review: 0, rework: 0, signed: 0, archive: 0, directions: 0 };
    for (const { status, n } of byStatus) counts[tabOfStatus(status)] += n;
    counts.directions = this.directions({ search, limit: 1 }).total;
    return counts;
  }

  /** Directions awaiting an offer, most urgent first. */
  directions(rawArgs: DirectionListArgs): Page<DirectionListRow> {
    const q = directionListArgsSchema.parse(rawArgs);
    const search = q.search.trim();
    const where = ["d.status = 'awaiting_offer'"];
    // Names compare folded (domain/name-search.ts), in each form of the typed text; IIN and number as typed.
    const [folded, latin = folded] = searchForms(search);
    const nameMatches = (column: string) => `(qabyl_fold_name(${column}) LIKE @folded ESCAPE '\\' OR qabyl_fold_name(${column}) LIKE @latin ESCAPE '\\')`;
    if (search) where.push(`(${nameMatches('d.child_name')} OR d.child_iin LIKE @like ESCAPE '\\' OR ${nameMatches('d.parent_name')} OR d.number LIKE @like ESCAPE '\\')`);
    const params = { like: likePattern(search), folded: likePattern(folded ?? ''), latin: likePattern(latin ?? '') };
    const whereSql = where.join(' AND ');
    const total = (this.sqlite.prepare(`SELECT COUNT(*) AS n FROM directions d WHERE ${whereSql}`).get(params) as { n: number }).n;
    const dir = q.dir === 'desc' ? 'DESC' : 'ASC';
    const rows = this.sqlite
      .prepare(
        `SELECT d.id, d.number, d.child_name, d.child_iin, d.parent_name, d.offer_due_on,
                json_extract(d.data, '$.issuedOn') AS issued_on, json_extract(d.data, '$.isVoucher') AS is_voucher,
                ${overlaySql('direction', 'd.id')} AS sync
           FROM directions d WHERE ${whereSql}
          ORDER BY d.offer_due_on ${dir}, d.id ${dir} LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: q.limit, offset: q.offset }) as Array<{
      id: string;
      number: string;
      child_name: string;
      child_iin: string;
      parent_name: string;
      offer_due_on: string;
      issued_on: string;
      is_voucher: number;
      sync: 'pending' | 'attention' | null;
    }>;
    const today = this.today();
    return {
      total,
      offset: q.offset,
      rows: rows.map((r) => ({
        id: r.id,
        number: r.number,
        childName: r.child_name,
        childIin: r.child_iin,
        parentName: r.parent_name,
        issuedOn: r.issued_on,
        offerDueOn: r.offer_due_on,
        workingDaysLeft: workingDaysLeft(today, r.offer_due_on),
        dueProvisional: isProvisionalDate(r.offer_due_on),
        isVoucher: r.is_voucher === 1,
        sync: r.sync,
      })),
    };
  }
}
