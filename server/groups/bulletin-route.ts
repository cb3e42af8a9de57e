/** GET /v1/bulletin: the public, read-only free-places bulletin of every kindergarten (or of one: ?orgId=). */
import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { bulletinQuerySchema, kindergartenBulletin, type Bulletin } from '../../domain/bulletin';
import type { Group, Organisation } from '../../domain/entities';
import type { ServerContext } from '../context';
import { entities } from '../db/schema';
import { parseRequest } from '../http/errors';

export function registerBulletinRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/v1/bulletin', async (request): Promise<Bulletin> => {
    const query = parseRequest(bulletinQuerySchema, request.query, 'query');
    const live = (entity: string) => and(eq(entities.entity, entity), eq(entities.deleted, false), ...(query.orgId ? [eq(entities.orgId, query.orgId)] : []));
    const rows = await ctx.db.select().from(entities).where(live('organisation'));
    const orgs = rows.map((r) => r.data as Organisation).filter((o) => o.kind === 'kindergarten');
    const groups = (await ctx.db.select().from(entities).where(live('group'))).map((r) => r.data as Group);
    return {
      publishedAt: ctx.now().toISOString(),
      kindergartens: orgs
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((org) => kindergartenBulletin(org, groups.filter((g) => g.orgId === org.id))),
    };
  });
}
