import { needsAttentionSql } from '../sync/attention';

/**
 * The outbox overlaid on replica rows in SQL: 'attention' when any decision on the row was refused, 'pending'
 * when decisions are queued or applied but not yet pulled back, NULL when nothing local is in flight.
 */
export const overlaySql = (entity: 'contract' | 'direction', idColumn: string): string =>
  `(SELECT CASE MAX(${needsAttentionSql('o.status')}) WHEN 1 THEN 'attention' WHEN 0 THEN 'pending' END
      FROM outbox o WHERE o.target_entity = '${entity}' AND o.target_id = ${idColumn})`;
