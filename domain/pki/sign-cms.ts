// CAdES-BES CMS SignedData as Kalkan builds it: signed attributes contentType, signingTime, signingCertificateV2 and
// messageDigest; SHA-256 + RSA, or Streebog-512 + GOST 34.10-2015 in the NCA byte layout; the signer certificate
// plus an optional chain (NCALayer sends the signer's certificate only).
// Used by the NCALayer emulator, the server's demo seed and tests; the app itself never holds private keys.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual, toArrayBuffer } from './bytes';
import { ensurePkiEngine } from './engine';
import { gostDigestAlgorithm, gostSign, gostSignatureAlgorithm, type GostPrivateKey } from './gost/key-info';
import { streebog512 } from './gost/streebog';
import { OID } from './oids';

export interface SignCmsInput {
  content: Uint8Array;
  privateKey: CryptoKey | GostPrivateKey;
  certificate: Uint8Array;
  /** RFC 5652 v3 signers name their certificate by subjectKeyIdentifier; Kalkan uses issuerAndSerialNumber. */
  signerId?: 'issuerAndSerialNumber' | 'subjectKeyIdentifier';
  /** CA certificates to embed (issuer first). */
  chain?: Uint8Array[];
  detached: boolean;
  signingTime?: Date;
}

async function sha256(data: Uint8Array): Promise<ArrayBuffer> {
  return globalThis.crypto.subtle.digest('SHA-256', toArrayBuffer(data));
}

function attribute(type: string, value: asn1js.AsnType): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

/** DER wants SET OF members sorted by their encoding; OpenSSL re-encodes before verifying, so order matters. */
function derSorted(attrs: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attrs.map((a) => ({ a, der: new Uint8Array(a.toSchema().toBER(false)) }));
  encoded.sort((x, y) => {
    for (let i = 0; i < Math.min(x.der.length, y.der.length); i++) {
      if (x.der[i] !== y.der[i]) return x.der[i]! - y.der[i]!;
    }
    return x.der.length - y.der.length;
  });
  return encoded.map((e) => e.a);
}

function isGost(key: CryptoKey | GostPrivateKey): key is GostPrivateKey {
  return 'kind' in key && key.kind === 'gost2015-512';
}

function signerIdentifier(cert: pkijs.Certificate, kind: SignCmsInput['signerId']): pkijs.IssuerAndSerialNumber | asn1js.Primitive {
  if (kind !== 'subjectKeyIdentifier') return new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber });
  const ski = cert.extensions?.find((e) => e.extnID === OID.subjectKeyIdentifier)?.parsedValue as asn1js.OctetString | undefined;
  if (!ski) throw new Error('the certificate has no subjectKeyIdentifier');
  return new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: ski.valueBlock.valueHexView.slice().buffer });
}

export async function signCms(input: SignCmsInput): Promise<Uint8Array> {
  ensurePkiEngine();
  const gost = isGost(input.privateKey);
  const cert = pkijs.Certificate.fromBER(toArrayBuffer(input.certificate));
  const chain = (input.chain ?? []).filter((der) => !bytesEqual(der, input.certificate)).map((der) => pkijs.Certificate.fromBER(toArrayBuffer(der)));
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: await sha256(input.certificate) })] });
  const signingCertificateV2 = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
  const signedAttrs = derSorted([
    attribute(OID.attrContentType, new asn1js.ObjectIdentifier({ value: OID.data })),
    attribute(OID.attrSigningTime, new asn1js.UTCTime({ valueDate: input.signingTime ?? new Date() })),
    attribute(OID.attrSigningCertificateV2, signingCertificateV2),
    attribute(OID.attrMessageDigest, new asn1js.OctetString({ valueHex: gost ? toArrayBuffer(streebog512(input.content)) : await sha256(input.content) })),
  ]);

  const signed = new pkijs.SignedData({
    version: input.signerId === 'subjectKeyIdentifier' ? 3 : 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: OID.data,
      ...(input.detached ? {} : { eContent: new asn1js.OctetString({ valueHex: toArrayBuffer(input.content) }) }),
    }),
    signerInfos: [new pkijs.SignerInfo({
      version: input.signerId === 'subjectKeyIdentifier' ? 3 : 1,
      sid: signerIdentifier(cert, input.signerId),
      signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: signedAttrs }),
    })],
    certificates: [cert, ...chain],
  });
  if (isGost(input.privateKey)) {
    const info = signed.signerInfos[0]!;
    info.digestAlgorithm = gostDigestAlgorithm();
    info.signatureAlgorithm = gostSignatureAlgorithm();
    signed.digestAlgorithms = [gostDigestAlgorithm()];
    // The signature covers the DER SET of the signed attributes ([0] re-tagged as SET).
    const attrs = new Uint8Array(new asn1js.Set({ value: signedAttrs.map((a) => a.toSchema()) }).toBER(false));
    info.signature = new asn1js.OctetString({ valueHex: toArrayBuffer(gostSign(input.privateKey, attrs)) });
  } else {
    await signed.sign(input.privateKey, 0, 'SHA-256');
  }
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}
