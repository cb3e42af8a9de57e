/** Wires the demo mode: test roots, the seed (with its disk cache), the parent simulator and the test PKI's OCSP responder. */
import { readFile } from 'node:fs/promises';
import { loadContractFonts, DEFAULT_FONTS_DIR } from '../node-adapters/fonts';
import { trustedTestRootsPem } from '../tests/fixtures/pki/load';
import path from 'node:path';
import { pkiVerifier } from '../server/auth/pki-verifier';
import { tsaTimestamper } from '../server/auth/timestamper';
import { createRevocationChecker, type RevocationConfig } from '../domain/pki/revocation';
import type { StartServerOptions } from '../server/index';
import { ParentSimulator } from './parent/parent-simulator';
import { registerDevRoutes } from './parent/routes';
import { createDemoOcspResponder } from './pki/ocsp-responder';
import { registerDemoOcspRoute } from './pki/ocsp-route';
import { registerCalendarDevRoutes } from './calendar-routes';
import { SeedCache } from './seed/cache';
import { seedDemo } from './seed/demo-seed';
import { DocumentImageFactory } from './seed/document-images';
import { ParentKeyring } from './seed/parent-keys';
import { TextPainter } from './seed/raster-text';
import { PdfPool } from './seed/pdf-pool';
import type { ParentTools } from './parent/parent-actions';
import { renderContractPdf } from '../domain/contract-pdf';

const POOL_FROM_CONTRACTS = 40;

export interface DemoOptions {
  /** Contracts of each kindergarten (the first one shows ≥ 200 in every status by default). */
  contractsPerKindergarten?: number[];
  applications?: number;
  /** Benchmark scale: synthetic documents, no PDFs or signatures, bulk inserts (see SeedOptions.synthetic). */
  synthetic?: boolean;
  /** Where generated PDFs and scans are cached between runs; null = no cache. */
  cacheDir?: string | null;
  /** Fail-closed revocation checks (absent: not checked); `{}` uses the certificates' AIA/CDP URLs. */
  revocation?: RevocationConfig;
  /** TSA for contract signatures (absent: signing time as the signer asserted it). */
  tsa?: { url: string; acceptedPolicies?: string[] };
}

export async function demoServerOptions(options: DemoOptions = {}): Promise<Pick<StartServerOptions, 'verifier' | 'timestamper' | 'demo'>> {
  const fonts = await loadContractFonts();
  const fontBytes = new Uint8Array(await readFile(path.join(DEFAULT_FONTS_DIR, 'DejaVuSans.ttf')));
  const contractsPerKindergarten = options.contractsPerKindergarten ?? [220, 30, 20];
  // Worker start-up (~1 s) pays off only when there are many PDFs to render.
  const pool = !options.synthetic && contractsPerKindergarten.reduce((a, b) => a + b, 0) >= POOL_FROM_CONTRACTS ? new PdfPool(fonts) : null;
  const tools: ParentTools = {
    keyring: new ParentKeyring(),
    fontBytes,
    renderPdf: (data) => (pool ? pool.render(data) : renderContractPdf(data, fonts)),
    cache: new SeedCache(options.cacheDir ?? null),
  };
  const images = new DocumentImageFactory(TextPainter.fromTtf(fontBytes));
  const ocsp = await createDemoOcspResponder();
  return {
    verifier: pkiVerifier(trustedTestRootsPem(), options.revocation ? { revocation: createRevocationChecker(options.revocation) } : {}),
    timestamper: options.tsa
      ? tsaTimestamper({ tsaUrl: options.tsa.url, trustedRootsPem: trustedTestRootsPem(), ...(options.tsa.acceptedPolicies ? { acceptedPolicies: options.tsa.acceptedPolicies } : {}) })
      : null,
    demo: {
      seed: (db, now) =>
        seedDemo(db, now, {
          contractsPerKindergarten,
          synthetic: options.synthetic ?? false,
          applications: options.applications ?? 60,
          tools,
          images,
        }),
      routes: (app, ctx) => {
        registerDevRoutes(app, new ParentSimulator(ctx, tools, images));
        registerDemoOcspRoute(app, ocsp, ctx.now);
        registerCalendarDevRoutes(app, ctx);
      },
    },
  };
}
