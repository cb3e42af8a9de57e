// One signature check for every algorithm a Kazakh CMS, certificate, CRL, OCSP reply or timestamp token carries:
// RSA and ECDSA through WebCrypto, GOST 34.10-2015 (512 and 256) and legacy GOST 34.310-2004 through our own digests
// and the curve module.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from './bytes';
import { webCryptoDigestName } from './digest';
import { CRYPTOPRO_A, TC26_256_A, TC26_512_A, type GostCurve } from './gost/curves';
import { gost94 } from './gost/gost94';
import { gostPublicKey, verifyGostDigest } from './gost/gost-signature';
import { streebog256, streebog512 } from './gost/streebog';
import { OID } from './oids';
import type { SignatureAlgorithm } from './signature-algorithms';

export type { SignatureAlgorithm };

export type SignatureCheck =
  | { status: 'valid' | 'invalid'; algorithm: SignatureAlgorithm }
  | { status: 'unsupported'; algorithm: null; detail: string };

export interface SignatureInput {
  /** signatureAlgorithm of the signed object. */
  signatureAlgorithm: string;
  /** The digest named next to a bare key-algorithm OID (CMS SignerInfo may say rsaEncryption + digestAlgorithm). */
  digestAlgorithm?: string;
  publicKey: pkijs.PublicKeyInfo;
  data: Uint8Array;
  signature: Uint8Array;
}

const RSA_HASHES: Record<string, string> = {
  [OID.sha1WithRsa]: 'SHA-1', [OID.sha256WithRsa]: 'SHA-256', [OID.sha384WithRsa]: 'SHA-384', [OID.sha512WithRsa]: 'SHA-512',
};
const ECDSA_HASHES: Record<string, string> = {
  [OID.ecdsaWithSha256]: 'SHA-256', [OID.ecdsaWithSha384]: 'SHA-384', [OID.ecdsaWithSha512]: 'SHA-512',
};
const NAMED_CURVES: Record<string, { name: string; size: number }> = {
  [OID.curveP256]: { name: 'P-256', size: 32 }, [OID.curveP384]: { name: 'P-384', size: 48 }, [OID.curveP521]: { name: 'P-521', size: 66 },
};
interface GostKey {
  curve: GostCurve;
  params: string;
  /** The hash parameter set the key must name (GOST R 34.11-94 has several S-boxes; we implement the test one). */
  hashParams?: string;
  algorithm: SignatureAlgorithm;
  signature: string;
  hash: (d: Uint8Array) => Uint8Array;
}

const GOST_KEYS: Record<string, GostKey> = {
  [OID.gost2015PublicKey]: { curve: TC26_512_A, params: OID.gost2015Params512A, algorithm: 'gost2015-512', signature: OID.gost2015Sign512, hash: streebog512 },
  [OID.gost2015PublicKey256]: { curve: TC26_256_A, params: OID.gost2015Params256A, algorithm: 'gost2015-256', signature: OID.gost2015Sign256, hash: streebog256 },
  [OID.gost2004PublicKey]: {
    curve: CRYPTOPRO_A, params: OID.gost2004ParamsA, hashParams: OID.gost94TestParams, algorithm: 'gost2004', signature: OID.gost2004Sign, hash: gost94,
  },
};

function unsupported(detail: string): SignatureCheck {
  return { status: 'unsupported', algorithm: null, detail };
}

function spkiDer(key: pkijs.PublicKeyInfo): ArrayBuffer {
  return key.toSchema().toBER(false);
}

async function verifyRsa(input: SignatureInput, hash: string): Promise<SignatureCheck> {
  try {
    const key = await globalThis.crypto.subtle.importKey('spki', spkiDer(input.publicKey), { name: 'RSASSA-PKCS1-v1_5', hash }, false, ['verify']);
    const ok = await globalThis.crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, toArrayBuffer(input.signature), toArrayBuffer(input.data));
    return { status: ok ? 'valid' : 'invalid', algorithm: 'rsa' };
  } catch {
    return { status: 'invalid', algorithm: 'rsa' };
  }
}

/** DER Ecdsa-Sig-Value → the fixed-width r ‖ s WebCrypto wants. */
function ecdsaRaw(der: Uint8Array, size: number): Uint8Array | null {
  const parsed = asn1js.fromBER(toArrayBuffer(der));
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) return null;
  const parts = parsed.result.valueBlock.value;
  if (parts.length !== 2 || !parts.every((p) => p instanceof asn1js.Integer)) return null;
  const out = new Uint8Array(2 * size);
  for (const [i, part] of (parts as asn1js.Integer[]).entries()) {
    let bytes = new Uint8Array(part.valueBlock.valueHexView);
    while (bytes.length > size && bytes[0] === 0) bytes = bytes.subarray(1);
    if (bytes.length > size) return null;
    out.set(bytes, (i + 1) * size - bytes.length);
  }
  return out;
}

