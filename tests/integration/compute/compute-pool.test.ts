/**
 * The compute worker: a contract PDF regenerated in the worker thread is byte-for-byte the one the domain renders
 * here, the backend thread keeps running while it renders, errors come back as errors, closing the pool refuses what
 * is in flight while the next job starts a fresh worker, and documents are opened and verified there.
 */
import { afterAll, expect, it } from 'vitest';
import { regenerateSignedContract, TEMPLATE_VERSION, type RegeneratedContract } from '../../../domain/contract-pdf';
import type { Contract, Organisation } from '../../../domain/entities';
import { sealGcm, sha256Hex } from '../../../electron/backend/blobs/blob-crypto';
import { ComputePool } from '../../../electron/backend/compute/compute-pool';
import { loadContractFonts } from '../../../node-adapters/fonts';
import { sampleContract, sampleOrganisation } from '../../fixtures/contract-pdf/sample';
import { computeWorkerSource } from '../../support/compute-worker';

const pool = new ComputePool(computeWorkerSource);
afterAll(() => pool.close());

/** The sample contract with the hash of its own PDF recorded (as if the parent had signed it), rendered here. */
async function signedSample(): Promise<{ contract: Contract; organisation: Organisation; here: RegeneratedContract }> {
  const organisation = sampleOrganisation();
  const fonts = await loadContractFonts();
  const probe = await regenerateSignedContract(sampleContract('0'.repeat(64)), organisation, fonts);
  if (probe.ok || !probe.actual) throw new Error('the probe must report the actual hash');
  const contract = sampleContract(probe.actual);
  return { contract, organisation, here: await regenerateSignedContract(contract, organisation, fonts) };
}

it('regenerates the contract PDF in the worker exactly as the domain renders it', { timeout: 120_000 }, async () => {
  const { contract, organisation, here } = await signedSample();
  expect(here.ok).toBe(true);

  const job = pool.run('regenerateContract', { contract, organisation, fontsDir: null });
  // While the worker renders, this thread keeps turning its event loop (it would not, rendering here).
  let turns = 0;
  let settled = false;
  const done = () => (settled = true);
  job.then(done, done);
  while (!settled && turns < 1_000_000) {
    await new Promise((resolve) => setImmediate(resolve));
    turns++;
  }
  const there = await job;
  expect(there).toEqual(here);
  expect(turns).toBeGreaterThan(1);
  expect(pool.inFlight).toBe(0);

  const mismatch = await pool.run('regenerateContract', { contract: { ...contract, pdfSha256: '0'.repeat(64) }, organisation, fontsDir: null });
  expect(mismatch).toMatchObject({ ok: false, problem: 'hash_mismatch', expected: '0'.repeat(64) });
  const oldTemplate = await pool.run('regenerateContract', { contract: { ...contract, templateVersion: `${TEMPLATE_VERSION}-old` }, organisation, fontsDir: null });
  expect(oldTemplate).toMatchObject({ ok: false, problem: 'template_unavailable' });
});

it('passes a failure back as an error and survives closing with a job in flight', { timeout: 120_000 }, async () => {
  const { contract, organisation } = await signedSample();
  await expect(pool.run('regenerateContract', { contract, organisation, fontsDir: '/nonexistent-fonts-folder' })).rejects.toThrow(/ENOENT|no such file/i);

  const inFlight = pool.run('regenerateContract', { contract, organisation, fontsDir: null }).then(
    () => null,
    (error: unknown) => error,
  );
  await pool.close();
  expect(await inFlight).toMatchObject({ code: 'COMPUTE_CLOSED' });

  const again = await pool.run('regenerateContract', { contract, organisation, fontsDir: null });
  expect(again.ok).toBe(true);
});

it('opens a sealed document in the worker, and refuses one altered on disk or not the document named', async () => {
  const plain = new TextEncoder().encode('Қабылдау туралы анықтама / Справка о приёме '.repeat(2_000));
  const sha256 = sha256Hex(plain);
  const { key, nonce, sealed } = sealGcm(plain);
  expect(await pool.run('openBlob', { sealed, key, nonce, sha256 })).toEqual(plain);

  const altered = Uint8Array.from(sealed);
  altered[100]! ^= 1;
  expect(await pool.run('openBlob', { sealed: altered, key, nonce, sha256 })).toBeNull();
  expect(await pool.run('openBlob', { sealed, key, nonce, sha256: sha256Hex(new Uint8Array([1])) })).toBeNull();
});
