/**
 * Places of kindergarten groups. `group_places` holds the counters and `group_holds` the place each contract
 * holds. The first read of a group's counters in a transaction locks the row (SELECT … FOR UPDATE), so two offers
 * racing for the last place are decided one after the other whatever the surrounding transaction locks; the
 * table's CHECK refuses over-capacity writes as a last line. After each change the synced group row mirrors the
 * counters. Both tables are side tables of the push's unit of work (store/unit-registry.ts): inside a push their
 * writes are buffered with the batch's rows and undone with a refused mutation.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Group } from '../../domain/entities';
import { groupMismatchCodes, groupMismatchesFor, placesOf, type ChildForFit, type GroupPlaces } from '../../domain/groups';
import type { ServerTx } from '../db/connect';
import { groupHolds, groupPlaces } from '../db/schema';
import { refuse } from '../mutations/refusal';
import { getRow, putRow } from '../store/entity-store';
import { sideRows, type SideTable } from '../store/unit-registry';

type Counters = typeof groupPlaces.$inferSelect;
type Hold = typeof groupHolds.$inferSelect;

export const counterRows: SideTable<Counters> = {
  flushOrder: 0,
  keyOf: (c) => c.groupId,
  // Locked in key order, so two batches naming the same groups never wait on each other in a cycle.
  load: (tx, keys) => tx.select().from(groupPlaces).where(inArray(groupPlaces.groupId, [...keys])).orderBy(groupPlaces.groupId).for('update'),
  write: async (tx, rows, removed) => {
    if (removed.length > 0) throw new Error('group places are never deleted');
    if (rows.length === 0) return 0;
    await tx
      .insert(groupPlaces)
      .values([...rows])
      .onConflictDoUpdate({
        target: groupPlaces.groupId,
        set: { capacity: sql`excluded.capacity`, enrolled: sql`excluded.enrolled`, reserved: sql`excluded.reserved`, specialNeeds: sql`excluded.special_needs` },
      });
    return 1;
  },
};

export const holdRows: SideTable<Hold> = {
  flushOrder: 1,
  keyOf: (h) => h.contractId,
  load: (tx, keys) => tx.select().from(groupHolds).where(inArray(groupHolds.contractId, [...keys])),
  write: async (tx, rows, removed) => {
    if (removed.length > 0) await tx.delete(groupHolds).where(inArray(groupHolds.contractId, [...removed]));
    if (rows.length > 0) {
      await tx
        .insert(groupHolds)
        .values([...rows])
        .onConflictDoUpdate({ target: groupHolds.contractId, set: { groupId: sql`excluded.group_id`, state: sql`excluded.state`, specialNeeds: sql`excluded.special_needs` } });
    }
    return (removed.length > 0 ? 1 : 0) + (rows.length > 0 ? 1 : 0);
  },
};

const placesFrom = (c: Counters): GroupPlaces =>
  placesOf({ capacity: c.capacity, enrolled: c.enrolled, reserved: c.reserved, specialNeeds: c.specialNeeds });

async function lockCounters(tx: ServerTx, groupId: string): Promise<Counters> {
  const counters = await sideRows(tx, counterRows).get(groupId);
  if (!counters) throw new Error(`group ${groupId} has no places row`);
  return counters;
}

/** Writes the counters and mirrors them into the synced group row (plus any other field changes). */
async function store(tx: ServerTx, groupId: string, counters: Counters, changes: Partial<Group> = {}): Promise<Group> {
  await sideRows(tx, counterRows).put(counters);
  const row = await getRow(tx, 'group', groupId);
  if (!row) throw new Error(`group ${groupId} has no row`);
  const saved = await putRow(tx, 'group', row.orgId, { ...row.data, ...changes, places: placesFrom(counters) });
  return saved.data;
}

/** Stores a new, empty group. */
export async function createGroup(tx: ServerTx, group: Omit<Group, 'version' | 'places'>, capacity: number): Promise<Group> {
  await sideRows(tx, counterRows).put({ groupId: group.id, orgId: group.orgId, capacity, enrolled: 0, reserved: 0, specialNeeds: 0 });
  const saved = await putRow(tx, 'group', group.orgId, { ...group, places: placesOf({ capacity, enrolled: 0, reserved: 0, specialNeeds: 0 }) });
  return saved.data;
}

/**
 * Reserves a place of the group for the contract, or refuses with the first reason the group cannot take the
 * child. `year` is the calendar year the child's age is counted for.
 */
export async function reservePlace(tx: ServerTx, groupId: string, contractId: string, child: ChildForFit, year: number): Promise<Group> {
  const counters = await lockCounters(tx, groupId);
  const row = await getRow(tx, 'group', groupId);
  if (!row) throw new Error(`group ${groupId} has no row`);
  const reasons = groupMismatchesFor({ ...row.data, places: placesFrom(counters) }, child, year);
  if (reasons.length > 0) throw refuse(groupMismatchCodes[reasons[0]!]);
  const specialNeeds = child.correctionType !== null;
  await sideRows(tx, holdRows).put({ contractId, groupId, state: 'reserved', specialNeeds });
  return store(tx, groupId, { ...counters, reserved: counters.reserved + 1, specialNeeds: counters.specialNeeds + (specialNeeds ? 1 : 0) });
}

const holdOf = (tx: ServerTx, contractId: string) => sideRows(tx, holdRows).get(contractId);

/** Signing the contract: the reservation becomes an enrollment. No-op for a contract without a reservation. */
export async function enrollPlace(tx: ServerTx, contractId: string): Promise<Group | null> {
  const hold = await holdOf(tx, contractId);
  if (!hold || hold.state !== 'reserved') return null;
  const counters = await lockCounters(tx, hold.groupId);
  await sideRows(tx, holdRows).put({ ...hold, state: 'enrolled' });
  return store(tx, hold.groupId, { ...counters, reserved: counters.reserved - 1, enrolled: counters.enrolled + 1 });
}

/**
 * Frees the place a contract holds: a reservation (the offer expired, was rejected or withdrawn) or an enrollment
 * (the child was archived). Idempotent; returns the group's organisation (to poke its staff) or null when the
 * contract held nothing. The offer-expiry scheduler calls this inside its transaction.
 */
export async function releasePlace(tx: ServerTx, contractId: string): Promise<string | null> {
  const hold = await holdOf(tx, contractId);
  if (!hold) return null;
  const counters = await lockCounters(tx, hold.groupId);
  await sideRows(tx, holdRows).remove(contractId);
  const field = hold.state === 'reserved' ? 'reserved' : 'enrolled';
  await store(tx, hold.groupId, {
    ...counters,
    [field]: counters[field] - 1,
    specialNeeds: counters.specialNeeds - (hold.specialNeeds ? 1 : 0),
  });
  return counters.orgId;
}

/** New capacity and special-needs limit; refused below the places already held. */
export async function updateCapacity(tx: ServerTx, groupId: string, capacity: number, specialNeedsLimit: number): Promise<Group> {
  const counters = await lockCounters(tx, groupId);
  const held = counters.enrolled + counters.reserved;
  if (capacity < held) throw refuse('GROUP_CAPACITY_BELOW_HELD', { held });
  return store(tx, groupId, { ...counters, capacity }, { specialNeedsLimit });
}

export async function closeGroup(tx: ServerTx, groupId: string, closedOn: string): Promise<Group> {
  const counters = await lockCounters(tx, groupId);
  return store(tx, groupId, counters, { status: 'closed', closedOn });
}

