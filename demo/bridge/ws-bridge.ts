/**
 * WebSocket bridge: the same API contract as Electron IPC, for `dev:web` and the e2e tests. It listens on
 * 127.0.0.1 only (the caller's http server must too), requires the random token from the page URL, accepts only
 * our own origin, and runs the same gate as the IPC path.
 */
import type { IncomingMessage, Server } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { checkCall } from '../../domain/api-gate';
import { fail, type Envelope } from '../../domain/envelope';

export const BRIDGE_PATH = '/bridge';

export interface BridgeTarget {
  call(method: string, args: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
}

const requestFrameSchema = z.object({ id: z.number().int().nonnegative(), method: z.string().max(100), args: z.unknown() }).strict();

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function attachBridge(server: Server, options: { token: string; target: BridgeTarget }): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });

  const authorised = (req: IncomingMessage): boolean => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== BRIDGE_PATH) return false;
    if (!sameToken(url.searchParams.get('token') ?? '', options.token)) return false;
    const origin = req.headers.origin;
    const host = req.headers.host;
    return !origin || origin === `http://${host}`;
  };

  const onUpgrade = (req: IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => {
    if (!new URL(req.url ?? '/', 'http://127.0.0.1').pathname.startsWith(BRIDGE_PATH)) return; // e.g. Vite HMR
    if (!authorised(req)) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  server.on('upgrade', onUpgrade);

  wss.on('connection', (ws: WebSocket) => {
    const unsubscribe = options.target.onEvent((event, payload) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }));
    });
    ws.on('close', unsubscribe);
    ws.on('message', (data) => {
      let frame: z.infer<typeof requestFrameSchema>;
      try {
        frame = requestFrameSchema.parse(JSON.parse(String(data)));
      } catch {
        ws.send(JSON.stringify({ id: null, envelope: fail('BAD_ARGS', 'Malformed bridge frame.') }));
        return;
      }
      const gate = checkCall(frame.method, frame.args);
      if (!gate.ok) {
        ws.send(JSON.stringify({ id: frame.id, envelope: gate.refusal }));
        return;
      }
      void options.target.call(gate.method, frame.args).then((envelope) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: frame.id, envelope }));
      });
    });
  });

  return {
    close() {
      server.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
