// Hostile HTTP against the real server on loopback (PGlite, and PostgreSQL with TEST_DATABASE_URL): malformed
// request lines and URLs, over-long parameters and headers, bad JSON, forbidden characters in every text field.
// Every answer is a 4xx in the documented `{ error: { code, message } }` shape; none is a 500.
import net from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, pushResponseSchema } from '../../../domain/sync-protocol';
import { demoServerOptions } from '../../../demo/server-options';
import { startServer, type RunningServer } from '../../../server/index';
import { TestServerClient } from '../../support/server-client';
import { testDatabases } from './database-targets';

interface RawResponse {
  status: number;
  body: string;
}

/** Sends bytes as they are (no client-side URL or header normalisation) and reads the answer until the server closes. */
function rawRequest(port: number, request: string | Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error) => (chunks.length > 0 ? undefined : reject(error)));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const head = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (!head) return reject(new Error(`no HTTP response: ${JSON.stringify(text.slice(0, 200))}`));
      resolve({ status: Number(head[1]), body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
    socket.write(request); // no half-close: Node aborts a request whose client already ended
  });
}

const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u0085', '\ud800', '\udfff', '\ufffe', '\uffff'];
/** Text with at least one forbidden character somewhere in it. */
const hostileText = fc
  .tuple(fc.string({ maxLength: 30 }), fc.constantFrom(...CONTROLS), fc.string({ maxLength: 30 }))
  .map(([a, bad, b]) => `${a}${bad}${b}`.padEnd(16, 'x'));

