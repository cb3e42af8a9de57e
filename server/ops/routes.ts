/**
 * Operations endpoints and hooks: /healthz (the process answers), /readyz (the database and the change feed work and
 * the instance is not shutting down; a load balancer stops sending traffic on 503), /metrics (Prometheus text),
 * the request id echoed to the caller, and per-route request metrics.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { ServerContext } from '../context';
import { sendError } from '../http/errors';

export function registerOperations(app: FastifyInstance, ctx: ServerContext): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Fastify's own 503 while closing has another body shape, so it is off and this answers instead.
    if (closing) return sendError(reply.header('connection', 'close'), 503, 'SHUTTING_DOWN', 'This instance is shutting down; retry');
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    ctx.metrics.observeRequest(route, request.method, reply.statusCode, reply.elapsedTime / 1000);
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const problem = closing ? 'shutting down' : await readinessProblem(ctx);
    if (problem) return sendError(reply, 503, 'NOT_READY', `Not ready: ${problem}`);
    return { status: 'ready' };
  });
  app.get('/metrics', async (_request, reply) => reply.type(ctx.metrics.contentType).send(await ctx.metrics.text()));
}

async function readinessProblem(ctx: ServerContext): Promise<string | null> {
  try {
    await ctx.db.execute(sql`SELECT 1`);
  } catch {
    return 'database unreachable';
  }
  return ctx.events.listening ? null : 'change feed not listening';
}
