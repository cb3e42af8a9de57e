import { exposedName, isMethodName } from '../../../domain/api';
import { fail, type Envelope } from '../../../domain/envelope';
import type { Transport } from './transport';

/** Shape of `window.qabyl` as the preload exposes it: one function per contract method, plus onEvent. */
export type QabylBridge = Record<string, (args: unknown) => Promise<Envelope<unknown>>> & {
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
};

export function createElectronTransport(bridge: QabylBridge): Transport {
  return {
    call(method, args) {
      if (!isMethodName(method)) return Promise.resolve(fail('UNKNOWN_METHOD', method));
      const fn = bridge[exposedName(method)];
      if (typeof fn !== 'function') return Promise.resolve(fail('UNKNOWN_METHOD', method));
      return fn(args);
    },
    onEvent: (listener) => bridge.onEvent(listener),
  };
}
