/**
 * Which organisation, staff roles and certificate roles a decision needs (DESIGN §1, §6). The client checks them
 * before asking NCALayer and the server enforces the same table, so the two can never disagree.
 */
import type { NcaRole } from './pki/oids';
import type { MutationName } from './mutations';
import type { SessionUser } from './sync-protocol';
import type { StaffRole } from './statuses';

/** Certificate roles of an organisation's staff that may sign decisions. */
export type OrgCertRole = Extract<NcaRole, 'ceo' | 'can_sign' | 'employee'>;

export interface SigningPolicy {
  orgKind: 'kindergarten' | 'pmpk';
  /** Staff roles (server data) allowed to take the decision. */
  staffRoles: readonly StaffRole[];
  /** Certificate roles (EKU) accepted on the signing key. */
  certRoles: readonly OrgCertRole[];
}

const anyStaff: readonly StaffRole[] = ['employee', 'head', 'signer'];
const anyOrgCert: readonly OrgCertRole[] = ['employee', 'ceo', 'can_sign'];
const signers: readonly StaffRole[] = ['head', 'signer'];
const signerCerts: readonly OrgCertRole[] = ['ceo', 'can_sign'];

export const signingPolicies: Record<MutationName, SigningPolicy> = {
  'contract.markDocument': { orgKind: 'kindergarten', staffRoles: anyStaff, certRoles: anyOrgCert },
  'contract.returnForRework': { orgKind: 'kindergarten', staffRoles: anyStaff, certRoles: anyOrgCert },
  'contract.offer': { orgKind: 'kindergarten', staffRoles: anyStaff, certRoles: anyOrgCert },
  'contract.archive': { orgKind: 'kindergarten', staffRoles: anyStaff, certRoles: anyOrgCert },
  'contract.sign': { orgKind: 'kindergarten', staffRoles: signers, certRoles: signerCerts },
  'contract.reject': { orgKind: 'kindergarten', staffRoles: signers, certRoles: signerCerts },
  'specialQueue.confirm': { orgKind: 'pmpk', staffRoles: anyStaff, certRoles: anyOrgCert },
  'specialQueue.reject': { orgKind: 'pmpk', staffRoles: anyStaff, certRoles: anyOrgCert },
  'group.create': { orgKind: 'kindergarten', staffRoles: signers, certRoles: signerCerts },
  'group.update': { orgKind: 'kindergarten', staffRoles: signers, certRoles: signerCerts },
  'group.close': { orgKind: 'kindergarten', staffRoles: signers, certRoles: signerCerts },
};

/** The user's organisation of the right kind, or null when the user may not take this decision at all. */
export function organisationFor(user: SessionUser, name: MutationName): SessionUser['orgs'][number] | null {
  const policy = signingPolicies[name];
  if (!user.roles.some((r) => policy.staffRoles.includes(r))) return null;
  return user.orgs.find((o) => o.kind === policy.orgKind) ?? null;
}

/** True when the user's staff roles allow the decision (used by the UI to enable buttons). */
export function mayDecide(user: SessionUser | null, name: MutationName): boolean {
  return !!user && organisationFor(user, name) !== null;
}
