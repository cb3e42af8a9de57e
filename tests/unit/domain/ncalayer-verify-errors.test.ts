// Every verification failure reaches the person as its own kk/ru/en text, not as one generic "invalid".
import { describe, expect, it } from 'vitest';
import { ncaLayerErrorMessage, ncaLayerKindForVerifyCode } from '../../../domain/ncalayer-errors';

describe('verification failures → NCALayer error kinds', () => {
  it.each([
    ['WRONG_KEY_USAGE', 'sign', 'auth_key_used'],
    ['ROLE_NOT_ALLOWED', 'sign', 'role_not_allowed'],
    ['WRONG_SIGNER', 'sign', 'wrong_signer'],
    ['WRONG_ORG', 'auth', 'wrong_signer'],
    ['CERT_EXPIRED', 'sign', 'cert_expired'],
    ['CERT_NOT_YET_VALID', 'auth', 'cert_expired'],
    ['CERT_REVOKED', 'sign', 'cert_revoked'],
    ['UNTRUSTED_CHAIN', 'sign', 'untrusted_certificate'],
    ['INVALID_SIGNATURE', 'sign', 'invalid_signature'],
  ] as const)('%s (%s) → %s', (code, usage, kind) => {
    expect(ncaLayerKindForVerifyCode(code, usage)).toBe(kind);
  });

  it('gives the distinct kinds distinct texts in every language', () => {
    const kinds = ['auth_key_used', 'role_not_allowed', 'wrong_signer', 'cert_expired', 'cert_revoked', 'untrusted_certificate', 'invalid_signature'] as const;
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const texts = kinds.map((kind) => ncaLayerErrorMessage({ kind }, lang));
      expect(new Set(texts).size).toBe(kinds.length);
    }
    expect(ncaLayerErrorMessage({ kind: 'auth_key_used' }, 'kk')).toMatch(/AUTH/);
    expect(ncaLayerErrorMessage({ kind: 'cert_revoked' }, 'ru')).toMatch(/отозван/);
  });
});
