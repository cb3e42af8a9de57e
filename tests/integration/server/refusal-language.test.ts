// The server sends refusals as catalogue code + params (+ a fallback in the request's language); a client renders
// them in its own UI language, so a Russian UI never shows the Kazakh text a push in Kazakh brought back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServerOptions } from '../../../demo/server-options';
import { languages } from '../../../domain/i18n-languages';
import type { MutationResult } from '../../../domain/sync-protocol';
import { renderText } from '../../../domain/text/catalogue';
import { startServer, type RunningServer } from '../../../server/index';
import { catalogueText } from '../../../renderer/src/i18n/catalogue';
import { TestServerClient } from '../../support/server-client';

const KAZAKH_ONLY = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;

/** A client whose pushes ask for Kazakh texts. */
class KazakhClient extends TestServerClient {
  override headers(extra: Record<string, string> = {}): Record<string, string> {
    return super.headers({ 'accept-language': 'kk', ...extra });
  }
}

describe('refusals cross the wire as code + params', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ ...(await demoServerOptions({ contractsPerKindergarten: [20, 3, 0], applications: 2, cacheDir: null })) });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('every refusal pushed in Kazakh renders in Russian (and English) from the catalogue, on push and on pull', async () => {
    const client = new KazakhClient(server.url);
    await client.login('kg1-head');
    const { rows, cursor } = await client.bootstrap();
    const contracts = rows.filter((r) => r.entity === 'contract');
    const documentOf = (contractId: string) => rows.find((r) => r.entity === 'contractDocument' && (r.data as { contractId: string }).contractId === contractId)!;
    const signed = contracts.find((r) => (r.data as { status: string }).status === 'signed')!;
    const submitted = contracts.find((r) => (r.data as { status: string }).status === 'submitted')!;

    const pushed = await client.push([
      // A decision on a signed contract: INVALID_TRANSITION with the status as a nested text.
      await client.mutation('contract.markDocument', { contractId: signed.id, documentId: documentOf(signed.id).id, decision: 'approved' }, signed.version),
      // A decision taken on an old version: VERSION_CONFLICT.
      await client.mutation('contract.markDocument', { contractId: submitted.id, documentId: documentOf(submitted.id).id, decision: 'approved' }, submitted.version + 5),
      // A record the user cannot see: NOT_FOUND.
      await client.mutation('contract.markDocument', { contractId: '00000000-0000-4000-8000-000000000000', documentId: 'x', decision: 'approved' }, 1),
    ]);
    const refusals = pushed.results;
    expect(refusals.map((r) => r.code)).toEqual(['INVALID_TRANSITION', 'VERSION_CONFLICT', 'NOT_FOUND']);
    expect(refusals[0]!.params).toEqual({ status: { code: 'contractStatus.signed' } });

    const check = (result: Pick<MutationResult, 'code' | 'params' | 'message'>) => {
      // The fallback is the server's Kazakh rendering; the UI does not use it for a known code.
      const ref = { code: result.code!, ...(result.params ? { params: result.params } : {}) };
      expect(result.message).toBe(renderText(ref, 'kk'));
      const ru = catalogueText(result as never, 'ru');
      expect(ru).not.toMatch(KAZAKH_ONLY);
      expect(ru).toBe(renderText(ref, 'ru'));
      expect(ru).not.toBe(result.message);
      for (const lang of languages) expect(catalogueText(result as never, lang)).not.toBe('');
    };
    refusals.forEach(check);
    expect(catalogueText(refusals[0] as never, 'ru')).toBe('Это действие недоступно в статусе «Подписан».');

    const pulled = await client.pull(cursor);
    if (!('mutations' in pulled)) throw new Error('unexpected reset');
    expect(pulled.mutations.map((m) => m.code)).toEqual(['INVALID_TRANSITION', 'VERSION_CONFLICT', 'NOT_FOUND']);
    pulled.mutations.forEach(check);
  });
});
