/**
 * The login session in React: loaded once from GET /api/v1/auth/sessie, shared through a context,
 * ended on logout or when any request answers 401.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, authApi, setCsrfToken, setSessionEndedHandler, type Sessie } from './api';

export type SessieStatus =
  | { status: 'laden' }
  | { status: 'fout'; error: ApiError }
  /** Not logged in. `reden` says why, so the login page can explain it. */
  | { status: 'uit'; reden?: 'verlopen' | 'uitgelogd' | 'overal-uitgelogd' | 'tweede-factor-nodig' }
  | { status: 'in'; sessie: Sessie };

interface SessieContextWaarde {
  state: SessieStatus;
  /** After a successful login. */
  ingelogd(sessie: Sessie): void;
  /** Ends this session (or all sessions of this user) on the server; throws ApiError when that fails. */
  uitloggen(overal?: boolean): Promise<void>;
  /** Asks the server for the current session again (e.g. after break-glass, which changes it). */
  vernieuwen(): Promise<void>;
}

const SessieContext = createContext<SessieContextWaarde | null>(null);

/** setTimeout accepts at most 2^31-1 ms. */
const MAX_TIMEOUT = 2_147_483_647;

export function SessieProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessieStatus>({ status: 'laden' });
  const stateRef = useRef(state);
  stateRef.current = state;

  const zet = useCallback((next: SessieStatus) => {
    setCsrfToken(next.status === 'in' ? next.sessie.csrfToken : null);
    setState(next);
  }, []);

  const laad = useCallback(async () => {
    try {
      const sessie = await authApi.sessie();
      // Password given, code not yet (e.g. the page was reloaded between the two steps).
      zet(sessie.tweedeFactorOk ? { status: 'in', sessie } : { status: 'uit', reden: 'tweede-factor-nodig' });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        zet(stateRef.current.status === 'in' ? { status: 'uit', reden: 'verlopen' } : { status: 'uit' });
      } else {
        zet({
          status: 'fout',
          error:
            error instanceof ApiError ? error : new ApiError('Het lukt niet om te controleren of u bent ingelogd.', 'onbekend'),
        });
      }
    }
  }, [zet]);

  useEffect(() => {
    void laad();
  }, [laad]);

  // Any 401 on a request made while logged in: the session ended on the server.
  useEffect(() => {
    setSessionEndedHandler(() => {
      if (stateRef.current.status === 'in') zet({ status: 'uit', reden: 'verlopen' });
    });
    return () => setSessionEndedHandler(null);
  }, [zet]);

  // Check again when the session should expire, so the user is not left on a page that no longer works.
  const verlooptOp = state.status === 'in' ? state.sessie.verlooptOp : null;
  useEffect(() => {
    if (!verlooptOp) return;
    const ms = new Date(verlooptOp).getTime() - Date.now() + 1_000;
    if (Number.isNaN(ms)) return;
    const timer = window.setTimeout(() => void laad(), Math.min(Math.max(ms, 1_000), MAX_TIMEOUT));
    return () => window.clearTimeout(timer);
  }, [verlooptOp, laad]);

  const waarde = useMemo<SessieContextWaarde>(
    () => ({
      state,
      ingelogd: (sessie) => zet({ status: 'in', sessie }),
      uitloggen: async (overal = false) => {
        try {
          await (overal ? authApi.overalUitloggen() : authApi.uitloggen());
        } catch (error) {
          // Already logged out on the server: that is what we wanted.
          if (!(error instanceof ApiError && error.status === 401)) throw error;
        }
        zet({ status: 'uit', reden: overal ? 'overal-uitgelogd' : 'uitgelogd' });
      },
      vernieuwen: laad,
    }),
    [state, zet, laad],
  );

  return <SessieContext.Provider value={waarde}>{children}</SessieContext.Provider>;
}

export function useSessie(): SessieContextWaarde {
  const waarde = useContext(SessieContext);
  if (!waarde) throw new Error('useSessie() needs a <SessieProvider>');
  return waarde;
}

/** The logged-in session, or null. */
export function useHuidigeSessie(): Sessie | null {
  const { state } = useSessie();
  return state.status === 'in' ? state.sessie : null;
}
