/**
 * The TOP-3 sessions of a household (docs/top3.md): in every phase each participant — household members,
 * children, network, professionals — names up to three matters that are most unsafe, scores each from 1 (het
 * onveiligst) to 6 (veilig) with a reason; Samen Veilig proposes a joint top-3; the participants confirm it or
 * choose otherwise, and the chosen matters become the plan's goals of that phase. Below: how the scores moved
 * over time, as charts with the same data in tables.
 */
import { Alert, Button, Fieldset, FieldsetLegend, Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { dossierApi, type Lid } from '../api';
import { AppLink } from '../components/AppLink';
import { Beveiligd } from '../components/Beveiligd';
import { Bevestiging, FoutSamenvatting, useFormulier, type VeldFout } from '../components/Formulier';
import { LijnGrafiek } from '../components/LijnGrafiek';
import { KandidaatZoeker } from '../components/Regie';
import { Foutmelding, Laden } from '../components/Status';
import { dossierNav, SubNav } from '../components/SubNav';
import { Tabel } from '../components/Tabel';
import { focusOp, Keuzelijst, Keuzerondjes, Tekstveld, Tekstvak, Vinkjes } from '../components/Velden';
import { aantalMet, amsterdamLokaal, formatCijfer, formatDatum, formatDatumKort, formatDatumTijd, formatTijd } from '../format';
import { deelnemerSoortLabel, FASEN, faseLabel } from '../labels';
import { planApi, type DeelnemerInvoer, type RegieKandidaat, type Top3Deelnemer, type Top3ItemInvoer, type Top3Overzicht, type Top3Sessie, type Top3Trends } from '../planApi';
import { DOSSIER_ROLLEN } from '../rollen';
import { dossierPath, planPath, top3Path } from '../router';
import { useApi, useBevestiging, useHerlaadbareApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';
import { personenVan, volledigeNaam } from './DossierPage';

const BERICHT_ID = 'top3-bericht';
const PER_DEELNEMER = 3;
const TOP = 3;

type NaWijziging = (bericht: string) => void;

/** The rule of the proposal, in one sentence (docs/top3.md). */
const REGEL =
  'Samen Veilig telt per onderwerp bij iedereen die het noemde 7 min het cijfer op: lage cijfers en onderwerpen die vaak genoemd worden, wegen het zwaarst.';

const SCORE_KEUZES = [
  { waarde: '1', label: '1: het onveiligst' },
  { waarde: '2', label: '2' },
  { waarde: '3', label: '3' },
  { waarde: '4', label: '4' },
  { waarde: '5', label: '5' },
  { waarde: '6', label: '6: veilig' },
];

const sessieTitel = (s: Top3Sessie) => `Sessie van ${formatDatumTijd(s.gehoudenOp)}`;

/** Short dates for an axis; the time is added where two sessions fall on the same day. */
function asLabels(momenten: string[]): string[] {
  const kort = momenten.map(formatDatumKort);
  return kort.map((k, i) => (kort.indexOf(k) !== kort.lastIndexOf(k) ? `${k} ${formatTijd(momenten[i]!)}` : k));
}

function leeftijd(geboortedatum: string | null): number | null {
  if (!geboortedatum) return null;
  const g = new Date(`${geboortedatum}T12:00:00Z`);
  const nu = new Date();
  let jaren = nu.getUTCFullYear() - g.getUTCFullYear();
  if (nu.getUTCMonth() < g.getUTCMonth() || (nu.getUTCMonth() === g.getUTCMonth() && nu.getUTCDate() < g.getUTCDate())) jaren--;
  return jaren;
}

const isKind = (lid: Lid) => {
  const jaren = leeftijd(lid.geboortedatum);
  return jaren !== null && jaren < 18;
};

/* ---------------------------------------------------------------- starting a session */

function StartFormulier({ huishoudenId, naWijziging }: { huishoudenId: string; naWijziging: NaWijziging }) {
  const f = useFormulier('top3-start-fouten');
  const dossier = useApi(`dossier:${huishoudenId}`, () => dossierApi.dossier(huishoudenId));
  const plan = useApi(`plan:${huishoudenId}`, () => planApi.plan(huishoudenId));
  const [leden, setLeden] = useState<string[]>([]);
  const [netwerk, setNetwerk] = useState<string[]>([]);
  const [anderen, setAnderen] = useState<string[]>([]);
  const [nieuweNaam, setNieuweNaam] = useState('');
  const [naamFout, setNaamFout] = useState<string | null>(null);
  const [professionals, setProfessionals] = useState<RegieKandidaat[]>([]);
  const [moment, setMoment] = useState(() => amsterdamLokaal(new Date()));

  const ledenLijst = dossier.status === 'klaar' ? personenVan(dossier.data.leden).map((p) => p.lid) : [];
  const netwerkLijst = plan.status === 'klaar' ? plan.data.inhoud.netwerk : [];
  const netwerkNamen = [...netwerk, ...anderen];

  const voegToe = () => {
    const naam = nieuweNaam.trim();
    if (!naam) setNaamFout('Vul de naam in.');
    else if (netwerkNamen.some((n) => n.toLowerCase() === naam.toLowerCase())) setNaamFout('Deze persoon staat er al bij.');
    else {
      setAnderen([...anderen, naam]);
      setNieuweNaam('');
      setNaamFout(null);
      return;
    }
    focusOp('top3-netwerk-naam');
  };

  const deelnemers = (): DeelnemerInvoer[] => [
    ...ledenLijst.filter((l) => leden.includes(l.id)).map((l) => ({ soort: isKind(l) ? ('kind' as const) : ('gezinslid' as const), personId: l.id })),
    ...netwerkNamen.map((naam) => ({ soort: 'netwerk' as const, naam })),
    ...professionals.map((p) => ({ soort: 'professional' as const, userId: p.id })),
  ];

  const controle = (): VeldFout[] => {
    const fouten: VeldFout[] = [];
    if (deelnemers().length === 0) fouten.push({ id: 'top3-leden', tekst: 'Kies ten minste één deelnemer: een gezinslid, iemand uit het netwerk of een professional.' });
    if (!moment || Number.isNaN(new Date(moment).getTime())) fouten.push({ id: 'top3-moment', tekst: 'Vul in wanneer de sessie was.' });
    else if (new Date(moment).getTime() > Date.now() + 5 * 60_000) fouten.push({ id: 'top3-moment', tekst: 'Een sessie in de toekomst kan niet worden vastgelegd.' });
    return fouten;
  };

  if (dossier.status === 'laden' || plan.status === 'laden') return <Laden wat="gezinsleden en het netwerk" />;
  if (dossier.status === 'fout') return <Foutmelding error={dossier.error} titel="Het lukt niet om de gezinsleden te laden" />;

  return (
    <form
      className="sv-form sv-form--breed"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void f.verstuur(
          async () => {
            await planApi.top3Starten(huishoudenId, deelnemers(), new Date(moment).toISOString());
            await naWijziging('De TOP-3-sessie is begonnen. Vul per deelnemer in welke onderwerpen hij of zij noemt.');
          },
          {
            controle,
            velden: (pad) => (pad.startsWith('deelnemers') ? 'top3-leden' : pad === 'gehoudenOp' ? 'top3-moment' : null),
          },
        );
      }}
    >
      <FoutSamenvatting id="top3-start-fouten" fouten={f.fouten} melding={f.melding} kopNiveau={4} />
      <Tekstveld id="top3-moment" label="Wanneer was de sessie?" type="datetime-local" verplicht waarde={moment} onWijzig={setMoment} fout={f.foutVan('top3-moment')} />
      <Vinkjes
        id="top3-leden"
        legenda="Gezinsleden"
        uitleg="Wie jonger is dan 18, doet mee als kind."
        keuzes={ledenLijst.map((l) => ({ waarde: l.id, label: `${volledigeNaam(l)}${isKind(l) ? ' (kind)' : ''}` }))}
        gekozen={leden}
        onWijzig={setLeden}
        fout={f.foutVan('top3-leden')}
      />
      {netwerkLijst.length > 0 ? (
        <Vinkjes
          id="top3-netwerk"
          legenda="Mensen uit het netwerk (uit het veiligheidsplan)"
          keuzes={netwerkLijst.map((n) => ({ waarde: n.naam, label: `${n.naam} (${n.relatie})` }))}
          gekozen={netwerk}
          onWijzig={setNetwerk}
        />
      ) : null}
      <Fieldset className="sv-fieldset">
        <FieldsetLegend>Iemand anders uit het netwerk</FieldsetLegend>
        {anderen.length > 0 ? (
          <ul className="sv-lijst sv-lijst--kaal">
            {anderen.map((naam) => (
              <li key={naam}>
                {naam}{' '}
                <Button type="button" appearance="subtle-button" onClick={() => setAnderen(anderen.filter((x) => x !== naam))}>
                  {naam} verwijderen
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="sv-form--inline">
          <Tekstveld
            id="top3-netwerk-naam"
            label="Naam"
            waarde={nieuweNaam}
            onWijzig={setNieuweNaam}
            fout={naamFout}
            maxLength={200}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                voegToe();
              }
            }}
          />
          <div className="sv-form__acties">
            <Button type="button" appearance="secondary-action-button" onClick={voegToe}>
              Naam toevoegen
            </Button>
          </div>
        </div>
      </Fieldset>
      <KandidaatZoeker id="top3-professionals" huishoudenId={huishoudenId} legenda="Professionals" meerdere gekozen={professionals} onWijzig={setProfessionals} />
      <Paragraph>
        {aantalMet(deelnemers().length, 'deelnemer', 'deelnemers')} gekozen.
      </Paragraph>
      <div className="sv-form__acties">
        <Button type="submit" appearance="primary-action-button" busy={f.bezig}>
          Sessie beginnen
        </Button>
      </div>
    </form>
  );
}

/* ---------------------------------------------------------------- a participant's entry */

interface ItemStaat {
  /** '' (nothing), 'nieuw' (typed), or the id of a matter named before. */
  keuze: string;
  tekst: string;
  score: string;
  reden: string;
}

const LEEG_ITEM: ItemStaat = { keuze: '', tekst: '', score: '', reden: '' };

function itemsVan(d: Top3Deelnemer): ItemStaat[] {
  const items = d.inbreng.map((i) => ({ keuze: i.onderwerpId, tekst: i.tekst, score: String(i.score), reden: i.reden }));
  return [...items, ...Array.from({ length: PER_DEELNEMER - items.length }, () => LEEG_ITEM)];
}

function InbrengFormulier({
  sessie,
  deelnemer,
  onderwerpen,
  naWijziging,
}: {
  sessie: Top3Sessie;
  deelnemer: Top3Deelnemer;
  onderwerpen: { id: string; tekst: string }[];
  naWijziging: NaWijziging;
}) {
  const prefix = `top3-${deelnemer.id}`;
  const f = useFormulier(`${prefix}-fouten`);
  const [items, setItems] = useState<ItemStaat[]>(() => itemsVan(deelnemer));
  const zet = (i: number, deel: Partial<ItemStaat>) => setItems(items.map((x, j) => (j === i ? { ...x, ...deel } : x)));
  const id = (i: number, veld: string) => `${prefix}-${i}-${veld}`;
  const tekstVan = (it: ItemStaat) => (it.keuze === 'nieuw' ? it.tekst.trim() : (onderwerpen.find((o) => o.id === it.keuze)?.tekst ?? ''));
  const gevuld = items.map((it, i) => ({ it, i })).filter(({ it }) => it.keuze !== '');

  const controle = (): VeldFout[] => {
    const fouten: VeldFout[] = [];
    const gezien = new Set<string>();
    for (const { it, i } of gevuld) {
      const n = i + 1;
      if (it.keuze === 'nieuw' && !it.tekst.trim()) fouten.push({ id: id(i, 'tekst'), tekst: `Onderwerp ${n}: schrijf het nieuwe onderwerp op.` });
      if (!it.score) fouten.push({ id: id(i, 'score'), tekst: `Onderwerp ${n}: kies een cijfer van 1 (het onveiligst) tot 6 (veilig).` });
      if (!it.reden.trim()) fouten.push({ id: id(i, 'reden'), tekst: `Onderwerp ${n}: geef een reden voor het cijfer.` });
      const sleutel = tekstVan(it).toLowerCase();
      if (sleutel && gezien.has(sleutel)) fouten.push({ id: id(i, 'keuze'), tekst: `Onderwerp ${n}: dit onderwerp staat er al.` });
      gezien.add(sleutel);
    }
    return fouten;
  };

  const inbreng = (): Top3ItemInvoer[] =>
    gevuld.map(({ it }) => ({
      onderwerp: tekstVan(it),
      ...(it.keuze !== 'nieuw' ? { onderwerpId: it.keuze } : {}),
      score: Number(it.score),
      reden: it.reden.trim(),
    }));

  // Server issues: "inbreng.1.score" → the field of the 2nd filled-in item.
  const veldVoorPad = (pad: string) => {
    const m = /^inbreng\.(\d+)(?:\.(\w+))?/.exec(pad);
    const rij = m ? gevuld[Number(m[1])] : undefined;
    if (!rij) return null;
    const veld = m![2] === 'onderwerp' || m![2] === 'onderwerpId' || !m![2] ? (rij.it.keuze === 'nieuw' ? 'tekst' : 'keuze') : m![2];
    return id(rij.i, veld);
  };

  const keuzes = [...onderwerpen.map((o) => ({ waarde: o.id, label: o.tekst })), { waarde: 'nieuw', label: 'Een nieuw onderwerp…' }];

  return (
    <form
      className="sv-form sv-form--breed sv-inbreng"
      noValidate
      aria-labelledby={`${prefix}-kop`}
      onSubmit={(e) => {
        e.preventDefault();
        void f.verstuur(
          async () => {
            await planApi.top3Inbreng(sessie.id, deelnemer.id, inbreng(), sessie.versie);
            await naWijziging(`De inbreng van ${deelnemer.naam} is opgeslagen.`);
          },
          { controle, velden: veldVoorPad },
        );
      }}
    >
      <Heading level={4} id={`${prefix}-kop`}>
        {deelnemer.naam} <span className="sv-label">{deelnemerSoortLabel(deelnemer.soort)}</span>
      </Heading>
      <FoutSamenvatting
        id={`${prefix}-fouten`}
        fouten={f.fouten}
        melding={f.melding}
        opnieuwLaden={f.conflict ? () => naWijziging('De sessie is opnieuw geladen. Vul de inbreng opnieuw in als die niet is opgeslagen.') : null}
        kopNiveau={4}
      />
      {items.map((it, i) => (
        <Fieldset key={i} className="sv-fieldset sv-inbreng__item">
          <FieldsetLegend>
            Onderwerp {i + 1} van {deelnemer.naam}
          </FieldsetLegend>
          <div className="sv-velden-rij">
            <Keuzelijst
              id={id(i, 'keuze')}
              label="Onderwerp"
              waarde={it.keuze}
              onWijzig={(keuze) => zet(i, { keuze })}
              leeg={i === 0 ? 'Kies een onderwerp' : 'Geen onderwerp'}
              keuzes={keuzes}
              fout={f.foutVan(id(i, 'keuze'))}
            />
            {it.keuze === 'nieuw' ? (
              <Tekstveld id={id(i, 'tekst')} label="Nieuw onderwerp" verplicht maxLength={300} waarde={it.tekst} onWijzig={(tekst) => zet(i, { tekst })} fout={f.foutVan(id(i, 'tekst'))} />
            ) : null}
            {it.keuze ? (
              <Keuzelijst
                id={id(i, 'score')}
                label="Cijfer"
                verplicht
                waarde={it.score}
                onWijzig={(score) => zet(i, { score })}
                leeg="Kies een cijfer"
                keuzes={SCORE_KEUZES}
                fout={f.foutVan(id(i, 'score'))}
              />
            ) : null}
          </div>
          {it.keuze ? (
            <Tekstvak id={id(i, 'reden')} label="Waarom dit cijfer?" verplicht rows={2} maxLength={2000} waarde={it.reden} onWijzig={(reden) => zet(i, { reden })} fout={f.foutVan(id(i, 'reden'))} />
          ) : null}
        </Fieldset>
      ))}
      <div className="sv-form__acties">
        <Button type="submit" appearance="secondary-action-button" busy={f.bezig}>
          Inbreng van {deelnemer.naam} opslaan
        </Button>
      </div>
    </form>
  );
}

/* ---------------------------------------------------------------- proposal and choice */

function Voorstel({ sessie }: { sessie: Top3Sessie }) {
  if (sessie.voorstel.length === 0) {
    return <Paragraph>Er is nog geen voorstel: eerst noemen de deelnemers hun onderwerpen, met een cijfer lager dan 6.</Paragraph>;
  }
  return (
    <>
      <ol className="sv-lijst sv-top3-voorstel">
        {sessie.voorstel.map((v) => (
          <li key={v.onderwerpId}>
            <strong>{v.tekst}</strong>
          </li>
        ))}
      </ol>
      <Tabel titel="Waarom dit voorstel" kolommen={['Onderwerp', 'Gewicht', 'Keer genoemd', 'Laagste cijfer', 'Gemiddeld cijfer']}>
        {sessie.voorstel.map((v) => (
          <TableRow key={v.onderwerpId}>
            <TableHeaderCell scope="row">{v.tekst}</TableHeaderCell>
            <TableCell>{v.gewicht}</TableCell>
            <TableCell>{v.vermeldingen}</TableCell>
            <TableCell>{v.laagsteScore}</TableCell>
            <TableCell>{formatCijfer(v.gemiddeldeScore)}</TableCell>
          </TableRow>
        ))}
      </Tabel>
    </>
  );
}

function Vaststellen({ sessie, naWijziging }: { sessie: Top3Sessie; naWijziging: NaWijziging }) {
  const prefix = `top3-vast-${sessie.id}`;
  const f = useFormulier(`${prefix}-fouten`);
  const [wijze, setWijze] = useState('voorstel');
  const [gekozen, setGekozen] = useState<string[]>([]);
  const [toelichting, setToelichting] = useState('');
  const nodig = Math.min(TOP, sessie.kiesbaar.length);
  const keuze = wijze === 'voorstel' ? sessie.voorstel.map((v) => v.onderwerpId) : gekozen;
  const controle = (): VeldFout[] => {
    if (sessie.voorstel.length === 0) return [{ id: `${prefix}-wijze`, tekst: 'Er is nog niets om vast te stellen: eerst noemen de deelnemers hun onderwerpen.' }];
    if (wijze === 'anders' && gekozen.length !== nodig) return [{ id: `${prefix}-gekozen`, tekst: `Kies ${nodig === 1 ? 'één onderwerp' : `${nodig} onderwerpen`}: de top-${nodig}.` }];
    return [];
  };
  const naam = (id: string) => sessie.kiesbaar.find((k) => k.onderwerpId === id)?.tekst ?? '';
  return (
    <form
      className="sv-form sv-form--breed"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void f.verstuur(
          async () => {
            const r = await planApi.top3Vaststellen(sessie.id, keuze, sessie.versie, toelichting.trim() || undefined);
            await naWijziging(
              `De TOP-3 is vastgesteld: ${r.sessie.gekozen.map((g) => g.tekst).join(', ')}. Dit zijn nu de doelen van het plan in de fase ${faseLabel(r.plan.fase).toLowerCase()}.`,
            );
          },
          { controle, velden: { gekozen: `${prefix}-gekozen`, toelichting: `${prefix}-toelichting` } },
        );
      }}
    >
      <FoutSamenvatting
        id={`${prefix}-fouten`}
        fouten={f.fouten}
        melding={f.melding}
        opnieuwLaden={f.conflict ? () => naWijziging('De sessie is opnieuw geladen.') : null}
        kopNiveau={4}
      />
      <Keuzerondjes
        id={`${prefix}-wijze`}
        legenda="Welke top-3 kiezen de deelnemers samen?"
        verplicht
        keuzes={[
          { waarde: 'voorstel', label: sessie.voorstel.length > 0 ? `Het voorstel: ${sessie.voorstel.map((v) => v.tekst).join(', ')}` : 'Het voorstel' },
          { waarde: 'anders', label: 'Andere onderwerpen' },
        ]}
        waarde={wijze}
        onWijzig={setWijze}
        fout={f.foutVan(`${prefix}-wijze`)}
      />
      {wijze === 'anders' ? (
        <Vinkjes
          id={`${prefix}-gekozen`}
          legenda={`Kies ${nodig === 1 ? 'één onderwerp' : `${nodig} onderwerpen`}, het belangrijkste eerst`}
          uitleg="U kunt kiezen uit de onderwerpen van deze sessie die niet iedereen een 6 (veilig) gaf."
          keuzes={sessie.kiesbaar.map((k) => ({ waarde: k.onderwerpId, label: k.tekst }))}
          gekozen={gekozen}
          onWijzig={(nieuw) => setGekozen([...gekozen.filter((g) => nieuw.includes(g)), ...nieuw.filter((n) => !gekozen.includes(n))])}
          fout={f.foutVan(`${prefix}-gekozen`)}
        />
      ) : null}
      {wijze === 'anders' && gekozen.length > 0 ? <Paragraph>Volgorde: {gekozen.map(naam).join(', ')}.</Paragraph> : null}
      <Tekstvak
        id={`${prefix}-toelichting`}
        label="Toelichting"
        uitleg={wijze === 'anders' ? 'Waarom kozen de deelnemers iets anders dan het voorstel?' : undefined}
        waarde={toelichting}
        onWijzig={setToelichting}
        rows={2}
        maxLength={1000}
        fout={f.foutVan(`${prefix}-toelichting`)}
      />
      <div className="sv-form__acties">
        <Button type="submit" appearance="primary-action-button" busy={f.bezig}>
          TOP-3 vaststellen
        </Button>
      </div>
    </form>
  );
}

