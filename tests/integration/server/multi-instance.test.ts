// Two (and three) server instances over one real PostgreSQL (TEST_DATABASE_URL): instance 1 in this process,
// the others in child processes. Pokes cross instances through LISTEN/NOTIFY, per-client push ordering holds across
// instances (database lock), and an instance killed in the middle of a push loses and doubles nothing.
import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServerOptions } from '../../../demo/server-options';
import { startServer, type RunningServer } from '../../../server/index';
import { TestServerClient } from '../../support/server-client';
import { startServerProcess, type ServerProcess } from '../../support/server-instances';
import { postgresDatabase, postgresUrl } from './database-targets';

if (!postgresUrl) console.warn('multi-instance tests skipped: they need a real PostgreSQL (set TEST_DATABASE_URL).');

type Row = { entity: string; id: string; version: number; data: unknown };

/** A pending document of kg1 not used by another test yet, with its contract's current version. */
async function takePendingDocument(client: TestServerClient, rows: Row[], used: Set<string>) {
  const reviewable = new Set(rows.filter((r) => r.entity === 'contract' && ['submitted', 'resubmitted'].includes((r.data as { status: string }).status)).map((r) => r.id));
  const doc = rows.find(
    (r) =>
      r.entity === 'contractDocument' &&
      (r.data as { reviewStatus: string }).reviewStatus === 'pending' &&
      reviewable.has((r.data as { contractId: string }).contractId) &&
      !used.has(r.id),
  );
  if (!doc) throw new Error('no pending document left in the seed');
  used.add(doc.id);
  const contractId = (doc.data as { contractId: string }).contractId;
  const { contract } = await client.getJson<{ contract: { version: number } }>(`/v1/dev/contracts/${contractId}`);
  return { doc, contractId, contractVersion: contract.version };
}

