/** Demo-only routes: the parent simulator and a read of a contract's server state. No auth: never in production. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { childSchema, iinSchema, idSchema, isoDateSchema, plainTextSchema } from '../../domain/entities';
import { correctionTypeSchema } from '../../domain/catalogue-ids';
import { parseRequest } from '../../server/http/errors';
import type { ParentSimulator } from './parent-simulator';

const contractParams = z.object({ id: idSchema }).strict();
const submitBody = z
  .object({
    idDocumentNumber: plainTextSchema.max(20).optional(),
    address: plainTextSchema.max(300).optional(),
    phone: plainTextSchema.max(30).optional(),
    workplace: plainTextSchema.max(200).optional(),
    position: plainTextSchema.max(200).optional(),
  })
  .strict();
const specialQueueBody = z
  .object({
    parentIin: iinSchema,
    child: childSchema,
    correctionType: correctionTypeSchema,
    parentPhone: plainTextSchema.max(30).optional(),
    locality: plainTextSchema.max(100).optional(),
    kindergartens: z.array(idSchema).min(1).max(5).optional(),
    teachingLanguage: z.enum(['kk', 'ru']).optional(),
    conclusionDate: isoDateSchema.optional(),
  })
  .strict();
const notificationsQuery = z.object({ iin: iinSchema }).strict();

export function registerDevRoutes(app: FastifyInstance, simulator: ParentSimulator): void {
  app.post('/v1/dev/parent/contracts/:id/submit', async (request) => {
    const { id } = parseRequest(contractParams, request.params, 'path');
    return simulator.submit(id, parseRequest(submitBody, request.body ?? {}, 'body'));
  });
  app.post('/v1/dev/parent/contracts/:id/resubmit', async (request) => simulator.resubmit(parseRequest(contractParams, request.params, 'path').id));
  app.post('/v1/dev/parent/contracts/:id/withdraw', async (request) => simulator.withdraw(parseRequest(contractParams, request.params, 'path').id));
  app.post('/v1/dev/parent/special-queue', async (request) => simulator.applySpecialQueue(parseRequest(specialQueueBody, request.body ?? {}, 'body')));
  app.get('/v1/dev/parent/notifications', async (request) => simulator.notifications(parseRequest(notificationsQuery, request.query, 'query').iin));
  app.get('/v1/dev/contracts/:id', async (request) => simulator.contractState(parseRequest(contractParams, request.params, 'path').id));
}
