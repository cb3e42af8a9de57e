import { fail, type Envelope } from '../../../domain/envelope';
import type { Transport } from './transport';

/** The WebSocket bridge of dev:web: reconnects by itself and fails pending calls when the link drops. */
export function createWsTransport(url: string): Transport {
  let socket: WebSocket | null = null;
  let nextId = 1;
  let opened: Promise<WebSocket> | null = null;
  const pending = new Map<number, (e: Envelope<unknown>) => void>();
  const eventListeners = new Set<(event: string, payload: unknown) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();

  const connect = (): Promise<WebSocket> => {
    if (opened) return opened;
    opened = new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => {
        socket = ws;
        connectionListeners.forEach((l) => l(true));
        resolve(ws);
      };
      ws.onerror = () => reject(new Error('bridge connection failed'));
      ws.onclose = () => {
        socket = null;
        opened = null;
        for (const [id, resolvePending] of pending) {
          resolvePending(fail('BACKEND_UNAVAILABLE', 'The connection to the backend was lost.'));
          pending.delete(id);
        }
        connectionListeners.forEach((l) => l(false));
        setTimeout(() => void connect().catch(() => undefined), 1000);
      };
      ws.onmessage = (message) => {
        const frame = JSON.parse(String(message.data)) as { id?: number; envelope?: Envelope<unknown>; event?: string; payload?: unknown };
        if (typeof frame.id === 'number' && frame.envelope) {
          pending.get(frame.id)?.(frame.envelope);
          pending.delete(frame.id);
        } else if (frame.event) {
          eventListeners.forEach((l) => l(frame.event as string, frame.payload));
        }
      };
    });
    return opened;
  };

  return {
    async call(method, args) {
      let ws: WebSocket;
      try {
        ws = socket ?? (await connect());
      } catch {
        return fail('BACKEND_UNAVAILABLE', 'The backend is not reachable.');
      }
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, method, args }));
      });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      void connect().catch(() => undefined);
      return () => eventListeners.delete(listener);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}
