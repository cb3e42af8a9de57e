// Revocation at login and before every signed decision, against a real OpenSSL OCSP responder and a real CRL on
// loopback: a revoked key is refused with CMS_CERT_REVOKED, a good one passes and its check is kept with the
// session and the decision, and when no source answers the server fails closed with the retryable
// REVOCATION_UNAVAILABLE.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contract, ContractDocument } from '../../../domain/entities';
import { describeCertificate, parseCertificate } from '../../../domain/pki';
import { createRevocationChecker, type RevocationConfig } from '../../../domain/pki/revocation';
import { sessions } from '../../../server/db/schema';
import { pkiVerifier } from '../../../server/auth/pki-verifier';
import { demoServerOptions } from '../../../demo/server-options';
import { startServer, type RunningServer } from '../../../server/index';
import { REVOKED_IDENTITY } from '../../fixtures/pki/identities';
import { loadKey, loadRevokedKey, trustedTestRootsPem, type LoadedKey } from '../../fixtures/pki/load';
import { makeCrl, opensslIndex, scratchDir, serveHttp, startOcspResponder, type RunningResponder } from '../../support/openssl-pki-services';
import { TestServerClient } from '../../support/server-client';

type State = { contract: Contract; documents: ContractDocument[]; history: { kind: string; details: Record<string, unknown> }[] };

let server: RunningServer;
let responder: RunningResponder;
const dir = scratchDir('revocation');
const keys: Record<'goodAuth' | 'goodSign' | 'revokedAuth' | 'revokedSign', LoadedKey> = {} as never;
let index = '';

function checkWith(config: RevocationConfig): void {
  server.ctx.verifier = pkiVerifier(trustedTestRootsPem(), { revocation: createRevocationChecker(config) });
}

beforeAll(async () => {
  keys.goodAuth = await loadKey(REVOKED_IDENTITY, 'auth');
  keys.goodSign = await loadKey(REVOKED_IDENTITY, 'sign');
  keys.revokedAuth = await loadRevokedKey('auth');
  keys.revokedSign = await loadRevokedKey('sign');
  const revokedAt = new Date(Date.now() - 86_400_000);
  index = opensslIndex([
    { certDer: keys.goodAuth.certDer }, { certDer: keys.goodSign.certDer },
    { certDer: keys.revokedAuth.certDer, revokedAt }, { certDer: keys.revokedSign.certDer, revokedAt },
  ]);
  responder = await startOcspResponder(dir.path, index);
  server = await startServer(await demoServerOptions({ contractsPerKindergarten: [2, 0, 0], applications: 0, cacheDir: null }));
}, 120_000);

afterAll(async () => {
  await responder?.stop();
  await server?.close();
  dir.remove();
});

async function loginCode(key: LoadedKey): Promise<{ status: number; code: string | null }> {
  const response = await new TestServerClient(server.url).loginWith(key);
  const body = (await response.json()) as { error?: { code: string } };
  return { status: response.status, code: body.error?.code ?? null };
}

/** Marks of every current document of a submitted contract (the first flagged), then a return for rework by `signer`. */
async function returnForRework(client: TestServerClient, contractId: string, signer: LoadedKey) {
  const { contract, documents } = await client.getJson<State>(`/v1/dev/contracts/${contractId}`);
  const marks = await Promise.all(documents.filter((d) => d.current).map((d, i) => client.mutation(
    'contract.markDocument',
    i === 0 ? { contractId, documentId: d.id, decision: 'flagged', reason: 'unreadable' } : { contractId, documentId: d.id, decision: 'approved' },
    contract.version,
  )));
  const rework = await client.mutation('contract.returnForRework', { contractId, message: null }, contract.version, signer);
  return [...marks, rework];
}

