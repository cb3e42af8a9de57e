/** GET /v1/blobs/:sha256 (scoped, Range, ETag) and PUT /v1/blobs/:sha256 (re-hashed, refused on mismatch). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sha256Schema } from '../../domain/entities';
import { documentContentProblem, MAX_DOCUMENT_BYTES, type DocumentFileProblem } from '../../domain/rules';
import { displayText } from '../../domain/text/catalogue';
import { text } from '../../domain/text/text-ref';
import { authenticate } from '../auth/guard';
import type { ServerContext } from '../context';
import { HttpError, notFound, parseRequest, sendError } from '../http/errors';
import { sha256OfBytes } from './store';

const paramsSchema = z.object({ sha256: sha256Schema }).strict();
const rangeSchema = z.string().regex(/^bytes=(\d*)-(\d*)$/);
const putHeadersSchema = z.object({ 'content-type': z.enum(['image/jpeg', 'application/pdf']) });

/** Contract PDFs exceed the 2 MB document limit; uploads stay bounded all the same. */
export const MAX_BLOB_BYTES = 4 * MAX_DOCUMENT_BYTES;

/** A refused upload: the code, the English message, and the Kazakh and Russian ones for the user. */
export function fileRefusal(problem: DocumentFileProblem): HttpError {
  const ref = text(problem);
  const status = problem === 'FILE_TOO_LARGE' ? 413 : problem === 'UNSUPPORTED_FILE_TYPE' ? 415 : 422;
  return new HttpError(status, problem, displayText(ref, 'en'), { messageKk: displayText(ref, 'kk'), messageRu: displayText(ref, 'ru') });
}

function parseRange(header: string, size: number): { start: number; end: number } | null {
  const match = rangeSchema.safeParse(header);
  if (!match.success) return null;
  const [, from, to] = /^bytes=(\d*)-(\d*)$/.exec(match.data)!;
  if (from === '' && to === '') return null;
  const start = from === '' ? Math.max(0, size - Number(to)) : Number(from);
  const end = from === '' || to === '' ? size - 1 : Math.min(Number(to), size - 1);
  return start <= end && start < size ? { start, end } : null;
}

export function registerBlobRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/v1/blobs/:sha256', async (request, reply) => {
    const user = await authenticate(ctx, request);
    const { sha256 } = parseRequest(paramsSchema, request.params, 'path');
    const blob = await ctx.blobs.scopedInfo(ctx.db, sha256, user.orgIds);
    if (!blob) throw notFound();
    const etag = `"${sha256}"`;
    reply.header('etag', etag).header('accept-ranges', 'bytes').header('cache-control', 'private, max-age=31536000, immutable');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    reply.type(blob.mime);
    const range = request.headers.range;
    if (range !== undefined) {
      const span = parseRange(range, blob.size);
      if (!span) {
        return sendError(reply.header('content-range', `bytes */${blob.size}`), 416, 'RANGE_NOT_SATISFIABLE', 'The requested range is outside the file');
      }
      const part = await ctx.blobs.read(ctx.db, sha256, span);
      if (!part) throw notFound();
      reply.code(206).header('content-range', `bytes ${span.start}-${span.end}/${blob.size}`);
      return reply.send(Buffer.from(part));
    }
    const bytes = await ctx.blobs.read(ctx.db, sha256);
    if (!bytes) throw notFound();
    return reply.send(Buffer.from(bytes));
  });

  app.put('/v1/blobs/:sha256', { bodyLimit: MAX_BLOB_BYTES }, async (request, reply) => {
    const user = await authenticate(ctx, request);
    const { sha256 } = parseRequest(paramsSchema, request.params, 'path');
    const { 'content-type': mime } = parseRequest(putHeadersSchema, request.headers, 'headers');
    if (!(request.body instanceof Buffer) || request.body.length === 0) throw new HttpError(400, 'EMPTY_BODY', 'The file is empty');
    const bytes = new Uint8Array(request.body);
    if (sha256OfBytes(bytes) !== sha256) throw new HttpError(422, 'HASH_MISMATCH', 'The uploaded bytes do not hash to the SHA-256 in the path');
    if (documentContentProblem(mime, bytes)) throw fileRefusal('UNREADABLE_FILE');
    await ctx.blobs.put(ctx.db, bytes, mime, user.orgIds);
    return reply.code(201).send({ sha256, size: bytes.length });
  });
}
