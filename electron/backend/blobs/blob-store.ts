/**
 * The encrypted document store: files under `<dataDir>/blobs`, keys in the (encrypted) DB. Reads are verified twice
 * — GCM tag and SHA-256 of the plaintext — and a damaged file is dropped and queued for download again, never served.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { withRelaxedDurability } from '../../../db/relaxed-durability';
import { cachedStatement } from '../../../db/statement-cache';
import { AppError } from '../../../domain/envelope';
import { sha256Schema } from '../../../domain/entities';
import type { Compute } from '../compute/compute-pool';
import { sealGcm, sha256Hex } from './blob-crypto';

interface BlobRow {
  sha256: string;
  size: number;
  mime: string;
  key: Buffer;
  nonce: Buffer;
}

export class BlobStore {
  readonly partsDir: string;

  constructor(
    private readonly sqlite: Database.Database,
    readonly dir: string,
    private readonly now: () => Date,
    /** Called when a stored file failed verification and was dropped, so it gets downloaded again. */
    private readonly onDamaged: (sha256: string) => void,
    /** Decryption and hashing run in the compute worker, off the SQL thread. */
    private readonly compute: Pick<Compute, 'run'>,
  ) {
    this.partsDir = path.join(dir, 'parts');
    fs.mkdirSync(this.partsDir, { recursive: true });
  }

  filePath(sha256: string): string {
    // The name is validated so nothing outside the store can ever be addressed.
    const sha = sha256Schema.parse(sha256);
    return path.join(this.dir, sha.slice(0, 2), `${sha}.enc`);
  }

  partPath(sha256: string): string {
    return path.join(this.partsDir, `${sha256Schema.parse(sha256)}.part`);
  }

  has(sha256: string): boolean {
    return cachedStatement(this.sqlite, 'SELECT 1 FROM blobs WHERE sha256 = ?').get(sha256) !== undefined;
  }

  /**
   * Encrypts and stores verified plaintext: temp file, fsync, atomic rename, then the key row. The file I/O waits off
   * the thread, and the row commits without an fsync: the file is on disk before it, and a row lost to a power cut
   * only means the document is downloaded again (the queue is re-derived from the replica at every start).
   */
  async store(sha256: string, plain: Uint8Array, mime: string): Promise<void> {
    if (sha256Hex(plain) !== sha256) throw new AppError('BLOB_HASH_MISMATCH', 'The document does not match its checksum.');
    const { key, nonce, sealed } = sealGcm(plain);
    const file = this.filePath(sha256);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.tmp`;
    const handle = await fs.promises.open(tmp, 'w');
    try {
      await handle.writeFile(sealed);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(tmp, file);
    withRelaxedDurability(this.sqlite, () =>
      cachedStatement(
        this.sqlite,
        `INSERT INTO blobs (sha256, size, mime, key, nonce, stored_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(sha256) DO UPDATE SET key = excluded.key, nonce = excluded.nonce, size = excluded.size, stored_at = excluded.stored_at`,
      ).run(sha256, plain.length, mime, key, nonce, this.now().toISOString()),
    );
  }

  /** The verified plaintext of a stored document; refuses (and re-queues) anything that does not verify. */
  async read(sha256: string): Promise<{ bytes: Uint8Array; mime: string }> {
    const row = this.sqlite.prepare('SELECT sha256, size, mime, key, nonce FROM blobs WHERE sha256 = ?').get(sha256Schema.parse(sha256)) as BlobRow | undefined;
    if (!row) throw new AppError('DOCUMENT_NOT_DOWNLOADED', 'The document has not been downloaded yet.');
    const sealed = await fs.promises.readFile(this.filePath(sha256)).catch(() => null);
    const plain = sealed && (await this.compute.run('openBlob', { sealed, key: row.key, nonce: row.nonce, sha256 }));
    if (!plain) {
      this.drop(sha256);
      this.onDamaged(sha256);
      throw new AppError('DOCUMENT_DAMAGED', 'The stored document was damaged; it is being downloaded again.');
    }
    this.sqlite.prepare('UPDATE blobs SET last_opened_at = ? WHERE sha256 = ?').run(this.now().toISOString(), sha256);
    return { bytes: plain, mime: row.mime };
  }

  drop(sha256: string): void {
    this.sqlite.prepare('DELETE FROM blobs WHERE sha256 = ?').run(sha256);
    fs.rmSync(this.filePath(sha256), { force: true });
  }

  /**
   * Least-recently-opened documents go first until the store fits `budgetBytes`; documents of open work
   * (`keep`) are never evicted, even when they alone exceed the budget.
   */
  evict(budgetBytes: number, keep: ReadonlySet<string>): string[] {
    const rows = this.sqlite
      .prepare('SELECT sha256, size FROM blobs ORDER BY COALESCE(last_opened_at, stored_at) ASC')
      .all() as Array<{ sha256: string; size: number }>;
    let total = rows.reduce((sum, r) => sum + r.size, 0);
    const evicted: string[] = [];
    for (const r of rows) {
      if (total <= budgetBytes) break;
      if (keep.has(r.sha256)) continue;
      this.drop(r.sha256);
      total -= r.size;
      evicted.push(r.sha256);
    }
    return evicted;
  }
}
