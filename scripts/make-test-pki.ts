// `npm run pki`: regenerates the test PKI in tests/fixtures/pki/ (root → intermediate → end entities in the NCA RK
// profile, PKCS#12 files with password 123456, negative fixtures, and the NCALayer emulator's TLS certificates).
// The output is committed so tests and the demo are stable; run this only to change the PKI on purpose.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as pkijs from 'pkijs';
import { derToPem, pemBlocks, toArrayBuffer } from '../domain/pki/bytes';
import { parseCertificate } from '../domain/pki/certificate-info';
import { isValidBin, isValidIin } from '../domain/identifiers';
import { OID, POLICY_OIDS, ROLE_OIDS } from '../domain/pki/oids';
import { generateRsaKeyPair, issueCertificate, type DnPart } from '../tests/fixtures/pki/build-cert';
import {
  findIdentity, findOrganisation, NEGATIVE_FIXTURES, REVOKED_IDENTITY, TEST_IDENTITIES, TEST_REVOCATION_URLS, TEST_ORGANISATIONS, TEST_PKCS12_PASSWORD, usagesOf,
  type KeyUsageKind, type NegativeFault, type TestIdentity,
} from '../tests/fixtures/pki/identities';
import { PKI_LAYOUT } from '../tests/fixtures/pki/layout';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'pki');
const workDir = mkdtempSync(join(tmpdir(), 'qabyl-pki-'));

const VALID = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2035-12-31T23:59:59Z') };
const CA_VALID = { notBefore: new Date('2024-01-01T00:00:00Z'), notAfter: new Date('2045-12-31T23:59:59Z') };
const FAULT_VALIDITY: Partial<Record<NegativeFault, typeof VALID>> = {
  expired: { notBefore: new Date('2015-01-01T00:00:00Z'), notAfter: new Date('2020-12-31T23:59:59Z') },
  'not-yet-valid': { notBefore: new Date('2040-01-01T00:00:00Z'), notAfter: new Date('2044-12-31T23:59:59Z') },
};

interface Issuer { certificate: pkijs.Certificate; privateKey: CryptoKey }

function certDer(cert: pkijs.Certificate): Uint8Array {
  return new Uint8Array(cert.toSchema(true).toBER(false));
}

