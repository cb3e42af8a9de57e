/**
 * The durable, ordered outbox of decisions. A decision is one local transaction (outbox row + audit row); the
 * server's answers move rows to `applied` (retired once a pull brought the effect) or keep them for Needs attention.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../../domain/envelope';
import { mutationArgsSchemas, mutationTarget, type MutationName } from '../../../domain/mutations';
import type { MutationResult, PushMutation } from '../../../domain/sync-protocol';
import { textParamsSchema, type TextParams } from '../../../domain/text/text-ref';
import { needsAttention, needsAttentionSql } from './attention';
import { replicaTables } from '../../../db/replica-tables';
import { cachedStatement } from '../../../db/statement-cache';

export type OutboxStatus = 'pending' | 'applied' | 'rejected' | 'conflict';

export interface OutboxRow {
  clientSeq: number;
  mutationId: string;
  name: MutationName;
  args: Record<string, unknown>;
  targetEntity: ReturnType<typeof mutationTarget>['entity'];
  targetId: string;
  baseVersion: number;
  createdAt: string;
  status: OutboxStatus;
  attempts: number;
  resultCode: string | null;
  resultMessage: string | null;
  resultParams: TextParams | null;
  current: unknown;
  answeredAt: string | null;
}

interface RawRow {
  client_seq: number;
  mutation_id: string;
  name: string;
  args: string;
  target_entity: string;
  target_id: string;
  base_version: number;
  created_at: string;
  status: string;
  attempts: number;
  result_code: string | null;
  result_message: string | null;
  result_params: string | null;
  current: string | null;
  answered_at: string | null;
}

const toRow = (r: RawRow): OutboxRow => ({
  clientSeq: r.client_seq,
  mutationId: r.mutation_id,
  name: r.name as MutationName,
  args: JSON.parse(r.args) as Record<string, unknown>,
  targetEntity: r.target_entity as OutboxRow['targetEntity'],
  targetId: r.target_id,
  baseVersion: r.base_version,
  createdAt: r.created_at,
  status: r.status as OutboxStatus,
  attempts: r.attempts,
  resultCode: r.result_code,
  resultMessage: r.result_message,
  resultParams: r.result_params === null ? null : textParamsSchema.parse(JSON.parse(r.result_params)),
  current: r.current === null ? null : (JSON.parse(r.current) as unknown),
  answeredAt: r.answered_at,
});

/** Local version of a decision's target, to tell whether its effect has arrived. */
const targetVersionSql = `COALESCE(
  (SELECT version FROM ${replicaTables.contract.table} WHERE id = outbox.target_id AND outbox.target_entity = 'contract'),
  (SELECT version FROM ${replicaTables.direction.table} WHERE id = outbox.target_id AND outbox.target_entity = 'direction'),
  (SELECT version FROM ${replicaTables.specialQueueApplication.table} WHERE id = outbox.target_id AND outbox.target_entity = 'specialQueueApplication'),
  (SELECT version FROM ${replicaTables.group.table} WHERE id = outbox.target_id AND outbox.target_entity = 'group'),
  -1)`;

