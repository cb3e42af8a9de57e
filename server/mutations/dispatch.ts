/** Runs one pushed mutation in its own transaction and records its result (the idempotency record). */
import { and, eq } from 'drizzle-orm';
import { describeZodError } from '../../domain/envelope';
import type { Language } from '../../domain/i18n-languages';
import { mutationArgsSchemas, type MutationName } from '../../domain/mutations';
import type { MutationResult, PushMutation } from '../../domain/sync-protocol';
import type { StaffUser } from '../auth/staff-directory';
import type { ServerContext } from '../context';
import { lockWrites, type ServerTx } from '../db/connect';
import { clients, mutationResults } from '../db/schema';
import { currentSeq, nextSeq } from '../store/entity-store';
import type { MutationRun } from './common';
import { archiveContract, markDocument, offerContract, rejectContract, returnForRework, signContract } from './contract-mutations';
import { Refusal, refuse, refusalTexts } from './refusal';
import { confirmApplication, rejectApplication } from './special-queue-mutations';

type Handler = (run: MutationRun, args: never) => Promise<void>;
const handlers: Record<MutationName, Handler> = {
  'contract.markDocument': markDocument,
  'contract.returnForRework': returnForRework,
  'contract.sign': signContract,
  'contract.reject': rejectContract,
  'contract.offer': offerContract,
  'contract.archive': archiveContract,
  'specialQueue.confirm': confirmApplication,
  'specialQueue.reject': rejectApplication,
};

type Recorded = Omit<MutationResult, 'clientSeq' | 'mutationId'> & { status: 'applied' | 'rejected' | 'conflict' };

async function record(tx: ServerTx, clientId: string, m: PushMutation, result: Recorded, now: Date): Promise<void> {
  await tx.insert(mutationResults).values({
    clientId,
    clientSeq: m.clientSeq,
    mutationId: m.mutationId,
    name: m.name,
    status: result.status,
    code: result.code ?? null,
    message: result.message ?? null,
    current: result.current ?? null,
    resultSeq: await nextSeq(tx),
    recordedAt: now.toISOString(),
  });
  await tx.update(clients).set({ lastClientSeq: m.clientSeq }).where(eq(clients.clientId, clientId));
}

export interface ExecuteOutcome {
  result: MutationResult;
  touchedOrgs: Set<string>;
  cursor: number;
}

/**
 * Applies `m` (the next clientSeq of the client) or records why not. A refusal rolls back everything the
 * mutation wrote; its result is then recorded in a second transaction.
 */
export async function executeMutation(ctx: ServerContext, user: StaffUser, clientId: string, m: PushMutation, lang: Language): Promise<ExecuteOutcome> {
  const now = ctx.now();
  const touchedOrgs = new Set<string>();
  const base = { clientSeq: m.clientSeq, mutationId: m.mutationId };
  try {
    const cursor = await ctx.db.transaction(async (tx) => {
      await lockWrites(tx);
      const parsed = mutationArgsSchemas[m.name].safeParse(m.args);
      if (!parsed.success) throw refuse('BAD_ARGS', refusalTexts.BAD_ARGS(describeZodError(parsed.error)));
      const run: MutationRun = { ctx, tx, user, now, name: m.name, rawArgs: m.args, baseVersion: m.baseVersion, touchedOrgs };
      await handlers[m.name](run, parsed.data as never);
      await record(tx, clientId, m, { status: 'applied' }, now);
      return currentSeq(tx);
    });
    return { result: { ...base, status: 'applied' }, touchedOrgs, cursor };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const result: Recorded = {
      status: error.status,
      code: error.code,
      message: error.messageIn(lang),
      ...(error.current !== undefined ? { current: error.current } : {}),
    };
    const cursor = await ctx.db.transaction(async (tx) => {
      await lockWrites(tx);
      await record(tx, clientId, m, result, now);
      return currentSeq(tx);
    });
    return { result: { ...base, ...result }, touchedOrgs: new Set(), cursor };
  }
}

/** The stored result of an already-processed mutation: applied ones replay as `duplicate`, refusals as they were. */
export async function storedResult(ctx: ServerContext, clientId: string, clientSeq: number) {
  const rows = await ctx.db
    .select()
    .from(mutationResults)
    .where(and(eq(mutationResults.clientId, clientId), eq(mutationResults.clientSeq, clientSeq)));
  return rows[0] ?? null;
}

export async function mutationIdUsed(ctx: ServerContext, clientId: string, mutationId: string): Promise<boolean> {
  const rows = await ctx.db
    .select({ clientSeq: mutationResults.clientSeq })
    .from(mutationResults)
    .where(and(eq(mutationResults.clientId, clientId), eq(mutationResults.mutationId, mutationId)));
  return rows.length > 0;
}
