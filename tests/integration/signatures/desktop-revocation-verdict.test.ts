// The desktop's verdict on a parent's signature checks revocation while online (real `openssl ocsp` on loopback) and
// says "not checked (offline)" otherwise, unless the server recorded its own check with the signature.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignatureInfo } from '../../../domain/entities';
import { parentSignatureVerdict } from '../../../electron/backend/signatures/parent-signature-verdict';
import { signatureTrust } from '../../../electron/backend/signatures/signature-trust';
import { loadKey, loadRevokedKey, trustedTestRootsPem, type LoadedKey } from '../../fixtures/pki/load';
import { REVOKED_IDENTITY } from '../../fixtures/pki/identities';
import { opensslIndex, scratchDir, startOcspResponder, type RunningResponder } from '../../support/openssl-pki-services';
import { cmsBy } from '../../support/server-client';

const dir = scratchDir('desktop-ocsp');
const content = new TextEncoder().encode('contract bytes');
let responder: RunningResponder;
let good: LoadedKey;
let revoked: LoadedKey;

beforeAll(async () => {
  good = await loadKey(REVOKED_IDENTITY, 'sign');
  revoked = await loadRevokedKey('sign');
  responder = await startOcspResponder(dir.path, opensslIndex([{ certDer: good.certDer }, { certDer: revoked.certDer, revokedAt: new Date(Date.now() - 3600_000) }]));
}, 60_000);

afterAll(async () => {
  await responder?.stop();
  dir.remove();
});

async function signatureBy(key: LoadedKey): Promise<SignatureInfo> {
  return {
    cms: await cmsBy(key, content, true), signerIin: key.identity.iin, signerFullName: 'x', signerBin: null,
    certSerial: '00', signedAt: new Date().toISOString(),
  };
}

describe('desktop signature verdict and revocation', () => {
  it('online: a good certificate is reported not revoked by the OCSP responder, a revoked one makes the verdict invalid', async () => {
    const trust = signatureTrust(trustedTestRootsPem(), { ocspUrls: [responder.url], crlUrls: [] }, () => true);
    const ok = await parentSignatureVerdict(await signatureBy(good), content, good.identity.iin, trust);
    expect(ok).toMatchObject({ valid: true, problem: null, revocation: { status: 'good', method: 'ocsp', source: responder.url } });
    const bad = await parentSignatureVerdict(await signatureBy(revoked), content, revoked.identity.iin, trust);
    expect(bad).toMatchObject({ valid: false, problem: 'CERT_REVOKED', revocation: { status: 'revoked' } });
  });

  it('offline: the verdict says revocation was not checked, without asking anyone', async () => {
    const trust = signatureTrust(trustedTestRootsPem(), { ocspUrls: [responder.url], crlUrls: [] }, () => false);
    const verdict = await parentSignatureVerdict(await signatureBy(revoked), content, revoked.identity.iin, trust);
    expect(verdict).toMatchObject({ valid: true, revocation: { status: 'not-checked-offline', method: null } });
  });

  it('offline: the check the server recorded when it accepted the signature is shown, and a revocation it found counts', async () => {
    const online = signatureTrust(trustedTestRootsPem(), { ocspUrls: [responder.url], crlUrls: [] }, () => true);
    const recorded = (await parentSignatureVerdict(await signatureBy(revoked), content, revoked.identity.iin, online)).revocation!;
    const offline = signatureTrust(trustedTestRootsPem(), { ocspUrls: [responder.url], crlUrls: [] }, () => false);
    const verdict = await parentSignatureVerdict({ ...(await signatureBy(revoked)), revocation: recorded }, content, revoked.identity.iin, offline);
    expect(verdict).toMatchObject({ valid: false, problem: 'CERT_REVOKED', revocation: { status: 'revoked', method: 'ocsp', source: responder.url } });
  });
});
