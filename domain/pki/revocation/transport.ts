// How revocation and timestamp sources are reached: HTTP through the runtime's fetch, bounded by a timeout. Tests
// and the server pass the same function; a source that cannot be reached is a RevocationSourceError, not a crash.
import { toArrayBuffer } from '../bytes';
import { RevocationSourceError } from './authority';

export interface PkiHttpRequest {
  url: string;
  /** POSTed with `contentType` when present, else a GET. */
  body?: Uint8Array;
  contentType?: string;
}

export type PkiTransport = (request: PkiHttpRequest) => Promise<Uint8Array>;

/** Answers larger than this are not OCSP responses, CRLs of one CA or timestamp replies. */
const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

export function httpTransport(timeoutMs: number): PkiTransport {
  return async ({ url, body, contentType }) => {
    let response: Response;
    try {
      response = await globalThis.fetch(url, {
        method: body ? 'POST' : 'GET',
        ...(body ? { body: toArrayBuffer(body), headers: { 'content-type': contentType ?? 'application/octet-stream' } } : {}),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'follow',
      });
    } catch (error) {
      throw new RevocationSourceError(`cannot reach ${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) throw new RevocationSourceError(`${url} answered HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > MAX_ANSWER_BYTES) throw new RevocationSourceError(`${url} sent an answer that is too large`);
    return bytes;
  };
}
