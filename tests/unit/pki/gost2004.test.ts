// Legacy GOST 34.310-2004 (GOST R 34.11-94 digest with the test S-box, CryptoPro-A curve): NCA TSA tokens and
// certificates made by Kalkan (tests/fixtures/gost-vectors) verify, tampering is refused, and OpenSSL's GOST engine
// is a second, independent signer on the same curve.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { allowsUsage, inspectCms, toDer, verifyIssuedBy } from '../../../domain/pki';
import { toArrayBuffer } from '../../../domain/pki/bytes';
import { CRYPTOPRO_A } from '../../../domain/pki/gost/curves';
import { gost94 } from '../../../domain/pki/gost/gost94';
import { gostPublicKey, verifyGostDigest } from '../../../domain/pki/gost/gost-signature';
import { OID } from '../../../domain/pki/oids';
import { verifyTimestampToken } from '../../../domain/pki/timestamp';
import { patchBytes } from '../../support/patch-bytes';

const DIR = join(import.meta.dirname, '../../fixtures/gost-vectors');
const read = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const certificate = (name: string) => pkijs.Certificate.fromBER(toArrayBuffer(toDer(readFileSync(join(DIR, name), 'latin1'))));
/** «ҰКО 3.0 (GOST TEST)», the GOST-2004 CA that issued the TSA and the CEO certificates. */
const legacyCa = toDer(readFileSync(join(DIR, 'nca_gost_test.crt'), 'latin1'));
const token = read('tsp_token.bin');
/** What NCANode's test asked the NCA test TSA to stamp, and the nonce it sent. */
const stamped = Uint8Array.of(0xca, 0xfe, 0xba, 0xbe);
const nonce = 1663507112663n;
const legacyTsaPolicy = '1.2.398.3.3.2.6.1';
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const ascii = (text: string) => new TextEncoder().encode(text);

function tokenSignature(): Uint8Array {
  const signed = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(toArrayBuffer(token)).content });
  return new Uint8Array(signed.signerInfos[0]!.signature.valueBlock.valueHexView);
}

describe('GOST R 34.11-94 (test parameter set)', () => {
  it('gives the RFC 5831 digests, one- and two-block messages included', () => {
    expect(hex(gost94(new Uint8Array()))).toBe('ce85b99cc46752fffee35cab9a7b0278abb4c2d2055cff685af4912c49490f8d');
    expect(hex(gost94(ascii('This is message, length=32 bytes')))).toBe('b1c466d37519b82e8319819ff32595e047a28cb6f83eff1c6916a815a637fffa');
    expect(hex(gost94(ascii('Suppose the original message has length = 50 bytes'))))
      .toBe('471aba57a60a770d3a76130635c1fbea4ef14de51f78b4ae57dd893b62f55208');
  });
});

