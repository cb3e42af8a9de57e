// Operations of the real server: /healthz, /readyz, Prometheus /metrics, and the JSON log lines (request ids, IINs
// masked, no query strings, an unexpected failure logged as an error and answered as a documented 500).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../domain/sync-protocol';
import { demoServerOptions } from '../../../demo/server-options';
import { startServer, type RunningServer } from '../../../server/index';
import { TestServerClient } from '../../support/server-client';
import { testDatabases } from './database-targets';

interface LogLine {
  level: number;
  reqId?: string;
  msg?: string;
  req?: { url: string };
  err?: { message: string };
}

describe.each(testDatabases)('operations on $name', (database) => {
  let server: RunningServer;
  const lines: string[] = [];
  const logs = () => lines.map((l) => JSON.parse(l) as LogLine);

  beforeAll(async () => {
    server = await startServer({
      ...(await demoServerOptions({ contractsPerKindergarten: [1, 0, 0], applications: 0, cacheDir: null })),
      database: await database.open(),
      logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } },
    });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await database.drop();
  });

  it('answers /healthz and /readyz', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: 'ready' });
  });

  it('counts requests per route pattern, pushes and pulls in /metrics', async () => {
    const client = new TestServerClient(server.url);
    await client.login('kg1-head');
    const { cursor } = await client.bootstrap();
    await client.pull(cursor);
    await client.pull(cursor);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/qabyl_http_requests_total\{route="\/v1\/sync\/pull",method="GET",status="200"\} 2/);
    expect(text).toMatch(/qabyl_http_request_duration_seconds_bucket\{le="[0-9.]+",route="\/v1\/sync\/pull",method="GET"\} \d/);
    expect(text).toMatch(/qabyl_sync_pulls_total 2/);
    expect(text).toContain('qabyl_poke_fanout_sockets_bucket');
    expect(text).toContain('qabyl_scheduler_lag_seconds');
    server.ctx.metrics.observeSchedulerLag('offer-expiry', 3);
    expect(await (await fetch(`${server.url}/metrics`)).text()).toMatch(/qabyl_scheduler_lag_seconds_count\{job="offer-expiry"\} 1/);
  });

  it('logs JSON lines with the request id, no query string and IINs masked', async () => {
    const response = await fetch(`${server.url}/v1/nothing/870412300123?iin=870412300123&token=secret`, { headers: { 'x-request-id': 'lb-req-0001' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toBe('lb-req-0001');
    const mine = logs().filter((l) => l.reqId === 'lb-req-0001');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.find((l) => l.req)?.req?.url).toBe('/v1/nothing/********0123');
    expect(lines.join('\n')).not.toContain('870412300123');
    expect(lines.join('\n')).not.toContain('secret');
  });

  it('logs an unexpected failure as an error and answers a documented 500', async () => {
    const client = new TestServerClient(server.url);
    await client.login('kg1-head');
    await server.db.execute(sql`ALTER TABLE mutation_results RENAME TO mutation_results_gone`);
    try {
      const response = await fetch(`${server.url}/v1/sync/pull?cursor=${await server.cursor()}&limit=5`, { headers: client.headers() });
      expect(response.status).toBe(500);
      expect(errorBodySchema.parse(await response.json()).error.code).toBe('INTERNAL');
      const id = response.headers.get('x-request-id');
      const error = logs().find((l) => l.reqId === id && l.level === 50);
      expect(error?.msg).toBe('unhandled error');
      expect(error?.err?.message).toMatch(/mutation_results/);
      expect(JSON.stringify(logs().filter((l) => l.reqId === id))).not.toContain('limit=5');
      // Not ready is not the same as not alive: the database still answers.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.db.execute(sql`ALTER TABLE mutation_results_gone RENAME TO mutation_results`);
    }
  });
});