/* ---------------------------------------------------------------- sessions */

/** The matters the participants can choose from: the household's and those named in this session so far. */
function onderwerpenVoor(overzicht: Top3Overzicht, sessie: Top3Sessie): { id: string; tekst: string }[] {
  const lijst = overzicht.onderwerpen.map((o) => ({ id: o.id, tekst: o.tekst }));
  for (const d of sessie.deelnemers) for (const i of d.inbreng) if (!lijst.some((o) => o.id === i.onderwerpId)) lijst.push({ id: i.onderwerpId, tekst: i.tekst });
  return lijst.sort((a, b) => a.tekst.localeCompare(b.tekst, 'nl'));
}

function InbrengTabel({ sessie }: { sessie: Top3Sessie }) {
  type Rij = { d: Top3Deelnemer; i: Top3Deelnemer['inbreng'][number] | null; n: number };
  const rijen = sessie.deelnemers.flatMap((d): Rij[] => (d.inbreng.length > 0 ? d.inbreng.map((i, n) => ({ d, i, n })) : [{ d, i: null, n: 0 }]));
  return (
    <Tabel titel={`Wat de deelnemers noemden (${sessieTitel(sessie).toLowerCase()})`} kolommen={['Deelnemer', 'Onderwerp', 'Cijfer', 'Reden']}>
      {rijen.map(({ d, i, n }) => (
        <TableRow key={`${d.id}-${n}`}>
          <TableHeaderCell scope="row">
            {d.naam} ({deelnemerSoortLabel(d.soort).toLowerCase()})
          </TableHeaderCell>
          <TableCell>{i ? i.tekst : 'Niets genoemd'}</TableCell>
          <TableCell>{i ? i.score : '–'}</TableCell>
          <TableCell className="sv-tekst">{i ? i.reden : '–'}</TableCell>
        </TableRow>
      ))}
    </Tabel>
  );
}

