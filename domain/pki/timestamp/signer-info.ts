// The parts of a CAdES signature a timestamp is about: the signature value it stamps and the unsigned
// id-aa-timeStampToken attribute that carries the token inside the CMS (CAdES-T).
import * as pkijs from 'pkijs';
import { toArrayBuffer, toDer } from '../bytes';
import { OID } from '../oids';

function parse(cms: string | Uint8Array): { info: pkijs.ContentInfo; signed: pkijs.SignedData; signer: pkijs.SignerInfo } {
  const info = pkijs.ContentInfo.fromBER(toArrayBuffer(toDer(cms)));
  if (info.contentType !== OID.signedData) throw new Error('CMS is not SignedData');
  const signed = new pkijs.SignedData({ schema: info.content });
  const signer = signed.signerInfos[0];
  if (!signer || signed.signerInfos.length !== 1) throw new Error('expected exactly one signer');
  return { info, signed, signer };
}

/** The SignerInfo's signature value: the bytes an RFC 3161 token over this signature imprints. */
export function signatureValueOf(cms: string | Uint8Array): Uint8Array {
  return new Uint8Array(parse(cms).signer.signature.valueBlock.valueHexView);
}

/** The embedded timestamp token (DER ContentInfo), if the signer attached one. */
export function timestampTokenOf(cms: string | Uint8Array): Uint8Array | null {
  const attribute = parse(cms).signer.unsignedAttrs?.attributes.find((a) => a.type === OID.attrTimeStampToken);
  const value = attribute?.values[0];
  return value ? new Uint8Array(value.toBER(false)) : null;
}

/** The same CMS with `token` as its signer's timestamp (replacing any earlier one); the signature stays valid. */
export function withTimestampToken(cms: string | Uint8Array, token: Uint8Array): Uint8Array {
  const { signed, signer } = parse(cms);
  const tokenSchema = pkijs.ContentInfo.fromBER(toArrayBuffer(token)).toSchema();
  const others = signer.unsignedAttrs?.attributes.filter((a) => a.type !== OID.attrTimeStampToken) ?? [];
  signer.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 1,
    attributes: [...others, new pkijs.Attribute({ type: OID.attrTimeStampToken, values: [tokenSchema] })],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}
