// The push's unit of work against the per-mutation path (every write sent at once, a savepoint per mutation): the
// same random batches on the same database state, each run in a transaction that is then rolled back, must give
// identical answers, rows, versions, parent notifications, recorded results and change-log order — on PGlite and
// (with TEST_DATABASE_URL) PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { TransactionRollbackError } from 'drizzle-orm/errors';
import { startServer, type RunningServer } from '../../../server/index';
import { demoServerOptions } from '../../../demo/server-options';
import type { PushPath } from '../../../server/context';
import { changes, clients, entities, mutationResults, notifications } from '../../../server/db/schema';
import type { ServerTx } from '../../../server/db/connect';
import { executeMutations } from '../../../server/mutations/dispatch';
import { currentSeq, listRows } from '../../../server/store/entity-store';
import { registerClient } from '../../../server/sync/clients';
import { findStaffUser, scopeKey, type StaffUser } from '../../../server/auth/staff-directory';
import type { ContractDocument, SpecialQueueApplication } from '../../../domain/entities';
import { contractRejectReasons, flagReasons, specialQueueRejectReasons } from '../../../domain/catalogue-ids';
import { decisionPayload } from '../../../domain/decision-payload';
import type { MutationName } from '../../../domain/mutations';
import type { PushMutation } from '../../../domain/sync-protocol';
import { loadKey, type LoadedKey } from '../../fixtures/pki/load';
import { cmsBy } from '../../support/server-client';
import { testDatabases } from './database-targets';

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
  lastClientSeq: number | undefined;
}

/** What one path left in the database, with sequence numbers relative to where the run started and fresh ids named by order. */
async function capture(tx: ServerTx, start: number, clientId: string): Promise<Omit<Captured, 'answers' | 'touchedOrgs'>> {
  const log = await tx.select().from(changes).where(gt(changes.seq, start)).orderBy(asc(changes.seq));
  const fresh = new Map<string, string>();
  const name = (entity: string, id: string) => (entity === 'historyEvent' ? (fresh.get(id) ?? fresh.set(id, `history#${fresh.size}`).get(id)!) : id);
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
  return { changes: changed, rows: named, results, notifications: notified, lastClientSeq: client[0]?.lastClientSeq };
}

describe.each(testDatabases)('push unit of work on $name', (database) => {
  let server: RunningServer;
  let head: StaffUser;
  let specialist: StaffUser;
  let headKey: LoadedKey;
  let specialistKey: LoadedKey;

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
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await database.drop();
  });

  /** Runs the batch on one path inside a transaction that is rolled back, and returns what it did. */
  async function run(path: PushPath, user: StaffUser, clientId: string, ms: PushMutation[]): Promise<Captured> {
    let captured: Captured | null = null;
    await server.db
      .transaction(async (tx) => {
        await registerClient(tx, clientId, user.iin, scopeKey(user));
        const start = await currentSeq(tx);
        const outcome = await executeMutations({ ...server.ctx, pushPath: path }, tx, user, clientId, ms, 'kk');
        captured = { answers: outcome.results, touchedOrgs: [...outcome.touchedOrgs].sort(), ...(await capture(tx, start, clientId)) };
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

  function expectSame(unit: Captured, perMutation: Captured): void {
    expect(unit.answers).toEqual(perMutation.answers);
    expect(unit.touchedOrgs).toEqual(perMutation.touchedOrgs);
    expect(unit.changes).toEqual(perMutation.changes);
    expect(unit.rows).toEqual(perMutation.rows);
    expect(unit.results).toEqual(perMutation.results);
    expect(unit.notifications).toEqual(perMutation.notifications);
    expect(unit.lastClientSeq).toBe(perMutation.lastClientSeq);
  }

  it.each([11, 23, 37])('contract batch with seed %i: identical to the per-mutation path', async (seed) => {
    const ms = await contractBatch(seed, 40);
    const clientId = `diff-${seed}`;
    const perMutation = await run('per-mutation', head, clientId, ms);
    const unit = await run('unit-of-work', head, clientId, ms);
    // The batch must exercise every outcome, or the comparison proves little.
    const statuses = new Set((perMutation.answers as Array<{ status: string }>).map((a) => a.status));
    expect([...statuses].sort()).toEqual(['applied', 'conflict', 'rejected']);
    expect(perMutation.notifications.length).toBeGreaterThan(0);
    expectSame(unit, perMutation);
  }, 120_000);

  it.each([5, 19])('special-queue batch with seed %i: identical to the per-mutation path', async (seed) => {
    const ms = await specialQueueBatch(seed, 16);
    const clientId = `diff-sq-${seed}`;
    const perMutation = await run('per-mutation', specialist, clientId, ms);
    const unit = await run('unit-of-work', specialist, clientId, ms);
    expect((perMutation.answers as Array<{ status: string }>).some((a) => a.status === 'applied')).toBe(true);
    expectSame(unit, perMutation);
  }, 120_000);
});
