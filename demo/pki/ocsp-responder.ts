/**
 * The demo's OCSP responder for the test PKI. Test certificates name an unreachable placeholder responder, so without
 * this the demo desktop could only ever say "revocation could not be checked". It answers for certificates of the two
 * test intermediates (RSA and GOST), signed by the issuing CA itself (RFC 6960 §4.2.2.2, no delegated responder
 * needed), `revoked` for the test PKI's revoked key pair and `good` for the rest. Demo only: it vouches for anything
 * those CAs issued.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual, pemBlocks, toArrayBuffer, toHex } from '../../domain/pki/bytes';
import { ensurePkiEngine } from '../../domain/pki/engine';
import { gostSign, gostSignatureAlgorithm, parseGostPrivateKeyDer, type GostPrivateKey } from '../../domain/pki/gost/key-info';
import { OID } from '../../domain/pki/oids';
import { PKI_LAYOUT } from '../../tests/fixtures/pki/layout';
import { loadRevokedKey, readPem } from '../../tests/fixtures/pki/load';

interface IssuingCa {
  certificate: pkijs.Certificate;
  key: CryptoKey | GostPrivateKey;
  nameHash: Uint8Array;
  keyHash: Uint8Array;
}

/** How long an answer may be relied on (the desktop caches it until then). */
const VALID_FOR_MS = 10 * 60_000;
/** OCSPResponseStatus values (RFC 6960 §4.2.1). */
const SUCCESSFUL = 0;
const MALFORMED_REQUEST = 1;
const UNAUTHORIZED = 6;

const sha1 = async (bytes: Uint8Array | ArrayBuffer) => new Uint8Array(await globalThis.crypto.subtle.digest('SHA-1', bytes instanceof Uint8Array ? toArrayBuffer(bytes) : bytes));

async function issuingCa(certificatePath: string, keyPath: string): Promise<IssuingCa> {
  const certificate = pkijs.Certificate.fromBER(toArrayBuffer(pemBlocks(readPem(certificatePath))[0]!.der));
  const keyDer = pemBlocks(readPem(keyPath))[0]!.der;
  const key = certificate.subjectPublicKeyInfo.algorithm.algorithmId === OID.rsaEncryption
    ? await globalThis.crypto.subtle.importKey('pkcs8', toArrayBuffer(keyDer), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign'])
    : parseGostPrivateKeyDer(keyDer);
  return {
    certificate,
    key,
    nameHash: await sha1(certificate.subject.toSchema().toBER(false)),
    keyHash: await sha1(new Uint8Array(certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)),
  };
}

function response(status: number, basic?: pkijs.BasicOCSPResponse): Uint8Array {
  const reply = new pkijs.OCSPResponse({ responseStatus: new asn1js.Enumerated({ value: status }) });
  if (basic) {
    reply.responseBytes = new pkijs.ResponseBytes({
      responseType: OID.ocspBasic,
      response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER(false) }),
    });
  }
  return new Uint8Array(reply.toSchema().toBER(false));
}

function certStatus(revokedAt: Date | null): asn1js.BaseBlock {
  return revokedAt
    ? new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value: [new asn1js.GeneralizedTime({ valueDate: revokedAt })] })
    : new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 } });
}

async function signed(data: pkijs.ResponseData, ca: IssuingCa): Promise<pkijs.BasicOCSPResponse> {
  data.tbsView = new Uint8Array(data.toSchema(true).toBER(false));
  const [signatureAlgorithm, signature] = ca.key instanceof CryptoKey
    ? [
        new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() }),
        await globalThis.crypto.subtle.sign('RSASSA-PKCS1-v1_5', ca.key, toArrayBuffer(data.tbsView)),
      ]
    : [gostSignatureAlgorithm(), toArrayBuffer(gostSign(ca.key, data.tbsView))];
  return new pkijs.BasicOCSPResponse({ tbsResponseData: data, signatureAlgorithm, signature: new asn1js.BitString({ valueHex: signature }) });
}

export type DemoOcspResponder = (request: Uint8Array, now: Date) => Promise<Uint8Array>;

export async function createDemoOcspResponder(): Promise<DemoOcspResponder> {
  ensurePkiEngine();
  const cas = await Promise.all([
    issuingCa(PKI_LAYOUT.intermediate, PKI_LAYOUT.intermediateKey),
    issuingCa(PKI_LAYOUT.gostIntermediate, PKI_LAYOUT.gostIntermediateKey),
  ]);
  const revoked = new Map<string, Date>();
  for (const usage of ['auth', 'sign'] as const) {
    const certificate = pkijs.Certificate.fromBER(toArrayBuffer((await loadRevokedKey(usage)).certDer));
    revoked.set(toHex(new Uint8Array(certificate.serialNumber.valueBlock.valueHexView)), certificate.notBefore.value);
  }

  return async (der, now) => {
    let request: pkijs.OCSPRequest;
    try {
      request = pkijs.OCSPRequest.fromBER(toArrayBuffer(der));
    } catch {
      return response(MALFORMED_REQUEST);
    }
    const certId = request.tbsRequest.requestList[0]?.reqCert;
    const ca = certId && cas.find((c) =>
      bytesEqual(c.nameHash, new Uint8Array(certId.issuerNameHash.valueBlock.valueHexView))
      && bytesEqual(c.keyHash, new Uint8Array(certId.issuerKeyHash.valueBlock.valueHexView)));
    if (!certId || !ca) return response(UNAUTHORIZED);
    const nonce = request.tbsRequest.requestExtensions?.find((e) => e.extnID === OID.ocspNonce);
    const data = new pkijs.ResponseData({
      responderID: ca.certificate.subject,
      producedAt: now,
      responses: [new pkijs.SingleResponse({
        certID: certId,
        certStatus: certStatus(revoked.get(toHex(new Uint8Array(certId.serialNumber.valueBlock.valueHexView))) ?? null),
        thisUpdate: now,
        nextUpdate: new Date(now.getTime() + VALID_FOR_MS),
      })],
      ...(nonce ? { responseExtensions: [nonce] } : {}),
    });
    return response(SUCCESSFUL, await signed(data, ca));
  };
}
