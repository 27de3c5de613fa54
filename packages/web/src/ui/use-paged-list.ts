// A cursor-paged list for tables: loads the first page when the key changes, appends further
// pages on "Load more", and can be reloaded from the start after a change.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api/api-types.ts';

export interface PagedList<T> {
  items: T[];
  error: unknown;
  loading: boolean;
  hasMore: boolean;
  loadMore(): void;
  reload(): void;
}

export function usePagedList<T>(
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
  key: string,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  // Answers to requests made for an older key or version are dropped, not merged.
  const generation = useRef(0);

  const load = useCallback((from: string | null, append: boolean) => {
    const mine = ++generation.current;
    setLoading(true);
    fetchRef.current(from).then(
      (page) => {
        if (mine !== generation.current) return;
        setItems((old) => (append ? [...old, ...page.data] : page.data));
        setCursor(page.nextCursor);
        setError(null);
        setLoading(false);
      },
      (caught: unknown) => {
        if (mine !== generation.current) return;
        setError(caught);
        setLoading(false);
      },
    );
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: key and version are the reload triggers.
  useEffect(() => {
    setItems([]);
    load(null, false);
  }, [key, version, load]);

  return {
    items,
    error,
    loading,
    hasMore: cursor !== null,
    loadMore: useCallback(() => cursor !== null && load(cursor, true), [cursor, load]),
    reload: useCallback(() => setVersion((v) => v + 1), []),
  };
}
