// Kalkan-made CMS from NCA test keys (tests/fixtures/gost-vectors): the GOST 34.10-2015 signer verifies over the
// exact bytes and chains to the NCA GOST TEST intermediate; every tampering is refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { inspectCms, type InspectCmsInput, type SignerVerdict } from '../../../domain/pki';
import { toArrayBuffer } from '../../../domain/pki/bytes';
import { OID } from '../../../domain/pki/oids';
import { patchBytes } from '../../support/patch-bytes';

const DIR = join(import.meta.dirname, '../../fixtures/gost-vectors');
const read = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
/** The two signers' certificates were never valid at the same time: each is checked inside its own validity. */
const AT = new Date('2023-01-01T00:00:00Z');
const AT_RSA = new Date('2021-06-01T00:00:00Z');
const gostIntermediate = read('nca_gost2015_test.cer');
const test123 = new TextEncoder().encode('test123');

/** The RSA signer's certificate: its issuing CA is not public, so the tests trust the certificate itself. */
function rsaSignerCertificate(): Uint8Array {
  const signed = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(toArrayBuffer(read('signed_cms.der'))).content });
  const cert = (signed.certificates ?? []).find((c): c is pkijs.Certificate => c instanceof pkijs.Certificate
    && c.subjectPublicKeyInfo.algorithm.algorithmId === OID.rsaEncryption);
  return new Uint8Array(cert!.toSchema().toBER(false));
}

function inspect(cms: Uint8Array, overrides: Partial<InspectCmsInput> = {}) {
  return inspectCms({ cms, trustedRoots: [gostIntermediate, rsaSignerCertificate()], at: AT, ...overrides });
}

function summary(verdict: SignerVerdict) {
  return verdict.ok ? { ok: true, algorithm: verdict.signer.signatureAlgorithm } : { ok: false, code: verdict.code };
}

async function signers(cms: Uint8Array, overrides: Partial<InspectCmsInput> = {}) {
  const result = await inspect(cms, overrides);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.signers;
}

/** The CMS with the GOST signer's 128-byte signature value changed by `change`. */
function withGostSignature(cms: Uint8Array, change: (signature: Uint8Array) => Uint8Array): Uint8Array {
  const signed = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(toArrayBuffer(cms)).content });
  const info = signed.signerInfos.find((i) => i.signatureAlgorithm.algorithmId === OID.gost2015Sign512)!;
  return patchBytes(cms, new Uint8Array(info.signature.valueBlock.valueHexView), change);
}

describe('NCANode vectors', () => {
  it('accepts the attached CMS with a GOST and an RSA signer', async () => {
    const [gost, rsaThen] = await signers(read('signed_cms.der'));
    const [gostEarlier, rsa] = await signers(read('signed_cms.der'), { at: AT_RSA });
    expect(summary(gost!)).toEqual({ ok: true, algorithm: 'gost2015-512' });
    expect(summary(rsa!)).toEqual({ ok: true, algorithm: 'rsa' });
    expect(summary(rsaThen!)).toEqual({ ok: false, code: 'CERT_EXPIRED' });
    expect(gostEarlier!.ok).toBe(false);
    expect(gost!.ok && gost!.signer).toMatchObject({ iin: '123456789012', algorithm: 'gost2015' });
    // The CMS carries no intermediate: the chain comes from the trust store.
    expect(gost!.ok && gost!.signer.chain).toHaveLength(2);
  });

  it('accepts the one-signer CMS', async () => {
    expect((await signers(read('signed_cms_one_signer.der'), { at: AT_RSA })).map(summary)).toEqual([{ ok: true, algorithm: 'rsa' }]);
  });

  it('accepts the detached CMS over test123 and refuses it over test124', async () => {
    const detached = read('signed_detached_cms.der');
    expect(summary((await signers(detached, { content: test123 }))[0]!)).toEqual({ ok: true, algorithm: 'gost2015-512' });
    expect(summary((await signers(detached, { content: test123, at: AT_RSA }))[1]!)).toEqual({ ok: true, algorithm: 'rsa' });
    const wrong = await signers(detached, { content: new TextEncoder().encode('test124') });
    expect(wrong.map(summary)).toEqual([{ ok: false, code: 'INVALID_SIGNATURE' }, { ok: false, code: 'INVALID_SIGNATURE' }]);
  });

  it('refuses a flipped byte in the GOST signature value', async () => {
    const flipped = withGostSignature(read('signed_detached_cms.der'), (s) => { s[17] = s[17]! ^ 0x01; return s; });
    expect(summary((await signers(flipped, { content: test123 }))[0]!)).toEqual({ ok: false, code: 'INVALID_SIGNATURE' });
  });

  it('refuses the RFC 4491 byte layout (s ‖ r big-endian) of the same signature', async () => {
    const rfc = withGostSignature(read('signed_detached_cms.der'), (s) => s.reverse());
    expect(summary((await signers(rfc, { content: test123 }))[0]!)).toEqual({ ok: false, code: 'INVALID_SIGNATURE' });
  });

  it('refuses the key when it is labelled with another curve', async () => {
    const cms = read('signed_detached_cms.der');
    const paramSetA = [0x06, 0x0a, 0x2a, 0x83, 0x0e, 0x03, 0x0a, 0x01, 0x01, 0x02, 0x02, 0x01];
    const relabelled = cms.slice();
    let patched = 0;
    for (let at = 0; at + paramSetA.length <= cms.length; at++) {
      if (paramSetA.every((b, i) => cms[at + i] === b)) { relabelled[at + paramSetA.length - 1] = 0x02; patched++; }
    }
    expect(patched).toBeGreaterThan(0);
    const verdict = (await signers(relabelled, { content: test123 }))[0]!;
    expect(summary(verdict)).toEqual({ ok: false, code: 'MALFORMED' });
    expect(!verdict.ok && verdict.message).toMatch(/parameter set/);
  });

  it('refuses an untrusted chain and an expired certificate', async () => {
    const untrusted = await signers(read('signed_cms.der'), { trustedRoots: [] });
    expect(summary(untrusted[0]!)).toEqual({ ok: false, code: 'UNTRUSTED_CHAIN' });
    const later = await signers(read('signed_cms.der'), { at: new Date('2024-01-01T00:00:00Z') });
    expect(summary(later[0]!)).toEqual({ ok: false, code: 'CERT_EXPIRED' });
  });
});
