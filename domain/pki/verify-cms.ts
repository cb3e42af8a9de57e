// The check after every signature (DESIGN §6): parse the CMS, verify every signer over our exact bytes (RSA, ECDSA,
// GOST 34.10-2015, legacy GOST 34.310-2004), build and check the whole chain to the trust store, validity at `at`,
// key usage, then who signed (IIN), for which organisation (BIN) and in which role.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual, toArrayBuffer, toDer } from './bytes';
import { allowsUsage, describeCertificate, type CertificateInfo, type KeyPurpose } from './certificate-info';
import { buildTrustedChain, certificateDer, subjectKeyIdentifier, type ChainResult } from './chain';
import { digestByOid, type ContentDigest } from './digest';
import { ensurePkiEngine } from './engine';
import { sameName } from './names';
import { OID, type NcaRole } from './oids';
import { verifySignature, type SignatureAlgorithm } from './signature';

export type VerifyFailureCode =
  | 'MALFORMED' | 'INVALID_SIGNATURE' | 'UNTRUSTED_CHAIN' | 'CERT_EXPIRED' | 'CERT_NOT_YET_VALID'
  | 'WRONG_KEY_USAGE' | 'WRONG_SIGNER' | 'WRONG_ORG' | 'ROLE_NOT_ALLOWED';

export interface VerifyExpectations {
  usage: KeyPurpose;
  iin?: string;
  bin?: string;
  /** Any one of these roles is enough. */
  roles?: readonly NcaRole[];
}

export interface InspectCmsInput {
  /** PEM, bare base64 or DER. */
  cms: string | Uint8Array;
  /** The exact bytes that were meant to be signed; required for a detached CMS. */
  content?: Uint8Array;
  /** The trust store: roots and the CA intermediates a signer-only CMS needs; a path may end at any of them. */
  trustedRoots: ReadonlyArray<string | Uint8Array>;
  at: Date;
  /** How the document itself is hashed (a megabyte of Streebog is ~0.2 s of script); default: on this thread. */
  digestContent?: ContentDigest;
}

export interface VerifyCmsInput extends InspectCmsInput {
  expect: VerifyExpectations;
}

export interface VerifiedSigner extends CertificateInfo {
  certificate: Uint8Array;
  signingTime: Date | null;
  signatureAlgorithm: SignatureAlgorithm | null;
  /** Subject DNs from the signer's certificate up to the trust anchor (filled once the chain is built). */
  chain: string[];
  /** The same chain as DER certificates, signer first (revocation checks need each certificate and its issuer). */
  path: Uint8Array[];
}

export type VerifyCmsResult =
  | { ok: true; signer: VerifiedSigner; content: Uint8Array }
  | { ok: false; code: VerifyFailureCode; message: string; expected?: string; got?: string; signer?: VerifiedSigner };

type Failure = Extract<VerifyCmsResult, { ok: false }>;
export type SignerVerdict = Exclude<VerifyCmsResult, { content: Uint8Array }> | { ok: true; signer: VerifiedSigner };

export type InspectCmsResult =
  | { ok: true; content: Uint8Array; signers: SignerVerdict[] }
  | Failure;

function fail(code: VerifyFailureCode, message: string, extra: Partial<Failure> = {}): Failure {
  return { ok: false, code, message, ...extra };
}

