/**
 * A sync test world: the reference server (demo seed) on loopback behind a fault proxy, plus helpers to log in,
 * build decisions from the replica, and read the server's truth (scope snapshot, recorded mutation results).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { contractListArgsSchema, contractTabs, type RowOverlayState } from '../../../../domain/api/contracts';
import { todayInKazakhstan } from '../../../../domain/calendar';
import { entitySchemas, type EntityName } from '../../../../domain/entities';
import { signCms } from '../../../fixtures/pki/sign-cms';
import { bootstrapMetaSchema, bootstrapRowSchema, HEADER_CLIENT_ID, HEADER_PROTOCOL_VERSION, PROTOCOL_VERSION } from '../../../../domain/sync-protocol';
import { openDatabase, type OpenedDatabase } from '../../../../db/open';
import { InboxQueries } from '../../../../electron/backend/contracts/inbox-query';
import { SyncService, type SyncServiceOptions } from '../../../../electron/backend/sync/sync-service';
import { mutationResults } from '../../../../server/db/schema';
import type { RunningServer } from '../../../../server/index';
import { loadKey } from '../../../fixtures/pki/load';
import { sharedCompute } from '../../../support/compute-worker';
import { startFaultProxy, type FaultProxy } from '../../../support/fault-proxy';
import { startReferenceServer } from './reference-server';

export const STAFF = 'kg1-methodist';
export const KEY_HEX = '42'.repeat(32);
export const MIGRATIONS = path.resolve(import.meta.dirname, '../../../../db/migrations');

export interface World {
  server: RunningServer;
  proxy: FaultProxy;
  close(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const server = await startReferenceServer();
  const proxy = await startFaultProxy(server.url);
  return {
    server,
    proxy,
    close: async () => {
      await proxy.close();
      await server.close();
    },
  };
}

/** The world of one test file: started before its tests, closed after them; read it only inside a test. */
export function useWorld(): World {
  let started: World | undefined;
  beforeAll(async () => {
    started = await startWorld();
  }, 120_000);
  afterAll(async () => {
    await started?.close();
  });
  const get = (): World => {
    if (!started) throw new Error('the world starts in beforeAll');
    return started;
  };
  return {
    get server() {
      return get().server;
    },
    get proxy() {
      return get().proxy;
    },
    close: () => get().close(),
  };
}

export const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), `qabyl-${prefix}-`));

export function openLocalDb(dir: string): OpenedDatabase {
  return openDatabase({ file: path.join(dir, 'qabyl.db'), key: Uint8Array.from(Buffer.from(KEY_HEX, 'hex')), migrationsFolder: MIGRATIONS });
}

/** A SyncService on a local DB in `dir`, talking to the proxy; fast backoff, no background timers until start(). */
export function localService(dir: string, db: OpenedDatabase, proxyUrl: string, extra: Partial<SyncServiceOptions> = {}): SyncService {
  return new SyncService({
    sqlite: db.sqlite,
    replica: db.replica,
    dataDir: dir,
    compute: sharedCompute,
    serverUrl: proxyUrl,
    appVersion: '0.1.0',
    pokeSocketFactory: null,
    requestTimeoutMs: 1_500,
    backoff: { baseMs: 5, capMs: 40 },
    pullLimit: 50,
    ...extra,
  });
}

/** Signs the login nonce with the identity's AUTH key, as NCALayer would. */
export function nonceSigner(identity: string) {
  return async (nonce: string): Promise<string> => {
    const key = await loadKey(identity, 'auth');
    const cms = await signCms({ content: new TextEncoder().encode(nonce), privateKey: key.privateKey, certificate: key.certDer, chain: key.chainDer, detached: false });
    return Buffer.from(cms).toString('base64');
  };
}

