/**
 * "Needs attention" = the server answered a decision with `rejected` or `conflict`: the one definition for the
 * outbox queries, the overlays of the lists and the detail screens.
 */
import type { DecisionOverlay } from '../../../domain/api/special-queue';

export const ATTENTION_STATUSES = ['rejected', 'conflict'] as const;

export const needsAttention = (status: string): boolean => (ATTENTION_STATUSES as readonly string[]).includes(status);

/** The overlay of one or more queued decisions on a row: attention when any needs it. */
export const overlayOf = (statuses: readonly string[]): DecisionOverlay => (statuses.some(needsAttention) ? 'attention' : 'pending');

/** SQL: true when the outbox status in `column` needs attention. */
export const needsAttentionSql = (column = 'status'): string => `${column} IN (${ATTENTION_STATUSES.map((s) => `'${s}'`).join(', ')})`;
