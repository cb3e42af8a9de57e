/**
 * Windowed loading for VirtualTable: rows are fetched a page at a time as they scroll into view, and everything
 * is reloaded when the query changes or the backend reports changed tables (kept on screen meanwhile).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiEvent } from '../api/ApiProvider';

const PAGE = 100;

export interface PagedList<Row> {
  total: number;
  getRow: (index: number) => Row | undefined;
  onVisibleRange: (start: number, end: number) => void;
  loading: boolean;
  error: Error | undefined;
  reload: () => void;
}

export function usePagedList<Row>(
  fetchPage: (offset: number, limit: number) => Promise<{ total: number; rows: Row[] }>,
  queryKey: string,
  tables: readonly string[],
): PagedList<Row> {
  const [state, setState] = useState<{ key: string; total: number; pages: Map<number, Row[]> }>({ key: '', total: 0, pages: new Map() });
  const [error, setError] = useState<Error>();
  const [generation, setGeneration] = useState(0);
  const requested = useRef(new Set<string>());
  const fetchRef = useRef(fetchPage);
  useEffect(() => {
    fetchRef.current = fetchPage;
  });
  const key = `${queryKey}#${generation}`;

  const load = useCallback((page: number, forKey: string) => {
    const id = `${forKey}:${page}`;
    if (requested.current.has(id)) return;
    requested.current.add(id);
    fetchRef.current(page * PAGE, PAGE).then(
      (result) => {
        setError(undefined);
        setState((prev) => {
          // A reload keeps the previous rows visible until the first page of the new answer arrives.
          const pages = prev.key === forKey ? new Map(prev.pages) : new Map<number, Row[]>();
          pages.set(page, result.rows);
          return { key: forKey, total: result.total, pages };
        });
      },
      (e: unknown) => {
        requested.current.delete(id);
        setError(e instanceof Error ? e : new Error(String(e)));
      },
    );
  }, []);

  const visible = useRef<[number, number]>([0, 0]);
  useEffect(() => {
    requested.current.clear();
    const [start, end] = visible.current;
    for (let p = Math.floor(start / PAGE); p <= Math.floor(end / PAGE); p++) load(p, key);
  }, [key, load]);

  const onVisibleRange = useCallback(
    (start: number, end: number) => {
      visible.current = [start, end];
      for (let p = Math.floor(start / PAGE); p <= Math.floor(end / PAGE); p++) load(p, key);
    },
    [key, load],
  );

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useApiEvent('data.changed', (payload) => {
    if (tables.length === 0 || payload.tables.some((t) => tables.includes(t))) reload();
  });

  const getRow = useCallback((index: number) => state.pages.get(Math.floor(index / PAGE))?.[index % PAGE], [state]);
  return { total: state.total, getRow, onVisibleRange, loading: state.key !== key, error, reload };
}
