/**
 * The backend's latest start-up event, kept from the very first moment the page is connected: the start-up screen
 * shows it while the backend cannot answer yet, and the app announces a finished re-encryption once it runs.
 */
import type { EventPayload } from '../../../../domain/api';
import { subscribe } from '../../api/client';
import type { Transport } from '../../api/transport';

export type StartupEvent = EventPayload<'backend.startup'>;

export interface StartupState {
  get(): StartupEvent | null;
  /** For `useSyncExternalStore`: returns the unsubscribe function. */
  listen(onChange: () => void): () => void;
}

export function watchStartup(transport: Transport): StartupState {
  let latest: StartupEvent | null = null;
  const listeners = new Set<() => void>();
  subscribe(transport, 'backend.startup', (event) => {
    latest = event;
    for (const l of listeners) l();
  });
  return {
    get: () => latest,
    listen(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}
