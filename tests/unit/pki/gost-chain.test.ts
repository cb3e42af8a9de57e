// Whole-chain verification with real GOST 34.10-2015 keys built here (root → intermediate → signer) and the RSA test
// PKI's intermediate for mixed chains: every link's signature counts, the intermediates may come from the trust
// store, a signer may be named by subjectKeyIdentifier.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { OID, pemBlocks, POLICY_OIDS, ROLE_OIDS, verifyCms, type VerifyCmsInput } from '../../../domain/pki';
import { signCms } from '../../fixtures/pki/sign-cms';
import { toArrayBuffer } from '../../../domain/pki/bytes';
import { TC26_512_A } from '../../../domain/pki/gost/curves';
import { generateGostPrivateKey } from '../../../domain/pki/gost/gost-signature';
import type { GostPrivateKey } from '../../../domain/pki/gost/key-info';
import { issueCertificate, type AnyKey, type DnPart } from '../../fixtures/pki/build-cert';
import { findIdentity, findOrganisation } from '../../fixtures/pki/identities';
import { PKI_LAYOUT } from '../../fixtures/pki/layout';
import { readPem, trustedTestRootsPem } from '../../fixtures/pki/load';

const NOW = new Date('2026-03-01T10:00:00Z');
const VALID = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2035-12-31T23:59:59Z') };
const EXPIRED = { notBefore: new Date('2015-01-01T00:00:00Z'), notAfter: new Date('2020-12-31T23:59:59Z') };
const person = findIdentity('kg1-head');
const org = findOrganisation('kg1');
const document = new TextEncoder().encode('Шешім № 5 — GOST-signed, exact bytes\n');

interface Issuer { certificate: pkijs.Certificate; privateKey: AnyKey }
const gostKey = (): GostPrivateKey => ({ kind: 'gost2015-512', scalar: generateGostPrivateKey(TC26_512_A) });
const der = (cert: pkijs.Certificate) => new Uint8Array(cert.toSchema(true).toBER(false));

function ncaSubject(): DnPart[] {
  return [
    [OID.commonName, `${person.surname} ${person.name}`], [OID.surname, person.surname], [OID.serialNumber, `IIN${person.iin}`],
    [OID.country, 'KZ'], [OID.organisation, org.nameRu], [OID.organisationalUnit, `BIN${org.bin}`], [OID.givenName, person.patronymic],
  ];
}

async function ca(name: string, key: GostPrivateKey, issuer?: Issuer, validity = VALID): Promise<Issuer> {
  const certificate = await issueCertificate({
    subject: [[OID.commonName, name], [OID.country, 'KZ']], publicKey: key, signingKey: key, ...(issuer ? { issuer } : {}),
    ...validity, ca: true, keyUsage: { keyCertSign: true, cRLSign: true },
  });
  return { certificate, privateKey: key };
}

async function signer(issuer: Issuer, key: GostPrivateKey, validity = VALID): Promise<pkijs.Certificate> {
  return issueCertificate({
    subject: ncaSubject(), publicKey: key, signingKey: issuer.privateKey, issuer, ...validity,
    keyUsage: { digitalSignature: true, nonRepudiation: true, keyEncipherment: true },
    extKeyUsage: [OID.ekuEmailProtection, OID.ekuClientAuth, ROLE_OIDS.organisation, ROLE_OIDS.ceo],
    policies: [POLICY_OIDS.legalSign],
  });
}

let root: Issuer;
let intermediate: Issuer;
let rsaIntermediate: Issuer;

async function cms(cert: pkijs.Certificate, key: GostPrivateKey, options: { chain?: pkijs.Certificate[]; signerId?: 'subjectKeyIdentifier' } = {}) {
  return signCms({
    content: document, privateKey: key, certificate: der(cert), chain: (options.chain ?? []).map(der), detached: false,
    signingTime: NOW, ...(options.signerId ? { signerId: options.signerId } : {}),
  });
}

function check(signed: Uint8Array, trustedRoots: VerifyCmsInput['trustedRoots'] = [der(root.certificate), der(intermediate.certificate)]) {
  return verifyCms({ cms: signed, content: document, trustedRoots, at: NOW, expect: { usage: 'sign', iin: person.iin, bin: org.bin, roles: ['ceo'] } });
}

