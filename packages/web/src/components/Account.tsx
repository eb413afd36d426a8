import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { ApiError } from '../api';
import { rollenTekst } from '../rollen';
import { navigate } from '../router';
import { useSessie } from '../sessie';
import { voordeurApi } from '../voordeurApi';
import { AppLink } from './AppLink';
import { inlogPath } from './Beveiligd';

/** Sent on window when notifications were read elsewhere on the page, so the badge counts again. */
export const BERICHTEN_GEWIJZIGD = 'samenveilig:berichten';
const BERICHTEN_MS = 60_000;

/** "Berichten" with the number of unread notifications; asks again every minute and after reading. */
function BerichtenLink({ huidigPad, gebruikerId }: { huidigPad: string; gebruikerId: string }) {
  const [ongelezen, setOngelezen] = useState<number | null>(null);
  useEffect(() => {
    let actueel = true;
    const tel = () =>
      voordeurApi.aantalOngelezen().then(
        (n) => {
          if (actueel) setOngelezen(n.ongelezen);
        },
        () => undefined,
      );
    void tel();
    const timer = window.setInterval(() => void tel(), BERICHTEN_MS);
    window.addEventListener(BERICHTEN_GEWIJZIGD, tel);
    return () => {
      actueel = false;
      window.clearInterval(timer);
      window.removeEventListener(BERICHTEN_GEWIJZIGD, tel);
    };
  }, [gebruikerId, huidigPad]);
  return (
    <AppLink href="/meldingen-inbox" className="sv-account__link" aria-current={huidigPad === '/meldingen-inbox' ? 'page' : undefined}>
      Berichten
      {ongelezen ? (
        <span className="sv-badge">
          {ongelezen}
          <span className="sv-visually-hidden"> ongelezen</span>
        </span>
      ) : null}
    </AppLink>
  );
}

/** Under the header bar: who is logged in (name, organisation, role), "Mijn account" and "Uitloggen"; or "Inloggen". */
export function AccountBalk({ huidigPad }: { huidigPad: string }) {
  const { state, uitloggen } = useSessie();
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);

  if (state.status === 'laden' || state.status === 'fout') return null;

  if (state.status === 'uit' || state.status === 'onbekend') {
    if (huidigPad === '/inloggen') return null;
    return (
      <div className="sv-account">
        <div className="sv-container sv-account__content">
          <Paragraph className="sv-account__wie">Werkt u in de keten? Log in om dossiers te zien.</Paragraph>
          <AppLink href={inlogPath(huidigPad === '/' ? '/' : huidigPad)} className="sv-account__link">
            Inloggen
          </AppLink>
        </div>
      </div>
    );
  }

  const { sessie } = state;
  const doeUitloggen = async () => {
    setBezig(true);
    setFout(null);
    try {
      await uitloggen();
      navigate('/inloggen');
    } catch (error) {
      setFout(error instanceof ApiError ? error.message : 'Uitloggen is niet gelukt. Probeer het opnieuw.');
    } finally {
      setBezig(false);
    }
  };

  return (
    <div className="sv-account">
      <div className="sv-container sv-account__content">
        <Paragraph className="sv-account__wie">
          <span className="sv-visually-hidden">Ingelogd als </span>
          <strong>{sessie.gebruiker.naam}</strong>
          <span className="sv-account__rol">
            {rollenTekst(sessie.rollen)}
            {sessie.organisatie ? ` · ${sessie.organisatie.naam}` : ''}
            {sessie.team ? ` (${sessie.team.naam})` : ''}
          </span>
        </Paragraph>
        <div className="sv-account__acties">
          <BerichtenLink huidigPad={huidigPad} gebruikerId={sessie.gebruiker.id} />
          <AppLink href="/account" className="sv-account__link" aria-current={huidigPad === '/account' ? 'page' : undefined}>
            Mijn account
          </AppLink>
          <Button type="button" appearance="secondary-action-button" onClick={doeUitloggen} busy={bezig}>
            Uitloggen
          </Button>
        </div>
      </div>
      {fout ? (
        <div className="sv-container">
          <Alert type="error" role="alert" className="sv-alert">
            <Paragraph>
              <strong>Uitloggen is niet gelukt.</strong> {fout}
            </Paragraph>
          </Alert>
        </div>
      ) : null}
    </div>
  );
}
