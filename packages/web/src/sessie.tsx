/**
 * The login session in React: loaded once from GET /api/v1/auth/sessie, shared through a context,
 * ended on logout or when any request answers 401.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, authApi, setCsrfToken, setSessionEndedHandler, type Sessie } from './api';

export type SessieStatus =
  /** Not asked yet: public pages do not ask the server unless this browser may be logged in. */
  | { status: 'onbekend' }
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

/**
 * A hint (not a secret, not proof) that this browser may have a session: set at login, cleared at logout
 * or when the server answers 401. The session cookie itself is HttpOnly, so scripts cannot see it.
 * Public pages only ask the server about the session when this hint is set; that saves a 401 per visit.
 */
const VLAG = 'samenveilig:mogelijk-ingelogd';

function vlagGezet(): boolean {
  try {
    return window.localStorage.getItem(VLAG) === '1';
  } catch {
    return false;
  }
}

export function zetInlogVlag(aan: boolean): void {
  try {
    if (aan) window.localStorage.setItem(VLAG, '1');
    else window.localStorage.removeItem(VLAG);
  } catch {
    // Storage blocked: public pages then show "Inloggen" until a page that needs the session is opened.
  }
}

export function SessieProvider({ controleren, children }: { controleren: boolean; children: ReactNode }) {
  const [state, setState] = useState<SessieStatus>(() => (controleren || vlagGezet() ? { status: 'laden' } : { status: 'onbekend' }));
  const stateRef = useRef(state);
  stateRef.current = state;
  const bezig = useRef(false);

  const zet = useCallback((next: SessieStatus) => {
    setCsrfToken(next.status === 'in' ? next.sessie.csrfToken : null);
    if (next.status === 'in' || (next.status === 'uit' && next.reden === 'tweede-factor-nodig')) zetInlogVlag(true);
    if (next.status === 'uit' && next.reden !== 'tweede-factor-nodig') zetInlogVlag(false);
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

  // A page that needs the session was opened: ask the server now.
  useEffect(() => {
    if (controleren && state.status === 'onbekend') setState({ status: 'laden' });
  }, [controleren, state.status]);

  useEffect(() => {
    if (state.status !== 'laden' || bezig.current) return;
    bezig.current = true;
    void laad().finally(() => {
      bezig.current = false;
    });
  }, [state.status, laad]);

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