export class Outbox {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly now: () => Date,
  ) {}

  /** Validates and stores a decision together with its audit row, in one transaction. */
  enqueue(name: MutationName, rawArgs: unknown, baseVersion: number, actorIin: string | null): OutboxRow {
    const parsed = mutationArgsSchemas[name].safeParse(rawArgs);
    if (!parsed.success) throw new AppError('BAD_DECISION', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const args = parsed.data as Record<string, unknown>;
    const target = mutationTarget(name, args);
    const at = this.now().toISOString();
    const mutationId = randomUUID();
    const clientSeq = this.sqlite.transaction(() => {
      const info = this.sqlite
        .prepare(
          `INSERT INTO outbox (mutation_id, name, args, target_entity, target_id, base_version, created_at, status)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')`,
        )
        .run(mutationId, name, JSON.stringify(args), target.entity, target.id, baseVersion, at);
      const seq = Number(info.lastInsertRowid);
      this.sqlite
        .prepare('INSERT INTO audit_log (at, actor_iin, action, subject, details) VALUES (?, ?, ?, ?, ?)')
        .run(at, actorIin, 'decision.queued', `${target.entity}:${target.id}`, JSON.stringify({ name, mutationId, clientSeq: seq, baseVersion }));
      return seq;
    })();
    return this.get(clientSeq)!;
  }

  get(clientSeq: number): OutboxRow | null {
    const row = this.sqlite.prepare('SELECT * FROM outbox WHERE client_seq = ?').get(clientSeq) as RawRow | undefined;
    return row ? toRow(row) : null;
  }

  /** The oldest unanswered decisions, in order: the next push batch. */
  nextBatch(limit: number): PushMutation[] {
    const rows = this.sqlite
      .prepare("SELECT * FROM outbox WHERE status = 'pending' ORDER BY client_seq LIMIT ?")
      .all(limit) as RawRow[];
    return rows.map((r) => ({
      clientSeq: r.client_seq,
      mutationId: r.mutation_id,
      name: r.name as MutationName,
      args: JSON.parse(r.args) as Record<string, unknown>,
      baseVersion: r.base_version,
      createdAt: r.created_at,
    }));
  }

  markAttempt(clientSeqs: number[]): void {
    const stmt = this.sqlite.prepare('UPDATE outbox SET attempts = attempts + 1 WHERE client_seq = ?');
    this.sqlite.transaction(() => clientSeqs.forEach((s) => stmt.run(s)))();
  }

  /**
   * Stores the server's answers (from a push, or from a pull when the push answer was lost). Only unanswered rows
   * change: a replayed answer never overrides what is already recorded. Returns how many rows changed.
   */
  recordResults(results: ReadonlyArray<Omit<MutationResult, 'current'> & { current?: unknown }>): number {
    const at = this.now().toISOString();
    const stmt = this.sqlite.prepare(
      `UPDATE outbox SET status = ?, result_code = ?, result_message = ?, result_params = ?, current = ?, answered_at = ?
       WHERE client_seq = ? AND mutation_id = ? AND status = 'pending'`,
    );
    // One transaction for the whole answer: one commit (fsync) instead of one per decision.
    return this.sqlite.transaction(() => {
      let changed = 0;
      for (const r of results) {
        const status: OutboxStatus = r.status === 'duplicate' ? 'applied' : r.status;
        const current = r.current === undefined ? null : JSON.stringify(r.current);
        changed += stmt.run(status, r.code ?? null, r.message ?? null, r.params ? JSON.stringify(r.params) : null, current, at, r.clientSeq, r.mutationId).changes;
      }
      return changed;
    })();
  }

  /** Marks results a pull reported: the server's change log then holds their effect. */
  confirm(results: ReadonlyArray<Pick<MutationResult, 'clientSeq' | 'mutationId'>>): void {
    const stmt = this.sqlite.prepare("UPDATE outbox SET confirmed = 1 WHERE client_seq = ? AND mutation_id = ? AND status = 'applied'");
    for (const r of results) stmt.run(r.clientSeq, r.mutationId);
  }

  /** Called when a pull starts: every decision answered before it has its effect inside what this pull will bring. */
  confirmAnswered(): void {
    this.sqlite.prepare("UPDATE outbox SET confirmed = 1 WHERE status = 'applied'").run();
  }

  /**
   * Removes applied decisions whose effect is in the replica: the target's version moved past the one decided on,
   * or the pull has caught up with the server. Until then the overlay keeps showing them, so nothing flickers.
   */
  retireApplied(caughtUp: boolean): number {
    return this.sqlite
      .prepare(`DELETE FROM outbox WHERE status = 'applied' AND confirmed = 1 AND (? = 1 OR ${targetVersionSql} > base_version)`)
      .run(caughtUp ? 1 : 0).changes;
  }

  /** After a bootstrap swap: decisions applied before the snapshot was taken are inside it. */
  retireAppliedUpTo(clientSeq: number): void {
    this.sqlite.prepare("DELETE FROM outbox WHERE status = 'applied' AND client_seq <= ?").run(clientSeq);
  }

  lastAppliedSeq(): number {
    const row = this.sqlite.prepare("SELECT MAX(client_seq) AS s FROM outbox WHERE status = 'applied'").get() as { s: number | null };
    return row.s ?? 0;
  }

  /**
   * Counted per status from the status index alone: the sync status is published after every push batch, and a
   * scan of the rows (each with its arguments and signature) cost a drain of thousands of decisions dearly.
   */
  counts(): { pending: number; attention: number } {
    const rows = cachedStatement(this.sqlite, 'SELECT status, count(*) AS n FROM outbox INDEXED BY outbox_status_idx GROUP BY status').all() as Array<{ status: string; n: number }>;
    let pending = 0;
    let attention = 0;
    for (const { status, n } of rows) {
      if (status === 'pending' || status === 'applied') pending += n;
      else if (needsAttention(status)) attention += n;
    }
    return { pending, attention };
  }

  attention(): OutboxRow[] {
    return (this.sqlite.prepare(`SELECT * FROM outbox WHERE ${needsAttentionSql()} ORDER BY client_seq`).all() as RawRow[]).map(toRow);
  }

  /** Drops a refused decision the user chose not to redo; the audit log keeps the trace. */
  discard(clientSeq: number, actorIin: string | null): void {
    const row = this.get(clientSeq);
    if (!row || (row.status !== 'rejected' && row.status !== 'conflict')) {
      throw new AppError('NOT_IN_ATTENTION', 'This decision is not waiting for attention.');
    }
    this.sqlite.transaction(() => {
      this.sqlite.prepare('DELETE FROM outbox WHERE client_seq = ?').run(clientSeq);
      this.sqlite
        .prepare('INSERT INTO audit_log (at, actor_iin, action, subject, details) VALUES (?, ?, ?, ?, ?)')
        .run(this.now().toISOString(), actorIin, 'decision.discarded', `${row.targetEntity}:${row.targetId}`, JSON.stringify({ name: row.name, mutationId: row.mutationId, code: row.resultCode }));
    })();
  }

  all(): OutboxRow[] {
    return (this.sqlite.prepare('SELECT * FROM outbox ORDER BY client_seq').all() as RawRow[]).map(toRow);
  }
}
