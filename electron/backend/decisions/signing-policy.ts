/**
 * Which organisation and which certificate roles a decision needs (DESIGN §1, §6). The server applies the same rules;
 * checking locally first means a wrong key is refused before anything is queued.
 */
import type { NcaRole } from '../../../domain/pki/oids';
import type { MutationName } from '../../../domain/mutations';
import type { SessionUser } from '../../../domain/sync-protocol';
import type { StaffRole } from '../../../domain/statuses';

export interface SigningPolicy {
  orgKind: 'kindergarten' | 'pmpk';
  /** Staff roles (server data) allowed to take the decision. */
  staffRoles: readonly StaffRole[];
  /** Certificate roles (EKU) accepted on the signing key. */
  certRoles: readonly NcaRole[];
}

const anyStaff: readonly StaffRole[] = ['employee', 'head', 'signer'];
const anyOrgCert: readonly NcaRole[] = ['employee', 'ceo', 'can_sign'];
const signers: readonly StaffRole[] = ['head', 'signer'];
const signerCerts: readonly NcaRole[] = ['ceo', 'can_sign'];

export const signingPolicies: Record<MutationName, SigningPolicy> = {
  'contract.markDocument': { orgKind: 'kindergarten', staffRoles: anyStaff, certRoles: anyOrgCert },
  'contract.returnForRework': { orgKind: 'kindergarten', staffRoles: anyStaff, certRoles: anyOrgCert },
  'contract.offer': { orgKind: 'kindergarten', staffRoles: anyStaff, certRoles: anyOrgCert },
  'contract.archive': { orgKind: 'kindergarten', staffRoles: anyStaff, certRoles: anyOrgCert },
  'contract.sign': { orgKind: 'kindergarten', staffRoles: signers, certRoles: signerCerts },
  'contract.reject': { orgKind: 'kindergarten', staffRoles: signers, certRoles: signerCerts },
  'specialQueue.confirm': { orgKind: 'pmpk', staffRoles: anyStaff, certRoles: anyOrgCert },
  'specialQueue.reject': { orgKind: 'pmpk', staffRoles: anyStaff, certRoles: anyOrgCert },
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
