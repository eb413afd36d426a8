/**
 * The veiligheidsplan as the household gets it on paper, in plain (B1) Dutch: what must be true, who does
 * what and when, what happens if not, who can help and who to call. It shows only what GET …/plan/afdruk
 * gives — first names, no organisation notes, no melder, no surnames or addresses — and nothing else.
 * The print stylesheet (styles.css, @media print) leaves out navigation and buttons.
 */
import { Button, Heading, Link, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { AppLink } from '../components/AppLink';
import { Beveiligd } from '../components/Beveiligd';
import { Foutmelding, Laden } from '../components/Status';
import { Tabel } from '../components/Tabel';
import { formatDatum } from '../format';
import { afspraakStatusB1, FASE_UITLEG, faseLabel } from '../labels';
import { planApi, type PlanAfdruk } from '../planApi';
import { DOSSIER_ROLLEN } from '../rollen';
import { planPath } from '../router';
import { useApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';

function namenTekst(namen: string[]): string {
  if (namen.length <= 1) return namen.join('');
  return `${namen.slice(0, -1).join(', ')} en ${namen[namen.length - 1]}`;
}

function Afdruk({ a }: { a: PlanAfdruk }) {
  const casus = a.regie.find((r) => r.soort === 'casusregisseur');
  const proces = a.regie.find((r) => r.soort === 'procesregisseur');
  return (
    <>
      <Paragraph className="sv-intro">
        {a.voornamen.length > 0 ? `Dit plan is van ${namenTekst(a.voornamen)}. ` : ''}
        We hebben het samen gemaakt, zodat iedereen veilig is. Gemaakt op {formatDatum(a.datum)} (versie {a.versie}).
      </Paragraph>

      <section className="sv-afdruk__deel" aria-labelledby="afdruk-fase">
        <Heading level={2} id="afdruk-fase">
          Waar staan we nu?
        </Heading>
        <Paragraph>
          <strong>{faseLabel(a.fase)}.</strong> {FASE_UITLEG[a.fase]}
        </Paragraph>
      </section>

      <section className="sv-afdruk__deel" aria-labelledby="afdruk-voorwaarden">
        <Heading level={2} id="afdruk-voorwaarden">
          Wat moet er altijd gelden?
        </Heading>
        {a.voorwaarden.length === 0 ? (
          <Paragraph>Hier staat nog niets.</Paragraph>
        ) : (
          <ol className="sv-afdruk__lijst">
            {a.voorwaarden.map((v, i) => (
              <li key={i}>
                <strong>{v.tekst}</strong>
                <br />
                Wie let hierop: {v.eigenaar}.
                {v.gevolg ? (
                  <>
                    <br />
                    Als dit niet lukt: {v.gevolg}
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="sv-afdruk__deel" aria-labelledby="afdruk-afspraken">
        <Heading level={2} id="afdruk-afspraken">
          Wie doet wat, en wanneer?
        </Heading>
        {a.afspraken.length === 0 ? (
          <Paragraph>Hier staat nog niets.</Paragraph>
        ) : (
          <Tabel titel="Onze afspraken" kolommen={['Wie', 'Wat', 'Klaar op', 'Gedaan?', 'Wat gebeurt er als het niet lukt?']}>
            {a.afspraken.map((x, i) => (
              <TableRow key={i}>
                <TableHeaderCell scope="row">{x.wie}</TableHeaderCell>
                <TableCell>{x.wat}</TableCell>
                <TableCell>{formatDatum(x.wanneer)}</TableCell>
                <TableCell>{afspraakStatusB1(x.status)}</TableCell>
                <TableCell>{x.gevolg}</TableCell>
              </TableRow>
            ))}
          </Tabel>
        )}
      </section>

      {a.doelen.length > 0 ? (
        <section className="sv-afdruk__deel" aria-labelledby="afdruk-doelen">
          <Heading level={2} id="afdruk-doelen">
            Waar werken we aan?
          </Heading>
          <ol className="sv-afdruk__lijst">
            {a.doelen.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ol>
        </section>
      ) : null}

      <section className="sv-afdruk__deel" aria-labelledby="afdruk-netwerk">
        <Heading level={2} id="afdruk-netwerk">
          Wie kan helpen?
        </Heading>
        {a.netwerk.length === 0 ? (
          <Paragraph>Hier staat nog niemand.</Paragraph>
        ) : (
          <Tabel titel="Mensen die helpen" kolommen={['Naam', 'Wie is dit?', 'Wat doet hij of zij?', 'Telefoon']}>
            {a.netwerk.map((n, i) => (
              <TableRow key={i}>
                <TableHeaderCell scope="row">{n.naam}</TableHeaderCell>
                <TableCell>{n.relatie}</TableCell>
                <TableCell>{n.rol}</TableCell>
                <TableCell>{n.telefoon ?? '–'}</TableCell>
              </TableRow>
            ))}
          </Tabel>
        )}
      </section>

      <section className="sv-afdruk__deel" aria-labelledby="afdruk-bellen">
        <Heading level={2} id="afdruk-bellen">
          Wie kunt u bellen?
        </Heading>
        {casus ? (
          <Paragraph>
            Uw vaste contactpersoon is <strong>{casus.naam}</strong> van {casus.organisatie}. E-mail: <Link href={`mailto:${casus.email}`}>{casus.email}</Link>
          </Paragraph>
        ) : null}
        {proces ? (
          <Paragraph>
            {proces.naam} van {proces.organisatie} helpt ook mee en houdt het overzicht. E-mail: <Link href={`mailto:${proces.email}`}>{proces.email}</Link>
          </Paragraph>
        ) : null}
        <Paragraph>
          Is er nu gevaar? Bel <strong>112</strong>.
        </Paragraph>
        <Paragraph>
          Wilt u praten of advies? Bel Veilig Thuis: <strong>0800-2000</strong> (gratis, dag en nacht).
        </Paragraph>
      </section>
    </>
  );
}

function AfdrukScherm({ id }: { id: string }) {
  const state = useApi(`afdruk:${id}`, () => planApi.afdruk(id));
  return (
    <div className="sv-afdruk">
      <Paragraph className="sv-back">
        <AppLink href={planPath(id)}>Terug naar het veiligheidsplan</AppLink>
      </Paragraph>
      <Heading level={1}>Ons veiligheidsplan</Heading>
      {state.status === 'klaar' ? (
        <div className="sv-knoppen sv-geen-print">
          <Button type="button" appearance="primary-action-button" onClick={() => window.print()}>
            Afdrukken
          </Button>
        </div>
      ) : null}
      {state.status === 'laden' ? <Laden wat="gegevens van het plan" /> : null}
      {state.status === 'fout' ? <Foutmelding error={state.error} titel="Het lukt niet om het plan te laden" /> : null}
      {state.status === 'klaar' ? <Afdruk a={state.data} /> : null}
    </div>
  );
}

export function PlanAfdrukPage({ id }: { id: string }) {
  usePageTitle('Veiligheidsplan afdrukken');
  return <Beveiligd rollen={DOSSIER_ROLLEN}>{() => <AfdrukScherm id={id} />}</Beveiligd>;
}