function SessieOpen({ overzicht, sessie, naWijziging }: { overzicht: Top3Overzicht; sessie: Top3Sessie; naWijziging: NaWijziging }) {
  const onderwerpen = onderwerpenVoor(overzicht, sessie);
  return (
    <article className="sv-kaart sv-sessie" aria-labelledby={`sessie-${sessie.id}`}>
      <Heading level={3} id={`sessie-${sessie.id}`} tabIndex={-1}>
        {sessieTitel(sessie)} <span className="sv-label">Open</span>
      </Heading>
      <Paragraph>
        Begonnen door {sessie.aangemaaktDoor.naam}. {aantalMet(sessie.deelnemers.length, 'deelnemer', 'deelnemers')}. Iedereen noemt ten hoogste drie
        onderwerpen die het meest onveilig zijn, met een cijfer van 1 (het onveiligst) tot 6 (veilig) en een reden. Kies een onderwerp dat al eerder is
        genoemd, of schrijf een nieuw onderwerp op.
      </Paragraph>
      {sessie.deelnemers.map((d) => (
        <InbrengFormulier key={d.id} sessie={sessie} deelnemer={d} onderwerpen={onderwerpen} naWijziging={naWijziging} />
      ))}
      <Heading level={4}>Voorstel van Samen Veilig</Heading>
      <Paragraph>{REGEL}</Paragraph>
      <Voorstel sessie={sessie} />
      <Heading level={4}>Samen vaststellen</Heading>
      <Paragraph>De deelnemers nemen het voorstel over of kiezen andere onderwerpen. De gekozen onderwerpen worden de doelen van het plan in deze fase.</Paragraph>
      <Vaststellen sessie={sessie} naWijziging={naWijziging} />
    </article>
  );
}

