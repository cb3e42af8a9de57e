// What a verifier needs to know about an NCA RK certificate: who (IIN, BIN, name), for what (SIGN/AUTH key usage,
// role OIDs from EKU), when (validity) and with which algorithm family (RSA/ECDSA verified here, GOST by the server).
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer, toHex } from './bytes';
import { OID, roleFromOid, type NcaRole } from './oids';

export type KeyAlgorithm = 'rsa' | 'ecdsa' | 'gost2015' | 'gost2004' | 'unknown';

export interface CertificateInfo {
  serialNumber: string;
  /** BouncyCastle-style DN in encoding order, e.g. `CN=…,SURNAME=…,SERIALNUMBER=IIN…,C=KZ,G=…`. */
  subjectDn: string;
  issuerDn: string;
  commonName: string;
  surname: string | null;
  /** NCA puts the patronymic into G (givenName). */
  patronymic: string | null;
  /** Surname, first name, patronymic. */
  fullName: string;
  iin: string | null;
  bin: string | null;
  organisation: string | null;
  notBefore: Date;
  notAfter: Date;
  /** Null when the certificate has no keyUsage extension (RFC 5280: then the key is not restricted by it). */
  keyUsage: { digitalSignature: boolean; nonRepudiation: boolean; keyEncipherment: boolean } | null;
  extKeyUsage: string[];
  roles: NcaRole[];
  algorithm: KeyAlgorithm;
}

const SHORT_NAMES: Record<string, string> = {
  [OID.commonName]: 'CN', [OID.surname]: 'SURNAME', [OID.serialNumber]: 'SERIALNUMBER', [OID.country]: 'C',
  [OID.organisation]: 'O', [OID.organisationalUnit]: 'OU', [OID.givenName]: 'G', [OID.email]: 'E',
};

function attributes(name: pkijs.RelativeDistinguishedNames): Array<{ type: string; value: string }> {
  return name.typesAndValues.map((tv) => ({ type: tv.type, value: String(tv.value.valueBlock.value ?? '') }));
}

export function formatDn(name: pkijs.RelativeDistinguishedNames): string {
  return attributes(name).map(({ type, value }) => `${SHORT_NAMES[type] ?? type}=${value}`).join(',');
}

function extensionValue<T>(cert: pkijs.Certificate, oid: string): T | undefined {
  return cert.extensions?.find((e) => e.extnID === oid)?.parsedValue as T | undefined;
}

function keyAlgorithm(cert: pkijs.Certificate): KeyAlgorithm {
  const key = cert.subjectPublicKeyInfo.algorithm.algorithmId;
  if (key === OID.rsaEncryption) return 'rsa';
  if (key === OID.ecPublicKey) return 'ecdsa';
  if (key === OID.gost2015PublicKey || cert.signatureAlgorithm.algorithmId.startsWith('1.2.398.3.10.1.1.2')) return 'gost2015';
  if (key === OID.gost2004PublicKey) return 'gost2004';
  return 'unknown';
}

function keyUsageOf(cert: pkijs.Certificate): CertificateInfo['keyUsage'] {
  const bits = extensionValue<asn1js.BitString>(cert, OID.keyUsage);
  if (!bits) return null;
  const first = new Uint8Array(bits.valueBlock.valueHexView)[0] ?? 0;
  return { digitalSignature: (first & 0x80) !== 0, nonRepudiation: (first & 0x40) !== 0, keyEncipherment: (first & 0x20) !== 0 };
}

function stripPrefix(value: string | undefined, prefix: string): string | null {
  if (!value) return null;
  return value.startsWith(prefix) ? value.slice(prefix.length) : null;
}

export function describeCertificate(cert: pkijs.Certificate): CertificateInfo {
  const subject = attributes(cert.subject);
  const first = (oid: string) => subject.find((a) => a.type === oid)?.value;
  const commonName = first(OID.commonName) ?? '';
  const surname = first(OID.surname) ?? null;
  const patronymic = first(OID.givenName) ?? null;
  const serial = first(OID.serialNumber);
  const extKeyUsage = extensionValue<pkijs.ExtKeyUsage>(cert, OID.extKeyUsage)?.keyPurposes ?? [];
  // CN is "SURNAME NAME"; the full name appends the patronymic.
  const fullName = [commonName, patronymic].filter(Boolean).join(' ');
  return {
    serialNumber: toHex(new Uint8Array(cert.serialNumber.valueBlock.valueHexView)),
    subjectDn: formatDn(cert.subject),
    issuerDn: formatDn(cert.issuer),
    commonName,
    surname,
    patronymic,
    fullName,
    iin: stripPrefix(serial, 'IIN'),
    // NCANode also accepts SERIALNUMBER=BIN… on some system certificates.
    bin: stripPrefix(first(OID.organisationalUnit), 'BIN') ?? stripPrefix(serial, 'BIN'),
    organisation: first(OID.organisation) ?? null,
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
    keyUsage: keyUsageOf(cert),
    extKeyUsage,
    roles: extKeyUsage.map(roleFromOid).filter((r): r is NcaRole => r !== undefined),
    algorithm: keyAlgorithm(cert),
  };
}

/** What a key is used for here: signing documents, authenticating, or a TSA stamping signatures. */
export type KeyPurpose = 'sign' | 'auth' | 'timestamp';

/** SIGN keys carry nonRepudiation (+EKU emailProtection); AUTH keys keyEncipherment or EKU clientAuth. GOST-2015
 *  single keys carry both. A person's key must say which it is; a TSA may leave keyUsage out (NCA's legacy TSA does). */
export function allowsUsage(info: CertificateInfo, usage: KeyPurpose): boolean {
  // RFC 3161 §2.3: a TSA certificate carries exactly one extendedKeyUsage, id-kp-timeStamping.
  if (usage === 'timestamp') {
    return (info.keyUsage?.digitalSignature ?? true) && info.extKeyUsage.length === 1 && info.extKeyUsage[0] === OID.ekuTimeStamping;
  }
  if (!info.keyUsage?.digitalSignature) return false;
  if (usage === 'sign') {
    return info.keyUsage.nonRepudiation && (info.extKeyUsage.length === 0 || info.extKeyUsage.includes(OID.ekuEmailProtection));
  }
  return info.extKeyUsage.includes(OID.ekuClientAuth) || (info.keyUsage.keyEncipherment && info.algorithm === 'gost2015');
}

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(toArrayBuffer(der));
}
