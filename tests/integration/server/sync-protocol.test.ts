// Protocol v1 behaviour over loopback, against PGlite and (with TEST_DATABASE_URL) a real PostgreSQL: bootstrap +
// pull reproduce the server state, conflicts after a parent's change, pokes in scope only, blob Range/ETag,
// resetRequired after compaction, 426 on a wrong protocol version, the update feed, the special-queue simulator.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../../server/index';
import { demoServerOptions } from '../../../demo/server-options';
import { snapshotRows } from '../../../server/store/entity-store';
import { TEST_ORGANISATIONS } from '../../fixtures/pki/identities';
import { loadKey } from '../../fixtures/pki/load';
import { TestServerClient } from '../../support/server-client';
import { testDatabases } from './database-targets';

type Row = { entity: string; id: string; version: number; data: unknown };
const keyOf = (r: { entity: string; id: string }) => `${r.entity}/${r.id}`;

/** Bootstraps, then pulls every page after `cursor` onto the rows, as a client replica would. */
async function replicate(client: TestServerClient, rows: Row[], cursor: number): Promise<Map<string, Row>> {
  const replica = new Map(rows.map((r) => [keyOf(r), r]));
  for (let page = 0; page < 100; page++) {
    const pulled = await client.pull(cursor, 50);
    if (!('changes' in pulled)) throw new Error(`unexpected reset: ${pulled.resetRequired}`);
    for (const c of pulled.changes) {
      if (c.op === 'delete') replica.delete(keyOf(c));
      else replica.set(keyOf(c), { entity: c.entity, id: c.id, version: c.version, data: c.data });
    }
    cursor = pulled.cursor;
    if (!pulled.hasMore) return replica;
  }
  throw new Error('pull did not finish in 100 pages');
}

function rowsOfStatus(rows: Row[], status: string): Row[] {
  return rows.filter((r) => r.entity === 'contract' && (r.data as { status: string }).status === status);
}

function nextMessage(socket: WebSocket, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    socket.once('message', (data: WebSocket.RawData) => {
      clearTimeout(timer);
      resolve(data.toString());
    });
  });
}

