import { useEffect, useState } from 'react';
import { getJson } from './api.ts';

export interface Async<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
}

/** The answer of an API path (null: nothing to fetch). A newer path wins over a late answer. */
export function useApi<T>(path: string | null): Async<T> {
  const [state, setState] = useState<Async<T> & { path: string | null }>({ data: undefined, error: undefined, loading: path !== null, path });
  useEffect(() => {
    if (path === null) {
      setState({ data: undefined, error: undefined, loading: false, path });
      return;
    }
    let current = true;
    setState((previous) => ({ data: previous.path === path ? previous.data : undefined, error: undefined, loading: true, path }));
    getJson<T>(path).then(
      (data) => current && setState({ data, error: undefined, loading: false, path }),
      (error: unknown) => current && setState({ data: undefined, error, loading: false, path }),
    );
    return () => {
      current = false;
    };
  }, [path]);
  return state.path === path ? state : { data: undefined, error: undefined, loading: path !== null };
}
