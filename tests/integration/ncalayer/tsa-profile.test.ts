// NCALayer's tsaProfile through the emulator: the client asks for it on request, the emulator calls a real TSA
// (`openssl ts -reply` on loopback) and the returned CMS carries a token over its signature value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAndVerify, NcaLayerClient } from '../../../electron/backend/ncalayer';
import { signatureValueOf, timestampTokenOf, verifyTimestampToken } from '../../../domain/pki/timestamp';
import { startEmulator, type RunningEmulator } from '../../fixtures/ncalayer/emulator';
import { findIdentity, findOrganisation } from '../../fixtures/pki/identities';
import { trustedTestRootsPem } from '../../fixtures/pki/load';
import { scratchDir, startTsa, TEST_TSA_POLICY, type HttpStub } from '../../support/openssl-pki-services';

const dir = scratchDir('tsa-profile');
const doc = new TextEncoder().encode('%PDF-1.7 contract bytes');
const expectHead = { usage: 'sign' as const, iin: findIdentity('kg1-head').iin, bin: findOrganisation('kg1').bin, roles: ['ceo'] as const };
let tsa: HttpStub;
let emulator: RunningEmulator;

beforeAll(async () => {
  tsa = await startTsa(dir.path);
  emulator = await startEmulator({ keystore: ['kg1-head'], tsaUrl: tsa.url });
});
afterAll(async () => {
  await emulator?.close();
  await tsa?.close();
  dir.remove();
});

const client = () => new NcaLayerClient({ url: emulator.url, ca: [emulator.caPem], signerChain: [], greetingTimeoutMs: 500, interactiveTimeoutMs: 5000 });

describe('tsaProfile', () => {
  it('a timestamped signature carries a verified token over its signature value', async () => {
    const signed = await signAndVerify(client(), { documents: [doc], detached: true, timestamp: true, expect: expectHead, trustedRoots: trustedTestRootsPem() });
    const request = emulator.requests().at(-1) as { args: { signingParams: Record<string, unknown> } };
    expect(request.args.signingParams).toEqual({ decode: true, encapsulate: false, digested: false, tsaProfile: {} });
    const cms = signed.signatures[0]!;
    const token = timestampTokenOf(cms);
    expect(token).not.toBeNull();
    expect(await verifyTimestampToken(token!, { stamped: signatureValueOf(cms), trustedRoots: trustedTestRootsPem() })).toMatchObject({ ok: true, policy: TEST_TSA_POLICY });
  });

  it('without tsaProfile no token is attached', async () => {
    const signed = await signAndVerify(client(), { documents: [doc], detached: true, expect: expectHead, trustedRoots: trustedTestRootsPem() });
    expect(timestampTokenOf(signed.signatures[0]!)).toBeNull();
  });
});
