// The revocation checker's refusals against real answers: a responder the CA did not delegate, an answer past its
// nextUpdate, and delta CRLs (an entry added, a base entry taken back with removeFromCRL).
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pemBlocks, toArrayBuffer } from '../../../domain/pki/bytes';
import { parseCertificate } from '../../../domain/pki/certificate-info';
import { ensurePkiEngine } from '../../../domain/pki/engine';
import { OID } from '../../../domain/pki/oids';
import { createRevocationChecker } from '../../../domain/pki/revocation';
import { buildOcspRequest, readOcspResponse } from '../../../domain/pki/revocation/ocsp';
import { REVOKED_IDENTITY } from '../../fixtures/pki/identities';
import { PKI_LAYOUT } from '../../fixtures/pki/layout';
import { loadKey, loadRevokedKey, readPem, type LoadedKey } from '../../fixtures/pki/load';
import { makeCrl, opensslIndex, scratchDir, serveHttp, startOcspResponder, type HttpStub, type RunningResponder } from '../../support/openssl-pki-services';

const dir = scratchDir('checker');
const issuer = parseCertificate(pemBlocks(readPem(PKI_LAYOUT.intermediate))[0]!.der);
let good: LoadedKey;
let revoked: LoadedKey;
let rogue: RunningResponder;

beforeAll(async () => {
  good = await loadKey(REVOKED_IDENTITY, 'auth');
  revoked = await loadRevokedKey('auth');
  // The TSA certificate is issued by the same CA but is no OCSP signer.
  rogue = await startOcspResponder(dir.path, opensslIndex([{ certDer: good.certDer }]), { cert: PKI_LAYOUT.tsa, key: PKI_LAYOUT.tsaKey });
}, 60_000);

afterAll(async () => {
  await rogue?.stop();
  dir.remove();
});

describe('OCSP answers that must not be believed', () => {
  it('an answer signed by a certificate without id-kp-OCSPSigning is no answer', async () => {
    const check = await createRevocationChecker({ ocspUrls: [rogue.url], crlUrls: [] }).check(good.certDer, issuer, new Date());
    expect(check).toMatchObject({ status: 'unavailable', failures: [{ source: rogue.url, reason: expect.stringContaining('OCSPSigning') }] });
  });

  it('an answer echoing another request\'s nonce is refused, the matching one is read', async () => {
    const responder = await startOcspResponder(dir.path, opensslIndex([{ certDer: good.certDer }]));
    try {
      const cert = parseCertificate(good.certDer);
      const asked = await buildOcspRequest(cert, issuer);
      const other = await buildOcspRequest(cert, issuer);
      const reply = new Uint8Array(await (await fetch(responder.url, { method: 'POST', body: Buffer.from(asked.der), headers: { 'content-type': 'application/ocsp-request' } })).arrayBuffer());
      await expect(readOcspResponse(reply, asked, issuer, new Date(), 3600_000)).resolves.toMatchObject({ status: 'good', responder: expect.stringContaining('OCSP RESPONDER') });
      await expect(readOcspResponse(reply, other, issuer, new Date(), 3600_000)).rejects.toThrow(/nonce/);
    } finally {
      await responder.stop();
    }
  });

  it('an answer past its nextUpdate is stale', async () => {
    const responder = await startOcspResponder(dir.path, opensslIndex([{ certDer: good.certDer }]));
    try {
      const tomorrow = new Date(Date.now() + 86_400_000);
      const check = await createRevocationChecker({ ocspUrls: [responder.url], crlUrls: [] }).check(good.certDer, issuer, tomorrow);
      // openssl dates thisUpdate "now", so from tomorrow's point of view it is 1 day old and past nextUpdate (+10 min).
      expect(check).toMatchObject({ status: 'unavailable', failures: [{ reason: expect.stringMatching(/nextUpdate/) }] });
    } finally {
      await responder.stop();
    }
  });
});

