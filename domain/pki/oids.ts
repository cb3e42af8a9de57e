// Object identifiers of the NCA RK certificate profile (reference/ncalayer.md §3).

export const OID = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  country: '2.5.4.6',
  organisation: '2.5.4.10',
  organisationalUnit: '2.5.4.11',
  givenName: '2.5.4.42',
  email: '1.2.840.113549.1.9.1',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  basicConstraints: '2.5.29.19',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  certificatePolicies: '2.5.29.32',
  subjectAltName: '2.5.29.17',
  ekuClientAuth: '1.3.6.1.5.5.7.3.2',
  ekuEmailProtection: '1.3.6.1.5.5.7.3.4',
  ekuServerAuth: '1.3.6.1.5.5.7.3.1',
  ekuTimeStamping: '1.3.6.1.5.5.7.3.8',
  ekuOcspSigning: '1.3.6.1.5.5.7.3.9',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  accessOcsp: '1.3.6.1.5.5.7.48.1',
  crlDistributionPoints: '2.5.29.31',
  freshestCrl: '2.5.29.46',
  deltaCrlIndicator: '2.5.29.27',
  crlReason: '2.5.29.21',
  ocspBasic: '1.3.6.1.5.5.7.48.1.1',
  ocspNonce: '1.3.6.1.5.5.7.48.1.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  attrTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  attrSigningCertificate: '1.2.840.113549.1.9.16.2.12',
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  attrContentType: '1.2.840.113549.1.9.3',
  attrMessageDigest: '1.2.840.113549.1.9.4',
  attrSigningTime: '1.2.840.113549.1.9.5',
  attrSigningCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecPublicKey: '1.2.840.10045.2.1',
  gost2004PublicKey: '1.2.398.3.10.1.1.1.1',
  gost2015PublicKey: '1.2.398.3.10.1.1.2.2',
  gost2015Sign256: '1.2.398.3.10.1.1.2.3.1',
  gost2015Sign512: '1.2.398.3.10.1.1.2.3.2',
  gost2004Sign: '1.2.398.3.10.1.1.1.2',
} as const;

/** NCA user-type / role OIDs carried in extendedKeyUsage. */
export const ROLE_OIDS = {
  individual: '1.2.398.3.3.4.1.1',
  organisation: '1.2.398.3.3.4.1.2',
  ceo: '1.2.398.3.3.4.1.2.1',
  can_sign: '1.2.398.3.3.4.1.2.2',
  can_sign_financial: '1.2.398.3.3.4.1.2.3',
  hr: '1.2.398.3.3.4.1.2.4',
  employee: '1.2.398.3.3.4.1.2.5',
} as const;

export type NcaRole = keyof typeof ROLE_OIDS;

/** certificatePolicies of NCA end-entity certificates (… 2.4 legal AUTH is by pattern, unconfirmed). */
export const POLICY_OIDS = {
  ca: '1.2.398.3.3.1.1',
  legalSign: '1.2.398.3.3.2.1',
  legalAuth: '1.2.398.3.3.2.2',
  individualSign: '1.2.398.3.3.2.3',
  individualAuth: '1.2.398.3.3.2.4',
} as const;

export function roleFromOid(oid: string): NcaRole | undefined {
  return (Object.keys(ROLE_OIDS) as NcaRole[]).find((role) => ROLE_OIDS[role] === oid);
}
