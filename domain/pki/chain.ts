// Builds the path signer → … → trusted root from the CMS certificates and checks every link. Revocation (OCSP/CRL)
// is out of reach offline; the server decides about it.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual } from './bytes';
import { OID } from './oids';

export type ChainResult =
  | { ok: true; path: pkijs.Certificate[] }
  | { ok: false; reason: 'untrusted' | 'ca-not-valid'; detail: string };

const MAX_DEPTH = 8;

function der(cert: pkijs.Certificate): Uint8Array {
  return new Uint8Array(cert.toSchema(true).toBER(false));
}

function isCa(cert: pkijs.Certificate): boolean {
  const constraints = cert.extensions?.find((e) => e.extnID === OID.basicConstraints)?.parsedValue as pkijs.BasicConstraints | undefined;
  return constraints?.cA === true;
}

function keyIdOf(cert: pkijs.Certificate, oid: string): Uint8Array | null {
  const value = cert.extensions?.find((e) => e.extnID === oid)?.parsedValue as asn1js.OctetString | pkijs.AuthorityKeyIdentifier | undefined;
  if (!value) return null;
  if (value instanceof pkijs.AuthorityKeyIdentifier) return value.keyIdentifier ? new Uint8Array(value.keyIdentifier.valueBlock.valueHexView) : null;
  return new Uint8Array(value.valueBlock.valueHexView);
}

function issuedBy(child: pkijs.Certificate, candidate: pkijs.Certificate): boolean {
  if (!child.issuer.isEqual(candidate.subject)) return false;
  const aki = keyIdOf(child, OID.authorityKeyIdentifier);
  const ski = keyIdOf(candidate, OID.subjectKeyIdentifier);
  return !aki || !ski || bytesEqual(aki, ski);
}

function validAt(cert: pkijs.Certificate, at: Date): boolean {
  return cert.notBefore.value <= at && at <= cert.notAfter.value;
}

/**
 * @param verifyMath false for algorithms WebCrypto cannot check (GOST): names and key identifiers are still matched.
 */
export async function buildTrustedChain(
  leaf: pkijs.Certificate, pool: pkijs.Certificate[], roots: pkijs.Certificate[], at: Date, verifyMath: boolean,
): Promise<ChainResult> {
  const rootDers = roots.map(der);
  const isTrusted = (cert: pkijs.Certificate) => rootDers.some((r) => bytesEqual(r, der(cert)));
  const path = [leaf];
  let current = leaf;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (isTrusted(current)) return { ok: true, path };
    const issuer = [...roots, ...pool].find((c) => c !== current && isCa(c) && issuedBy(current, c));
    if (!issuer) return { ok: false, reason: 'untrusted', detail: 'no trusted issuer found for the certificate chain' };
    if (verifyMath && !(await current.verify(issuer))) {
      return { ok: false, reason: 'untrusted', detail: 'a certificate in the chain carries an invalid signature' };
    }
    if (!validAt(issuer, at)) return { ok: false, reason: 'ca-not-valid', detail: 'an issuing CA certificate is not valid at this time' };
    path.push(issuer);
    current = issuer;
  }
  return { ok: false, reason: 'untrusted', detail: 'certificate chain too long' };
}
