/**
 * Documents of open work: every current document of a contract awaiting review and the PMPK conclusion of every
 * application awaiting confirmation. They are prefetched so a whole inbox can be reviewed offline, and never evicted.
 */
import type Database from 'better-sqlite3';
import { cachedStatement } from '../../../db/statement-cache';
import type { ContractInboxTab } from '../../../domain/api/contracts';
import type { BlobWant } from './downloader';

/** The tab of contracts awaiting review (domain/contract-tabs.ts): the generated column of the replica. */
const REVIEW_TAB: ContractInboxTab = 'review';

/**
 * Contract documents of open work among the rowids `(after, after + span]`: a page costs a bounded scan, so the
 * prefetch can walk a replica of any size in short slices. `CROSS JOIN` keeps the documents' rowid range as the outer
 * loop: left to itself the planner walks every contract of the tab per page (60–80 ms a page at 300k contracts).
 */
export function openWorkContractDocuments(sqlite: Database.Database, after: number, span: number): BlobWant[] {
  return cachedStatement(
    sqlite,
    `SELECT d.sha256 AS sha256, json_extract(d.data, '$.size') AS size, json_extract(d.data, '$.mime') AS mime
       FROM contract_documents d CROSS JOIN contracts c ON c.id = d.contract_id
      WHERE d.rowid > ? AND d.rowid <= ? AND d.current = 1 AND c.tab = ?`,
  ).all(after, after + span, REVIEW_TAB) as BlobWant[];
}

/** Highest rowid of the contract documents: where the pages of `openWorkContractDocuments` end. */
export function lastContractDocumentRowid(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT COALESCE(MAX(rowid), 0) FROM contract_documents').pluck().get() as number) ?? 0;
}

/** PMPK conclusions of applications awaiting confirmation (a small table: one query). */
export function openWorkConclusions(sqlite: Database.Database): BlobWant[] {
  return sqlite
    .prepare(
      `SELECT conclusion_sha256 AS sha256, json_extract(data, '$.conclusionSize') AS size, json_extract(data, '$.conclusionMime') AS mime
         FROM special_queue_applications WHERE status = 'awaiting_confirmation'`,
    )
    .all() as BlobWant[];
}

/** Every document of open work at once (tests and small replicas; the prefetch walks the pages itself). */
export function openWorkDocuments(sqlite: Database.Database): BlobWant[] {
  const end = lastContractDocumentRowid(sqlite);
  const unique = new Map<string, BlobWant>();
  for (const w of [...openWorkContractDocuments(sqlite, 0, end), ...openWorkConclusions(sqlite)]) unique.set(w.sha256, w);
  return [...unique.values()];
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
