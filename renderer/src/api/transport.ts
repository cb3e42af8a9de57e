/**
 * How the renderer reaches the backend. Two transports of one contract: Electron's preload (`window.qabyl`) and the
 * WebSocket bridge (dev:web, e2e). Both return the same envelope; the client unwraps it into values or ApiCallError.
 */
import type { Envelope } from '../../../domain/envelope';

export interface Transport {
  call(method: string, args: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
  /** 'connected' | 'disconnected' — the bridge can drop; Electron IPC cannot. */
  onConnection?(listener: (connected: boolean) => void): () => void;
}
