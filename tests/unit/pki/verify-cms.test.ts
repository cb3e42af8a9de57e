import { beforeAll, describe, expect, it } from 'vitest';
import { bytesToBase64, derToPem, verifyCms, type VerifyCmsInput } from '../../../domain/pki';
import { signCms } from '../../fixtures/pki/sign-cms';
import { findIdentity, findOrganisation } from '../../fixtures/pki/identities';
import { loadKey, loadNegativeKey, trustedTestRootsPem, type LoadedKey } from '../../fixtures/pki/load';
import { opensslVerifies } from './openssl';

const NOW = new Date('2026-03-01T10:00:00Z');
const document = new TextEncoder().encode('Договор № 17 — келісімшарт, exact bytes\n');
let head: LoadedKey;

async function sign(key: LoadedKey, detached = true, content = document): Promise<Uint8Array> {
  return signCms({ content, privateKey: key.privateKey, certificate: key.certDer, chain: key.chainDer, detached, signingTime: NOW });
}

function check(cms: VerifyCmsInput['cms'], overrides: Partial<VerifyCmsInput> = {}) {
  return verifyCms({ cms, content: document, trustedRoots: trustedTestRootsPem(), at: NOW, expect: { usage: 'sign' }, ...overrides });
}

beforeAll(async () => {
  head = await loadKey('kg1-head', 'sign');
});

describe('signCms + verifyCms on good keys', () => {
  it('verifies a detached signature over our exact bytes and reads the signer', async () => {
    const cms = await sign(head);
    const org = findOrganisation('kg1');
    const result = await check(cms, { expect: { usage: 'sign', iin: head.identity.iin, bin: org.bin, roles: ['ceo', 'can_sign'] } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.math).toBe('verified');
    expect(result.signer.iin).toBe(head.identity.iin);
    expect(result.signer.bin).toBe(org.bin);
    expect(result.signer.organisation).toBe(org.nameRu);
    expect(result.signer.fullName).toBe('АХМЕТОВА ГУЛЬНАРА СЕРИКБАЕВНА');
    expect(result.signer.roles).toEqual(['organisation', 'ceo']);
    expect(result.signer.signingTime?.toISOString()).toBe(NOW.toISOString());
    expect(result.signer.subjectDn).toMatch(/^CN=АХМЕТОВА ГУЛЬНАРА,SURNAME=АХМЕТОВА,SERIALNUMBER=IIN\d{12},C=KZ,O=.+,OU=BIN\d{12},G=СЕРИКБАЕВНА$/);
    expect(opensslVerifies(cms, document)).toBe(true);
  });

  it('verifies an attached signature given as PEM, as base64 and as DER', async () => {
    const cms = await sign(head, false);
    for (const form of [derToPem(cms, 'CMS'), bytesToBase64(cms), cms]) {
      const result = await verifyCms({ cms: form, trustedRoots: trustedTestRootsPem(), at: NOW, expect: { usage: 'sign' } });
      expect(result.ok && new TextDecoder().decode(result.content)).toBe(new TextDecoder().decode(document));
    }
    expect(opensslVerifies(cms, null)).toBe(true);
  });

  it('accepts an AUTH key for login and refuses a SIGN key there', async () => {
    const auth = await loadKey('parent-03', 'auth');
    const nonce = new TextEncoder().encode('nonce-123');
    const authCms = await sign(auth, false, nonce);
    expect((await check(authCms, { content: nonce, expect: { usage: 'auth', iin: auth.identity.iin } })).ok).toBe(true);
    expect(opensslVerifies(authCms, null)).toBe(true);
    const signed = await check(await sign(head, false, nonce), { content: nonce, expect: { usage: 'auth' } });
    expect(signed).toMatchObject({ ok: false, code: 'WRONG_KEY_USAGE' });
  });
});

describe('verifyCms refusals', () => {
  it('INVALID_SIGNATURE when one byte of the document differs', async () => {
    const cms = await sign(head);
    const changed = document.slice();
    changed[0] = (changed[0] as number) ^ 1;
    expect(await check(cms, { content: changed })).toMatchObject({ ok: false, code: 'INVALID_SIGNATURE' });
    expect(opensslVerifies(cms, changed)).toBe(false);
  });

  it('INVALID_SIGNATURE when the signature value is corrupted', async () => {
    const cms = await sign(head);
    const corrupted = cms.slice();
    corrupted[corrupted.length - 10] = (corrupted[corrupted.length - 10] as number) ^ 0xff; // the signature value is the last field of SignerInfo
    expect(await check(corrupted)).toMatchObject({ ok: false, code: 'INVALID_SIGNATURE' });
  });

  it('MALFORMED for garbage and for a detached CMS without the document', async () => {
    expect(await check('not a cms')).toMatchObject({ ok: false, code: 'MALFORMED' });
    expect(await check(await sign(head), { content: undefined })).toMatchObject({ ok: false, code: 'MALFORMED' });
  });

  it('UNTRUSTED_CHAIN for a certificate of an unknown CA', async () => {
    const rogue = await loadNegativeKey('unknown-ca', 'sign', 'kg1-head');
    expect(await check(await sign(rogue))).toMatchObject({ ok: false, code: 'UNTRUSTED_CHAIN' });
  });

  it('CERT_EXPIRED and CERT_NOT_YET_VALID by the given time', async () => {
    const expired = await loadNegativeKey('expired', 'sign', 'kg1-head');
    expect(await check(await sign(expired))).toMatchObject({ ok: false, code: 'CERT_EXPIRED' });
    const future = await loadNegativeKey('not-yet-valid', 'sign', 'kg1-head');
    expect(await check(await sign(future))).toMatchObject({ ok: false, code: 'CERT_NOT_YET_VALID' });
    expect(await check(await sign(head), { at: new Date('2036-01-02T00:00:00Z') })).toMatchObject({ ok: false, code: 'CERT_EXPIRED' });
  });

  it('WRONG_KEY_USAGE when an AUTH-only person signs', async () => {
    const clerk = await loadKey('kg2-clerk', 'auth');
    expect(await check(await sign(clerk))).toMatchObject({ ok: false, code: 'WRONG_KEY_USAGE', expected: 'sign' });
  });

  it('WRONG_SIGNER names the expected and the actual IIN', async () => {
    const wrongIin = await loadNegativeKey('wrong-iin', 'sign', 'kg1-head');
    const result = await check(await sign(wrongIin), { expect: { usage: 'sign', iin: head.identity.iin } });
    expect(result).toMatchObject({ ok: false, code: 'WRONG_SIGNER', expected: head.identity.iin, got: findIdentity('outsider').iin });
  });

  it('WRONG_ORG for another kindergarten and ROLE_NOT_ALLOWED for an employee signing a contract', async () => {
    const otherHead = await loadKey('kg2-head', 'sign');
    const wrongOrg = await check(await sign(otherHead), { expect: { usage: 'sign', bin: findOrganisation('kg1').bin } });
    expect(wrongOrg).toMatchObject({ ok: false, code: 'WRONG_ORG', expected: findOrganisation('kg1').bin, got: findOrganisation('kg2').bin });
    const methodist = await loadKey('kg1-methodist', 'sign');
    const role = await check(await sign(methodist), { expect: { usage: 'sign', roles: ['ceo', 'can_sign'] } });
    expect(role).toMatchObject({ ok: false, code: 'ROLE_NOT_ALLOWED' });
  });
});
