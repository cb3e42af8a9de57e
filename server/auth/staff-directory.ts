/** Staff memberships (synced `staff` and `organisation` rows) looked up by IIN: who a logged-in user is. */
import { and, eq, sql } from 'drizzle-orm';
import type { Organisation, Staff } from '../../domain/entities';
import type { SessionUser } from '../../domain/sync-protocol';
import type { StaffRole } from '../../domain/statuses';
import { entities } from '../db/schema';
import type { Queryable } from '../db/connect';

export interface Membership {
  staff: Staff;
  org: Organisation;
}

export interface StaffUser {
  iin: string;
  fullName: string;
  memberships: Membership[];
  /** The organisations whose rows the user may see. */
  orgIds: string[];
}

export async function findStaffUser(db: Queryable, iin: string): Promise<StaffUser | null> {
  const staffRows = await db
    .select({ data: entities.data })
    .from(entities)
    .where(and(eq(entities.entity, 'staff'), eq(entities.deleted, false), sql`${entities.data}->>'iin' = ${iin}`));
  const memberships: Membership[] = [];
  for (const { data } of staffRows) {
    const staff = data as Staff;
    const orgRows = await db
      .select({ data: entities.data })
      .from(entities)
      .where(and(eq(entities.entity, 'organisation'), eq(entities.id, staff.orgId), eq(entities.deleted, false)));
    if (orgRows[0]) memberships.push({ staff, org: orgRows[0].data as Organisation });
  }
  if (memberships.length === 0) return null;
  memberships.sort((a, b) => a.org.id.localeCompare(b.org.id));
  return { iin, fullName: memberships[0]!.staff.fullName, memberships, orgIds: memberships.map((m) => m.org.id) };
}

export function membershipAt(user: StaffUser, orgId: string): Membership | undefined {
  return user.memberships.find((m) => m.org.id === orgId);
}

export function hasRole(user: StaffUser, orgId: string, roles: readonly StaffRole[]): boolean {
  return membershipAt(user, orgId)?.staff.roles.some((r) => roles.includes(r)) ?? false;
}

/** A fingerprint of what the user may see; a client bootstrapped under another scope must re-bootstrap. */
export function scopeKey(user: StaffUser): string {
  return user.orgIds.join(',');
}

export function toSessionUser(user: StaffUser): SessionUser {
  return {
    id: user.memberships[0]!.staff.id,
    iin: user.iin,
    fullName: user.fullName,
    roles: [...new Set(user.memberships.flatMap((m) => m.staff.roles))],
    orgs: user.memberships.map((m) => ({ id: m.org.id, bin: m.org.bin, kind: m.org.kind, name: m.org.nameRu })),
  };
}
