/**
 * The HTTP side of dev:web: serves the renderer (Vite middleware in development, the built files with `--static`)
 * and the WebSocket bridge, on 127.0.0.1 only.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { attachBridge, type BridgeTarget } from '../electron/backend/bridge/ws-bridge';

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

export interface WebServerOptions {
  port: number;
  token: string;
  target: BridgeTarget;
  /** Built renderer folder; when absent, Vite serves the sources with HMR. */
  staticDir?: string;
}

export async function startWebServer(options: WebServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer();
  let closeVite: (() => Promise<void>) | undefined;
  if (options.staticDir) {
    server.on('request', serveStatic(path.resolve(options.staticDir)));
  } else {
    const { createServer } = await import('vite');
    const vite = await createServer({ server: { middlewareMode: true, hmr: { server } }, appType: 'spa' });
    server.on('request', (req, res) => vite.middlewares(req, res));
    closeVite = () => vite.close();
  }
  const bridge = attachBridge(server, { token: options.token, target: options.target });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${options.token}`,
    async close() {
      bridge.close();
      await closeVite?.();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
