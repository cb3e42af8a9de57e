// Moves a GOST 34.10-2015 512-bit CMS between OpenSSL's GOST engine shape (TC26 OIDs, signature s ‖ r big-endian)
// and the NCA/Kalkan shape (KZ OIDs with NULL parameters, r ‖ s little-endian). The signed attributes stay as they
// are, so the CMS signature stays valid; certificate self/issuer signatures do not (their TBS names the OIDs).
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from '../../domain/pki/bytes';
import { OID } from '../../domain/pki/oids';

export const OPENSSL_GOST = {
  publicKey512: '1.2.643.7.1.1.1.2',
  paramSet512A: '1.2.643.7.1.2.1.2.1',
  streebog512: '1.2.643.7.1.1.2.3',
  signature512: '1.2.643.7.1.1.3.3',
} as const;

export type GostShape = 'openssl' | 'kz';

const SHAPES = {
  openssl: { key: OPENSSL_GOST.publicKey512, params: OPENSSL_GOST.paramSet512A, digest: OPENSSL_GOST.streebog512, signature: OPENSSL_GOST.signature512 },
  kz: { key: OID.gost2015PublicKey, params: OID.gost2015Params512A, digest: OID.streebog512, signature: OID.gost2015Sign512 },
} as const;

function isGostSignature(oid: string): boolean {
  return [SHAPES.openssl.signature, SHAPES.kz.signature, SHAPES.openssl.key, SHAPES.kz.key].includes(oid as never);
}

function algorithm(id: pkijs.AlgorithmIdentifier, to: GostShape): pkijs.AlgorithmIdentifier {
  const target = SHAPES[to];
  if (isGostSignature(id.algorithmId)) return new pkijs.AlgorithmIdentifier({ algorithmId: target.signature, ...(to === 'kz' ? { algorithmParams: new asn1js.Null() } : {}) });
  if (id.algorithmId === SHAPES.openssl.digest || id.algorithmId === SHAPES.kz.digest) {
    return new pkijs.AlgorithmIdentifier({ algorithmId: target.digest, ...(to === 'kz' ? { algorithmParams: new asn1js.Null() } : {}) });
  }
  return id;
}

export function relabelCertificate(cert: pkijs.Certificate, to: GostShape): pkijs.Certificate {
  const key = cert.subjectPublicKeyInfo.algorithm.algorithmId;
  if (key !== SHAPES.openssl.key && key !== SHAPES.kz.key) return cert;
  const target = SHAPES[to];
  cert.subjectPublicKeyInfo.algorithm = new pkijs.AlgorithmIdentifier({
    algorithmId: target.key,
    algorithmParams: new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: target.params }), new asn1js.ObjectIdentifier({ value: target.digest })] }),
  });
  cert.signature = algorithm(cert.signature, to);
  cert.signatureAlgorithm = algorithm(cert.signatureAlgorithm, to);
  cert.tbsView = new Uint8Array(cert.encodeTBS().toBER(false));
  return pkijs.Certificate.fromBER(cert.toSchema(true).toBER(false));
}

/** The CMS in the other shape: algorithms relabelled, every GOST signature value byte-reversed. */
export function relabelCms(der: Uint8Array, to: GostShape): Uint8Array {
  const signed = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(toArrayBuffer(der)).content });
  signed.certificates = (signed.certificates ?? []).map((c) => (c instanceof pkijs.Certificate ? relabelCertificate(c, to) : c));
  signed.digestAlgorithms = signed.digestAlgorithms.map((a) => algorithm(a, to));
  for (const info of signed.signerInfos) {
    if (!isGostSignature(info.signatureAlgorithm.algorithmId)) continue;
    info.digestAlgorithm = algorithm(info.digestAlgorithm, to);
    info.signatureAlgorithm = algorithm(info.signatureAlgorithm, to);
    info.signature = new asn1js.OctetString({ valueHex: toArrayBuffer(new Uint8Array(info.signature.valueBlock.valueHexView).slice().reverse()) });
  }
  return new Uint8Array(new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(false) }).toSchema().toBER(false));
}

/** Whether the CMS has a GOST signer in either shape. */
export function hasGostSigner(der: Uint8Array): boolean {
  const signed = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(toArrayBuffer(der)).content });
  return signed.signerInfos.some((i) => isGostSignature(i.signatureAlgorithm.algorithmId));
}
