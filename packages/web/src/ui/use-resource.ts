// Loads one piece of server data for a page, optionally refreshing it on an interval. The next
// refresh is scheduled only after the previous answer arrives, so slow servers are never flooded.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** When the data shown was fetched. */
  updatedAt: Date | null;
  reload(): void;
}

export function useResource<T>(
  load: () => Promise<T>,
  key: string,
  options: { refreshMs?: number } = {},
): Resource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [version, setVersion] = useState(0);
  // The latest loader, read inside the effect so callers may pass inline arrow functions.
  const loadRef = useRef(load);
  loadRef.current = load;
  const refreshMs = options.refreshMs;

  // biome-ignore lint/correctness/useExhaustiveDependencies: key and version are the reload triggers.
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      setLoading(true);
      loadRef.current().then(
        (value) => {
          if (cancelled) return;
          setData(value);
          setError(null);
          setUpdatedAt(new Date());
          setLoading(false);
          if (refreshMs) timer = setTimeout(run, refreshMs);
        },
        (caught: unknown) => {
          if (cancelled) return;
          setError(caught);
          setLoading(false);
          if (refreshMs) timer = setTimeout(run, refreshMs);
        },
      );
    };
    run();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key, version, refreshMs]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, updatedAt, reload };
}
