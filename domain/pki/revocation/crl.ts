// CRLs (RFC 5280 §5): a full CRL and an optional delta CRL, each signed by the certificate's issuing CA and fresh;
// the certificate is revoked when the delta lists it, or the base does and the delta does not take it back.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from '../bytes';
import { ensurePkiEngine } from '../engine';
import { OID } from '../oids';
import { signedBy } from '../signed-bytes';
import { requireFresh, RevocationSourceError } from './authority';

/** CRLReason removeFromCRL: in a delta CRL, the base CRL's entry no longer applies. */
const REMOVE_FROM_CRL = 8;

export async function readCrl(der: Uint8Array, issuer: pkijs.Certificate, now: Date, maxAgeMs: number): Promise<pkijs.CertificateRevocationList> {
  ensurePkiEngine();
  let crl: pkijs.CertificateRevocationList;
  try {
    crl = pkijs.CertificateRevocationList.fromBER(toArrayBuffer(der));
  } catch {
    throw new RevocationSourceError('the CRL cannot be parsed');
  }
  if (!crl.issuer.isEqual(issuer.subject)) throw new RevocationSourceError('the CRL is issued by another CA');
  if (!(await signedBy(crl.tbsView, crl.signatureValue, crl.signatureAlgorithm, issuer))) {
    throw new RevocationSourceError('the CRL carries an invalid signature');
  }
  requireFresh(crl.thisUpdate.value, crl.nextUpdate?.value ?? null, now, maxAgeMs);
  return crl;
}

export function isDeltaCrl(crl: pkijs.CertificateRevocationList): boolean {
  return crl.crlExtensions?.extensions.some((e) => e.extnID === OID.deltaCrlIndicator) ?? false;
}

function entryFor(crl: pkijs.CertificateRevocationList, cert: pkijs.Certificate) {
  return crl.revokedCertificates?.find((entry) => entry.userCertificate.isEqual(cert.serialNumber)) ?? null;
}

function reasonCode(entry: pkijs.RevokedCertificate): number | null {
  const extension = entry.crlEntryExtensions?.extensions.find((e) => e.extnID === OID.crlReason);
  if (!extension) return null;
  const value = asn1js.fromBER(extension.extnValue.valueBlock.valueHexView).result;
  return value instanceof asn1js.Enumerated ? value.valueBlock.valueDec : null;
}

export function revocationInCrls(cert: pkijs.Certificate, base: pkijs.CertificateRevocationList, delta: pkijs.CertificateRevocationList | null): Date | null {
  const inDelta = delta ? entryFor(delta, cert) : null;
  if (inDelta) return reasonCode(inDelta) === REMOVE_FROM_CRL ? null : inDelta.revocationDate.value;
  const inBase = entryFor(base, cert);
  return inBase ? inBase.revocationDate.value : null;
}
