/**
 * The head's sign path through the real parts: the contract API handlers, DecisionService, the contract PDF
 * regenerated from the replica, NCALayer (the emulator, real CMS from the test PKI) and the reference server on
 * loopback. A signed contract is enrolled at the server with the head's signature over the exact bytes the parent
 * signed; what the state machine or the PDF check refuses never opens NCALayer and never reaches the outbox.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contractListArgsSchema } from '../../../domain/api/contracts';
import type { AppError } from '../../../domain/envelope';
import { sha256Hex } from '../../../electron/backend/blobs/blob-crypto';
import { contractHandlers } from '../../../electron/backend/api/contract-handlers';
import { ComputePool } from '../../../electron/backend/compute/compute-pool';
import { ContractPdfSource } from '../../../electron/backend/contracts/contract-pdf-source';
import { DecisionService } from '../../../electron/backend/decisions/decision-service';
import { NcaLayerClient } from '../../../electron/backend/ncalayer/client';
import { signatureTrust } from '../../../electron/backend/signatures/signature-trust';
import { startEmulator, type RunningEmulator } from '../../fixtures/ncalayer/emulator';
import { pdfText } from '../../unit/contract-pdf/tools';
import { loadKey, trustedTestRootsPem } from '../../fixtures/pki/load';
import { cmsBy } from '../../support/server-client';
import { computeWorkerSource } from '../../support/compute-worker';
import { serverResults, signedInService, syncUntilSettled, useWorld } from '../sync/support/world';

const world = useWorld();
const compute = new ComputePool(computeWorkerSource);
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, keystore: ['kg1-head'] });
});
afterAll(async () => {
  await emulator?.close();
  await compute.close();
});

/** The head's machine: local DB synced with the server, and the contract API with real NCALayer signing. */
async function headMachine(prefix: string) {
  const { db, service: sync } = await signedInService(world, prefix, 'kg1-head');
  const ncalayer = new NcaLayerClient({ url: emulator.url, ca: [emulator.caPem], signerChain: [] });
  const contractPdfs = new ContractPdfSource(db.sqlite, compute, null);
  const decisions = new DecisionService({ engine: sync.engine, ncalayer: () => ncalayer, trustedRootsPem: trustedTestRootsPem(), contractPdfs });
  const api = contractHandlers({
    db,
    sync,
    decisions,
    contractPdfs,
    trust: signatureTrust(trustedTestRootsPem(), {}, () => false),
    config: { trustedRootsPem: trustedTestRootsPem() },
  });
  return {
    db,
    sync,
    api,
    /** The first contracts awaiting review, in the inbox's order. */
    reviewContracts: async (count: number) => (await api['contracts.list'](contractListArgsSchema.parse({ tab: 'review', limit: count }))).rows,
    /** Accepts every current document of a contract and lets the marks reach the server. */
    async approveAll(contractId: string) {
      for (const doc of (await api['contracts.get']({ id: contractId })).documents) {
        await api['contracts.markDocument']({ contractId, documentId: doc.id, decision: 'approved', reason: null, comment: null });
      }
      await syncUntilSettled(sync);
    },
    async close() {
      await sync.stop();
      db.close();
    },
  };
}

/** The error a handler call ends in (thrown at once or rejected later), or null when it succeeded. */
/** Runs a test on a fresh head's machine and closes it, whatever the test does. */
async function withHead(prefix: string, test: (head: Awaited<ReturnType<typeof headMachine>>) => Promise<void>): Promise<void> {
  const head = await headMachine(prefix);
  try {
    await test(head);
  } finally {
    await head.close();
  }
}

const refusalOf = (call: () => unknown): Promise<AppError | null> =>
  Promise.resolve()
    .then(call)
    .then(
      () => null,
      (error: unknown) => error as AppError,
    );

