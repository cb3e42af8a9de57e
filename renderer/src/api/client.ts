import { apiEvents, methodNames, type ApiClient, type EventName, type EventPayload } from '../../../domain/api';
import type { ApiError } from '../../../domain/envelope';
import type { Transport } from './transport';
import { createElectronTransport, type QabylBridge } from './electron-transport';
import { createWsTransport } from './ws-transport';

/** A failed call, with the backend's stable code so screens can react to specific failures. */
export class ApiCallError extends Error {
  readonly code: string;
  readonly details: unknown;
  constructor(error: ApiError) {
    super(error.message);
    this.code = error.code;
    this.details = error.details;
  }
}

export function createApiClient(transport: Transport): ApiClient {
  const client = {} as Record<string, (args: unknown) => Promise<unknown>>;
  for (const method of methodNames) {
    client[method] = async (args: unknown) => {
      const envelope = await transport.call(method, args ?? {});
      if (!envelope.ok) throw new ApiCallError(envelope.error);
      return envelope.value;
    };
  }
  return client as unknown as ApiClient;
}

/** Subscribes to one event with its payload validated against the contract. */
export function subscribe<E extends EventName>(transport: Transport, event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return transport.onEvent((name, payload) => {
    if (name !== event) return;
    const parsed = apiEvents[event].safeParse(payload);
    if (parsed.success) listener(parsed.data as EventPayload<E>);
  });
}

/** Picks the transport: Electron's preload when present, otherwise the bridge named by the page URL's token. */
export function detectTransport(win: Window & { qabyl?: QabylBridge }): Transport {
  if (win.qabyl) return createElectronTransport(win.qabyl);
  const token = new URLSearchParams(win.location.search).get('token') ?? '';
  const scheme = win.location.protocol === 'https:' ? 'wss' : 'ws';
  return createWsTransport(`${scheme}://${win.location.host}/bridge?token=${encodeURIComponent(token)}`);
}
