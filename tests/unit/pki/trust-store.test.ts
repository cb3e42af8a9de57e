// A production build refuses an empty or test-only trust store with the administrator's kk/ru message.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trustStoreProblem } from '../../../domain/pki/trust-store';
import { assertProductionTrustStore } from '../../../electron/main/shell-config';
import { trustedTestRootsPem } from '../../fixtures/pki/load';
import { issueCertificate, generateRsaKeyPair } from '../../fixtures/pki/build-cert';
import { derToPem } from '../../../domain/pki/bytes';
import { OID } from '../../../domain/pki/oids';

const ncaTest = readFileSync(join(import.meta.dirname, '../../fixtures/gost-vectors/nca_gost2015_test.cer'));

async function productionLikeRoot(): Promise<string> {
  const keys = await generateRsaKeyPair();
  const cert = await issueCertificate({
    subject: [[OID.commonName, 'ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA) 2022'], [OID.country, 'KZ']], publicKey: keys.publicKey, signingKey: keys.privateKey,
    notBefore: new Date('2022-01-01T00:00:00Z'), notAfter: new Date('2045-01-01T00:00:00Z'), ca: true, keyUsage: { keyCertSign: true },
  });
  return derToPem(new Uint8Array(cert.toSchema().toBER(false)), 'CERTIFICATE');
}

describe('production trust store', () => {
  it('is refused when empty, test-only or unreadable, in Kazakh and Russian', () => {
    expect(trustStoreProblem([])).toBe('empty');
    expect(trustStoreProblem([...trustedTestRootsPem(), new Uint8Array(ncaTest)])).toBe('test-only');
    expect(trustStoreProblem(['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'])).toBe('unreadable');
    expect(() => assertProductionTrustStore([])).toThrow(/ҰКО түбірлік[\s\S]*НУЦ РК/);
    expect(() => assertProductionTrustStore(trustedTestRootsPem())).toThrow(/сынақ \(TEST\)[\s\S]*тестовые/);
  });

  it('accepts a store with a non-test NCA certificate', async () => {
    const root = await productionLikeRoot();
    expect(trustStoreProblem([root, ...trustedTestRootsPem()])).toBeNull();
    expect(() => assertProductionTrustStore([root])).not.toThrow();
  });
});
