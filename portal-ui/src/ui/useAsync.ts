import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem } from '../api/problem';

export interface Async<T> {
  data?: T;
  problem?: ApiProblem;
  loading: boolean;
  /** Loads again (after a change the page made). */
  reload(): void;
}

function asProblem(e: unknown): ApiProblem {
  return e instanceof ApiProblem ? e : new ApiProblem(0, { title: 'Error', detail: String(e) });
}

/**
 * Loads data for a page, again whenever a dependency changes; an answer that arrives after a newer request
 * started is dropped, so a slow first page never overwrites the second.
 */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): Async<T> {
  const [state, setState] = useState<{ data?: T; problem?: ApiProblem; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const id = ++latest.current;
    setState((s) => ({ data: s.data, loading: true }));
    load().then(
      (data) => { if (id === latest.current) setState({ data, loading: false }); },
      (e: unknown) => { if (id === latest.current) setState({ problem: asProblem(e), loading: false }); },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}

export interface Submission<A extends unknown[]> {
  pending: boolean;
  problem?: ApiProblem;
  /** Runs the action; resolves true when it succeeded, false when it failed (the problem is kept). */
  run(...args: A): Promise<boolean>;
  clear(): void;
}

/** Runs a change (a form submission, a button's action) and keeps its problem detail for the form to show. */
export function useSubmit<A extends unknown[]>(action: (...args: A) => Promise<unknown>): Submission<A> {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const run = useCallback(async (...args: A) => {
    setPending(true);
    setProblem(undefined);
    try {
      await action(...args);
      return true;
    } catch (e) {
      setProblem(asProblem(e));
      return false;
    } finally {
      setPending(false);
    }
  }, [action]);
  const clear = useCallback(() => setProblem(undefined), []);
  return { pending, problem, run, clear };
}
