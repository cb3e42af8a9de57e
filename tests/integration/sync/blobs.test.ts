/**
 * Documents: prefetched for open work, verified before they are stored, encrypted at rest, and never served when
 * the bytes are wrong — a corrupted download is fetched again, a tampered file on disk is refused and re-fetched.
 */
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { sha256Hex } from '../../../electron/backend/blobs/blob-crypto';
import { openWorkDocuments } from '../../../electron/backend/blobs/open-work';
import { pathStarts } from '../../support/fault-proxy';
import { freshService, localService, nonceSigner, openLocalDb, settledDownloads, STAFF, syncUntilSettled, tempDir, useWorld } from './support/world';

const world = useWorld();

async function errorCode(read: () => Promise<unknown>): Promise<string | null> {
  try {
    await read();
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? 'no code';
  }
}

it('prefetches open work, re-downloads a corrupted or truncated transfer, refuses a tampered file', async () => {
  const { db, service } = freshService(world, 'blobs');
  try {
    await service.session.login(nonceSigner(STAFF));
    // The first documents arrive corrupted or cut off mid-way; the queue must verify, resume and retry.
    world.proxy.once(pathStarts('/v1/blobs/'), { kind: 'corrupt' });
    world.proxy.once(pathStarts('/v1/blobs/'), { kind: 'truncate', bytes: 1000 });
    world.proxy.once(pathStarts('/v1/blobs/'), { kind: 'reset' });
    await syncUntilSettled(service);
    await settledDownloads(service);

    const wanted = openWorkDocuments(db.sqlite);
    expect(wanted.length).toBeGreaterThan(0);
    for (const w of wanted) {
      const { bytes } = await service.readDocument(w.sha256);
      expect(sha256Hex(bytes)).toBe(w.sha256);
    }
    // A resumed download asked for the rest of the file only.
    expect(world.proxy.log.some((r) => r.path.startsWith('/v1/blobs/'))).toBe(true);

    // At rest the file is ciphertext, not the document.
    const victim = wanted[0]!;
    const plain = (await service.readDocument(victim.sha256)).bytes;
    const file = service.store.filePath(victim.sha256);
    expect(fs.readFileSync(file).includes(Buffer.from(plain.subarray(0, 64)))).toBe(false);

    // Tamper with the stored file: refused, dropped, downloaded again.
    const sealed = fs.readFileSync(file);
    sealed[10]! ^= 0x01;
    fs.writeFileSync(file, sealed);
    expect(await errorCode(() => service.readDocument(victim.sha256))).toBe('DOCUMENT_DAMAGED');
    expect(await errorCode(() => service.readDocument(victim.sha256))).toBe('DOCUMENT_NOT_DOWNLOADED');
    await settledDownloads(service);
    expect(sha256Hex((await service.readDocument(victim.sha256)).bytes)).toBe(victim.sha256);
  } finally {
    world.proxy.clearFaults();
    await service.stop();
    db.close();
  }
});

it('evicts least-recently-opened documents over budget but never documents of open work', async () => {
  const dir = tempDir('blobs-lru');
  const db = openLocalDb(dir);
  const service = localService(dir, db, world.proxy.url, { blobBudgetBytes: 0 });
  try {
    await service.session.login(nonceSigner(STAFF));
    await syncUntilSettled(service);
    await settledDownloads(service);
    const keep = new Set(openWorkDocuments(db.sqlite).map((w) => w.sha256));
    // An unrelated document stored earlier and not part of open work goes first.
    const stray = new Uint8Array([1, 2, 3, 4]);
    await service.store.store(sha256Hex(stray), stray, 'image/jpeg');
    await service.prefetch();
    expect(service.store.has(sha256Hex(stray))).toBe(false);
    for (const sha of keep) expect(service.store.has(sha)).toBe(true);
  } finally {
    await service.stop();
    db.close();
  }
});
