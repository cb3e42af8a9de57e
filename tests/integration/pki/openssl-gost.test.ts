// OpenSSL's GOST engine as an independent second implementation: Streebog digests agree byte for byte, an OpenSSL
// CMS re-labelled with the KZ OIDs (and its signature put into the NCA layout) verifies with our code, and our
// signatures verify with OpenSSL once put back into its layout.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, describe, expect, it } from 'vitest';
import { derToPem, inspectCms, streebog256, streebog512 } from '../../../domain/pki';
import { pemBlocks, toArrayBuffer } from '../../../domain/pki/bytes';
import { TC26_512_A } from '../../../domain/pki/gost/curves';
import { generateGostPrivateKey, gostPublicKeyBytes, signGostDigest } from '../../../domain/pki/gost/gost-signature';
import { OID } from '../../../domain/pki/oids';

const engineAvailable = spawnSync('openssl', ['engine', 'gost'], { encoding: 'utf8' }).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'qabyl-gost-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OPENSSL = {
  publicKey512: '1.2.643.7.1.1.1.2',
  paramSet512A: '1.2.643.7.1.2.1.2.1',
  streebog512: '1.2.643.7.1.1.2.3',
  signature512: '1.2.643.7.1.1.3.3',
};

function openssl(args: string[], input?: Uint8Array): Buffer {
  return execFileSync('openssl', args, { cwd: dir, input, stdio: ['pipe', 'pipe', 'pipe'] });
}

function opensslDigest(algorithm: 'md_gost12_512' | 'md_gost12_256', data: Uint8Array): Uint8Array {
  return new Uint8Array(openssl(['dgst', '-engine', 'gost', `-${algorithm}`, '-binary'], data));
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** OpenSSL's GOST OIDs → the KZ OIDs, NULL parameters on the signature and digest algorithms. */
function relabelAlgorithm(id: pkijs.AlgorithmIdentifier): pkijs.AlgorithmIdentifier {
  // OpenSSL names the SignerInfo signature algorithm by the key OID.
  if (id.algorithmId === OPENSSL.signature512 || id.algorithmId === OPENSSL.publicKey512) return new pkijs.AlgorithmIdentifier({ algorithmId: OID.gost2015Sign512, algorithmParams: new asn1js.Null() });
  if (id.algorithmId === OPENSSL.streebog512) return new pkijs.AlgorithmIdentifier({ algorithmId: OID.streebog512, algorithmParams: new asn1js.Null() });
  return id;
}

function relabelCertificate(cert: pkijs.Certificate): pkijs.Certificate {
  cert.subjectPublicKeyInfo.algorithm = new pkijs.AlgorithmIdentifier({
    algorithmId: OID.gost2015PublicKey,
    algorithmParams: new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.gost2015Params512A }), new asn1js.ObjectIdentifier({ value: OID.streebog512 })] }),
  });
  cert.signature = relabelAlgorithm(cert.signature);
  cert.signatureAlgorithm = relabelAlgorithm(cert.signatureAlgorithm);
  cert.tbsView = new Uint8Array(cert.encodeTBS().toBER(false));
  return pkijs.Certificate.fromBER(cert.toSchema(true).toBER(false));
}

