// One WebSocket session with NCALayer: connect (TLS trust injected), wait for the greeting, exchange one request at a
// time skipping greetings and heartbeats. Errors are NcaLayerErrors with the kind a person can act on.
import WebSocket from 'ws';
import { NcaLayerError } from './errors';
import { HEARTBEAT, parseGreeting } from './replies';

export interface ConnectionOptions {
  url: string;
  ca?: string[];
  connectTimeoutMs: number;
  greetingTimeoutMs: number;
}

const TLS_TRUST_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'CERT_UNTRUSTED', 'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED', 'CERT_SIGNATURE_FAILURE',
]);

function classifySocketError(error: Error & { code?: string }): NcaLayerError {
  if (error.code && TLS_TRUST_CODES.has(error.code)) return new NcaLayerError('tls_untrusted', error.code);
  if (/handshake has timed out/i.test(error.message)) return new NcaLayerError('timeout', 'connect');
  return new NcaLayerError('not_running', error.code ?? error.message);
}

export class NcaLayerConnection {
  private pending: { resolve: (frame: string) => void; reject: (error: NcaLayerError) => void } | null = null;

  private constructor(private readonly socket: WebSocket, readonly version: string) {
    socket.on('message', (data) => this.onFrame(data.toString()));
    socket.on('close', () => this.failPending(new NcaLayerError('connection_lost')));
    socket.on('error', () => this.failPending(new NcaLayerError('connection_lost')));
  }

  static open(options: ConnectionOptions): Promise<NcaLayerConnection> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(options.url, { ca: options.ca, handshakeTimeout: options.connectTimeoutMs });
      let greetingTimer: NodeJS.Timeout | undefined;
      const fail = (error: NcaLayerError) => {
        clearTimeout(greetingTimer);
        socket.removeAllListeners();
        socket.on('error', () => undefined);
        socket.terminate();
        reject(error);
      };
      socket.once('error', (error) => fail(classifySocketError(error)));
      socket.once('close', () => fail(new NcaLayerError('no_greeting', 'closed before the greeting')));
      socket.once('open', () => {
        greetingTimer = setTimeout(() => fail(new NcaLayerError('no_greeting')), options.greetingTimeoutMs);
      });
      socket.on('message', (data) => {
        const version = parseGreeting(data.toString());
        if (version === null) return; // heartbeat or noise before the greeting
        clearTimeout(greetingTimer);
        socket.removeAllListeners();
        resolve(new NcaLayerConnection(socket, version));
      });
    });
  }

  /** Sends one request and waits for its reply; the socket is closed on timeout. */
  request(payload: unknown, timeoutMs: number): Promise<string> {
    if (this.pending) return Promise.reject(new NcaLayerError('busy'));
    if (this.socket.readyState !== WebSocket.OPEN) return Promise.reject(new NcaLayerError('connection_lost'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.failPending(new NcaLayerError('timeout'));
        this.close();
      }, timeoutMs);
      this.pending = {
        resolve: (frame) => { clearTimeout(timer); resolve(frame); },
        reject: (error) => { clearTimeout(timer); reject(error); },
      };
      this.socket.send(JSON.stringify(payload));
    });
  }

  close(): void {
    this.socket.close();
  }

  private onFrame(frame: string): void {
    // The real NCALayer may greet late and echoes heartbeats: neither is a reply.
    if (frame === HEARTBEAT || parseGreeting(frame) !== null) return;
    const pending = this.pending;
    this.pending = null;
    pending?.resolve(frame);
  }

  private failPending(error: NcaLayerError): void {
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }
}
