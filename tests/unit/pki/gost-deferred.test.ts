// A GOST 34.10-2015 signer: WebCrypto cannot check GOST math, so verifyCms must defer it to the server and still
// enforce the chain (by names and key identifiers), validity, key usage, IIN, BIN and role. The fixture is built here:
// a real RSA-signed NCA-profile certificate whose subject key is a dummy GOST-2015 key, in a CMS with a dummy signature.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { OID, pemBlocks, POLICY_OIDS, ROLE_OIDS, verifyCms, type VerifyCmsInput } from '../../../domain/pki';
import { toArrayBuffer } from '../../../domain/pki/bytes';
import { generateRsaKeyPair, issueCertificate, type DnPart } from '../../fixtures/pki/build-cert';
import { findIdentity, findOrganisation } from '../../fixtures/pki/identities';
import { PKI_LAYOUT } from '../../fixtures/pki/layout';
import { readPem, trustedTestRootsPem } from '../../fixtures/pki/load';

const NOW = new Date('2026-03-01T10:00:00Z');
const VALID = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2035-12-31T23:59:59Z') };
const EXPIRED = { notBefore: new Date('2015-01-01T00:00:00Z'), notAfter: new Date('2020-12-31T23:59:59Z') };
const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
/** GOST 34.11-2015 (Streebog) digest, as Kalkan puts it next to a GOST-2015 signature (reference/ncalayer.md §7). */
const GOST_2015_DIGEST = '1.2.398.3.10.1.3.3';

const person = findIdentity('kg1-head');
const org = findOrganisation('kg1');
const document = new TextEncoder().encode('Шешім № 5 — GOST-signed, exact bytes\n');

interface Issuer { certificate: pkijs.Certificate; privateKey: CryptoKey }
let intermediate: Issuer;

function der(cert: pkijs.Certificate): Uint8Array {
  return new Uint8Array(cert.toSchema(true).toBER(false));
}

async function loadIntermediate(): Promise<Issuer> {
  const certificate = pkijs.Certificate.fromBER(toArrayBuffer(pemBlocks(readPem(PKI_LAYOUT.intermediate))[0]!.der));
  const keyDer = pemBlocks(readPem(PKI_LAYOUT.intermediateKey))[0]!.der;
  const privateKey = await globalThis.crypto.subtle.importKey(
    'pkcs8', toArrayBuffer(keyDer), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign'],
  );
  return { certificate, privateKey };
}

/** The NCA SIGN profile of a legal-entity employee (subject order CN, SURNAME, SERIALNUMBER, C, O, OU, G). */
function ncaSubject(): DnPart[] {
  return [
    [OID.commonName, `${person.surname} ${person.name}`],
    [OID.surname, person.surname],
    [OID.serialNumber, `IIN${person.iin}`],
    [OID.country, 'KZ'],
    [OID.organisation, org.nameRu],
    [OID.organisationalUnit, `BIN${org.bin}`],
    [OID.givenName, person.patronymic],
  ];
}

/** Swaps the subject key for dummy GOST-2015 key bytes and re-signs the TBS with the issuer's RSA key. */
async function withGostKey(cert: pkijs.Certificate, issuerKey: CryptoKey): Promise<pkijs.Certificate> {
  cert.subjectPublicKeyInfo = new pkijs.PublicKeyInfo({
    algorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.gost2015PublicKey }),
    subjectPublicKey: new asn1js.BitString({ valueHex: new Uint8Array(64).fill(0x5a).buffer }),
  });
  const algorithm = new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_WITH_RSA, algorithmParams: new asn1js.Null() });
  cert.signature = algorithm;
  cert.signatureAlgorithm = algorithm;
  cert.tbsView = new Uint8Array(cert.encodeTBS().toBER(false));
  const signature = await globalThis.crypto.subtle.sign('RSASSA-PKCS1-v1_5', issuerKey, toArrayBuffer(cert.tbsView));
  cert.signatureValue = new asn1js.BitString({ valueHex: signature });
  return pkijs.Certificate.fromBER(toArrayBuffer(der(cert)));
}

async function issueGostCertificate(issuer: Issuer, validity = VALID): Promise<pkijs.Certificate> {
  const placeholder = await generateRsaKeyPair(); // issueCertificate needs a CryptoKey; the GOST key replaces it
  const cert = await issueCertificate({
    subject: ncaSubject(),
    publicKey: placeholder.publicKey,
    signingKey: issuer.privateKey,
    issuer,
    ...validity,
    keyUsage: { digitalSignature: true, nonRepudiation: true },
    extKeyUsage: [OID.ekuEmailProtection, ROLE_OIDS.organisation, ROLE_OIDS.ceo],
    policies: [POLICY_OIDS.legalSign],
  });
  return withGostKey(cert, issuer.privateKey);
}

