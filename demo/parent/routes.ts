/** Demo-only routes: the parent simulator and a read of a contract's server state. No auth: never in production. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { childSchema, iinSchema, idSchema, isoDateSchema, plainTextSchema } from '../../domain/entities';
import { correctionTypeSchema, documentKindSchema } from '../../domain/catalogue-ids';
import { parseRequest } from '../../server/http/errors';
import { MAX_DOCUMENT_BYTES } from '../../domain/rules';
import type { ParentSimulator } from './parent-simulator';

const contractParams = z.object({ id: idSchema }).strict();
const submitBody = z
  .object({
    idDocumentNumber: plainTextSchema.max(20).optional(),
    address: plainTextSchema.max(300).optional(),
    phone: plainTextSchema.max(30).optional(),
    workplace: plainTextSchema.max(200).optional(),
    position: plainTextSchema.max(200).optional(),
    /** Files the parent attaches instead of the generated scans (checked by the upload rules). */
    files: z.array(z.object({ kind: documentKindSchema, fileName: z.string().min(1).max(200), mime: z.string().max(100), base64: z.string() }).strict()).max(10).optional(),
    /** Required kinds the parent leaves out (an incomplete submission). */
    omit: z.array(documentKindSchema).max(10).optional(),
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
const applicationParams = z.object({ id: idSchema }).strict();
const interestBody = z.object({ interested: z.boolean() }).strict();
const kindergartenBody = z.object({ kindergartenId: idSchema }).strict();
const notificationsQuery = z.object({ iin: iinSchema }).strict();

export function registerDevRoutes(app: FastifyInstance, simulator: ParentSimulator): void {
  // Room for a few base64 files over the 2 MB limit, so the upload rule (not the body limit) answers.
  app.post('/v1/dev/parent/contracts/:id/submit', { bodyLimit: 12 * MAX_DOCUMENT_BYTES }, async (request) => {
    const { id } = parseRequest(contractParams, request.params, 'path');
    return simulator.submit(id, parseRequest(submitBody, request.body ?? {}, 'body'));
  });
  app.post('/v1/dev/parent/contracts/:id/resubmit', async (request) => simulator.resubmit(parseRequest(contractParams, request.params, 'path').id));
  app.post('/v1/dev/parent/contracts/:id/withdraw', async (request) => simulator.withdraw(parseRequest(contractParams, request.params, 'path').id));
  app.post('/v1/dev/parent/special-queue', async (request) => simulator.applySpecialQueue(parseRequest(specialQueueBody, request.body ?? {}, 'body')));
  const application = (request: { params: unknown }) => parseRequest(applicationParams, request.params, 'path').id;
  app.post('/v1/dev/special-queue/:id/issue-voucher', async (request) => simulator.issueVoucher(application(request)));
  app.get('/v1/dev/special-queue/:id', async (request) => simulator.applicationState(application(request)));
  app.post('/v1/dev/parent/special-queue/:id/voucher/interest', async (request) =>
    simulator.answerVoucher(application(request), parseRequest(interestBody, request.body ?? {}, 'body').interested));
  app.post('/v1/dev/parent/special-queue/:id/voucher/kindergarten', async (request) =>
    simulator.chooseKindergarten(application(request), parseRequest(kindergartenBody, request.body ?? {}, 'body').kindergartenId));
  app.post('/v1/dev/parent/special-queue/:id/voucher/extend', async (request) => simulator.extendVoucher(application(request)));
  app.get('/v1/dev/parent/notifications', async (request) => simulator.notifications(parseRequest(notificationsQuery, request.query, 'query').iin));
  app.get('/v1/dev/contracts/:id', async (request) => simulator.contractState(parseRequest(contractParams, request.params, 'path').id));
}
