/** Runs pushed mutations (each in its own savepoint, one commit per batch) and records their results (the idempotency records). */
import { and, eq, inArray } from 'drizzle-orm';
import { describeZodError } from '../../domain/envelope';
import type { Language } from '../../domain/i18n-languages';
import { mutationArgsSchemas, type MutationName } from '../../domain/mutations';
import type { MutationResult, PushMutation } from '../../domain/sync-protocol';
import type { StaffUser } from '../auth/staff-directory';
import type { ServerContext } from '../context';
import type { ServerTx } from '../db/connect';
import { publishChanges } from '../events/change-feed';
import { registerWriter } from '../store/change-horizon';
import { clients, mutationResults } from '../db/schema';
import { currentSeq, nextSeq } from '../store/entity-store';
import type { MutationRun } from './common';
import { archiveContract, markDocument, offerContract, rejectContract, returnForRework, signContract } from './contract-mutations';
import { Refusal, refuse } from './refusal';
import { confirmApplication, rejectApplication } from './special-queue-mutations';
import { closeGroupMutation, createGroupMutation, updateGroupMutation } from './group-mutations';

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
  'group.create': createGroupMutation,
  'group.update': updateGroupMutation,
  'group.close': closeGroupMutation,
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
    params: result.params ?? null,
    current: result.current ?? null,
    resultSeq: await nextSeq(tx),
    recordedAt: now.toISOString(),
  });
  await tx.update(clients).set({ lastClientSeq: m.clientSeq }).where(eq(clients.clientId, clientId));
}

export interface ExecuteOutcome {
  results: MutationResult[];
  touchedOrgs: Set<string>;
  cursor: number;
}

/**
 * Applies `ms` (the client's next clientSeqs, in order) or records why not, in the push's transaction: each mutation
 * runs in its own savepoint, so a refusal rolls back only what that mutation wrote and its result is then recorded.
 * One commit per push batch instead of one per mutation: the answer is sent only after the commit either way, and a
 * failed batch records nothing, so the client's retry stays idempotent. The poke is queued to go out at commit.
 */
export async function executeMutations(
  ctx: ServerContext,
  tx: ServerTx,
  user: StaffUser,
  clientId: string,
  ms: readonly PushMutation[],
  lang: Language,
): Promise<ExecuteOutcome> {
  const now = ctx.now();
  const touchedOrgs = new Set<string>();
  await registerWriter(tx);
  const results: MutationResult[] = [];
  for (const m of ms) results.push(await executeOne(ctx, tx, user, clientId, m, lang, now, touchedOrgs));
  const cursor = await currentSeq(tx);
  await publishChanges(tx, ctx.changeChannel, touchedOrgs, cursor);
  return { results, touchedOrgs, cursor };
}

async function executeOne(
  ctx: ServerContext,
  tx: ServerTx,
  user: StaffUser,
  clientId: string,
  m: PushMutation,
  lang: Language,
  now: Date,
  touchedOrgs: Set<string>,
): Promise<MutationResult> {
  const base = { clientSeq: m.clientSeq, mutationId: m.mutationId };
  const touchedHere = new Set<string>();
  try {
    await tx.transaction(async (sp) => {
      const parsed = mutationArgsSchemas[m.name].safeParse(m.args);
      if (!parsed.success) throw refuse('BAD_ARGS', { detail: describeZodError(parsed.error) });
      const run: MutationRun = { ctx, tx: sp, user, now, name: m.name, rawArgs: m.args, baseVersion: m.baseVersion, touchedOrgs: touchedHere };
      await handlers[m.name](run, parsed.data as never);
      await record(sp, clientId, m, { status: 'applied' }, now);
    });
    touchedHere.forEach((o) => touchedOrgs.add(o));
    return { ...base, status: 'applied' };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const result: Recorded = {
      status: error.status,
      code: error.code,
      ...(error.params ? { params: error.params } : {}),
      message: error.messageIn(lang),
      ...(error.current !== undefined ? { current: error.current } : {}),
    };
    await record(tx, clientId, m, result, now);
    return { ...base, ...result };
  }
}

/** The stored result of an already-processed mutation: applied ones replay as `duplicate`, refusals as they were. */
export async function storedResult(tx: ServerTx, clientId: string, clientSeq: number) {
  const rows = await tx
    .select()
    .from(mutationResults)
    .where(and(eq(mutationResults.clientId, clientId), eq(mutationResults.clientSeq, clientSeq)));
  return rows[0] ?? null;
}

/** Which of `mutationIds` this client has already used (with any clientSeq). */
export async function usedMutationIds(tx: ServerTx, clientId: string, mutationIds: readonly string[]): Promise<Set<string>> {
  if (mutationIds.length === 0) return new Set();
  const rows = await tx
    .select({ mutationId: mutationResults.mutationId })
    .from(mutationResults)
    .where(and(eq(mutationResults.clientId, clientId), inArray(mutationResults.mutationId, [...mutationIds])));
  return new Set(rows.map((r) => r.mutationId));
}
