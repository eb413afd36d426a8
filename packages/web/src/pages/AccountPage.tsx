import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { ApiError, type Sessie } from '../api';
import { AppLink } from '../components/AppLink';
import { Beveiligd } from '../components/Beveiligd';
import { formatDatumTijd } from '../format';
import { rolNaam } from '../rollen';
import { dossierPath, navigate } from '../router';
import { useSessie } from '../sessie';
import { usePageTitle } from '../usePageTitle';

function AccountInhoud({ sessie }: { sessie: Sessie }) {
  const { uitloggen } = useSessie();
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const noodtoegang = sessie.breakGlass.filter((b) => new Date(b.tot).getTime() > Date.now());

  const overalUitloggen = async () => {
    setBezig(true);
    setFout(null);
    try {
      await uitloggen(true);
      navigate('/inloggen');
    } catch (error) {
      setFout(error instanceof ApiError ? error.message : 'Uitloggen is niet gelukt. Probeer het opnieuw.');
    } finally {
      setBezig(false);
    }
  };

  return (
    <>
      <dl className="sv-gegevens">
        <div className="sv-gegevens__item">
          <dt>Naam</dt>
          <dd>{sessie.gebruiker.naam}</dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>E-mailadres</dt>
          <dd>{sessie.gebruiker.email}</dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>{sessie.rollen.length === 1 ? 'Rol' : 'Rollen'}</dt>
          <dd>{sessie.rollen.length > 0 ? sessie.rollen.map(rolNaam).join(', ') : 'Geen rol'}</dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>Organisatie</dt>
          <dd>{sessie.organisatie ? sessie.organisatie.naam : 'Geen organisatie'}</dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>Team</dt>
          <dd>{sessie.team ? sessie.team.naam : 'Geen team'}</dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>Regio</dt>
          <dd>{sessie.regio.naam}</dd>
        </div>
        <div className="sv-gegevens__item">
          <dt>Sessie verloopt</dt>
          <dd>
            <time dateTime={sessie.verlooptOp}>{formatDatumTijd(sessie.verlooptOp)}</time>
          </dd>
        </div>
      </dl>

      {noodtoegang.length > 0 ? (
        <>
          <Heading level={2}>Dossiers met noodtoegang</Heading>
          <Paragraph>U heeft nu noodtoegang tot deze dossiers. De privacy officer beoordeelt elke noodtoegang.</Paragraph>
          <ul className="sv-lijst">
            {noodtoegang.map((b) => (
              <li key={b.huishoudenId}>
                <AppLink href={dossierPath(b.huishoudenId)}>Dossier {b.huishoudenId}</AppLink> tot{' '}
                <time dateTime={b.tot}>{formatDatumTijd(b.tot)}</time>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <Heading level={2}>Overal uitloggen</Heading>
      <Paragraph className="sv-intro">
        Bent u ingelogd op een andere computer of telefoon, bijvoorbeeld op het werk, en weet u niet zeker of u daar bent
        uitgelogd? Of denkt u dat iemand anders uw account gebruikt? Log dan overal uit. Al uw sessies stoppen direct, ook
        deze. Denkt u dat iemand anders uw wachtwoord kent? Neem dan ook contact op met de functioneel beheerder.
      </Paragraph>
      {fout ? (
        <Alert type="error" role="alert" className="sv-alert">
          <Paragraph>
            <strong>Overal uitloggen is niet gelukt.</strong> {fout}
          </Paragraph>
        </Alert>
      ) : null}
      <div className="sv-form__acties">
        <Button type="button" appearance="secondary-action-button" hint="danger" onClick={overalUitloggen} busy={bezig}>
          Overal uitloggen
        </Button>
      </div>
    </>
  );
}

export function AccountPage() {
  usePageTitle('Mijn account');
  return (
    <>
      <Beveiligd>
        {(sessie) => (
          <>
            <Heading level={1}>Mijn account</Heading>
            <AccountInhoud sessie={sessie} />
          </>
        )}
      </Beveiligd>
    </>
  );
}
