/**
 * The app's document prefetch: the replica is walked in the prefetch worker (its own connection to the replica file)
 * and the backend thread only queues what each slice hands it. It stores the same documents as the walk on the
 * calling thread, trims the store to its budget only after a complete walk, and never reads a replica file while it
 * is switched away from (a file open elsewhere cannot be deleted on Windows).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { SwitchStep } from '../../../db/replica-files';
import { sha256Hex } from '../../../electron/backend/blobs/blob-crypto';
import { openWorkDocuments } from '../../../electron/backend/blobs/open-work';
import { workerPrefetchWalker, type PrefetchWalker } from '../../../electron/backend/blobs/prefetch-walker';
import type { SyncService } from '../../../electron/backend/sync/sync-service';
import { localService, nonceSigner, openLocalDb, settledDownloads, STAFF, syncUntilSettled, tempDir, useWorld } from './support/world';

const workerFile = path.resolve(import.meta.dirname, '../../../electron/backend/blobs/prefetch-worker.ts');
const world = useWorld();

const storedDocuments = (service: SyncService) =>
  (service.engine.options.sqlite.prepare('SELECT sha256 FROM blobs ORDER BY sha256').pluck().all() as string[]);

async function machine(
  prefix: string,
  walker: (db: ReturnType<typeof openLocalDb>) => PrefetchWalker | undefined,
  budget?: number,
  onSwitchStep?: (step: SwitchStep) => void,
) {
  const dir = tempDir(prefix);
  const db = openLocalDb(dir);
  const prefetchWalker = walker(db);
  const service = localService(dir, db, world.proxy.url, {
    ...(prefetchWalker ? { prefetchWalker } : {}),
    ...(budget === undefined ? {} : { blobBudgetBytes: budget }),
    ...(onSwitchStep ? { onSwitchStep } : {}),
  });
  await service.session.login(nonceSigner(STAFF));
  await syncUntilSettled(service);
  await service.prefetch();
  await settledDownloads(service);
  return { dir, db, service };
}

it('stores the same documents as the walk on the calling thread, each verified', { timeout: 120_000 }, async () => {
  const inThread = await machine('prefetch-thread', () => undefined);
  const inWorker = await machine('prefetch-worker', (db) => workerPrefetchWalker(workerFile, db.replica));
  try {
    const wanted = openWorkDocuments(inWorker.db.sqlite).map((w) => w.sha256).sort();
    expect(wanted.length).toBeGreaterThan(0);
    expect(storedDocuments(inWorker.service)).toEqual(storedDocuments(inThread.service));
    expect(storedDocuments(inWorker.service)).toEqual(wanted);
    for (const sha256 of wanted) expect(sha256Hex((await inWorker.service.readDocument(sha256)).bytes)).toBe(sha256);
  } finally {
    for (const m of [inThread, inWorker]) {
      await m.service.stop();
      m.db.close();
    }
  }
});

it('evicts over budget after a complete walk but never documents of open work', { timeout: 120_000 }, async () => {
  const m = await machine('prefetch-worker-lru', (db) => workerPrefetchWalker(workerFile, db.replica), 0);
  try {
    const keep = openWorkDocuments(m.db.sqlite).map((w) => w.sha256);
    const stray = new Uint8Array([5, 6, 7, 8]);
    await m.service.store.store(sha256Hex(stray), stray, 'image/jpeg');
    await m.service.prefetch();
    expect(m.service.store.has(sha256Hex(stray))).toBe(false);
    for (const sha of keep) expect(m.service.store.has(sha)).toBe(true);
  } finally {
    await m.service.stop();
    m.db.close();
  }
});

it('never walks the old replica file while it is switched, and walks the new one after', { timeout: 120_000 }, async () => {
  const events: string[] = [];
  let running = 0;
  const m = await machine(
    'prefetch-worker-switch',
    (db) => {
      const inner = workerPrefetchWalker(workerFile, db.replica);
      return (onWants) => {
        running++;
        events.push('walk');
        const walk = inner(onWants);
        let ended = false;
        const end = () => {
          if (!ended) running--;
          ended = true;
        };
        return { done: walk.done.finally(end), cancel: () => walk.cancel().finally(end) };
      };
    },
    undefined,
    (step) => events.push(`${step}${running > 0 ? ' while walking' : ''}`),
  );
  try {
    const oldFile = m.db.replica.currentFile();
    events.length = 0;
    // A walk is under way (each slice waits for the backend thread) when the re-bootstrap switches the replica.
    const walking = m.service.prefetch();
    m.service.engine.state.requireBootstrap();
    expect(await m.service.engine.pull()).toMatchObject({ ok: true });
    await walking;
    await m.service.prefetch();
    expect(m.db.replica.currentFile()).not.toBe(oldFile);
    expect(fs.existsSync(oldFile)).toBe(false);
    expect(events.slice(0, 5)).toEqual(['walk', 'built', 'committed', 'attached', 'cleaned']);
    expect(events.slice(5)).toContain('walk');
    await settledDownloads(m.service);
    expect(storedDocuments(m.service)).toEqual(openWorkDocuments(m.db.sqlite).map((w) => w.sha256).sort());
  } finally {
    await m.service.stop();
    m.db.close();
  }
});
