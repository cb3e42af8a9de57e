/** GET /v1/sync/pull: changes of the user's scope after a cursor, paged, with this client's mutation results. */
import type { FastifyInstance } from 'fastify';
import { and, asc, eq, gt, lte } from 'drizzle-orm';
import { pullQuerySchema, type PullResponse } from '../../domain/sync-protocol';
import { authenticate, clientIdOf } from '../auth/guard';
import { scopeKey } from '../auth/staff-directory';
import type { ServerContext } from '../context';
import { mutationResults } from '../db/schema';
import { parseRequest } from '../http/errors';
import { sequenceHead } from '../store/change-horizon';
import { changesSince, minCursor } from '../store/entity-store';
import { getClient } from './clients';

export function registerPullRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/v1/sync/pull', async (request): Promise<PullResponse> => {
    const user = await authenticate(ctx, request);
    const clientId = clientIdOf(request);
    const query = parseRequest(pullQuerySchema.strict(), request.query, 'query');
    const client = await getClient(ctx.db, clientId);
    if (client && client.scopeKey !== scopeKey(user)) return { resetRequired: 'scopeChanged' };
    // Not one transaction: the head is computed first and each later statement sees every commit up to it
    // (store/change-horizon.ts explains why no change numbered at or below it can be missing).
    const tx = ctx.db;
    {
      const head = await sequenceHead(tx);
      // A cursor below the compaction floor, or from another database (ahead of ours), cannot be continued.
      if (query.cursor < (await minCursor(tx)) || query.cursor > head.issued) return { resetRequired: 'cursorExpired' as const };
      const page = await changesSince(tx, user.orgIds, query.cursor, head.visible, query.limit + 1);
      const hasMore = page.length > query.limit;
      const changes = page.slice(0, query.limit);
      const cursor = hasMore ? changes[changes.length - 1]!.seq : Math.max(head.visible, query.cursor);
      const results = await tx
        .select()
        .from(mutationResults)
        .where(and(eq(mutationResults.clientId, clientId), gt(mutationResults.resultSeq, query.cursor), lte(mutationResults.resultSeq, cursor)))
        .orderBy(asc(mutationResults.clientSeq));
      ctx.metrics.countPull(changes.length);
      return {
        changes,
        cursor,
        hasMore,
        mutations: results.map((r) => ({
          clientSeq: r.clientSeq,
          mutationId: r.mutationId,
          status: r.status,
          ...(r.code ? { code: r.code } : {}),
          ...(r.message ? { message: r.message } : {}),
          ...(r.params ? { params: r.params } : {}),
        })),
      };
    }
  });
}
