// The push's unit of work against the outcomes the per-mutation path (every write sent at once, a savepoint per
// mutation; removed) recorded, and against itself one mutation per push: the same batches on the same database
// state, each run in a transaction that is then rolled back, must give identical answers, rows, versions, group
// places, parent notifications, recorded results (what replays answer) and change-log order — for every mutation
// kind, refusals in the middle of a batch included, on PGlite and (with TEST_DATABASE_URL) PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { TransactionRollbackError } from 'drizzle-orm/errors';
import { startServer, type RunningServer } from '../../../server/index';
import { demoServerOptions } from '../../../demo/server-options';
import { changes, clients, entities, groupHolds, groupPlaces, mutationResults, notifications } from '../../../server/db/schema';
import type { ServerTx } from '../../../server/db/connect';
import { executeMutations } from '../../../server/mutations/dispatch';
import { currentSeq, listRows } from '../../../server/store/entity-store';
import { registerClient } from '../../../server/sync/clients';
import { findStaffUser, scopeKey, type StaffUser } from '../../../server/auth/staff-directory';
import type { ContractDocument, Direction, SpecialQueueApplication } from '../../../domain/entities';
import { archiveReasons, contractRejectReasons, flagReasons, specialQueueRejectReasons } from '../../../domain/catalogue-ids';
import { ageAtYearEnd } from '../../../domain/groups';
import { todayInKazakhstan } from '../../../domain/calendar';
import { decisionPayload } from '../../../domain/decision-payload';
import type { MutationName } from '../../../domain/mutations';
import type { PushMutation } from '../../../domain/sync-protocol';
import { loadKey, type LoadedKey } from '../../fixtures/pki/load';
import { cmsBy } from '../../support/server-client';
import { testDatabases } from './database-targets';
import { readFileSync } from 'node:fs';

const NOW = new Date('2026-10-05T05:00:00.000Z');

/** A small deterministic generator, so a failing seed can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

interface Captured {
  answers: unknown;
  touchedOrgs: string[];
  changes: unknown[];
  rows: unknown[];
  results: unknown[];
  notifications: unknown[];
  places: unknown[];
  holds: unknown[];
  lastClientSeq: number | undefined;
}

/** How a batch is pushed: as one unit of work, or one mutation per push. */
type Mode = 'batch' | 'singles';

/** What one path left in the database, with sequence numbers relative to where the run started and fresh ids named by order. */
async function capture(tx: ServerTx, start: number, clientId: string, documentNames: ReadonlyMap<string, string>): Promise<Omit<Captured, 'answers' | 'touchedOrgs'>> {
  const log = await tx.select().from(changes).where(gt(changes.seq, start)).orderBy(asc(changes.seq));
  const fresh = new Map<string, string>();
  const name = (entity: string, id: string) =>
    entity === 'historyEvent' ? (fresh.get(id) ?? fresh.set(id, `history#${fresh.size}`).get(id)!) : entity === 'contractDocument' ? (documentNames.get(id) ?? id) : id;
  const changed = log.map((c) => ({ ...c, seq: c.seq - start, id: name(c.entity, c.id) }));
  const rows = log.length === 0 ? [] : await tx.select().from(entities).where(inArray(entities.id, log.map((c) => c.id)));
  const named = rows
    .map((r) => ({ ...r, id: name(r.entity, r.id), data: { ...(r.data as object), id: name(r.entity, r.id) } }))
    .sort((a, b) => `${a.entity}/${a.id}`.localeCompare(`${b.entity}/${b.id}`));
  const results = (await tx.select().from(mutationResults).where(eq(mutationResults.clientId, clientId)).orderBy(asc(mutationResults.clientSeq))).map((r) => ({
    ...r,
    resultSeq: r.resultSeq - start,
  }));
  const notified = (await tx.select().from(notifications).where(gt(notifications.seq, start)).orderBy(asc(notifications.seq))).map(({ id: _id, ...n }) => ({
    ...n,
    seq: n.seq - start,
  }));
  const client = await tx.select().from(clients).where(eq(clients.clientId, clientId));
  const places = await tx.select().from(groupPlaces).orderBy(asc(groupPlaces.groupId));
  const holds = await tx.select().from(groupHolds).orderBy(asc(groupHolds.contractId));
  return { changes: changed, rows: named, results, notifications: notified, places, holds, lastClientSeq: client[0]?.lastClientSeq };
}

