/**
 * `npm run dev:web [-- --port N] [--static] [--data-dir DIR] [--fresh] [--server-url URL] [--token T] [--as KEY]`
 * Runs the backend under Node (in its worker thread) and the renderer in a browser through the WebSocket bridge.
 * By default it starts the demo services (reference server with the demo seed + NCALayer emulator) embedded.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadOrCreateKeyFile } from '../db/key-file';
import { BackendHost } from '../electron/backend/host/backend-host';
import { DEMO_DEFAULT_IDENTITY } from '../tests/fixtures/pki/identities';
import { startDemoServices } from './demo-services';
import { openWebServer } from './web-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(5199),
  static: z.boolean().default(false),
  'data-dir': z.string().optional(),
  fresh: z.boolean().default(false),
  'server-url': z.string().url().optional(),
  token: z.string().min(1).optional(),
  as: z.string().min(1).optional(),
});
const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    static: { type: 'boolean' },
    'data-dir': { type: 'string' },
    fresh: { type: 'boolean' },
    'server-url': { type: 'string' },
    token: { type: 'string' },
    as: { type: 'string' },
  },
});
const args = argsSchema.parse(values);
const port = args.port;
const dataDir = path.resolve(args['data-dir'] ?? path.join(os.tmpdir(), `qabyl-dev-web-${port}`));
if (args.fresh) fs.rmSync(dataDir, { recursive: true, force: true });
const token = args.token ?? randomBytes(24).toString('hex');
const serverUrl = args['server-url'];
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

// The port is bound before anything else starts: a taken one is said at once, and nothing started later can take it.
const web = await openWebServer(port, token).catch((error: NodeJS.ErrnoException) => {
  console.error(`[dev:web] port ${port} on 127.0.0.1 is not free (${error.code ?? error.message}); choose another with --port N`);
  process.exit(1);
});

const demo = serverUrl ? null : await startDemoServices({ dataDir: path.join(dataDir, 'demo'), staffKey: args.as });

const key = loadOrCreateKeyFile(path.join(dataDir, 'db.key'), (m) => console.warn(`[dev:web] ${m}`));
const host = new BackendHost({
  workerFile: new URL('../electron/backend/worker-entry.ts', import.meta.url),
  config: {
    appVersion: pkg.version,
    mode: demo ? 'demo' : 'production',
    dataDir,
    dbKeyHex: Buffer.from(key).toString('hex'),
    migrationsFolder: path.join(root, 'db', 'migrations'),
    resourcesDir: path.join(root, 'resources'),
    serverUrl: demo ? demo.serverUrl : (serverUrl as string),
    ncalayer: demo ? demo.ncalayer : { url: 'wss://127.0.0.1:13579', tlsCaPem: null },
    trustedRootsPem: demo ? demo.trustedRootsPem : [],
    ...(demo ? { revocation: demo.revocation } : {}),
  },
  onStatus: (s) => s.state !== 'ready' && console.log(`[dev:web] backend ${s.state}${'message' in s ? `: ${s.message}` : ''}`),
});
// The page is served while the backend starts: its calls wait for it, and the start-up screen shows the progress of
// a long start (the one-time re-encryption of a legacy database).
const backendReady = host.start();
backendReady.catch(() => undefined);

await web.serve({
  target: host,
  staticDir: args.static ? path.join(root, 'out', 'renderer') : undefined,
  devControls: demo
    ? {
        info: async () => ({ serverUrl: demo.serverUrl, serverRunning: demo.serverRunning(), ncalayerRunning: !!demo.emulator() }),
        'server-stop': () => demo.stopServer(),
        'server-start': () => demo.startServer(),
        'ncalayer-stop': () => demo.stopNcaLayer(),
        'ncalayer-start': () => demo.startNcaLayer(),
        identity: (params) => demo.useIdentity(params.get('key') ?? ''),
      }
    : undefined,
});
await backendReady;
console.log(`Qabyl dev:web is running: ${web.url}`);
if (demo) console.log(`Demo server: ${demo.serverUrl}   NCALayer emulator: ${demo.ncalayer.url}   signed-in key: ${args.as ?? DEMO_DEFAULT_IDENTITY}`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await web.close();
  await host.stop();
  await demo?.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
