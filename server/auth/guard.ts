/** Request headers of protocol v1: version check, bearer session, client id. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HEADER_CLIENT_ID, HEADER_PROTOCOL_VERSION, PROTOCOL_VERSION } from '../../domain/sync-protocol';
import { HttpError, parseRequest } from '../http/errors';
import type { ServerContext } from '../context';
import { findStaffUser, type StaffUser } from './staff-directory';
import { sessionUserIin } from './tokens';

const versionHeaderSchema = z.object({ [HEADER_PROTOCOL_VERSION]: z.string().regex(/^\d{1,4}$/) });
const authorizationSchema = z.object({ authorization: z.string().regex(/^Bearer [A-Za-z0-9_-]{16,200}$/) });
const clientIdSchema = z.object({ [HEADER_CLIENT_ID]: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/) });

/** An unknown protocol version is 426 with the minimum app version that speaks ours. */
export function checkProtocolVersion(ctx: ServerContext, request: FastifyRequest): void {
  const headers = parseRequest(versionHeaderSchema, request.headers, 'headers');
  if (Number(headers[HEADER_PROTOCOL_VERSION]) !== PROTOCOL_VERSION) {
    throw new HttpError(426, 'UNSUPPORTED_PROTOCOL_VERSION', `This server speaks protocol version ${PROTOCOL_VERSION}`, {
      minAppVersion: ctx.minAppVersion,
    });
  }
}

/** The request's bearer token (its format checked; whether it is valid is `authenticate`'s job). */
export function bearerToken(request: FastifyRequest): string {
  const parsed = authorizationSchema.safeParse(request.headers);
  if (!parsed.success) throw new HttpError(401, 'UNAUTHENTICATED', 'A bearer token is required');
  return parsed.data.authorization.slice('Bearer '.length);
}

export async function authenticate(ctx: ServerContext, request: FastifyRequest): Promise<StaffUser> {
  checkProtocolVersion(ctx, request);
  const iin = await sessionUserIin(ctx.db, bearerToken(request), ctx.now());
  if (!iin) throw new HttpError(401, 'TOKEN_EXPIRED', 'The session token is unknown or expired; log in again');
  const user = await findStaffUser(ctx.db, iin);
  if (!user) throw new HttpError(401, 'UNKNOWN_USER', 'The user is no longer a staff member');
  return user;
}

export function clientIdOf(request: FastifyRequest): string {
  return parseRequest(clientIdSchema, request.headers, 'headers')[HEADER_CLIENT_ID];
}