/**
 * Outcomes the per-mutation path (a savepoint and every write sent at once per mutation, removed since) gave for
 * fixed batches, recorded once with this file's generators before it went: what of them is deterministic — answers without the row they carry, the change log,
 * the recorded results, notifications, group places and holds.
 */
const GOLDEN = new URL('../../fixtures/push-golden.json', import.meta.url);
interface GoldenCase {
  name: string;
  user: 'head' | 'specialist';
  mutations: PushMutation[];
  expected: unknown;
}

function goldenOf(c: Captured): unknown {
  const answers = (c.answers as Array<Record<string, unknown>>).map(({ current: _current, ...a }) => a);
  const results = (c.results as Array<Record<string, unknown>>).map(({ current: _current, ...r }) => r);
  return { answers, touchedOrgs: c.touchedOrgs, changes: c.changes, results, notifications: c.notifications, places: c.places, holds: c.holds, lastClientSeq: c.lastClientSeq };
}

const renameDocuments = (ms: readonly PushMutation[], names: ReadonlyMap<string, string>): PushMutation[] =>
  ms.map((m) => (typeof m.args.documentId === 'string' && names.has(m.args.documentId) ? { ...m, args: { ...m.args, documentId: names.get(m.args.documentId)! } } : m));

describe.each(testDatabases)('push unit of work on $name', (database) => {
  let server: RunningServer;
  let head: StaffUser;
  let specialist: StaffUser;
  let headKey: LoadedKey;
  let specialistKey: LoadedKey;
  /** The seed gives documents random ids: the recorded batches name them by contract, kind, round and file. */
  const documentNames = new Map<string, string>();
  const documentIds = new Map<string, string>();

  beforeAll(async () => {
    server = await startServer({
      ...(await demoServerOptions({ contractsPerKindergarten: [24, 4, 0], applications: 12, cacheDir: null })),
      database: await database.open(),
      now: () => NOW,
      expiryIntervalMs: null,
    });
    headKey = await loadKey('kg1-head', 'sign');
    specialistKey = await loadKey('pmpk1-specialist', 'sign');
    head = (await findStaffUser(server.db, headKey.identity.iin))!;
    specialist = (await findStaffUser(server.db, specialistKey.identity.iin))!;
    for (const row of await server.db.select().from(entities).where(eq(entities.entity, 'contractDocument'))) {
      const d = row.data as ContractDocument;
      const name = `document:${d.contractId}/${d.kind}/${d.round}/${d.fileName}`;
      documentNames.set(d.id, name);
      documentIds.set(name, d.id);
    }
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await database.drop();
  });

  /** Runs the batch in one mode inside a transaction that is rolled back, and returns what it did. */
  async function run(mode: Mode, user: StaffUser, clientId: string, ms: PushMutation[]): Promise<Captured> {
    let captured: Captured | null = null;
    await server.db
      .transaction(async (tx) => {
        await registerClient(tx, clientId, user.iin, scopeKey(user));
        const start = await currentSeq(tx);
        const answers: unknown[] = [];
        const touchedOrgs = new Set<string>();
        for (const part of mode === 'singles' ? ms.map((m) => [m]) : [ms]) {
          const outcome = await executeMutations(server.ctx, tx, user, clientId, part, 'kk');
          answers.push(...outcome.results);
          outcome.touchedOrgs.forEach((o) => touchedOrgs.add(o));
        }
        captured = { answers, touchedOrgs: [...touchedOrgs].sort(), ...(await capture(tx, start, clientId, documentNames)) };
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
    return captured!;
  }

  async function signed(key: LoadedKey, name: MutationName, args: Record<string, unknown>, baseVersion: number): Promise<Record<string, unknown>> {
    return { ...args, cms: await cmsBy(key, new TextEncoder().encode(decisionPayload(name, args, baseVersion)), false) };
  }

  function mutation(seq: number, name: MutationName, args: Record<string, unknown>, baseVersion: number): PushMutation {
    return { clientSeq: seq, mutationId: randomUUID(), name, args, baseVersion, createdAt: NOW.toISOString() };
  }

  /** Contract decisions of the head: valid marks, flags, stale versions, unknown and foreign ids, bad args, reworks, rejections. */
  async function contractBatch(seed: number, size: number): Promise<PushMutation[]> {
    const random = prng(seed);
    const orgId = head.memberships[0]!.org.id;
    const contracts = await listRows(server.db, 'contract', orgId);
    const reviewable = contracts.filter((c) => ['submitted', 'resubmitted'].includes(c.data.status));
    const documents = new Map<string, ContractDocument[]>();
    for (const d of (await listRows(server.db, 'contractDocument', orgId)).map((r) => r.data)) documents.set(d.contractId, [...(documents.get(d.contractId) ?? []), d]);
    const foreign = (await server.db.select().from(entities).where(and(eq(entities.entity, 'contractDocument')))).find((r) => r.orgId !== orgId)!;
    // Few contracts, so the batch decides on the same ones again and again (versions move inside the batch); most
    // are waiting for review, one may be in any state.
    const chosen = [...Array.from({ length: 4 }, () => random.pick(reviewable)), random.pick(contracts)];
    const ms: PushMutation[] = [];
    for (let seq = 1; seq <= size; seq++) {
      const contract = random.pick(chosen);
      const docs = documents.get(contract.id) ?? [];
      const doc = docs.length > 0 ? random.pick(docs) : null;
      const base = contract.version;
      const roll = random.next();
      const mark = (args: Record<string, unknown>, version = base) => mutation(seq, 'contract.markDocument', { contractId: contract.id, documentId: doc?.id ?? randomUUID(), ...args }, version);
      if (roll < 0.3) ms.push(mark({ decision: 'approved' }));
      else if (roll < 0.5) ms.push(mark({ decision: 'flagged', reason: random.pick(flagReasons), comment: 'Көшірмесі анық емес' }));
      else if (roll < 0.58) ms.push(mark({ decision: 'approved' }, base + 1 + Math.floor(random.next() * 3)));
      else if (roll < 0.62) ms.push(mark({ decision: 'approved', documentId: randomUUID() }));
      else if (roll < 0.66) ms.push(mark({ decision: 'flagged' }));
      else if (roll < 0.7) ms.push(mutation(seq, 'contract.markDocument', { contractId: String((foreign.data as ContractDocument).contractId), documentId: foreign.id, decision: 'approved' }, 1));
      else if (roll < 0.88) {
        const args = { contractId: contract.id, message: 'Құжаттарды қайта жүктеңіз' };
        ms.push(mutation(seq, 'contract.returnForRework', await signed(headKey, 'contract.returnForRework', args, base), base));
      } else {
        const args = { contractId: contract.id, reason: random.pick(contractRejectReasons.filter((r) => r !== 'other')), comment: null };
        ms.push(mutation(seq, 'contract.reject', await signed(headKey, 'contract.reject', args, base), base));
      }
    }
    return ms;
  }

  /** PMPK decisions: rejections (unit of work) and confirmations (savepoint: queue places) on the same applications. */
  async function specialQueueBatch(seed: number, size: number): Promise<PushMutation[]> {
    const random = prng(seed);
    const orgId = specialist.memberships[0]!.org.id;
    const applications = (await listRows(server.db, 'specialQueueApplication', orgId)).map((r) => ({ app: r.data as SpecialQueueApplication, version: r.version }));
    const chosen = Array.from({ length: 4 }, () => random.pick(applications));
    const ms: PushMutation[] = [];
    for (let seq = 1; seq <= size; seq++) {
      const { app, version } = random.pick(chosen);
      const base = random.next() < 0.15 ? version + 1 : version;
      if (random.next() < 0.6) {
        const args = { applicationId: app.id, reason: random.pick(specialQueueRejectReasons.filter((r) => r !== 'other')), comment: null };
        ms.push(mutation(seq, 'specialQueue.reject', await signed(specialistKey, 'specialQueue.reject', args, base), base));
      } else {
        const args = { applicationId: app.id, correctionType: null, note: null };
        ms.push(mutation(seq, 'specialQueue.confirm', await signed(specialistKey, 'specialQueue.confirm', args, base), base));
      }
    }
    return ms;
  }

  /**
   * Every kind the head decides, each applied and refused: groups created, resized and closed around offers that
   * reserve their places (GROUP_FULL, a capacity below the places held, a closed group), documents approved before
   * a signature that enrolls a reservation, a rejection and an archive that free places, rework, stale versions
   * and bad arguments. Versions are predicted as if every earlier step applied, so a wrong guess is a conflict.
   */
  async function headBatch(): Promise<PushMutation[]> {
    const orgId = head.memberships[0]!.org.id;
    const today = todayInKazakhstan(NOW);
    const year = Number(today.slice(0, 4));
    const contracts = (await listRows(server.db, 'contract', orgId)).sort((a, b) => a.id.localeCompare(b.id));
    const documents = (await listRows(server.db, 'contractDocument', orgId)).map((r) => r.data).filter((d) => d.current);
    const docsOf = (contractId: string) => documents.filter((d) => d.contractId === contractId).sort((a, b) => a.id.localeCompare(b.id));
    const directions = (await listRows(server.db, 'direction', orgId))
      .filter((d) => d.data.status === 'awaiting_offer' && !d.data.voucherApplicationId && d.data.correctionType === null)
      .sort((a, b) => a.id.localeCompare(b.id));
    const fit = (d: Direction) => `${ageAtYearEnd(d.child.birthDate, year)}/${d.teachingLanguage}`;
    const [d1, d2] = directions.filter((d) => directions.filter((o) => fit(o.data) === fit(d.data)).length >= 2 && fit(d.data) === fit(directions.find((o) => directions.filter((p) => fit(p.data) === fit(o.data)).length >= 2)!.data));
    const d3 = directions.find((d) => d !== d1 && d !== d2)!;
    const reviewable = contracts.filter((c) => ['submitted', 'resubmitted'].includes(c.data.status) && docsOf(c.id).length > 0);
    const [toSign, toReject, toRework] = [reviewable[0]!, reviewable[1]!, reviewable[2]!];
    const toArchive = contracts.find((c) => c.data.status === 'signed' && c.data.group.id)!;
    const groupId = 'grp-diff';
    const ms: PushMutation[] = [];
    const add = async (name: MutationName, args: Record<string, unknown>, base: number) => {
      ms.push(mutation(ms.length + 1, name, await signed(headKey, name, args, base), base));
    };
    const mark = (contractId: string, base: number, args: Record<string, unknown>) =>
      ms.push(mutation(ms.length + 1, 'contract.markDocument', { contractId, ...args }, base));
    const groupArgs = { groupId, nameKk: '«diff» тобы', nameRu: 'Группа «diff»', ageYears: ageAtYearEnd(d1!.data.child.birthDate, year), teachingLanguage: d1!.data.teachingLanguage, kind: 'ordinary', correctionType: null, specialNeedsLimit: 0 };
    const offer = (d: (typeof directions)[number], contractId: string) => add('contract.offer', { directionId: d.id, contractId, groupId, startDate: today }, d.version);

    await add('group.create', { ...groupArgs, capacity: 1 }, 0);
    await add('group.create', { ...groupArgs, capacity: 1 }, 0); // ID_TAKEN
    await offer(d1!, 'ctr-diff-1');
    await offer(d2!, 'ctr-diff-2'); // GROUP_FULL
    await add('group.update', { groupId, capacity: 2, specialNeedsLimit: 0 }, 2);
    await offer(d2!, 'ctr-diff-2');
    await add('group.update', { groupId, capacity: 1, specialNeedsLimit: 0 }, 4); // below the places held
    await add('group.update', { groupId, capacity: 3, specialNeedsLimit: 0 }, 1); // stale
    await add('contract.offer', { directionId: d1!.id, contractId: 'ctr-diff-3', groupId, startDate: today }, d1!.version + 1); // the direction has its offer
    for (const d of docsOf(toSign.id)) mark(toSign.id, toSign.version, { documentId: d.id, decision: 'approved' });
    const pdf = (await server.ctx.blobs.readWhole(server.db, toSign.data.pdfSha256!))!.bytes;
    const signArgs = { contractId: toSign.id, pdfSha256: toSign.data.pdfSha256, cms: await cmsBy(headKey, pdf, true) };
    ms.push(mutation(ms.length + 1, 'contract.sign', signArgs, toSign.version));
    ms.push(mutation(ms.length + 1, 'contract.sign', signArgs, toSign.version + 1)); // already signed
    await add('contract.reject', { contractId: toReject.id, reason: 'documents_invalid', comment: null }, toReject.version);
    for (const [i, d] of docsOf(toRework.id).entries()) {
      mark(toRework.id, toRework.version, i === 0 ? { documentId: d.id, decision: 'flagged', reason: 'unreadable', comment: null } : { documentId: d.id, decision: 'approved' });
    }
    await add('contract.returnForRework', { contractId: toRework.id, message: 'Құжатты қайта жүктеңіз' }, toRework.version);
    await add('contract.archive', { contractId: toArchive.id, archivedOn: today, reason: archiveReasons[0], comment: null }, toArchive.version);
    await add('contract.archive', { contractId: toArchive.id, archivedOn: today, reason: archiveReasons[0], comment: null }, toArchive.version + 1); // not signed any more
    await add('group.close', { groupId, closedOn: today }, 4);
    await offer(d3, 'ctr-diff-4'); // GROUP_CLOSED (or the age)
    ms.push(mutation(ms.length + 1, 'contract.offer', { directionId: d3.id, contractId: 'ctr-diff-5', groupId, startDate: 'soon' }, d3.version)); // bad args
    return ms;
  }

  function expectSame(actual: Captured, expected: Captured): void {
    expect(actual.answers).toEqual(expected.answers);
    expect(actual.touchedOrgs).toEqual(expected.touchedOrgs);
    expect(actual.changes).toEqual(expected.changes);
    expect(actual.rows).toEqual(expected.rows);
    expect(actual.results).toEqual(expected.results);
    expect(actual.notifications).toEqual(expected.notifications);
    expect(actual.places).toEqual(expected.places);
    expect(actual.holds).toEqual(expected.holds);
    expect(actual.lastClientSeq).toBe(expected.lastClientSeq);
  }

  /** The batch pushed whole must leave exactly what it leaves pushed one mutation at a time. */
  async function expectSameEveryWay(user: StaffUser, clientId: string, ms: PushMutation[]): Promise<Captured> {
    const batch = await run('batch', user, clientId, ms);
    expectSame(await run('singles', user, clientId, ms), batch);
    return batch;
  }

  const statusesOf = (c: Captured) => (c.answers as Array<{ status: string }>).map((a) => a.status);

  const users = () => ({ head, specialist });

  it('replays the recorded batches as the per-mutation path answered them, whole and one mutation per push', async () => {
    const { cases } = JSON.parse(readFileSync(GOLDEN, 'utf8')) as { cases: GoldenCase[] };
    for (const c of cases) {
      for (const mode of ['batch', 'singles'] as const) {
        const replayed = goldenOf(await run(mode, users()[c.user], `golden-${c.name}`, renameDocuments(c.mutations, documentIds)));
        expect({ name: c.name, mode, ...(replayed as object) }).toEqual({ name: c.name, mode, ...(c.expected as object) });
      }
    }
  }, 180_000);

  it.each([11, 23, 37])('contract batch with seed %i: identical every way', async (seed) => {
    const batch = await expectSameEveryWay(head, `diff-${seed}`, await contractBatch(seed, 40));
    // The batch must exercise every outcome, or the comparison proves little.
    expect([...new Set(statusesOf(batch))].sort()).toEqual(['applied', 'conflict', 'rejected']);
    expect(batch.notifications.length).toBeGreaterThan(0);
  }, 120_000);

  it.each([5, 19])('special-queue batch with seed %i: identical every way', async (seed) => {
    const batch = await expectSameEveryWay(specialist, `diff-sq-${seed}`, await specialQueueBatch(seed, 16));
    expect(statusesOf(batch)).toContain('applied');
  }, 120_000);

  it('every kind the head decides, applied and refused mid-batch: identical every way', async () => {
    const ms = await headBatch();
    const batch = await expectSameEveryWay(head, 'diff-head', ms);
    const outcome = (batch.answers as Array<{ status: string; code?: string }>).map((a, i) => `${ms[i]!.name} ${a.status} ${a.code ?? ''}`.trim());
    expect(outcome.filter((o) => !o.startsWith('contract.markDocument'))).toEqual([
      'group.create applied',
      'group.create rejected ID_TAKEN',
      'contract.offer applied',
      'contract.offer rejected GROUP_FULL',
      'group.update applied',
      'contract.offer applied',
      'group.update rejected GROUP_CAPACITY_BELOW_HELD',
      'group.update conflict VERSION_CONFLICT',
      'contract.offer rejected DIRECTION_NOT_AWAITING_OFFER',
      'contract.sign applied',
      'contract.sign rejected INVALID_TRANSITION',
      'contract.reject applied',
      'contract.returnForRework applied',
      'contract.archive applied',
      'contract.archive rejected INVALID_TRANSITION',
      'group.close applied',
      'contract.offer rejected GROUP_CLOSED',
      'contract.offer rejected BAD_ARGS',
    ]);
    expect(outcome.filter((o) => o.startsWith('contract.markDocument')).every((o) => o.endsWith('applied'))).toBe(true);
  }, 120_000);
});
