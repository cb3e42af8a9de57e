// Property: over any sequence of offers, expiries, rejections, withdrawals, signings and archives, a group never
// holds more places than it has, and after every step free = capacity − enrolled − reserved in both the counters
// and the synced group row, matching a plain model of who holds what. Runs the server's place functions on PGlite.
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupSchema } from '../../../domain/entities';
import { openDatabase, type DatabaseHandle } from '../../../server/db/connect';
import { registerWriter } from '../../../server/store/change-horizon';
import { groupHolds, groupPlaces } from '../../../server/db/schema';
import { createGroup, enrollPlace, releasePlace, reservePlace } from '../../../server/groups/places';
import { Refusal } from '../../../server/mutations/refusal';
import { getRow } from '../../../server/store/entity-store';
import { testDatabases } from './database-targets';

type Step =
  | { kind: 'offer' }
  | { kind: 'expire' | 'reject' | 'withdraw' | 'sign' | 'archive'; pick: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'offer' as const }) },
  fc.record({ kind: fc.constantFrom('expire' as const, 'reject' as const, 'withdraw' as const, 'sign' as const, 'archive' as const), pick: fc.nat(50) }),
);

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openDatabase({ kind: 'pglite' });
}, 60_000);
afterAll(async () => handle?.close());

const YEAR = 2026;
const child = { birthDate: '2022-05-01', correctionType: null, teachingLanguage: 'kk' as const };

describe('group places under any sequence of offer outcomes', () => {
  it('never exceeds capacity; places = capacity − enrolled − reserved after every step', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.array(stepArb, { minLength: 1, maxLength: 25 }), async (capacity, steps) => {
        const groupId = `grp-prop-${run++}`;
        const write = <T>(work: Parameters<typeof handle.db.transaction<T>>[0]) =>
          handle.db.transaction(async (tx) => {
            await registerWriter(tx);
            return work(tx);
          });
        await write((tx) =>
          createGroup(tx, {
            id: groupId, orgId: 'kg1', nameKk: 'Топ', nameRu: 'Группа', ageYears: 4, teachingLanguage: 'kk', kind: 'ordinary',
            correctionType: null, specialNeedsLimit: 0, status: 'open', closedOn: null,
          }, capacity),
        );
        const model = new Map<string, 'reserved' | 'enrolled'>();
        let serial = 0;
        const pickOf = (state: 'reserved' | 'enrolled', pick: number) => {
          const ids = [...model].filter(([, s]) => s === state).map(([id]) => id);
          return ids.length === 0 ? null : ids[pick % ids.length]!;
        };
        for (const step of steps) {
          if (step.kind === 'offer') {
            const contractId = `${groupId}-c${serial++}`;
            const full = model.size >= capacity;
            const outcome = await write((tx) => reservePlace(tx, groupId, contractId, child, YEAR)).then(
              () => 'reserved' as const,
              (error: unknown) => {
                if (error instanceof Refusal) return error.code;
                throw error;
              },
            );
            expect(outcome).toBe(full ? 'GROUP_FULL' : 'reserved');
            if (!full) model.set(contractId, 'reserved');
          } else if (step.kind === 'sign') {
            const id = pickOf('reserved', step.pick);
            await write((tx) => enrollPlace(tx, id ?? `${groupId}-none`));
            if (id) model.set(id, 'enrolled');
          } else {
            const id = pickOf(step.kind === 'archive' ? 'enrolled' : 'reserved', step.pick);
            const released = await write((tx) => releasePlace(tx, id ?? `${groupId}-none`));
            expect(released).toBe(id ? 'kg1' : null);
            if (id) model.delete(id);
          }
          const counters = (await handle.db.select().from(groupPlaces).where(eq(groupPlaces.groupId, groupId)))[0]!;
          const holds = await handle.db.select().from(groupHolds).where(eq(groupHolds.groupId, groupId));
          const row = groupSchema.parse((await getRow(handle.db, 'group', groupId))!.data);
          const enrolled = [...model.values()].filter((s) => s === 'enrolled').length;
          const reserved = model.size - enrolled;
          expect(counters.enrolled + counters.reserved).toBeLessThanOrEqual(capacity);
          expect({ enrolled: counters.enrolled, reserved: counters.reserved }).toEqual({ enrolled, reserved });
          expect(holds.length).toBe(model.size);
          expect(row.places).toEqual({ capacity, enrolled, reserved, free: capacity - enrolled - reserved, specialNeeds: 0 });
        }
      }),
      { numRuns: 40 },
    );
  }, 300_000);
});

// Without the server's global write lock (several instances, or a finer lock later), the counter row's lock alone
// must decide a race for the last place: two transactions at once, one reserves, the other is refused.
describe.each(testDatabases)('the last place without the global write lock on $name', (database) => {
  it('one of two concurrent reservations wins, the other is refused GROUP_FULL', async () => {
    const db = await openDatabase(await database.open());
    try {
      await db.db.transaction((tx) =>
        createGroup(tx, {
          id: 'grp-race', orgId: 'kg1', nameKk: 'Топ', nameRu: 'Группа', ageYears: 4, teachingLanguage: 'kk', kind: 'ordinary',
          correctionType: null, specialNeedsLimit: 0, status: 'open', closedOn: null,
        }, 1),
      );
      const attempt = (contractId: string) =>
        db.db.transaction((tx) => reservePlace(tx, 'grp-race', contractId, child, YEAR)).then(
          () => 'reserved',
          (error: unknown) => (error instanceof Refusal ? error.code : Promise.reject(error)),
        );
      const outcomes = await Promise.all([attempt('ctr-a'), attempt('ctr-b')]);
      expect(outcomes.sort()).toEqual(['GROUP_FULL', 'reserved']);
      const counters = (await db.db.select().from(groupPlaces).where(eq(groupPlaces.groupId, 'grp-race')))[0]!;
      expect({ reserved: counters.reserved, capacity: counters.capacity }).toEqual({ reserved: 1, capacity: 1 });
    } finally {
      await db.close();
      await database.drop();
    }
  }, 60_000);
});
