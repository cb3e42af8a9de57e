/**
 * The embedded demo: the reference server with the demo seed and the NCALayer emulator with the demo keystore and
 * an auto-approving user. Used by `dev:web` and by `npm start` (never part of a packaged build). The server keeps
 * its data in `dataDir`, so it can be stopped and started again (offline scenarios) without losing decisions.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DemoServices } from '../domain/demo-services';
import { startServer, type RunningServer } from '../server/index';
import { demoServerOptions } from './server-options';
import { DEMO_OCSP_PATH } from './pki/ocsp-route';
import { DEMO_DEFAULT_IDENTITY, TEST_IDENTITIES } from '../tests/fixtures/pki/identities';
import { trustedTestRootsPem } from '../tests/fixtures/pki/load';
import { startEmulator, type RunningEmulator } from '../tests/fixtures/ncalayer/emulator';

/** The shell's view of the demo (domain/demo-services.ts) plus the controls `dev:web` and the e2e tests use. */
export interface DemoHarness extends DemoServices {
  /** Which staff member's token is "inserted" into the emulator. */
  useIdentity(key: string): Promise<void>;
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  serverRunning(): boolean;
  /** Stops/starts the emulator on the same port ("NCALayer is not running" scenarios). */
  stopNcaLayer(): Promise<void>;
  startNcaLayer(): Promise<void>;
  emulator(): RunningEmulator | null;
}

export interface DemoServicesOptions {
  dataDir: string;
  staffKey?: string;
  serverPort?: number;
  seedCacheDir?: string;
}

export async function startDemoServices(options: DemoServicesOptions): Promise<DemoHarness> {
  const staffKey = options.staffKey ?? DEMO_DEFAULT_IDENTITY;
  if (!TEST_IDENTITIES.some((i) => i.key === staffKey)) throw new Error(`Unknown demo identity: ${staffKey}`);
  fs.mkdirSync(options.dataDir, { recursive: true });
  // The seed's generated PDFs and scans are keyed by their recipe, so every demo instance on this machine can share
  // one cache: a fresh data dir (tests, --fresh) then starts in seconds instead of rendering everything again.
  const serverOptions = await demoServerOptions({ cacheDir: options.seedCacheDir ?? path.join(os.tmpdir(), 'qabyl-seed-cache') });
  let port = options.serverPort ?? 0;
  let server: RunningServer | null = null;

  const start = async () => {
    if (server) return;
    server = await startServer({
      port,
      database: { kind: 'pglite', dataDir: path.join(options.dataDir, 'server-db') },
      ...serverOptions,
    });
    port = server.port; // keep the same address across restarts
  };
  await start();
  let keystore = [staffKey];
  let emulator: RunningEmulator | null = await startEmulator({ port: 0, keystore });
  const emulatorPort = emulator.port;
  const emulatorCa = emulator.caPem;
  const emulatorUrl = emulator.url;
  const serverUrl = (server as RunningServer | null)?.url ?? '';

  return {
    serverUrl,
    ncalayer: { url: emulatorUrl, tlsCaPem: emulatorCa, allowTestKeys: true },
    trustedRootsPem: trustedTestRootsPem(),
    // The test certificates name an unreachable placeholder; the demo server answers for the test CAs instead.
    revocation: { ocspUrls: [`${serverUrl}${DEMO_OCSP_PATH}`], crlUrls: [] },
    async useIdentity(key) {
      keystore = [key];
      await emulator?.setKeystore(keystore);
    },
    async stopServer() {
      const running = server;
      server = null;
      await running?.close();
    },
    startServer: start,
    serverRunning: () => server !== null,
    async stopNcaLayer() {
      const running = emulator;
      emulator = null;
      await running?.close();
    },
    async startNcaLayer() {
      emulator ??= await startEmulator({ port: emulatorPort, keystore });
    },
    emulator: () => emulator,
    async close() {
      await emulator?.close();
      await server?.close();
      server = null;
    },
  };
}
