/**
 * The specialist's lists read from the replica: one tab (status) of the user's PMPK organisations, optionally
 * narrowed by a full-text search, as an offset/limit window over the (pmpk_org_id, status, submitted_at) index.
 * The outbox is overlaid per row (pending / needs attention); the replica itself is never changed here.
 */
import { todayInKazakhstan } from '../../../domain/calendar';
import { waitsPastQueueAgeLimit } from '../../../domain/queue-places';
import type Database from 'better-sqlite3';
import { needsAttentionSql } from '../sync/attention';
import {
  specialQueueTabStatus,
  type DecisionOverlay,
  type SpecialQueueCounts,
  type SpecialQueueRow,
  type SpecialQueueTab,
} from '../../../domain/api/special-queue';
import { specialQueueApplicationSchema, type SpecialQueueApplication } from '../../../domain/entities';
import { ftsMatchExpression } from '../contracts/search';
import { waitingWorkingDays } from './waiting';

export interface ListScope {
  /** The PMPK organisations of the logged-in user; empty means no special-queue data at all. */
  orgIds: readonly string[];
  tab: SpecialQueueTab;
  search: string;
}

/**
 * Awaiting: the longest-waiting first. Decided tabs: the newest submissions first. Ties break on rowid, which every
 * index entry carries, so the order is the index's own and skipping to a deep offset never reads table rows.
 */
const orderOf = (tab: SpecialQueueTab) => (tab === 'awaiting' ? 'a.submitted_at ASC, a.rowid ASC' : 'a.submitted_at DESC, a.rowid DESC');

interface Filter {
  where: string;
  params: unknown[];
}

function filterOf(scope: ListScope, status: string): Filter {
  const orgMarks = scope.orgIds.map(() => '?').join(', ');
  const fts = ftsMatchExpression(scope.search);
  const where = [`a.pmpk_org_id IN (${orgMarks})`, 'a.status = ?'];
  const params: unknown[] = [...scope.orgIds, status];
  if (fts) {
    where.push('a.rowid IN (SELECT rowid FROM special_queue_fts WHERE special_queue_fts MATCH ?)');
    params.push(fts);
  }
  return { where: where.join(' AND '), params };
}

export class SpecialQueueListQuery {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly now: () => Date,
  ) {}

  /** Decisions in the outbox per application id (any refused one makes the row «needs attention»). */
  private overlay(): Map<string, DecisionOverlay> {
    const rows = this.sqlite
      .prepare(
        `SELECT target_id AS id, MAX(${needsAttentionSql()}) AS attention FROM outbox
          WHERE target_entity = 'specialQueueApplication' GROUP BY target_id`,
      )
      .all() as Array<{ id: string; attention: number }>;
    return new Map(rows.map((r) => [r.id, r.attention ? 'attention' : 'pending']));
  }

  count(scope: ListScope): number {
    if (scope.orgIds.length === 0) return 0;
    const filter = filterOf(scope, specialQueueTabStatus[scope.tab]);
    const row = this.sqlite.prepare(`SELECT COUNT(*) AS n FROM special_queue_applications a WHERE ${filter.where}`).get(...filter.params) as { n: number };
    return row.n;
  }

  counts(orgIds: readonly string[], search: string): SpecialQueueCounts {
    const of = (tab: SpecialQueueTab) => this.count({ orgIds, tab, search });
    return { awaiting: of('awaiting'), confirmed: of('confirmed'), rejected: of('rejected') };
  }

  window(scope: ListScope, offset: number, limit: number): { total: number; rows: SpecialQueueRow[] } {
    const total = this.count(scope);
    if (total === 0 || offset >= total) return { total, rows: [] };
    const filter = filterOf(scope, specialQueueTabStatus[scope.tab]);
    const raw = this.sqlite
      .prepare(
        `SELECT a.data FROM special_queue_applications a
           JOIN (SELECT a.rowid AS rid FROM special_queue_applications a WHERE ${filter.where} ORDER BY ${orderOf(scope.tab)} LIMIT ? OFFSET ?) w
             ON a.rowid = w.rid
          ORDER BY ${orderOf(scope.tab)}`,
      )
      .all(...filter.params, limit, offset) as Array<{ data: string }>;
    const overlay = this.overlay();
    const now = this.now();
    const rows = raw.map((r) => toRow(specialQueueApplicationSchema.parse(JSON.parse(r.data)), overlay, now));
    return { total, rows };
  }

  /** The ids before and after `id` in the tab's order, for J/K navigation; nulls at the ends or when not listed. */
  neighbours(scope: ListScope, id: string): { previousId: string | null; nextId: string | null } {
    if (scope.orgIds.length === 0) return { previousId: null, nextId: null };
    const filter = filterOf(scope, specialQueueTabStatus[scope.tab]);
    const current = this.sqlite
      .prepare(`SELECT a.submitted_at AS at, a.rowid AS rid FROM special_queue_applications a WHERE ${filter.where} AND a.id = ?`)
      .get(...filter.params, id) as { at: string; rid: number } | undefined;
    if (!current) return { previousId: null, nextId: null };
    // Keyset steps along the index in both directions: O(log n) however deep in the list the application is.
    const step = (before: boolean) => {
      const ascending = (scope.tab === 'awaiting') !== before;
      const comparison = ascending ? '>' : '<';
      const direction = ascending ? 'ASC' : 'DESC';
      const row = this.sqlite
        .prepare(
          `SELECT a.id FROM special_queue_applications a WHERE ${filter.where} AND (a.submitted_at, a.rowid) ${comparison} (?, ?)
            ORDER BY a.submitted_at ${direction}, a.rowid ${direction} LIMIT 1`,
        )
        .get(...filter.params, current.at, current.rid) as { id: string } | undefined;
      return row?.id ?? null;
    };
    return { previousId: step(true), nextId: step(false) };
  }
}

export const effectiveCorrectionType = (a: SpecialQueueApplication) => a.confirmedCorrectionType ?? a.correctionType;

function toRow(a: SpecialQueueApplication, overlay: Map<string, DecisionOverlay>, now: Date): SpecialQueueRow {
  return {
    id: a.id,
    number: a.number,
    status: a.status,
    childFullName: a.child.fullName,
    childIin: a.child.iin,
    correctionType: effectiveCorrectionType(a),
    locality: a.locality,
    submittedAt: a.submittedAt,
    waitingWorkingDays: waitingWorkingDays(a, now),
    queuePlace: a.queuePlace,
    reachesAgeLimit: waitsPastQueueAgeLimit(a, todayInKazakhstan(now)),
    overlay: overlay.get(a.id) ?? null,
  };
}