async function deltaCrl(entries: Array<{ certDer: Uint8Array; removeFromCrl?: boolean }>): Promise<Uint8Array> {
  ensurePkiEngine();
  const key = await globalThis.crypto.subtle.importKey(
    'pkcs8', toArrayBuffer(pemBlocks(readPem(PKI_LAYOUT.intermediateKey))[0]!.der), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign'],
  );
  const now = new Date();
  const crl = new pkijs.CertificateRevocationList({
    version: 1,
    issuer: issuer.subject,
    thisUpdate: new pkijs.Time({ type: 0, value: new Date(now.getTime() - 60_000) }),
    nextUpdate: new pkijs.Time({ type: 0, value: new Date(now.getTime() + 3600_000) }),
    revokedCertificates: entries.map(({ certDer, removeFromCrl }) => new pkijs.RevokedCertificate({
      userCertificate: parseCertificate(certDer).serialNumber,
      revocationDate: new pkijs.Time({ type: 0, value: new Date(now.getTime() - 30_000) }),
      ...(removeFromCrl ? {
        crlEntryExtensions: new pkijs.Extensions({ extensions: [new pkijs.Extension({ extnID: OID.crlReason, extnValue: new asn1js.Enumerated({ value: 8 }).toBER(false) })] }),
      } : {}),
    })),
    crlExtensions: new pkijs.Extensions({
      extensions: [new pkijs.Extension({ extnID: OID.deltaCrlIndicator, critical: true, extnValue: new asn1js.Integer({ value: 1 }).toBER(false) })],
    }),
  });
  await crl.sign(key, 'SHA-256');
  return new Uint8Array(crl.toSchema(true).toBER(false));
}

describe('delta CRLs', () => {
  let stub: HttpStub;
  const files = new Map<string, Uint8Array>();
  beforeAll(async () => {
    stub = await serveHttp(async (path) => files.get(path) ?? null, 'application/pkix-crl');
  });
  afterAll(async () => stub?.close());

  it('a certificate revoked after the base CRL is found in the delta; removeFromCRL takes a base entry back', async () => {
    files.set('/base-empty.crl', await makeCrl(dir.path, opensslIndex([{ certDer: good.certDer }, { certDer: revoked.certDer }])));
    files.set('/delta-adds.crl', await deltaCrl([{ certDer: revoked.certDer }]));
    const adds = createRevocationChecker({ ocspUrls: [], crlUrls: [`${stub.url}/base-empty.crl`], deltaCrlUrls: [`${stub.url}/delta-adds.crl`] });
    expect(await adds.check(revoked.certDer, issuer, new Date())).toMatchObject({ status: 'revoked', method: 'crl', source: expect.stringContaining('delta-adds') });
    expect(await adds.check(good.certDer, issuer, new Date())).toMatchObject({ status: 'good' });

    files.set('/base-lists.crl', await makeCrl(dir.path, opensslIndex([{ certDer: good.certDer, revokedAt: new Date(Date.now() - 3600_000) }])));
    files.set('/delta-removes.crl', await deltaCrl([{ certDer: good.certDer, removeFromCrl: true }]));
    const baseOnly = createRevocationChecker({ ocspUrls: [], crlUrls: [`${stub.url}/base-lists.crl`], deltaCrlUrls: [] });
    expect(await baseOnly.check(good.certDer, issuer, new Date())).toMatchObject({ status: 'revoked' });
    const removes = createRevocationChecker({ ocspUrls: [], crlUrls: [`${stub.url}/base-lists.crl`], deltaCrlUrls: [`${stub.url}/delta-removes.crl`] });
    expect(await removes.check(good.certDer, issuer, new Date())).toMatchObject({ status: 'good' });
  });

  it('a delta CRL published where the full CRL belongs is refused', async () => {
    files.set('/only-delta.crl', await deltaCrl([]));
    const check = await createRevocationChecker({ ocspUrls: [], crlUrls: [`${stub.url}/only-delta.crl`] }).check(good.certDer, issuer, new Date());
    expect(check).toMatchObject({ status: 'unavailable', failures: [{ reason: expect.stringContaining('delta CRL') }] });
  });
});
