// RFC 3161 timestamps of contract signatures with a real TSA on loopback (`openssl ts -reply` behind HTTP): the
// signed contract carries a verified token whose genTime is the signing time; a token over other bytes is refused;
// a TSA outage is the retryable TIMESTAMP_UNAVAILABLE.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contract, ContractDocument } from '../../../domain/entities';
import { base64ToBytes, bytesToBase64 } from '../../../domain/pki/bytes';
import {
  buildTimestampRequest, signatureValueOf, timestampTokenOf, tokenOfReply, verifyTimestampToken, withTimestampToken,
} from '../../../domain/pki/timestamp';
import { tsaTimestamper } from '../../../server/auth/timestamper';
import { demoServerOptions } from '../../../demo/server-options';
import { startServer, type RunningServer } from '../../../server/index';
import { PKI_LAYOUT } from '../../fixtures/pki/layout';
import { loadKey, readPem, trustedTestRootsPem, type LoadedKey } from '../../fixtures/pki/load';
import { scratchDir, startTsa, TEST_TSA_POLICY, type HttpStub } from '../../support/openssl-pki-services';
import { cmsBy, TestServerClient } from '../../support/server-client';

type State = { contract: Contract; documents: ContractDocument[]; history: { kind: string; details: Record<string, unknown> }[] };

const dir = scratchDir('tsa');
let tsa: HttpStub;
let server: RunningServer;
let headSign: LoadedKey;

const useTsa = (url: string) => {
  server.ctx.timestamper = tsaTimestamper({ tsaUrl: url, trustedRootsPem: trustedTestRootsPem(), acceptedPolicies: [TEST_TSA_POLICY], timeoutMs: 3000 });
};

beforeAll(async () => {
  tsa = await startTsa(dir.path);
  server = await startServer(await demoServerOptions({ contractsPerKindergarten: [4, 0, 0], applications: 0, cacheDir: null }));
  headSign = await loadKey('kg1-head', 'sign');
}, 120_000);

afterAll(async () => {
  await tsa?.close();
  await server?.close();
  dir.remove();
});

/** Submits the contract, approves every document and signs the PDF; `adjust` may change the CMS before it is sent. */
async function signContract(contractId: string, adjust: (cms: string) => Promise<string> = async (cms) => cms) {
  // A client of its own: a push refused as a whole (503) leaves the client's sequence where it was.
  const head = new TestServerClient(server.url);
  await head.login('kg1-head');
  const before = await head.getJson<State>(`/v1/dev/contracts/${contractId}`);
  const status = before.contract.status;
  if (status === 'rework_requested') await head.postJson(`/v1/dev/parent/contracts/${contractId}/resubmit`);
  else if (!['submitted', 'resubmitted'].includes(status)) await head.postJson(`/v1/dev/parent/contracts/${contractId}/submit`);
  const { contract, documents } = await head.getJson<State>(`/v1/dev/contracts/${contractId}`);
  expect(['submitted', 'resubmitted']).toContain(contract.status);
  const marks = await Promise.all(documents.filter((d) => d.current).map((d) =>
    head.mutation('contract.markDocument', { contractId, documentId: d.id, decision: 'approved' }, contract.version)));
  const pdf = new Uint8Array(await (await head.getBlob(contract.pdfSha256!)).arrayBuffer());
  const cms = await adjust(await cmsBy(headSign, pdf, true));
  const sign = await head.mutation('contract.sign', { contractId, pdfSha256: contract.pdfSha256, cms }, contract.version);
  return { response: await head.pushRaw([...marks, sign]), head };
}

