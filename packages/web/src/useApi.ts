import { useEffect, useRef, useState } from 'react';
import { focusOp } from './components/Velden';
import { ApiError } from './api';

export type ApiState<T> =
  | { status: 'laden' }
  | { status: 'klaar'; data: T }
  | { status: 'fout'; error: ApiError };

/**
 * Loads data once per `key`. Late answers for an old key are ignored; requests are not aborted,
 * so leaving a page never shows up as a failed request.
 */
export function useApi<T>(key: string, load: () => Promise<T>): ApiState<T> {
  const [state, setState] = useState<{ key: string; value: ApiState<T> }>({ key, value: { status: 'laden' } });

  useEffect(() => {
    let current = true;
    setState({ key, value: { status: 'laden' } });
    load().then(
      (data) => {
        if (current) setState({ key, value: { status: 'klaar', data } });
      },
      (error: unknown) => {
        if (!current) return;
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError('Er ging iets mis bij het laden van deze pagina. Probeer het later opnieuw.', 'onbekend');
        setState({ key, value: { status: 'fout', error: apiError } });
      },
    );
    return () => {
      current = false;
    };
    // `load` must depend only on `key`: a new key means new data, a new `load` function alone does not.
  }, [key]);

  return state.key === key ? state.value : { status: 'laden' };
}

/**
 * Like useApi, plus `herlaad()` to fetch the data again (after a change). While reloading the old data
 * stays on screen, so tables and forms do not disappear and focus is not lost. `herlaad()` resolves when the
 * new data (or the error) is on screen: a confirmation shown after it never sits above stale data, and a form
 * cannot be sent again with the version from before the change.
 */
export function useHerlaadbareApi<T>(key: string, load: () => Promise<T>): { state: ApiState<T>; herlaad: () => Promise<void> } {
  const [teller, setTeller] = useState(0);
  const [state, setState] = useState<{ key: string; value: ApiState<T> }>({ key, value: { status: 'laden' } });
  const wachtenden = useRef<(() => void)[]>([]);

  useEffect(() => {
    let current = true;
    const klaar = (value: ApiState<T>) => {
      if (!current) return;
      setState({ key, value });
      for (const resolve of wachtenden.current.splice(0)) resolve();
    };
    setState((old) => (old.key === key && old.value.status === 'klaar' ? old : { key, value: { status: 'laden' } }));
    load().then(
      (data) => klaar({ status: 'klaar', data }),
      (error: unknown) => {
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError('Er ging iets mis bij het laden van deze pagina. Probeer het later opnieuw.', 'onbekend');
        klaar({ status: 'fout', error: apiError });
      },
    );
    return () => {
      current = false;
    };
    // `load` must depend only on `key`.
  }, [key, teller]);

  return {
    state: state.key === key ? state.value : { status: 'laden' },
    herlaad: () =>
      new Promise<void>((resolve) => {
        wachtenden.current.push(resolve);
        setTeller((t) => t + 1);
      }),
  };
}

/**
 * The confirmation after a change: reloads the data first, then shows `bericht` and moves focus to the element
 * `id` (its live region), so the confirmation never stands above data from before the change.
 */
export function useBevestiging(herlaad: () => Promise<void>, id: string): { bericht: string | null; bevestig: (tekst: string) => Promise<void> } {
  const [bericht, setBericht] = useState<string | null>(null);
  return {
    bericht,
    bevestig: async (tekst: string) => {
      await herlaad();
      setBericht(tekst);
      focusOp(id);
    },
  };
}
