/** CmsVerifier over domain/pki: chain to the configured roots, validity, key usage, exact content. */
import { verifyCms, type NcaRole } from '../../domain/pki';
import { bytesEqual } from '../../domain/pki/bytes';
import type { CmsVerifier, StaffCertRole } from './cms-verifier';

function staffRole(roles: readonly NcaRole[]): StaffCertRole {
  for (const role of ['ceo', 'can_sign', 'employee', 'individual'] as const) if (roles.includes(role)) return role;
  return 'other';
}

export function pkiVerifier(trustedRootsPem: readonly string[]): CmsVerifier {
  return {
    async verify(request, now) {
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
      return {
        ok: true,
        signer: {
          iin: s.iin,
          bin: s.bin,
          fullName: s.fullName,
          certSerial: s.serialNumber,
          role: staffRole(s.roles),
          signedAt: (s.signingTime ?? now).toISOString(),
        },
      };
    },
  };
}
