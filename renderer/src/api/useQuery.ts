import { useCallback, useEffect, useState } from 'react';
import { useApiEvent } from './ApiProvider';

export interface QueryState<T> {
  /** The latest loaded value; kept while a reload runs so screens do not flicker. */
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

interface Loaded<T> {
  key: string;
  data: T | undefined;
  error: Error | undefined;
}

/**
 * Loads data from the backend and reloads it when the backend says local tables changed.
 * `deps` identify the query (like useEffect's); `tables` limits reloads to relevant changes (empty = any change).
 */
export function useQuery<T>(load: () => Promise<T>, deps: readonly unknown[], tables: readonly string[] = []): QueryState<T> {
  const [tick, setTick] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<T>>();
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const key = JSON.stringify([...deps, tick]);

  useEffect(() => {
    let cancelled = false;
    load().then(
      (data) => !cancelled && setLoaded({ key, data, error: undefined }),
      (e: unknown) => !cancelled && setLoaded((prev) => ({ key, data: prev?.data, error: e instanceof Error ? e : new Error(String(e)) })),
    );
    return () => {
      cancelled = true;
    };
    // `key` stands for deps + reloads; `load` is a fresh closure each render by design.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useApiEvent('data.changed', (payload) => {
    if (tables.length === 0 || payload.tables.some((t) => tables.includes(t))) reload();
  });
  return { data: loaded?.data, error: loaded?.key === key ? loaded.error : undefined, loading: loaded?.key !== key, reload };
}
