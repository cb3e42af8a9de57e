/**
 * GOST 34.10-2015 verification per signature (a Kalkan CMS from the reference vectors, end to end: Streebog of the
 * document and signed attributes, curve check, chain link) next to an RSA-2048 CMS of the test PKI, the legacy
 * GOST 34.310-2004 NCA TSA token the same way, and Streebog-512 and GOST R 34.11-94 throughput next to SHA-256
 * (WebCrypto, native) on the same buffer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { inspectCms, streebog512 } from '../../domain/pki';
import { gost94 } from '../../domain/pki/gost/gost94';
import { signCms } from '../fixtures/pki/sign-cms';
import { loadKey, trustedTestRootsPem } from '../fixtures/pki/load';
import { metric, type BenchMetric } from './support/metrics';

const VECTORS = path.join(import.meta.dirname, '../fixtures/gost-vectors');

async function msPerCall(rounds: number, work: () => Promise<unknown>): Promise<number> {
  await work(); // warm-up: JIT and lazily built tables
  const started = performance.now();
  for (let i = 0; i < rounds; i++) await work();
  return (performance.now() - started) / rounds;
}

export async function benchGost(options: { quick: boolean }): Promise<BenchMetric[]> {
  const rounds = options.quick ? 10 : 50;
  const gostCms = new Uint8Array(fs.readFileSync(path.join(VECTORS, 'signed_detached_cms.der')));
  const gostRoots = [new Uint8Array(fs.readFileSync(path.join(VECTORS, 'nca_gost2015_test.cer')))];
  const content = new TextEncoder().encode('test123');
  const at = new Date('2023-01-01T00:00:00Z');
  // The vector carries a GOST and an RSA signer; the RSA one is refused early (untrusted), the GOST one fully checked.
  const gostMs = await msPerCall(rounds, () => inspectCms({ cms: gostCms, content, trustedRoots: gostRoots, at }));

  const legacyToken = new Uint8Array(fs.readFileSync(path.join(VECTORS, 'tsp_token.bin')));
  const legacyRoots = [new Uint8Array(fs.readFileSync(path.join(VECTORS, 'nca_gost_test.crt')))];
  const legacyMs = await msPerCall(rounds, () => inspectCms({ cms: legacyToken, trustedRoots: legacyRoots, at: new Date('2022-09-18T13:20:14Z') }));

  const key = await loadKey('kg1-head', 'sign');
  const rsaCms = await signCms({ content, privateKey: key.privateKey, certificate: key.certDer, chain: key.chainDer, detached: true });
  const rsaMs = await msPerCall(rounds, () => inspectCms({ cms: rsaCms, content, trustedRoots: trustedTestRootsPem(), at: new Date() }));

  const buffer = new Uint8Array((options.quick ? 4 : 16) * 1024 * 1024).map((_, i) => (i * 31) & 0xff);
  const mib = buffer.length / (1024 * 1024);
  const streebogMs = await msPerCall(options.quick ? 1 : 3, async () => streebog512(buffer));
  const shaMs = await msPerCall(options.quick ? 1 : 3, () => globalThis.crypto.subtle.digest('SHA-256', buffer));
  // Archives only (small timestamp tokens): one MiB is plenty.
  const legacyBuffer = buffer.subarray(0, 1024 * 1024);
  const gost94Ms = await msPerCall(1, async () => gost94(legacyBuffer));

  return [
    metric({
      metric: 'GOST-2015 CMS verification per signature', value: gostMs, unit: 'ms', target: { op: '<=', value: 100 }, baseline: rsaMs,
      notes: `Kalkan vector (GOST signer + untrusted RSA co-signer) vs RSA-2048 test-PKI CMS ${rsaMs.toFixed(1)} ms`,
    }),
    metric({
      metric: 'Streebog-512 throughput', value: mib / (streebogMs / 1000), unit: 'MiB/s', target: { op: '>=', value: 5 }, baseline: mib / (shaMs / 1000),
      notes: `own table implementation vs native SHA-256 over ${mib} MiB`,
    }),
    metric({
      metric: 'GOST-2004 timestamp token verification', value: legacyMs, unit: 'ms', target: { op: '<=', value: 100 }, baseline: rsaMs,
      notes: `NCA TSA token (GOST 34.310-2004 over GOST R 34.11-94, chain to the legacy test CA) vs RSA-2048 CMS ${rsaMs.toFixed(1)} ms`,
    }),
    metric({
      metric: 'GOST R 34.11-94 throughput', value: 1 / (gost94Ms / 1000), unit: 'MiB/s', target: { op: '>=', value: 0.25 }, baseline: mib / (shaMs / 1000),
      notes: 'legacy tokens hash a few hundred bytes (a kilobyte in ~4 ms at the target); larger documents go to the compute worker. Vs native SHA-256, over 1 MiB',
    }),
  ];
}
