import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { ApiClient, EventName, EventPayload } from '../../../domain/api';
import { subscribe } from './client';
import type { Transport } from './transport';

interface ApiContextValue {
  api: ApiClient;
  transport: Transport;
}

const ApiContext = createContext<ApiContextValue | null>(null);

export function ApiProvider({ api, transport, children }: ApiContextValue & { children: ReactNode }) {
  return <ApiContext.Provider value={{ api, transport }}>{children}</ApiContext.Provider>;
}

function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi outside ApiProvider');
  return value;
}

export const useApi = (): ApiClient => useApiContext().api;

/** Calls `listener` for each `event` from the backend while the component is mounted. */
export function useApiEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const { transport } = useApiContext();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => subscribe(transport, event, (p) => latest.current(p)), [transport, event]);
}
