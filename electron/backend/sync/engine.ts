/**
 * The sync engine: one cycle at a time (bootstrap if needed → push the outbox → pull to the head), triggered on
 * start, by `syncNow`, on focus, by pokes, after a decision (debounced) and every minute; failures back off with
 * full jitter. Everything time- or network-related is injectable so tests can drive it through a fault proxy.
 */
import type Database from 'better-sqlite3';
import type { SyncStatus } from '../../../domain/api/sync';
import type { MutationName } from '../../../domain/mutations';
import { DEFAULT_PULL_LIMIT, MAX_PUSH_BATCH, type SessionUser } from '../../../domain/sync-protocol';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import type { ReplicaFiles, SwitchStep } from '../../../db/replica-files';
import { buildReplicaFromServer } from './bootstrap';
import type { BootstrapRunner } from './bootstrap-runner';
import { Outbox, type OutboxRow } from './outbox';
import { defaultPokeSocketFactory, PokeListener, type PokeSocketFactory } from './pokes';
import { Replica } from './replica';
import { replicaTables } from '../../../db/replica-tables';
import { SyncHttp, SyncHttpError, type FetchLike } from './sync-http';
import { SyncStateStore } from './sync-state';
import { withRelaxedDurability } from '../../../db/relaxed-durability';
import { yieldToEventLoop } from './yield-to-event-loop';

export interface SyncEngineOptions {
  sqlite: Database.Database;
  /** The replica's own file (`OpenedDatabase.replica`): bootstraps build a new one and switch to it. */
  replica: ReplicaFiles;
  /** Builds a bootstrap file; default: on this thread through `fetch` (the app passes the sync worker). */
  bootstrapRunner?: BootstrapRunner;
  /** Wraps the replica switch (the document prefetch stops reading the old file first); default: switches at once. */
  switchReplica?: (switchNow: () => Promise<void>) => Promise<void>;
  /** Called at each step of a replica switch (crash tests kill the process there). */
  onSwitchStep?: (step: SwitchStep) => void;
  serverUrl: string;
  appVersion: string;
  fetch?: FetchLike;
  /** null: no poke socket (tests that drive pulls themselves). */
  pokeSocketFactory?: PokeSocketFactory | null;
  /** How often the poke socket is pinged; an unanswered ping ends it. */
  pokeHeartbeatMs?: number;
  now?: () => Date;
  random?: () => number;
  backoff?: Partial<Omit<BackoffOptions, 'random'>>;
  pullIntervalMs?: number;
  pushDebounceMs?: number;
  requestTimeoutMs?: number;
  pullLimit?: number;
  /** Decisions per push (default and most: MAX_PUSH_BATCH); the drain benchmark's baseline pushes one at a time. */
  pushBatchLimit?: number;
  /** Changes stored per transaction of a pull page (the API thread is free between them); default 100. */
  pullSliceChanges?: number;
  /** Called after each slice of a pull page but the last is stored (crash tests kill the process there). */
  onPullSlice?: (stored: number, ofPage: number) => void;
  onDataChanged?: (tables: string[]) => void;
  onStatus?: (status: SyncStatus) => void;
  /** Called after the replica changed (prefetch documents of new work). */
  onReplicaChanged?: () => void;
  downloads?: () => { done: number; total: number | null };
  log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

/**
 * A page of 1,000 changes (validation, upserts, 5 indexes, search index) holds the thread for tens of milliseconds
 * and more at large replicas: stored 100 at a time, each slice is a few milliseconds.
 */
const PULL_SLICE_CHANGES = 100;

export type CycleOutcome = { ok: true } | { ok: false; kind: SyncHttpError['kind'] | 'internal'; message: string };

export class SyncEngine {
  readonly outbox: Outbox;
  readonly replica: Replica;
  readonly state: SyncStateStore;
  readonly http: SyncHttp;
  private readonly pokes: PokeListener | null;
  private readonly now: () => Date;
  private readonly backoff: BackoffOptions;
  private chain: Promise<unknown> = Promise.resolve();
  private wanted = false;
  private loop: Promise<void> | null = null;
  private started = false;
  private timers = new Set<NodeJS.Timeout>();
  private retryTimer: NodeJS.Timeout | null = null;
  private debounceTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private live = {
    online: false,
    phase: 'idle' as SyncStatus['phase'],
    bootstrap: null as SyncStatus['bootstrap'],
    needsLogin: false,
    updateRequired: false,
    minAppVersion: null as string | null,
    lastError: null as string | null,
    lastErrorCode: null as string | null,
    nextRetryAt: null as string | null,
  };
  private lastStatusJson = '';

