// Document digests in the compute worker: the same bytes as on this thread for every script digest, SHA and small
// inputs hashed here, and the event loop keeps turning while a large document is hashed. A whole CMS check over a
// large detached document uses it and reaches the same verdict.
import { afterAll, describe, expect, it } from 'vitest';
import { digestByOid, inspectCms, OID } from '../../../domain/pki';
import { ComputePool } from '../../../electron/backend/compute/compute-pool';
import { computeContentDigest, OFF_THREAD_MIN_BYTES } from '../../../electron/backend/compute/content-digest';
import { loadKey, trustedTestRootsPem } from '../../fixtures/pki/load';
import { signCms } from '../../fixtures/pki/sign-cms';
import { computeWorkerSource } from '../../support/compute-worker';

const pool = new ComputePool(computeWorkerSource);
const digest = computeContentDigest(pool);
afterAll(() => pool.close());

function document(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let at = 0; at < size; at += 65_536) globalThis.crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65_536)));
  return bytes;
}

/** How many event-loop turns pass while `work` runs: 0 when it holds the thread to the end. */
async function turnsDuring(work: Promise<unknown>): Promise<number> {
  let done = false;
  let turns = 0;
  void work.then(() => { done = true; });
  while (!done) {
    await new Promise((resolve) => setImmediate(resolve));
    if (!done) turns++;
  }
  return turns;
}

describe('document digests in the compute worker', () => {
  it('gives the same digests as this thread for Streebog-512/256 and GOST R 34.11-94, small and large', async () => {
    for (const size of [100, OFF_THREAD_MIN_BYTES + 17]) {
      const data = document(size);
      for (const oid of [OID.streebog512, OID.streebog256, OID.gost94, OID.sha256]) {
        expect(await digest(oid, data)).toEqual(await digestByOid(oid, data));
      }
    }
    expect(await digest('1.2.3.4', document(OFF_THREAD_MIN_BYTES))).toBeNull();
  });

  it('keeps the event loop turning while a 4 MiB document is hashed, which hashing here does not', async () => {
    const data = document(4 * 1024 * 1024);
    await digest(OID.streebog512, document(OFF_THREAD_MIN_BYTES)); // the worker is started
    const inFlight = pool.inFlight;
    const job = digest(OID.streebog512, data);
    expect(pool.inFlight).toBe(inFlight + 1);
    expect(await turnsDuring(job)).toBeGreaterThan(0);
    expect(await turnsDuring(digestByOid(OID.streebog512, data))).toBe(0);
  });

  it('verifies a GOST CMS over a large detached document the same way', async () => {
    const key = await loadKey('kg1-head', 'sign');
    expect(key.algorithm).toBe('gost');
    const content = document(2 * 1024 * 1024);
    const cms = await signCms({ content, privateKey: key.privateKey, certificate: key.certDer, chain: key.chainDer, detached: true, signingTime: new Date() });
    const input = { cms, content, trustedRoots: trustedTestRootsPem(), at: new Date() };
    const here = await inspectCms(input);
    const there = await inspectCms({ ...input, digestContent: digest });
    expect(there.ok && there.signers.map((s) => s.ok)).toEqual([true]);
    expect(there.ok && there.signers.map((s) => s.ok && s.signer.signatureAlgorithm)).toEqual(here.ok && here.signers.map((s) => s.ok && s.signer.signatureAlgorithm));
    const changed = content.slice();
    changed[1_000_000] = changed[1_000_000]! ^ 1;
    const tampered = await inspectCms({ ...input, content: changed, digestContent: digest });
    expect(tampered.ok && tampered.signers.map((s) => !s.ok && s.code)).toEqual(['INVALID_SIGNATURE']);
  });
});
