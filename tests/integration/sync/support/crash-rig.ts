/**
 * The rig of the kill tests: the world, the engine child bundle, an in-process seeder that logs in once, lends its
 * token to the child and makes decisions, and the child engine that gets killed and restarted.
 */
import path from 'node:path';
import { beforeAll } from 'vitest';
import type { OpenedDatabase } from '../../../../db/open';
import type { SessionUser } from '../../../../domain/sync-protocol';
import type { CycleOutcome } from '../../../../electron/backend/sync/engine';
import type { OutboxRow } from '../../../../electron/backend/sync/outbox';
import type { SyncService } from '../../../../electron/backend/sync/sync-service';
import { bundleEngineChild, ChildEngine, type ChildEngineConfig } from './child-engine';
import { KEY_HEX, localService, nonceSigner, openLocalDb, STAFF, syncUntilSettled, tempDir, useWorld, type World } from './world';

export interface CrashRig {
  world: World;
  /** The engine child bundle, built once per test file. */
  bundle(): string;
}

export function useCrashRig(): CrashRig {
  const world = useWorld();
  let bundle: string | undefined;
  beforeAll(async () => {
    bundle = await bundleEngineChild();
  }, 120_000);
  return {
    world,
    bundle: () => {
      if (!bundle) throw new Error('the bundle is built in beforeAll');
      return bundle;
    },
  };
}

export interface SeededChild {
  dir: string;
  seeder: SyncService;
  token: string;
  config: ChildEngineConfig;
  child: ChildEngine;
  /** Stops the seeder and closes its DB (the caller stops whichever child is current). */
  close(): Promise<void>;
}

/** A seeder signed in and synced, and a first child engine in `dir` holding the seeder's session. */
export async function seededChild(rig: CrashRig, prefix: string, pullLimit: number): Promise<SeededChild> {
  const dir = tempDir(prefix);
  const db: OpenedDatabase = openLocalDb(tempDir(`${prefix}-login`));
  const seeder = localService(dir, db, rig.world.proxy.url);
  const user: SessionUser = await seeder.session.login(nonceSigner(STAFF));
  await syncUntilSettled(seeder);
  const { token, tokenExpiresAt } = seeder.engine.state.read();
  const config: ChildEngineConfig = { dbFile: path.join(dir, 'child.db'), keyHex: KEY_HEX, serverUrl: rig.world.proxy.url, pullLimit };
  const child = await ChildEngine.start(rig.bundle(), config);
  await child.send({ op: 'session', token: token!, expiresAt: tokenExpiresAt!, user });
  return {
    dir,
    seeder,
    token: token!,
    config,
    child,
    close: async () => {
      await seeder.stop();
      db.close();
    },
  };
}

/** Syncs a (restarted) child until a cycle succeeds with its outbox empty; bounded, the final asserts judge. */
export async function catchUp(child: ChildEngine, maxCycles: number): Promise<void> {
  for (let i = 0; i < maxCycles; i++) {
    const outcome = await child.send<CycleOutcome>({ op: 'sync' });
    const snap = await child.send<{ outbox: OutboxRow[] }>({ op: 'snapshot' });
    if (outcome.ok && snap.outbox.length === 0) return;
  }
}
