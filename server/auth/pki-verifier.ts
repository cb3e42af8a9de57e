/** CmsVerifier over domain/pki: chain to the configured roots, validity, key usage, exact content, revocation. */
import { verifyCms, type NcaRole } from '../../domain/pki';
import { bytesEqual } from '../../domain/pki/bytes';
import type { RevocationChecker } from '../../domain/pki/revocation';
import type { CmsCheck, CmsVerifier, StaffCertRole } from './cms-verifier';

function staffRole(roles: readonly NcaRole[]): StaffCertRole {
  for (const role of ['ceo', 'can_sign', 'employee', 'individual'] as const) if (roles.includes(role)) return role;
  return 'other';
}

export interface PkiVerifierOptions {
  /** Fail-closed revocation check of every signer; absent = not checked (demo and tests without responders). */
  revocation?: RevocationChecker;
}

export function pkiVerifier(trustedRootsPem: readonly string[], options: PkiVerifierOptions = {}): CmsVerifier {
  return {
    async verify(request, now): Promise<CmsCheck> {
      const result = await verifyCms({
        cms: request.cmsBase64,
        ...(request.detached ? { content: request.content } : {}),
        trustedRoots: trustedRootsPem,
        at: now,
        expect: { usage: request.purpose },
      });
      if (!result.ok) return { ok: false, code: `CMS_${result.code}`, message: result.message };
      if (!request.detached && !bytesEqual(result.content, request.content)) {
        return { ok: false, code: 'CMS_CONTENT_MISMATCH', message: 'the signed content differs from what was expected' };
      }
      const s = result.signer;
      if (!s.iin) return { ok: false, code: 'CMS_NO_IIN', message: 'the certificate carries no IIN' };
      let revocation = null;
      if (options.revocation) {
        const [leaf, issuer] = result.signer.path;
        if (!leaf || !issuer) return { ok: false, code: 'CMS_UNTRUSTED_CHAIN', message: 'a self-signed signer certificate has no CA to ask about revocation' };
        revocation = await options.revocation.check(leaf, issuer, now);
        if (revocation.status === 'revoked') {
          return { ok: false, code: 'CMS_CERT_REVOKED', message: `the certificate was revoked${revocation.revokedAt ? ` on ${revocation.revokedAt}` : ''} (${revocation.source})` };
        }
        if (revocation.status !== 'good') {
          const why = revocation.failures.map((f) => `${f.source}: ${f.reason}`).join('; ');
          return { ok: false, code: 'REVOCATION_UNAVAILABLE', message: `the certificate's revocation status cannot be checked now (${why})`, retryable: true };
        }
      }
      return {
        ok: true,
        signer: {
          iin: s.iin,
          bin: s.bin,
          fullName: s.fullName,
          certSerial: s.serialNumber,
          role: staffRole(s.roles),
          signedAt: (s.signingTime ?? now).toISOString(),
          revocation,
        },
      };
    },
  };
}
