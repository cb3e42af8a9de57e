/**
 * Places of kindergarten groups. `group_places` holds the counters and `group_holds` the place each contract
 * holds. Every change locks the group's counter row first (SELECT … FOR UPDATE), so two offers racing for the last
 * place are decided one after the other whatever the surrounding transaction locks; the table's CHECK refuses
 * over-capacity writes as a last line. After each change the synced group row mirrors the counters.
 */
import { and, eq } from 'drizzle-orm';
import type { Group } from '../../domain/entities';
import { groupMismatchCodes, groupMismatchesFor, placesOf, type ChildForFit, type GroupPlaces } from '../../domain/groups';
import type { ServerTx } from '../db/connect';
import { groupHolds, groupPlaces } from '../db/schema';
import { refuse } from '../mutations/refusal';
import { getRow, putRow } from '../store/entity-store';

type Counters = typeof groupPlaces.$inferSelect;

const placesFrom = (c: Counters): GroupPlaces =>
  placesOf({ capacity: c.capacity, enrolled: c.enrolled, reserved: c.reserved, specialNeeds: c.specialNeeds });

async function lockCounters(tx: ServerTx, groupId: string): Promise<Counters> {
  const rows = await tx.select().from(groupPlaces).where(eq(groupPlaces.groupId, groupId)).for('update');
  if (!rows[0]) throw new Error(`group ${groupId} has no places row`);
  return rows[0];
}

/** Writes the counters and mirrors them into the synced group row (plus any other field changes). */
async function store(tx: ServerTx, groupId: string, counters: Counters, changes: Partial<Group> = {}): Promise<Group> {
  await tx
    .update(groupPlaces)
    .set({ capacity: counters.capacity, enrolled: counters.enrolled, reserved: counters.reserved, specialNeeds: counters.specialNeeds })
    .where(eq(groupPlaces.groupId, groupId));
  const row = await getRow(tx, 'group', groupId);
  if (!row) throw new Error(`group ${groupId} has no row`);
  const saved = await putRow(tx, 'group', row.orgId, { ...row.data, ...changes, places: placesFrom(counters) });
  return saved.data;
}

/** Stores a new, empty group. */
export async function createGroup(tx: ServerTx, group: Omit<Group, 'version' | 'places'>, capacity: number): Promise<Group> {
  await tx.insert(groupPlaces).values({ groupId: group.id, orgId: group.orgId, capacity });
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
  await tx.insert(groupHolds).values({ contractId, groupId, state: 'reserved', specialNeeds });
  return store(tx, groupId, { ...counters, reserved: counters.reserved + 1, specialNeeds: counters.specialNeeds + (specialNeeds ? 1 : 0) });
}

async function holdOf(tx: ServerTx, contractId: string) {
  const rows = await tx.select().from(groupHolds).where(eq(groupHolds.contractId, contractId));
  return rows[0] ?? null;
}

/** Signing the contract: the reservation becomes an enrollment. No-op for a contract without a reservation. */
export async function enrollPlace(tx: ServerTx, contractId: string): Promise<Group | null> {
  const hold = await holdOf(tx, contractId);
  if (!hold || hold.state !== 'reserved') return null;
  const counters = await lockCounters(tx, hold.groupId);
  await tx.update(groupHolds).set({ state: 'enrolled' }).where(eq(groupHolds.contractId, contractId));
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
  await tx.delete(groupHolds).where(and(eq(groupHolds.contractId, contractId), eq(groupHolds.groupId, hold.groupId)));
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

