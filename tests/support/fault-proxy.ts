/**
 * A fault-injecting HTTP + WebSocket proxy for sync tests, on 127.0.0.1. Each request is matched against queued
 * faults (first match wins, used once) or a standing rule; WebSocket upgrades are piped through untouched.
 *
 *   dropAfterCommit — forward, let the server commit and answer, then cut the connection without answering
 *   status          — answer with an error status (500, 429, …) without reaching the server
 *   timeout         — hold the request (never forwarded) until the client gives up
 *   reset           — destroy the connection at once
 *   slow            — forward, then dribble the answer in small chunks
 *   truncate        — forward, then cut the answer after `bytes` bytes
 *   corrupt         — forward, flipping one byte of the answer body
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { kind: 'dropAfterCommit' }
  | { kind: 'status'; status: number }
  | { kind: 'timeout' }
  | { kind: 'reset' }
  | { kind: 'slow'; chunkBytes: number; delayMs: number }
  | { kind: 'truncate'; bytes: number }
  | { kind: 'corrupt' };

export interface ProxiedRequest {
  method: string;
  path: string;
}

type Matcher = (req: ProxiedRequest) => boolean;

export const pathStarts = (prefix: string): Matcher => (req) => req.path.startsWith(prefix);

export interface FaultProxy {
  url: string;
  port: number;
  /** Applies `fault` to the next request matching `match`. */
  once(match: Matcher, fault: Fault): void;
  /** Applies a fault to every request for which `rule` returns one (until replaced with null). */
  setRule(rule: ((req: ProxiedRequest) => Fault | null) | null): void;
  /** When true every connection is refused with a reset, as if the server were down. */
  setOffline(offline: boolean): void;
  /**
   * When true nothing passes any more and nothing is closed, as when a laptop's network silently drops: new
   * requests are held, open WebSockets stop carrying bytes in either direction.
   */
  setSilent(silent: boolean): void;
  /** Called when the server's answer to a request arrived (before it is passed on): crash tests kill here. */
  onServerAnswered(listener: ((req: ProxiedRequest) => void) | null): void;
  /** Requests seen (method + path), for assertions. */
  log: ProxiedRequest[];
  clearFaults(): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const queued: Array<{ match: Matcher; fault: Fault }> = [];
  let rule: ((req: ProxiedRequest) => Fault | null) | null = null;
  let offline = false;
  let silent = false;
  const tunnels = new Set<{ mute: () => void }>();
  let answered: ((req: ProxiedRequest) => void) | null = null;
  const log: ProxiedRequest[] = [];
  const sockets = new Set<net.Socket>();

  const pickFault = (req: ProxiedRequest): Fault | null => {
    const i = queued.findIndex((q) => q.match(req));
    if (i >= 0) return queued.splice(i, 1)[0]!.fault;
    return rule?.(req) ?? null;
  };

  const server = http.createServer((req, res) => {
    const info: ProxiedRequest = { method: req.method ?? 'GET', path: req.url ?? '/' };
    log.push(info);
    if (offline) return void req.socket.destroy();
    if (silent) return; // held until the client aborts
    const fault = pickFault(info);
    if (fault?.kind === 'reset') return void req.socket.destroy();
    if (fault?.kind === 'timeout') return; // held until the client aborts (its socket closes)
    if (fault?.kind === 'status') {
      req.resume();
      res.writeHead(fault.status, { 'content-type': 'application/json', ...(fault.status === 429 ? { 'retry-after': '1' } : {}) });
      return void res.end(JSON.stringify({ error: { code: 'INJECTED', message: `injected ${fault.status}` } }));
    }
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        void relay(answer);
      },
    );
    const relay = async (answer: http.IncomingMessage) => {
      const chunks: Buffer[] = [];
      for await (const c of answer) chunks.push(c as Buffer);
      let body = Buffer.concat(chunks);
      answered?.(info);
      if (fault?.kind === 'dropAfterCommit') return void req.socket.destroy();
      if (fault?.kind === 'corrupt' && body.length > 0) {
        body = Buffer.from(body);
        body[Math.floor(body.length / 2)]! ^= 0xff;
      }
      const headers = { ...answer.headers };
      delete headers['content-length'];
      delete headers['transfer-encoding'];
      res.writeHead(answer.statusCode ?? 502, headers);
      if (fault?.kind === 'truncate') {
        res.write(body.subarray(0, Math.min(fault.bytes, body.length)));
        await sleep(5);
        return void req.socket.destroy();
      }
      if (fault?.kind === 'slow') {
        for (let i = 0; i < body.length && !res.destroyed; i += fault.chunkBytes) {
          res.write(body.subarray(i, i + fault.chunkBytes));
          await sleep(fault.delayMs);
        }
        return void res.end();
      }
      res.end(body);
    };
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  });

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  // WebSocket (pokes): pipe the raw upgrade through to the server.
  server.on('upgrade', (req, socket, head) => {
    if (offline) return void socket.destroy();
    if (silent) return; // never answered, never closed
    const tunnel = {
      mute: () => {
        upstream.unpipe(socket);
        socket.unpipe(upstream);
        // Bytes still arriving go nowhere; the connections stay open.
        upstream.on('data', () => undefined);
        socket.on('data', () => undefined);
      },
    };
    const upstream = net.connect(Number(target.port), target.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`, ...Object.entries(req.headers).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`)];
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
      if (silent) tunnel.mute();
      else tunnels.add(tunnel);
    });
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      tunnels.delete(tunnel);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    once: (match, fault) => void queued.push({ match, fault }),
    setRule: (r) => {
      rule = r;
    },
    setOffline: (value) => {
      offline = value;
      if (value) for (const s of sockets) s.destroy();
    },
    setSilent: (value) => {
      silent = value;
      if (value) for (const t of tunnels) t.mute();
      tunnels.clear();
    },
    onServerAnswered: (listener) => {
      answered = listener;
    },
    log,
    clearFaults: () => {
      queued.length = 0;
      rule = null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