  constructor(readonly options: SyncEngineOptions) {
    this.now = options.now ?? (() => new Date());
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff, random: options.random ?? Math.random };
    this.state = new SyncStateStore(options.sqlite);
    this.outbox = new Outbox(options.sqlite, this.now);
    this.replica = new Replica(options.sqlite);
    this.http = new SyncHttp({
      serverUrl: options.serverUrl,
      appVersion: options.appVersion,
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      clientId: () => this.state.read().clientId,
      token: () => this.state.read().token,
      requestTimeoutMs: options.requestTimeoutMs ?? 15_000,
    });
    const factory = options.pokeSocketFactory === undefined ? defaultPokeSocketFactory : options.pokeSocketFactory;
    this.pokes = factory
      ? new PokeListener({
          serverUrl: options.serverUrl,
          token: () => this.state.read().token,
          clientId: () => this.state.read().clientId,
          factory,
          backoff: this.backoff,
          heartbeatMs: options.pokeHeartbeatMs,
          onPoke: () => this.requestSync(),
          onConnected: (connected) => this.pokeSocketChanged(connected),
        })
      : null;
    this.live.needsLogin = this.state.read().token === null;
  }

  /** Starts background work: a first sync, the poke socket and the one-minute pull. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.pokes?.start();
    const interval = setInterval(() => this.requestSync(), this.options.pullIntervalMs ?? 60_000);
    interval.unref?.();
    this.timers.add(interval);
    this.requestSync();
  }

  /** Stops timers and the socket and waits for the running cycle. */
  async stop(): Promise<void> {
    this.started = false;
    this.pokes?.stop();
    for (const t of this.timers) clearInterval(t);
    this.timers.clear();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.wanted = false;
    await this.loop;
    await this.chain.catch(() => undefined);
  }

  status(): SyncStatus {
    const state = this.state.read();
    const counts = this.outbox.counts();
    return {
      ...this.live,
      lastSyncedAt: state.lastSyncedAt,
      pending: counts.pending,
      attention: counts.attention,
      downloads: this.options.downloads?.() ?? { done: 0, total: 0 },
    };
  }

  /** Re-sends the status event if anything in it changed. */
  publishStatus(): void {
    const status = this.status();
    const json = JSON.stringify(status);
    if (json === this.lastStatusJson) return;
    this.lastStatusJson = json;
    this.options.onStatus?.(status);
  }

  /**
   * A lost poke socket means the server is probably gone: the footer says "connecting" at once (not "online" until
   * the next minute's pull fails) and a cycle probes right away; its outcome decides online or offline.
   */
  private pokeSocketChanged(connected: boolean): void {
    if (!connected) this.live.online = false;
    this.publishStatus();
    if (!connected) this.requestSync();
  }

  // ── Session hooks (the session itself lives in electron/backend/session) ────────────────────────────────

  /** Decisions the server has not accepted yet (the session's guard against switching users). */
  unsentDecisions(): number {
    const unsent = this.outbox.counts();
    return unsent.pending + unsent.attention;
  }

  sessionStarted(): void {
    this.live.needsLogin = false;
    this.failures = 0;
    if (this.started) this.pokes?.restart();
    this.publishStatus();
    this.requestSync();
  }

  sessionEnded(): void {
    this.live.needsLogin = true;
    this.pokes?.stop();
    this.publishStatus();
  }

  user(): SessionUser | null {
    return this.state.read().user;
  }

  // ── Decisions ──────────────────────────────────────────────────────────────────────────────────────────────

  /** One local transaction (outbox + audit); visible at once as pending; pushed shortly after. */
  enqueueDecision(name: MutationName, args: unknown, baseVersion: number): OutboxRow {
    const row = this.outbox.enqueue(name, args, baseVersion, this.state.read().user?.iin ?? null);
    this.options.onDataChanged?.(['outbox']);
    this.publishStatus();
    if (this.started) this.schedulePush();
    return row;
  }