describe('OCSP with openssl ocsp on loopback', () => {
  it('a revoked AUTH key cannot log in; the good key of the same person can', async () => {
    checkWith({ ocspUrls: [responder.url], crlUrls: [] });
    expect(await loginCode(keys.revokedAuth)).toEqual({ status: 401, code: 'CMS_CERT_REVOKED' });
    await server.ctx.db.delete(sessions);
    expect(await loginCode(keys.goodAuth)).toEqual({ status: 200, code: null });
    // The session keeps which certificate logged in and what the responder said about it.
    const stored = await server.ctx.db.select({ certSerial: sessions.certSerial, revocation: sessions.revocation }).from(sessions);
    expect(stored).toEqual([{
      certSerial: describeCertificate(parseCertificate(keys.goodAuth.certDer)).serialNumber,
      revocation: expect.objectContaining({ status: 'good', method: 'ocsp', source: responder.url, responder: expect.stringContaining('CN=') }),
    }]);
  });

  it('a decision signed with a revoked key is refused; with the good key it is applied and the check is kept', async () => {
    checkWith({ ocspUrls: [responder.url], crlUrls: [] });
    const client = new TestServerClient(server.url);
    await client.login(REVOKED_IDENTITY);
    await client.postJson('/v1/dev/parent/contracts/ctr-kg1-0/submit');

    const first = await client.push(await returnForRework(client, 'ctr-kg1-0', keys.revokedSign));
    expect(first.results.at(-1)).toMatchObject({ status: 'rejected', code: 'CMS_CERT_REVOKED' });
    expect(first.results.at(-1)!.message).toContain('кері қайтарылған');

    const second = await client.push(await returnForRework(client, 'ctr-kg1-0', keys.goodSign));
    expect(second.results.map((r) => r.status)).toEqual(second.results.map(() => 'applied'));
    const { history } = await client.getJson<State>('/v1/dev/contracts/ctr-kg1-0');
    const event = history.find((h) => h.kind === 'returned_for_rework')!;
    expect(event.details.signature).toMatchObject({
      signerIin: keys.goodSign.identity.iin,
      revocation: { status: 'good', method: 'ocsp', source: responder.url, responder: expect.stringContaining('OCSP RESPONDER') },
    });
  });

  it('responder down and no CRL: login and decisions fail closed with the retryable REVOCATION_UNAVAILABLE', async () => {
    const client = new TestServerClient(server.url);
    checkWith({ ocspUrls: [responder.url], crlUrls: [] });
    await client.login(REVOKED_IDENTITY);
    await client.postJson('/v1/dev/parent/contracts/ctr-kg1-1/submit');
    const pending = await returnForRework(client, 'ctr-kg1-1', keys.goodSign);

    const down = await startOcspResponder(dir.path, index);
    await down.stop();
    checkWith({ ocspUrls: [down.url], crlUrls: [], timeoutMs: 2000 });
    expect(await loginCode(keys.goodAuth)).toEqual({ status: 503, code: 'REVOCATION_UNAVAILABLE' });
    const push = await client.pushRaw(pending);
    expect(push.status, await push.clone().text()).toBe(503);
    expect(((await push.json()) as { error: { code: string } }).error.code).toBe('REVOCATION_UNAVAILABLE');
    // Nothing was applied or recorded: the same batch goes through once a responder answers again.
    checkWith({ ocspUrls: [responder.url], crlUrls: [] });
    expect((await client.push(pending)).results.map((r) => r.status)).toEqual(pending.map(() => 'applied'));
  });
});

describe('CRL only (openssl ca -gencrl, served over HTTP on loopback)', () => {
  it('the revoked key is refused and the good one logs in, the CRL is fetched once and cached', async () => {
    const crl = await makeCrl(dir.path, index);
    const stub = await serveHttp(async (path) => (path === '/intermediate.crl' ? crl : null), 'application/pkix-crl');
    try {
      checkWith({ ocspUrls: [], crlUrls: [`${stub.url}/intermediate.crl`] });
      expect(await loginCode(keys.revokedAuth)).toEqual({ status: 401, code: 'CMS_CERT_REVOKED' });
      expect(await loginCode(keys.goodAuth)).toEqual({ status: 200, code: null });
      expect(stub.hits.get('/intermediate.crl')).toBe(1);
    } finally {
      await stub.close();
    }
  });

  it('OCSP down, CRL up: the CRL answers (fallback)', async () => {
    const crl = await makeCrl(dir.path, index);
    const stub = await serveHttp(async (path) => (path === '/intermediate.crl' ? crl : null), 'application/pkix-crl');
    try {
      checkWith({ ocspUrls: ['http://127.0.0.1:9/ocsp'], crlUrls: [`${stub.url}/intermediate.crl`], timeoutMs: 2000 });
      expect(await loginCode(keys.revokedAuth)).toEqual({ status: 401, code: 'CMS_CERT_REVOKED' });
    } finally {
      await stub.close();
    }
  });
});
