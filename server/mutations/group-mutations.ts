/** The head's group decisions: create a group, change its capacity, close it at the end of the year. */
import type { MutationArgs } from '../../domain/mutations';
import { signingPolicies } from '../../domain/signing-policy';
import { getRow } from '../store/entity-store';
import { closeGroup, createGroup, updateCapacity } from '../groups/places';
import { loadTarget, requireBaseVersion, requireRole, verifyDecisionSignature, type MutationRun } from './common';
import { refuse } from './refusal';

/** The kindergarten of the user where the user's staff roles allow this group decision (its own policy entry). */
function kindergartenOf(run: MutationRun): string {
  const policy = signingPolicies[run.name];
  const membership = run.user.memberships.find((m) => m.org.kind === policy.orgKind && m.staff.roles.some((r) => policy.staffRoles.includes(r)));
  if (!membership) throw refuse('ROLE_NOT_ALLOWED');
  return membership.org.id;
}

export async function createGroupMutation(run: MutationRun, args: MutationArgs<'group.create'>): Promise<void> {
  const orgId = kindergartenOf(run);
  if (await getRow(run.tx, 'group', args.groupId)) throw refuse('ID_TAKEN');
  await verifyDecisionSignature(run, orgId, args.cms);
  const { cms: _cms, capacity, ...fields } = args;
  await createGroup(run.tx, { ...fields, id: args.groupId, orgId, status: 'open', closedOn: null }, capacity);
  run.touchedOrgs.add(orgId);
}

async function openGroup(run: MutationRun, groupId: string) {
  const row = await loadTarget(run, 'group', groupId);
  requireRole(run, row.orgId);
  requireBaseVersion(run, row);
  if (row.data.status === 'closed') throw refuse('GROUP_CLOSED');
  run.touchedOrgs.add(row.orgId);
  return row;
}

export async function updateGroupMutation(run: MutationRun, args: MutationArgs<'group.update'>): Promise<void> {
  const row = await openGroup(run, args.groupId);
  await verifyDecisionSignature(run, row.orgId, args.cms);
  await updateCapacity(run.tx, row.id, args.capacity, args.specialNeedsLimit);
}

export async function closeGroupMutation(run: MutationRun, args: MutationArgs<'group.close'>): Promise<void> {
  const row = await openGroup(run, args.groupId);
  await verifyDecisionSignature(run, row.orgId, args.cms);
  await closeGroup(run.tx, row.id, args.closedOn);
}
