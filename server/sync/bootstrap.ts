/** GET /v1/sync/bootstrap: NDJSON snapshot of the user's scope at one change sequence, `_meta` line last. */
import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import { authenticate, clientIdOf } from '../auth/guard';
import { scopeKey } from '../auth/staff-directory';
import type { ServerContext } from '../context';
import { sequenceHead } from '../store/change-horizon';
import { snapshotTexts } from '../store/entity-store';
import { registerClient } from './clients';

export function registerBootstrapRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/v1/sync/bootstrap', async (request, reply) => {
    const user = await authenticate(ctx, request);
    const clientId = clientIdOf(request);
    // The head first, the snapshot after: every change up to the head is in it (store/change-horizon.ts); rows
    // committed in between are in it too and come again with the next pull, which is harmless.
    const cursor = (await sequenceHead(ctx.db)).visible;
    const rows = await snapshotTexts(ctx.db, user.orgIds);
    await registerClient(ctx.db, clientId, user.iin, scopeKey(user));
    const counts: Record<string, number> = {};
    function* lines(): Generator<string> {
      for (const row of rows) {
        counts[row.entity] = (counts[row.entity] ?? 0) + 1;
        // A BootstrapRow line, with the stored JSON text as its data (no parse and re-serialise per row).
        yield `{"entity":${JSON.stringify(row.entity)},"id":${JSON.stringify(row.id)},"version":${row.version},"data":${row.dataText}}\n`;
      }
      yield `${JSON.stringify({ _meta: { cursor, counts } })}\n`;
    }
    return reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(lines()));
  });
}
