import { Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { api, type Regio } from '../api';
import { AppLink } from '../components/AppLink';
import { Foutmelding, Laden } from '../components/Status';
import { formatAantal } from '../format';
import { regioPath } from '../router';
import { useApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';

export function totaalInwoners(regio: Regio): number {
  return regio.gemeenten.reduce((sum, g) => sum + g.inwoners, 0);
}

function RegioKaart({ regio }: { regio: Regio }) {
  return (
    <li className="sv-card">
      <Heading level={3} className="sv-card__title">
        <AppLink href={regioPath(regio.id)} className="sv-card__link">
          {regio.naam}
        </AppLink>
      </Heading>
      <dl className="sv-facts">
        <div className="sv-facts__item">
          <dt>Centrumgemeente</dt>
          <dd>{regio.centrumgemeente.naam}</dd>
        </div>
        <div className="sv-facts__item">
          <dt>Gemeenten</dt>
          <dd>{formatAantal(regio.gemeenten.length)}</dd>
        </div>
        <div className="sv-facts__item">
          <dt>Inwoners</dt>
          <dd>{formatAantal(totaalInwoners(regio))}</dd>
        </div>
        <div className="sv-facts__item">
          <dt>Adviezen</dt>
          <dd>{formatAantal(regio.totalen.adviezen)}</dd>
        </div>
        <div className="sv-facts__item">
          <dt>Meldingen</dt>
          <dd>{formatAantal(regio.totalen.meldingen)}</dd>
        </div>
      </dl>
    </li>
  );
}

export function HomePage() {
  usePageTitle('Samen Veilig');
  const regios = useApi('regios', () => api.regios());

  return (
    <>
      <Heading level={1}>Samen Veilig</Heading>
      <Paragraph appearance="lead" className="sv-intro">
        Samen Veilig is open-source software voor de regionale aanpak van huiselijk geweld en kindermishandeling. Veilig
        Thuis, lokale teams, politie en gemeenten werken er samen in. Het uitgangspunt is: één huishouden, één plan, één
        regisseur. Zo weet iedereen in de keten wie wat doet, en hoeft een gezin zijn verhaal niet steeds opnieuw te
        vertellen.
      </Paragraph>

      <div className="sv-noodblok">
        <Heading level={2}>Zorgen over geweld thuis?</Heading>
        <Paragraph>
          Is er nu direct gevaar? Bel <Link href="tel:112">112</Link>. Wilt u praten? Bel Veilig Thuis: <Link href="tel:08002000">0800-2000</Link> (gratis, dag
          en nacht).
        </Paragraph>
        <Paragraph>
          <AppLink href="/melden">Meld uw zorgen of vraag advies aan Veilig Thuis</AppLink>
        </Paragraph>
      </div>

      <div className="sv-section">
        <Heading level={2}>
          Regio’s
        </Heading>
        <Paragraph>
          Per regio ziet u hoeveel gemeenten en inwoners er zijn, en hoeveel adviezen en meldingen Veilig Thuis heeft
          vastgelegd. Dit zijn alleen totalen: op deze pagina staan geen gegevens over personen.
        </Paragraph>
        {regios.status === 'laden' ? <Laden wat="regio’s" /> : null}
        {regios.status === 'fout' ? <Foutmelding error={regios.error} /> : null}
        {regios.status === 'klaar' && regios.data.length === 0 ? (
          <Paragraph>Er zijn nog geen regio’s ingesteld.</Paragraph>
        ) : null}
        {regios.status === 'klaar' && regios.data.length > 0 ? (
          <ul className="sv-cards">
            {regios.data.map((regio) => (
              <RegioKaart key={regio.id} regio={regio} />
            ))}
          </ul>
        ) : null}
      </div>
    </>
  );
}
