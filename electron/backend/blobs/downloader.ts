/**
 * Persistent document download queue (`blob_jobs`): 3 at a time, resumed with Range into an encrypted `.part`,
 * SHA-256 verified before the file enters the store, free space checked first, failures retried with backoff.
 */
import fs from 'node:fs';
import { withRelaxedDurability } from '../../../db/relaxed-durability';
import { cachedStatement } from '../../../db/statement-cache';
import type Database from 'better-sqlite3';
import { backoffDelay, type BackoffOptions } from '../sync/backoff';
import { SyncHttpError, type SyncHttp } from '../sync/sync-http';
import { AppError } from '../../../domain/envelope';
import { ctrAt, newKey, newKeys } from './blob-crypto';
import type { BlobStore } from './blob-store';

/** False for the store's refusal of bytes that do not match their checksum; any other failure stays a failure. */
function notAMatch(error: unknown): false {
  if (error instanceof AppError && error.code === 'BLOB_HASH_MISMATCH') return false;
  throw error;
}

export interface BlobWant {
  sha256: string;
  size: number;
  mime: string;
  /** 0 = the user is waiting for it, 10 = prefetch. */
  priority?: number;
}

interface JobRow {
  sha256: string;
  size: number;
  mime: string;
  attempts: number;
  part_key: Buffer;
}

export interface DownloaderOptions {
  sqlite: Database.Database;
  store: BlobStore;
  http: SyncHttp;
  now: () => Date;
  backoff: BackoffOptions;
  concurrency?: number;
  /** Free bytes on the store's disk; injectable to test the "disk full" path. */
  freeBytes?: (dir: string) => number;
  onProgress?: () => void;
  log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

/** Keep this much free beyond the file itself, so documents never fill the disk the DB lives on. */
const FREE_SPACE_MARGIN = 50 * 1024 * 1024;

const statfsFree = (dir: string): number => {
  const s = fs.statfsSync(dir);
  return Number(s.bavail) * Number(s.bsize);
};

export class BlobDownloader {
  private readonly active = new Map<string, Promise<void>>();
  private wake: NodeJS.Timeout | null = null;
  private stopped = false;
  private done = 0;
  /**
   * Rows in `blob_jobs`, counted once, then kept by this class (the queue's only writer): the status asks for it
   * often, and a count walks a queue of a whole replica's documents.
   */
  private queued: number | null = null;

  constructor(private readonly options: DownloaderOptions) {}

  /** Queues documents that are not stored yet; a user-requested one jumps the queue. */
  enqueue(wants: readonly BlobWant[]): void {
    const { sqlite, store } = this.options;
    const insert = cachedStatement(sqlite, 'INSERT INTO blob_jobs (sha256, size, mime, priority, part_key) VALUES (?, ?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING');
    const raise = cachedStatement(
      sqlite,
      `UPDATE blob_jobs SET priority = MIN(priority, @priority), retry_after = CASE WHEN @priority < priority THEN 0 ELSE retry_after END
        WHERE sha256 = @sha256`,
    );
    // The queue is re-derived from the replica at every start: its commits need not wait for the disk.
    const added = withRelaxedDurability(sqlite, () =>
      sqlite.transaction(() => {
        let n = 0;
        const keys = newKeys(wants.length);
        for (const [i, w] of wants.entries()) {
          if (store.has(w.sha256)) continue;
          const priority = w.priority ?? 10;
          if (insert.run(w.sha256, w.size, w.mime, priority, keys[i]).changes === 1) n++;
          else raise.run({ priority, sha256: w.sha256 });
        }
        return n;
      })(),
    );
    if (this.queued !== null) this.queued += added;
    this.kick();
  }

  progress(): { done: number; total: number } {
    this.queued ??= (this.options.sqlite.prepare('SELECT COUNT(*) AS n FROM blob_jobs').get() as { n: number }).n;
    if (this.queued === 0) this.done = 0;
    return { done: this.done, total: this.done + this.queued };
  }

  stop(): Promise<void> {
    this.stopped = true;
    if (this.wake) clearTimeout(this.wake);
    return Promise.allSettled([...this.active.values()]).then(() => undefined);
  }

  /** Resolves once no job is due or running (jobs waiting for a later retry do not count). */
  async idle(): Promise<void> {
    while (this.active.size > 0) await Promise.allSettled([...this.active.values()]);
  }

