// The same blob suite on both backends of the blob store: bytes in PostgreSQL (embedded default) and in an
// S3-compatible object store (s3rver on loopback, started here). Range, ETag, scope and hash refusal over HTTP, where
// the bytes really are, and the migration of existing blobs from PostgreSQL to the object store.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../domain/sync-protocol';
import { moveBlobsToObjectStore } from '../../../server/blobs/migrate-blobs';
import { S3ObjectStore } from '../../../server/blobs/object-store';
import { BlobStore } from '../../../server/blobs/store';
import { rowsOf } from '../../../server/db/rows';
import { demoServerOptions } from '../../../demo/server-options';
import { startServer, type RunningServer } from '../../../server/index';
import { startLoopbackS3, type LoopbackS3 } from '../../support/s3-server';
import { TestServerClient } from '../../support/server-client';


/** Random bytes shaped as a PDF (header and end marker): uploads are refused unless they are a readable file. */
function pdfLike(size: number): Uint8Array {
  const bytes = new Uint8Array(randomBytes(size));
  bytes.set(new TextEncoder().encode('%PDF-'), 0);
  bytes.set(new TextEncoder().encode('\n%%EOF\n'), size - 7);
  return bytes;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function upload(client: TestServerClient, bytes: Uint8Array, hash = sha256(bytes)): Promise<Response> {
  return fetch(`${client.baseUrl}/v1/blobs/${hash}`, { method: 'PUT', headers: client.headers({ 'content-type': 'application/pdf' }), body: Buffer.from(bytes) });
}

async function storedInline(server: RunningServer, hash: string): Promise<boolean | null> {
  const rows = rowsOf<{ inline: boolean }>(await server.db.execute(sql`SELECT bytes IS NOT NULL AS inline FROM blobs WHERE sha256 = ${hash}`));
  return rows[0]?.inline ?? null;
}

const backends = [
  { name: 'PostgreSQL', objectStore: false },
  { name: 'S3 (loopback s3rver)', objectStore: true },
];

describe.each(backends)('blob store on $name', ({ objectStore }) => {
  let s3: LoopbackS3 | null = null;
  let objects: S3ObjectStore | null = null;
  let server: RunningServer;
  let kg1: TestServerClient;
  let kg2: TestServerClient;
  const bytes = pdfLike(4096);
  const hash = sha256(bytes);

  beforeAll(async () => {
    if (objectStore) {
      s3 = await startLoopbackS3();
      objects = new S3ObjectStore(s3.config);
    }
    server = await startServer({ ...(await demoServerOptions({ contractsPerKindergarten: [1, 1, 0], applications: 0, cacheDir: null })), objectStore: objects });
    kg1 = new TestServerClient(server.url);
    await kg1.login('kg1-head');
    kg2 = new TestServerClient(server.url);
    await kg2.login('kg2-head');
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    objects?.close();
    await s3?.stop();
  });

  it('refuses bytes that do not hash to the path, storing nothing', async () => {
    const response = await upload(kg1, bytes, sha256(new Uint8Array([1, 2, 3])));
    expect(response.status).toBe(422);
    expect(errorBodySchema.parse(await response.json()).error.code).toBe('HASH_MISMATCH');
    expect(await storedInline(server, hash)).toBeNull();
  });

  it('stores by content hash where the backend keeps bytes, and serves them whole with an ETag', async () => {
    expect((await upload(kg1, bytes)).status).toBe(201);
    expect((await upload(kg1, bytes)).status).toBe(201); // the same content again: one blob
    expect(await storedInline(server, hash)).toBe(!objectStore);
    if (objects) expect(await objects.get(hash)).toEqual(bytes);
    const response = await kg1.getBlob(hash);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe(`"${hash}"`);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    const revalidated = await fetch(`${server.url}/v1/blobs/${hash}`, { headers: kg1.headers({ 'if-none-match': `"${hash}"` }) });
    expect(revalidated.status).toBe(304);
  });

  it('serves byte ranges and refuses unsatisfiable ones in the documented shape', async () => {
    const ranged = async (range: string) => fetch(`${server.url}/v1/blobs/${hash}`, { headers: kg1.headers({ range }) });
    const first = await ranged('bytes=0-9');
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-9/${bytes.length}`);
    expect(new Uint8Array(await first.arrayBuffer())).toEqual(bytes.subarray(0, 10));
    const middle = await ranged('bytes=1000-1999');
    expect(new Uint8Array(await middle.arrayBuffer())).toEqual(bytes.subarray(1000, 2000));
    const suffix = await ranged('bytes=-16');
    expect(new Uint8Array(await suffix.arrayBuffer())).toEqual(bytes.subarray(bytes.length - 16));
    const open = await ranged('bytes=4000-');
    expect(new Uint8Array(await open.arrayBuffer())).toEqual(bytes.subarray(4000));
    const outside = await ranged('bytes=99999-');
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
    expect(errorBodySchema.parse(await outside.json()).error.code).toBe('RANGE_NOT_SATISFIABLE');
  });

  it("keeps another organisation's staff out (404, as for a missing blob)", async () => {
    expect((await kg2.getBlob(hash)).status).toBe(404);
    expect((await kg2.getBlob('0'.repeat(64))).status).toBe(404);
  });

  it.runIf(objectStore)('moves existing blobs from PostgreSQL to the object store, and they are served from there', async () => {
    // Blobs written before the object store was configured: their bytes are in PostgreSQL.
    const orgId = rowsOf<{ org_id: string }>(await server.db.execute(sql`SELECT org_id FROM blob_refs WHERE sha256 = ${hash}`))[0]!.org_id;
    const before = pdfLike(3000);
    const docHash = sha256(before);
    const earlier = [before, ...Array.from({ length: 6 }, () => pdfLike(100))];
    for (const blob of earlier) await new BlobStore(null).put(server.db, blob, 'image/jpeg', [orgId]);
    expect(await storedInline(server, docHash)).toBe(true);
    expect(new Uint8Array(await (await kg1.getBlob(docHash)).arrayBuffer())).toEqual(before);
    const inline = rowsOf<{ sha256: string }>(await server.db.execute(sql`SELECT sha256 FROM blobs WHERE bytes IS NOT NULL`));
    const progress: number[] = [];
    const done = await moveBlobsToObjectStore(server.db, objects!, { batchSize: 3, onProgress: (p) => progress.push(p.remaining) });
    expect(done).toMatchObject({ moved: inline.length, remaining: 0 });
    expect(progress.at(-1)).toBe(0);
    expect(await storedInline(server, docHash)).toBe(false);
    expect(await objects!.get(docHash)).toEqual(before);
    expect(new Uint8Array(await (await kg1.getBlob(docHash)).arrayBuffer())).toEqual(before);
    expect((await moveBlobsToObjectStore(server.db, objects!)).moved).toBe(0);
  });
});
