/**
 * The `app://qabyl/...` protocol: serves the built renderer from one root folder with the CSP header. A request maps
 * to a file only if its decoded path has no traversal, separator or drive tricks, stays inside the root lexically and
 * after resolving symlinks, and has an allowed extension. Everything else is answered 400/403/404, never a file.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp';
import { APP_HOST, APP_SCHEME, parseUrl } from './origin';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export type AppPathResult = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404 };

const isInside = (root: string, candidate: string): boolean => {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
};

/** Lexical mapping of a request URL to a file under `root` (no file-system access). */
export function resolveAppPath(root: string, rawUrl: string): AppPathResult {
  const url = parseUrl(rawUrl);
  if (!url || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) {
    return { ok: false, status: 403 };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded === '' || decoded === '/') decoded = '/index.html';
  // Backslashes, NUL, drive letters/ADS (':') and empty segments (UNC '//host') have no business in our asset paths.
  if (/[\\\0:]/.test(decoded) || decoded.includes('//')) return { ok: false, status: 403 };
  const segments = decoded.slice(1).split('/');
  if (segments.some((segment) => segment === '..' || segment === '.' || segment === '')) return { ok: false, status: 403 };
  const file = path.resolve(root, ...segments);
  if (!isInside(path.resolve(root), file)) return { ok: false, status: 403 };
  if (!(path.extname(file).toLowerCase() in CONTENT_TYPES)) return { ok: false, status: 404 };
  return { ok: true, file };
}

const refusal = (status: number) => new Response(null, { status, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });

export function createAppProtocolHandler(root: string): (request: { url: string }) => Promise<Response> {
  return async (request) => {
    const resolved = resolveAppPath(root, request.url);
    if (!resolved.ok) return refusal(resolved.status);
    try {
      // Symlinks/junctions could point outside: compare real paths too.
      const [realRoot, realFile] = await Promise.all([fs.realpath(root), fs.realpath(resolved.file)]);
      if (!isInside(realRoot, realFile)) return refusal(403);
      const body = await fs.readFile(realFile);
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': CONTENT_TYPES[path.extname(realFile).toLowerCase()] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return refusal(404);
    }
  };
}