/** Attached CMS SignedData with GOST digest/signature OIDs and a dummy signature value. */
function gostCms(signer: pkijs.Certificate, chain: pkijs.Certificate[]): Uint8Array {
  const digestAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: GOST_2015_DIGEST });
  const signed = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [digestAlgorithm],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: OID.data,
      eContent: new asn1js.OctetString({ valueHex: toArrayBuffer(document) }),
    }),
    signerInfos: [new pkijs.SignerInfo({
      version: 1,
      sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.issuer, serialNumber: signer.serialNumber }),
      digestAlgorithm,
      signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.gost2015Sign512 }),
      signature: new asn1js.OctetString({ valueHex: new Uint8Array(128).fill(0xa5).buffer }),
    })],
    certificates: [signer, ...chain],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

function check(cms: Uint8Array, expect: Partial<VerifyCmsInput['expect']> = {}) {
  return verifyCms({ cms, content: document, trustedRoots: trustedTestRootsPem(), at: NOW, expect: { usage: 'sign', ...expect } });
}

beforeAll(async () => {
  intermediate = await loadIntermediate();
});

describe('verifyCms with a GOST-2015 signer', () => {
  let cms: Uint8Array;
  beforeAll(async () => {
    cms = gostCms(await issueGostCertificate(intermediate), [intermediate.certificate]);
  });

  it('is ok with the math deferred to the server and reads IIN, BIN and role', async () => {
    const result = await check(cms, { iin: person.iin, bin: org.bin, roles: ['ceo', 'can_sign'] });
    expect(result).toMatchObject({ ok: true, math: 'deferred-to-server' });
    if (!result.ok) return;
    expect(result.signer.algorithm).toBe('gost2015');
    expect(result.signer.iin).toBe(person.iin);
    expect(result.signer.bin).toBe(org.bin);
    expect(result.signer.roles).toEqual(['organisation', 'ceo']);
    expect(new TextDecoder().decode(result.content)).toBe(new TextDecoder().decode(document));
  });

  it('WRONG_SIGNER when another IIN was expected', async () => {
    const other = findIdentity('kg1-deputy').iin;
    expect(await check(cms, { iin: other })).toMatchObject({ ok: false, code: 'WRONG_SIGNER', expected: other, got: person.iin });
  });

  it('WRONG_ORG for another BIN', async () => {
    const other = findOrganisation('kg2').bin;
    expect(await check(cms, { bin: other })).toMatchObject({ ok: false, code: 'WRONG_ORG', expected: other, got: org.bin });
  });

  it('ROLE_NOT_ALLOWED when the allowed roles do not include the signer\'s', async () => {
    expect(await check(cms, { roles: ['can_sign', 'employee'] })).toMatchObject({ ok: false, code: 'ROLE_NOT_ALLOWED' });
  });

  it('WRONG_KEY_USAGE when an AUTH key is expected', async () => {
    expect(await check(cms, { usage: 'auth' })).toMatchObject({ ok: false, code: 'WRONG_KEY_USAGE' });
  });
});

describe('verifyCms refuses a GOST-2015 signer certificate', () => {
  it('CERT_EXPIRED outside its validity', async () => {
    const cms = gostCms(await issueGostCertificate(intermediate, EXPIRED), [intermediate.certificate]);
    expect(await check(cms, { iin: person.iin })).toMatchObject({ ok: false, code: 'CERT_EXPIRED' });
  });

  it('UNTRUSTED_CHAIN when issued by an unknown CA', async () => {
    const keys = await generateRsaKeyPair();
    const unknownCa = await issueCertificate({
      subject: [[OID.country, 'KZ'], [OID.commonName, 'БЕЙМӘЛІМ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST) TEST']],
      publicKey: keys.publicKey,
      signingKey: keys.privateKey,
      ...VALID,
      ca: true,
      keyUsage: { keyCertSign: true, cRLSign: true },
    });
    const unknown = { certificate: unknownCa, privateKey: keys.privateKey };
    const cms = gostCms(await issueGostCertificate(unknown), [unknownCa]);
    expect(await check(cms, { iin: person.iin })).toMatchObject({ ok: false, code: 'UNTRUSTED_CHAIN' });
  });
});
