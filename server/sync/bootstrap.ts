/** GET /v1/sync/bootstrap: NDJSON snapshot of the user's scope at one change sequence, `_meta` line last. */
import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import type { BootstrapRow } from '../../domain/sync-protocol';
import { authenticate, clientIdOf } from '../auth/guard';
import { scopeKey } from '../auth/staff-directory';
import type { ServerContext } from '../context';
import { lockReads } from '../db/connect';
import { currentSeq, snapshotRows } from '../store/entity-store';
import { registerClient } from './clients';

export function registerBootstrapRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/v1/sync/bootstrap', async (request, reply) => {
    const user = await authenticate(ctx, request);
    const clientId = clientIdOf(request);
    const { rows, cursor } = await ctx.db.transaction(async (tx) => {
      await lockReads(tx);
      return { cursor: await currentSeq(tx), rows: await snapshotRows(tx, user.orgIds) };
    });
    await registerClient(ctx.db, clientId, user.iin, scopeKey(user));
    const counts: Record<string, number> = {};
    function* lines(): Generator<string> {
      for (const row of rows) {
        counts[row.entity] = (counts[row.entity] ?? 0) + 1;
        const line: BootstrapRow = { entity: row.entity, id: row.id, version: row.version, data: row.data };
        yield `${JSON.stringify(line)}\n`;
      }
      yield `${JSON.stringify({ _meta: { cursor, counts } })}\n`;
    }
    return reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(lines()));
  });
}
