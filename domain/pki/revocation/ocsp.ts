// OCSP (RFC 6960): a request for one certificate with a nonce, and the reading of the responder's answer —
// response status, signature by an authorised responder, nonce echo, the single response for our CertID, freshness.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual, toArrayBuffer } from '../bytes';
import { formatDn } from '../certificate-info';
import { ensurePkiEngine } from '../engine';
import { OID } from '../oids';
import { signedBy } from '../signed-bytes';
import { requireAuthorisedResponder, requireFresh, RevocationSourceError } from './authority';

export interface OcspQuery {
  der: Uint8Array;
  certId: pkijs.CertID;
  /** The nonce extension's value as sent; a responder that echoes it must echo exactly these bytes. */
  nonce: Uint8Array;
}

export interface OcspAnswer {
  status: 'good' | 'revoked';
  responder: string;
  thisUpdate: Date;
  nextUpdate: Date | null;
  revokedAt: Date | null;
}

const RESPONSE_STATUS = ['successful', 'malformedRequest', 'internalError', 'tryLater', '(unused)', 'sigRequired', 'unauthorized'];

export async function buildOcspRequest(cert: pkijs.Certificate, issuer: pkijs.Certificate): Promise<OcspQuery> {
  ensurePkiEngine();
  // SHA-1 CertID: what every responder (NCA's and OpenSSL's included) indexes by.
  const certId = await pkijs.CertID.create(cert, { hashAlgorithm: 'SHA-1', issuerCertificate: issuer });
  const nonce = new Uint8Array(new asn1js.OctetString({ valueHex: globalThis.crypto.getRandomValues(new Uint8Array(16)) }).toBER(false));
  const request = new pkijs.OCSPRequest();
  request.tbsRequest.requestList = [new pkijs.Request({ reqCert: certId })];
  request.tbsRequest.requestExtensions = [new pkijs.Extension({ extnID: OID.ocspNonce, extnValue: toArrayBuffer(nonce) })];
  return { der: new Uint8Array(request.toSchema(true).toBER(false)), certId, nonce };
}

function parseBasic(der: Uint8Array): pkijs.BasicOCSPResponse {
  let response: pkijs.OCSPResponse;
  try {
    response = pkijs.OCSPResponse.fromBER(toArrayBuffer(der));
  } catch {
    throw new RevocationSourceError('the OCSP answer cannot be parsed');
  }
  const status = response.responseStatus.valueBlock.valueDec;
  if (status !== 0) throw new RevocationSourceError(`the OCSP responder answered ${RESPONSE_STATUS[status] ?? status}`);
  if (!response.responseBytes || response.responseBytes.responseType !== OID.ocspBasic) {
    throw new RevocationSourceError('the OCSP answer is not a basic response');
  }
  try {
    return pkijs.BasicOCSPResponse.fromBER(toArrayBuffer(new Uint8Array(response.responseBytes.response.valueBlock.valueHexView)));
  } catch {
    throw new RevocationSourceError('the OCSP basic response cannot be parsed');
  }
}

/** ResponderID is the responder's subject name or the SHA-1 of its public key bits (RFC 6960 §4.2.1). */
async function matchesResponderId(cert: pkijs.Certificate, responderId: unknown): Promise<boolean> {
  if (responderId instanceof pkijs.RelativeDistinguishedNames) return cert.subject.isEqual(responderId);
  if (responderId instanceof asn1js.OctetString) {
    const keyHash = await globalThis.crypto.subtle.digest('SHA-1', toArrayBuffer(new Uint8Array(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)));
    return bytesEqual(new Uint8Array(keyHash), new Uint8Array(responderId.valueBlock.valueHexView));
  }
  return false;
}

async function authorisedSigner(basic: pkijs.BasicOCSPResponse, issuer: pkijs.Certificate, now: Date): Promise<pkijs.Certificate> {
  let problem = 'no certificate in the OCSP answer matches its responderID';
  for (const candidate of [...(basic.certs ?? []), issuer]) {
    if (!(await matchesResponderId(candidate, basic.tbsResponseData.responderID))) continue;
    if (!(await signedBy(basic.tbsResponseData.tbsView, basic.signature, basic.signatureAlgorithm, candidate))) {
      problem = 'the OCSP answer carries an invalid signature';
      continue;
    }
    await requireAuthorisedResponder(candidate, issuer, now);
    return candidate;
  }
  throw new RevocationSourceError(problem);
}

function checkNonce(basic: pkijs.BasicOCSPResponse, nonce: Uint8Array): void {
  const echoed = basic.tbsResponseData.responseExtensions?.find((e) => e.extnID === OID.ocspNonce);
  // Responders that pre-produce answers omit the nonce; freshness then rests on thisUpdate/nextUpdate alone.
  if (echoed && !bytesEqual(new Uint8Array(echoed.extnValue.valueBlock.valueHexView), nonce)) {
    throw new RevocationSourceError('the OCSP answer carries another request\'s nonce');
  }
}

export async function readOcspResponse(
  der: Uint8Array, query: OcspQuery, issuer: pkijs.Certificate, now: Date, maxAgeMs: number,
): Promise<OcspAnswer> {
  ensurePkiEngine();
  const basic = parseBasic(der);
  const signer = await authorisedSigner(basic, issuer, now);
  checkNonce(basic, query.nonce);
  const single = basic.tbsResponseData.responses.find((r) => r.certID.isEqual(query.certId));
  if (!single) throw new RevocationSourceError('the OCSP answer does not cover the certificate');
  requireFresh(single.thisUpdate, single.nextUpdate ?? null, now, maxAgeMs);
  const certStatus = single.certStatus as asn1js.BaseBlock;
  const tag = certStatus.idBlock.tagNumber;
  const common = { responder: formatDn(signer.subject), thisUpdate: single.thisUpdate, nextUpdate: single.nextUpdate ?? null };
  if (tag === 0) return { status: 'good', revokedAt: null, ...common };
  if (tag === 1) {
    const time = (certStatus as asn1js.Constructed).valueBlock.value[0];
    return { status: 'revoked', revokedAt: time instanceof asn1js.GeneralizedTime ? time.toDate() : null, ...common };
  }
  throw new RevocationSourceError('the OCSP responder does not know the certificate');
}