/** Waits until `ready()` holds, re-checking every few milliseconds (bounded: about a minute). */
export async function until(ready: () => boolean, what: string, checks = 6_000): Promise<void> {
  for (let i = 0; i < checks; i++) {
    if (ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never happened: ${what}`);
}

/** Runs cycles until one succeeds with nothing left to push (bounded). */
export async function syncUntilSettled(service: SyncService, maxCycles = 200): Promise<void> {
  let last = '';
  for (let i = 0; i < maxCycles; i++) {
    const outcome = await service.engine.syncNow();
    if (outcome.ok && service.engine.outbox.nextBatch(1).length === 0) return;
    last = JSON.stringify(outcome);
  }
  throw new Error(`sync did not settle: ${last}`);
}

/** Waits until the download queue is empty (failed jobs are retried at once), bounded. */
export async function settledDownloads(service: SyncService): Promise<void> {
  for (let i = 0; i < 400; i++) {
    await service.downloader.idle();
    if (service.downloader.progress().total === 0) return;
    service.downloader.kick();
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('downloads did not finish');
}

export interface LocalMachine {
  dir: string;
  db: OpenedDatabase;
  service: SyncService;
}

/** A service on a fresh local DB behind the world's proxy, not signed in yet. */
export function freshService(world: World, prefix: string): LocalMachine {
  const dir = tempDir(prefix);
  const db = openLocalDb(dir);
  return { dir, db, service: localService(dir, db, world.proxy.url) };
}

/** A service on a fresh local DB, signed in as `identity` and synced: the start of most sync tests. */
export async function signedInService(world: World, prefix: string, identity = STAFF): Promise<LocalMachine> {
  const machine = freshService(world, prefix);
  await machine.service.session.login(nonceSigner(identity));
  await syncUntilSettled(machine.service);
  return machine;
}

/** The inbox's overlay of the contracts with local decisions, as the contract list shows it (every tab). */
export function contractOverlays(service: SyncService): Map<string, RowOverlayState> {
  const inbox = new InboxQueries(service.engine.options.sqlite, () => todayInKazakhstan(new Date()));
  const rows = contractTabs.flatMap(
    (tab) => inbox.contracts(contractListArgsSchema.parse({ tab, search: '', filter: { withDecisionsOnly: true }, limit: 500 })).rows,
  );
  return new Map(rows.map((r) => [r.id, r.sync]));
}

export type Snapshot = Record<string, Record<string, { version: number; data: unknown }>>;

/** The user's scope as the server has it now, validated with the same schemas the client uses. */
export async function serverSnapshot(server: RunningServer, token: string): Promise<Snapshot> {
  const response = await fetch(`${server.url}/v1/sync/bootstrap`, {
    headers: { authorization: `Bearer ${token}`, [HEADER_CLIENT_ID]: 'snapshot-reader', [HEADER_PROTOCOL_VERSION]: String(PROTOCOL_VERSION) },
  });
  const out: Snapshot = Object.fromEntries(Object.keys(entitySchemas).map((e) => [e, {}]));
  for (const line of (await response.text()).split('\n').filter(Boolean)) {
    const value = JSON.parse(line) as unknown;
    if (bootstrapMetaSchema.safeParse(value).success) continue;
    const row = bootstrapRowSchema.parse(value);
    out[row.entity]![row.id] = { version: row.version, data: entitySchemas[row.entity as EntityName].parse(row.data) };
  }
  return out;
}

/** What the server recorded for this client, in the order it applied them. */
export async function serverResults(server: RunningServer, clientId: string) {
  return server.db
    .select({ clientSeq: mutationResults.clientSeq, mutationId: mutationResults.mutationId, status: mutationResults.status, resultSeq: mutationResults.resultSeq })
    .from(mutationResults)
    .where(eq(mutationResults.clientId, clientId))
    .orderBy(asc(mutationResults.resultSeq));
}

/** Unsigned review decisions (document marks) on contracts awaiting review in the replica: safe to repeat. */
export function markDecisions(service: SyncService, count: number, seed = 0) {
  const rows = service.engine.options.sqlite
    .prepare(
      `SELECT d.id AS documentId, d.contract_id AS contractId, c.version AS version FROM contract_documents d
         JOIN contracts c ON c.id = d.contract_id WHERE d.current = 1 AND c.status IN ('submitted', 'resubmitted') ORDER BY d.id`,
    )
    .all() as Array<{ documentId: string; contractId: string; version: number }>;
  if (rows.length === 0) throw new Error('the seed has no documents awaiting review');
  return Array.from({ length: count }, (_, i) => {
    const r = rows[(i * 7 + seed) % rows.length]!;
    const flagged = (i + seed) % 3 === 0;
    return {
      name: 'contract.markDocument' as const,
      args: { contractId: r.contractId, documentId: r.documentId, decision: flagged ? 'flagged' : 'approved', reason: flagged ? 'unreadable' : null, comment: null },
      baseVersion: r.version,
    };
  });
}

/** Every decision reached the server exactly once, in the order made: seqs 1..n, ids matching, applied in order. */
export function expectExactlyOnceInOrder(results: Awaited<ReturnType<typeof serverResults>>, mutationIds: string[]): string | null {
  if (results.length !== mutationIds.length) return `server recorded ${results.length} results for ${mutationIds.length} decisions`;
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    if (r.clientSeq !== i + 1) return `result #${i} has clientSeq ${r.clientSeq}`;
    if (r.mutationId !== mutationIds[i]) return `result #${i} is mutation ${r.mutationId}, expected ${mutationIds[i]}`;
  }
  return null;
}
