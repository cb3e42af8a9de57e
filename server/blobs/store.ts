/** Content-addressed blobs (documents, conclusions, contract PDFs) and which organisations may read them. */
import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { blobRefs, blobs } from '../db/schema';
import type { Queryable } from '../db/connect';

export const sha256OfBytes = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export async function putBlob(db: Queryable, bytes: Uint8Array, mime: string, orgIds: readonly string[]): Promise<string> {
  const sha256 = sha256OfBytes(bytes);
  await db.insert(blobs).values({ sha256, mime, size: bytes.length, bytes }).onConflictDoNothing();
  if (orgIds.length > 0) {
    await db
      .insert(blobRefs)
      .values(orgIds.map((orgId) => ({ sha256, orgId })))
      .onConflictDoNothing();
  }
  return sha256;
}

export async function readBlob(db: Queryable, sha256: string): Promise<{ mime: string; bytes: Uint8Array } | null> {
  const rows = await db.select({ mime: blobs.mime, bytes: blobs.bytes }).from(blobs).where(eq(blobs.sha256, sha256));
  const row = rows[0];
  return row ? { mime: row.mime, bytes: new Uint8Array(row.bytes) } : null;
}

/** The blob if one of the organisations may read it; otherwise null (answered as 404, like a missing blob). */
export async function readScopedBlob(db: Queryable, sha256: string, orgIds: readonly string[]) {
  if (orgIds.length === 0) return null;
  const refs = await db
    .select({ orgId: blobRefs.orgId })
    .from(blobRefs)
    .where(and(eq(blobRefs.sha256, sha256), inArray(blobRefs.orgId, [...orgIds])));
  return refs.length > 0 ? readBlob(db, sha256) : null;
}