/** Polls an observable database state (bounded); never a fixed sleep. */
async function waitUntil(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(!postgresUrl)('several instances on one PostgreSQL', () => {
  const database = postgresDatabase(postgresUrl ?? '');
  let url = '';
  let one: RunningServer;
  let two: ServerProcess;
  let seedRows: Row[];
  const used = new Set<string>();
  let inspector: pg.Client;

  beforeAll(async () => {
    const target = await database.open();
    if (target.kind !== 'postgres') throw new Error('expected PostgreSQL');
    url = target.url;
    one = await startServer({ ...(await demoServerOptions({ contractsPerKindergarten: [16, 0, 0], applications: 0, cacheDir: null })), database: target });
    two = await startServerProcess(url);
    const reader = new TestServerClient(one.url);
    await reader.login('kg1-head');
    seedRows = (await reader.bootstrap()).rows;
    inspector = new pg.Client({ connectionString: url });
    await inspector.connect();
  }, 180_000);
  afterAll(async () => {
    await inspector?.end();
    await two?.stop();
    await one?.close();
    await database.drop();
  });

  it("client B on instance 2 sees client A's decision on instance 1 by poke and pull", { timeout: 120_000 }, async () => {
    const a = new TestServerClient(one.url);
    await a.login('kg1-head');
    const b = new TestServerClient(two.url);
    await b.login('kg1-methodist');
    const { cursor } = await b.bootstrap();
    const socket = new WebSocket(`${two.url.replace('http', 'ws')}/v1/events`, { headers: b.headers() });
    await new Promise<void>((resolve, reject) => socket.once('open', () => resolve()).once('error', reject));
    const poked = new Promise<unknown>((resolve) => socket.once('message', (data: WebSocket.RawData) => resolve(JSON.parse(data.toString()))));
    try {
      const { doc, contractId, contractVersion } = await takePendingDocument(a, seedRows, used);
      const m = await a.mutation('contract.markDocument', { contractId, documentId: doc.id, decision: 'approved' }, contractVersion);
      expect((await a.push([m])).results[0]!.status).toBe('applied');
      expect(await poked).toMatchObject({ type: 'poke' });
      const pulled = await b.pull(cursor);
      if (!('changes' in pulled)) throw new Error('unexpected reset');
      const change = pulled.changes.find((c) => c.id === doc.id);
      expect(change?.data).toMatchObject({ reviewStatus: 'approved' });
    } finally {
      socket.close();
    }
  });

  it('a push replayed to the other instance is a duplicate, and the same push sent to both at once applies once', { timeout: 120_000 }, async () => {
    const a = new TestServerClient(one.url);
    await a.login('kg1-head');
    const first = await takePendingDocument(a, seedRows, used);
    const m1 = await a.mutation('contract.markDocument', { contractId: first.contractId, documentId: first.doc.id, decision: 'approved' }, first.contractVersion);
    expect((await a.push([m1])).results[0]).toMatchObject({ status: 'applied' });
    const onTwo = new TestServerClient(two.url);
    onTwo.token = a.token;
    Object.assign(onTwo, { clientId: a.clientId });
    expect((await onTwo.push([m1])).results[0]!.status).toBe('duplicate');

    const second = await takePendingDocument(a, seedRows, used);
    const m2 = await a.mutation('contract.markDocument', { contractId: second.contractId, documentId: second.doc.id, decision: 'approved' }, second.contractVersion);
    const both = await Promise.all([a.push([m2]), onTwo.push([m2])]);
    expect(both.map((r) => r.results[0]!.status).sort()).toEqual(['applied', 'duplicate']);
    const recorded = await inspector.query('SELECT count(*)::int AS n FROM mutation_results WHERE mutation_id = $1', [m2.mutationId]);
    expect(recorded.rows[0].n).toBe(1);
  });

  it('an instance killed in the middle of a push: the client retries on the other, nothing lost or doubled', { timeout: 180_000 }, async () => {
    const victim = await startServerProcess(url);
    const a = new TestServerClient(victim.url);
    await a.login('kg1-head');
    const { doc, contractId, contractVersion } = await takePendingDocument(a, seedRows, used);
    const m = await a.mutation('contract.markDocument', { contractId, documentId: doc.id, decision: 'approved' }, contractVersion);
    // Hold the document's row so the victim's push stops inside its transaction, after it has started writing.
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT 1 FROM entities WHERE entity = 'contractDocument' AND id = $1 FOR UPDATE`, [doc.id]);
      const inFlight = a.pushRaw([m]).then(
        (r) => r.status,
        () => 'connection lost',
      );
      await waitUntil('the push to wait on the row lock', async () => {
        const waiting = await inspector.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%entities%'`);
        return waiting.rows[0].n > 0;
      });
      victim.process.kill('SIGKILL');
      await victim.exited;
      expect(await inFlight).toBe('connection lost');
      await holder.query('COMMIT');
    } finally {
      await holder.end();
    }
    // The client retries the same push on the surviving instance.
    const retry = new TestServerClient(one.url);
    retry.token = a.token;
    Object.assign(retry, { clientId: a.clientId });
    const result = await retry.push([m]);
    expect(result.results[0]!.status).toBe('applied');
    expect((await retry.push([m])).results[0]!.status).toBe('duplicate');
    const recorded = await inspector.query('SELECT count(*)::int AS n FROM mutation_results WHERE mutation_id = $1', [m.mutationId]);
    expect(recorded.rows[0].n).toBe(1);
    const stored = await inspector.query(`SELECT version, data->>'reviewStatus' AS status FROM entities WHERE entity = 'contractDocument' AND id = $1`, [doc.id]);
    expect(stored.rows[0]).toEqual({ version: doc.version + 1, status: 'approved' });
  });

  it('a pull never moves past a change that commits later with a lower sequence number', { timeout: 120_000 }, async () => {
    const a = new TestServerClient(two.url);
    await a.login('kg1-head');
    const b = new TestServerClient(one.url);
    await b.login('kg1-methodist');
    const { cursor: start } = await b.bootstrap();
    const { doc, contractId, contractVersion } = await takePendingDocument(a, seedRows, used);
    // A slow writer (as the server writes: announce, then number) takes a number and stays open.
    const slow = new pg.Client({ connectionString: url });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      await slow.query('SELECT pg_advisory_xact_lock_shared((SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM change_seq))');
      const otherId = seedRows.find((r) => r.entity === 'contract' && r.id !== contractId)!.id;
      await slow.query(`UPDATE entities SET version = version + 1 WHERE entity = 'contract' AND id = $1`, [otherId]);
      const numbered = await slow.query(
        `INSERT INTO changes (seq, entity, id, org_id, op, version)
           SELECT nextval('change_seq'), 'contract', id, org_id, 'upsert', version FROM entities WHERE entity = 'contract' AND id = $1
         ON CONFLICT (entity, id) DO UPDATE SET seq = EXCLUDED.seq, version = EXCLUDED.version RETURNING seq`,
        [otherId],
      );
      const slowSeq = Number(numbered.rows[0].seq);
      // A later writer commits a higher number meanwhile.
      const m = await a.mutation('contract.markDocument', { contractId, documentId: doc.id, decision: 'approved' }, contractVersion);
      expect((await a.push([m])).results[0]!.status).toBe('applied');
      const early = await b.pull(start);
      if (!('changes' in early)) throw new Error('unexpected reset');
      expect(early.cursor).toBeLessThan(slowSeq);
      expect(early.changes.map((c) => c.id)).not.toContain(doc.id);
      await slow.query('COMMIT');
      const late = await b.pull(early.cursor);
      if (!('changes' in late)) throw new Error('unexpected reset');
      expect(late.changes.map((c) => c.id)).toEqual(expect.arrayContaining([otherId, doc.id]));
    } finally {
      await slow.end();
    }
  });
});
