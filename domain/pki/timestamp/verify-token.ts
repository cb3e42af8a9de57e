// RFC 3161 token verification: the token imprints exactly the stamped bytes (the signature value), is signed by a
// TSA certificate (id-kp-timeStamping as its only extended key usage) that chains to a trusted root at genTime, names that
// certificate in its ESS signing-certificate attribute, and carries an accepted policy (and our nonce, if asked).
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesEqual, toArrayBuffer } from '../bytes';
import { digestByOid } from '../digest';
import { ensurePkiEngine } from '../engine';
import { OID } from '../oids';
import { verifyCms } from '../verify-cms';
import { integerValue } from './request';

export interface TimestampExpectations {
  /** The bytes the token must imprint: the signature value of the stamped signature. */
  stamped: Uint8Array;
  trustedRoots: ReadonlyArray<string | Uint8Array>;
  /** TSA policies accepted; absent or empty = any. */
  policies?: readonly string[];
  /** The nonce of our own request, when we asked for the token. */
  nonce?: bigint;
}

export interface VerifiedTimestamp {
  genTime: Date;
  policy: string;
  /** Subject of the TSA certificate. */
  tsa: string;
  serialNumber: string;
}

export type TimestampVerdict = ({ ok: true } & VerifiedTimestamp) | { ok: false; reason: string };

function tstInfoOf(token: Uint8Array): { tst: pkijs.TSTInfo; signer: pkijs.SignerInfo } {
  const info = pkijs.ContentInfo.fromBER(toArrayBuffer(token));
  if (info.contentType !== OID.signedData) throw new Error('the token is not SignedData');
  const signed = new pkijs.SignedData({ schema: info.content });
  const content = signed.encapContentInfo.eContent;
  if (signed.encapContentInfo.eContentType !== OID.tstInfo || !content) throw new Error('the token carries no TSTInfo');
  const signer = signed.signerInfos[0];
  if (!signer) throw new Error('the token has no signer');
  return { tst: pkijs.TSTInfo.fromBER(toArrayBuffer(new Uint8Array(content.getValue()))), signer };
}

/** The first certificate hash of ESS signingCertificateV2 (default SHA-256) or signingCertificate (SHA-1). */
function essCertHash(signer: pkijs.SignerInfo): { oid: string; hash: Uint8Array } | null {
  const attrs = signer.signedAttrs?.attributes ?? [];
  for (const [type, defaultOid] of [[OID.attrSigningCertificateV2, OID.sha256], [OID.attrSigningCertificate, OID.sha1]] as const) {
    const value = attrs.find((a) => a.type === type)?.values[0];
    const certs = value instanceof asn1js.Sequence ? value.valueBlock.value[0] : undefined;
    const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
    if (!(first instanceof asn1js.Sequence)) continue;
    const [a, b] = first.valueBlock.value;
    if (a instanceof asn1js.Sequence && b instanceof asn1js.OctetString) {
      const oid = new pkijs.AlgorithmIdentifier({ schema: a }).algorithmId;
      return { oid, hash: new Uint8Array(b.valueBlock.valueHexView) };
    }
    if (a instanceof asn1js.OctetString) return { oid: defaultOid, hash: new Uint8Array(a.valueBlock.valueHexView) };
  }
  return null;
}

export async function verifyTimestampToken(token: Uint8Array, expect: TimestampExpectations): Promise<TimestampVerdict> {
  ensurePkiEngine();
  let parsed: ReturnType<typeof tstInfoOf>;
  try {
    parsed = tstInfoOf(token);
  } catch (error) {
    return { ok: false, reason: `the timestamp token cannot be parsed: ${error instanceof Error ? error.message : String(error)}` };
  }
  const { tst, signer } = parsed;
  const imprint = await digestByOid(tst.messageImprint.hashAlgorithm.algorithmId, expect.stamped);
  if (!imprint) return { ok: false, reason: `unsupported imprint hash ${tst.messageImprint.hashAlgorithm.algorithmId}` };
  if (!bytesEqual(imprint, new Uint8Array(tst.messageImprint.hashedMessage.valueBlock.valueHexView))) {
    return { ok: false, reason: 'the timestamp was issued over other bytes than this signature' };
  }
  if (expect.policies?.length && !expect.policies.includes(tst.policy)) return { ok: false, reason: `TSA policy ${tst.policy} is not accepted` };
  if (expect.nonce !== undefined && (!tst.nonce || integerValue(tst.nonce) !== expect.nonce)) {
    return { ok: false, reason: 'the timestamp answers another request (nonce)' };
  }
  const checked = await verifyCms({ cms: token, trustedRoots: expect.trustedRoots, at: tst.genTime, expect: { usage: 'timestamp' } });
  if (!checked.ok) return { ok: false, reason: `the TSA signature is not valid: ${checked.code} ${checked.message}` };
  const ess = essCertHash(signer);
  const certHash = ess ? await digestByOid(ess.oid, checked.signer.certificate) : null;
  if (!ess || !certHash || !bytesEqual(certHash, ess.hash)) return { ok: false, reason: 'the ESS signing-certificate attribute does not name the TSA certificate' };
  return {
    ok: true,
    genTime: tst.genTime,
    policy: tst.policy,
    tsa: checked.signer.subjectDn,
    serialNumber: integerValue(tst.serialNumber).toString(16),
  };
}

