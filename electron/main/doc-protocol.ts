/**
 * The `doc://<sha256>` protocol: the renderer's only way to a document's bytes (it never sees a file path). The URL
 * must be exactly a lower-case SHA-256 host; the bytes come from the backend (decrypted blob store) through an
 * injected reader; the content type is sniffed from the bytes, and the response is inert (sandbox CSP, nosniff).
 */
import { DOCUMENT_CSP } from './csp';
import { APP_ORIGIN, DOC_SCHEME, parseUrl } from './origin';

const SHA256 = /^[0-9a-f]{64}$/;

export function parseDocUrl(raw: string): string | null {
  const url = parseUrl(raw);
  if (!url || url.protocol !== `${DOC_SCHEME}:`) return null;
  if (url.username || url.password || url.port || url.search || url.hash) return null;
  if (url.pathname !== '' && url.pathname !== '/') return null;
  return SHA256.test(url.host) ? url.host : null;
}

/** Document kinds staff see are JPEG, PNG and PDF; anything else is served as opaque bytes. */
export function sniffContentType(bytes: Uint8Array): string {
  const startsWith = (...magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
  if (startsWith(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (startsWith(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  return 'application/octet-stream';
}

/** Returns the document's plaintext bytes, or null when it is not (yet) in the local store. */
export type DocumentReader = (sha256: string) => Promise<Uint8Array | null>;

export function createDocProtocolHandler(readDocument: DocumentReader): (request: { url: string }) => Promise<Response> {
  const headers = (contentType?: string): Record<string, string> => ({
    ...(contentType ? { 'Content-Type': contentType } : {}),
    'Content-Security-Policy': DOCUMENT_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    // The page (app://qabyl) fetches documents for the PDF viewer; no other origin may read them.
    'Access-Control-Allow-Origin': APP_ORIGIN,
  });
  return async (request) => {
    const sha256 = parseDocUrl(request.url);
    if (!sha256) return new Response(null, { status: 403, headers: headers() });
    const bytes = await readDocument(sha256).catch(() => null);
    if (!bytes) return new Response(null, { status: 404, headers: headers() });
    return new Response(new Uint8Array(bytes), { status: 200, headers: headers(sniffContentType(bytes)) });
  };
}
