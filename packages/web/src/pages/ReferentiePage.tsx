import { Heading, Paragraph } from '@utrecht/component-library-react';
import { api, type Geweldsvorm } from '../api';
import { Foutmelding, Laden } from '../components/Status';
import { useApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';

interface Groep {
  code: string;
  naam: string;
  omschrijving: string;
  vormen: Geweldsvorm[];
}

/** Groups forms under their category (a form whose `categorie` is null is itself a category). */
export function groepeerGeweldsvormen(alle: readonly Geweldsvorm[]): Groep[] {
  const groepen = new Map<string, Groep>();
  for (const vorm of alle) {
    if (vorm.categorie === null) groepen.set(vorm.code, { code: vorm.code, naam: vorm.naam, omschrijving: vorm.omschrijving, vormen: [] });
  }
  const overig: Geweldsvorm[] = [];
  for (const vorm of alle) {
    if (vorm.categorie === null) continue;
    const groep = groepen.get(vorm.categorie);
    if (groep) groep.vormen.push(vorm);
    else overig.push(vorm);
  }
  const result = [...groepen.values()];
  if (overig.length > 0) result.push({ code: 'overig', naam: 'Overige vormen', omschrijving: '', vormen: overig });
  return result;
}

function Geweldsvormen() {
  const vormen = useApi('geweldsvormen', () => api.geweldsvormen());
  if (vormen.status === 'laden') return <Laden wat="vormen van geweld" />;
  if (vormen.status === 'fout') return <Foutmelding error={vormen.error} />;
  const groepen = groepeerGeweldsvormen(vormen.data);
  if (groepen.length === 0) return <Paragraph>Er zijn nog geen vormen van geweld vastgelegd.</Paragraph>;
  return (
    <>
      {groepen.map((groep) => (
        <div key={groep.code} className="sv-group">
          <Heading level={3}>{groep.naam}</Heading>
          {groep.omschrijving ? <Paragraph>{groep.omschrijving}</Paragraph> : null}
          {groep.vormen.length > 0 ? (
            <dl className="sv-terms">
              {groep.vormen.map((vorm) => (
                <div key={vorm.code} className="sv-terms__item">
                  <dt>{vorm.naam}</dt>
                  <dd>{vorm.omschrijving || 'Geen omschrijving.'}</dd>
                </div>
              ))}
            </dl>
          ) : null}
        </div>
      ))}
    </>
  );
}

function Organisatietypen() {
  const typen = useApi('organisatietypen', () => api.organisatietypen());
  if (typen.status === 'laden') return <Laden wat="soorten organisaties" />;
  if (typen.status === 'fout') return <Foutmelding error={typen.error} />;
  if (typen.data.length === 0) return <Paragraph>Er zijn nog geen soorten organisaties vastgelegd.</Paragraph>;
  return (
    <dl className="sv-terms">
      {typen.data.map((type) => (
        <div key={type.code} className="sv-terms__item">
          <dt>{type.naam}</dt>
          <dd>{type.omschrijving || 'Geen omschrijving.'}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ReferentiePage() {
  usePageTitle('Referentiegegevens');
  return (
    <>
      <Heading level={1}>Referentiegegevens</Heading>
      <Paragraph appearance="lead">
        Hier staan de vaste lijsten die Samen Veilig gebruikt. Zo gebruikt iedereen in de keten dezelfde woorden.
      </Paragraph>

      <div className="sv-section">
        <Heading level={2}>Vormen van geweld</Heading>
        <Paragraph>De vormen van geweld zijn ingedeeld in groepen.</Paragraph>
        <Geweldsvormen />
      </div>

      <div className="sv-section">
        <Heading level={2}>Soorten organisaties</Heading>
        <Paragraph>Deze organisaties werken samen in de keten.</Paragraph>
        <Organisatietypen />
      </div>
    </>
  );
}
