/**
 * Listens to `/v1/events`: each poke carries no data and only asks for a pull. Reconnects with backoff; the
 * socket factory is injectable so tests can route it through a fault proxy.
 *
 * The socket is also the quickest sign that the server went away: a closed socket is reported at once, and a
 * heartbeat ping that gets no answer within one interval (a network that silently dropped, where TCP would wait
 * minutes) ends the socket, so the footer does not claim "online" until the next minute's pull fails.
 */
import WebSocket from 'ws';
import { HEADER_CLIENT_ID, HEADER_PROTOCOL_VERSION, PROTOCOL_VERSION, pokeSchema } from '../../../domain/sync-protocol';
import { backoffDelay, type BackoffOptions } from './backoff';

export interface PokeSocket {
  on(event: 'open' | 'close' | 'error' | 'pong', listener: () => void): void;
  on(event: 'message', listener: (data: unknown) => void): void;
  ping(): void;
  close(): void;
  /** Ends the socket without a closing handshake (the peer is not answering). */
  terminate(): void;
}

export const DEFAULT_HEARTBEAT_MS = 10_000;
export type PokeSocketFactory = (url: string, headers: Record<string, string>) => PokeSocket;

export const defaultPokeSocketFactory: PokeSocketFactory = (url, headers) => new WebSocket(url, { headers }) as unknown as PokeSocket;

export interface PokeListenerOptions {
  serverUrl: string;
  token: () => string | null;
  clientId: () => string;
  factory: PokeSocketFactory;
  backoff: BackoffOptions;
  onPoke: () => void;
  /** true when a socket opened; false when an open socket closed or stopped answering. */
  onConnected: (connected: boolean) => void;
  heartbeatMs?: number;
}

export class PokeListener {
  private socket: PokeSocket | null = null;
  private timer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private attempt = 0;
  private stopped = true;

  constructor(private readonly options: PokeListenerOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopHeartbeat();
    this.socket?.close();
    this.socket = null;
  }

  /** Reconnect now (e.g. after a new login). */
  restart(): void {
    this.stop();
    this.start();
  }

  private connect(): void {
    const token = this.options.token();
    if (this.stopped || !token) return;
    const url = new URL('/v1/events', this.options.serverUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = this.options.factory(url.toString(), {
      authorization: `Bearer ${token}`,
      [HEADER_CLIENT_ID]: this.options.clientId(),
      [HEADER_PROTOCOL_VERSION]: String(PROTOCOL_VERSION),
    });
    this.socket = socket;
    let opened = false;
    let answered = true;
    socket.on('open', () => {
      opened = true;
      this.attempt = 0;
      this.startHeartbeat(socket, () => {
        if (!answered) return false;
        answered = false;
        return true;
      });
      this.options.onConnected(true);
      // Changes made while we were disconnected produced no poke we could hear.
      this.options.onPoke();
    });
    socket.on('pong', () => {
      answered = true;
    });
    socket.on('message', (data) => {
      answered = true;
      try {
        if (pokeSchema.safeParse(JSON.parse(String(data))).success) this.options.onPoke();
      } catch {
        // Not JSON: not a poke; ignore.
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.stopHeartbeat();
      if (opened) this.options.onConnected(false);
      if (this.stopped) return;
      this.timer = setTimeout(() => this.connect(), backoffDelay(this.attempt++, this.options.backoff));
    });
  }

  /** Pings every interval; `beat` answers whether the previous ping was answered (and arms the next one). */
  private startHeartbeat(socket: PokeSocket, beat: () => boolean): void {
    this.stopHeartbeat();
    this.heartbeat = setInterval(() => {
      if (beat()) socket.ping();
      else socket.terminate();
    }, this.options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
    this.heartbeat.unref?.();
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }
}
