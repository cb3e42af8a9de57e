/**
 * One application as the specialist sees it: the replica row (within the user's PMPK scope), its history, the
 * chosen kindergartens' names, and the newest of the user's decisions on it still in the outbox.
 */
import type Database from 'better-sqlite3';
import { overlayOf } from '../sync/attention';
import type { DecisionOverlay } from '../../../domain/api/special-queue';
import {
  historyEventSchema,
  organisationSchema,
  specialQueueApplicationSchema,
  type HistoryEvent,
  type SpecialQueueApplication,
} from '../../../domain/entities';
import { mutationNameSchema, type MutationName } from '../../../domain/mutations';
import { textError } from '../../../domain/text/text-error';
import { text, textParamsSchema, type TextParams } from '../../../domain/text/text-ref';

export interface OutboxDecision {
  overlay: DecisionOverlay;
  name: MutationName;
  createdAt: string;
  code: string | null;
  params: TextParams | null;
  message: string | null;
}

export class SpecialQueueDetailQuery {
  constructor(private readonly sqlite: Database.Database) {}

  /** The application with its replica version; NOT_FOUND outside the user's PMPK organisations. */
  application(orgIds: readonly string[], id: string): { application: SpecialQueueApplication; version: number } {
    const row = this.sqlite.prepare('SELECT pmpk_org_id AS orgId, version, data FROM special_queue_applications WHERE id = ?').get(id) as
      | { orgId: string; version: number; data: string }
      | undefined;
    if (!row || !orgIds.includes(row.orgId)) throw textError(text('APPLICATION_NOT_FOUND'), { code: 'NOT_FOUND' });
    return { application: specialQueueApplicationSchema.parse(JSON.parse(row.data)), version: row.version };
  }

  history(id: string): HistoryEvent[] {
    const rows = this.sqlite
      .prepare("SELECT data FROM history_events WHERE subject_type = 'special_queue' AND subject_id = ? ORDER BY at, id")
      .all(id) as Array<{ data: string }>;
    return rows.map((r) => historyEventSchema.parse(JSON.parse(r.data)));
  }

  /**
   * Kazakh and Russian names of the chosen kindergartens: as the application carries them, else from the replica's
   * organisations (older rows); null when neither knows the kindergarten.
   */
  kindergartenNames(application: SpecialQueueApplication): Array<{ id: string; name: { kk: string; ru: string } | null }> {
    const stmt = this.sqlite.prepare('SELECT data FROM organisations WHERE id = ?');
    return application.kindergartens.map((id) => {
      const sent = application.chosenKindergartens.find((k) => k.id === id);
      if (sent) return { id, name: { kk: sent.nameKk, ru: sent.nameRu } };
      const row = stmt.get(id) as { data: string } | undefined;
      if (!row) return { id, name: null };
      const org = organisationSchema.parse(JSON.parse(row.data));
      return { id, name: { kk: org.nameKk, ru: org.nameRu } };
    });
  }

  /** The newest decision on the application still in the outbox (waiting, applied-not-yet-pulled, or refused). */
  outboxDecision(id: string): OutboxDecision | null {
    const row = this.sqlite
      .prepare(
        `SELECT name, status, created_at AS createdAt, result_code AS code, result_params AS params, result_message AS message FROM outbox
          WHERE target_entity = 'specialQueueApplication' AND target_id = ? ORDER BY client_seq DESC LIMIT 1`,
      )
      .get(id) as { name: string; status: string; createdAt: string; code: string | null; params: string | null; message: string | null } | undefined;
    if (!row) return null;
    return {
      overlay: overlayOf([row.status]),
      name: mutationNameSchema.parse(row.name),
      createdAt: row.createdAt,
      code: row.code,
      params: row.params === null ? null : textParamsSchema.parse(JSON.parse(row.params)),
      message: row.message,
    };
  }
}
