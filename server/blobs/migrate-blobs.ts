/**
 * Moves the bytes of blobs kept in PostgreSQL to the object store, a batch at a time: each object is written (and
 * read back whole, which re-hashes it) before its bytes are dropped from the row, so an interrupted run loses
 * nothing and the next run continues where it stopped. Instances keep serving meanwhile (store.ts reads either place).
 */
import { sql } from 'drizzle-orm';
import type { ServerDb } from '../db/connect';
import { rowsOf } from '../db/rows';
import type { ObjectStore } from './object-store';

export interface BlobMigrationProgress {
  moved: number;
  bytes: number;
  remaining: number;
}

export async function moveBlobsToObjectStore(
  db: ServerDb,
  objects: ObjectStore,
  options: { batchSize?: number; onProgress?: (progress: BlobMigrationProgress) => void } = {},
): Promise<BlobMigrationProgress> {
  const batchSize = options.batchSize ?? 20;
  const progress: BlobMigrationProgress = { moved: 0, bytes: 0, remaining: await countInline(db) };
  for (;;) {
    const batch = rowsOf<{ sha256: string; mime: string; bytes: Uint8Array }>(
      await db.execute(sql`SELECT sha256, mime, bytes FROM blobs WHERE bytes IS NOT NULL ORDER BY sha256 LIMIT ${batchSize}`),
    );
    if (batch.length === 0) return progress;
    for (const blob of batch) {
      const bytes = new Uint8Array(blob.bytes);
      await objects.put(blob.sha256, bytes, blob.mime);
      if (!(await objects.get(blob.sha256))) throw new Error(`object ${blob.sha256} not readable after writing it`);
      await db.execute(sql`UPDATE blobs SET bytes = NULL WHERE sha256 = ${blob.sha256}`);
      progress.moved++;
      progress.bytes += bytes.length;
      progress.remaining--;
    }
    options.onProgress?.({ ...progress });
  }
}

async function countInline(db: ServerDb): Promise<number> {
  const rows = rowsOf<{ n: string | number }>(await db.execute(sql`SELECT count(*) AS n FROM blobs WHERE bytes IS NOT NULL`));
  return Number(rows[0]?.n ?? 0);
}