function SessieGesloten({ sessie }: { sessie: Top3Sessie }) {
  return (
    <article className="sv-kaart sv-sessie" aria-labelledby={`sessie-${sessie.id}`}>
      <Heading level={3} id={`sessie-${sessie.id}`} tabIndex={-1}>
        {sessieTitel(sessie)} <span className="sv-label">Vastgesteld</span>
      </Heading>
      <Paragraph>
        Vastgesteld{sessie.vastgesteldDoor ? ` door ${sessie.vastgesteldDoor.naam}` : ''}
        {sessie.vastgesteldOp ? ` op ${formatDatumTijd(sessie.vastgesteldOp)}` : ''}. De gekozen top-3:
      </Paragraph>
      <ol className="sv-lijst sv-top3-gekozen">
        {sessie.gekozen.map((g) => (
          <li key={g.onderwerpId}>
            <strong>{g.tekst}</strong>
          </li>
        ))}
      </ol>
      <InbrengTabel sessie={sessie} />
    </article>
  );
}

/* ---------------------------------------------------------------- trends */

function Trends({ huishoudenId, sleutel }: { huishoudenId: string; sleutel: string }) {
  const state = useApi(`top3trends:${huishoudenId}:${sleutel}`, () => planApi.top3Trends(huishoudenId));
  const [deelnemer, setDeelnemer] = useState('');
  if (state.status === 'laden') return <Laden wat="cijfers" />;
  if (state.status === 'fout') return <Foutmelding error={state.error} titel="Het lukt niet om het verloop te laden" />;
  const t: Top3Trends = state.data;
  if (t.sessies.length === 0) return <Paragraph>Er zijn nog geen sessies, dus ook nog geen cijfers.</Paragraph>;
  const labels = asLabels(t.sessies.map((s) => s.gehoudenOp));
  const index = new Map(t.sessies.map((s, i) => [s.sessieId, i]));
  const reeksVan = <P extends { sessieId: string }>(punten: P[], waarde: (p: P) => number) => {
    const w: (number | null)[] = t.sessies.map(() => null);
    for (const p of punten) w[index.get(p.sessieId)!] = waarde(p);
    return w;
  };
  const gemiddeld = t.onderwerpen.map((o) => ({ naam: o.tekst, waarden: reeksVan(o.punten, (p) => p.gemiddelde) }));
  const laagste = t.onderwerpen.map((o) => ({ naam: o.tekst, waarden: reeksVan(o.punten, (p) => p.laagste) }));
  const gekozenDeelnemer = t.deelnemers.find((d) => d.sleutel === deelnemer) ?? t.deelnemers[0];
  const cijfer = (v: number | null) => (v === null ? 'Niet genoemd' : formatCijfer(v));
  const sessiesTekst = aantalMet(t.sessies.length, 'sessie', 'sessies');
  return (
    <>
      <Paragraph>Een hoger cijfer is veiliger: 1 is het onveiligst, 6 is veilig. Onder elke grafiek staan dezelfde cijfers in een tabel.</Paragraph>
      <Heading level={3}>Gemiddeld cijfer per onderwerp</Heading>
      <LijnGrafiek
        titel="Gemiddeld cijfer per onderwerp, per sessie"
        beschrijving={`Lijngrafiek over ${sessiesTekst} met een lijn per onderwerp (${t.onderwerpen.map((o) => o.tekst).join(', ')}). De tabel hieronder geeft dezelfde cijfers.`}
        xLabels={labels}
        reeksen={gemiddeld}
        yMin={1}
        yMax={6}
        yTitel="Cijfer"
        tabelTitel="Gemiddeld cijfer per onderwerp, per sessie"
        eersteKolom="Onderwerp"
        cel={cijfer}
      />
      <Heading level={3}>Laagste cijfer per onderwerp</Heading>
      <LijnGrafiek
        titel="Laagste cijfer per onderwerp, per sessie"
        beschrijving={`Lijngrafiek over ${sessiesTekst} met het laagste cijfer dat iemand een onderwerp gaf. De tabel hieronder geeft dezelfde cijfers.`}
        xLabels={labels}
        reeksen={laagste}
        yMin={1}
        yMax={6}
        yTitel="Cijfer"
        tabelTitel="Laagste cijfer per onderwerp, per sessie"
        eersteKolom="Onderwerp"
        cel={cijfer}
      />
      {gekozenDeelnemer ? (
        <>
          <Heading level={3}>Cijfers per deelnemer</Heading>
          <form className="sv-form sv-form--inline" onSubmit={(e) => e.preventDefault()}>
            <Keuzelijst
              id="top3-trend-deelnemer"
              label="Deelnemer"
              waarde={gekozenDeelnemer.sleutel}
              onWijzig={setDeelnemer}
              keuzes={t.deelnemers.map((d) => ({ waarde: d.sleutel, label: `${d.naam} (${deelnemerSoortLabel(d.soort).toLowerCase()})` }))}
            />
          </form>
          <LijnGrafiek
            titel={`Cijfers van ${gekozenDeelnemer.naam}, per sessie`}
            beschrijving={`Lijngrafiek met een lijn per onderwerp dat ${gekozenDeelnemer.naam} noemde, in ${aantalMet(gekozenDeelnemer.sessies.length, 'sessie', 'sessies')}. De tabel hieronder geeft dezelfde cijfers.`}
            xLabels={labels}
            reeksen={gekozenDeelnemer.reeksen.map((r) => ({ naam: r.tekst, waarden: reeksVan(r.punten, (p) => p.score) }))}
            yMin={1}
            yMax={6}
            yTitel="Cijfer"
            tabelTitel={`Cijfers van ${gekozenDeelnemer.naam}, per sessie`}
            eersteKolom="Onderwerp"
            cel={cijfer}
          />
        </>
      ) : null}
    </>
  );
}