function parseSignedData(cms: string | Uint8Array): pkijs.SignedData | Failure {
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(toArrayBuffer(toDer(cms)));
    if (contentInfo.contentType !== OID.signedData) return fail('MALFORMED', 'CMS is not SignedData');
    const signed = new pkijs.SignedData({ schema: contentInfo.content });
    if (signed.signerInfos.length === 0) return fail('MALFORMED', 'the CMS has no signer');
    return signed;
  } catch (error) {
    return fail('MALFORMED', `cannot parse CMS: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The subjectKeyIdentifier of a v3 SignerIdentifier ([0] IMPLICIT OCTET STRING), or null. */
function sidKeyIdentifier(sid: unknown): Uint8Array | null {
  if (!(sid instanceof asn1js.BaseBlock) || sid.idBlock.tagClass !== 3 || sid.idBlock.tagNumber !== 0) return null;
  if (sid instanceof asn1js.Constructed) {
    const inner = sid.valueBlock.value[0];
    return inner instanceof asn1js.OctetString ? new Uint8Array(inner.valueBlock.valueHexView) : null;
  }
  const primitive = sid as asn1js.Primitive;
  return new Uint8Array(primitive.valueBlock.valueHexView);
}

function findSignerCertificate(info: pkijs.SignerInfo, certs: readonly pkijs.Certificate[]): pkijs.Certificate | undefined {
  const sid: unknown = info.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certs.find((c) => sameName(c.issuer, sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
  }
  const keyId = sidKeyIdentifier(sid);
  if (!keyId) return undefined;
  return certs.find((c) => {
    const ski = subjectKeyIdentifier(c);
    return ski !== null && bytesEqual(ski, keyId);
  });
}

function signedAttribute(info: pkijs.SignerInfo, oid: string): unknown {
  return info.signedAttrs?.attributes.find((a) => a.type === oid)?.values[0];
}

function signingTimeOf(info: pkijs.SignerInfo): Date | null {
  const value = signedAttribute(info, OID.attrSigningTime);
  return value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime ? value.toDate() : null;
}

/** The bytes the signature covers: the DER SET of signed attributes after checking them, or the content itself. */
async function signedBytes(
  signed: pkijs.SignedData, info: pkijs.SignerInfo, content: Uint8Array, digestContent: ContentDigest,
): Promise<Uint8Array | Failure> {
  const digestOid = info.digestAlgorithm.algorithmId;
  if (!info.signedAttrs) return content;
  const digest = await digestContent(digestOid, content);
  if (!digest) return fail('MALFORMED', `unsupported digest algorithm ${digestOid}`);
  const messageDigest = signedAttribute(info, OID.attrMessageDigest);
  if (!(messageDigest instanceof asn1js.OctetString)) return fail('MALFORMED', 'the signed attributes carry no message digest');
  if (!bytesEqual(new Uint8Array(messageDigest.valueBlock.valueHexView), digest)) {
    return fail('INVALID_SIGNATURE', 'the signed digest does not match the document');
  }
  const contentType = signedAttribute(info, OID.attrContentType);
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== signed.encapContentInfo.eContentType) {
    return fail('MALFORMED', 'the signed content type differs from the encapsulated content type');
  }
  return new Uint8Array(info.signedAttrs.encodedValue);
}

function chainFailure(chain: Extract<ChainResult, { ok: false }>, signer: VerifiedSigner): Failure {
  return chain.reason === 'ca-not-valid'
    ? fail('CERT_EXPIRED', chain.detail, { signer })
    : fail('UNTRUSTED_CHAIN', chain.detail, { signer, got: signer.issuerDn });
}

async function verifySigner(
  signed: pkijs.SignedData, info: pkijs.SignerInfo, content: Uint8Array,
  certs: readonly pkijs.Certificate[], anchors: readonly pkijs.Certificate[], at: Date, digestContent: ContentDigest,
): Promise<SignerVerdict> {
  const cert = findSignerCertificate(info, [...certs, ...anchors]);
  if (!cert) return fail('MALFORMED', 'the signer certificate is not in the CMS');
  const signer: VerifiedSigner = {
    ...describeCertificate(cert), certificate: certificateDer(cert), signingTime: signingTimeOf(info), signatureAlgorithm: null, chain: [], path: [],
  };
  const data = await signedBytes(signed, info, content, digestContent);
  if (!(data instanceof Uint8Array)) return { ...data, signer };
  const check = await verifySignature({
    signatureAlgorithm: info.signatureAlgorithm.algorithmId,
    digestAlgorithm: info.digestAlgorithm.algorithmId,
    publicKey: cert.subjectPublicKeyInfo,
    data,
    signature: new Uint8Array(info.signature.valueBlock.valueHexView),
  });
  if (check.status === 'unsupported') return fail('MALFORMED', `unsupported signature algorithm: ${check.detail}`, { signer });
  signer.signatureAlgorithm = check.algorithm;
  if (check.status !== 'valid') return fail('INVALID_SIGNATURE', 'the signature does not match the document', { signer });

  const chain = await buildTrustedChain(cert, certs, anchors, at);
  if (!chain.ok) return chainFailure(chain, signer);
  signer.chain = chain.path.map((c) => describeCertificate(c).subjectDn);
  signer.path = chain.path.map(certificateDer);
  if (at < signer.notBefore) return fail('CERT_NOT_YET_VALID', `the certificate is valid from ${signer.notBefore.toISOString()}`, { signer });
  if (at > signer.notAfter) return fail('CERT_EXPIRED', `the certificate expired on ${signer.notAfter.toISOString()}`, { signer });
  return { ok: true, signer };
}

/** Every signer of a CMS verified over the content and chained to the trust store; no expectations about who. */
export async function inspectCms(input: InspectCmsInput): Promise<InspectCmsResult> {
  ensurePkiEngine();
  const signed = parseSignedData(input.cms);
  if (!(signed instanceof pkijs.SignedData)) return signed;

  const embedded = signed.encapContentInfo.eContent;
  const attachedContent = embedded ? new Uint8Array(embedded.getValue()) : null;
  if (attachedContent && input.content && !bytesEqual(attachedContent, input.content)) {
    return fail('INVALID_SIGNATURE', 'the signed content differs from the document');
  }
  const content = input.content ?? attachedContent;
  if (!content) return fail('MALFORMED', 'detached CMS without the signed document');

  let anchors: pkijs.Certificate[];
  try {
    anchors = input.trustedRoots.map((r) => pkijs.Certificate.fromBER(toArrayBuffer(toDer(r))));
  } catch {
    return fail('MALFORMED', 'a trusted certificate cannot be parsed');
  }
  const certs = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const signers: SignerVerdict[] = [];
  const digestContent = input.digestContent ?? digestByOid;
  for (const info of signed.signerInfos) signers.push(await verifySigner(signed, info, content, certs, anchors, input.at, digestContent));
  return { ok: true, content, signers };
}

const PURPOSE_NAMES: Record<KeyPurpose, string> = { sign: 'a signing key', auth: 'an authentication key', timestamp: 'a time-stamping authority' };

function checkExpectations(signer: VerifiedSigner, expect: VerifyExpectations): Failure | null {
  if (!allowsUsage(signer, expect.usage)) {
    return fail('WRONG_KEY_USAGE', `the certificate is not ${PURPOSE_NAMES[expect.usage]}`, {
      expected: expect.usage, got: expect.usage === 'sign' ? 'auth' : 'sign', signer,
    });
  }
  if (expect.iin !== undefined && signer.iin !== expect.iin) {
    return fail('WRONG_SIGNER', `signed by IIN ${signer.iin ?? '—'}, expected IIN ${expect.iin}`, { expected: expect.iin, got: signer.iin ?? '', signer });
  }
  if (expect.bin !== undefined && signer.bin !== expect.bin) {
    return fail('WRONG_ORG', `certificate of BIN ${signer.bin ?? '—'}, expected BIN ${expect.bin}`, { expected: expect.bin, got: signer.bin ?? '', signer });
  }
  if (expect.roles && !expect.roles.some((r) => signer.roles.includes(r))) {
    return fail('ROLE_NOT_ALLOWED', `role ${signer.roles.join('+') || '—'} may not do this (allowed: ${expect.roles.join(', ')})`, {
      expected: expect.roles.join(','), got: signer.roles.join(','), signer,
    });
  }
  return null;
}

/** The application's check: exactly one signer, verified and chained, matching the expectations. */
export async function verifyCms(input: VerifyCmsInput): Promise<VerifyCmsResult> {
  const inspected = await inspectCms(input);
  if (!inspected.ok) return inspected;
  if (inspected.signers.length !== 1) return fail('MALFORMED', `expected exactly one signer, found ${inspected.signers.length}`);
  const verdict = inspected.signers[0]!;
  if (!verdict.ok) return verdict;
  return checkExpectations(verdict.signer, input.expect) ?? { ok: true, signer: verdict.signer, content: inspected.content };
}
