import { Alert, Button, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, authApi, type Installatie } from '../api';
import { AppLink } from '../components/AppLink';
import { veiligTerugPad } from '../components/Beveiligd';
import { Laden } from '../components/Status';
import { focusOp, Tekstveld } from '../components/Velden';
import { rollenTekst } from '../rollen';
import { navigate, useSearch } from '../router';
import { useSessie, zetInlogVlag } from '../sessie';
import type { ApiState } from '../useApi';
import { usePageTitle } from '../usePageTitle';

const MELDINGEN = {
  verlopen: 'Uw sessie is verlopen of beëindigd. Log opnieuw in om verder te gaan.',
  uitgelogd: 'U bent uitgelogd.',
  'overal-uitgelogd': 'U bent uitgelogd op alle apparaten en in alle browsers.',
} as const;

/** The server sends the browser back to /inloggen?fout=… when single sign-on did not work. */
const SSO_FOUTEN: Record<string, string> = {
  sso: 'Inloggen met single sign-on is niet gelukt. Probeer het opnieuw, of log in met uw e-mailadres en wachtwoord.',
  'sso-onbekend':
    'U kunt niet inloggen met single sign-on: er is in Samen Veilig geen actief account voor u. Vraag de functioneel beheerder van uw organisatie om een account.',
};

function foutTekst(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Er ging iets mis bij het inloggen. Probeer het opnieuw.';
}

function WachtwoordStap({ onVerder, sso }: { onVerder: (ingelogd: boolean) => void; sso: boolean }) {
  const { ingelogd } = useSessie();
  const [email, setEmail] = useState('');
  const [wachtwoord, setWachtwoord] = useState('');
  const [fouten, setFouten] = useState<{ email?: string; wachtwoord?: string }>({});
  const [serverFout, setServerFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);

  const verstuur = async (event: FormEvent) => {
    event.preventDefault();
    if (bezig) return;
    const nieuw: typeof fouten = {};
    if (!email.trim()) nieuw.email = 'Vul uw e-mailadres in.';
    if (!wachtwoord) nieuw.wachtwoord = 'Vul uw wachtwoord in.';
    setFouten(nieuw);
    setServerFout(null);
    if (nieuw.email) return focusOp('inloggen-email');
    if (nieuw.wachtwoord) return focusOp('inloggen-wachtwoord');

    setBezig(true);
    try {
      const antwoord = await authApi.inloggen(email.trim(), wachtwoord);
      if (antwoord.status === 'ingelogd') {
        ingelogd(antwoord.sessie);
        onVerder(true);
      } else {
        // Remember that a half-finished login may exist, so a reload shows the code step again.
        zetInlogVlag(true);
        onVerder(false);
      }
    } catch (error) {
      setServerFout(foutTekst(error));
      setWachtwoord('');
      focusOp('inloggen-fout');
    } finally {
      setBezig(false);
    }
  };

  return (
    <>
      <Heading level={2}>Stap 1 van 2: e-mailadres en wachtwoord</Heading>
      {serverFout ? (
        <Alert type="error" role="alert" className="sv-alert" id="inloggen-fout" tabIndex={-1}>
          <Paragraph>
            <strong>Inloggen is niet gelukt.</strong> {serverFout}
          </Paragraph>
        </Alert>
      ) : null}
      <form className="sv-form" noValidate onSubmit={verstuur}>
        <Tekstveld
          id="inloggen-email"
          label="E-mailadres"
          type="email"
          autoComplete="username"
          spellCheck={false}
          verplicht
          waarde={email}
          onWijzig={setEmail}
          fout={fouten.email}
        />
        <Tekstveld
          id="inloggen-wachtwoord"
          label="Wachtwoord"
          type="password"
          autoComplete="current-password"
          verplicht
          waarde={wachtwoord}
          onWijzig={setWachtwoord}
          fout={fouten.wachtwoord}
        />
        <div className="sv-form__acties">
          <Button type="submit" appearance="primary-action-button" busy={bezig} aria-disabled={bezig || undefined}>
            {bezig ? 'Bezig met inloggen…' : 'Inloggen'}
          </Button>
        </div>
      </form>
      {sso ? (
        <Paragraph className="sv-sso">
          Werkt uw organisatie met één account voor alle systemen?{' '}
          <Link href="/api/v1/auth/oidc/start" onClick={() => zetInlogVlag(true)}>
            Inloggen met single sign-on
          </Link>
        </Paragraph>
      ) : null}
    </>
  );
}

