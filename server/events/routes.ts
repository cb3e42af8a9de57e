/** GET /v1/events (WebSocket): authenticated like every other call; frames are pokes only. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate } from '../auth/guard';
import type { ServerContext } from '../context';

export function registerEventRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // The upgrade is refused (401/426) before the socket opens; the user's organisations are kept for the handler.
  const scopes = new WeakMap<FastifyRequest, readonly string[]>();
  app.get(
    '/v1/events',
    {
      websocket: true,
      preValidation: async (request) => {
        scopes.set(request, (await authenticate(ctx, request)).orgIds);
      },
    },
    (socket, request) => {
      const remove = ctx.events.add({ orgIds: scopes.get(request) ?? [], send: (frame) => socket.send(frame) });
      socket.on('close', remove);
    },
  );
}
