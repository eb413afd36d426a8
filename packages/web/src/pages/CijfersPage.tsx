/**
 * The figures dashboard (issue 6, docs/cijfers.md): every figure for one area (the installation, the user's
 * region, or a gemeente of it) and one period, as a table; per group of figures line charts over the periods
 * and bars per gemeente (or per region), each with the same numbers in a table. The filters live in the URL
 * (?periode=2025&regio=…&gemeente=GM0200), so a link can be shared and "back" works. For aggregate-only roles
 * the server has already applied disclosure control: a hidden cell arrives as "klein" (<5), "geheim" (x) or
 * "nvt" (.), and is drawn as a gap in a line and as no bar.
 */
import {
  Alert,
  Button,
  Heading,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useId, useMemo, useState } from 'react';
import { api, type Regio, type Sessie } from '../api';
import { groepeer, kies, verdeelOverGrafieken, type CijferGroep } from '../cijferGroepen';
import {
  celTekst,
  celWaarde,
  cijferQuery,
  cijfersApi,
  TEKEN_UITLEG,
  TEKENS,
  type Cel,
  type CijferDefinitie,
  type CijferFilter,
  type Cijfers,
  type Eenheid,
  type ExportFormaat,
  type PeriodeSoort,
} from '../cijfersApi';
import { AppLink } from '../components/AppLink';
import { Beveiligd } from '../components/Beveiligd';
import { LijnGrafiek } from '../components/LijnGrafiek';
import { mooieSchaal } from '../components/schaal';
import { ScrollRegion } from '../components/ScrollRegion';
import { StaafGrafiek } from '../components/StaafGrafiek';
import { Foutmelding, Laden } from '../components/Status';
import { focusOp, Keuzelijst } from '../components/Velden';
import { formatCijfer, formatDatum, formatDatumTijd } from '../format';
import { andereSoort, laatsteVolledige, leesPeriode, looptNog, PERIODE_SOORTEN, periodeKeuzes, periodeKort, periodeNaam, periodeSleutel } from '../perioden';
import { CIJFER_ROLLEN } from '../rollen';
import { navigate, useSearch } from '../router';
import { useApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';

const KOP_ID = 'cijfers-kop';
/** The whole installation in the `regio` filter. */
const INSTALLATIE = 'nl';

export function cijfersPad(f: CijferFilter): string {
  return `/cijfers?${cijferQuery(f)}`;
}

/** The filters from the URL, with defaults: the user's region and the last complete year. */
function filterUitUrl(search: string, sessie: Sessie, nu: Date): CijferFilter {
  const q = new URLSearchParams(search);
  const periode = leesPeriode(q.get('periode')) ?? laatsteVolledige('jaar', nu);
  const regio = q.get('regio')?.trim() || sessie.regio.id;
  const gemeente = q.get('gemeente')?.trim() || null;
  return { periode: periodeSleutel(periode), regio, gemeente: regio === INSTALLATIE ? null : gemeente };
}

/* ---------------------------------------------------------------- the filters */

const gebiedWaarde = (f: CijferFilter) => (f.gemeente ? `gemeente:${f.gemeente}` : f.regio === INSTALLATIE ? INSTALLATIE : `regio:${f.regio}`);

function Filters({ filter, sessie, regios, nu }: { filter: CijferFilter; sessie: Sessie; regios: Regio[]; nu: Date }) {
  const [gebied, setGebied] = useState(gebiedWaarde(filter));
  const [periode, setPeriode] = useState(filter.periode);
  const gekozen = leesPeriode(periode) ?? laatsteVolledige('jaar', nu);

  const eigen = regios.find((r) => r.id === sessie.regio.id);
  const gemeenten = [...(eigen?.gemeenten ?? [])].sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
  const keuzes = [
    { waarde: INSTALLATIE, label: 'Alle regio’s in Samen Veilig' },
    { waarde: `regio:${sessie.regio.id}`, label: `Regio ${sessie.regio.naam}` },
    ...gemeenten.map((g) => ({ waarde: `gemeente:${g.code}`, label: `Gemeente ${g.naam}` })),
  ];
  // An area reached through a link (another region, a gemeente outside the list) stays choosable.
  if (!keuzes.some((k) => k.waarde === gebied)) {
    const [soort, code] = gebied.split(':');
    const naam =
      soort === 'regio'
        ? `Regio ${regios.find((r) => r.id === code)?.naam ?? code}`
        : `Gemeente ${regios.flatMap((r) => r.gemeenten).find((g) => g.code === code)?.naam ?? code}`;
    keuzes.push({ waarde: gebied, label: naam });
  }

  const toon = () => {
    const [soort, code] = gebied.split(':');
    const regio =
      soort === 'gemeente'
        ? (regios.find((r) => r.gemeenten.some((g) => g.code === code))?.id ?? (filter.regio === INSTALLATIE ? sessie.regio.id : filter.regio))
        : soort === 'regio'
          ? code!
          : INSTALLATIE;
    navigate(cijfersPad({ periode, regio, gemeente: soort === 'gemeente' ? code! : null }));
  };

  return (
    <form
      className="sv-form sv-form--breed sv-cijfers__filters"
      aria-label="Keuze van gebied en periode"
      onSubmit={(e) => {
        e.preventDefault();
        toon();
      }}
    >
      <div className="sv-velden-rij">
        <Keuzelijst id="cijfers-gebied" label="Gebied" verplicht waarde={gebied} onWijzig={setGebied} keuzes={keuzes} />
        <Keuzelijst
          id="cijfers-soort"
          label="Soort periode"
          verplicht
          waarde={gekozen.soort}
          onWijzig={(soort) => setPeriode(periodeSleutel(andereSoort(gekozen, soort as PeriodeSoort, nu)))}
          keuzes={PERIODE_SOORTEN}
        />
        <Keuzelijst id="cijfers-periode" label="Periode" verplicht waarde={periode} onWijzig={setPeriode} keuzes={periodeKeuzes(gekozen.soort, nu)} />
      </div>
      <div className="sv-form__acties">
        <Button type="submit" appearance="primary-action-button">
          Cijfers tonen
        </Button>
      </div>
    </form>
  );
}

/* ---------------------------------------------------------------- signs and notes */

function Tekens({ data }: { data: Cijfers }) {
  const statussen = data.beschermd ? (['klein', 'geheim', 'nvt'] as const) : (['nvt'] as const);
  return (
    <div className="sv-tekens">
      <Paragraph>
        <strong>Tekens in de tabellen</strong>
      </Paragraph>
      <ul className="sv-lijst sv-tekens__lijst">
        {statussen.map((s) => (
          <li key={s}>
            <span className="sv-teken">{TEKENS[s]}</span>: {TEKEN_UITLEG[s]}
          </li>
        ))}
      </ul>
      {data.beschermd ? (
        <Paragraph>
          U ziet alleen totalen. Kleine aantallen zijn afgeschermd, zodat niemand in de cijfers te herkennen is.
          {data.afronden ? ' Aantallen zijn afgerond op vijftallen; totalen zijn apart afgerond en tellen daardoor niet altijd precies op.' : ''}
        </Paragraph>
      ) : null}
      <Paragraph>In een grafiek is een cijfer dat niet getoond wordt een onderbreking in de lijn of een ontbrekende staaf.</Paragraph>
    </div>
  );
}

/** The first day after the period plus 12 months: from then on the period's recidivism is known. */
function recidiveBekendVanaf(tot: string): string {
  const dag = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/Amsterdam' }).format(new Date(tot));
  const [jaar, maand, d] = dag.split('-');
  return formatDatum(`${Number(jaar) + 1}-${maand}-${d}`);
}

function GroepNoten({ groep, data }: { groep: CijferGroep; data: Cijfers }) {
  const nvt = (code: string) => data.totaal[code]?.status === 'nvt';
  if (groep.id === 'recidive' && nvt('pct-recidive')) {
    return (
      <Alert type="info" className="sv-alert">
        <Paragraph>
          Voor {data.periode.naam} is dit nog niet bekend. Een huishouden kan tot 12 maanden na de start van de hulp opnieuw gemeld worden. Dit cijfer komt er
          daarom pas vanaf {recidiveBekendVanaf(data.periode.tot)}. Kies een eerdere periode om het wel te zien.
        </Paragraph>
      </Alert>
    );
  }
  if (groep.id === 'beoordeling' && nvt('huisverbod-beoordelingen')) {
    return (
      <Paragraph>
        Beoordelingen van tijdelijke huisverboden legt Samen Veilig nog niet vast. Daarom staat daar een punt (.): het aantal is nog niet bekend.
      </Paragraph>
    );
  }
  return null;
}

/* ---------------------------------------------------------------- the table of all figures */

function AlleCijfers({ data, groepen }: { data: Cijfers; groepen: ReturnType<typeof groepeer> }) {
  const captionId = useId();
  const index = data.reeks.findIndex((r) => r.periode === data.periode.sleutel);
  const vorige = index > 0 ? data.reeks[index - 1] : undefined;
  return (
    <ScrollRegion labelledBy={captionId}>
      <Table className="sv-table sv-cijfertabel">
        <TableCaption id={captionId} className="sv-table__caption">
          Alle cijfers: {data.gebied.naam}, {data.periode.naam}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Cijfer</TableHeaderCell>
            <TableHeaderCell scope="col" className="sv-num">
              {data.periode.naam}
            </TableHeaderCell>
            {vorige ? (
              <TableHeaderCell scope="col" className="sv-num">
                {vorige.naam}
                <span className="sv-visually-hidden"> (de periode ervoor)</span>
              </TableHeaderCell>
            ) : null}
          </TableRow>
        </TableHeader>
        {groepen.map(({ groep, definities }) => (
          <TableBody key={groep.id}>
            <TableRow className="sv-cijfertabel__groep">
              <TableHeaderCell scope="rowgroup" colSpan={vorige ? 3 : 2}>
                {groep.titel}
              </TableHeaderCell>
            </TableRow>
            {definities.map((d) => (
              <TableRow key={d.code}>
                <TableHeaderCell scope="row">{d.naam}</TableHeaderCell>
                <TableCell className="sv-num">{celTekst(data.totaal[d.code], d.eenheid)}</TableCell>
                {vorige ? <TableCell className="sv-num">{celTekst(vorige.cijfers[d.code], d.eenheid)}</TableCell> : null}
              </TableRow>
            ))}
          </TableBody>
        ))}
      </Table>
    </ScrollRegion>
  );
}

/* ---------------------------------------------------------------- charts */

function schaalVoor(eenheid: Eenheid, waarden: (number | null)[]) {
  const max = Math.max(0, ...waarden.filter((v): v is number => v !== null));
  if (eenheid === 'procent') return { min: 0, max: 100, stappen: [0, 25, 50, 75, 100] };
  return mooieSchaal(max, { geheel: eenheid === 'aantal' });
}

const asTekst = (eenheid: Eenheid) => (v: number) => (eenheid === 'procent' ? `${v}%` : formatCijfer(v));
const eenheidNaam = (eenheid: Eenheid) => (eenheid === 'procent' ? 'Procent' : eenheid === 'uren' ? 'Uren' : 'Aantal');
const namen = (defs: CijferDefinitie[]) => defs.map((d) => d.naam.replace(/ \(%\)$/, '')).join('; ');

function Lijnen({ titel, definities, data }: { titel: string; definities: CijferDefinitie[]; data: Cijfers }) {
  const eenheid = definities[0]!.eenheid;
  const punten = data.reeks;
  const reeksen = definities.map((d) => ({ naam: d.naam, waarden: punten.map((p) => celWaarde(p.cijfers[d.code])) }));
  const schaal = schaalVoor(
    eenheid,
    reeksen.flatMap((r) => r.waarden),
  );
  const verborgen = reeksen.some((r) => r.waarden.some((v) => v === null));
  const eerste = punten[0]!;
  const laatste = punten[punten.length - 1]!;
  return (
    <LijnGrafiek
      titel={titel}
      beschrijving={`Lijngrafiek van ${eerste.naam} tot en met ${laatste.naam} met een lijn per cijfer: ${namen(definities)}.${verborgen ? ' Waar een cijfer niet getoond wordt, is de lijn onderbroken.' : ''} De tabel hieronder geeft dezelfde cijfers.`}
      xLabels={punten.map((p) => periodeKort(p.periode))}
      reeksen={reeksen}
      yMin={schaal.min}
      yMax={schaal.max}
      yStappen={schaal.stappen}
      yTekst={asTekst(eenheid)}
      yTitel={eenheidNaam(eenheid)}
      tabelTitel={`${titel}: ${data.gebied.naam}`}
      eersteKolom="Cijfer"
      cel={(_, r, p) => celTekst(punten[p]!.cijfers[definities[r]!.code], eenheid)}
    />
  );
}

function DeelLink({ data, deel }: { data: Cijfers; deel: Cijfers['delen'][number] }) {
  const filter: CijferFilter =
    deel.soort === 'gemeente'
      ? { periode: data.periode.sleutel, regio: data.gebied.soort === 'regio' ? data.gebied.code : INSTALLATIE, gemeente: deel.code }
      : { periode: data.periode.sleutel, regio: deel.code, gemeente: null };
  return (
    <AppLink href={cijfersPad(filter)} onClick={() => focusOp(KOP_ID)}>
      {deel.naam}
      <span className="sv-visually-hidden">: alle cijfers van {deel.soort === 'gemeente' ? 'deze gemeente' : 'deze regio'}</span>
    </AppLink>
  );
}

function PerDeel({ groep, definities, data }: { groep: CijferGroep; definities: CijferDefinitie[]; data: Cijfers }) {
  const [code, setCode] = useState(definities.some((d) => d.code === groep.perDeel) ? groep.perDeel : definities[0]!.code);
  const d = definities.find((x) => x.code === code) ?? definities[0]!;
  const soort = data.delen[0]!.soort;
  const perWat = soort === 'gemeente' ? 'per gemeente' : 'per regio';
  const delen = [...data.delen].sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
  const staven = delen.map((deel) => ({
    naam: deel.naam,
    waarde: celWaarde(deel.cijfers[d.code]),
    tekst: celTekst(deel.cijfers[d.code], d.eenheid),
    kop: <DeelLink data={data} deel={deel} />,
  }));
  const schaal = schaalVoor(
    d.eenheid,
    staven.map((s) => s.waarde),
  );
  const verborgen = staven.filter((s) => s.waarde === null).length;
  const keuzeId = `cijfers-${groep.id}-per-deel`;
  const titel = `${d.naam.replace(/ \(%\)$/, '')} ${perWat}, ${data.periode.naam}`;
  return (
    <>
      <form className="sv-form sv-form--inline" onSubmit={(e) => e.preventDefault()} aria-label={`Cijfer ${perWat}: ${groep.titel.toLowerCase()}`}>
        <Keuzelijst
          id={keuzeId}
          label={`Cijfer ${perWat}`}
          uitleg="De grafiek en de tabel eronder veranderen meteen."
          verplicht
          waarde={d.code}
          onWijzig={setCode}
          keuzes={definities.map((x) => ({ waarde: x.code, label: x.naam }))}
        />
      </form>
      <StaafGrafiek
        titel={titel}
        beschrijving={`Staafgrafiek met een staaf ${perWat} in ${data.gebied.naam}: ${d.naam}.${verborgen > 0 ? ` Bij ${verborgen} van de ${staven.length} staat geen staaf, omdat het cijfer niet getoond wordt.` : ''} De tabel hieronder geeft dezelfde cijfers; kies daar een ${soort} om alle cijfers ervan te zien.`}
        staven={staven}
        max={schaal.max}
        stappen={schaal.stappen}
        xTekst={asTekst(d.eenheid)}
        tabelTitel={titel}
        eersteKolom={soort === 'gemeente' ? 'Gemeente' : 'Regio'}
        waardeKolom={d.naam}
        onderschrift={
          <Paragraph className="sv-opslag">
            {data.gebied.naam} als geheel: {celTekst(data.totaal[d.code], d.eenheid)}. Kies een {soort} in de tabel om alle cijfers ervan te zien.
          </Paragraph>
        }
      />
    </>
  );
}

/** "Melder: beroepskracht, onderwijs" → "Onderwijs" when every part starts with "Melder: beroepskracht, ". */
function zonderVoorvoegsel(naam: string, alle: CijferDefinitie[]): string {
  const komma = naam.lastIndexOf(', ');
  const voor = komma > 0 ? naam.slice(0, komma + 2) : '';
  if (!voor || alle.length < 2 || !alle.every((d) => d.naam.startsWith(voor))) return naam;
  const rest = naam.slice(voor.length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

function Verdeling({ titel, definities, data }: { titel: string; definities: CijferDefinitie[]; data: Cijfers }) {
  const eenheid = definities[0]!.eenheid;
  const staven = definities.map((d) => ({ naam: zonderVoorvoegsel(d.naam, definities), waarde: celWaarde(data.totaal[d.code]), tekst: celTekst(data.totaal[d.code], eenheid) }));
  const schaal = schaalVoor(
    eenheid,
    staven.map((s) => s.waarde),
  );
  const volledig = `${titel}: ${data.gebied.naam}, ${data.periode.naam}`;
  return (
    <StaafGrafiek
      titel={volledig}
      beschrijving={`Staafgrafiek met een staaf per onderdeel: ${namen(definities)}. De tabel hieronder geeft dezelfde cijfers.`}
      staven={staven}
      max={schaal.max}
      stappen={schaal.stappen}
      xTekst={asTekst(eenheid)}
      tabelTitel={volledig}
      eersteKolom="Onderdeel"
      waardeKolom={data.periode.naam}
    />
  );
}

function Groep({ groep, definities, data }: { groep: CijferGroep; definities: CijferDefinitie[]; data: Cijfers }) {
  const kopId = `cijfers-${groep.id}`;
  const grafieken = groep.lijnen.flatMap((l) => {
    const stukken = verdeelOverGrafieken(kies(l.codes, definities));
    return stukken.map((defs, i) => ({ titel: stukken.length > 1 ? `${l.titel} (${i + 1} van ${stukken.length})` : l.titel, defs }));
  });
  const verdeling = groep.verdeling ? kies(groep.verdeling.codes, definities) : [];
  return (
    <section className="sv-section sv-cijfergroep" aria-labelledby={kopId}>
      <Heading level={2} id={kopId}>
        {groep.titel}
      </Heading>
      <Paragraph className="sv-intro">{groep.uitleg}</Paragraph>
      <GroepNoten groep={groep} data={data} />
      {data.reeks.length > 0
        ? grafieken.map((g) => (
            <div key={g.titel}>
              <Heading level={3}>{g.titel}</Heading>
              <Lijnen titel={g.titel} definities={g.defs} data={data} />
            </div>
          ))
        : null}
      {verdeling.length > 0 && groep.verdeling ? (
        <>
          <Heading level={3}>{groep.verdeling.titel}</Heading>
          <Verdeling titel={groep.verdeling.titel} definities={verdeling} data={data} />
        </>
      ) : null}
      {data.delen.length > 0 ? (
        <>
          <Heading level={3}>{data.delen[0]!.soort === 'gemeente' ? 'Per gemeente' : 'Per regio'}</Heading>
          <PerDeel groep={groep} definities={definities} data={data} />
        </>
      ) : null}
    </section>
  );
}

/* ---------------------------------------------------------------- export */

const EXPORTS: { formaat: ExportFormaat; label: string; uitleg: string }[] = [
  { formaat: 'csv', label: 'CSV-bestand', uitleg: 'voor Excel en andere rekenprogramma’s, met puntkomma’s' },
  { formaat: 'xlsx', label: 'Excel-bestand (.xlsx)', uitleg: 'opent direct in Excel' },
  { formaat: 'cbs', label: 'CBS-formaat (CSV)', uitleg: 'één regel per gebied, periode en cijfer, zoals het CBS het vraagt' },
];

function Downloaden({ filter, data }: { filter: CijferFilter; data: Cijfers }) {
  return (
    <section className="sv-section" aria-labelledby="cijfers-downloaden">
      <Heading level={2} id="cijfers-downloaden">
        Cijfers downloaden
      </Heading>
      <Paragraph>
        Met de keuze van nu: {data.gebied.naam}, {data.periode.naam}
        {data.delen.length > 0 ? `, met de cijfers ${data.delen[0]!.soort === 'gemeente' ? 'per gemeente' : 'per regio'}` : ''}.
        {data.beschermd ? ' Ook in de bestanden zijn kleine aantallen afgeschermd.' : ''}
      </Paragraph>
      <ul className="sv-lijst">
        {EXPORTS.map((e) => (
          <li key={e.formaat}>
            <Link href={cijfersApi.exportUrl(e.formaat, filter)} download>
              {e.label}
            </Link>{' '}
            <span className="sv-optioneel">({e.uitleg})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/* ---------------------------------------------------------------- the page */

function Inhoud({ data, filter }: { data: Cijfers; filter: CijferFilter }) {
  const groepen = groepeer(data.definities);
  const gekozen = leesPeriode(data.periode.sleutel);
  const nu = new Date();
  const leeg =
    data.definities.length === 0 ||
    ['adviezen', 'meldingen'].every((c) => {
      const cel: Cel | undefined = data.totaal[c];
      return cel === undefined || (cel.status === 'zichtbaar' && cel.waarde === 0);
    });
  return (
    <>
      <Paragraph className="sv-opslag">
        Bijgewerkt tot {formatDatumTijd(data.bijgewerktOp)}.
        {gekozen && looptNog(gekozen, nu) ? ` ${periodeNaam(gekozen)} loopt nog: de cijfers kunnen nog veranderen.` : ''}
      </Paragraph>
      {data.gebied.soort === 'gemeente' && filter.regio !== INSTALLATIE ? (
        <Paragraph>
          <AppLink href={cijfersPad({ periode: filter.periode, regio: filter.regio, gemeente: null })} onClick={() => focusOp(KOP_ID)}>
            Terug naar de cijfers van de hele regio
          </AppLink>
        </Paragraph>
      ) : null}
      <Tekens data={data} />
      {leeg ? (
        <Alert type="info" className="sv-alert">
          <Paragraph>
            In {data.periode.naam} zijn er in {data.gebied.naam} geen adviezen of meldingen geregistreerd. Kies een ander gebied of een andere periode.
          </Paragraph>
        </Alert>
      ) : null}

      <nav className="sv-toc" aria-labelledby="cijfers-inhoud-kop">
        <Heading level={2} id="cijfers-inhoud-kop">
          Op deze pagina
        </Heading>
        <ul className="sv-toc__list">
          <li>
            <a href="#cijfers-alle">Alle cijfers in één tabel</a>
          </li>
          {groepen.map(({ groep }) => (
            <li key={groep.id}>
              <a href={`#cijfers-${groep.id}`}>{groep.titel}</a>
            </li>
          ))}
          <li>
            <a href="#cijfers-downloaden">Cijfers downloaden</a>
          </li>
        </ul>
      </nav>

      <section className="sv-section" aria-labelledby="cijfers-alle">
        <Heading level={2} id="cijfers-alle">
          Alle cijfers in één tabel
        </Heading>
        <AlleCijfers data={data} groepen={groepen} />
      </section>

      {groepen
        .filter(({ groep }) => groep.id !== 'overig')
        .map(({ groep, definities }) => (
          <Groep key={`${groep.id}:${data.gebied.code}:${data.periode.sleutel}`} groep={groep} definities={definities} data={data} />
        ))}

      <Downloaden filter={filter} data={data} />
    </>
  );
}

function CijfersScherm({ sessie }: { sessie: Sessie }) {
  const search = useSearch();
  const nu = useMemo(() => new Date(), []);
  const filter = filterUitUrl(search, sessie, nu);
  const sleutel = cijferQuery(filter);
  const regios = useApi('regios', () => api.regios());
  const state = useApi(`cijfers:${sleutel}`, () => cijfersApi.cijfers(filter));
  const gekozen = leesPeriode(filter.periode)!;
  const titel = state.status === 'klaar' ? `Cijfers: ${state.data.gebied.naam}, ${state.data.periode.naam}` : 'Cijfers';
  usePageTitle(titel);

  return (
    <>
      <Heading level={1} id={KOP_ID}>
        {titel}
      </Heading>
      <Paragraph className="sv-intro">
        Cijfers over adviezen en meldingen bij Veilig Thuis, per gemeente en regio. Ze komen uit dezelfde gegevens als het werk zelf. Kies een gebied en
        een periode en kies dan <strong>Cijfers tonen</strong>. Onder elke grafiek staan dezelfde cijfers in een tabel.
      </Paragraph>
      {regios.status === 'klaar' ? (
        <Filters key={`filters:${sleutel}`} filter={filter} sessie={sessie} regios={regios.data} nu={nu} />
      ) : regios.status === 'fout' ? (
        <Foutmelding error={regios.error} titel="Het lukt niet om de gemeenten te laden" />
      ) : (
        <Laden wat="gemeenten" />
      )}
      {state.status === 'laden' ? <Laden wat={`cijfers van ${periodeNaam(gekozen)}`} /> : null}
      {state.status === 'fout' ? <Foutmelding error={state.error} titel="Het lukt niet om de cijfers te laden" /> : null}
      {state.status === 'klaar' ? <Inhoud key={`inhoud:${sleutel}`} data={state.data} filter={filter} /> : null}
    </>
  );
}

export function CijfersPage() {
  usePageTitle('Cijfers');
  return <Beveiligd rollen={CIJFER_ROLLEN}>{(sessie) => <CijfersScherm sessie={sessie} />}</Beveiligd>;
}