async function keyPem(key: CryptoKey): Promise<string> {
  return derToPem(new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', key)), 'PRIVATE KEY');
}

function write(relative: string, content: string | Uint8Array): void {
  const path = join(outDir, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

async function makeCa(cn: string, issuer?: Issuer): Promise<Issuer> {
  const keys = await generateRsaKeyPair();
  const certificate = await issueCertificate({
    subject: [[OID.country, 'KZ'], [OID.commonName, cn]],
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
    issuer,
    ...CA_VALID,
    ca: true,
    keyUsage: { keyCertSign: true, cRLSign: true },
    policies: [POLICY_OIDS.ca],
  });
  return { certificate, privateKey: keys.privateKey };
}

/** Subject DN in NCA encoding order: CN, SURNAME, SERIALNUMBER, C, [O, OU], G. */
function subjectOf(person: TestIdentity, iin: string): DnPart[] {
  const org = person.org ? findOrganisation(person.org) : null;
  return [
    [OID.commonName, `${person.surname} ${person.name}`],
    [OID.surname, person.surname],
    [OID.serialNumber, `IIN${iin}`],
    [OID.country, 'KZ'],
    ...(org ? [[OID.organisation, org.nameRu], [OID.organisationalUnit, `BIN${org.bin}`]] as DnPart[] : []),
    [OID.givenName, person.patronymic],
  ];
}

function profileOf(person: TestIdentity, usage: KeyUsageKind) {
  const legal = person.org !== null;
  const purpose = usage === 'sign' ? OID.ekuEmailProtection : OID.ekuClientAuth;
  const roleOids = legal ? [ROLE_OIDS.organisation, ROLE_OIDS[person.role]] : [ROLE_OIDS.individual];
  const policy = legal
    ? (usage === 'sign' ? POLICY_OIDS.legalSign : POLICY_OIDS.legalAuth)
    : (usage === 'sign' ? POLICY_OIDS.individualSign : POLICY_OIDS.individualAuth);
  return {
    keyUsage: usage === 'sign' ? { digitalSignature: true, nonRepudiation: true } : { digitalSignature: true, keyEncipherment: true },
    extKeyUsage: [purpose, ...roleOids],
    policies: [policy],
    revocation: TEST_REVOCATION_URLS,
  };
}

async function writePkcs12(relative: string, alias: string, cert: pkijs.Certificate, key: CryptoKey, chain: pkijs.Certificate[]): Promise<void> {
  const certFile = join(workDir, 'cert.pem');
  const keyFile = join(workDir, 'key.pem');
  const chainFile = join(workDir, 'chain.pem');
  const p12File = join(workDir, 'out.p12');
  writeFileSync(certFile, derToPem(certDer(cert), 'CERTIFICATE'));
  writeFileSync(keyFile, await keyPem(key));
  writeFileSync(chainFile, chain.map((c) => derToPem(certDer(c), 'CERTIFICATE')).join(''));
  // 3DES + SHA-1 MAC: what Kalkan-era tools and node-forge (our loader) read; OpenSSL 3's AES default they don't.
  execFileSync('openssl', [
    'pkcs12', '-export', '-in', certFile, '-inkey', keyFile, '-certfile', chainFile, '-name', alias,
    '-passout', `pass:${TEST_PKCS12_PASSWORD}`, '-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1',
    '-out', p12File,
  ]);
  write(relative, readFileSync(p12File));
}

async function issuePerson(person: TestIdentity, usage: KeyUsageKind, issuer: Issuer, iin: string, validity = VALID): Promise<{ cert: pkijs.Certificate; key: CryptoKey }> {
  const keys = await generateRsaKeyPair();
  const cert = await issueCertificate({
    subject: subjectOf(person, iin),
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
    issuer,
    ...validity,
    ...profileOf(person, usage),
  });
  return { cert, key: keys.privateKey };
}

async function makeTls(ca: Issuer, prefix: string): Promise<void> {
  const keys = await generateRsaKeyPair();
  const cert = await issueCertificate({
    subject: [[OID.commonName, '127.0.0.1'], [OID.organisation, 'ҰКО'], [OID.country, 'KZ']],
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
    issuer: ca,
    ...VALID,
    keyUsage: { digitalSignature: true, keyEncipherment: true },
    extKeyUsage: [OID.ekuServerAuth],
    subjectAltName: { ips: [[127, 0, 0, 1]], dns: ['localhost'] },
  });
  write(`${prefix}.pem`, derToPem(certDer(cert), 'CERTIFICATE'));
  write(`${prefix}.key.pem`, await keyPem(keys.privateKey));
}

/** The committed intermediate CA, for re-issuing only the revocation and TSA fixtures. */
async function committedIntermediate(): Promise<Issuer> {
  const [certBlock] = pemBlocks(readFileSync(join(outDir, PKI_LAYOUT.intermediate), 'utf8'));
  const [keyBlock] = pemBlocks(readFileSync(join(outDir, PKI_LAYOUT.intermediateKey), 'utf8'));
  if (!certBlock || !keyBlock) throw new Error('the committed intermediate CA is missing; run the full `npm run pki`');
  const privateKey = await globalThis.crypto.subtle.importKey(
    'pkcs8', toArrayBuffer(keyBlock.der), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['sign'],
  );
  return { certificate: parseCertificate(certBlock.der), privateKey };
}

async function issueService(issuer: Issuer, cn: string, extKeyUsage: string, critical: boolean, certPath: string, keyPath: string): Promise<void> {
  const keys = await generateRsaKeyPair();
  const cert = await issueCertificate({
    subject: [[OID.country, 'KZ'], [OID.commonName, cn]],
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
    issuer,
    ...VALID,
    keyUsage: { digitalSignature: true, nonRepudiation: true },
    extKeyUsage: [extKeyUsage],
    criticalExtKeyUsage: critical,
  });
  write(certPath, derToPem(certDer(cert), 'CERTIFICATE'));
  write(keyPath, await keyPem(keys.privateKey));
}

/** The OCSP responder, the TSA and the revoked key pair of REVOKED_IDENTITY, all under the intermediate CA. */
async function issueRevocationAndTsaFixtures(intermediate: Issuer): Promise<void> {
  rmSync(join(outDir, 'revocation'), { recursive: true, force: true });
  await issueService(intermediate, 'OCSP RESPONDER (RSA) TEST', OID.ekuOcspSigning, false, PKI_LAYOUT.ocspResponder, PKI_LAYOUT.ocspResponderKey);
  await issueService(intermediate, 'TSA (RSA) TEST', OID.ekuTimeStamping, true, PKI_LAYOUT.tsa, PKI_LAYOUT.tsaKey);
  const person = findIdentity(REVOKED_IDENTITY);
  const chain = [intermediate.certificate, parseCertificate(pemBlocks(readFileSync(join(outDir, PKI_LAYOUT.root), 'utf8'))[0]!.der)];
  for (const usage of usagesOf(person)) {
    const { cert, key } = await issuePerson(person, usage, intermediate, person.iin);
    await writePkcs12(PKI_LAYOUT.revoked(usage), `revoked-${usage}`, cert, key, chain);
  }
}

async function main(): Promise<void> {
  // --revocation-only: re-issue the OCSP responder, TSA and revoked keys under the committed CA, nothing else.
  if (process.argv.includes('--revocation-only')) {
    await issueRevocationAndTsaFixtures(await committedIntermediate());
    rmSync(workDir, { recursive: true, force: true });
    console.log(`revocation and TSA fixtures written to ${outDir}`);
    return;
  }
  for (const person of TEST_IDENTITIES) {
    if (!isValidIin(person.iin)) throw new Error(`${person.key}: IIN ${person.iin} has a wrong check digit`);
  }
  for (const org of TEST_ORGANISATIONS) {
    if (!isValidBin(org.bin)) throw new Error(`${org.key}: BIN ${org.bin} has a wrong check digit`);
  }
  rmSync(outDir + '/keys', { recursive: true, force: true });
  rmSync(outDir + '/negative', { recursive: true, force: true });

  const root = await makeCa('НЕГІЗГІ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA) TEST');
  const intermediate = await makeCa('ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA) TEST', root);
  const unknownRoot = await makeCa('БЕЙМӘЛІМ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA) TEST');
  write(PKI_LAYOUT.root, derToPem(certDer(root.certificate), 'CERTIFICATE'));
  write(PKI_LAYOUT.intermediate, derToPem(certDer(intermediate.certificate), 'CERTIFICATE'));
  write(PKI_LAYOUT.intermediateKey, await keyPem(intermediate.privateKey));
  write(PKI_LAYOUT.unknownRoot, derToPem(certDer(unknownRoot.certificate), 'CERTIFICATE'));
  const chain = [intermediate.certificate, root.certificate];

  for (const person of TEST_IDENTITIES) {
    for (const usage of usagesOf(person)) {
      const { cert, key } = await issuePerson(person, usage, intermediate, person.iin);
      await writePkcs12(PKI_LAYOUT.key(person.key, usage), `${person.key}-${usage}`, cert, key, chain);
    }
  }
  for (const fixture of NEGATIVE_FIXTURES) {
    const person = findIdentity(fixture.identity);
    const issuer = fixture.fault === 'unknown-ca' ? unknownRoot : intermediate;
    const issuerChain = fixture.fault === 'unknown-ca' ? [unknownRoot.certificate] : chain;
    for (const usage of ['sign', 'auth'] as const) {
      const { cert, key } = await issuePerson(person, usage, issuer, findIdentity(fixture.iinOf).iin, FAULT_VALIDITY[fixture.fault]);
      await writePkcs12(PKI_LAYOUT.negative(fixture.fault, usage), `${fixture.fault}-${usage}`, cert, key, issuerChain);
    }
  }

  await issueRevocationAndTsaFixtures(intermediate);

  const tlsCa = await makeCa('NCALayer TLS TEST CA');
  const untrustedTlsCa = await makeCa('NCALayer TLS UNTRUSTED TEST CA');
  write(PKI_LAYOUT.tlsCa, derToPem(certDer(tlsCa.certificate), 'CERTIFICATE'));
  await makeTls(tlsCa, PKI_LAYOUT.tlsServerPrefix);
  await makeTls(untrustedTlsCa, PKI_LAYOUT.untrustedTlsServerPrefix);
  rmSync(workDir, { recursive: true, force: true });
  console.log(`test PKI written to ${outDir}`);
}

await main();
