/**
 * The inbox over the local replica: prepared SQL with FTS5 search, sorting, filters and paging (100k rows page in
 * milliseconds through the (org, status, due) index and LIMIT/OFFSET), tab counts, and the outbox overlay per row.
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
import { workingDaysLeft } from '../../../domain/calendar';
import type { ContractStatus } from '../../../domain/statuses';
import { overlaySql } from './overlay-sql';
import { ftsMatchExpression, likePattern } from './search';
import { statusesOfTab, tabOfStatus } from './tabs';

/** Sort keys → SQL; the id tiebreak keeps paging stable. Missing dates sort last either way. */
const sortColumns: Readonly<Record<ContractSort, string>> = {
  submittedAt: 'c.submitted_at',
  dueOn: 'c.due_on',
  childName: 'c.child_name',
  parentName: 'c.parent_name',
  reworkCount: 'c.rework_count',
};

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

const daysLeft = (today: string, due: string | null): number | null => (due ? workingDaysLeft(today, due) : null);

export class InboxQueries {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly today: () => string,
  ) {}

  /** One page of a contract tab. */
  contracts(q: ContractListQuery): Page<ContractListRow> {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    const statuses = statusesOfTab[q.tab];
    where.push(`c.status IN (${statuses.map((_, i) => `@s${i}`).join(', ')})`);
    statuses.forEach((s, i) => (params[`s${i}`] = s));
    const match = ftsMatchExpression(q.search);
    if (match) {
      where.push('c.rowid IN (SELECT rowid FROM contracts_fts WHERE contracts_fts MATCH @match)');
      params.match = match;
    }
    if (q.filter.voucherOnly) where.push("json_extract(c.data, '$.isVoucher') = 1");
    if (q.filter.overdueOnly) {
      where.push('c.due_on IS NOT NULL AND c.due_on < @today');
      params.today = this.today();
    }
    if (q.filter.withDecisionsOnly) where.push(`${overlaySql('contract', 'c.id')} IS NOT NULL`);
    const whereSql = where.join(' AND ');
    const column = sortColumns[q.sort];
    const dir = q.dir === 'desc' ? 'DESC' : 'ASC';
    const total = (this.sqlite.prepare(`SELECT COUNT(*) AS n FROM contracts c WHERE ${whereSql}`).get(params) as { n: number }).n;
    const rows = this.sqlite
      .prepare(
        `SELECT c.id, c.number, c.status, c.child_name, c.child_iin, c.parent_name, c.submitted_at, c.due_on, c.rework_count,
                json_extract(c.data, '$.isVoucher') AS is_voucher, ${overlaySql('contract', 'c.id')} AS sync
           FROM contracts c WHERE ${whereSql}
          ORDER BY ${column} IS NULL, ${column} ${dir}, c.id ${dir}
          LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: q.limit, offset: q.offset }) as RawContractRow[];
    const today = this.today();
    return {
      total,
      offset: q.offset,
      rows: rows.map((r) => ({
        id: r.id,
        number: r.number,
        status: r.status,
        childName: r.child_name,
        childIin: r.child_iin,
        parentName: r.parent_name,
        submittedAt: r.submitted_at,
        dueOn: r.due_on,
        workingDaysLeft: daysLeft(today, r.due_on),
        reworkCount: r.rework_count,
        isVoucher: r.is_voucher === 1,
        sync: r.sync,
      })),
    };
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
    if (search) where.push("(d.child_name LIKE @like ESCAPE '\\' OR d.child_iin LIKE @like ESCAPE '\\' OR d.parent_name LIKE @like ESCAPE '\\' OR d.number LIKE @like ESCAPE '\\')");
    const params = { like: likePattern(search) };
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
        isVoucher: r.is_voucher === 1,
        sync: r.sync,
      })),
    };
  }
}
