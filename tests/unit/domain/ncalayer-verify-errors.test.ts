// Every verification failure reaches the person as its own kk/ru/en text, not as one generic "invalid".
import { describe, expect, it } from 'vitest';
import { ncaLayerErrorMessage, ncaLayerKindForVerifyCode } from '../../../domain/ncalayer-errors';
import { verifyCms } from '../../../domain/pki';
import { loadKey, trustedTestRootsPem } from '../../fixtures/pki/load';
import { signCms } from '../../fixtures/pki/sign-cms';

describe('verification failures → NCALayer error kinds', () => {
  it.each([
    ['WRONG_KEY_USAGE', 'sign', 'auth_key_used'],
    ['ROLE_NOT_ALLOWED', 'sign', 'role_not_allowed'],
    ['WRONG_SIGNER', 'sign', 'wrong_signer'],
    ['CERT_EXPIRED', 'sign', 'cert_expired'],
    ['CERT_NOT_YET_VALID', 'auth', 'cert_expired'],
    ['CERT_REVOKED', 'sign', 'cert_revoked'],
    ['UNTRUSTED_CHAIN', 'sign', 'untrusted_certificate'],
    ['INVALID_SIGNATURE', 'sign', 'invalid_signature'],
  ] as const)('%s (%s) → %s', (code, usage, kind) => {
    expect(ncaLayerKindForVerifyCode(code, usage)).toBe(kind);
  });

  it("never blames another person's key for the person's own SIGN key at login or own personal key", () => {
    expect(ncaLayerKindForVerifyCode('WRONG_ORG', 'sign', '')).toBe('personal_key_used');
    expect(ncaLayerKindForVerifyCode('WRONG_ORG', 'sign', '050740000122')).toBe('wrong_organisation');
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const anotherPerson = ncaLayerErrorMessage({ kind: 'wrong_signer' }, lang);
      for (const kind of ['sign_key_used', 'personal_key_used', 'wrong_organisation', 'role_not_allowed', 'auth_key_used'] as const) {
        expect(ncaLayerErrorMessage({ kind }, lang)).not.toBe(anotherPerson);
      }
    }
    expect(ncaLayerErrorMessage({ kind: 'sign_key_used' }, 'ru')).toMatch(/AUTH_/);
  });

  it('maps a real SIGN-key CMS checked for a login to sign_key_used', async () => {
    const key = await loadKey('kg1-head', 'sign');
    const nonce = new TextEncoder().encode('login nonce');
    const cms = await signCms({ content: nonce, privateKey: key.privateKey, certificate: key.certDer, chain: key.chainDer, detached: false });
    const result = await verifyCms({ cms, trustedRoots: trustedTestRootsPem(), at: new Date(), expect: { usage: 'auth' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(ncaLayerKindForVerifyCode(result.code, 'auth', result.got)).toBe('sign_key_used');
  });

  it('gives the distinct kinds distinct texts in every language', () => {
    const kinds = ['auth_key_used', 'sign_key_used', 'personal_key_used', 'wrong_organisation', 'role_not_allowed', 'wrong_signer', 'cert_expired', 'cert_revoked', 'untrusted_certificate', 'invalid_signature'] as const;
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const texts = kinds.map((kind) => ncaLayerErrorMessage({ kind }, lang));
      expect(new Set(texts).size).toBe(kinds.length);
    }
    expect(ncaLayerErrorMessage({ kind: 'auth_key_used' }, 'kk')).toMatch(/AUTH/);
    expect(ncaLayerErrorMessage({ kind: 'cert_revoked' }, 'ru')).toMatch(/отозван/);
  });
});