  discardAttention(clientSeq: number): void {
    this.outbox.discard(clientSeq, this.state.read().user?.iin ?? null);
    this.options.onDataChanged?.(['outbox']);
    this.publishStatus();
  }

  private schedulePush(): void {
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => this.requestSync(), this.options.pushDebounceMs ?? 300);
  }

  // ── Cycles ─────────────────────────────────────────────────────────────────────────────────────────────────

  /** Asks for a cycle soon; several requests while one runs collapse into one more cycle. */
  requestSync(): void {
    // Before start() (and after stop()) cycles run only when asked for explicitly (syncNow / push / pull).
    if (!this.started) return;
    this.wanted = true;
    if (this.loop) return;
    this.loop = (async () => {
      while (this.wanted) {
        this.wanted = false;
        await this.syncNow();
      }
    })().finally(() => {
      this.loop = null;
    });
  }

  focus(): void {
    this.requestSync();
  }

  /** One full cycle now: bootstrap if needed, push everything, pull to the head. */
  syncNow(): Promise<CycleOutcome> {
    return this.exclusive(async () => {
      if (this.state.read().needsBootstrap) await this.bootstrapStep();
      await this.pushStep();
      await this.pullStep();
    });
  }

  /** Only pushes (tests interleave pushes and pulls explicitly). */
  push(): Promise<CycleOutcome> {
    return this.exclusive(() => this.pushStep());
  }

  /** Only pulls (re-bootstrapping first if needed). */
  pull(): Promise<CycleOutcome> {
    return this.exclusive(async () => {
      if (this.state.read().needsBootstrap) await this.bootstrapStep();
      await this.pullStep();
    });
  }

  private exclusive(work: () => Promise<void>): Promise<CycleOutcome> {
    const run = async (): Promise<CycleOutcome> => {
      if (this.state.read().token === null) {
        this.live.needsLogin = true;
        this.publishStatus();
        return { ok: false, kind: 'unauthorized', message: 'not logged in' };
      }
      try {
        await work();
        this.succeeded();
        return { ok: true };
      } catch (error) {
        return this.failed(error);
      } finally {
        this.live.phase = 'idle';
        this.live.bootstrap = null;
        this.publishStatus();
      }
    };
    const result = this.chain.then(run, run);
    this.chain = result;
    return result;
  }

  private succeeded(): void {
    this.failures = 0;
    Object.assign(this.live, { online: true, needsLogin: false, updateRequired: false, minAppVersion: null, lastError: null, lastErrorCode: null, nextRetryAt: null });
  }

  private failed(error: unknown): CycleOutcome {
    const kind = error instanceof SyncHttpError ? error.kind : 'internal';
    const message = error instanceof Error ? error.message : String(error);
    this.live.lastError = message;
    this.live.lastErrorCode = error instanceof SyncHttpError ? error.code : null;
    this.live.online = error instanceof SyncHttpError && error.status !== null;
    if (kind === 'unauthorized') {
      // The queue is kept; the user logs in again and the sender resumes.
      this.live.needsLogin = true;
      this.state.clearToken();
      this.pokes?.stop();
    } else if (kind === 'updateRequired') {
      this.live.updateRequired = true;
      this.live.minAppVersion = error instanceof SyncHttpError ? error.minAppVersion : null;
    } else {
      this.options.log?.('warn', 'sync cycle failed; retrying', { kind, message });
      this.scheduleRetry();
    }
    return { ok: false, kind, message };
  }

  private scheduleRetry(): void {
    if (!this.started) return;
    const delay = backoffDelay(this.failures++, this.backoff);
    this.live.nextRetryAt = new Date(this.now().getTime() + delay).toISOString();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.requestSync();
    }, delay);
  }

  private async bootstrapStep(): Promise<void> {
    this.live.phase = 'bootstrapping';
    this.live.bootstrap = { done: 0, total: null };
    this.publishStatus();
    const replica = this.options.replica;
    const appliedBefore = this.outbox.lastAppliedSeq();
    const job = { file: replica.nextFile(), keyHex: Buffer.from(replica.key).toString('hex'), ddl: replica.ddl(), builtAt: this.now().toISOString() };
    const onProgress = (done: number, total: number | null) => {
      this.live.bootstrap = { done, total };
      this.publishStatus();
    };
    const run: BootstrapRunner = this.options.bootstrapRunner ?? ((j, progress) => buildReplicaFromServer(replica.builder(j.file, j.ddl), j, this.http, progress));
    await run(job, onProgress);
    // The switch is this thread's only share of a bootstrap: one small commit and a re-attachment. Retiring the
    // decisions the snapshot already contains is idempotent, so a crash on either side of the commit is harmless.
    const switchNow = () =>
      replica.switchTo(
        job.file,
        () => {
          this.outbox.retireAppliedUpTo(appliedBefore);
          this.state.markBootstrapped(this.now().toISOString());
        },
        this.options.onSwitchStep,
      );
    await (this.options.switchReplica ?? ((now) => now()))(switchNow);
    // What follows the switch (events, the prefetch's start, the next pull) runs in tasks of its own: API calls that
    // waited for the switch go first.
    await yieldToEventLoop();
    this.options.onDataChanged?.([...Object.values(replicaTables).map((t) => t.table), 'outbox']);
    this.options.onReplicaChanged?.();
  }

  private async pushStep(): Promise<void> {
    for (;;) {
      const batch = this.outbox.nextBatch(Math.min(this.options.pushBatchLimit ?? MAX_PUSH_BATCH, MAX_PUSH_BATCH));
      if (batch.length === 0) return;
      this.live.phase = 'pushing';
      this.publishStatus();
      this.outbox.markAttempt(batch.map((m) => m.clientSeq));
      const answer = await this.http.push({ clientId: this.state.read().clientId, mutations: batch });
      const changed = this.outbox.recordResults(answer.results);
      this.options.onDataChanged?.(['outbox']);
      this.publishStatus();
      if (changed === 0) throw new SyncHttpError('invalid', `the server answered none of the ${batch.length} decisions sent`);
    }
  }

  private async pullStep(): Promise<void> {
    this.live.phase = 'pulling';
    this.publishStatus();
    this.outbox.confirmAnswered();
    for (;;) {
      const cursor = this.state.read().cursor ?? 0;
      const page = await this.http.pull(cursor, this.options.pullLimit ?? DEFAULT_PULL_LIMIT);
      if ('resetRequired' in page) {
        this.options.log?.('info', 'server asked for a re-bootstrap', { reason: page.resetRequired });
        this.state.requireBootstrap();
        await this.bootstrapStep();
        this.live.phase = 'pulling';
        continue;
      }
      const tables = new Set<string>(['outbox']);
      const { sqlite } = this.options;
      const slice = this.options.pullSliceChanges ?? PULL_SLICE_CHANGES;
      for (let from = 0; ; from += slice) {
        const last = from + slice >= page.changes.length;
        const store = sqlite.transaction(() => {
          for (const change of page.changes.slice(from, from + slice)) {
            this.replica.apply(change);
            tables.add(replicaTables[change.entity].table);
          }
          if (!last) return;
          // A push whose answer was lost learns its result here, without resending.
          this.outbox.recordResults(page.mutations);
          this.outbox.confirm(page.mutations);
          this.outbox.retireApplied(!page.hasMore);
          // The cursor commits with the page's last slice: a crash before it leaves earlier slices stored and the
          // cursor where it was, so the page comes again and is re-applied (upserts never let an older version win).
          this.state.setCursor(page.cursor, this.now().toISOString());
        });
        // Nothing a pull stores must wait for the disk (an fsync on this thread, behind whatever else the disk does):
        // a power cut loses only a suffix of commits, so the replica falls back to an earlier page with its cursor,
        // which is pulled again, and the outbox steps above, all idempotent, are redone.
        withRelaxedDurability(sqlite, () => store(), ['main', 'replica']);
        if (last) break;
        this.options.onPullSlice?.(from + slice, page.changes.length);
        await yieldToEventLoop();
      }
      this.options.onDataChanged?.([...tables]);
      if (page.changes.length > 0) this.options.onReplicaChanged?.();
      this.publishStatus();
      if (!page.hasMore) return;
    }
  }
}