describe.each(testDatabases)('hostile requests on $name', (database) => {
  let server: RunningServer;
  let client: TestServerClient;
  const seen: number[] = [];

  function expectDocumented4xx(response: RawResponse | { status: number; body: string }, what: string): void {
    seen.push(response.status);
    expect(response.status, what).toBeGreaterThanOrEqual(400);
    expect(response.status, what).toBeLessThan(500);
    expect(errorBodySchema.safeParse(JSON.parse(response.body)).success, `${what}: ${response.body}`).toBe(true);
  }
  const get = (target: string, headers = '') =>
    rawRequest(server.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${headers}\r\n`);
  const postJson = (target: string, body: string, auth = true) =>
    rawRequest(
      server.port,
      `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n` +
        Object.entries(auth ? client.headers() : { 'x-protocol-version': '1', 'x-client-id': client.clientId })
          .map(([k, v]) => `${k}: ${v}\r\n`)
          .join('') +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );

  beforeAll(async () => {
    server = await startServer({
      ...(await demoServerOptions({ contractsPerKindergarten: [2, 0, 0], applications: 0, cacheDir: null })),
      database: await database.open(),
    });
    client = new TestServerClient(server.url);
    await client.login('kg1-head');
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await database.drop();
  });

  it('answers malformed URLs and request lines in the documented shape', async () => {
    const urls = ['/v1/sync/pull?cursor=%zz', '/v1/blobs/%E0%A4%A', '/%', '/v1/dev/contracts/%00', '/updates/%2e%2e%2fpasswd', '/v1/blobs/%00%00'];
    for (const url of urls) expectDocumented4xx(await get(url, Object.entries(client.headers()).map(([k, v]) => `${k}: ${v}\r\n`).join('')), url);
    for (const line of ['GARBAGE\r\n\r\n', 'G@T / HTTP/1.1\r\n\r\n', 'GET / HTTP/9.9\r\n\r\n', 'GET /healthz HTTP/1.1\r\nHost: a\r\nX-Bad: a\u0000b\r\n\r\n']) {
      expectDocumented4xx(await rawRequest(server.port, line), JSON.stringify(line));
    }
    const smuggled = 'POST /v1/auth/challenge HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n';
    expectDocumented4xx(await rawRequest(server.port, smuggled), 'content-length with chunked');
  });

  it('answers over-long parameters, URLs and headers in the documented shape', async () => {
    const auth = Object.entries(client.headers()).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    expectDocumented4xx(await get(`/v1/blobs/${'a'.repeat(5000)}`, auth), 'over-long path parameter');
    expectDocumented4xx(await get(`/v1/dev/contracts/${'b'.repeat(300)}`, auth), 'over-long id');
    expectDocumented4xx(await get(`/v1/sync/pull?cursor=${'9'.repeat(400)}`, auth), 'over-long number');
    expectDocumented4xx(await get(`/v1/sync/pull?${'x=1&'.repeat(3000)}cursor=1`, auth), 'many query parameters');
    expectDocumented4xx(await get(`/v1/sync/pull?cursor=${'1'.repeat(40_000)}`, auth), 'URL over the header limit');
    expectDocumented4xx(await get('/healthz', `X-Pad: ${'p'.repeat(40_000)}\r\n`), 'header overflow');
    expectDocumented4xx(await get('/v1/sync/pull?cursor=1', `authorization: Bearer ${'t'.repeat(5000)}\r\nx-protocol-version: 1\r\nx-client-id: ${client.clientId}\r\n`), 'over-long token');
  });

  it('answers bad JSON in the documented shape', async () => {
    const bodies = ['{"clientId":', '[]', '"text"', 'null', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"x":1}}}', '['.repeat(100_000), '{"a":1}'.repeat(3), '\u0000'];
    for (const body of bodies) expectDocumented4xx(await postJson('/v1/sync/push', body), `push body ${body.slice(0, 40)}`);
    expectDocumented4xx(await postJson('/v1/auth/login', '{"nonce":1,"cms":2}', false), 'login with numbers');
  });

  it('refuses forbidden characters in nonces, mutation ids, client ids and argument names with 400', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (text) => {
        expectDocumented4xx(await postJson('/v1/auth/login', JSON.stringify({ nonce: text, cms: 'MIIB'.padEnd(40, 'A') }), false), 'nonce');
        const m = await client.mutation('contract.markDocument', { contractId: 'ctr-kg1-1', documentId: 'd', decision: 'approved' }, 1);
        const pushes = [
          { clientId: client.clientId, mutations: [{ ...m, mutationId: text }] },
          { clientId: text, mutations: [m] },
          { clientId: client.clientId, mutations: [{ ...m, args: { [text]: 1 } }] },
        ];
        for (const body of pushes) {
          const response = await postJson('/v1/sync/push', JSON.stringify(body));
          expectDocumented4xx(response, `push ${JSON.stringify(body).slice(0, 80)}`);
          expect(response.status).toBe(400);
        }
      }),
      { numRuns: 25, seed: 21 },
    );
  });

  it('refuses forbidden characters inside mutation arguments as a rejected result, never a 500', async () => {
    // Its own client: every push here is accepted, so the client sequence stays consecutive.
    const argsClient = new TestServerClient(server.url);
    await argsClient.login('kg1-head');
    await fc.assert(
      fc.asyncProperty(hostileText, fc.constantFrom('contractId', 'documentId', 'comment'), async (text, field) => {
        const args = { contractId: 'ctr-kg1-1', documentId: 'doc', decision: 'flagged', reason: 'illegible', comment: 'ok', [field]: text };
        const m = await argsClient.mutation('contract.markDocument', args, 1);
        const response = await fetch(`${server.url}/v1/sync/push`, {
          method: 'POST',
          headers: argsClient.headers({ 'content-type': 'application/json' }),
          body: JSON.stringify({ clientId: argsClient.clientId, mutations: [m] }),
        }).then(async (r) => ({ status: r.status, body: await r.text() }));
        expect(response.status, response.body).toBe(200);
        const result = pushResponseSchema.parse(JSON.parse(response.body)).results[0]!;
        expect(result).toMatchObject({ status: 'rejected' });
      }),
      { numRuns: 25, seed: 21 },
    );
  });

  afterAll(() => {
    expect(seen.filter((s) => s >= 500)).toEqual([]);
  });
});
