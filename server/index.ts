/**
 * startServer(options): the reference central server on 127.0.0.1, used by `npm run server`, tests, benchmarks
 * and the dev:web launcher.
 */
import { releasePlace } from './groups/places';
import type { AddressInfo } from 'node:net';
import { buildApp } from './app';
import type { CmsVerifier } from './auth/cms-verifier';
import type { Timestamper } from './auth/timestamper';
import type { ServerContext } from './context';
import { openDatabase, type DatabaseTarget, type ServerDb } from './db/connect';
import { changeChannel, startChangeFeed } from './events/change-feed';
import { registerWriter, sequenceHead } from './store/change-horizon';
import { BlobStore } from './blobs/store';
import type { ObjectStore } from './blobs/object-store';
import { EventHub } from './events/hub';
import { ServerMetrics } from './ops/metrics';
import type { LogOptions } from './ops/logging';
import { compactChangeLog, currentSeq } from './store/entity-store';
import type { FastifyInstance } from 'fastify';
import { OfferEndedHooks } from './offers/offer-ended';
import { ExpiryScheduler } from './scheduler/scheduler';
import { ensureStoredCalendar } from './calendar/calendar-store';

/** How often the server looks for expired deadlines (deadlines are days; a minute is plenty). */
const EXPIRY_INTERVAL_MS = 60_000;

export interface StartServerOptions {
  port?: number;
  host?: string;
  database?: DatabaseTarget;
  verifier: CmsVerifier;
  timestamper?: Timestamper | null;
  /** Demo mode: seeds the database when it is empty and adds the demo's routes (the parent simulator). */
  demo?: { seed: (db: ServerDb, now: Date) => Promise<void>; routes: (app: FastifyInstance, ctx: ServerContext) => void } | null;
  now?: () => Date;
  logger?: boolean | LogOptions;
  /** Where document bytes go; absent: PostgreSQL. */
  objectStore?: ObjectStore | null;
  updatesDir?: string | null;
  minAppVersion?: string;
  tokenTtlSeconds?: number;
  /** Period of the expiry scheduler; null runs it only at start (tests run it through `scheduler`). */
  expiryIntervalMs?: number | null;
}

export interface RunningServer {
  url: string;
  port: number;
  db: ServerDb;
  ctx: ServerContext;
  /** The expiry scheduler: tests move `now` and call `scheduler.run()`. */
  scheduler: ExpiryScheduler;
  /** Test hook: the current head of the change sequence. */
  cursor(): Promise<number>;
  /** Test hook: compacts the change log up to the head, expiring every older cursor. */
  compact(): Promise<void>;
  close(): Promise<void>;
}

/** An offer that ends without enrollment (expiry, rejection, voucher annulment) gives its group place back. */
function offerEndedHooks(): OfferEndedHooks {
  const hooks = new OfferEndedHooks();
  hooks.add(async (tx, contract) => {
    await releasePlace(tx, contract.id);
  });
  return hooks;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const handle = await openDatabase(options.database ?? { kind: 'pglite' });
  const ctx: ServerContext = {
    db: handle.db,
    verifier: options.verifier,
    timestamper: options.timestamper ?? null,
    events: new EventHub(),
    blobs: new BlobStore(options.objectStore ?? null),
    changeChannel: await changeChannel(handle.db),
    metrics: new ServerMetrics(),
    now: options.now ?? (() => new Date()),
    offerEnded: offerEndedHooks(),
    demo: !!options.demo,
    minAppVersion: options.minAppVersion ?? '0.1.0',
    tokenTtlSeconds: options.tokenTtlSeconds ?? 12 * 3600,
  };
  let stopFeed: (() => Promise<void>) | null = null;
  try {
    stopFeed = await startChangeFeed(handle.listener, ctx.changeChannel, ctx.events, ctx.metrics);
    if (options.demo) await options.demo.seed(handle.db, ctx.now());
    await ensureStoredCalendar(handle.db, ctx.now());
    const app = await buildApp(ctx, {
      logger: options.logger ?? false,
      updatesDir: options.updatesDir ?? null,
      extraRoutes: options.demo?.routes ?? null,
    });
    await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
    const scheduler = new ExpiryScheduler(ctx, options.expiryIntervalMs === undefined ? EXPIRY_INTERVAL_MS : options.expiryIntervalMs);
    await scheduler.start();
    const port = (app.server.address() as AddressInfo).port;
    return {
      url: `http://127.0.0.1:${port}`,
      port,
      db: handle.db,
      ctx,
      scheduler,
      cursor: () => currentSeq(handle.db),
      compact: () =>
        handle.db.transaction(async (tx) => {
          await registerWriter(tx);
          await compactChangeLog(tx, (await sequenceHead(tx)).visible);
        }),
      close: async () => {
        await scheduler.stop();
        await app.close();
        await stopFeed?.();
        await handle.close();
      },
    };
  } catch (error) {
    await stopFeed?.();
    await handle.close();
    throw error;
  }
}