function CodeStap({ onKlaar, onOpnieuw }: { onKlaar: () => void; onOpnieuw: () => void }) {
  const { ingelogd } = useSessie();
  const [code, setCode] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);

  useEffect(() => {
    focusOp('inloggen-code');
  }, []);

  const verstuur = async (event: FormEvent) => {
    event.preventDefault();
    if (bezig) return;
    const schoon = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(schoon)) {
      setFout('Vul de code van 6 cijfers in uit de authenticator-app op uw telefoon.');
      return focusOp('inloggen-code');
    }
    setFout(null);
    setBezig(true);
    try {
      const antwoord = await authApi.tweedeFactor(schoon);
      ingelogd(antwoord.sessie);
      onKlaar();
    } catch (error) {
      setFout(foutTekst(error));
      setCode('');
      focusOp('inloggen-code');
    } finally {
      setBezig(false);
    }
  };

  return (
    <>
      <Heading level={2}>Stap 2 van 2: code uit uw app</Heading>
      <Paragraph>
        Open de authenticator-app op uw telefoon (bijvoorbeeld Microsoft Authenticator of Google Authenticator). Vul de
        code van 6 cijfers in die de app nu laat zien. De code verandert elke 30 seconden.
      </Paragraph>
      <form className="sv-form" noValidate onSubmit={verstuur}>
        <Tekstveld
          id="inloggen-code"
          label="Code van 6 cijfers"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          spellCheck={false}
          className="sv-veld--kort"
          verplicht
          waarde={code}
          onWijzig={setCode}
          fout={fout}
        />
        <div className="sv-form__acties">
          <Button type="submit" appearance="primary-action-button" busy={bezig} aria-disabled={bezig || undefined}>
            {bezig ? 'Bezig met controleren…' : 'Code controleren'}
          </Button>
          <Button type="button" appearance="subtle-button" onClick={onOpnieuw}>
            Opnieuw beginnen
          </Button>
        </div>
      </form>
    </>
  );
}

export function InloggenPage({ installatie }: { installatie: ApiState<Installatie> }) {
  usePageTitle('Inloggen');
  const { state } = useSessie();
  const search = useSearch();
  const params = new URLSearchParams(search);
  const terug = veiligTerugPad(params.get('terug'));
  const ssoFout = SSO_FOUTEN[params.get('fout') ?? ''] ?? null;
  const [stap, setStap] = useState<'wachtwoord' | 'code' | null>(null);
  const klaar = useRef(false);

  // Reloaded between the two steps: the server still knows the password was right.
  const huidigeStap = stap ?? (state.status === 'uit' && state.reden === 'tweede-factor-nodig' ? 'code' : 'wachtwoord');

  const naarTerug = () => {
    klaar.current = true;
    navigate(terug, { replace: true });
  };

  if (state.status === 'laden') {
    return (
      <>
        <Heading level={1}>Inloggen</Heading>
        <Laden wat="inloggegevens" />
      </>
    );
  }

  if (state.status === 'in' && !klaar.current) {
    const { sessie } = state;
    return (
      <>
        <Heading level={1}>Inloggen</Heading>
        <Paragraph>
          U bent al ingelogd als {sessie.gebruiker.naam} ({rollenTekst(sessie.rollen)}
          {sessie.organisatie ? `, ${sessie.organisatie.naam}` : ''}).
        </Paragraph>
        <Paragraph>
          <AppLink href={terug}>{terug === '/' ? 'Ga naar de startpagina' : 'Ga verder naar de pagina die u wilde openen'}</AppLink>
        </Paragraph>
      </>
    );
  }

  const melding = state.status === 'uit' && state.reden && state.reden !== 'tweede-factor-nodig' ? MELDINGEN[state.reden] : null;
  const sso = installatie.status === 'klaar' && installatie.data.sso === true;

  return (
    <>
      <Heading level={1}>Inloggen</Heading>
      {ssoFout && huidigeStap === 'wachtwoord' ? (
        <Alert type="error" className="sv-alert">
          <Paragraph>{ssoFout}</Paragraph>
        </Alert>
      ) : null}
      {melding && huidigeStap === 'wachtwoord' ? (
        <Alert type={state.status === 'uit' && state.reden === 'verlopen' ? 'warning' : 'ok'} role="status" className="sv-alert">
          <Paragraph>{melding}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph className="sv-intro">
        Samen Veilig bevat gevoelige gegevens. Daarom logt u in twee stappen: eerst met uw e-mailadres en wachtwoord,
        daarna met een code uit de authenticator-app op uw telefoon.
      </Paragraph>
      {huidigeStap === 'wachtwoord' ? (
        <WachtwoordStap sso={sso} onVerder={(ingelogd) => (ingelogd ? naarTerug() : setStap('code'))} />
      ) : (
        <CodeStap
          onKlaar={naarTerug}
          onOpnieuw={() => {
            setStap('wachtwoord');
            focusOp('inloggen-email');
          }}
        />
      )}
      <Paragraph className="sv-bron">
        Wachtwoord vergeten, of geen toegang meer tot uw app? Neem contact op met de functioneel beheerder van uw
        organisatie. Na te veel mislukte pogingen wordt uw account geblokkeerd; de functioneel beheerder kan de blokkade
        opheffen.
      </Paragraph>
    </>
  );
}
