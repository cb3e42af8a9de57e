/**
 * Content-addressed blobs (documents, conclusions, contract PDFs) and which organisations may read them. The
 * metadata (hash, type, size) and the read scope are always in PostgreSQL; the bytes are in PostgreSQL (the embedded
 * default) or in an object store. A blob whose bytes are still in PostgreSQL is served from there whatever the
 * configuration, so moving existing blobs to the object store (migrate-blobs.ts) can run while instances serve.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { blobRefs, blobs } from '../db/schema';
import type { Queryable } from '../db/connect';
import { rowsOf } from '../db/rows';
import { sha256OfBytes } from './hash';
import type { ByteRange, ObjectStore } from './object-store';

export { sha256OfBytes } from './hash';

export interface BlobInfo {
  sha256: string;
  mime: string;
  size: number;
}

export class BlobStore {
  /** objects null: bytes are kept in PostgreSQL. */
  constructor(readonly objects: ObjectStore | null) {}

  get backend(): 'postgres' | 'object-store' {
    return this.objects ? 'object-store' : 'postgres';
  }

  /** Stores the bytes once under their SHA-256 and lets the organisations read them; returns the hash. */
  async put(db: Queryable, bytes: Uint8Array, mime: string, orgIds: readonly string[]): Promise<string> {
    const sha256 = sha256OfBytes(bytes);
    if (this.objects) await this.objects.put(sha256, bytes, mime);
    await db.insert(blobs).values({ sha256, mime, size: bytes.length, bytes: this.objects ? null : bytes }).onConflictDoNothing();
    if (orgIds.length > 0) {
      await db
        .insert(blobRefs)
        .values(orgIds.map((orgId) => ({ sha256, orgId })))
        .onConflictDoNothing();
    }
    return sha256;
  }

  /** The blob's metadata if one of the organisations may read it; otherwise null (answered as 404, like a missing blob). */
  async scopedInfo(db: Queryable, sha256: string, orgIds: readonly string[]): Promise<BlobInfo | null> {
    if (orgIds.length === 0) return null;
    const rows = await db
      .select({ sha256: blobs.sha256, mime: blobs.mime, size: blobs.size })
      .from(blobs)
      .innerJoin(blobRefs, eq(blobRefs.sha256, blobs.sha256))
      .where(and(eq(blobs.sha256, sha256), inArray(blobRefs.orgId, [...orgIds])))
      .limit(1);
    return rows[0] ?? null;
  }

  /** The bytes (or a range of them); null when the blob is unknown. */
  async read(db: Queryable, sha256: string, range?: ByteRange): Promise<Uint8Array | null> {
    const from = range ? range.start + 1 : 1;
    const length = range ? range.end - range.start + 1 : null;
    const rows = rowsOf<{ bytes: Uint8Array | null }>(
      await db.execute(
        length === null
          ? sql`SELECT bytes FROM blobs WHERE sha256 = ${sha256}`
          : sql`SELECT substring(bytes from ${from} for ${length}) AS bytes FROM blobs WHERE sha256 = ${sha256}`,
      ),
    );
    const row = rows[0];
    if (!row) return null;
    if (row.bytes !== null) return new Uint8Array(row.bytes);
    if (!this.objects) throw new Error(`blob ${sha256} is in the object store, but none is configured`);
    return this.objects.get(sha256, range);
  }

  /** The whole blob with its type (server-side use: contract PDFs to verify a signature over). */
  async readWhole(db: Queryable, sha256: string): Promise<{ mime: string; bytes: Uint8Array } | null> {
    const info = await db.select({ mime: blobs.mime }).from(blobs).where(eq(blobs.sha256, sha256));
    const bytes = info[0] ? await this.read(db, sha256) : null;
    return info[0] && bytes ? { mime: info[0].mime, bytes } : null;
  }
}
