/**
 * The HTTP side of dev:web: serves the renderer (Vite middleware in development, the built files with `--static`)
 * and the WebSocket bridge, on 127.0.0.1 only.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { attachBridge, type BridgeTarget } from './bridge/ws-bridge';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.map': 'application/json',
};

function serveStatic(root: string) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.resolve(root, `.${relative}`);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  };
}

export interface WebServeOptions {
  target: BridgeTarget;
  /** Built renderer folder; when absent, Vite serves the sources with HMR. */
  staticDir?: string;
  /**
   * Demo-only controls for tests and demonstrations (`POST /__dev/<name>?token=…`): stop/start the embedded
   * server or NCALayer emulator, switch the inserted key. Token-protected like the bridge.
   */
  devControls?: Record<string, (params: URLSearchParams) => Promise<unknown>>;
}

function devControlHandler(token: string, controls: NonNullable<WebServeOptions['devControls']>) {
  return (req: http.IncomingMessage, res: http.ServerResponse): boolean => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith('/__dev/')) return false;
    const control = controls[url.pathname.slice('/__dev/'.length)];
    if (req.method !== 'POST' || url.searchParams.get('token') !== token || !control) {
      res.writeHead(404).end();
      return true;
    }
    control(url.searchParams).then(
      (value) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value ?? {})),
      (error: unknown) => res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) })),
    );
    return true;
  };
}

export interface WebServer {
  url: string;
  /** Starts answering with the renderer and the bridge; until then every request gets 503. */
  serve(options: WebServeOptions): Promise<void>;
  close(): Promise<void>;
}

/**
 * Binds the port at once and holds it while the backend and the demo services start: those open many sockets of
 * their own, and a port only probed and released could be taken by one of them in the meantime.
 */
export async function openWebServer(port: number, token: string): Promise<WebServer> {
  const server = http.createServer();
  let handle: http.RequestListener = (_req, res) => res.writeHead(503, { 'retry-after': '1' }).end('Starting');
  server.on('request', (req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  let stop: (() => Promise<void>) | undefined;
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/?token=${token}`,
    async serve(options) {
      let closeVite: (() => Promise<void>) | undefined;
      const dev = options.devControls ? devControlHandler(token, options.devControls) : () => false;
      if (options.staticDir) {
        const serveFile = serveStatic(path.resolve(options.staticDir));
        handle = (req, res) => dev(req, res) || serveFile(req, res);
      } else {
        const { createServer } = await import('vite');
        const vite = await createServer({ server: { middlewareMode: true, hmr: { server } }, appType: 'spa' });
        handle = (req, res) => dev(req, res) || vite.middlewares(req, res);
        closeVite = () => vite.close();
      }
      const bridge = attachBridge(server, {
        token,
        target: options.target,
        // Vite's HMR socket shares the server in development; it names its own subprotocol.
        ...(closeVite ? { passUpgrade: (req: http.IncomingMessage) => /\bvite-/.test(String(req.headers['sec-websocket-protocol'] ?? '')) } : {}),
      });
      stop = async () => {
        bridge.close();
        await closeVite?.();
      };
    },
    async close() {
      await stop?.();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
