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
import { OPENSSL_GOST, relabelCertificate, relabelCms } from '../../support/gost-relabel';

const engineAvailable = spawnSync('openssl', ['engine', 'gost'], { encoding: 'utf8' }).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'qabyl-gost-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function openssl(args: string[], input?: Uint8Array): Buffer {
  return execFileSync('openssl', args, { cwd: dir, input, stdio: ['pipe', 'pipe', 'pipe'] });
}

function opensslDigest(algorithm: 'md_gost12_512' | 'md_gost12_256', data: Uint8Array): Uint8Array {
  return new Uint8Array(openssl(['dgst', '-engine', 'gost', `-${algorithm}`, '-binary'], data));
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** The same CMS with its (only) signature value byte-reversed. */
function withSignatureReversed(der: Uint8Array): Uint8Array {
  const signed = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(toArrayBuffer(der)).content });
  const info = signed.signerInfos[0]!;
  info.signature = new asn1js.OctetString({ valueHex: toArrayBuffer(new Uint8Array(info.signature.valueBlock.valueHexView).slice().reverse()) });
  return new Uint8Array(new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(false) }).toSchema().toBER(false));
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
    openssl(['x509', '-engine', 'gost', '-in', 'cert.pem', '-outform', 'DER', '-out', 'cert.der']);
    writeFileSync(join(dir, 'doc.bin'), 'Шарт № 7');
    openssl(['cms', '-engine', 'gost', '-sign', '-binary', '-nosmimecap', '-md', 'md_gost12_512', '-in', 'doc.bin', '-signer', 'cert.pem', '-inkey', 'key.pem', '-outform', 'DER', '-out', 'sig.der']);

    const opensslCms = new Uint8Array(readFileSync(join(dir, 'sig.der')));
    const relabelled = relabelCms(opensslCms, 'kz');
    const content = new Uint8Array(readFileSync(join(dir, 'doc.bin')));
    // The relabelled self-signed certificate is its own trust anchor (its self-signature covered the OpenSSL OIDs).
    const cert = relabelCertificate(pkijs.Certificate.fromBER(toArrayBuffer(new Uint8Array(readFileSync(join(dir, 'cert.der'))))), 'kz');
    const trust = [new Uint8Array(cert.toSchema().toBER(false))];
    const result = await inspectCms({ cms: relabelled, content, trustedRoots: trust, at: new Date() });
    expect(result.ok && result.signers.map((s) => (s.ok ? s.signer.signatureAlgorithm : s.message))).toEqual(['gost2015-512']);

    // The KZ OIDs with the signature left in OpenSSL's byte order: the RFC layout, which NCA never uses.
    const refused = await inspectCms({ cms: withSignatureReversed(relabelled), content, trustedRoots: trust, at: new Date() });
    expect(refused.ok && refused.signers[0]).toMatchObject({ ok: false, code: 'INVALID_SIGNATURE' });
  });

  it('our GOST signatures verify with OpenSSL', () => {
    const privateKey = generateGostPrivateKey(TC26_512_A);
    const spki = new asn1js.Sequence({ value: [
      new asn1js.Sequence({ value: [
        new asn1js.ObjectIdentifier({ value: OPENSSL_GOST.publicKey512 }),
        new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OPENSSL_GOST.paramSet512A }), new asn1js.ObjectIdentifier({ value: OPENSSL_GOST.streebog512 })] }),
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