describe.skipIf(!engineAvailable)('OpenSSL GOST engine interop', () => {
  it('Streebog-512/256 agree with OpenSSL on every block boundary', () => {
    for (const length of [0, 1, 63, 64, 65, 127, 128, 1000, 70_000]) {
      const data = globalThis.crypto.getRandomValues(new Uint8Array(Math.min(length, 65_536)));
      const full = length > 65_536 ? new Uint8Array(length).map((_, i) => data[i % data.length]!) : data;
      expect(hex(streebog512(full)), `512 over ${length} bytes`).toBe(hex(opensslDigest('md_gost12_512', full)));
      expect(hex(streebog256(full)), `256 over ${length} bytes`).toBe(hex(opensslDigest('md_gost12_256', full)));
    }
  });

  it('verifies an OpenSSL CMS re-labelled with the KZ OIDs in the NCA signature layout', async () => {
    openssl(['genpkey', '-engine', 'gost', '-algorithm', 'gost2012_512', '-pkeyopt', 'paramset:A', '-out', 'key.pem']);
    openssl(['req', '-engine', 'gost', '-x509', '-new', '-key', 'key.pem', '-md_gost12_512', '-subj', '/CN=OpenSSL GOST/serialNumber=IIN123456789012/C=KZ', '-days', '30', '-out', 'cert.pem']);
    writeFileSync(join(dir, 'doc.bin'), 'Шарт № 7');
    openssl(['cms', '-engine', 'gost', '-sign', '-binary', '-nosmimecap', '-md', 'md_gost12_512', '-in', 'doc.bin', '-signer', 'cert.pem', '-inkey', 'key.pem', '-outform', 'DER', '-out', 'sig.der']);

    const signed = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(toArrayBuffer(new Uint8Array(readFileSync(join(dir, 'sig.der'))))).content });
    const cert = relabelCertificate(signed.certificates![0] as pkijs.Certificate);
    signed.certificates = [cert];
    signed.digestAlgorithms = signed.digestAlgorithms.map(relabelAlgorithm);
    const info = signed.signerInfos[0]!;
    info.digestAlgorithm = relabelAlgorithm(info.digestAlgorithm);
    info.signatureAlgorithm = relabelAlgorithm(info.signatureAlgorithm);
    const rfcLayout = new Uint8Array(info.signature.valueBlock.valueHexView);
    info.signature = new asn1js.OctetString({ valueHex: toArrayBuffer(rfcLayout.slice().reverse()) });
    const relabelled = new Uint8Array(new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(false) }).toSchema().toBER(false));

    const content = new Uint8Array(readFileSync(join(dir, 'doc.bin')));
    // The relabelled self-signed certificate is its own trust anchor (its self-signature covered the OpenSSL OIDs).
    const trust = [new Uint8Array(cert.toSchema().toBER(false))];
    const result = await inspectCms({ cms: relabelled, content, trustedRoots: trust, at: new Date() });
    expect(result.ok && result.signers.map((s) => (s.ok ? s.signer.signatureAlgorithm : s.message))).toEqual(['gost2015-512']);

    info.signature = new asn1js.OctetString({ valueHex: toArrayBuffer(rfcLayout) });
    const rfc = new Uint8Array(new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(false) }).toSchema().toBER(false));
    const refused = await inspectCms({ cms: rfc, content, trustedRoots: trust, at: new Date() });
    expect(refused.ok && refused.signers[0]).toMatchObject({ ok: false, code: 'INVALID_SIGNATURE' });
  });

  it('our GOST signatures verify with OpenSSL', () => {
    const privateKey = generateGostPrivateKey(TC26_512_A);
    const spki = new asn1js.Sequence({ value: [
      new asn1js.Sequence({ value: [
        new asn1js.ObjectIdentifier({ value: OPENSSL.publicKey512 }),
        new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OPENSSL.paramSet512A }), new asn1js.ObjectIdentifier({ value: OPENSSL.streebog512 })] }),
      ] }),
      new asn1js.BitString({ valueHex: new asn1js.OctetString({ valueHex: toArrayBuffer(gostPublicKeyBytes(TC26_512_A, privateKey)) }).toBER(false) }),
    ] });
    writeFileSync(join(dir, 'ours.pub.pem'), derToPem(new Uint8Array(spki.toBER(false)), 'PUBLIC KEY'));
    for (const [i, text] of ['первый документ', 'екінші құжат', ''].entries()) {
      const digest = streebog512(new TextEncoder().encode(text));
      writeFileSync(join(dir, `d${i}.bin`), digest);
      // NCA layout r ‖ s little-endian, reversed whole = OpenSSL's s ‖ r big-endian.
      writeFileSync(join(dir, `s${i}.bin`), signGostDigest(TC26_512_A, privateKey, digest).reverse());
      const out = openssl(['pkeyutl', '-engine', 'gost', '-verify', '-pubin', '-inkey', 'ours.pub.pem', '-in', `d${i}.bin`, '-sigfile', `s${i}.bin`]).toString();
      expect(out).toMatch(/Signature Verified Successfully/);
    }
    expect(pemBlocks(readFileSync(join(dir, 'ours.pub.pem'), 'utf8'))).toHaveLength(1);
  });
});
