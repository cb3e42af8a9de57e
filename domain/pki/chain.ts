// Builds the path signer → … → trust anchor from the CMS certificates plus the trust store (NCA sends the signer's
// certificate only, so intermediates come from the store) and checks every link: the issuer's signature in any
// supported algorithm, validity at the given time, CA basic constraints, keyCertSign and path length.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual } from './bytes';
import { sameName } from './names';
import { OID } from './oids';
import { verifyIssuedBy } from './signature';

export type ChainFailure = 'untrusted' | 'bad-link-signature' | 'ca-not-valid' | 'not-a-ca';

export type ChainResult =
  | { ok: true; path: pkijs.Certificate[] }
  | { ok: false; reason: ChainFailure; detail: string };

const MAX_DEPTH = 8;

export function certificateDer(cert: pkijs.Certificate): Uint8Array {
  return new Uint8Array(cert.toSchema(true).toBER(false));
}

function extension<T>(cert: pkijs.Certificate, oid: string): T | undefined {
  return cert.extensions?.find((e) => e.extnID === oid)?.parsedValue as T | undefined;
}

function keyIdOf(cert: pkijs.Certificate, oid: string): Uint8Array | null {
  const value = extension<asn1js.OctetString | pkijs.AuthorityKeyIdentifier>(cert, oid);
  if (!value) return null;
  if (value instanceof pkijs.AuthorityKeyIdentifier) return value.keyIdentifier ? new Uint8Array(value.keyIdentifier.valueBlock.valueHexView) : null;
  return new Uint8Array(value.valueBlock.valueHexView);
}

export function subjectKeyIdentifier(cert: pkijs.Certificate): Uint8Array | null {
  return keyIdOf(cert, OID.subjectKeyIdentifier);
}

function mayIssue(child: pkijs.Certificate, candidate: pkijs.Certificate): boolean {
  if (!sameName(child.issuer, candidate.subject)) return false;
  const aki = keyIdOf(child, OID.authorityKeyIdentifier);
  const ski = subjectKeyIdentifier(candidate);
  return !aki || !ski || bytesEqual(aki, ski);
}

/** Why `cert` may not act as the CA of a path with `casBelow` CA certificates under it, or null. */
function caProblem(cert: pkijs.Certificate, casBelow: number): string | null {
  const constraints = extension<pkijs.BasicConstraints>(cert, OID.basicConstraints);
  if (constraints?.cA !== true) return 'an issuing certificate is not a CA certificate';
  const pathLen = typeof constraints.pathLenConstraint === 'number' ? constraints.pathLenConstraint : undefined;
  if (pathLen !== undefined && casBelow > pathLen) return 'a CA certificate path length constraint is exceeded';
  const usage = extension<asn1js.BitString>(cert, OID.keyUsage);
  // keyCertSign is bit 5 of the KeyUsage BIT STRING (0x04 in its first byte).
  if (usage && ((new Uint8Array(usage.valueBlock.valueHexView)[0] ?? 0) & 0x04) === 0) return 'a CA key may not sign certificates';
  return null;
}

function validAt(cert: pkijs.Certificate, at: Date): boolean {
  return cert.notBefore.value <= at && at <= cert.notAfter.value;
}

/**
 * @param pool untrusted certificates that may serve as intermediates (the CMS's own, the store's intermediates)
 * @param anchors the trust store: a path ends at any of these certificates
 */
export async function buildTrustedChain(
  leaf: pkijs.Certificate, pool: readonly pkijs.Certificate[], anchors: readonly pkijs.Certificate[], at: Date,
): Promise<ChainResult> {
  const anchorDers = anchors.map(certificateDer);
  const isAnchor = (cert: pkijs.Certificate) => {
    const der = certificateDer(cert);
    return anchorDers.some((a) => bytesEqual(a, der));
  };
  const candidates = [...anchors, ...pool];
  let lastFailure: Extract<ChainResult, { ok: false }> = { ok: false, reason: 'untrusted', detail: 'no trusted issuer found for the certificate chain' };

  // Depth-first over the possible issuers: a re-keyed CA can have two certificates under one name.
  const extend = async (path: pkijs.Certificate[]): Promise<ChainResult | null> => {
    const current = path[path.length - 1]!;
    if (isAnchor(current)) return { ok: true, path };
    if (path.length > MAX_DEPTH) return null;
    for (const issuer of candidates) {
      if (path.includes(issuer) || !mayIssue(current, issuer)) continue;
      const problem = caProblem(issuer, path.length - 1);
      if (problem) { lastFailure = { ok: false, reason: 'not-a-ca', detail: problem }; continue; }
      const check = await verifyIssuedBy(current, issuer);
      if (check.status !== 'valid') {
        lastFailure = { ok: false, reason: 'bad-link-signature', detail: check.status === 'unsupported' ? `a certificate in the chain uses an unsupported algorithm (${check.detail})` : 'a certificate in the chain carries an invalid signature' };
        continue;
      }
      if (!validAt(issuer, at)) { lastFailure = { ok: false, reason: 'ca-not-valid', detail: 'an issuing CA certificate is not valid at this time' }; continue; }
      const found = await extend([...path, issuer]);
      if (found) return found;
    }
    return null;
  };
  return (await extend([leaf])) ?? lastFailure;
}
