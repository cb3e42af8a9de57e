/**
 * The app's bootstrap path: the replica file is built by the sync worker thread (its own SQLite connection, the real
 * server over loopback) and switched to by the engine; a refused token comes back as the same error kind the
 * in-thread path gives, so the engine asks for a new login.
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import { workerBootstrapRunner } from '../../../electron/backend/sync/bootstrap-runner';
import type { SyncService } from '../../../electron/backend/sync/sync-service';
import { localService, nonceSigner, openLocalDb, serverSnapshot, STAFF, tempDir, useWorld } from './support/world';

const workerFile = path.resolve(import.meta.dirname, '../../../electron/backend/sync/bootstrap-worker.ts');
const world = useWorld();

const httpOf = (service: () => SyncService, url: string, token?: string) => () => {
  const state = service().engine.state.read();
  return { serverUrl: url, appVersion: '0.1.0', clientId: state.clientId, token: token ?? state.token, requestTimeoutMs: 60_000 };
};

it('bootstraps in the sync worker and switches to its replica file', { timeout: 120_000 }, async () => {
  const dir = tempDir('worker-bootstrap');
  const db = openLocalDb(dir);
  let service: SyncService | null = null;
  service = localService(dir, db, world.proxy.url, { bootstrapRunner: workerBootstrapRunner(workerFile, httpOf(() => service!, world.proxy.url)) });
  try {
    const firstFile = db.replica.currentFile();
    await service.session.login(nonceSigner(STAFF));
    const outcome = await service.engine.pull();
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true });
    expect(db.replica.currentFile()).not.toBe(firstFile);
    expect(service.engine.state.read().needsBootstrap).toBe(false);
    expect(service.engine.replica.snapshot()).toEqual(await serverSnapshot(world.server, service.engine.state.read().token!));
  } finally {
    await service.stop();
    db.close();
  }
});

it('passes a refused token back as unauthorized and keeps the old replica', { timeout: 120_000 }, async () => {
  const dir = tempDir('worker-bootstrap-401');
  const db = openLocalDb(dir);
  let service: SyncService | null = null;
  service = localService(dir, db, world.proxy.url, { bootstrapRunner: workerBootstrapRunner(workerFile, httpOf(() => service!, world.proxy.url, 'not-a-valid-token-0123456789')) });
  try {
    const firstFile = db.replica.currentFile();
    await service.session.login(nonceSigner(STAFF));
    expect(await service.engine.pull()).toMatchObject({ ok: false, kind: 'unauthorized' });
    expect(db.replica.currentFile()).toBe(firstFile);
    expect(service.engine.state.read().needsBootstrap).toBe(true);
  } finally {
    await service.stop();
    db.close();
  }
});
