import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, type ReactNode } from 'react';
import type { Sessie } from '../api';
import { heeftRol, rollenTekst } from '../rollen';
import { navigate } from '../router';
import { useSessie } from '../sessie';
import { usePageTitle } from '../usePageTitle';
import { AppLink } from './AppLink';
import { Foutmelding, Laden } from './Status';

/** "/inloggen?terug=/dossiers/123": the login page sends the user back here afterwards. */
export function inlogPath(terug: string): string {
  return terug && terug !== '/' ? `/inloggen?terug=${encodeURIComponent(terug)}` : '/inloggen';
}

/**
 * A return address is only followed when it is a path inside this app (never "//evil.example" or
 * "https://…"): an open redirect after login would help phishing.
 */
export function veiligTerugPad(terug: string | null): string {
  if (!terug || !terug.startsWith('/') || terug.startsWith('//') || terug.startsWith('/\\')) return '/';
  if (terug.startsWith('/inloggen') || terug.startsWith('/api/')) return '/';
  return terug;
}

function GeenToegang({ rollen }: { rollen: readonly string[] }) {
  usePageTitle('Geen toegang');
  return (
    <>
      <Heading level={1}>Geen toegang</Heading>
      <Paragraph>
        Voor deze pagina heeft u de rol {rollenTekst(rollen, 'of')} nodig. U bent ingelogd met een andere rol. Denkt u
        dat u hier wel toegang toe moet hebben? Neem dan contact op met de functioneel beheerder van uw organisatie.
      </Paragraph>
      <Paragraph>
        Ga naar de <AppLink href="/">startpagina</AppLink>.
      </Paragraph>
    </>
  );
}

function NaarInloggen() {
  useEffect(() => {
    navigate(inlogPath(window.location.pathname + window.location.search), { replace: true });
  }, []);
  return <Laden wat="inloggegevens" />;
}

/**
 * Shows `children` only to a logged-in user with one of `rollen` (any logged-in user when left out).
 * Not logged in: go to the login page, and come back here afterwards.
 */
export function Beveiligd({ rollen, children }: { rollen?: readonly string[]; children: (sessie: Sessie) => ReactNode }) {
  const { state } = useSessie();
  switch (state.status) {
    case 'onbekend':
    case 'laden':
      return <Laden wat="inloggegevens" />;
    case 'fout':
      return (
        <>
          <Heading level={1}>Het lukt niet om te controleren of u bent ingelogd</Heading>
          <Foutmelding error={state.error} titel="Samen Veilig is nu niet bereikbaar" />
        </>
      );
    case 'uit':
      return <NaarInloggen />;
    case 'in':
      if (rollen && !heeftRol(state.sessie.rollen, rollen)) return <GeenToegang rollen={rollen} />;
      return <>{children(state.sessie)}</>;
  }
}
