import { useCallback, useEffect, useState } from 'react';
import { useApiEvent } from './ApiProvider';

export interface QueryState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads data from the backend and reloads it when the backend says local tables changed.
 * `deps` identify the query (like useEffect's); `tables` limits reloads to relevant changes (empty = any change).
 */
export function useQuery<T>(load: () => Promise<T>, deps: readonly unknown[], tables: readonly string[] = []): QueryState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    load()
      .then((value) => {
        if (!cancelled) {
          setData(value);
          setError(undefined);
        }
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e : new Error(String(e)));
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);

  useApiEvent('data.changed', (payload) => {
    if (tables.length === 0 || payload.tables.some((t) => tables.includes(t))) reload();
  });
  return { data, error, loading, reload };
}
