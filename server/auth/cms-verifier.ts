/**
 * What the server needs from CMS verification (domain/pki does the cryptography): who signed, with which
 * certificate, and whether the signature covers the expected bytes, chains to a trusted root and is not revoked.
 */
import type { RevocationCheck } from '../../domain/pki/revocation';

export type StaffCertRole = 'ceo' | 'can_sign' | 'employee' | 'individual' | 'other';

export interface VerifiedSigner {
  iin: string;
  bin: string | null;
  fullName: string;
  certSerial: string;
  role: StaffCertRole;
  signedAt: string;
  /** The revocation check made for this signature; null when the server is configured without one (demo). */
  revocation: RevocationCheck | null;
}

export type CmsCheck =
  | { ok: true; signer: VerifiedSigner }
  /** `retryable`: nothing is wrong with the signature itself, the same request may succeed later (revocation unknown). */
  | { ok: false; code: string; message: string; retryable?: boolean };

export interface CmsRequest {
  cmsBase64: string;
  /** The bytes the signature must cover: the attached content must equal them, or a detached CMS is checked over them. */
  content: Uint8Array;
  detached: boolean;
  /** `auth` requires a key usable for authentication, `sign` one usable for signing documents. */
  purpose: 'auth' | 'sign';
}

export interface CmsVerifier {
  verify(request: CmsRequest, now: Date): Promise<CmsCheck>;
}
