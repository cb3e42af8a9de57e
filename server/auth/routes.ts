/** POST /v1/auth/challenge, /v1/auth/login (EDS login with a CMS over a server nonce) and /v1/auth/logout. */
import type { FastifyInstance } from 'fastify';
import { loginRequestSchema } from '../../domain/sync-protocol';
import { HttpError, parseRequest } from '../http/errors';
import type { ServerContext } from '../context';
import { authenticate, bearerToken, checkProtocolVersion } from './guard';
import { findStaffUser, toSessionUser } from './staff-directory';
import { consumeChallenge, issueChallenge, issueSession, revokeSession } from './tokens';

export function registerAuthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/v1/auth/challenge', async (request) => {
    checkProtocolVersion(ctx, request);
    return issueChallenge(ctx.db, ctx.now());
  });

  app.post('/v1/auth/login', async (request) => {
    checkProtocolVersion(ctx, request);
    const body = parseRequest(loginRequestSchema, request.body, 'body');
    const now = ctx.now();
    if (!(await consumeChallenge(ctx.db, body.nonce, now))) {
      throw new HttpError(401, 'CHALLENGE_INVALID', 'The login challenge is unknown, used or expired; request a new one');
    }
    const check = await ctx.verifier.verify(
      { cmsBase64: body.cms, content: new TextEncoder().encode(body.nonce), detached: false, purpose: 'auth' },
      now,
    );
    // An unknown revocation status is 503: the same login may succeed once a responder answers.
    if (!check.ok) throw new HttpError(check.retryable ? 503 : 401, check.code, check.message);
    const user = await findStaffUser(ctx.db, check.signer.iin);
    if (!user) throw new HttpError(401, 'UNKNOWN_USER', 'The certificate owner is not a registered staff member');
    if (check.signer.bin && !user.memberships.some((m) => m.org.bin === check.signer.bin)) {
      throw new HttpError(401, 'BIN_MISMATCH', 'The certificate belongs to an organisation the user does not work for');
    }
    const session = await issueSession(ctx.db, check.signer, now, ctx.tokenTtlSeconds);
    return { ...session, user: toSessionUser(user) };
  });

  // The token is refused from now on; an unknown or expired token is 401 like any other authenticated call.
  app.post('/v1/auth/logout', async (request) => {
    await authenticate(ctx, request);
    await revokeSession(ctx.db, bearerToken(request));
    return { revoked: true };
  });
}
