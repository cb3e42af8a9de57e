/**
 * What the desktop trusts when it judges someone's signature: the NCA roots, and — while the server is reachable —
 * the certificate's revocation status (OCSP, CRL fallback). Offline the verdict says revocation was not checked;
 * the server checks it anyway before it applies anything.
 */
import { digestByOid, type ContentDigest } from '../../../domain/pki/digest';
import { createRevocationChecker, type RevocationCheck, type RevocationConfig } from '../../../domain/pki/revocation';

export interface SignatureTrust {
  trustedRootsPem: readonly string[];
  /** `path`: the signer's certificate, then its issuer (DER), as verifyCms returns them. */
  revocation(path: readonly Uint8Array[], now: Date): Promise<RevocationCheck>;
  /** How the signed document is hashed (off the API thread in the app). */
  digestContent: ContentDigest;
}

export function notCheckedOffline(now: Date): RevocationCheck {
  return {
    status: 'not-checked-offline', method: null, source: null, responder: null, checkedAt: now.toISOString(),
    thisUpdate: null, nextUpdate: null, revokedAt: null, failures: [],
  };
}

export function signatureTrust(
  trustedRootsPem: readonly string[], revocation: RevocationConfig, online: () => boolean, digestContent: ContentDigest = digestByOid,
): SignatureTrust {
  const checker = createRevocationChecker(revocation);
  return {
    trustedRootsPem,
    digestContent,
    async revocation(path, now) {
      const [leaf, issuer] = path;
      if (!online() || !leaf || !issuer) return notCheckedOffline(now);
      return checker.check(leaf, issuer, now);
    },
  };
}
