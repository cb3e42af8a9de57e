// The demo server's OCSP responder for the test PKI, asked over loopback HTTP by the desktop's own revocation
// checker: GOST and RSA keys are `good` (answers signed by their issuing CA), the revoked test key is `revoked`, and
// a certificate of a CA it does not serve gets no answer.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRevocationChecker, type RevocationChecker } from '../../../domain/pki/revocation';
import { createDemoOcspResponder } from '../../../demo/pki/ocsp-responder';
import { DEMO_OCSP_PATH, registerDemoOcspRoute } from '../../../demo/pki/ocsp-route';
import { REVOKED_IDENTITY } from '../../fixtures/pki/identities';
import { loadKey, loadNegativeKey, loadRevokedKey, type LoadedKey } from '../../fixtures/pki/load';

let app: FastifyInstance;
let url: string;
let checker: RevocationChecker;

beforeAll(async () => {
  app = Fastify();
  registerDemoOcspRoute(app, await createDemoOcspResponder(), () => new Date());
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}${DEMO_OCSP_PATH}`;
  checker = createRevocationChecker({ ocspUrls: [url], crlUrls: [], timeoutMs: 20_000 });
}, 60_000);

afterAll(async () => {
  await app?.close();
});

const check = (key: LoadedKey) => checker.check(key.certDer, key.chainDer[0]!, new Date());

describe('demo OCSP responder', () => {
  it('answers good for a GOST and an RSA key, signed by the issuing test CA', async () => {
    const gost = await loadKey('kg1-head', 'sign');
    const rsa = await loadKey('kg1-deputy', 'auth');
    expect(gost.algorithm).toBe('gost');
    expect(await check(gost)).toMatchObject({ status: 'good', method: 'ocsp', source: url, responder: expect.stringContaining('GOST') });
    expect(await check(rsa)).toMatchObject({ status: 'good', method: 'ocsp', source: url });
  });

  it('answers revoked for the test PKI\'s revoked key pair', async () => {
    const revoked = await loadRevokedKey('sign');
    expect(revoked.identity.key).toBe(REVOKED_IDENTITY);
    expect(await check(revoked)).toMatchObject({ status: 'revoked', method: 'ocsp', revokedAt: expect.any(String) });
  });

  it('does not vouch for a certificate of another CA', async () => {
    const foreign = await loadNegativeKey('unknown-ca', 'sign', 'kg1-head');
    const result = await check(foreign);
    expect(result.status).toBe('unavailable');
    expect(result.failures[0]?.reason).toMatch(/unauthorized/);
  });
});
