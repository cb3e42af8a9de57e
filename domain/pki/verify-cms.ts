// The check after every signature (DESIGN §6): parse the CMS, verify it over our exact bytes, chain to the trusted
// roots, validity at `at`, key usage, then who signed (IIN), for which organisation (BIN) and in which role.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual, toArrayBuffer, toDer } from './bytes';
import { allowsUsage, describeCertificate, type CertificateInfo, type KeyPurpose } from './certificate-info';
import { buildTrustedChain } from './chain';
import { ensurePkiEngine } from './engine';
import { OID, type NcaRole } from './oids';

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

export interface VerifyCmsInput {
  /** PEM, bare base64 or DER. */
  cms: string | Uint8Array;
  /** The exact bytes that were meant to be signed; required for a detached CMS. */
  content?: Uint8Array;
  trustedRoots: ReadonlyArray<string | Uint8Array>;
  /** For an RFC 3161 token (eContent TSTInfo): the stamped bytes, which pkijs checks the imprint against. */
  stamped?: Uint8Array;
  at: Date;
  expect: VerifyExpectations;
}

export interface VerifiedSigner extends CertificateInfo {
  certificate: Uint8Array;
  signingTime: Date | null;
}

export type VerifyCmsResult =
  /** `path`: the signer's certificate first, then each issuer up to the trusted root (DER). */
  | { ok: true; signer: VerifiedSigner; content: Uint8Array; math: 'verified' | 'deferred-to-server'; path: Uint8Array[] }
  | { ok: false; code: VerifyFailureCode; message: string; expected?: string; got?: string; signer?: VerifiedSigner };

type Failure = Extract<VerifyCmsResult, { ok: false }>;

function fail(code: VerifyFailureCode, message: string, extra: Partial<Failure> = {}): Failure {
  return { ok: false, code, message, ...extra };
}

function parseSignedData(cms: string | Uint8Array): pkijs.SignedData | Failure {
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(toArrayBuffer(toDer(cms)));
    if (contentInfo.contentType !== OID.signedData) return fail('MALFORMED', 'CMS is not SignedData');
    const signed = new pkijs.SignedData({ schema: contentInfo.content });
    if (signed.signerInfos.length !== 1) return fail('MALFORMED', `expected exactly one signer, found ${signed.signerInfos.length}`);
    return signed;
  } catch (error) {
    return fail('MALFORMED', `cannot parse CMS: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function findSignerCertificate(signed: pkijs.SignedData, certs: pkijs.Certificate[]): pkijs.Certificate | undefined {
  const sid = signed.signerInfos[0]!.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
  }
  return undefined;
}

function signingTimeOf(signed: pkijs.SignedData): Date | null {
  const attr = signed.signerInfos[0]!.signedAttrs?.attributes.find((a) => a.type === OID.attrSigningTime);
  const value = attr?.values[0];
  return value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime ? value.toDate() : null;
}

async function verifySignatureMath(signed: pkijs.SignedData, content: Uint8Array, detached: boolean, stamped?: Uint8Array): Promise<boolean> {
  const data = detached ? content : stamped;
  try {
    const result = await signed.verify({
      signer: 0, checkChain: false, extendedMode: true, ...(data ? { data: toArrayBuffer(data) } : {}),
    });
    return result.signatureVerified === true;
  } catch {
    return false;
  }
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

export async function verifyCms(input: VerifyCmsInput): Promise<VerifyCmsResult> {
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

  const certs = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const signerCert = findSignerCertificate(signed, certs);
  if (!signerCert) return fail('MALFORMED', 'the signer certificate is not in the CMS');
  const signer: VerifiedSigner = {
    ...describeCertificate(signerCert),
    certificate: new Uint8Array(signerCert.toSchema(true).toBER(false)),
    signingTime: signingTimeOf(signed),
  };

  // WebCrypto has no GOST: parse and check everything else, the server (Kalkan/NCANode) verifies the math.
  const deferred = signer.algorithm === 'gost2015' || signer.algorithm === 'gost2004';
  if (!deferred) {
    if (signer.algorithm === 'unknown') return fail('MALFORMED', 'unsupported key algorithm', { signer });
    if (!(await verifySignatureMath(signed, content, attachedContent === null, input.stamped))) {
      return fail('INVALID_SIGNATURE', 'the signature does not match the document', { signer });
    }
  }

  let roots: pkijs.Certificate[];
  try {
    roots = input.trustedRoots.map((r) => pkijs.Certificate.fromBER(toArrayBuffer(toDer(r))));
  } catch {
    return fail('MALFORMED', 'a trusted root certificate cannot be parsed');
  }
  const chain = await buildTrustedChain(signerCert, certs, roots, input.at, !deferred);
  if (!chain.ok) {
    return chain.reason === 'ca-not-valid'
      ? fail('CERT_EXPIRED', chain.detail, { signer })
      : fail('UNTRUSTED_CHAIN', chain.detail, { signer, got: signer.issuerDn });
  }
  if (input.at < signer.notBefore) {
    return fail('CERT_NOT_YET_VALID', `the certificate is valid from ${signer.notBefore.toISOString()}`, { signer });
  }
  if (input.at > signer.notAfter) {
    return fail('CERT_EXPIRED', `the certificate expired on ${signer.notAfter.toISOString()}`, { signer });
  }
  const mismatch = checkExpectations(signer, input.expect);
  if (mismatch) return mismatch;
  const path = chain.path.map((c) => new Uint8Array(c.toSchema(true).toBER(false)));
  return { ok: true, signer, content, math: deferred ? 'deferred-to-server' : 'verified', path };
}
