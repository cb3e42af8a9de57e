/**
 * The protocol's error body `{ error: { code, message } }` and the mapping of every failure to it: errors thrown by
 * handlers, Fastify's own (bad URL, body parsing, limits), Node's HTTP parser refusals (header overflow, malformed
 * request line) and requests that arrive while the instance shuts down.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
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

export function errorBody(code: string, message: string, extra: Record<string, string> = {}): string {
  return JSON.stringify({ error: { code, message, ...extra } });
}

export function sendError(reply: FastifyReply, status: number, code: string, message: string, extra: Record<string, string> = {}) {
  return reply.code(status).type('application/json; charset=utf-8').send(errorBody(code, message, extra));
}

/** Fastify's error codes that have a protocol code of their own; other 4xx keep Fastify's status as BAD_REQUEST. */
const fastifyCodes: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'BODY_TOO_LARGE', message: 'Request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported content type' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'BAD_REQUEST', message: 'Empty JSON body' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', message: 'The body is not valid JSON' },
  FST_ERR_BAD_URL: { status: 400, code: 'BAD_URL', message: 'The URL is not valid (bad percent-encoding)' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'BAD_REQUEST', message: 'The request does not match a route constraint' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'BAD_REQUEST', message: 'Content-Length does not match the body' },
};

/** Fastify error handler: known errors keep their status; anything unexpected is a logged 500 without details. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof HttpError) return sendError(reply, error.status, error.code, error.message, error.extra);
  const fastifyError = error as FastifyError;
  const known = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
  if (known) return sendError(reply, known.status, known.code, known.message);
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) return sendError(reply, 400, 'MALFORMED_JSON', 'The body is not valid JSON');
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) return sendError(reply, status, 'BAD_REQUEST', STATUS_CODES[status] ?? 'Bad request');
  request.log.error({ err: error }, 'unhandled error');
  return sendError(reply, 500, 'INTERNAL', 'Internal server error');
}

/** Errors Fastify raises before routing (bad URL encoding, constraint failures) go through the same mapping. */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void handleError(error, request, reply);
}

/** Node's HTTP parser refusals, answered on the socket (no request object exists yet). */
export function handleClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE', 'Request headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT', 'The request was not received in time']
        : [400, 'BAD_REQUEST', 'Malformed HTTP request'];
  const body = errorBody(code, message);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