describe('legacy GOST 34.310-2004 NCA vectors', () => {
  it('accepts the NCA TSA token over the stamped bytes, with its nonce and policy', async () => {
    const verdict = await verifyTimestampToken(token, { stamped, nonce, policies: [legacyTsaPolicy], trustedRoots: [legacyCa] });
    expect(verdict).toMatchObject({ ok: true, policy: legacyTsaPolicy, genTime: new Date('2022-09-18T13:20:14Z') });
    expect(verdict.ok && verdict.tsa).toContain('СЕРВИС МЕТКИ ВРЕМЕНИ');
  });

  it('reports the token signer as a GOST-2004 time-stamping key chained to the legacy CA', async () => {
    const result = await inspectCms({ cms: token, trustedRoots: [legacyCa], at: new Date('2022-09-18T13:20:14Z') });
    const signer = result.ok ? result.signers[0] : undefined;
    expect(signer?.ok && { algorithm: signer.signer.signatureAlgorithm, key: signer.signer.algorithm, chain: signer.signer.chain.length })
      .toEqual({ algorithm: 'gost2004', key: 'gost2004', chain: 2 });
    // Without a keyUsage extension the TSA key is no person's signing or authentication key.
    expect(signer?.ok && [allowsUsage(signer.signer, 'timestamp'), allowsUsage(signer.signer, 'sign'), allowsUsage(signer.signer, 'auth')])
      .toEqual([true, false, false]);
  });

  it('refuses the token for other bytes, another nonce, an untrusted CA and a flipped signature byte', async () => {
    const expectations = { stamped, nonce, policies: [legacyTsaPolicy], trustedRoots: [legacyCa] };
    const otherBytes = await verifyTimestampToken(token, { ...expectations, stamped: Uint8Array.of(0xca, 0xfe, 0xba, 0xbf) });
    expect(otherBytes).toEqual({ ok: false, reason: 'the timestamp was issued over other bytes than this signature' });
    expect((await verifyTimestampToken(token, { ...expectations, nonce: nonce + 1n })).ok).toBe(false);
    const untrusted = await verifyTimestampToken(token, { ...expectations, trustedRoots: [] });
    expect(!untrusted.ok && untrusted.reason).toMatch(/UNTRUSTED_CHAIN/);
    const flipped = patchBytes(token, tokenSignature(), (s) => { s[5] = s[5]! ^ 0x10; return s; });
    const invalid = await verifyTimestampToken(flipped, expectations);
    expect(!invalid.ok && invalid.reason).toMatch(/INVALID_SIGNATURE/);
  });

  it('checks the CA signature on legacy end-entity certificates and refuses a garbage one', async () => {
    const ca = certificate('nca_gost_test.crt');
    const ceo = certificate('ceo_valid_sign_2004_gost.cer');
    expect(await verifyIssuedBy(ceo, ca)).toEqual({ status: 'valid', algorithm: 'gost2004' });
    const garbage = new pkijs.Certificate({ schema: ceo.toSchema(true) });
    const value = new Uint8Array(garbage.signatureValue.valueBlock.valueHexView).reverse();
    garbage.signatureValue = new asn1js.BitString({ valueHex: toArrayBuffer(value) });
    expect(await verifyIssuedBy(garbage, ca)).toEqual({ status: 'invalid', algorithm: 'gost2004' });
  });

  it('names a key of another GOST R 34.11-94 parameter set as unsupported instead of guessing its S-box', async () => {
    const testParams = new asn1js.ObjectIdentifier({ value: OID.gost94TestParams }).toBER(false);
    const cryptoPro = new asn1js.ObjectIdentifier({ value: '1.2.398.3.10.1.3.1.1.1' }).toBER(false);
    const relabelled = patchBytes(token, new Uint8Array(testParams), () => new Uint8Array(cryptoPro));
    const result = await inspectCms({ cms: relabelled, trustedRoots: [legacyCa], at: new Date('2022-09-18T13:20:14Z') });
    const signer = result.ok ? result.signers[0] : undefined;
    expect(signer && !signer.ok && { code: signer.code, message: signer.message })
      .toEqual({ code: 'MALFORMED', message: expect.stringMatching(/hash parameter set 1\.2\.398\.3\.10\.1\.3\.1\.1\.1/) });
  });
});

describe('the CryptoPro-A curve against OpenSSL', () => {
  it('verifies what OpenSSL GOST engine signs (RFC layout s ‖ r big-endian = our r ‖ s little-endian reversed)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qabyl-gost2001-'));
    try {
      const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
      openssl('genpkey', '-engine', 'gost', '-algorithm', 'gost2001', '-pkeyopt', 'paramset:A', '-out', join(dir, 'key.pem'));
      const spki = pkijs.PublicKeyInfo.fromBER(toArrayBuffer(new Uint8Array(openssl('pkey', '-engine', 'gost', '-in', join(dir, 'key.pem'), '-pubout', '-outform', 'DER'))));
      const inner = asn1js.fromBER(spki.subjectPublicKey.valueBlock.valueHexView).result as asn1js.OctetString;
      const publicKey = gostPublicKey(CRYPTOPRO_A, new Uint8Array(inner.valueBlock.valueHexView));
      expect(publicKey).not.toBeNull();
      const digest = gost94(ascii('GOST-2004 cross-check'));
      const digestFile = join(dir, 'digest.bin');
      writeFileSync(digestFile, digest);
      const rfc = new Uint8Array(openssl('pkeyutl', '-engine', 'gost', '-sign', '-inkey', join(dir, 'key.pem'), '-in', digestFile));
      const nca = rfc.slice().reverse();
      expect(verifyGostDigest(CRYPTOPRO_A, publicKey!, digest, nca)).toBe(true);
      expect(verifyGostDigest(CRYPTOPRO_A, publicKey!, digest, rfc)).toBe(false);
      expect(verifyGostDigest(CRYPTOPRO_A, publicKey!, gost94(ascii('GOST-2004 cross-checK')), nca)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
