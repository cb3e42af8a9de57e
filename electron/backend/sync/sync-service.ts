/**
 * The sync engine plus the encrypted document store and its download queue: what the backend creates once and
 * the API handlers, the NCALayer login and the `doc://` protocol use.
 */
import path from 'node:path';
import { AppError } from '../../../domain/envelope';
import { BlobDownloader } from '../blobs/downloader';
import { BlobStore } from '../blobs/blob-store';
import { knownDocument } from '../blobs/open-work';
import { inThreadPrefetchWalker, type PrefetchWalk, type PrefetchWalker } from '../blobs/prefetch-walker';
import type { Compute } from '../compute/compute-pool';
import { SessionService } from '../session/session-service';
import { SyncEngine, type SyncEngineOptions } from './engine';
import { yieldToEventLoop } from './yield-to-event-loop';

export interface SyncServiceOptions extends Omit<SyncEngineOptions, 'downloads' | 'onReplicaChanged' | 'switchReplica'> {
  /** Where the prefetch walks the replica; default: this thread in short slices (the app passes the prefetch worker). */
  prefetchWalker?: PrefetchWalker;
  dataDir: string;
  /** Where documents are decrypted and verified (the compute worker). */
  compute: Pick<Compute, 'run'>;
  /** Documents beyond this are evicted least-recently-opened first (open work never). */
  blobBudgetBytes?: number;
  freeBytes?: (dir: string) => number;
}

const DEFAULT_BLOB_BUDGET = 2 * 1024 ** 3;
/** Documents queued per commit while the prefetch hands over a slice. */
const ENQUEUE_SLICE = 50;

export class SyncService {
  readonly engine: SyncEngine;
  readonly store: BlobStore;
  readonly downloader: BlobDownloader;
  readonly session: SessionService;
  private prefetching: Promise<void> | null = null;
  private prefetchAgain = false;
  private walk: PrefetchWalk | null = null;
  /** A replica switch is under way: no walk may open the file it is about to delete. */
  private switching = false;
  private stopped = false;
  private readonly walker: PrefetchWalker;

  constructor(private readonly options: SyncServiceOptions) {
    const now = options.now ?? (() => new Date());
    this.engine = new SyncEngine({
      ...options,
      downloads: () => this.downloader.progress(),
      onReplicaChanged: () => this.prefetch(),
      switchReplica: (switchNow) => this.switchReplica(switchNow),
    });
    this.walker = options.prefetchWalker ?? inThreadPrefetchWalker(options.sqlite);
    this.session = new SessionService({
      sqlite: options.sqlite,
      state: this.engine.state,
      http: this.engine.http,
      sync: this.engine,
      now,
      ...(options.log ? { log: options.log } : {}),
    });
    this.store = new BlobStore(options.sqlite, path.join(options.dataDir, 'blobs'), now, (sha256) => this.requestDocument(sha256), options.compute);
    this.downloader = new BlobDownloader({
      sqlite: options.sqlite,
      store: this.store,
      http: this.engine.http,
      now,
      backoff: { baseMs: options.backoff?.baseMs ?? 2_000, capMs: options.backoff?.capMs ?? 5 * 60_000, random: options.random ?? Math.random },
      freeBytes: options.freeBytes,
      onProgress: () => this.engine.publishStatus(),
      log: options.log,
    });
  }

  start(): void {
    this.stopped = false;
    this.engine.start();
    void this.prefetch();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.walk?.cancel();
    await this.engine.stop();
    await this.prefetching;
    await this.downloader.stop();
  }

  /**
   * Queues every document of open work and trims the store to its budget, in short slices with the event loop
   * between them (a replica of 100k documents would otherwise hold the API thread for a second). A request while a
   * pass runs makes one more pass.
   */
  prefetch(): Promise<void> {
    if (this.prefetching) {
      this.prefetchAgain = true;
      return this.prefetching;
    }
    this.prefetching = (async () => {
      do {
        this.prefetchAgain = false;
        await this.prefetchPass();
      } while (this.prefetchAgain && !this.stopped);
    })().finally(() => {
      this.prefetching = null;
    });
    return this.prefetching;
  }

  private async prefetchPass(): Promise<void> {
    // A pass is asked for at the end of other work (a switch, a pull page): it starts in a task of its own.
    await yieldToEventLoop();
    if (this.switching || this.stopped) return;
    const keep = new Set<string>();
    this.walk = this.walker(async (wants) => {
      for (const w of wants) keep.add(w.sha256);
      // Each queued row touches random pages of the queue's index (a fraction of a millisecond on a cold cache): a
      // slice of hundreds is queued a few dozen at a time, with the event loop between them.
      for (let i = 0; i < wants.length; i += ENQUEUE_SLICE) {
        if (i > 0) await yieldToEventLoop();
        this.downloader.enqueue(wants.slice(i, i + ENQUEUE_SLICE));
      }
    });
    const complete = await this.walk.done;
    this.walk = null;
    // A cancelled walk knows only part of open work: trimming the store then could evict documents still needed.
    if (complete && !this.stopped) this.store.evict(this.options.blobBudgetBytes ?? DEFAULT_BLOB_BUDGET, keep);
  }

  /** The engine's replica switch: a running walk stops first, and none starts until the new file is attached. */
  private async switchReplica(switchNow: () => Promise<void>): Promise<void> {
    this.switching = true;
    try {
      await this.walk?.cancel();
      await switchNow();
    } finally {
      this.switching = false;
    }
  }

  /** Puts a document at the head of the queue (the user wants to see it). */
  requestDocument(sha256: string): void {
    const known = knownDocument(this.options.sqlite, sha256);
    if (known) this.downloader.enqueue([{ ...known, priority: 0 }]);
  }

  /** Verified plaintext of a document for `doc://` and `documents.get`; never a path, never unverified bytes. */
  async readDocument(sha256: string): Promise<{ bytes: Uint8Array; mime: string }> {
    if (!this.store.has(sha256)) {
      this.requestDocument(sha256);
      if (!knownDocument(this.options.sqlite, sha256)) throw new AppError('DOCUMENT_UNKNOWN', 'No such document in your data.');
      throw new AppError('DOCUMENT_NOT_DOWNLOADED', 'The document is still downloading.');
    }
    return this.store.read(sha256);
  }
}
