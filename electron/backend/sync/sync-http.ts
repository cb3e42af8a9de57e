/**
 * HTTP side of sync protocol v1: headers, timeouts, schema-validated answers, and one error type that tells the
 * engine what to do (re-login, update, resend, back off).
 */
import type { z } from 'zod';
import {
  HEADER_CLIENT_ID,
  HEADER_PROTOCOL_VERSION,
  PROTOCOL_VERSION,
  challengeResponseSchema,
  errorBodySchema,
  loginResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../../domain/sync-protocol';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type SyncErrorKind = 'unauthorized' | 'updateRequired' | 'gap' | 'transient' | 'invalid';

export class SyncHttpError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly code: string | null = null,
    readonly minAppVersion: string | null = null,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
}

export interface SyncHttpOptions {
  serverUrl: string;
  appVersion: string;
  fetch: FetchLike;
  clientId: () => string;
  token: () => string | null;
  requestTimeoutMs: number;
}

export class SyncHttp {
  constructor(private readonly options: SyncHttpOptions) {}

  private headers(json: boolean): Record<string, string> {
    const token = this.options.token();
    return {
      [HEADER_CLIENT_ID]: this.options.clientId(),
      [HEADER_PROTOCOL_VERSION]: String(PROTOCOL_VERSION),
      'x-app-version': this.options.appVersion,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(json ? { 'content-type': 'application/json' } : {}),
    };
  }

  /** Sends a request; any non-2xx answer becomes a SyncHttpError. The caller owns the body of the response. */
  async request(method: 'GET' | 'POST', path: string, body?: unknown, extraHeaders: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
    let response: Response;
    try {
      response = await this.options.fetch(new URL(path, this.options.serverUrl).toString(), {
        method,
        headers: { ...this.headers(body !== undefined), ...extraHeaders },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: signal ?? AbortSignal.timeout(this.options.requestTimeoutMs),
      });
    } catch (error) {
      throw new SyncHttpError('transient', `network: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (response.ok) return response;
    throw await errorFromResponse(response);
  }

  private async json<S extends z.ZodType>(schema: S, response: Response): Promise<z.infer<S>> {
    let raw: unknown;
    try {
      raw = await response.json();
    } catch (error) {
      // A body cut off mid-way is a network failure, not a server bug.
      throw new SyncHttpError('transient', `truncated answer: ${error instanceof Error ? error.message : String(error)}`);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new SyncHttpError('invalid', `the server answered outside the protocol: ${parsed.error.issues[0]?.message ?? ''}`);
    return parsed.data;
  }

  async challenge() {
    return this.json(challengeResponseSchema, await this.request('POST', '/v1/auth/challenge', {}));
  }

  async login(nonce: string, cms: string) {
    return this.json(loginResponseSchema, await this.request('POST', '/v1/auth/login', { nonce, cms }));
  }

  /** Revokes the bearer token at the server. */
  async logout(): Promise<void> {
    await (await this.request('POST', '/v1/auth/logout', {})).body?.cancel();
  }

  async pull(cursor: number, limit: number): Promise<PullResponse> {
    return this.json(pullResponseSchema, await this.request('GET', `/v1/sync/pull?cursor=${cursor}&limit=${limit}`));
  }

  async push(body: PushRequest): Promise<PushResponse> {
    return this.json(pushResponseSchema, await this.request('POST', '/v1/sync/push', body));
  }

  /**
   * Long streams (bootstrap, blobs): a whole replica may take minutes to arrive, so the limit is on silence — the
   * timeout starts again with every chunk (a longer one than JSON calls get).
   */
  async stream(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const controller = new AbortController();
    const silence = this.options.requestTimeoutMs * 4;
    const timer = setTimeout(() => controller.abort(new DOMException('no data from the server in time', 'TimeoutError')), silence);
    timer.unref?.();
    let response: Response;
    try {
      response = await this.request('GET', path, undefined, headers, controller.signal);
    } catch (error) {
      clearTimeout(timer);
      throw error;
    }
    if (!response.body) {
      clearTimeout(timer);
      return response;
    }
    const watched = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, out) {
          timer.refresh();
          out.enqueue(chunk);
        },
        flush() {
          clearTimeout(timer);
        },
      }),
    );
    return new Response(watched, { status: response.status, statusText: response.statusText, headers: response.headers });
  }
}

async function errorFromResponse(response: Response): Promise<SyncHttpError> {
  const text = await response.text().catch(() => '');
  let body: z.infer<typeof errorBodySchema> | null;
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    body = parsed.success ? parsed.data : null;
  } catch {
    body = null;
  }
  const code = body?.error.code ?? null;
  const message = body?.error.message ?? `HTTP ${response.status}`;
  const minAppVersion = body?.error.minAppVersion ?? null;
  const status = response.status;
  if (status === 401) return new SyncHttpError('unauthorized', message, status, code);
  if (status === 426 || minAppVersion) return new SyncHttpError('updateRequired', message, status, code, minAppVersion);
  if (status === 409) return new SyncHttpError('gap', message, status, code);
  if (status === 408 || status === 429 || status >= 500) return new SyncHttpError('transient', message, status, code);
  return new SyncHttpError('invalid', message, status, code);
}
