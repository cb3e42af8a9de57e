// CAdES-BES CMS SignedData as Kalkan builds it (reference/ncalayer.md §5.2 item 5): SHA-256, signed attributes
// contentType, signingTime, signingCertificateV2 and messageDigest, the signer certificate plus its chain.
// Used by the NCALayer emulator, the server's demo seed and tests; the app itself never holds private keys.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual, toArrayBuffer } from './bytes';
import { ensurePkiEngine } from './engine';
import { OID } from './oids';

export interface SignCmsInput {
  content: Uint8Array;
  privateKey: CryptoKey;
  certificate: Uint8Array;
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

export async function signCms(input: SignCmsInput): Promise<Uint8Array> {
  ensurePkiEngine();
  const cert = pkijs.Certificate.fromBER(toArrayBuffer(input.certificate));
  const chain = (input.chain ?? []).filter((der) => !bytesEqual(der, input.certificate)).map((der) => pkijs.Certificate.fromBER(toArrayBuffer(der)));
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: await sha256(input.certificate) })] });
  const signingCertificateV2 = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
  const signedAttrs = derSorted([
    attribute(OID.attrContentType, new asn1js.ObjectIdentifier({ value: OID.data })),
    attribute(OID.attrSigningTime, new asn1js.UTCTime({ valueDate: input.signingTime ?? new Date() })),
    attribute(OID.attrSigningCertificateV2, signingCertificateV2),
    attribute(OID.attrMessageDigest, new asn1js.OctetString({ valueHex: await sha256(input.content) })),
  ]);

  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: OID.data,
      ...(input.detached ? {} : { eContent: new asn1js.OctetString({ valueHex: toArrayBuffer(input.content) }) }),
    }),
    signerInfos: [new pkijs.SignerInfo({
      version: 1,
      sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
      signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: signedAttrs }),
    })],
    certificates: [cert, ...chain],
  });
  await signed.sign(input.privateKey, 0, 'SHA-256');
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}