/* ---------------------------------------------------------------- the page */

function Overzicht({ overzicht, naWijziging }: { overzicht: Top3Overzicht; naWijziging: NaWijziging }) {
  const [starten, setStarten] = useState(false);
  const plan = overzicht.plan;
  if (!plan) {
    return (
      <Alert type="info" className="sv-alert">
        <Paragraph>Dit huishouden heeft nog geen veiligheidsplan, dus ook nog geen TOP-3. Het plan begint wanneer een overdracht is geaccepteerd.</Paragraph>
      </Alert>
    );
  }
  const fasen = FASEN.filter((x) => x === plan.fase || overzicht.sessies.some((s) => s.fase === x));
  return (
    <>
      <section className="sv-section" aria-labelledby="top3-nieuw">
        <Heading level={2} id="top3-nieuw" tabIndex={-1}>
          Nieuwe sessie
        </Heading>
        <Paragraph>
          Het plan is nu in de fase <strong>{faseLabel(plan.fase).toLowerCase()}</strong>. Een nieuwe sessie hoort bij deze fase.
        </Paragraph>
        <Button
          type="button"
          appearance="secondary-action-button"
          aria-expanded={starten}
          onClick={() => {
            setStarten(!starten);
            if (!starten) focusOp('top3-moment');
          }}
        >
          Nieuwe TOP-3-sessie beginnen
        </Button>
        {starten ? (
          <StartFormulier
            huishoudenId={overzicht.huishoudenId}
            naWijziging={(bericht) => {
              setStarten(false);
              naWijziging(bericht);
            }}
          />
        ) : null}
      </section>
      {fasen.map((x) => {
        const sessies = overzicht.sessies.filter((s) => s.fase === x);
        return (
          <section key={x} className="sv-section" aria-labelledby={`top3-fase-${x}`}>
            <Heading level={2} id={`top3-fase-${x}`}>
              Fase {faseLabel(x).toLowerCase()}
              {x === plan.fase ? ' (huidige fase)' : ''}
            </Heading>
            {sessies.length === 0 ? <Paragraph>In deze fase is nog geen sessie gehouden.</Paragraph> : null}
            {sessies.map((s) =>
              s.status === 'open' ? <SessieOpen key={s.id} overzicht={overzicht} sessie={s} naWijziging={naWijziging} /> : <SessieGesloten key={s.id} sessie={s} />,
            )}
          </section>
        );
      })}
      <section className="sv-section" aria-labelledby="top3-verloop">
        <Heading level={2} id="top3-verloop">
          Verloop van de cijfers
        </Heading>
        <Trends huishoudenId={overzicht.huishoudenId} sleutel={overzicht.sessies.map((s) => `${s.id}.${s.versie}`).join(',')} />
      </section>
    </>
  );
}

