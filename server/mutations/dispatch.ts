/** Runs a pushed batch (one unit of work, one commit) and records the results (the idempotency records). */
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
import { mutationResults } from '../db/schema';
import { currentSeq } from '../store/entity-store';
import { UnitOfWork, type BufferedResult } from '../store/unit-of-work';
import { attachUnit, detachUnit } from '../store/unit-registry';
import type { EntityName } from '../../domain/entities';
import type { MutationRun } from './common';
import { archiveContract, markDocument, offerContract, rejectContract, returnForRework, signContract } from './contract-mutations';
import { Refusal, refuse } from './refusal';
import { confirmApplication, rejectApplication } from './special-queue-mutations';
import { closeGroupMutation, createGroupMutation, updateGroupMutation } from './group-mutations';
import { counterRows, holdRows } from '../groups/places';

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

/** Kinds that may change the group place their contract holds (signing enrolls it, rejecting or archiving frees it). */
const holdingKinds: ReadonlySet<MutationName> = new Set<MutationName>(['contract.sign', 'contract.reject', 'contract.archive']);

/** The entity each id argument names: the batch's targets are read in one query before any mutation runs. */
const targetArgs: Readonly<Record<string, EntityName>> = {
  contractId: 'contract',
  documentId: 'contractDocument',
  directionId: 'direction',
  applicationId: 'specialQueueApplication',
  groupId: 'group',
};

function recordedRow(clientId: string, m: PushMutation, result: Recorded, now: Date): BufferedResult {
  return {
    clientId,
    clientSeq: m.clientSeq,
    mutationId: m.mutationId,
    name: m.name,
    status: result.status,
    code: result.code ?? null,
    message: result.message ?? null,
    params: result.params ?? null,
    current: result.current ?? null,
    recordedAt: now.toISOString(),
  };
}

function refusalResult(error: Refusal, lang: Language): Recorded {
  return {
    status: error.status,
    code: error.code,
    ...(error.params ? { params: error.params } : {}),
    message: error.messageIn(lang),
    ...(error.current !== undefined ? { current: error.current } : {}),
  };
}

export interface ExecuteOutcome {
  results: MutationResult[];
  touchedOrgs: Set<string>;
  cursor: number;
  /** Database round trips of the unit of work. */
  unitQueries: number;
}

interface Batch {
  ctx: ServerContext;
  tx: ServerTx;
  user: StaffUser;
  clientId: string;
  lang: Language;
  now: Date;
  touchedOrgs: Set<string>;
  parsed: Map<PushMutation, ReturnType<(typeof mutationArgsSchemas)[MutationName]['safeParse']>>;
}

/**
 * Applies `ms` (the client's next clientSeqs, in order) or records why not, in the push's transaction. One commit per
 * push batch: the answer is sent only after the commit, and a failed batch records nothing, so the client's retry
 * stays idempotent. The poke is queued to go out at commit.
 */
export async function executeMutations(
  ctx: ServerContext,
  tx: ServerTx,
  user: StaffUser,
  clientId: string,
  ms: readonly PushMutation[],
  lang: Language,
): Promise<ExecuteOutcome> {
  const batch: Batch = { ctx, tx, user, clientId, lang, now: ctx.now(), touchedOrgs: new Set(), parsed: new Map() };
  await registerWriter(tx);
  const results: MutationResult[] = [];
  const unit = new UnitOfWork(tx, clientId);
  await prefetchTargets(unit, batch, ms);
  attachUnit(tx, unit);
  try {
    for (const m of ms) {
      const result = await inUnit(batch, unit, m);
      unit.recordResult(recordedRow(clientId, m, result, batch.now));
      results.push({ clientSeq: m.clientSeq, mutationId: m.mutationId, ...result });
    }
    await unit.flush();
  } finally {
    detachUnit(tx);
  }
  const cursor = await currentSeq(tx);
  await publishChanges(tx, ctx.changeChannel, batch.touchedOrgs, cursor);
  return { results, touchedOrgs: batch.touchedOrgs, cursor, unitQueries: unit.queries };
}

/**
 * Reads every row the batch's arguments name, and the documents of every contract named, in two queries; when the
 * batch changes group places, first the places its contracts hold and then the counters of every group involved,
 * locked (one query each). The counters are locked before the group rows are read, so a concurrent push that
 * changed a group's places is seen whole, its synced row included. Only arguments their schema accepted are read:
 * the others are refused as BAD_ARGS when their mutation runs, and an id with a character PostgreSQL cannot take
 * (NUL) must never reach a query.
 */
async function prefetchTargets(unit: UnitOfWork, batch: Batch, ms: readonly PushMutation[]): Promise<void> {
  const ids = new Map<EntityName, string[]>();
  const holders: string[] = [];
  for (const m of ms) {
    const parsed = parsedArgs(batch, m);
    if (!parsed.success) continue;
    const args = parsed.data as Readonly<Record<string, unknown>>;
    for (const [field, entity] of Object.entries(targetArgs)) {
      const value = args[field];
      if (typeof value === 'string') ids.set(entity, [...(ids.get(entity) ?? []), value]);
    }
    if (holdingKinds.has(m.name) && typeof args.contractId === 'string') holders.push(args.contractId);
  }
  const holds = holders.length > 0 ? await unit.sideLoad(holdRows, holders) : [];
  const groups = [...(ids.get('group') ?? []), ...holds.map((h) => h.groupId)];
  if (groups.length > 0) {
    await unit.sideLoad(counterRows, groups);
    ids.set('group', groups);
  }
  await unit.prefetch(ids, { entity: 'contractDocument', field: 'contractId', values: ids.get('contract') ?? [] });
}

/** Each mutation's arguments are checked once per batch: the prefetch and the handler read the same result. */
function parsedArgs(batch: Batch, m: PushMutation) {
  let parsed = batch.parsed.get(m);
  if (!parsed) {
    parsed = mutationArgsSchemas[m.name].safeParse(m.args);
    batch.parsed.set(m, parsed);
  }
  return parsed;
}

async function runHandler(batch: Batch, m: PushMutation, touchedOrgs: Set<string>): Promise<void> {
  const parsed = parsedArgs(batch, m);
  if (!parsed.success) throw refuse('BAD_ARGS', { detail: describeZodError(parsed.error) });
  const run: MutationRun = { ctx: batch.ctx, tx: batch.tx, user: batch.user, now: batch.now, name: m.name, rawArgs: m.args, baseVersion: m.baseVersion, touchedOrgs };
  await handlers[m.name](run, parsed.data as never);
}

/** One mutation in the unit of work: a refusal undoes what it buffered. */
async function inUnit(batch: Batch, unit: UnitOfWork, m: PushMutation): Promise<Recorded> {
  const mark = unit.mark();
  const touchedHere = new Set<string>();
  try {
    await runHandler(batch, m, touchedHere);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    unit.undo(mark);
    return refusalResult(error, batch.lang);
  }
  touchedHere.forEach((o) => batch.touchedOrgs.add(o));
  return { status: 'applied' };
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
