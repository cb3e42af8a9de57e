/** Builds the Fastify application of the reference server: protocol v1 routes, extra routes of the caller, update feed. */
import Fastify, { type FastifyInstance } from 'fastify';
import websocket from '@fastify/websocket';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { registerAuthRoutes } from './auth/routes';
import { registerBlobRoutes } from './blobs/routes';
import { registerBulletinRoute } from './groups/bulletin-route';
import type { ServerContext } from './context';
import { registerEventRoutes } from './events/routes';
import { handleClientError, handleError, handleFrameworkError, notFound, parseRequest, sendError } from './http/errors';
import { loggerOptions, requestIdOf, type LogOptions } from './ops/logging';
import { registerOperations } from './ops/routes';
import { registerBootstrapRoute } from './sync/bootstrap';
import { registerPullRoute } from './sync/pull';
import { registerPushRoute } from './sync/push';

/** JSON bodies are small (≤ 100 mutations with CMS signatures); blobs have their own limit. */
export const MAX_JSON_BODY_BYTES = 2 * 1024 * 1024;

export interface AppOptions {
  /** false in tests; the CLI logs JSON lines (see ops/logging.ts). */
  logger: boolean | LogOptions;
  updatesDir: string | null;
  /** Routes added by the caller (the demo's parent simulator); the server itself knows nothing about them. */
  extraRoutes: ((app: FastifyInstance, ctx: ServerContext) => void) | null;
}

export async function buildApp(ctx: ServerContext, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(options.logger === true ? {} : options.logger),
    genReqId: requestIdOf,
    bodyLimit: MAX_JSON_BODY_BYTES,
    trustProxy: false,
    return503OnClosing: false,
    frameworkErrors: handleFrameworkError,
    clientErrorHandler: handleClientError,
  });
  app.setErrorHandler(handleError);
  registerOperations(app, ctx);
  app.setNotFoundHandler((_request, reply) => sendError(reply, 404, 'NOT_FOUND', 'Not found'));
  app.addContentTypeParser(['image/jpeg', 'application/pdf'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  await app.register(websocket, { options: { maxPayload: 4096 } });

  registerAuthRoutes(app, ctx);
  registerBootstrapRoute(app, ctx);
  registerPullRoute(app, ctx);
  registerPushRoute(app, ctx);
  registerBlobRoutes(app, ctx);
  registerEventRoutes(app, ctx);
  registerBulletinRoute(app, ctx);
  options.extraRoutes?.(app, ctx);
  if (options.updatesDir) registerUpdateFeed(app, options.updatesDir);
  return app;
}

const feedFileSchema = z.object({ file: z.string().regex(/^[A-Za-z0-9._-]{1,200}$/).refine((f) => !f.startsWith('.'), 'no hidden files') });
const feedTypes: Record<string, string> = { '.yml': 'text/yaml', '.yaml': 'text/yaml', '.exe': 'application/octet-stream', '.blockmap': 'application/octet-stream' };

/** The electron-updater "generic" feed: flat files of one folder, no traversal. */
function registerUpdateFeed(app: FastifyInstance, dir: string): void {
  app.get('/updates/:file', async (request, reply) => {
    const { file } = parseRequest(feedFileSchema, request.params, 'path');
    const bytes = await readFile(path.join(dir, file)).catch(() => null);
    if (!bytes) throw notFound();
    return reply.type(feedTypes[path.extname(file)] ?? 'application/octet-stream').send(bytes);
  });
}
