import { describe, expect, it, vi } from 'vitest';
import { isAllowedExternalUrl, openExternalSafely } from '../../../electron/main/external-links';
import { guardWebContents, type GuardableContents } from '../../../electron/main/navigation';
import { APP_ENTRY_URL, isAppUrl } from '../../../electron/main/origin';

/** URLs an attacker (or a bug) could try as a navigation target, redirect target or external link. */
const hostileUrls = [
  'https://app.example.com.evil.com/',
  'https://egov.kz.evil.com/',
  'https://evil.com/?egov.kz',
  'https://evil.com#egov.kz',
  'https://egov.kz@evil.com/',
  'https://user:pass@egov.kz/',
  'https://egov.kz:8443/',
  'https://egov.kz./',
  'https://xn--gov-tdd.kz/', // IDN lookalike (Cyrillic е) in punycode
  'https://еgov.kz/', // the same lookalike typed in Cyrillic: parsed to punycode
  'https://egоv.kz/', // Cyrillic о
  'http://egov.kz/',
  'HTTP://EGOV.KZ/',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.cookie)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD4=',
  'file:///C:/Windows/System32/calc.exe',
  'FILE:///etc/passwd',
  'file://host/share/x',
  '\\\\evil\\share\\x',
  'vbscript:msgbox(1)',
  'blob:https://evil.com/uuid',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'ws://127.0.0.1:13579',
  'wss://egov.kz/',
  'ftp://egov.kz/',
  'app://qabyl.evil.com/index.html',
  'app://evil/index.html',
  'app://QABYL.evil/index.html',
  'app://qabyl@evil/index.html',
  'app://qabyl:80/index.html',
  'app://x:y@qabyl/index.html',
  'doc://qabyl/index.html',
  'app:qabyl/index.html',
  'app:/qabyl/index.html',
  '//qabyl/index.html',
  '/index.html',
  '',
  'not a url',
];

function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void; url: string }, url?: string) => void>();
  let windowOpen: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: GuardableContents = {
    on: (event: string, listener: (event: { preventDefault(): void; url: string }, url?: string) => void) => listeners.set(event, listener),
    setWindowOpenHandler: (handler) => {
      windowOpen = handler;
    },
  } as GuardableContents;
  const fire = (event: string, url: string, asArgument: boolean) => {
    const preventDefault = vi.fn();
    const listener = listeners.get(event);
    if (!listener) throw new Error(`no ${event} listener`);
    if (asArgument) listener({ preventDefault, url: undefined as unknown as string }, url);
    else listener({ preventDefault, url });
    return preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, openWindow: (url: string) => windowOpen?.({ url }) };
}

describe('navigation guard', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s refuses every hostile URL (event.url and argument forms)', (event) => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents, () => undefined);
    const allowed = hostileUrls.filter((url) => !fire(event, url, false) || !fire(event, url, true));
    expect(allowed).toEqual([]);
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s lets our own pages through', (event) => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents, () => undefined);
    expect(fire(event, APP_ENTRY_URL, false)).toBe(false);
    expect(fire(event, 'app://qabyl/assets/x.js', true)).toBe(false);
    expect(fire(event, 'APP://qabyl/index.html#/contracts', false)).toBe(false); // scheme case is not a different origin
  });

  it('blocks every webview attachment', () => {
    const { contents, fire } = fakeContents();
    guardWebContents(contents, () => undefined);
    expect(fire('will-attach-webview', APP_ENTRY_URL, false)).toBe(true);
  });

  it('denies every new window and hands the URL only to the external-link wrapper', () => {
    const { contents, openWindow } = fakeContents();
    const handedOff: string[] = [];
    guardWebContents(contents, (url) => handedOff.push(url));
    for (const url of [...hostileUrls, APP_ENTRY_URL, 'https://egov.kz/']) expect(openWindow(url)).toEqual({ action: 'deny' });
    expect(handedOff).toHaveLength(hostileUrls.length + 2);
  });

  it('compares origins by parsing, not by prefix', () => {
    expect(isAppUrl('app://qabyl/index.html')).toBe(true);
    expect('app://qabyl.evil/index.html'.startsWith('app://qabyl')).toBe(true); // what a prefix check would accept
    expect(isAppUrl('app://qabyl.evil/index.html')).toBe(false);
  });
});

describe('openExternal wrapper', () => {
  it('refuses every hostile URL and never calls shell.openExternal for them', async () => {
    const shell = { openExternal: vi.fn(async () => undefined) };
    const opened = await Promise.all(hostileUrls.map((url) => openExternalSafely(shell, url)));
    expect(opened.every((result) => result === false)).toBe(true);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses non-strings', async () => {
    const shell = { openExternal: vi.fn(async () => undefined) };
    for (const value of [null, undefined, 42, { href: 'https://egov.kz/' }, ['https://egov.kz/']]) {
      expect(await openExternalSafely(shell, value)).toBe(false);
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens allow-listed https hosts, passing the normalised URL', async () => {
    const shell = { openExternal: vi.fn(async () => undefined) };
    expect(await openExternalSafely(shell, 'HTTPS://EGOV.KZ/services?x=1')).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://egov.kz/services?x=1');
    expect(isAllowedExternalUrl('https://pki.gov.kz/ncalayer/')).toBe(true);
  });
});
