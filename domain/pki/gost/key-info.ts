// ASN.1 shapes of GOST 34.10-2015 512-bit keys and signatures under the KZ OIDs (NULL parameters on the signature
// algorithm, { paramSet, digest } on the key), for certificates and CMS our test PKI and emulator produce.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from '../bytes';
import { OID } from '../oids';
import { TC26_512_A } from './curves';
import { gostPublicKeyBytes, signGostDigest } from './gost-signature';
import { streebog512 } from './streebog';

/** A GOST 34.10-2015 512-bit private key (paramSetA) held by the test PKI, the emulator or the demo seed. */
export interface GostPrivateKey {
  kind: 'gost2015-512';
  scalar: bigint;
}

export function gostPublicKeyInfo(key: GostPrivateKey): pkijs.PublicKeyInfo {
  return new pkijs.PublicKeyInfo({
    algorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: OID.gost2015PublicKey,
      algorithmParams: new asn1js.Sequence({ value: [
        new asn1js.ObjectIdentifier({ value: OID.gost2015Params512A }),
        new asn1js.ObjectIdentifier({ value: OID.streebog512 }),
      ] }),
    }),
    subjectPublicKey: new asn1js.BitString({
      valueHex: new asn1js.OctetString({ valueHex: toArrayBuffer(gostPublicKeyBytes(TC26_512_A, key.scalar)) }).toBER(false),
    }),
  });
}

export function gostSignatureAlgorithm(): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier({ algorithmId: OID.gost2015Sign512, algorithmParams: new asn1js.Null() });
}

export function gostDigestAlgorithm(): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier({ algorithmId: OID.streebog512, algorithmParams: new asn1js.Null() });
}

/** Streebog-512 over `data`, signed: the NCA signature value (r ‖ s little-endian). */
export function gostSign(key: GostPrivateKey, data: Uint8Array): Uint8Array {
  return signGostDigest(TC26_512_A, key.scalar, streebog512(data));
}

/** PKCS#8-like private key DER under the KZ key OID, the scalar as a little-endian OCTET STRING (as OpenSSL does). */
export function gostPrivateKeyDer(key: GostPrivateKey): Uint8Array {
  const bytes = new Uint8Array(64);
  let rest = key.scalar;
  for (let i = 0; i < 64; i++) { bytes[i] = Number(rest & 0xffn); rest >>= 8n; }
  const info = new asn1js.Sequence({ value: [
    new asn1js.Integer({ value: 0 }),
    gostPublicKeyInfo(key).algorithm.toSchema(),
    new asn1js.OctetString({ valueHex: new asn1js.OctetString({ valueHex: toArrayBuffer(bytes) }).toBER(false) }),
  ] });
  return new Uint8Array(info.toBER(false));
}

export function parseGostPrivateKeyDer(der: Uint8Array): GostPrivateKey {
  const info = pkijs.PrivateKeyInfo.fromBER(toArrayBuffer(der));
  if (info.privateKeyAlgorithm.algorithmId !== OID.gost2015PublicKey) throw new Error('not a GOST 34.10-2015 512-bit private key');
  const inner = asn1js.fromBER(info.privateKey.valueBlock.valueHexView);
  if (!(inner.result instanceof asn1js.OctetString)) throw new Error('malformed GOST private key');
  const bytes = new Uint8Array(inner.result.valueBlock.valueHexView);
  let scalar = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) scalar = (scalar << 8n) | BigInt(bytes[i]!);
  return { kind: 'gost2015-512', scalar };
}
