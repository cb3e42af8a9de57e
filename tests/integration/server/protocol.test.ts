// Protocol v1 against PGlite and (with TEST_DATABASE_URL) PostgreSQL: login checks, idempotent push, scope isolation, bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/index';
import { demoServerOptions } from '../../../demo/server-options';
import { loadKey, loadNegativeKey } from '../../fixtures/pki/load';
import { TestServerClient } from '../../support/server-client';
import { testDatabases } from './database-targets';

describe.each(testDatabases)('on $name', (database) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      ...(await demoServerOptions({ contractsPerKindergarten: [3, 3, 0], applications: 2, cacheDir: null })),
      database: await database.open(),
    });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await database.drop();
  });

  describe('login', () => {
    it('accepts a staff AUTH key', async () => {
      const client = new TestServerClient(server.url);
      const response = await client.loginWith(await loadKey('kg1-methodist', 'auth'));
      expect(response.status).toBe(200);
    });
    it.each([
      ['expired', () => loadNegativeKey('expired', 'auth', 'kg1-head'), 'CMS_CERT_EXPIRED'],
      ['unknown CA', () => loadNegativeKey('unknown-ca', 'auth', 'kg1-head'), 'CMS_UNTRUSTED_CHAIN'],
      ['SIGN key used to log in', () => loadKey('kg1-head', 'sign'), 'CMS_WRONG_KEY_USAGE'],
      ['a parent (not staff)', () => loadKey('parent-01', 'auth'), 'UNKNOWN_USER'],
    ])('refuses %s', async (_name, key, code) => {
      const response = await new TestServerClient(server.url).loginWith(await key());
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    });
  });

  describe('push', () => {
    it('the same push replayed 100 times has one effect', async () => {
      const client = new TestServerClient(server.url);
      await client.login('kg1-head');
      const { rows } = await client.bootstrap();
      const doc = rows.find((r) => r.entity === 'contractDocument' && (r.data as { reviewStatus: string }).reviewStatus === 'pending')!;
      const contractId = (doc.data as { contractId: string }).contractId;
      const contract = rows.find((r) => r.entity === 'contract' && r.id === contractId)!;
      const m = await client.mutation('contract.markDocument', { contractId, documentId: doc.id, decision: 'approved' }, contract.version);
      const before = await server.cursor();
      const first = await client.push([m]);
      expect(first.results[0]!.status).toBe('applied');
      const afterFirst = await server.cursor();
      for (let i = 0; i < 100; i++) expect((await client.push([m])).results[0]!.status).toBe('duplicate');
      expect(await server.cursor()).toBe(afterFirst);
      const changes = await client.pull(before);
      expect('changes' in changes && changes.changes.filter((c) => c.id === doc.id)).toHaveLength(1);
    });

    it('refuses unknown names, wrong types, malformed JSON and oversize bodies with 4xx and writes nothing', async () => {
      const client = new TestServerClient(server.url);
      await client.login('kg1-head');
      const head = await server.cursor();
      const bad = await client.mutation('contract.markDocument', { contractId: 'x', documentId: 'y', decision: 'approved' }, 0);
      expect((await client.pushRaw([{ ...bad, name: 'contract.delete' as never }])).status).toBe(400);
      expect((await client.pushRaw([{ ...bad, baseVersion: 'one' as never }])).status).toBe(400);
      const malformed = await fetch(`${server.url}/v1/sync/push`, { method: 'POST', headers: client.headers({ 'content-type': 'application/json' }), body: '{"clientId":' });
      expect(malformed.status).toBe(400);
      const huge = await fetch(`${server.url}/v1/sync/push`, { method: 'POST', headers: client.headers({ 'content-type': 'application/json' }), body: JSON.stringify({ pad: 'x'.repeat(3_000_000) }) });
      expect(huge.status).toBe(413);
      // The refused requests never took a clientSeq, so the forged decision reuses the first one.
      const { contract } = await client.getJson<{ contract: { version: number } }>('/v1/dev/contracts/ctr-kg1-2');
      const forgedMutation = await client.mutation('contract.reject', { contractId: 'ctr-kg1-2', reason: 'no_places', comment: null, cms: 'MIIBforgedforgedforged==' }, contract.version);
      const forged = await client.push([{ ...forgedMutation, clientSeq: bad.clientSeq }]);
      expect(forged.results[0]).toMatchObject({ status: 'rejected', code: 'CMS_MALFORMED' });
      // Only the refusal's result record took a sequence number: no row changed.
      const pulled = await client.pull(head);
      expect('changes' in pulled && pulled.changes).toEqual([]);
    });
  });

  describe('scope', () => {
    it('kindergarten A staff never obtain rows or blobs of kindergarten B', async () => {
      const a = new TestServerClient(server.url);
      await a.login('kg1-head');
      const b = new TestServerClient(server.url);
      await b.login('kg2-head');
      const aRows = (await a.bootstrap()).rows;
      const bRows = (await b.bootstrap()).rows;
      expect(aRows.every((r) => (r.data as { orgId?: string }).orgId === undefined || (r.data as { orgId: string }).orgId === 'kg1')).toBe(true);
      const bBlob = bRows.find((r) => r.entity === 'contractDocument')!.data as { sha256: string; contractId: string };
      expect((await b.getBlob(bBlob.sha256)).status).toBe(200);
      expect((await a.getBlob(bBlob.sha256)).status).toBe(404);
      const m = await a.mutation('contract.markDocument', { contractId: bBlob.contractId, documentId: 'any', decision: 'approved' }, 1);
      expect((await a.push([m])).results[0]).toMatchObject({ status: 'rejected', code: 'NOT_FOUND' });
    });
  });
});