it('signs a reviewed contract over the parent-signed PDF, and the server enrols it', { timeout: 180_000 }, () =>
  withHead('sign-path', async (head) => {
    const [first, second] = await head.reviewContracts(2);
    const contractId = first!.id;

    // Documents not yet accepted: the state machine refuses before NCALayer is asked.
    const asked = emulator.requests().length;
    expect(await refusalOf(() => head.api['contracts.sign']({ contractId: second!.id }))).toMatchObject({
      code: 'REQUIRED_DOCUMENT_NOT_APPROVED',
      details: { refusal: { code: 'REQUIRED_DOCUMENT_NOT_APPROVED' } },
    });
    expect(emulator.requests().length).toBe(asked);
    expect(head.sync.engine.outbox.all()).toEqual([]);

    await head.approveAll(contractId);
    const before = await head.api['contracts.get']({ id: contractId });
    expect(before.contract.status).toMatch(/submitted$/);
    const preview = await head.api['contracts.pdf']({ contractId });
    expect(preview.sha256).toBe(before.contract.pdfSha256);
    expect(sha256Hex(Buffer.from(preview.base64, 'base64'))).toBe(preview.sha256);

    const { clientSeq } = await head.api['contracts.sign']({ contractId });
    const row = head.sync.engine.outbox.get(clientSeq)!;
    expect(row).toMatchObject({ name: 'contract.sign', targetId: contractId, status: 'pending', args: { contractId, pdfSha256: preview.sha256 } });
    expect(emulator.requests().length).toBeGreaterThan(asked);
    expect((await head.api['contracts.get']({ id: contractId })).sync).toBe('pending');

    await syncUntilSettled(head.sync);
    const results = await serverResults(world.server, head.sync.engine.state.read().clientId);
    expect(results.at(-1)).toMatchObject({ mutationId: row.mutationId, status: 'applied' });
    const after = await head.api['contracts.get']({ id: contractId });
    expect(after.contract).toMatchObject({ status: 'signed', pdfSha256: preview.sha256, headSignature: { signerIin: head.sync.engine.user()!.iin } });
    expect(after.contract.signedAt).not.toBeNull();
    expect(after.sync).toBeNull();
    expect(head.sync.engine.status()).toMatchObject({ pending: 0, attention: 0 });

    // The signed copy (rendered in the compute worker) lists the head's certificate as poppler reads it.
    const copy = await head.api['contracts.signedCopy']({ contractId });
    expect(copy.fileName).toBe(`${after.contract.number}.pdf`);
    const text = pdfText(Buffer.from(copy.base64, 'base64')).replace(/\s+/g, '');
    expect(text).toContain(after.contract.headSignature!.certSerial);
    expect(text).toContain(preview.sha256);
  }),
);

it('refuses to sign when the regenerated PDF differs from what the parent signed, before NCALayer', { timeout: 180_000 }, () =>
  withHead('sign-mismatch', async (head) => {
    const contractId = (await head.reviewContracts(3))[2]!.id;
    await head.approveAll(contractId);
    // The replica's copy of the contract no longer prints what the parent signed.
    head.db.sqlite.prepare("UPDATE contracts SET data = json_set(data, '$.number', json_extract(data, '$.number') || '-X') WHERE id = ?").run(contractId);

    const asked = emulator.requests().length;
    expect(await refusalOf(() => head.api['contracts.sign']({ contractId }))).toMatchObject({ code: 'CONTRACT_PDF_MISMATCH' });
    expect(await refusalOf(() => head.api['contracts.pdf']({ contractId }))).toMatchObject({ code: 'CONTRACT_PDF_MISMATCH' });
    expect(emulator.requests().length).toBe(asked);
    expect(head.sync.engine.outbox.all().filter((r) => r.name === 'contract.sign')).toEqual([]);
  }),
);

it('refuses to sign when the parent signature is not by the parent or not over the PDF, before NCALayer', { timeout: 180_000 }, () =>
  withHead('sign-parent', async (head) => {
    const contractId = (await head.reviewContracts(5))[4]!.id;
    await head.approveAll(contractId);
    const pdf = Buffer.from((await head.api['contracts.pdf']({ contractId })).base64, 'base64');
    // The replica's contract carries another signer's CMS as the parent's (what a tampered sync would deliver).
    const setParentCms = (cms: string) =>
      head.db.sqlite.prepare("UPDATE contracts SET data = json_set(data, '$.parentSignature.cms', ?) WHERE id = ?").run(cms, contractId);
    const headKey = await loadKey('kg1-head', 'sign');
    const asked = emulator.requests().length;

    setParentCms(await cmsBy(headKey, pdf, true));
    const foreign = await refusalOf(() => head.api['contracts.sign']({ contractId }));
    expect(foreign).toMatchObject({ code: 'PARENT_SIGNER_MISMATCH' });
    expect(foreign?.message).toContain("differs from the parent's IIN");
    setParentCms(await cmsBy(headKey, new TextEncoder().encode('another document'), true));
    expect(await refusalOf(() => head.api['contracts.sign']({ contractId }))).toMatchObject({ code: 'PARENT_SIGNATURE_INVALID' });

    expect(emulator.requests().length).toBe(asked);
    expect(head.sync.engine.outbox.all().filter((r) => r.name === 'contract.sign')).toEqual([]);
  }),
);

it('rejects a contract with a signed decision the server applies', { timeout: 180_000 }, () =>
  withHead('reject-path', async (head) => {
    const contractId = (await head.reviewContracts(4))[3]!.id;
    const { clientSeq } = await head.api['contracts.reject']({ contractId, reason: 'documents_invalid', comment: 'Құжаттар жарамсыз' });
    const row = head.sync.engine.outbox.get(clientSeq)!;
    expect(row).toMatchObject({ name: 'contract.reject', targetId: contractId, args: { contractId, cms: expect.any(String) } });

    await syncUntilSettled(head.sync);
    expect((await head.api['contracts.get']({ id: contractId })).contract).toMatchObject({ status: 'rejected', rejectReason: 'documents_invalid' });
    expect(head.sync.engine.status()).toMatchObject({ pending: 0, attention: 0 });
  }),
);
