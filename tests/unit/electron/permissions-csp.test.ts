import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, DOCUMENT_CSP } from '../../../electron/main/csp';
import { ALLOWED_PERMISSIONS, installPermissionHandlers, isPermissionAllowed, type PermissionSession } from '../../../electron/main/permissions';

/** Every permission string Electron's session.md lists for the request and check handlers. */
const electronPermissions = [
  'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'fullscreen', 'geolocation', 'idle-detection',
  'media', 'mediaKeySystem', 'midi', 'midiSysex', 'notifications', 'pointerLock', 'keyboardLock', 'openExternal',
  'speaker-selection', 'storage-access', 'top-level-storage-access', 'window-management', 'unknown', 'fileSystem',
  'hid', 'serial', 'usb', 'deprecated-sync-clipboard-read', 'background-sync', 'persistent-storage', 'local-fonts',
];

function installOnFakeSession() {
  const installed: {
    request?: Parameters<PermissionSession['setPermissionRequestHandler']>[0];
    check?: Parameters<PermissionSession['setPermissionCheckHandler']>[0];
    device?: Parameters<PermissionSession['setDevicePermissionHandler']>[0];
  } = {};
  installPermissionHandlers({
    setPermissionRequestHandler: (handler) => (installed.request = handler),
    setPermissionCheckHandler: (handler) => (installed.check = handler),
    setDevicePermissionHandler: (handler) => (installed.device = handler),
  });
  const request = (permission: string, requestingUrl: string) => {
    let granted: boolean | undefined;
    installed.request!(null, permission, (g) => (granted = g), { requestingUrl });
    return granted;
  };
  const check = (permission: string, origin: string) => installed.check!(null, permission, origin, {});
  return { request, check, device: () => installed.device!({}) };
}

describe('permission handlers', () => {
  it('refuse everything not allow-listed, even for our own page', () => {
    const { request, check } = installOnFakeSession();
    for (const permission of electronPermissions.filter((p) => !ALLOWED_PERMISSIONS.includes(p))) {
      expect(request(permission, 'app://qabyl/index.html'), permission).toBe(false);
      expect(check(permission, 'app://qabyl'), permission).toBe(false);
    }
  });

  it('grant the allow-list only to our exact origin', () => {
    const { request, check } = installOnFakeSession();
    for (const permission of ALLOWED_PERMISSIONS) {
      expect(request(permission, 'app://qabyl/index.html')).toBe(true);
      expect(check(permission, 'app://qabyl')).toBe(true);
      for (const origin of ['https://evil.com', 'app://qabyl.evil', 'file:///C:/x.html', 'doc://' + 'a'.repeat(64), '']) {
        expect(request(permission, origin)).toBe(false);
        expect(check(permission, origin)).toBe(false);
      }
    }
  });

  it('deny device access and unknown strings', () => {
    const { device } = installOnFakeSession();
    expect(device()).toBe(false);
    expect(isPermissionAllowed('NOTIFICATIONS', 'app://qabyl')).toBe(false);
    expect(isPermissionAllowed('notifications ', 'app://qabyl')).toBe(false);
  });
});

const parseCsp = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name, ...sources] = part.split(/\s+/);
        return [name as string, sources] as const;
      }),
  );

describe('content security policy', () => {
  const csp = parseCsp(CONTENT_SECURITY_POLICY);

  it('has no duplicate directives and denies by default', () => {
    expect(csp.size).toBe(CONTENT_SECURITY_POLICY.split(';').length);
    expect(csp.get('default-src')).toEqual(["'none'"]);
  });

  it('allows scripts only from our own origin: no inline, no eval, no wildcard', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    for (const [name, sources] of csp) {
      if (name === 'style-src') continue; // Mantine needs inline styles; scripts never
      expect(sources, name).not.toContain("'unsafe-inline'");
      expect(sources, name).not.toContain("'unsafe-eval'");
      expect(sources, name).not.toContain("'wasm-unsafe-eval'");
    }
    for (const sources of csp.values()) expect(sources.some((s) => s === '*' || s.startsWith('http') || s.startsWith('ws'))).toBe(false);
  });

  it('locks down plugins, base, forms, framing and network', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'", 'doc:']);
    expect(csp.get('img-src')).toContain('doc:');
  });

  it('serves documents sandboxed with no script at all', () => {
    const doc = parseCsp(DOCUMENT_CSP);
    expect(doc.get('default-src')).toEqual(["'none'"]);
    expect(doc.has('sandbox')).toBe(true);
    expect(doc.has('script-src')).toBe(false);
  });
});
