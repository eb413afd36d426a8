import { useEffect, useRef } from 'react';
import { api, type Installatie } from './api';
import { AccountBalk } from './components/Account';
import { Layout, MAIN_ID } from './components/Layout';
import { AccountPage } from './pages/AccountPage';
import { ApiReferentiePage } from './pages/ApiReferentiePage';
import { AuditPage } from './pages/AuditPage';
import { BeheerGebruikersPage } from './pages/BeheerGebruikersPage';
import { BeheerOrganisatiesPage } from './pages/BeheerOrganisatiesPage';
import { BeheerCijfersPage } from './pages/BeheerCijfersPage';
import { BeheerPlanPage } from './pages/BeheerPlanPage';
import { BeheerTermijnenPage } from './pages/BeheerTermijnenPage';
import { BerichtenPage } from './pages/BerichtenPage';
import { CijfersPage } from './pages/CijfersPage';
import { DossierPage } from './pages/DossierPage';
import { DossiersPage } from './pages/DossiersPage';
import { HomePage } from './pages/HomePage';
import { InloggenPage } from './pages/InloggenPage';
import { IntakePage } from './pages/IntakePage';
import { MeldenPage } from './pages/MeldenPage';
import { MeldenProfessionalPage } from './pages/MeldenProfessionalPage';
import { MeldingPage } from './pages/MeldingPage';
import { NietGevondenPage } from './pages/NietGevondenPage';
import { OverdrachtenPage, OverdrachtPage } from './pages/OverdrachtenPage';
import { PlanAfdrukPage } from './pages/PlanAfdrukPage';
import { PlanPage } from './pages/PlanPage';
import { PrivacyPage } from './pages/PrivacyPage';
import { ReferentiePage } from './pages/ReferentiePage';
import { RegieVoorstelPage, RegieVoorstellenPage } from './pages/RegiePage';
import { RegioPage } from './pages/RegioPage';
import { Top3Page } from './pages/Top3Page';
import { WerkvoorraadPage } from './pages/WerkvoorraadPage';
import { BEHEER_ROLLEN, CIJFER_ROLLEN, DOSSIER_ROLLEN, heeftRol, MELDEN_ROLLEN, OVERDRACHT_ROLLEN, PRIVACY_ROLLEN, REGIE_ROLLEN, VT_ROLLEN } from './rollen';
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
    case 'dossier-plan':
      return <PlanPage key={route.id} id={route.id} />;
    case 'dossier-plan-afdruk':
      return <PlanAfdrukPage key={route.id} id={route.id} />;
    case 'dossier-top3':
      return <Top3Page key={route.id} id={route.id} />;
    case 'regie-voorstellen':
      return <RegieVoorstellenPage />;
    case 'regie-voorstel':
      return <RegieVoorstelPage key={route.id} id={route.id} />;
    case 'beheer-plan':
      return <BeheerPlanPage />;
    case 'beheer-cijfers':
      return <BeheerCijfersPage />;
    case 'beheer-gebruikers':
      return <BeheerGebruikersPage />;
    case 'beheer-organisaties':
      return <BeheerOrganisatiesPage />;
    case 'beheer-termijnen':
      return <BeheerTermijnenPage />;
    case 'intake':
      return <IntakePage />;
    case 'werkvoorraad':
      return <WerkvoorraadPage />;
    case 'melding':
      return <MeldingPage key={route.id} id={route.id} />;
    case 'overdrachten':
      return <OverdrachtenPage />;
    case 'overdracht':
      return <OverdrachtPage key={route.id} id={route.id} />;
    case 'melden-professional':
      return <MeldenProfessionalPage />;
    case 'melden':
      return <MeldenPage />;
    case 'berichten':
      return <BerichtenPage />;
    case 'privacy':
      return <PrivacyPage />;
    case 'cijfers':
      return <CijfersPage />;
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
  'dossier-plan',
  'dossier-plan-afdruk',
  'dossier-top3',
  'regie-voorstellen',
  'regie-voorstel',
  'beheer-plan',
  'beheer-cijfers',
  'beheer-gebruikers',
  'beheer-organisaties',
  'beheer-termijnen',
  'intake',
  'werkvoorraad',
  'melding',
  'overdrachten',
  'overdracht',
  'melden-professional',
  'berichten',
  'privacy',
  'privacy-persoon',
  'privacy-gebruiker',
  'cijfers',
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
      ? [
          {
            href: '/dossiers',
            label: 'Dossiers',
            active: route.name === 'dossiers' || route.name === 'dossier' || route.name === 'dossier-plan' || route.name === 'dossier-plan-afdruk' || route.name === 'dossier-top3',
          },
        ]
      : []),
    ...(heeftRol(sessie?.rollen, REGIE_ROLLEN)
      ? [{ href: '/regie', label: 'Regie', active: route.name === 'regie-voorstellen' || route.name === 'regie-voorstel' }]
      : []),
    ...(heeftRol(sessie?.rollen, VT_ROLLEN)
      ? [
          { href: '/werkvoorraad', label: 'Werkvoorraad', active: route.name === 'werkvoorraad' || route.name === 'melding' },
          { href: '/intake', label: 'Intake', active: route.name === 'intake' },
        ]
      : []),
    ...(heeftRol(sessie?.rollen, OVERDRACHT_ROLLEN)
      ? [{ href: '/overdrachten', label: 'Overdrachten', active: route.name === 'overdrachten' || route.name === 'overdracht' }]
      : []),
    ...(heeftRol(sessie?.rollen, CIJFER_ROLLEN) ? [{ href: '/cijfers', label: 'Cijfers', active: route.name === 'cijfers' }] : []),
    heeftRol(sessie?.rollen, MELDEN_ROLLEN)
      ? { href: '/melden/professional', label: 'Advies of melding', active: route.name === 'melden-professional' }
      : { href: '/melden', label: 'Zorgen melden', active: route.name === 'melden' },
    ...(heeftRol(sessie?.rollen, BEHEER_ROLLEN)
      ? [
          {
            href: '/beheer/gebruikers',
            label: 'Beheer',
            active: route.name === 'beheer-gebruikers' || route.name === 'beheer-organisaties' || route.name === 'beheer-termijnen' || route.name === 'beheer-plan' || route.name === 'beheer-cijfers',
          },
        ]
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
