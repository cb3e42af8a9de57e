/**
 * Our one trusted origin. Every navigation, IPC sender and permission check compares against it by parsing with the
 * WHATWG URL parser and comparing fields exactly (never `startsWith`, which lookalike hosts defeat).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'qabyl';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const DOC_SCHEME = 'doc';

export function parseUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length > 4096) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True only for `app://qabyl/...` with no credentials and no port. */
export function isAppUrl(raw: unknown): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.hostname === APP_HOST &&
    url.username === '' &&
    url.password === '' &&
    url.port === ''
  );
}
