/**
 * WebSocket bridge: the same API contract as Electron IPC, for `dev:web` and the e2e tests. It listens on
 * 127.0.0.1 only (the caller's http server must too), requires the random token from the page URL, accepts only
 * our own origin (exactly), answers any other upgrade path with 404, survives any frame, and runs the same gate as
 * the IPC path.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
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

export interface BridgeOptions {
  token: string;
  target: BridgeTarget;
  /** Upgrades that belong to someone else on the same server (Vite's HMR socket); every other path gets 404. */
  passUpgrade?: (req: IncomingMessage) => boolean;
  log?: (message: string) => void;
}

/** The largest request frame: a call's arguments are small (documents travel as hashes, not bytes). */
export const MAX_FRAME_BYTES = 1024 * 1024;

function refuseUpgrade(socket: Duplex, status: 401 | 404): void {
  const text = status === 404 ? 'Not Found' : 'Unauthorized';
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export function attachBridge(server: Server, options: BridgeOptions): { close(): void } {
  const log = options.log ?? ((message: string) => console.warn(`[bridge] ${message}`));
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  wss.on('error', (error) => log(`server error: ${error.message}`));

  /** Our own origin, exactly: the page is served by this server on 127.0.0.1 and the port it listens on. */
  const ownOrigin = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const authorised = (req: IncomingMessage, url: URL): boolean => {
    if (!sameToken(url.searchParams.get('token') ?? '', options.token)) return false;
    // Browsers always send Origin on a WebSocket handshake; a client without one is not a web page (tests, benches).
    const origin = req.headers.origin;
    return origin === undefined || origin === ownOrigin();
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (options.passUpgrade?.(req)) return;
    socket.on('error', (error) => log(`handshake socket error: ${error.message}`));
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== BRIDGE_PATH) return refuseUpgrade(socket, 404);
    if (!authorised(req, url)) return refuseUpgrade(socket, 401);
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  server.on('upgrade', onUpgrade);

  wss.on('connection', (ws: WebSocket) => {
    const send = (frame: unknown) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    // An oversize frame (1009) or invalid UTF-8 (1007) ends this connection with that close code; the process and
    // every other connection carry on.
    ws.on('error', (error) => log(`connection closed after a bad frame: ${error.message}`));
    const unsubscribe = options.target.onEvent((event, payload) => send({ event, payload }));
    ws.on('close', unsubscribe);
    ws.on('message', (data, isBinary) => {
      let frame: z.infer<typeof requestFrameSchema>;
      try {
        if (isBinary) throw new Error('binary frame');
        frame = requestFrameSchema.parse(JSON.parse(String(data)));
      } catch {
        send({ id: null, envelope: fail('BAD_ARGS', 'Malformed bridge frame.') });
        return;
      }
      const gate = checkCall(frame.method, frame.args);
      if (!gate.ok) {
        send({ id: frame.id, envelope: gate.refusal });
        return;
      }
      options.target.call(gate.method, frame.args).then(
        (envelope) => send({ id: frame.id, envelope }),
        (error: unknown) => send({ id: frame.id, envelope: fail('INTERNAL', error instanceof Error ? error.message : String(error)) }),
      );
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
