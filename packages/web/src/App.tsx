import { useEffect, useRef } from 'react';
import { api, type Installatie } from './api';
import { AccountBalk } from './components/Account';
import { Layout, MAIN_ID } from './components/Layout';
import { AccountPage } from './pages/AccountPage';
import { ApiReferentiePage } from './pages/ApiReferentiePage';
import { AuditPage } from './pages/AuditPage';
import { BeheerGebruikersPage } from './pages/BeheerGebruikersPage';
import { BeheerOrganisatiesPage } from './pages/BeheerOrganisatiesPage';
import { DossierPage } from './pages/DossierPage';
import { DossiersPage } from './pages/DossiersPage';
import { HomePage } from './pages/HomePage';
import { InloggenPage } from './pages/InloggenPage';
import { NietGevondenPage } from './pages/NietGevondenPage';
import { PrivacyPage } from './pages/PrivacyPage';
import { ReferentiePage } from './pages/ReferentiePage';
import { RegioPage } from './pages/RegioPage';
import { BEHEER_ROLLEN, DOSSIER_ROLLEN, heeftRol, PRIVACY_ROLLEN } from './rollen';
import { parseRoute, usePathname, type Route } from './router';
import { SessieProvider, useHuidigeSessie } from './sessie';
import { useApi, type ApiState } from './useApi';

function Pagina({ route, installatie }: { route: Route; installatie: ApiState<Installatie> }) {
  switch (route.name) {
    case 'inloggen':
      return <InloggenPage installatie={installatie} />;
    case 'account':
      return <AccountPage />;
    case 'dossiers':
      return <DossiersPage />;
    case 'dossier':
      return <DossierPage key={route.id} id={route.id} />;
    case 'beheer-gebruikers':
      return <BeheerGebruikersPage />;
    case 'beheer-organisaties':
      return <BeheerOrganisatiesPage />;
    case 'privacy':
      return <PrivacyPage />;
    case 'privacy-persoon':
      return <AuditPage key={`persoon:${route.id}`} soort="persoon" id={route.id} />;
    case 'privacy-gebruiker':
      return <AuditPage key={`gebruiker:${route.id}`} soort="gebruiker" id={route.id} />;
    case 'home':
      return <HomePage />;
    case 'regio':
      return <RegioPage key={route.id} id={route.id} />;
    case 'referentie':
      return <ReferentiePage />;
    case 'api-referentie':
      return <ApiReferentiePage />;
    case 'niet-gevonden':
      return <NietGevondenPage />;
  }
}

/**
 * After a client-side page change, start at the top and move focus to the new page's h1
 * (or main), so screen reader and keyboard users know the page changed. Not on the first load.
 */
function useFocusOnPageChange(pathname: string) {
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    window.scrollTo(0, 0);
    const main = document.getElementById(MAIN_ID);
    const h1 = main?.querySelector('h1');
    const target = h1 ?? main;
    if (!target) return;
    if (target !== main) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }, [pathname]);
}

/** Pages that need the login session; public pages only ask for it when this browser may be logged in. */
const SESSIE_NODIG: ReadonlySet<Route['name']> = new Set<Route['name']>([
  'account',
  'dossiers',
  'dossier',
  'beheer-gebruikers',
  'beheer-organisaties',
  'privacy',
  'privacy-persoon',
  'privacy-gebruiker',
]);

export function App() {
  const route = parseRoute(usePathname());
  return (
    <SessieProvider controleren={SESSIE_NODIG.has(route.name)}>
      <AppInhoud />
    </SessieProvider>
  );
}

function AppInhoud() {
  const pathname = usePathname();
  const route = parseRoute(pathname);
  const installatie = useApi('installatie', () => api.installatie());
  const sessie = useHuidigeSessie();
  useFocusOnPageChange(pathname);

  const nav = [
    { href: '/', label: 'Regio’s', active: route.name === 'home' },
    { href: '/referentie', label: 'Referentiegegevens', active: route.name === 'referentie' },
    // Only what the user's roles allow; the server checks every request again.
    ...(heeftRol(sessie?.rollen, DOSSIER_ROLLEN)
      ? [{ href: '/dossiers', label: 'Dossiers', active: route.name === 'dossiers' || route.name === 'dossier' }]
      : []),
    ...(heeftRol(sessie?.rollen, BEHEER_ROLLEN)
      ? [{ href: '/beheer/gebruikers', label: 'Beheer', active: route.name === 'beheer-gebruikers' || route.name === 'beheer-organisaties' }]
      : []),
    ...(heeftRol(sessie?.rollen, PRIVACY_ROLLEN)
      ? [{ href: '/privacy', label: 'Privacy', active: route.name === 'privacy' || route.name === 'privacy-persoon' || route.name === 'privacy-gebruiker' }]
      : []),
  ];

  return (
    <Layout installatie={installatie} nav={nav} account={<AccountBalk huidigPad={pathname} />}>
      <Pagina route={route} installatie={installatie} />
    </Layout>
  );
}
