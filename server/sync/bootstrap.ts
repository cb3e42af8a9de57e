/** GET /v1/sync/bootstrap: NDJSON snapshot of the user's scope at one change sequence, `_meta` line last. */
import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import type { BootstrapRow } from '../../domain/sync-protocol';
import { authenticate, clientIdOf } from '../auth/guard';
import { scopeKey } from '../auth/staff-directory';
import type { ServerContext } from '../context';
import { sequenceHead } from '../store/change-horizon';
import { snapshotRows } from '../store/entity-store';
import { registerClient } from './clients';

export function registerBootstrapRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/v1/sync/bootstrap', async (request, reply) => {
    const user = await authenticate(ctx, request);
    const clientId = clientIdOf(request);
    // The head first, the snapshot after: every change up to the head is in it (store/change-horizon.ts); rows
    // committed in between are in it too and come again with the next pull, which is harmless.
    const cursor = (await sequenceHead(ctx.db)).visible;
    const rows = await snapshotRows(ctx.db, user.orgIds);
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
