/**
 * A document's bytes from the backend (`documents.get`, verified and decrypted there), cached as blob URLs for the
 * session. A document still downloading is retried for a while instead of failing at once.
 */
import { useEffect, useState } from 'react';
import { useApi } from '../api/ApiProvider';
import { ApiCallError } from '../api/client';

export interface LoadedDocument {
  bytes: Uint8Array;
  mime: string;
  url: string;
}

const cache = new Map<string, LoadedDocument>();
const CACHE_LIMIT = 40;
const RETRY_MS = 1500;
const MAX_RETRIES = 40;

function decode(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function remember(sha256: string, doc: LoadedDocument): void {
  cache.set(sha256, doc);
  if (cache.size > CACHE_LIMIT) {
    const [oldest, evicted] = cache.entries().next().value!;
    cache.delete(oldest);
    URL.revokeObjectURL(evicted.url);
  }
}

export type DocumentState = { status: 'loading' | 'downloading' } | { status: 'ready'; doc: LoadedDocument } | { status: 'error'; message: string };

export function useDocumentBytes(sha256: string | null): DocumentState {
  const api = useApi();
  const [state, setState] = useState<{ sha: string | null; value: DocumentState }>({ sha: null, value: { status: 'loading' } });
  useEffect(() => {
    if (!sha256 || cache.has(sha256)) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = (n: number) => {
      api['documents.get']({ sha256 }).then(
        ({ mime, base64 }) => {
          const bytes = decode(base64);
          const doc = { bytes, mime, url: URL.createObjectURL(new Blob([bytes.slice().buffer], { type: mime })) };
          remember(sha256, doc);
          if (!cancelled) setState({ sha: sha256, value: { status: 'ready', doc } });
        },
        (e: unknown) => {
          if (cancelled) return;
          if (e instanceof ApiCallError && e.code === 'DOCUMENT_NOT_DOWNLOADED' && n < MAX_RETRIES) {
            setState({ sha: sha256, value: { status: 'downloading' } });
            timer = setTimeout(() => attempt(n + 1), RETRY_MS);
          } else setState({ sha: sha256, value: { status: 'error', message: e instanceof Error ? e.message : String(e) } });
        },
      );
    };
    attempt(0);
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [api, sha256]);
  const cached = sha256 ? cache.get(sha256) : undefined;
  if (cached) return { status: 'ready', doc: cached };
  return state.sha === sha256 ? state.value : { status: 'loading' };
}
