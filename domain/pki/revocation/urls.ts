// Where a certificate says its status is published: OCSP responders in authorityInfoAccess, CRLs in
// cRLDistributionPoints, delta CRLs in freshestCRL (of the certificate or of its base CRL).
import * as pkijs from 'pkijs';
import { OID } from '../oids';

const URI = 6;

function extension(extensions: pkijs.Extension[] | undefined, oid: string): unknown {
  return extensions?.find((e) => e.extnID === oid)?.parsedValue;
}

function httpUris(names: pkijs.GeneralName[]): string[] {
  return names.filter((n) => n.type === URI && typeof n.value === 'string' && /^https?:\/\//i.test(n.value)).map((n) => n.value as string);
}

function distributionPointUris(value: unknown): string[] {
  if (!(value instanceof pkijs.CRLDistributionPoints)) return [];
  return value.distributionPoints.flatMap((point) => (Array.isArray(point.distributionPoint) ? httpUris(point.distributionPoint) : []));
}

export function ocspUrlsOf(cert: pkijs.Certificate): string[] {
  const access = extension(cert.extensions, OID.authorityInfoAccess);
  if (!(access instanceof pkijs.InfoAccess)) return [];
  return httpUris(access.accessDescriptions.filter((d) => d.accessMethod === OID.accessOcsp).map((d) => d.accessLocation));
}

export function crlUrlsOf(cert: pkijs.Certificate): string[] {
  return distributionPointUris(extension(cert.extensions, OID.crlDistributionPoints));
}

/** Delta CRL locations: the certificate's freshestCRL, else the base CRL's. */
export function deltaCrlUrlsOf(cert: pkijs.Certificate, baseCrl: pkijs.CertificateRevocationList): string[] {
  const own = distributionPointUris(extension(cert.extensions, OID.freshestCrl));
  return own.length > 0 ? own : distributionPointUris(extension(baseCrl.crlExtensions?.extensions, OID.freshestCrl));
}
