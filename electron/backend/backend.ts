/**
 * The backend as a plain object: open the DB, wire the handlers, expose `call` and events. It runs inside a worker
 * thread in the app (worker-entry.ts) and directly under Node in tests; it never imports electron.
 */
import { signatureTrust } from './signatures/signature-trust';
import path from 'node:path';
import { openDatabase } from '../../db/open';
import type { Envelope } from '../../domain/envelope';
import { appHandlers } from './api/app-handlers';
import { createDispatcher, type Handlers } from './api/dispatch';
import { backendConfigSchema, type BackendConfigInput } from './config';
import type { BackendContext } from './context';
import { EventBus, type EventListener } from './events';
import { createLogger, type Logger } from './logger';
import { syncHandlers } from './api/sync-handlers';
import { supportHandlers } from './api/support-handlers';
import { contractHandlers } from './api/contract-handlers';
import { groupHandlers } from './api/group-handlers';
import { specialQueueHandlers } from './api/special-queue-handlers';
import { SyncService } from './sync/sync-service';
import { ComputePool } from './compute/compute-pool';
import { computeContentDigest } from './compute/content-digest';
import { workerEntry } from './worker-thread';
import { workerBootstrapRunner, type BootstrapWorkerData } from './sync/bootstrap-runner';
import { workerPrefetchWalker } from './blobs/prefetch-walker';
import type { SyncStateRow } from './sync/sync-state';
import { authHandlers } from './api/auth-handlers';
import { DecisionService } from './decisions/decision-service';
import { readLanguageSetting } from './settings/language';
import { NcaLayerClient } from './ncalayer/client';
import { ContractPdfSource } from './contracts/contract-pdf-source';
import { reencryptReporter, type StartupListener } from './startup-progress';
import { collectStartupGarbage } from './collect-startup-garbage';

export interface Backend {
  call(method: unknown, args: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: EventListener): () => void;
  /** Stops background work (sync, downloads) and closes the DB cleanly. */
  close(): Promise<void>;
}

/**
 * The sync worker builds bootstrap replica files, the prefetch worker walks the replica for documents to download,
 * the compute worker renders PDFs (see compute/compute-jobs.ts).
 */
const bootstrapWorkerFile = () => workerEntry(import.meta.url, './sync/bootstrap-worker.ts', './bootstrap-worker.mjs');
const prefetchWorkerFile = () => workerEntry(import.meta.url, './blobs/prefetch-worker.ts', './prefetch-worker.mjs');
const computeWorkerFile = () => workerEntry(import.meta.url, './compute/compute-worker.ts', './compute-worker.mjs');

/** `onStartup` hears the start-up's progress (the one-time re-encryption) before the backend can answer calls. */
export async function createBackend(rawConfig: BackendConfigInput, log?: Logger, onStartup: StartupListener = () => undefined): Promise<Backend> {
  const config = backendConfigSchema.parse(rawConfig);
  const logger = log ?? createLogger({ file: path.join(config.dataDir, 'logs', 'backend.log') });
  const reencrypt = reencryptReporter(logger, onStartup);
  const db = openDatabase({
    file: path.join(config.dataDir, 'qabyl.db'),
    key: Uint8Array.from(Buffer.from(config.dbKeyHex, 'hex')),
    migrationsFolder: config.migrationsFolder,
    onBackup: (file) => reencrypt.onBackup(file),
    onReencryptProgress: (progress) => reencrypt.onProgress(progress),
  });
  reencrypt.finished();
  if (db.recoveredFromUncleanShutdown) logger.warn('previous run did not close the database; quick_check passed');
  const events = new EventBus();
  const compute = new ComputePool(computeWorkerFile());
  const sync: SyncService = new SyncService({
    sqlite: db.sqlite,
    replica: db.replica,
    bootstrapRunner: workerBootstrapRunner(bootstrapWorkerFile(), (): BootstrapWorkerData['http'] => {
      const state: SyncStateRow = sync.engine.state.read();
      return { serverUrl: config.serverUrl, appVersion: config.appVersion, clientId: state.clientId, token: state.token, requestTimeoutMs: 15_000 };
    }),
    prefetchWalker: workerPrefetchWalker(prefetchWorkerFile(), db.replica, (message) => logger.warn('document prefetch walk failed', { message })),
    dataDir: config.dataDir,
    compute,
    serverUrl: config.serverUrl,
    appVersion: config.appVersion,
    onDataChanged: (tables) => events.emit('data.changed', { tables }),
    onStatus: (status) => events.emit('sync.status', status),
    log: (level, message, fields) => logger[level](message, fields),
  });
  const ncalayer = new NcaLayerClient({
    url: config.ncalayer.url,
    ...(config.ncalayer.tlsCaPem ? { ca: [config.ncalayer.tlsCaPem] } : {}),
    ...(config.ncalayer.allowTestKeys ? { signerChain: [] } : {}),
    locale: () => readLanguageSetting(db.db),
  });
  const contractPdfs = new ContractPdfSource(db.sqlite, compute, path.join(config.resourcesDir, 'fonts'));
  // Streebog over a contract PDF is a fraction of a second of script: the compute worker does it, never this thread.
  const digestContent = computeContentDigest(compute);
  const decisions = new DecisionService({ engine: sync.engine, ncalayer: () => ncalayer, trustedRootsPem: config.trustedRootsPem, contractPdfs, digestContent });
  const trust = signatureTrust(config.trustedRootsPem, config.revocation, () => sync.engine.status().online, digestContent);
  const ctx: BackendContext = { config, db, events, log: logger, sync, decisions, contractPdfs, ncalayer, trust };

  const handlers: Handlers = {
    ...appHandlers(ctx),
    ...supportHandlers({ config, compute, log: logger }),
    ...authHandlers(ctx, () => ncalayer),
    ...syncHandlers(sync),
    ...contractHandlers(ctx),
    ...groupHandlers(ctx),
    ...specialQueueHandlers({ sync, decisions, trust }),
  };
  const dispatch = createDispatcher(handlers, logger);
  // A thread's first `fetch` loads Node's HTTP client: ~50 ms of script in one slice. Paid here, before the first
  // API call, not later in the middle of work (after a bootstrap built in the sync worker, the first pull paid it).
  await (await fetch('data:,')).arrayBuffer();
  collectStartupGarbage();
  sync.start();

  return {
    call: dispatch,
    onEvent: (listener) => events.on(listener),
    async close() {
      await sync.stop();
      await compute.close();
      db.close();
    },
  };
}