async function openEvents(server: RunningServer, identity: string): Promise<WebSocket> {
  const client = new TestServerClient(server.url);
  await client.login(identity);
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}/v1/events`, { headers: client.headers() });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return socket;
}

describe.each(testDatabases)('protocol v1 on $name', (database) => {
  let server: RunningServer;
  let updatesDir: string;

  beforeAll(async () => {
    updatesDir = await mkdtemp(path.join(os.tmpdir(), 'qabyl-updates-'));
    await writeFile(path.join(updatesDir, 'latest.yml'), 'version: 9.9.9\npath: Qabyl-Setup-9.9.9.exe\n');
    server = await startServer({
      ...(await demoServerOptions({ contractsPerKindergarten: [20, 3, 0], applications: 2, cacheDir: null })),
      database: await database.open(),
      updatesDir,
    });
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await database.drop();
    await rm(updatesDir, { recursive: true, force: true });
  });

  it('bootstrap + pull reproduce the server state exactly, row by row', async () => {
    const client = new TestServerClient(server.url);
    await client.login('kg1-methodist');
    const first = await client.bootstrap();
    // Changes after the snapshot: a parent submits, staff review a document.
    const offered = rowsOfStatus(first.rows, 'offer_sent')[0]!;
    await client.postJson(`/v1/dev/parent/contracts/${offered.id}/submit`);
    const contract = rowsOfStatus(first.rows, 'submitted')[0]!;
    const contractId = contract.id;
    const pending = first.rows.find((r) => r.entity === 'contractDocument' && (r.data as { contractId: string }).contractId === contractId)!;
    const marked = await client.push([await client.mutation('contract.markDocument', { contractId, documentId: pending.id, decision: 'approved' }, contract.version)]);
    expect(marked.results[0]!.status).toBe('applied');

    const replica = await replicate(client, first.rows, first.cursor);
    const server_ = (await snapshotRows(server.db, ['kg1'])).map((r) => ({ entity: r.entity, id: r.id, version: r.version, data: r.data }));
    expect(replica.size).toBe(server_.length);
    for (const row of server_) expect(replica.get(keyOf(row)), keyOf(row)).toEqual(row);
    const again = await client.bootstrap();
    expect(new Map(again.rows.map((r) => [keyOf(r), r]))).toEqual(replica);
  });

  it.each([
    ['withdrew', 'submitted', 'withdraw', 'withdrawn'],
    ['resubmitted', 'rework_requested', 'resubmit', 'resubmitted'],
  ])('a decision on a contract the parent %s meanwhile is a conflict with the current state', async (_what, status, action, after) => {
    const head = new TestServerClient(server.url);
    await head.login('kg1-head');
    const { rows } = await head.bootstrap();
    const target = rowsOfStatus(rows, status)[0]!;
    await head.postJson(`/v1/dev/parent/contracts/${target.id}/${action}`);
    const reject = await head.mutation('contract.reject', { contractId: target.id, reason: 'no_places', comment: null }, target.version, await loadKey('kg1-head', 'sign'));
    const [result] = (await head.push([reject])).results;
    expect(result).toMatchObject({ status: 'conflict' });
    expect(result!.current).toMatchObject({ id: target.id, status: after });
    const state = await head.getJson<{ contract: { status: string } }>(`/v1/dev/contracts/${target.id}`);
    expect(state.contract.status).toBe(after);
  });

  it('pokes /v1/events sockets of the changed organisation only', async () => {
    const kg1 = await openEvents(server, 'kg1-methodist');
    const kg2 = await openEvents(server, 'kg2-methodist');
    try {
      const before = await server.cursor();
      const kg1Poke = nextMessage(kg1, 10_000);
      const kg2Poke = nextMessage(kg2, 1_500);
      await fetch(`${server.url}/v1/dev/parent/contracts/ctr-kg1-10/submit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const frame = JSON.parse((await kg1Poke) ?? 'null') as { type: string; cursor: number } | null;
      expect(frame).toMatchObject({ type: 'poke' });
      expect(frame!.cursor).toBeGreaterThan(before);
      expect(await kg2Poke).toBeNull();
    } finally {
      kg1.close();
      kg2.close();
    }
  });

  it('serves blobs with ETag revalidation and byte ranges', async () => {
    const client = new TestServerClient(server.url);
    await client.login('kg1-methodist');
    const { rows } = await client.bootstrap();
    const sha = (rows.find((r) => r.entity === 'contractDocument')!.data as { sha256: string }).sha256;
    const full = await client.getBlob(sha);
    expect(full.status).toBe(200);
    const bytes = new Uint8Array(await full.arrayBuffer());
    const etag = full.headers.get('etag')!;
    expect(etag).toBe(`"${sha}"`);
    const revalidated = await fetch(`${server.url}/v1/blobs/${sha}`, { headers: client.headers({ 'if-none-match': etag }) });
    expect(revalidated.status).toBe(304);
    const part = await fetch(`${server.url}/v1/blobs/${sha}`, { headers: client.headers({ range: 'bytes=100-199' }) });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(bytes.slice(100, 200));
    const tail = await fetch(`${server.url}/v1/blobs/${sha}`, { headers: client.headers({ range: `bytes=${bytes.length - 10}-` }) });
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(bytes.slice(-10));
    const outside = await fetch(`${server.url}/v1/blobs/${sha}`, { headers: client.headers({ range: `bytes=${bytes.length + 5}-` }) });
    expect(outside.status).toBe(416);
  });

  it('answers resetRequired: cursorExpired for a cursor older than a compaction', async () => {
    const client = new TestServerClient(server.url);
    await client.login('kg1-methodist');
    const { cursor, rows } = await client.bootstrap();
    await client.postJson(`/v1/dev/parent/contracts/${rowsOfStatus(rows, 'awaiting_parent')[0]!.id}/submit`);
    await server.compact();
    expect(await client.pull(cursor)).toEqual({ resetRequired: 'cursorExpired' });
    const fresh = await client.bootstrap();
    expect(await client.pull(fresh.cursor)).toMatchObject({ changes: [], hasMore: false });
  });

  it('refuses another protocol version with 426 and the minimum app version', async () => {
    const client = new TestServerClient(server.url);
    await client.login('kg1-methodist');
    const response = await fetch(`${server.url}/v1/sync/pull?cursor=0`, { headers: client.headers({ 'x-protocol-version': '2' }) });
    expect(response.status).toBe(426);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNSUPPORTED_PROTOCOL_VERSION');
  });

  it('serves the update feed and nothing outside it', async () => {
    const feed = await fetch(`${server.url}/updates/latest.yml`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('version: 9.9.9');
    expect((await fetch(`${server.url}/updates/..%2F..%2Fpackage.json`)).status).toBeGreaterThanOrEqual(400);
    expect((await fetch(`${server.url}/updates/missing.yml`)).status).toBe(404);
  });

  it('a parent applies to the special queue: the PMPK sees the signed application, kindergartens do not', async () => {
    const parentIin = (await loadKey('parent-02', 'sign')).identity.iin;
    const application = await new TestServerClient(server.url).postJson<{ id: string; parentSignature: unknown; status: string; chosenKindergartens: unknown }>('/v1/dev/parent/special-queue', {
      parentIin, child: { fullName: 'Ахметов Даниял Асхатұлы', iin: '210415500121', birthDate: '2021-04-15', sex: 'male' }, correctionType: 'speech',
    });
    expect(application).toMatchObject({ status: 'awaiting_confirmation' });
    expect(application.parentSignature).not.toBeNull();
    // The PMPK sees the chosen kindergartens by name though it holds no kindergarten rows.
    const names = Object.fromEntries(TEST_ORGANISATIONS.map((o) => [o.key, { id: o.key, nameKk: o.nameKk, nameRu: o.nameRu }]));
    expect(application.chosenKindergartens).toEqual([names.kg1, names.kg2]);
    const pmpk = new TestServerClient(server.url);
    await pmpk.login('pmpk1-specialist');
    const pmpkRows = (await pmpk.bootstrap()).rows;
    expect(pmpkRows.find((r) => r.id === application.id)?.data).toMatchObject({ chosenKindergartens: [names.kg1, names.kg2] });
    expect(pmpkRows.some((r) => r.entity === 'organisation' && r.id === 'kg1')).toBe(false);
    const kg = new TestServerClient(server.url);
    await kg.login('kg1-head');
    expect((await kg.bootstrap()).rows.some((r) => r.id === application.id)).toBe(false);
  });
});
