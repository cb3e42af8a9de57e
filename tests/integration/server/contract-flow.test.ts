// The full contract flow over HTTP only: parent simulator + a head signing with the test keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contract, ContractDocument } from '../../../domain/entities';
import { startServer, type RunningServer } from '../../../server/index';
import { demoServerOptions } from '../../../demo/server-options';
import { loadKey, type LoadedKey } from '../../fixtures/pki/load';
import { cmsBy, TestServerClient } from '../../support/server-client';

let server: RunningServer;
let head: TestServerClient;
let headSign: LoadedKey;
type State = { contract: Contract; documents: ContractDocument[]; history: { kind: string }[] };

beforeAll(async () => {
  server = await startServer(await demoServerOptions({ contractsPerKindergarten: [1, 1, 0], applications: 1, cacheDir: null }));
  head = new TestServerClient(server.url);
  await head.login('kg1-head');
  headSign = await loadKey('kg1-head', 'sign');
}, 120_000);
afterAll(async () => server?.close());

const state = () => head.getJson<State>('/v1/dev/contracts/ctr-kg1-0');

async function reviewAndReturn(flagIndex: number) {
  const { contract, documents } = await state();
  const current = documents.filter((d) => d.current);
  const marks = await Promise.all(
    current.map((d, i) =>
      head.mutation(
        'contract.markDocument',
        i === flagIndex ? { contractId: contract.id, documentId: d.id, decision: 'flagged', reason: 'unreadable' } : { contractId: contract.id, documentId: d.id, decision: 'approved' },
        contract.version,
      ),
    ),
  );
  const rework = await head.mutation('contract.returnForRework', { contractId: contract.id, message: null }, contract.version, headSign);
  return head.push([...marks, rework]);
}

describe('contract flow over HTTP', () => {
  it('submit → rework → resubmit → rework → resubmit → third rework refused → sign → enrolled', async () => {
    await head.postJson('/v1/dev/parent/contracts/ctr-kg1-0/submit');
    expect((await state()).contract.status).toBe('submitted');

    for (const round of [1, 2]) {
      const results = await reviewAndReturn(round);
      expect(results.results.map((r) => r.status)).toEqual(results.results.map(() => 'applied'));
      expect((await state()).contract.reworkCount).toBe(round);
      await head.postJson('/v1/dev/parent/contracts/ctr-kg1-0/resubmit');
      expect((await state()).contract.status).toBe('resubmitted');
    }

    const third = await reviewAndReturn(0);
    expect(third.results.at(-1)).toMatchObject({ status: 'rejected', code: 'REWORK_LIMIT_REACHED' });

    // Approve the flagged document, then sign the exact PDF bytes the parent signed.
    const { contract, documents } = await state();
    const flagged = documents.filter((d) => d.current && d.reviewStatus === 'flagged');
    const approve = await Promise.all(flagged.map((d) => head.mutation('contract.markDocument', { contractId: contract.id, documentId: d.id, decision: 'approved' }, contract.version)));
    const pdf = new Uint8Array(await (await head.getBlob(contract.pdfSha256!)).arrayBuffer());
    const cms = await cmsBy(headSign, pdf, true);
    const sign = await head.mutation('contract.sign', { contractId: contract.id, pdfSha256: contract.pdfSha256, cms }, contract.version);
    const signed = await head.push([...approve, sign]);
    expect(signed.results.at(-1)).toMatchObject({ status: 'applied' });

    const final = await state();
    expect(final.contract.status).toBe('signed');
    expect(final.contract.headSignature?.signerIin).toBe(headSign.identity.iin);
    expect(final.history.map((h) => h.kind)).toEqual(['submitted', 'returned_for_rework', 'resubmitted', 'returned_for_rework', 'resubmitted', 'signed']);
    const notes = await head.getJson<{ kind: string; textRu: string; textKk: string }[]>(`/v1/dev/parent/notifications?iin=${final.contract.parent.iin}`);
    const texts = notes.map((n) => n.textRu);
    expect(texts.filter((t) => t.startsWith('Договор возвращён на доработку'))).toHaveLength(2);
    expect(texts.at(-1)).toBe('Ваш ребёнок успешно зачислен');
  }, 120_000);
});
