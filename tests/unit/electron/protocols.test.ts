import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler, resolveAppPath } from '../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';
import { createDocProtocolHandler, parseDocUrl, sniffContentType } from '../../../electron/main/doc-protocol';
import { installProtocols, registerPrivilegedSchemes } from '../../../electron/main/protocols';

const SECRET = 'SECRET-OUTSIDE-ROOT';
let base: string;
let root: string;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'qabyl-protocol-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Qabyl</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'notes.txt'), 'not an allowed extension');
  fs.writeFileSync(path.join(base, 'secret.js'), SECRET);
  fs.writeFileSync(path.join(base, 'secret.html'), SECRET);
  fs.mkdirSync(path.join(base, 'renderer-evil'));
  fs.writeFileSync(path.join(base, 'renderer-evil', 'x.js'), SECRET);
  // A symlink inside the root that points outside it (a junction on Windows).
  fs.symlinkSync(path.join(base, 'secret.js'), path.join(root, 'assets', 'link.js'));
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const traversalPaths = [
  '/../secret.js',
  '/assets/../../secret.js',
  '/%2e%2e/secret.js',
  '/%2E%2E/secret.js',
  '/.%2e/secret.js',
  '/%2e%2e%2fsecret.js',
  '/%2e%2e%5csecret.js',
  '/..%5csecret.js',
  '/..%5c..%5csecret.js',
  '/assets/..%2f..%2fsecret.js',
  '/..\\secret.js',
  '/assets\\..\\..\\secret.js',
  '/%252e%252e/secret.js',
  '/C:/Windows/win.ini',
  '/C:%5cWindows%5cwin.ini',
  '/c:secret.js',
  '/%5c%5cevil%5cshare%5cx.js',
  '//evil/share/x.js',
  '/\\\\evil\\share\\x.js',
  '/assets/app.js%00.html',
  '/secret.js%00',
  '/%00/../secret.js',
  '/../renderer-evil/x.js',
  '/assets/link.js',
  '/index.html::$DATA',
  '/assets//app.js',
  '/%',
  '/%E0%A4%A',
];

describe('app:// protocol', () => {
  it('has 0 escapes over the traversal table', async () => {
    const handler = createAppProtocolHandler(root);
    const escapes: string[] = [];
    for (const p of traversalPaths) {
      const response = await handler({ url: `app://qabyl${p}` });
      const body = response.status === 200 ? await response.text() : '';
      // Every entry tries to leave the root or smuggle a separator: none may be served.
      if (response.status === 200 || body.includes(SECRET)) escapes.push(`${p} → ${response.status}`);
    }
    expect(escapes).toEqual([]);
  });

  it('never maps a traversal path outside the root lexically', () => {
    for (const p of traversalPaths) {
      const resolved = resolveAppPath(root, `app://qabyl${p}`);
      if (resolved.ok) expect(path.relative(root, resolved.file).startsWith('..')).toBe(false);
    }
  });

  it('serves the renderer with the CSP header and a content type', async () => {
    const handler = createAppProtocolHandler(root);
    const index = await handler({ url: 'app://qabyl/' });
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('<title>Qabyl</title>');
    const script = await handler({ url: 'app://qabyl/assets/app.js?v=1#x' });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses other hosts, unknown extensions and missing files', async () => {
    const handler = createAppProtocolHandler(root);
    expect((await handler({ url: 'app://evil/index.html' })).status).toBe(403);
    expect((await handler({ url: 'app://qabyl/assets/notes.txt' })).status).toBe(404);
    expect((await handler({ url: 'app://qabyl/assets/missing.js' })).status).toBe(404);
  });
});

const SHA = 'a'.repeat(64);
const PDF = new TextEncoder().encode('%PDF-1.7\n...');

describe('doc:// protocol', () => {
  const docUrls = [
    `doc://${SHA}/../../etc/passwd`,
    `doc://${SHA}/..%2f..%2fsecret`,
    `doc://${SHA}/%2e%2e/x`,
    `doc://${SHA}%5c..%5csecret`,
    `doc://${SHA.toUpperCase()}`,
    `doc://${SHA.slice(1)}`,
    `doc://${SHA}0`,
    `doc://${'g'.repeat(64)}`,
    `doc://${SHA}?x=1`,
    `doc://${SHA}#x`,
    `doc://u:p@${SHA}`,
    `doc://${SHA}:1`,
    `doc://${SHA}%00`,
    `doc://../${SHA}`,
    `doc://C:\\Windows\\win.ini`,
    `doc://\\\\evil\\share\\${SHA}`,
    `doc:${SHA}`,
    `doc:///${SHA}`,
    `app://qabyl/${SHA}`,
    `file:///${SHA}`,
  ];

  it('accepts exactly doc://<lower-case sha256>', () => {
    expect(parseDocUrl(`doc://${SHA}`)).toBe(SHA);
    expect(parseDocUrl(`doc://${SHA}/`)).toBe(SHA);
    expect(docUrls.filter((url) => parseDocUrl(url) !== null)).toEqual([]);
  });

  it('asks the reader only for valid hashes and has 0 escapes', async () => {
    const reader = vi.fn(async () => PDF);
    const handler = createDocProtocolHandler(reader);
    for (const url of docUrls) expect((await handler({ url })).status).toBe(403);
    expect(reader).not.toHaveBeenCalled();
  });

  it('serves bytes inertly with a sniffed type, and 404 when the reader has nothing', async () => {
    const handler = createDocProtocolHandler(async (sha) => (sha === SHA ? PDF : null));
    const ok = await handler({ url: `doc://${SHA}` });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/pdf');
    expect(ok.headers.get('content-security-policy')).toContain('sandbox');
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(ok.headers.get('access-control-allow-origin')).toBe('app://qabyl');
    expect(new Uint8Array(await ok.arrayBuffer())).toEqual(PDF);
    expect((await handler({ url: `doc://${'b'.repeat(64)}` })).status).toBe(404);
    const failing = createDocProtocolHandler(async () => {
      throw new Error('backend down');
    });
    expect((await failing({ url: `doc://${SHA}` })).status).toBe(404);
  });

  it('sniffs JPEG, PNG, PDF and treats HTML as opaque bytes', () => {
    expect(sniffContentType(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffContentType(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(sniffContentType(PDF)).toBe('application/pdf');
    expect(sniffContentType(new TextEncoder().encode('<html><script>'))).toBe('application/octet-stream');
  });
});

describe('scheme registration', () => {
  it('registers app:// and doc:// as standard + secure, and refuses file://', async () => {
    const registered: Array<{ scheme: string; privileges: Record<string, boolean | undefined> }> = [];
    registerPrivilegedSchemes({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) });
    expect(registered.map((s) => s.scheme)).toEqual(['app', 'doc']);
    for (const { privileges } of registered) {
      expect(privileges).toMatchObject({ standard: true, secure: true });
      expect(privileges).not.toHaveProperty('bypassCSP');
    }
    const handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
    installProtocols({ handle: (scheme, handler) => handlers.set(scheme, handler) }, { rendererRoot: root, readDocument: async () => null });
    expect([...handlers.keys()].sort()).toEqual(['app', 'doc', 'file']);
    const file = await handlers.get('file')!(new Request('file:///etc/passwd'));
    expect(file.status).toBe(403);
  });
});