async function verifyEcdsa(input: SignatureInput, hash: string): Promise<SignatureCheck> {
  const params = input.publicKey.algorithm.algorithmParams;
  const curve = params instanceof asn1js.ObjectIdentifier ? NAMED_CURVES[params.valueBlock.toString()] : undefined;
  if (!curve) return unsupported('ECDSA key on an unsupported curve');
  const raw = ecdsaRaw(input.signature, curve.size);
  if (!raw) return { status: 'invalid', algorithm: 'ecdsa' };
  try {
    const key = await globalThis.crypto.subtle.importKey('spki', spkiDer(input.publicKey), { name: 'ECDSA', namedCurve: curve.name }, false, ['verify']);
    const ok = await globalThis.crypto.subtle.verify({ name: 'ECDSA', hash }, key, toArrayBuffer(raw), toArrayBuffer(input.data));
    return { status: ok ? 'valid' : 'invalid', algorithm: 'ecdsa' };
  } catch {
    return { status: 'invalid', algorithm: 'ecdsa' };
  }
}

/** The OIDs inside the GOST key parameters SEQUENCE { paramSet, digest or hash parameter set }. */
function gostKeyParams(key: pkijs.PublicKeyInfo): { paramSet?: string; hashParams?: string } {
  const params = key.algorithm.algorithmParams;
  const [first, second] = params instanceof asn1js.Sequence ? params.valueBlock.value : [];
  const oid = (block: unknown) => (block instanceof asn1js.ObjectIdentifier ? block.valueBlock.toString() : undefined);
  return { paramSet: oid(first), hashParams: oid(second) };
}

/** The raw X ‖ Y of a GOST key: the BIT STRING wraps an OCTET STRING. */
function gostKeyBytes(key: pkijs.PublicKeyInfo): Uint8Array | null {
  const parsed = asn1js.fromBER(key.subjectPublicKey.valueBlock.valueHexView);
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.OctetString)) return null;
  return new Uint8Array(parsed.result.valueBlock.valueHexView);
}

function verifyGost(input: SignatureInput): SignatureCheck {
  const gost = GOST_KEYS[input.publicKey.algorithm.algorithmId];
  if (!gost) return unsupported('not a GOST key');
  if (input.signatureAlgorithm !== gost.signature && input.signatureAlgorithm !== input.publicKey.algorithm.algorithmId) {
    return { status: 'invalid', algorithm: gost.algorithm };
  }
  const { paramSet, hashParams } = gostKeyParams(input.publicKey);
  if (paramSet !== gost.params) return unsupported(`GOST key on an unsupported parameter set ${paramSet ?? '—'}`);
  if (gost.hashParams && hashParams !== gost.hashParams) return unsupported(`GOST key with an unsupported hash parameter set ${hashParams ?? '—'}`);
  const raw = gostKeyBytes(input.publicKey);
  const point = raw ? gostPublicKey(gost.curve, raw) : null;
  if (!point) return { status: 'invalid', algorithm: gost.algorithm };
  const valid = verifyGostDigest(gost.curve, point, gost.hash(input.data), input.signature);
  return { status: valid ? 'valid' : 'invalid', algorithm: gost.algorithm };
}

/** Verifies `signature` over `data` (the hashing is part of the algorithm) with the signer's public key. */
export async function verifySignature(input: SignatureInput): Promise<SignatureCheck> {
  const keyAlgorithm = input.publicKey.algorithm.algorithmId;
  if (GOST_KEYS[keyAlgorithm]) return verifyGost(input);
  if (keyAlgorithm === OID.rsaEncryption) {
    const hash = RSA_HASHES[input.signatureAlgorithm]
      ?? (input.signatureAlgorithm === OID.rsaEncryption && input.digestAlgorithm ? webCryptoDigestName(input.digestAlgorithm) : undefined);
    return hash ? verifyRsa(input, hash) : unsupported(`RSA signature algorithm ${input.signatureAlgorithm}`);
  }
  if (keyAlgorithm === OID.ecPublicKey) {
    const hash = ECDSA_HASHES[input.signatureAlgorithm];
    return hash ? verifyEcdsa(input, hash) : unsupported(`ECDSA signature algorithm ${input.signatureAlgorithm}`);
  }
  return unsupported(`key algorithm ${keyAlgorithm}`);
}

/** A certificate's (or any X.509-shaped object's) signature by its issuer's key. */
export function verifyIssuedBy(child: pkijs.Certificate, issuer: pkijs.Certificate): Promise<SignatureCheck> {
  return verifySignature({
    signatureAlgorithm: child.signatureAlgorithm.algorithmId,
    publicKey: issuer.subjectPublicKeyInfo,
    data: child.tbsView,
    signature: new Uint8Array(child.signatureValue.valueBlock.valueHexView),
  });
}

