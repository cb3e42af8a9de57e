// Who may answer for a certificate's status: its issuing CA, or a responder the CA delegated to (issued by that CA,
// extendedKeyUsage id-kp-OCSPSigning, valid now). Freshness of an answer is judged by one rule for OCSP and CRLs.
import * as pkijs from 'pkijs';
import { bytesEqual } from '../bytes';
import { OID } from '../oids';
import { signedBy } from '../signed-bytes';

/** Clock difference tolerated between us and the responder. */
export const CLOCK_SKEW_MS = 5 * 60_000;

export class RevocationSourceError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'RevocationSourceError';
  }
}

function der(cert: pkijs.Certificate): Uint8Array {
  return new Uint8Array(cert.toSchema(true).toBER(false));
}

export function sameCertificate(a: pkijs.Certificate, b: pkijs.Certificate): boolean {
  return bytesEqual(der(a), der(b));
}

function extKeyUsage(cert: pkijs.Certificate): string[] {
  const value = cert.extensions?.find((e) => e.extnID === OID.extKeyUsage)?.parsedValue;
  return value instanceof pkijs.ExtKeyUsage ? value.keyPurposes : [];
}

/** Throws unless `responder` is the CA itself or a valid delegated OCSP signer of it. */
export async function requireAuthorisedResponder(responder: pkijs.Certificate, issuer: pkijs.Certificate, now: Date): Promise<void> {
  if (sameCertificate(responder, issuer)) return;
  if (!responder.issuer.isEqual(issuer.subject) || !(await signedBy(responder.tbsView, responder.signatureValue, responder.signatureAlgorithm, issuer))) {
    throw new RevocationSourceError('the OCSP responder certificate is not issued by the certificate\'s CA');
  }
  if (!extKeyUsage(responder).includes(OID.ekuOcspSigning)) {
    throw new RevocationSourceError('the OCSP responder certificate lacks id-kp-OCSPSigning');
  }
  if (now < responder.notBefore.value || now > responder.notAfter.value) {
    throw new RevocationSourceError('the OCSP responder certificate is not valid now');
  }
}

/**
 * An answer is fresh when it was produced no later than now (within the skew) and is not past its nextUpdate;
 * without nextUpdate it may be at most `maxAgeMs` old.
 */
export function requireFresh(thisUpdate: Date, nextUpdate: Date | null, now: Date, maxAgeMs: number): void {
  if (thisUpdate.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new RevocationSourceError('the answer is dated in the future');
  if (nextUpdate && now.getTime() > nextUpdate.getTime() + CLOCK_SKEW_MS) throw new RevocationSourceError('the answer is past its nextUpdate');
  if (!nextUpdate && now.getTime() - thisUpdate.getTime() > maxAgeMs) throw new RevocationSourceError('the answer is too old');
}
