/** The head's group decisions: create a group, change its capacity, close it at the end of the year. */
import type { MutationArgs } from '../../domain/mutations';
import { signingPolicies } from '../../domain/signing-policy';
import { getRow } from '../store/entity-store';
import { closeGroup, createGroup, updateCapacity } from '../groups/places';
import { loadTarget, requireBaseVersion, requireRole, verifyDecisionSignature, type MutationRun } from './common';
import { refuse } from './refusal';

const policy = signingPolicies['group.create'];

/** The kindergarten of the user where the user's staff roles allow managing groups. */
function kindergartenOf(run: MutationRun): string {
  const membership = run.user.memberships.find((m) => m.org.kind === policy.orgKind && m.staff.roles.some((r) => policy.staffRoles.includes(r)));
  if (!membership) throw refuse('ROLE_NOT_ALLOWED');
  return membership.org.id;
}

export async function createGroupMutation(run: MutationRun, args: MutationArgs<'group.create'>): Promise<void> {
  const orgId = kindergartenOf(run);
  if (await getRow(run.tx, 'group', args.groupId)) throw refuse('ID_TAKEN');
  await verifyDecisionSignature(run, orgId, args.cms, policy.certRoles);
  const { cms: _cms, capacity, ...fields } = args;
  await createGroup(run.tx, { ...fields, id: args.groupId, orgId, status: 'open', closedOn: null }, capacity);
  run.touchedOrgs.add(orgId);
}

async function openGroup(run: MutationRun, groupId: string) {
  const row = await loadTarget(run, 'group', groupId);
  requireRole(run, row.orgId, policy.staffRoles);
  requireBaseVersion(run, row);
  if (row.data.status === 'closed') throw refuse('GROUP_CLOSED');
  run.touchedOrgs.add(row.orgId);
  return row;
}

export async function updateGroupMutation(run: MutationRun, args: MutationArgs<'group.update'>): Promise<void> {
  const row = await openGroup(run, args.groupId);
  await verifyDecisionSignature(run, row.orgId, args.cms, policy.certRoles);
  await updateCapacity(run.tx, row.id, args.capacity, args.specialNeedsLimit);
}

export async function closeGroupMutation(run: MutationRun, args: MutationArgs<'group.close'>): Promise<void> {
  const row = await openGroup(run, args.groupId);
  await verifyDecisionSignature(run, row.orgId, args.cms, policy.certRoles);
  await closeGroup(run.tx, row.id, args.closedOn);
}
