/** The protocol's error body `{ error: { code, message } }` and the mapping of every failure to a 4xx/5xx status. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { describeZodError } from '../../domain/envelope';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (): HttpError => new HttpError(404, 'NOT_FOUND', 'Not found');

/** Parses a request part with zod; a mismatch is a 400 that names the first offending fields. */
export function parseRequest<T extends z.ZodType>(schema: T, value: unknown, part: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, 'BAD_REQUEST', `Invalid ${part}: ${describeZodError(result.error)}`);
  return result.data;
}

export function sendError(reply: FastifyReply, status: number, code: string, message: string, extra: Record<string, string> = {}) {
  return reply.code(status).type('application/json').send({ error: { code, message, ...extra } });
}

/** Fastify error handler: known errors keep their status; anything unexpected is a logged 500 without details. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof HttpError) return sendError(reply, error.status, error.code, error.message, error.extra);
  const fastifyError = error as FastifyError;
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, 413, 'BODY_TOO_LARGE', 'Request body is too large');
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendError(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported content type');
  if (fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return sendError(reply, 400, 'BAD_REQUEST', 'Empty JSON body');
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const code = error instanceof SyntaxError ? 'MALFORMED_JSON' : 'BAD_REQUEST';
    return sendError(reply, fastifyError.statusCode, code, error.message);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendError(reply, 500, 'INTERNAL', 'Internal server error');
}