describe('contract signatures get an RFC 3161 timestamp from the TSA', () => {
  it('the signed contract carries a verified token over its signature; genTime is the signing time', async () => {
    useTsa(tsa.url);
    const { response, head } = await signContract('ctr-kg1-0');
    expect(response.status, await response.clone().text()).toBe(200);
    const { contract, history } = await head.getJson<State>('/v1/dev/contracts/ctr-kg1-0');
    expect(contract.status).toBe('signed');
    const signature = contract.headSignature!;
    expect(signature.timestamp).toMatchObject({ obtainedBy: 'server', policy: TEST_TSA_POLICY, tsa: expect.stringContaining('TSA (RSA) TEST') });
    expect(signature.signedAt).toBe(signature.timestamp!.genTime);
    expect(contract.signedAt).toBe(signature.timestamp!.genTime);
    expect(history.find((h) => h.kind === 'signed')!.details.signature).toMatchObject({ signedAt: signature.timestamp!.genTime });

    const token = timestampTokenOf(signature.cms)!;
    const stamped = signatureValueOf(signature.cms);
    expect(await verifyTimestampToken(token, { stamped, trustedRoots: trustedTestRootsPem() })).toMatchObject({ ok: true, policy: TEST_TSA_POLICY });
    // OpenSSL agrees: the token imprints the signature value and chains to the test root.
    writeFileSync(join(dir.path, 'token.der'), token);
    writeFileSync(join(dir.path, 'stamped.bin'), stamped);
    writeFileSync(join(dir.path, 'chain.pem'), [PKI_LAYOUT.root, PKI_LAYOUT.intermediate].map((p) => readPem(p)).join(''));
    const { stdout } = await promisify(execFile)('openssl', [
      'ts', '-verify', '-in', join(dir.path, 'token.der'), '-token_in', '-data', join(dir.path, 'stamped.bin'), '-CAfile', join(dir.path, 'chain.pem'),
    ]);
    expect(stdout).toContain('Verification: OK');
  });

  it('a token over other bytes attached to the signature is refused with TIMESTAMP_INVALID', async () => {
    useTsa(tsa.url);
    const query = await buildTimestampRequest(new TextEncoder().encode('other bytes'));
    const foreign = tokenOfReply(new Uint8Array(await (await fetch(tsa.url, { method: 'POST', body: Buffer.from(query.der), headers: { 'content-type': 'application/timestamp-query' } })).arrayBuffer()));
    const { response, head } = await signContract('ctr-kg1-1', async (cms) => bytesToBase64(withTimestampToken(base64ToBytes(cms), foreign)));
    const { results } = (await response.json()) as { results: { status: string; code?: string }[] };
    expect(results.at(-1)).toMatchObject({ status: 'rejected', code: 'TIMESTAMP_INVALID' });
    expect((await head.getJson<State>('/v1/dev/contracts/ctr-kg1-1')).contract.status).toBe('submitted');
  });

  it('a token NCALayer attached (tsaProfile) over the signature is verified and kept as the signer\'s', async () => {
    useTsa('http://127.0.0.1:9/tsa'); // not asked: the signature already carries its token
    const { response, head } = await signContract('ctr-kg1-3', async (cms) => {
      const query = await buildTimestampRequest(signatureValueOf(cms));
      const reply = await fetch(tsa.url, { method: 'POST', body: Buffer.from(query.der), headers: { 'content-type': 'application/timestamp-query' } });
      return bytesToBase64(withTimestampToken(base64ToBytes(cms), tokenOfReply(new Uint8Array(await reply.arrayBuffer()))));
    });
    expect(response.status).toBe(200);
    const { contract } = await head.getJson<State>('/v1/dev/contracts/ctr-kg1-3');
    expect(contract.headSignature?.timestamp).toMatchObject({ obtainedBy: 'signer', policy: TEST_TSA_POLICY });
    expect(contract.signedAt).toBe(contract.headSignature!.timestamp!.genTime);
  });

  it('TSA down: the signing is not applied and answers the retryable TIMESTAMP_UNAVAILABLE', async () => {
    useTsa('http://127.0.0.1:9/tsa');
    const { response, head } = await signContract('ctr-kg1-2');
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('TIMESTAMP_UNAVAILABLE');
    expect((await head.getJson<State>('/v1/dev/contracts/ctr-kg1-2')).contract.status).toBe('submitted');
  });
});