function Top3Scherm({ id }: { id: string }) {
  const { state, herlaad } = useHerlaadbareApi(`top3:${id}`, () => planApi.top3(id));
  const { bericht, bevestig: naWijziging } = useBevestiging(herlaad, BERICHT_ID);
  return (
    <>
      <Paragraph className="sv-back">
        <AppLink href={dossierPath(id)}>Terug naar het dossier</AppLink>
      </Paragraph>
      <Heading level={1}>TOP-3</Heading>
      <SubNav label="Dossier" items={dossierNav(id)} huidig={top3Path(id)} />
      <Paragraph className="sv-intro">
        In elke fase noemt iedereen — de gezinsleden, de kinderen als dat kan, mensen uit het netwerk en de professionals — de drie onderwerpen die het
        meest onveilig zijn. Samen kiest u één top-3 om aan te werken. Die wordt het doel van het <AppLink href={planPath(id)}>veiligheidsplan</AppLink>.
      </Paragraph>
      <div id={BERICHT_ID} tabIndex={-1} className="sv-melding">
        {bericht ? <Bevestiging>{bericht}</Bevestiging> : null}
      </div>
      {state.status === 'laden' ? <Laden wat="TOP-3-sessies" /> : null}
      {state.status === 'fout' ? <Foutmelding error={state.error} titel="Het lukt niet om de TOP-3 te laden" /> : null}
      {state.status === 'klaar' ? <Overzicht overzicht={state.data} naWijziging={naWijziging} /> : null}
    </>
  );
}

export function Top3Page({ id }: { id: string }) {
  usePageTitle('TOP-3');
  return <Beveiligd rollen={DOSSIER_ROLLEN}>{() => <Top3Scherm id={id} />}</Beveiligd>;
}

