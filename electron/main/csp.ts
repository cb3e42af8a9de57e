/**
 * The renderer's Content Security Policy, sent as a header by the app:// handler (the meta tag in index.html,
 * owned by the renderer, is the fallback). No inline or eval script; documents come only from doc://; the network
 * is reached only through main.
 */
export const cspDirectives: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  // Mantine writes styles at runtime through CSSOM (allowed) and style attributes; 'unsafe-inline' here is only for styles.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'doc:', 'data:', 'blob:'],
  // Vite inlines small fonts as data: URLs.
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'", 'doc:'],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  // No `require-trusted-types-for` yet: Mantine's InlineStyles writes <style> through innerHTML and would break.
};

export const CONTENT_SECURITY_POLICY = Object.entries(cspDirectives)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');

/** Served with documents: a document is data, never an active page. */
export const DOCUMENT_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