  /** Starts due jobs up to the concurrency limit and arms a timer for the next retry. */
  kick(): void {
    if (this.stopped) return;
    const limit = this.options.concurrency ?? 3;
    const nowMs = this.options.now().getTime();
    // Only as many as could start: a queue of a whole replica's documents is never read into memory per kick.
    const due = cachedStatement(this.options.sqlite, 'SELECT sha256, size, mime, attempts, part_key FROM blob_jobs WHERE retry_after <= ? ORDER BY priority, rowid LIMIT ?')
      .all(nowMs, limit + this.active.size) as JobRow[];
    for (const job of due) {
      if (this.active.size >= limit) break;
      if (this.active.has(job.sha256)) continue;
      const run = this.download(job).finally(() => {
        this.active.delete(job.sha256);
        this.options.onProgress?.();
        this.kick();
      });
      this.active.set(job.sha256, run);
    }
    this.armTimer();
  }

  private armTimer(): void {
    if (this.wake) clearTimeout(this.wake);
    const next = cachedStatement(this.options.sqlite, 'SELECT MIN(retry_after) AS t FROM blob_jobs').get() as { t: number | null };
    if (next.t === null || this.stopped) return;
    const delay = Math.max(50, next.t - this.options.now().getTime());
    this.wake = setTimeout(() => this.kick(), delay);
    this.wake.unref?.();
  }

  private async download(job: JobRow): Promise<void> {
    const { store } = this.options;
    const part = store.partPath(job.sha256);
    try {
      // File I/O here waits off the thread (fsyncs especially): a download never stalls the API thread on the disk.
      let offset = (await fs.promises.stat(part).catch(() => null))?.size ?? 0;
      if (offset > job.size) offset = this.restartPart(job, part);
      const free = (this.options.freeBytes ?? statfsFree)(store.dir);
      if (free < job.size - offset + FREE_SPACE_MARGIN) throw new SyncHttpError('transient', 'not enough free disk space');
      if (offset < job.size) offset = await this.fetchInto(job, part, offset);
      const plain = ctrAt(job.part_key, 0, await fs.promises.readFile(part));
      // The store verifies the checksum before it keeps anything: hashing here as well would hash every document twice.
      const stored = plain.length === job.size && (await store.store(job.sha256, plain, job.mime).then(() => true, notAMatch));
      if (!stored) {
        this.restartPart(job, part);
        throw new SyncHttpError('transient', 'downloaded document does not match its checksum');
      }
      const { sqlite } = this.options;
      const removed = withRelaxedDurability(sqlite, () => cachedStatement(sqlite, 'DELETE FROM blob_jobs WHERE sha256 = ?').run(job.sha256).changes);
      if (this.queued !== null) this.queued -= removed;
      await fs.promises.rm(part, { force: true });
      this.done++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const delay = backoffDelay(job.attempts, this.options.backoff);
      const { sqlite } = this.options;
      withRelaxedDurability(sqlite, () =>
        sqlite
          .prepare('UPDATE blob_jobs SET attempts = attempts + 1, retry_after = ?, last_error = ? WHERE sha256 = ?')
          .run(this.options.now().getTime() + delay, message.slice(0, 200), job.sha256),
      );
      this.options.log?.('warn', 'document download failed; will retry', { sha256: job.sha256.slice(0, 12), message });
    }
  }

  /** Appends the rest of the file (from `offset`) to the encrypted part; returns the new length. */
  private async fetchInto(job: JobRow, part: string, offset: number): Promise<number> {
    const headers: Record<string, string> = offset > 0 ? { range: `bytes=${offset}-` } : {};
    let response: Response;
    try {
      response = await this.options.http.stream(`/v1/blobs/${job.sha256}`, headers);
    } catch (error) {
      // 416: our part is longer than the file the server has — start again.
      if (error instanceof SyncHttpError && error.status === 416) this.restartPart(job, part);
      throw error;
    }
    if (offset > 0 && response.status !== 206) offset = this.restartPart(job, part);
    if (!response.body) throw new SyncHttpError('transient', 'document answer without a body');
    const handle = await fs.promises.open(part, 'a');
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        await handle.write(ctrAt(job.part_key, offset, chunk));
        offset += chunk.length;
        if (offset > job.size) throw new SyncHttpError('transient', 'document is longer than announced');
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    return offset;
  }

  /** Drops a part and rotates its key (a CTR keystream must never encrypt two different contents). */
  private restartPart(job: JobRow, part: string): number {
    fs.rmSync(part, { force: true });
    const key = newKey();
    this.options.sqlite.prepare('UPDATE blob_jobs SET part_key = ? WHERE sha256 = ?').run(key, job.sha256);
    job.part_key = key;
    return 0;
  }
}
