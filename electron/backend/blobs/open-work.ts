/**
 * Documents of open work: every current document of a contract awaiting review and the PMPK conclusion of every
 * application awaiting confirmation. They are prefetched so a whole inbox can be reviewed offline, and never evicted.
 */
import type Database from 'better-sqlite3';
import type { ContractInboxTab } from '../../../domain/api/contracts';
import type { BlobWant } from './downloader';

/** The tab of contracts awaiting review (domain/contract-tabs.ts): the generated column of the replica. */
const REVIEW_TAB: ContractInboxTab = 'review';

export function openWorkDocuments(sqlite: Database.Database): BlobWant[] {
  return sqlite
    .prepare(
      `SELECT d.sha256 AS sha256, json_extract(d.data, '$.size') AS size, json_extract(d.data, '$.mime') AS mime
         FROM contract_documents d JOIN contracts c ON c.id = d.contract_id
        WHERE d.current = 1 AND c.tab = ?
       UNION
       SELECT conclusion_sha256, json_extract(data, '$.conclusionSize'), json_extract(data, '$.conclusionMime')
         FROM special_queue_applications WHERE status = 'awaiting_confirmation'`,
    )
    .all(REVIEW_TAB) as BlobWant[];
}

/** Size and type of any document the replica knows, for on-demand downloads. */
export function knownDocument(sqlite: Database.Database, sha256: string): BlobWant | null {
  const row = sqlite
    .prepare(
      `SELECT sha256, json_extract(data, '$.size') AS size, json_extract(data, '$.mime') AS mime FROM contract_documents WHERE sha256 = @sha256
       UNION ALL
       SELECT conclusion_sha256, json_extract(data, '$.conclusionSize'), json_extract(data, '$.conclusionMime')
         FROM special_queue_applications WHERE conclusion_sha256 = @sha256
       LIMIT 1`,
    )
      .get({ sha256 }) as BlobWant | undefined;
  return row ?? null;
}
