// A CMS verdict as a plain JSON report, one entry per signer: what support staff, `npm run cms:verify` and the
// signature details panel show. Revocation and timestamps are reported as checked elsewhere (the server) or absent.
import { allowsUsage } from './certificate-info';
import type { InspectCmsResult, SignerVerdict } from './verify-cms';

export interface SignerReport {
  valid: boolean;
  /** null when valid, else the failure code. */
  failure: string | null;
  message: string | null;
  name: string | null;
  iin: string | null;
  bin: string | null;
  organisation: string | null;
  roles: string[];
  keyUsage: { sign: boolean; auth: boolean } | null;
  algorithm: string | null;
  certificateSerial: string | null;
  certificateValidity: { from: string; to: string } | null;
  signingTime: string | null;
  /** Subject DNs from the signer up to the trust anchor. */
  chain: string[];
  revocation: 'not-checked';
  timestamp: 'absent';
}

export interface CmsReport {
  valid: boolean;
  /** The first failure code over the whole CMS, or null. */
  failure: string | null;
  checkedAt: string;
  signers: SignerReport[];
}

function signerReport(verdict: SignerVerdict): SignerReport {
  const signer = verdict.signer;
  return {
    valid: verdict.ok,
    failure: verdict.ok ? null : verdict.code,
    message: verdict.ok ? null : verdict.message,
    name: signer?.fullName ?? null,
    iin: signer?.iin ?? null,
    bin: signer?.bin ?? null,
    organisation: signer?.organisation ?? null,
    roles: signer?.roles ?? [],
    keyUsage: signer ? { sign: allowsUsage(signer, 'sign'), auth: allowsUsage(signer, 'auth') } : null,
    algorithm: signer?.signatureAlgorithm ?? signer?.algorithm ?? null,
    certificateSerial: signer?.serialNumber ?? null,
    certificateValidity: signer ? { from: signer.notBefore.toISOString(), to: signer.notAfter.toISOString() } : null,
    signingTime: signer?.signingTime?.toISOString() ?? null,
    chain: signer?.chain ?? [],
    revocation: 'not-checked',
    timestamp: 'absent',
  };
}

export function cmsReport(result: InspectCmsResult, checkedAt: Date): CmsReport {
  if (!result.ok) return { valid: false, failure: result.code, checkedAt: checkedAt.toISOString(), signers: result.signer ? [signerReport(result)] : [] };
  const signers = result.signers.map(signerReport);
  const firstFailure = signers.find((s) => !s.valid)?.failure ?? null;
  return { valid: firstFailure === null, failure: firstFailure, checkedAt: checkedAt.toISOString(), signers };
}
