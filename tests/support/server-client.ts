/**
 * A small protocol-v1 client for tests: logs in by signing the server's nonce with a test identity's AUTH key,
 * then bootstraps, pulls and pushes. Signed decisions are built with the identity's SIGN key.
 */
import { randomUUID } from 'node:crypto';
import { decisionPayload } from '../../domain/decision-payload';
import type { MutationName } from '../../domain/mutations';
import { signCms } from '../fixtures/pki/sign-cms';
import { bytesToBase64 } from '../../domain/pki/bytes';
import {
  loginResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  type PullResponse,
  type PushMutation,
  type PushResponse,
} from '../../domain/sync-protocol';
import { loadKey, type LoadedKey } from '../fixtures/pki/load';

export async function cmsBy(key: LoadedKey, content: Uint8Array, detached: boolean): Promise<string> {
  return bytesToBase64(await signCms({ content, privateKey: key.privateKey, certificate: key.certDer, chain: key.chainDer, detached }));
}

export class TestServerClient {
  token = '';
  readonly clientId = `test-${randomUUID()}`;
  private clientSeq = 0;

  constructor(readonly baseUrl: string) {}

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return { 'x-protocol-version': '1', 'x-client-id': this.clientId, ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...extra };
  }

  /** Logs in with `key` (an AUTH key, or any key for negative tests); returns the raw response for assertions. */
  async loginWith(key: LoadedKey): Promise<Response> {
    const challenge = (await (await fetch(`${this.baseUrl}/v1/auth/challenge`, { method: 'POST', headers: this.headers() })).json()) as { nonce: string };
    const cms = await cmsBy(key, new TextEncoder().encode(challenge.nonce), false);
    const response = await fetch(`${this.baseUrl}/v1/auth/login`, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/json' }),
      body: JSON.stringify({ nonce: challenge.nonce, cms }),
    });
    if (response.ok) this.token = loginResponseSchema.parse(await response.clone().json()).token;
    return response;
  }

  async login(identityKey: string): Promise<void> {
    const response = await this.loginWith(await loadKey(identityKey, 'auth'));
    if (!response.ok) throw new Error(`login as ${identityKey} failed: ${response.status} ${await response.text()}`);
  }

  /** Bootstrap rows and the `_meta` line. */
  async bootstrap(): Promise<{ rows: { entity: string; id: string; version: number; data: unknown }[]; cursor: number; counts: Record<string, number> }> {
    const response = await fetch(`${this.baseUrl}/v1/sync/bootstrap`, { headers: this.headers() });
    if (!response.ok) throw new Error(`bootstrap failed: ${response.status} ${await response.text()}`);
    const lines = (await response.text()).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const meta = lines.pop() as { _meta: { cursor: number; counts: Record<string, number> } };
    return { rows: lines as never, cursor: meta._meta.cursor, counts: meta._meta.counts };
  }

  async pull(cursor: number, limit = 1000): Promise<PullResponse> {
    const response = await fetch(`${this.baseUrl}/v1/sync/pull?cursor=${cursor}&limit=${limit}`, { headers: this.headers() });
    if (!response.ok) throw new Error(`pull failed: ${response.status} ${await response.text()}`);
    return pullResponseSchema.parse(await response.json());
  }

  async pushRaw(mutations: PushMutation[]): Promise<Response> {
    return fetch(`${this.baseUrl}/v1/sync/push`, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/json' }),
      body: JSON.stringify({ clientId: this.clientId, mutations }),
    });
  }

  async push(mutations: PushMutation[]): Promise<PushResponse> {
    const response = await this.pushRaw(mutations);
    if (!response.ok) throw new Error(`push failed: ${response.status} ${await response.text()}`);
    return pushResponseSchema.parse(await response.json());
  }

  /** The next mutation of this client; signed decisions get an attached CMS over the decision payload. */
  async mutation(name: MutationName, args: Record<string, unknown>, baseVersion: number, signWith?: LoadedKey): Promise<PushMutation> {
    const signedArgs = signWith
      ? { ...args, cms: await cmsBy(signWith, new TextEncoder().encode(decisionPayload(name, args, baseVersion)), false) }
      : args;
    return { clientSeq: ++this.clientSeq, mutationId: randomUUID(), name, args: signedArgs, baseVersion, createdAt: new Date().toISOString() };
  }

  async getJson<T>(path: string): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: this.headers() });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async postJson<T>(path: string, body: unknown = {}): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, { method: 'POST', headers: this.headers({ 'content-type': 'application/json' }), body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async getBlob(sha256: string): Promise<Response> {
    return fetch(`${this.baseUrl}/v1/blobs/${sha256}`, { headers: this.headers() });
  }
}
