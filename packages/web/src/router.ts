/**
 * A tiny client-side router on the History API (no router library).
 * Routes: "/", "/regio/:id", "/referentie", "/api-referentie", "/melden" (public), and the logged-in pages ("/inloggen",
 * "/account", "/dossiers[/:id]", "/intake", "/werkvoorraad", "/meldingen/:id", "/overdrachten[/:id]", "/melden/professional",
 * "/meldingen-inbox", "/beheer/...", "/privacy/...", the plan and TOP-3 of a dossier ("/dossiers/:id/plan[/afdruk]",
 * "/dossiers/:id/top3"), regie proposals ("/regie[/:id]"), the figures ("/cijfers?periode=…&regio=…&gemeente=…"); anything else is
 * "niet-gevonden".
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'regio'; id: string }
  | { name: 'referentie' }
  | { name: 'api-referentie' }
  | { name: 'melden' }
  // Logged-in part of the app (see parseSecureRoute below).
  | { name: 'inloggen' }
  | { name: 'account' }
  | { name: 'dossiers' }
  | { name: 'dossier'; id: string }
  | { name: 'dossier-plan'; id: string }
  | { name: 'dossier-plan-afdruk'; id: string }
  | { name: 'dossier-top3'; id: string }
  | { name: 'regie-voorstellen' }
  | { name: 'regie-voorstel'; id: string }
  | { name: 'beheer-plan' }
  | { name: 'beheer-cijfers' }
  | { name: 'beheer-gebruikers' }
  | { name: 'beheer-organisaties' }
  | { name: 'beheer-termijnen' }
  | { name: 'intake' }
  | { name: 'werkvoorraad' }
  | { name: 'melding'; id: string }
  | { name: 'overdrachten' }
  | { name: 'overdracht'; id: string }
  | { name: 'melden-professional' }
  | { name: 'berichten' }
  | { name: 'privacy' }
  | { name: 'privacy-persoon'; id: string }
  | { name: 'privacy-gebruiker'; id: string }
  | { name: 'cijfers' }
  | { name: 'niet-gevonden'; path: string };

const NAVIGATE_EVENT = 'samenveilig:navigate';

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'home' };
  if (path === '/referentie') return { name: 'referentie' };
  if (path === '/api-referentie') return { name: 'api-referentie' };
  if (path === '/melden') return { name: 'melden' };
  const secure = parseSecureRoute(path);
  if (secure) return secure;
  const regio = /^\/regio\/([^/]+)$/.exec(path);
  if (regio?.[1]) {
    try {
      return { name: 'regio', id: decodeURIComponent(regio[1]) };
    } catch {
      return { name: 'niet-gevonden', path };
    }
  }
  return { name: 'niet-gevonden', path };
}

/** Routes of the logged-in part of the app; null when the path is none of them. */
function parseSecureRoute(path: string): Route | null {
  const fixed: Record<string, Route> = {
    '/inloggen': { name: 'inloggen' },
    '/account': { name: 'account' },
    '/dossiers': { name: 'dossiers' },
    '/beheer': { name: 'beheer-gebruikers' },
    '/beheer/gebruikers': { name: 'beheer-gebruikers' },
    '/beheer/organisaties': { name: 'beheer-organisaties' },
    '/beheer/termijnen': { name: 'beheer-termijnen' },
    '/beheer/plan': { name: 'beheer-plan' },
    '/beheer/cijfers': { name: 'beheer-cijfers' },
    '/regie': { name: 'regie-voorstellen' },
    '/intake': { name: 'intake' },
    '/werkvoorraad': { name: 'werkvoorraad' },
    '/overdrachten': { name: 'overdrachten' },
    '/melden/professional': { name: 'melden-professional' },
    '/meldingen-inbox': { name: 'berichten' },
    '/privacy': { name: 'privacy' },
    '/cijfers': { name: 'cijfers' },
  };
  const route = fixed[path];
  if (route) return route;
  const withId: [RegExp, Extract<Route, { id: string }>['name']][] = [
    [/^\/dossiers\/([^/]+)$/, 'dossier'],
    [/^\/dossiers\/([^/]+)\/plan$/, 'dossier-plan'],
    [/^\/dossiers\/([^/]+)\/plan\/afdruk$/, 'dossier-plan-afdruk'],
    [/^\/dossiers\/([^/]+)\/top3$/, 'dossier-top3'],
    [/^\/regie\/([^/]+)$/, 'regie-voorstel'],
    [/^\/meldingen\/([^/]+)$/, 'melding'],
    [/^\/overdrachten\/([^/]+)$/, 'overdracht'],
    [/^\/privacy\/persoon\/([^/]+)$/, 'privacy-persoon'],
    [/^\/privacy\/gebruiker\/([^/]+)$/, 'privacy-gebruiker'],
  ];
  for (const [pattern, name] of withId) {
    const match = pattern.exec(path);
    if (!match?.[1]) continue;
    try {
      return { name, id: decodeURIComponent(match[1]) };
    } catch {
      return { name: 'niet-gevonden', path };
    }
  }
  return null;
}

export function dossierPath(id: string): string {
  return `/dossiers/${encodeURIComponent(id)}`;
}

export function planPath(id: string): string {
  return `${dossierPath(id)}/plan`;
}

export function afdrukPath(id: string): string {
  return `${dossierPath(id)}/plan/afdruk`;
}

export function top3Path(id: string): string {
  return `${dossierPath(id)}/top3`;
}

export function regieVoorstelPath(id: string): string {
  return `/regie/${encodeURIComponent(id)}`;
}

export function meldingPath(id: string): string {
  return `/meldingen/${encodeURIComponent(id)}`;
}

export function overdrachtPath(id: string): string {
  return `/overdrachten/${encodeURIComponent(id)}`;
}

export function regioPath(id: string): string {
  return `/regio/${encodeURIComponent(id)}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const getPathname = () => window.location.pathname;

/** The current path; re-renders on navigation. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, getPathname, () => '/');
}

const getSearch = () => window.location.search;

/** The current query string (e.g. "?pagina=2"); re-renders on navigation. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, getSearch, () => '');
}

/**
 * Go to another page of the app without reloading.
 * `replace`: replace the current history entry (for redirects, so "back" does not loop).
 */
export function navigate(href: string, options?: { replace?: boolean }): void {
  if (href === window.location.pathname + window.location.search + window.location.hash) return;
  if (options?.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** True for a click that the browser should handle itself (new tab, download, other window). */
export function isModifiedClick(event: { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean }): boolean {
  return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
}
