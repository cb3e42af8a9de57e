// The compiled fast validator of synced rows against zod, the authority: on the rows of a real demo server and on
// thousands of damaged copies of them, whatever the fast path accepts zod accepts too and returns unchanged.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFastValidator } from '../../../domain/fast-validator';
import { entityNames, entitySchemas, type EntityName } from '../../../domain/entities';
import { entities } from '../../../server/db/schema';
import type { RunningServer } from '../../../server/index';
import { startReferenceServer } from './support/reference-server';
import { validatedRowJson } from '../../../electron/backend/sync/replica';

const fast = Object.fromEntries(entityNames.map((e) => [e, compileFastValidator(entitySchemas[e])])) as Record<EntityName, (v: unknown) => boolean>;

/** The property: a fast yes means zod says yes with the very same value. */
function agreesWithZod(entity: EntityName, value: unknown): boolean {
  if (!fast[entity](value)) return true;
  const parsed = entitySchemas[entity].safeParse(value);
  return parsed.success && isDeepStrictEqual(parsed.data, value);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside `value` (object keys and array indexes). */
function paths(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [prefix];
  const children = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...children.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

type Damage = { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'add'; key: string; value: unknown };

/** A copy of `row` with the value at `path` replaced, deleted, or given an extra key. */
function damaged(row: Json, path: Array<string | number>, damage: Damage): unknown {
  const copy = structuredClone(row) as Record<string | number, unknown>;
  if (path.length === 0) return damage.kind === 'set' ? damage.value : copy;
  let parent = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (damage.kind === 'set') parent[last] = damage.value;
  else if (damage.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    const target = parent[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>)[damage.key] = damage.value;
  }
  return copy;
}

/** Values that look almost right: the kind of thing a buggy or hostile server sends. */
const nearMisses = fc.oneof(
  fc.constantFrom('', ' ', 'x'.repeat(65), '2026-13-01', '2026-02-30', '2026-10-05T05:00:00', '2026-10-05T05:00:00.000Z', '2026-10-05', '12345678901', '123456789012', 'a'.repeat(64), 'A'.repeat(64), '\u0000', 'ok\u0007', '\ud800', '\ufffe', 'approved', 'submitted', 'kk', 'ru'),
  fc.constantFrom(0, -1, 1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Number.POSITIVE_INFINITY, true, false, null, [], {}, ['x'], [''], { id: 'x' }),
  fc.string({ maxLength: 80, unit: 'binary' }),
  fc.integer(),
  fc.double(),
  fc.anything({ maxDepth: 2 }),
);

describe('fast validator of synced rows', () => {
  let server: RunningServer;
  let rows: Array<{ entity: EntityName; data: Json }>;
  beforeAll(async () => {
    server = await startReferenceServer();
    rows = (await server.db.select({ entity: entities.entity, data: entities.data }).from(entities)).map((r) => ({ entity: r.entity as EntityName, data: r.data as Json }));
  }, 180_000);
  afterAll(async () => {
    await server?.close();
  });

  it('takes the fast path for the real rows of every entity whose schema it models, and agrees with zod on all', () => {
    const byEntity = new Map<EntityName, { total: number; fast: number }>();
    for (const row of rows) {
      expect(entitySchemas[row.entity].safeParse(row.data).success).toBe(true);
      expect(agreesWithZod(row.entity, row.data)).toBe(true);
      const tally = byEntity.get(row.entity) ?? { total: 0, fast: 0 };
      tally.total++;
      if (fast[row.entity](row.data)) tally.fast++;
      byEntity.set(row.entity, tally);
    }
    // Group names are trimmed by zod (a transform), so groups always go to zod; every other entity is modelled.
    for (const entity of ['organisation', 'staff', 'direction', 'contract', 'contractDocument', 'historyEvent', 'specialQueueApplication'] as const) {
      const tally = byEntity.get(entity);
      expect(tally, entity).toBeDefined();
      expect(tally!.fast, entity).toBe(tally!.total);
    }
    expect(byEntity.get('group')?.fast ?? 0).toBe(0);
  });

  it('never accepts a damaged row that zod refuses or would change', () => {
    const damage = fc.oneof(
      nearMisses.map((value): Damage => ({ kind: 'set', value })),
      fc.constant<Damage>({ kind: 'delete' }),
      fc.record({ key: fc.oneof(fc.constantFrom('id', 'extra', '__proto__', 'constructor', 'version'), fc.string({ maxLength: 8 })), value: nearMisses }).map((d): Damage => ({ kind: 'add', ...d })),
    );
    const rowArbitrary = fc.integer({ min: 0, max: rows.length - 1 }).chain((i) => {
      const row = rows[i]!;
      const all = paths(row.data);
      return fc.tuple(fc.constant(row), fc.array(fc.tuple(fc.constantFrom(...all), damage), { minLength: 1, maxLength: 3 }));
    });
    fc.assert(
      fc.property(rowArbitrary, ([row, damages]) => {
        let value: unknown = row.data;
        for (const [path, d] of damages) {
          try {
            value = damaged(value as Json, path, d);
          } catch {
            // An earlier damage removed the path: the value stays as it is.
          }
        }
        return agreesWithZod(row.entity, value);
      }),
      { numRuns: 4000, seed: 20_261_207 },
    );
  });

  it('agrees with zod on arbitrary values of every entity', () => {
    fc.assert(
      fc.property(fc.constantFrom(...entityNames), fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }), (entity, value) => agreesWithZod(entity, value)),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('the replica stores a row the fast path accepts as sent, cleans what zod would clean and refuses what zod refuses', () => {
    const contract = rows.find((r) => r.entity === 'contract')!.data as Record<string, Json>;
    expect(validatedRowJson('contract', contract)).toBe(JSON.stringify(contract));
    expect(JSON.parse(validatedRowJson('contract', { ...contract, extra: 1 }))).toEqual(contract);
    const { pmpkConclusion: _dropped, ...withoutDefault } = contract;
    expect(JSON.parse(validatedRowJson('contract', withoutDefault))).toEqual({ ...withoutDefault, pmpkConclusion: false });
    expect(() => validatedRowJson('contract', { ...contract, updatedAt: '2026-10-05' })).toThrow(expect.objectContaining({ code: 'SYNC_INVALID_ROW' }));
  });
});