beforeAll(async () => {
  const rootKey = gostKey();
  root = await ca('НЕГІЗГІ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST) QABYL TEST', rootKey);
  intermediate = await ca('ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST) QABYL TEST', gostKey(), root);
  const keyDer = pemBlocks(readPem(PKI_LAYOUT.intermediateKey))[0]!.der;
  rsaIntermediate = {
    certificate: pkijs.Certificate.fromBER(toArrayBuffer(pemBlocks(readPem(PKI_LAYOUT.intermediate))[0]!.der)),
    privateKey: await globalThis.crypto.subtle.importKey('pkcs8', toArrayBuffer(keyDer), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']),
  };
});

describe('GOST chains', () => {
  it('verifies a signer-only CMS (the NCA shape) through the trust store\'s intermediate', async () => {
    const key = gostKey();
    const result = await check(await cms(await signer(intermediate, key), key));
    expect(result.ok).toBe(true);
    expect(result.ok && result.signer).toMatchObject({ iin: person.iin, bin: org.bin, signatureAlgorithm: 'gost2015-512' });
    // The path ends at the first trust-store certificate: signer → store intermediate.
    expect(result.ok && result.signer.chain).toHaveLength(2);
  });

  it('is UNTRUSTED_CHAIN without the intermediate, and verifies when the CMS carries it', async () => {
    const key = gostKey();
    const cert = await signer(intermediate, key);
    expect(await check(await cms(cert, key), [der(root.certificate)])).toMatchObject({ ok: false, code: 'UNTRUSTED_CHAIN' });
    expect((await check(await cms(cert, key, { chain: [intermediate.certificate] }), [der(root.certificate)])).ok).toBe(true);
  });

  it('verifies a signer named by subjectKeyIdentifier', async () => {
    const key = gostKey();
    expect((await check(await cms(await signer(intermediate, key), key, { signerId: 'subjectKeyIdentifier' }))).ok).toBe(true);
  });

  it('verifies a GOST signer under an RSA CA (mixed chain)', async () => {
    const key = gostKey();
    const result = await check(await cms(await signer(rsaIntermediate, key), key), [...trustedTestRootsPem(), readPem(PKI_LAYOUT.intermediate)]);
    expect(result).toMatchObject({ ok: true });
  });

  it('is UNTRUSTED_CHAIN when the RSA issuer signature on a GOST certificate is garbage', async () => {
    const key = gostKey();
    const cert = await signer(rsaIntermediate, key);
    const garbage = new Uint8Array(cert.signatureValue.valueBlock.valueHexView).map((b, i) => b ^ (i % 7 === 0 ? 0x5a : 0));
    cert.signatureValue = new asn1js.BitString({ valueHex: toArrayBuffer(garbage) });
    const result = await check(await cms(cert, key), [...trustedTestRootsPem(), readPem(PKI_LAYOUT.intermediate)]);
    expect(result).toMatchObject({ ok: false, code: 'UNTRUSTED_CHAIN' });
  });

  it('is UNTRUSTED_CHAIN when a non-CA certificate issued the signer', async () => {
    const middleKey = gostKey();
    const notCa = { certificate: await signer(intermediate, middleKey), privateKey: middleKey };
    const key = gostKey();
    const result = await check(await cms(await signer(notCa, key), key, { chain: [notCa.certificate] }));
    expect(result).toMatchObject({ ok: false, code: 'UNTRUSTED_CHAIN' });
  });

  it('is CERT_EXPIRED when an issuing CA has expired', async () => {
    const old = await ca('ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST) OLD', gostKey(), root, EXPIRED);
    const key = gostKey();
    expect(await check(await cms(await signer(old, key), key), [der(root.certificate), der(old.certificate)]))
      .toMatchObject({ ok: false, code: 'CERT_EXPIRED' });
  });

  it('is INVALID_SIGNATURE over other bytes and for another key', async () => {
    const key = gostKey();
    const cert = await signer(intermediate, key);
    const signed = await cms(cert, key);
    const other = await verifyCms({ cms: signed, content: new TextEncoder().encode('other'), trustedRoots: [der(root.certificate), der(intermediate.certificate)], at: NOW, expect: { usage: 'sign' } });
    expect(other).toMatchObject({ ok: false, code: 'INVALID_SIGNATURE' });
    expect(await check(await cms(cert, gostKey()))).toMatchObject({ ok: false, code: 'INVALID_SIGNATURE' });
  });
});
