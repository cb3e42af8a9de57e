/** POST /v1/sync/push: ordered, idempotent mutations per client. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { languageSchema, type Language } from '../../domain/i18n-languages';
import { defaultLanguage } from '../../domain/i18n-languages';
import { pushRequestSchema, type MutationResult, type PushResponse } from '../../domain/sync-protocol';
import { authenticate, clientIdOf } from '../auth/guard';
import { scopeKey } from '../auth/staff-directory';
import type { ServerContext } from '../context';
import type { ServerTx } from '../db/connect';
import { lockKeys } from '../db/lock-keys';
import { HttpError, parseRequest } from '../http/errors';
import { executeMutations, storedResult, usedMutationIds } from '../mutations/dispatch';
import { getClient, registerClient } from './clients';

/** The language of refusal messages: the first of kk/ru/en named in Accept-Language. */
export function requestLanguage(request: FastifyRequest): Language {
  const header = z.string().max(200).safeParse(request.headers['accept-language']);
  if (!header.success) return defaultLanguage;
  for (const part of header.data.split(',')) {
    const lang = languageSchema.safeParse(part.trim().slice(0, 2).toLowerCase());
    if (lang.success) return lang.data;
  }
  return defaultLanguage;
}

export function registerPushRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/v1/sync/push', async (request): Promise<PushResponse> => {
    const user = await authenticate(ctx, request);
    const clientId = clientIdOf(request);
    const body = parseRequest(pushRequestSchema, request.body, 'body');
    if (body.clientId !== clientId) throw new HttpError(400, 'CLIENT_ID_MISMATCH', 'clientId in the body differs from the X-Client-Id header');
    // One transaction per push holding the client's lock: pushes of one client are processed one at a time on
    // whichever instance they reach, and the sequence checks below cannot race.
    return ctx.db.transaction(async (tx) => {
      await lockClient(tx, clientId);
      const client = (await getClient(tx, clientId)) ?? (await registerClient(tx, clientId, user.iin, scopeKey(user)));
      const lang = requestLanguage(request);
      let last = client.lastClientSeq;
      // The batch must be consecutive and continue the client's sequence; replays of processed entries are allowed.
      const first = body.mutations[0]!.clientSeq;
      if (first > last + 1 || body.mutations.some((m, i) => m.clientSeq !== first + i)) {
        throw new HttpError(409, 'CLIENT_SEQ_GAP', `Mutations must be consecutive and start at or before clientSeq ${last + 1}`, {
          lastClientSeq: String(last),
        });
      }
      // Replays of processed entries come first (the batch is consecutive); they and every new mutationId are
      // checked before anything is applied, so a protocol error never leaves half a batch written.
      const results: MutationResult[] = [];
      const fresh = body.mutations.filter((m) => m.clientSeq > last);
      for (const m of body.mutations.filter((m) => m.clientSeq <= last)) results.push(await replay(tx, clientId, m.clientSeq, m.mutationId, last));
      const used = await usedMutationIds(tx, clientId, fresh.map((m) => m.mutationId));
      const reused = fresh.find((m, i) => used.has(m.mutationId) || fresh.findIndex((o) => o.mutationId === m.mutationId) !== i);
      if (reused) {
        throw new HttpError(409, 'MUTATION_ID_REUSED', `mutationId ${reused.mutationId} was already used with another clientSeq`, {
          lastClientSeq: String(last),
        });
      }
      if (fresh.length > 0) {
        const outcome = await executeMutations(ctx, tx, user, clientId, fresh, lang);
        results.push(...outcome.results);
        last = fresh[fresh.length - 1]!.clientSeq;
      }
      for (const result of results) ctx.metrics.countPushed(result.status);
      return { results, lastClientSeq: last };
    });
  });
}

/** Waits for any push of the same client on any instance (released at commit or rollback). */
async function lockClient(tx: ServerTx, clientId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${lockKeys.clientPush}, hashtext(${clientId}))`);
}

async function replay(tx: ServerTx, clientId: string, clientSeq: number, mutationId: string, last: number): Promise<MutationResult> {
  const stored = await storedResult(tx, clientId, clientSeq);
  if (!stored || stored.mutationId !== mutationId) {
    throw new HttpError(409, 'CLIENT_SEQ_REUSED', `clientSeq ${clientSeq} was used by another mutation`, { lastClientSeq: String(last) });
  }
  return {
    clientSeq,
    mutationId,
    status: stored.status === 'applied' ? 'duplicate' : stored.status,
    ...(stored.code ? { code: stored.code } : {}),
    ...(stored.message ? { message: stored.message } : {}),
    ...(stored.params ? { params: stored.params } : {}),
    ...(stored.current !== null ? { current: stored.current } : {}),
  };
}
