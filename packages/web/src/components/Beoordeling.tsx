/**
 * The veiligheidsbeoordeling of a melding on the melding page: deadlines, who works on it, the assessment
 * form, the decision (proposed by one, confirmed by a second person: four eyes) and the history of
 * decisions and handovers. Every change carries the assessment's version; a 409 shows the message and
 * offers to load the data again, it never overwrites.
 */
import { Button, Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { Sessie } from '../api';
import { formatDatumTijd } from '../format';
import {
  ACUTE_MAATREGEL_NAMEN,
  acuteMaatregelLabel,
  BESLUIT_NAMEN,
  BESLUITEN_NA_ONDERZOEK,
  besluitStatusLabel,
  beoordelingStatusLabel,
  INFORMATIEBRON_NAMEN,
  keuzesUit,
  ONDERZOEK_REDEN_NAMEN,
  ONDERZOEK_UITKOMST_NAMEN,
  onderzoekRedenLabel,
  onderzoekUitkomstLabel,
  OVERDRACHT_SOORT_NAMEN,
  overdrachtSoortLabel,
  overdrachtStatusLabel,
  RISICOFACTOR_NAMEN,
  risicofactorLabel,
  informatiebronLabel,
} from '../labels';
import { GEDRAGSWETENSCHAPPER } from '../rollen';
import { voordeurApi, type Beoordeling, type BeoordelingInhoud, type BesluitInvoer, type BesluitView, type Ketenpartner } from '../voordeurApi';
import { FoutSamenvatting, useFormulier, type Formulier, type VeldFout } from './Formulier';
import { RedenFormulier } from './RedenFormulier';
import { Tabel } from './Tabel';
import { TijdOver, useNu } from './Termijn';
import { Keuzelijst, Keuzerondjes, Tekstvak, Vinkjes } from './Velden';

const JA_NEE = [
  { waarde: 'ja', label: 'Ja' },
  { waarde: 'nee', label: 'Nee' },
];

/** After a change on the server: reload the page's data and say what happened. */
export type NaWijziging = (bericht: string) => void;

/* ---------------------------------------------------------------- deadlines */

/** A deadline and the moment the work it is for was done (null: not yet). */
interface TermijnRegel {
  naam: string;
  deadline: string | null;
  gedaanOp: string | null;
}

/** "Gehaald" or "te laat", with when it was done, for a deadline whose work is done. */
function Afgerond({ deadline, gedaanOp }: { deadline: string; gedaanOp: string }) {
  const teLaat = new Date(gedaanOp).getTime() > new Date(deadline).getTime();
  return (
    <span className={teLaat ? 'sv-termijn sv-termijn--te-laat' : 'sv-termijn'}>
      {teLaat ? (
        <span className="sv-termijn__icoon" aria-hidden="true">
          !
        </span>
      ) : null}
      {teLaat ? 'Te laat' : 'Gehaald'}: gedaan op {formatDatumTijd(gedaanOp)}
      <span className="sv-termijn__moment"> (termijn {formatDatumTijd(deadline)})</span>
    </span>
  );
}

export function Termijnen({ b }: { b: Beoordeling }) {
  const nu = useNu();
  const open = b.status !== 'afgerond';
  const regels: TermijnRegel[] = [
    // The deadline of the work open now (the assessment, an onderzoek, a receiver's answer).
    { naam: 'Huidige termijn', deadline: open ? b.termijnen.deadline : null, gedaanOp: null },
    { naam: 'Acuut', deadline: b.termijnen.acuut, gedaanOp: b.acuutAfgehandeldOp ?? b.beoordeeldOp },
    { naam: 'Regionaal', deadline: b.termijnen.regionaal, gedaanOp: b.beoordeeldOp },
    { naam: 'Wettelijk (5 werkdagen)', deadline: b.termijnen.wettelijk, gedaanOp: b.beoordeeldOp },
    { naam: 'Onderzoek (10 weken)', deadline: b.onderzoek?.deadline ?? null, gedaanOp: b.onderzoek?.afgerondOp ?? null },
  ];
  return (
    <dl className="sv-gegevens sv-termijnen">
      <div className="sv-gegevens__item">
        <dt>Status</dt>
        <dd>
          <strong>{beoordelingStatusLabel(b.status)}</strong>
        </dd>
      </div>
      {regels
        .filter((r): r is TermijnRegel & { deadline: string } => r.deadline !== null)
        .map((r) => (
          <div className="sv-gegevens__item" key={r.naam}>
            <dt>{r.naam}</dt>
            <dd>
              {r.gedaanOp ? (
                <Afgerond deadline={r.deadline} gedaanOp={r.gedaanOp} />
              ) : open ? (
                <TijdOver deadline={r.deadline} nu={nu} metMoment />
              ) : (
                formatDatumTijd(r.deadline)
              )}
            </dd>
          </div>
        ))}
    </dl>
  );
}

/* ---------------------------------------------------------------- assignment */

export function Toewijzing({ b, sessie, eigenTeams, naWijziging }: { b: Beoordeling; sessie: Sessie; eigenTeams: { id: string; naam: string }[]; naWijziging: NaWijziging }) {
  const formulier = useFormulier('toewijzing-fouten');
  const [team, setTeam] = useState(b.team?.id ?? '');
  const mijn = b.toegewezenAan?.id === sessie.gebruiker.id;
  const wijs = (body: { aanMij?: boolean; teamId?: string | null }, bericht: string) =>
    formulier.verstuur(async () => {
      await voordeurApi.toewijzen(b.id, { ...body, versie: b.versie });
      await naWijziging(bericht);
    });
  return (
    <div className="sv-toewijzing">
      <FoutSamenvatting id="toewijzing-fouten" fouten={formulier.fouten} melding={formulier.melding} opnieuwLaden={formulier.conflict ? () => naWijziging('De gegevens zijn opnieuw geladen.') : null} />
      <Paragraph>
        Opgepakt door: <strong>{b.toegewezenAan ? b.toegewezenAan.naam : 'nog niemand'}</strong>. Team: <strong>{b.team ? b.team.naam : 'geen team'}</strong>.
      </Paragraph>
      {b.status !== 'afgerond' ? (
        <div className="sv-form sv-form--inline">
          <Button type="button" appearance="secondary-action-button" busy={formulier.bezig} onClick={() => void wijs({ aanMij: !mijn }, mijn ? 'U heeft de melding vrijgegeven.' : 'U heeft de melding opgepakt.')}>
            {mijn ? 'Vrijgeven' : 'Ik pak dit op'}
          </Button>
          {eigenTeams.length > 0 ? (
            <>
              <Keuzelijst id="toewijzing-team" label="Team" waarde={team} onWijzig={setTeam} leeg="Geen team" keuzes={eigenTeams.map((t) => ({ waarde: t.id, label: t.naam }))} />
              <div className="sv-form__acties">
                <Button type="button" appearance="secondary-action-button" onClick={() => void wijs({ teamId: team || null }, 'Het team is gewijzigd.')}>
                  Team wijzigen
                </Button>
              </div>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/* ---------------------------------------------------------------- the assessment */

interface InhoudStaat {
  acuut: string;
  acuutToelichting: string;
  structureel: string;
  structureelToelichting: string;
  risicofactoren: string[];
  geraadpleegd: { bron: string; samenvatting: string }[];
  kinderen: string;
  kindToelichting: string;
  samenvatting: string;
}

function inhoudStaat(i: BeoordelingInhoud): InhoudStaat {
  return {
    acuut: i.acuteOnveiligheid?.oordeel ?? '',
    acuutToelichting: i.acuteOnveiligheid?.toelichting ?? '',
    structureel: i.structureleOnveiligheid?.oordeel ?? '',
    structureelToelichting: i.structureleOnveiligheid?.toelichting ?? '',
    risicofactoren: i.risicofactoren,
    geraadpleegd: i.geraadpleegd,
    kinderen: i.kindcheck?.kinderenAanwezig ?? '',
    kindToelichting: i.kindcheck?.toelichting ?? '',
    samenvatting: i.samenvatting ?? '',
  };
}

const jaNee = (v: string): 'ja' | 'nee' => (v === 'ja' ? 'ja' : 'nee');

function naarInhoud(s: InhoudStaat): BeoordelingInhoud {
  const inhoud: BeoordelingInhoud = {
    risicofactoren: s.risicofactoren,
    geraadpleegd: s.geraadpleegd.filter((g) => g.bron || g.samenvatting.trim()).map((g) => ({ bron: g.bron, samenvatting: g.samenvatting.trim() })),
  };
  if (s.acuut || s.acuutToelichting.trim()) inhoud.acuteOnveiligheid = { oordeel: jaNee(s.acuut), toelichting: s.acuutToelichting.trim() };
  if (s.structureel || s.structureelToelichting.trim()) inhoud.structureleOnveiligheid = { oordeel: jaNee(s.structureel), toelichting: s.structureelToelichting.trim() };
  if (s.kinderen) {
    const kinderenAanwezig = s.kinderen === 'ja' || s.kinderen === 'nee' ? s.kinderen : 'onbekend';
    inhoud.kindcheck = s.kindToelichting.trim() ? { kinderenAanwezig, toelichting: s.kindToelichting.trim() } : { kinderenAanwezig };
  }
  if (s.samenvatting.trim()) inhoud.samenvatting = s.samenvatting.trim();
  return inhoud;
}

/** Checks before sending that the server would refuse with a less precise message. */
function inhoudControle(s: InhoudStaat): VeldFout[] {
  const f: VeldFout[] = [];
  if (s.acuutToelichting.trim() && !s.acuut) f.push({ id: 'bo-acuut', tekst: 'Kies ja of nee bij acute onveiligheid.' });
  if (s.structureelToelichting.trim() && !s.structureel) f.push({ id: 'bo-structureel', tekst: 'Kies ja of nee bij structurele onveiligheid.' });
  s.geraadpleegd.forEach((g, i) => {
    if (!g.bron) f.push({ id: `bo-bron-${i}-bron`, tekst: `Bron ${i + 1}: kies wie u heeft geraadpleegd.` });
    if (!g.samenvatting.trim()) f.push({ id: `bo-bron-${i}-samenvatting`, tekst: `Bron ${i + 1}: vat samen wat deze bron vertelde.` });
  });
  return f;
}

const INHOUD_VELDEN: Record<string, string> = {
  'acuteOnveiligheid.oordeel': 'bo-acuut',
  acuteOnveiligheid: 'bo-acuut',
  'acuteOnveiligheid.toelichting': 'bo-acuut-toelichting',
  'structureleOnveiligheid.oordeel': 'bo-structureel',
  structureleOnveiligheid: 'bo-structureel',
  'structureleOnveiligheid.toelichting': 'bo-structureel-toelichting',
  risicofactoren: 'bo-risico',
  kindcheck: 'bo-kind',
  'kindcheck.kinderenAanwezig': 'bo-kind',
  'kindcheck.toelichting': 'bo-kind-toelichting',
  samenvatting: 'bo-samenvatting',
};

/** Field of an issue of the server about the assessment ("inhoud.…") or the decision ("besluit.…"). */
function beoordelingVeld(pad: string): string | null {
  const inhoud = /^inhoud\.(.+)$/.exec(pad);
  if (inhoud?.[1]) {
    const bron = /^geraadpleegd\.(\d+)(?:\.(bron|samenvatting))?/.exec(inhoud[1]);
    if (bron) return `bo-bron-${bron[1]}-${bron[2] ?? 'bron'}`;
    return INHOUD_VELDEN[inhoud[1]] ?? INHOUD_VELDEN[inhoud[1].split('.')[0] ?? ''] ?? null;
  }
  if (pad === 'onderzoekUitkomst') return 'bs-uitkomst';
  const besluit = /^besluit\.(\w+)/.exec(pad);
  if (besluit?.[1]) {
    const velden: Record<string, string> = {
      soort: 'bs-soort',
      reden: 'bs-reden',
      naar: 'bs-naar',
      organisatieId: 'bs-organisatie',
      teamId: 'bs-team',
      toelichting: 'bs-toelichting',
      voorwaarden: 'bs-voorwaarden',
      maatregelen: 'bs-maatregelen',
    };
    return velden[besluit[1]] ?? 'bs-soort';
  }
  return null;
}

function InhoudVelden({ s, zet, f }: { s: InhoudStaat; zet: (s: InhoudStaat) => void; f: Formulier }) {
  const veld = <K extends keyof InhoudStaat>(key: K) => (waarde: InhoudStaat[K]) => zet({ ...s, [key]: waarde });
  return (
    <>
      <Keuzerondjes id="bo-acuut" legenda="Is er acute onveiligheid?" verplicht keuzes={JA_NEE} waarde={s.acuut} onWijzig={veld('acuut')} fout={f.foutVan('bo-acuut')} />
      <Tekstvak id="bo-acuut-toelichting" label="Toelichting acute onveiligheid" verplicht waarde={s.acuutToelichting} onWijzig={veld('acuutToelichting')} rows={3} fout={f.foutVan('bo-acuut-toelichting')} />
      <Keuzerondjes id="bo-structureel" legenda="Is er structurele onveiligheid?" verplicht keuzes={JA_NEE} waarde={s.structureel} onWijzig={veld('structureel')} fout={f.foutVan('bo-structureel')} />
      <Tekstvak id="bo-structureel-toelichting" label="Toelichting structurele onveiligheid" verplicht waarde={s.structureelToelichting} onWijzig={veld('structureelToelichting')} rows={3} fout={f.foutVan('bo-structureel-toelichting')} />
      <details className="sv-uitklap" open={s.risicofactoren.length > 0}>
        <summary>Risicofactoren{s.risicofactoren.length > 0 ? ` (${s.risicofactoren.length} gekozen)` : ''}</summary>
        <Vinkjes id="bo-risico" legenda="Risicofactoren" keuzes={keuzesUit(RISICOFACTOR_NAMEN)} gekozen={s.risicofactoren} onWijzig={veld('risicofactoren')} fout={f.foutVan('bo-risico')} />
      </details>
      <Heading level={4}>Geraadpleegde informatie</Heading>
      {s.geraadpleegd.map((g, i) => (
        <div className="sv-velden-rij sv-bron" key={i}>
          <Keuzelijst
            id={`bo-bron-${i}-bron`}
            label={`Bron ${i + 1}`}
            verplicht
            waarde={g.bron}
            onWijzig={(bron) => veld('geraadpleegd')(s.geraadpleegd.map((x, j) => (j === i ? { ...x, bron } : x)))}
            leeg="Kies een bron"
            keuzes={keuzesUit(INFORMATIEBRON_NAMEN)}
            fout={f.foutVan(`bo-bron-${i}-bron`)}
          />
          <Tekstvak
            id={`bo-bron-${i}-samenvatting`}
            label={`Wat vertelde bron ${i + 1}?`}
            verplicht
            waarde={g.samenvatting}
            onWijzig={(samenvatting) => veld('geraadpleegd')(s.geraadpleegd.map((x, j) => (j === i ? { ...x, samenvatting } : x)))}
            rows={2}
            fout={f.foutVan(`bo-bron-${i}-samenvatting`)}
          />
          <Button type="button" appearance="subtle-button" onClick={() => veld('geraadpleegd')(s.geraadpleegd.filter((_, j) => j !== i))}>
            Bron {i + 1} verwijderen
          </Button>
        </div>
      ))}
      <div className="sv-form__acties">
        <Button type="button" appearance="secondary-action-button" onClick={() => veld('geraadpleegd')([...s.geraadpleegd, { bron: '', samenvatting: '' }])}>
          Bron toevoegen
        </Button>
      </div>
      <Keuzerondjes
        id="bo-kind"
        legenda="Kindcheck: zijn er kinderen (of is er een zwangerschap)?"
        verplicht
        keuzes={[...JA_NEE, { waarde: 'onbekend', label: 'Onbekend' }]}
        waarde={s.kinderen}
        onWijzig={veld('kinderen')}
        fout={f.foutVan('bo-kind')}
      />
      <Tekstvak id="bo-kind-toelichting" label="Hoe is het met de veiligheid van de kinderen?" verplicht={s.kinderen === 'ja'} waarde={s.kindToelichting} onWijzig={veld('kindToelichting')} rows={3} fout={f.foutVan('bo-kind-toelichting')} />
      <Tekstvak id="bo-samenvatting" label="Samenvatting" waarde={s.samenvatting} onWijzig={veld('samenvatting')} rows={4} fout={f.foutVan('bo-samenvatting')} />
    </>
  );
}

function InhoudLezen({ i }: { i: BeoordelingInhoud }) {
  const oordeel = (o: BeoordelingInhoud['acuteOnveiligheid']) => (o ? `${o.oordeel === 'ja' ? 'Ja' : 'Nee'}: ${o.toelichting}` : 'Niet ingevuld');
  return (
    <dl className="sv-gegevens">
      <div className="sv-gegevens__item sv-gegevens__item--breed">
        <dt>Acute onveiligheid</dt>
        <dd className="sv-tekst">{oordeel(i.acuteOnveiligheid)}</dd>
      </div>
      <div className="sv-gegevens__item sv-gegevens__item--breed">
        <dt>Structurele onveiligheid</dt>
        <dd className="sv-tekst">{oordeel(i.structureleOnveiligheid)}</dd>
      </div>
      <div className="sv-gegevens__item sv-gegevens__item--breed">
        <dt>Risicofactoren</dt>
        <dd>{i.risicofactoren.length > 0 ? i.risicofactoren.map(risicofactorLabel).join(', ') : 'Geen'}</dd>
      </div>
      <div className="sv-gegevens__item sv-gegevens__item--breed">
        <dt>Geraadpleegd</dt>
        <dd>
          {i.geraadpleegd.length > 0 ? (
            <ul className="sv-lijst sv-lijst--kaal">
              {i.geraadpleegd.map((g, n) => (
                <li key={n}>
                  {informatiebronLabel(g.bron)}: {g.samenvatting}
                </li>
              ))}
            </ul>
          ) : (
            'Niemand'
          )}
        </dd>
      </div>
      <div className="sv-gegevens__item sv-gegevens__item--breed">
        <dt>Kindcheck</dt>
        <dd className="sv-tekst">{i.kindcheck ? `Kinderen: ${i.kindcheck.kinderenAanwezig}${i.kindcheck.toelichting ? `. ${i.kindcheck.toelichting}` : ''}` : 'Niet gedaan'}</dd>
      </div>
      {i.samenvatting ? (
        <div className="sv-gegevens__item sv-gegevens__item--breed">
          <dt>Samenvatting</dt>
          <dd className="sv-tekst">{i.samenvatting}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/* ---------------------------------------------------------------- the decision */

interface BesluitStaat {
  soort: string;
  reden: string;
  naar: string;
  organisatieId: string;
  teamId: string;
  toelichting: string;
  voorwaarden: string;
  onderzoekReden: string;
  maatregelen: string[];
  uitkomst: string;
}

const LEEG_BESLUIT: BesluitStaat = {
  soort: '',
  reden: '',
  naar: 'lokaal-team',
  organisatieId: '',
  teamId: '',
  toelichting: '',
  voorwaarden: '',
  onderzoekReden: '',
  maatregelen: [],
  uitkomst: '',
};

function naarBesluit(s: BesluitStaat): BesluitInvoer | null {
  const t = s.toelichting.trim();
  const team = s.teamId ? { teamId: s.teamId } : {};
  switch (s.soort) {
    case 'einde-bemoeienis':
    case 'omzetten-naar-advies':
      return { soort: s.soort, reden: s.reden.trim() };
    case 'overdracht':
      return { soort: 'overdracht', naar: s.naar, organisatieId: s.organisatieId, ...team, toelichting: t };
    case 'voorwaarden-en-vervolg':
      return {
        soort: 'voorwaarden-en-vervolg',
        voorwaarden: s.voorwaarden.split('\n').map((v) => v.trim()).filter(Boolean),
        ...(s.organisatieId ? { organisatieId: s.organisatieId, ...team } : {}),
        toelichting: t,
      };
    case 'vt-onderzoek':
      return { soort: 'vt-onderzoek', reden: s.onderzoekReden, toelichting: t };
    case 'verzoek-rvdk':
      return { soort: 'verzoek-rvdk', toelichting: t };
    case 'acute-inzet':
      return { soort: 'acute-inzet', maatregelen: s.maatregelen, toelichting: t };
    default:
      return null;
  }
}

function besluitControle(s: BesluitStaat, onderzoek: boolean): VeldFout[] {
  const f: VeldFout[] = [];
  const nodig = (ok: boolean, id: string, tekst: string) => {
    if (!ok) f.push({ id, tekst });
  };
  nodig(!!s.soort, 'bs-soort', 'Kies een besluit.');
  if (s.soort === 'einde-bemoeienis' || s.soort === 'omzetten-naar-advies') nodig(!!s.reden.trim(), 'bs-reden', 'Geef de reden van het besluit.');
  else if (s.soort) nodig(!!s.toelichting.trim(), 'bs-toelichting', s.soort === 'overdracht' ? 'Schrijf de warme overdracht: wat moet de ontvanger weten?' : 'Geef een toelichting.');
  if (s.soort === 'overdracht') nodig(!!s.organisatieId, 'bs-organisatie', 'Kies de organisatie waaraan u overdraagt.');
  if (s.soort === 'voorwaarden-en-vervolg') nodig(!!s.voorwaarden.trim(), 'bs-voorwaarden', 'Noem ten minste één veiligheidsvoorwaarde.');
  if (s.soort === 'vt-onderzoek') nodig(!!s.onderzoekReden, 'bs-onderzoek-reden', 'Kies de reden voor het onderzoek.');
  if (s.soort === 'acute-inzet') nodig(s.maatregelen.length > 0, 'bs-maatregelen', 'Kies ten minste één maatregel.');
  if (onderzoek) nodig(!!s.uitkomst, 'bs-uitkomst', 'Geef de uitkomst van het onderzoek.');
  return f;
}

function BesluitVelden({ s, zet, f, partners, onderzoek }: { s: BesluitStaat; zet: (s: BesluitStaat) => void; f: Formulier; partners: Ketenpartner[]; onderzoek: boolean }) {
  const veld = <K extends keyof BesluitStaat>(key: K) => (waarde: BesluitStaat[K]) => zet({ ...s, [key]: waarde });
  const soorten = Object.entries(BESLUIT_NAMEN)
    .filter(([code]) => !onderzoek || BESLUITEN_NA_ONDERZOEK.includes(code))
    .map(([waarde, label]) => ({ waarde, label }));
  const orgKeuzes = partners
    .filter((p) => s.soort !== 'overdracht' || s.naar !== 'lokaal-team' || p.type === 'lokaal-team')
    .map((p) => ({ waarde: p.id, label: p.gemeente && !p.naam.includes(p.gemeente) ? `${p.naam} (${p.gemeente})` : p.naam }));
  const teams = partners.find((p) => p.id === s.organisatieId)?.teams ?? [];
  const metOntvanger = s.soort === 'overdracht' || s.soort === 'voorwaarden-en-vervolg';
  return (
    <>
      {onderzoek ? (
        <Keuzerondjes id="bs-uitkomst" legenda="Uitkomst van het onderzoek" verplicht keuzes={keuzesUit(ONDERZOEK_UITKOMST_NAMEN)} waarde={s.uitkomst} onWijzig={veld('uitkomst')} fout={f.foutVan('bs-uitkomst')} />
      ) : null}
      <Keuzerondjes id="bs-soort" legenda="Besluit" verplicht keuzes={soorten} waarde={s.soort} onWijzig={(soort) => zet({ ...s, soort, organisatieId: '', teamId: '' })} fout={f.foutVan('bs-soort')} />
      {s.soort === 'einde-bemoeienis' || s.soort === 'omzetten-naar-advies' ? (
        <Tekstvak id="bs-reden" label="Reden" verplicht waarde={s.reden} onWijzig={veld('reden')} rows={3} fout={f.foutVan('bs-reden')} />
      ) : null}
      {s.soort === 'overdracht' ? (
        <Keuzerondjes id="bs-naar" legenda="Overdragen aan" verplicht keuzes={keuzesUit(OVERDRACHT_SOORT_NAMEN)} waarde={s.naar} onWijzig={(naar) => zet({ ...s, naar, organisatieId: '', teamId: '' })} fout={f.foutVan('bs-naar')} />
      ) : null}
      {s.soort === 'voorwaarden-en-vervolg' ? (
        <Tekstvak id="bs-voorwaarden" label="Veiligheidsvoorwaarden" uitleg="Eén voorwaarde per regel." verplicht waarde={s.voorwaarden} onWijzig={veld('voorwaarden')} rows={4} fout={f.foutVan('bs-voorwaarden')} />
      ) : null}
      {metOntvanger ? (
        <div className="sv-velden-rij">
          <Keuzelijst
            id="bs-organisatie"
            label={s.soort === 'overdracht' ? 'Organisatie' : 'Partner die de voorwaarden in een plan uitwerkt'}
            verplicht={s.soort === 'overdracht'}
            waarde={s.organisatieId}
            onWijzig={(organisatieId) => zet({ ...s, organisatieId, teamId: '' })}
            leeg={s.soort === 'overdracht' ? 'Kies een organisatie' : 'Geen partner: Veilig Thuis volgt zelf'}
            keuzes={orgKeuzes}
            fout={f.foutVan('bs-organisatie')}
          />
          {teams.length > 0 ? (
            <Keuzelijst id="bs-team" label="Team" waarde={s.teamId} onWijzig={veld('teamId')} leeg="De hele organisatie" keuzes={teams.map((t) => ({ waarde: t.id, label: t.naam }))} fout={f.foutVan('bs-team')} />
          ) : null}
        </div>
      ) : null}
      {s.soort === 'vt-onderzoek' ? (
        <Keuzelijst id="bs-onderzoek-reden" label="Reden voor het onderzoek" verplicht waarde={s.onderzoekReden} onWijzig={veld('onderzoekReden')} leeg="Kies een reden" keuzes={keuzesUit(ONDERZOEK_REDEN_NAMEN)} fout={f.foutVan('bs-onderzoek-reden')} />
      ) : null}
      {s.soort === 'acute-inzet' ? (
        <Vinkjes id="bs-maatregelen" legenda="Maatregelen" keuzes={keuzesUit(ACUTE_MAATREGEL_NAMEN)} gekozen={s.maatregelen} onWijzig={veld('maatregelen')} fout={f.foutVan('bs-maatregelen')} />
      ) : null}
      {s.soort && s.soort !== 'einde-bemoeienis' && s.soort !== 'omzetten-naar-advies' ? (
        <Tekstvak
          id="bs-toelichting"
          label={s.soort === 'overdracht' ? 'Warme overdracht' : 'Toelichting'}
          uitleg={s.soort === 'overdracht' ? 'Wat moet de ontvanger weten? Wat is er gebeurd, wat is afgesproken en wie zijn de contactpersonen?' : undefined}
          verplicht
          waarde={s.toelichting}
          onWijzig={veld('toelichting')}
          rows={5}
          fout={f.foutVan('bs-toelichting')}
        />
      ) : null}
    </>
  );
}

/** What a decision holds, in words (its inhoud is the proposal as sent). */
function BesluitInhoud({ besluit, partners }: { besluit: BesluitView; partners: Ketenpartner[] }) {
  const i = besluit.inhoud;
  const tekst = (key: string) => (typeof i[key] === 'string' ? (i[key] as string) : null);
  const lijstVan = (key: string) => (Array.isArray(i[key]) ? (i[key] as unknown[]).filter((v): v is string => typeof v === 'string') : []);
  const org = partners.find((p) => p.id === tekst('organisatieId'));
  const team = org?.teams.find((t) => t.id === tekst('teamId'));
  const regels: [string, string][] = [];
  if (besluit.onderzoekUitkomst) regels.push(['Uitkomst onderzoek', onderzoekUitkomstLabel(besluit.onderzoekUitkomst)]);
  if (tekst('naar')) regels.push(['Overdragen aan', overdrachtSoortLabel(tekst('naar'))]);
  if (org) regels.push(['Organisatie', team ? `${org.naam}, ${team.naam}` : org.naam]);
  if (lijstVan('voorwaarden').length) regels.push(['Voorwaarden', lijstVan('voorwaarden').join('\n')]);
  if (lijstVan('maatregelen').length) regels.push(['Maatregelen', lijstVan('maatregelen').map(acuteMaatregelLabel).join(', ')]);
  if (tekst('soort') === 'vt-onderzoek' && tekst('reden')) regels.push(['Reden', onderzoekRedenLabel(tekst('reden'))]);
  else if (tekst('reden')) regels.push(['Reden', tekst('reden') ?? '']);
  if (tekst('toelichting')) regels.push([besluit.soort === 'overdracht' ? 'Warme overdracht' : 'Toelichting', tekst('toelichting') ?? '']);
  return (
    <dl className="sv-gegevens">
      {regels.map(([dt, dd]) => (
        <div className="sv-gegevens__item sv-gegevens__item--breed" key={dt}>
          <dt>{dt}</dt>
          <dd className="sv-tekst">{dd}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Four eyes: a proposal waits for a gedragswetenschapper who did not propose it; the proposer may withdraw it. */
function Voorstel({ b, besluit, sessie, partners, naWijziging }: { b: Beoordeling; besluit: BesluitView; sessie: Sessie; partners: Ketenpartner[]; naWijziging: NaWijziging }) {
  const f = useFormulier('voorstel-fouten');
  const [terugsturen, setTerugsturen] = useState(false);
  const zelf = besluit.voorgesteldDoor.id === sessie.gebruiker.id;
  const magBevestigen = sessie.rollen.includes(GEDRAGSWETENSCHAPPER) && !zelf;
  return (
    <div className="sv-panel sv-panel--waarschuwing sv-voorstel">
      <Heading level={3}>Wacht op bevestiging: {besluit.naam}</Heading>
      <Paragraph>
        Voorgesteld door {besluit.voorgesteldDoor.naam} op {formatDatumTijd(besluit.voorgesteldOp)}. Het besluit geldt pas als een tweede persoon, een
        gedragswetenschapper, het bevestigt.
      </Paragraph>
      <BesluitInhoud besluit={besluit} partners={partners} />
      <FoutSamenvatting id="voorstel-fouten" fouten={f.fouten} melding={f.melding} opnieuwLaden={f.conflict ? () => naWijziging('De gegevens zijn opnieuw geladen.') : null} kopNiveau={4} />
      {magBevestigen ? (
        <>
          <div className="sv-knoppen">
            <Button
              type="button"
              appearance="primary-action-button"
              busy={f.bezig}
              onClick={() =>
                void f.verstuur(async () => {
                  await voordeurApi.voorstelBeoordelen(besluit.id, 'bevestigen');
                  await naWijziging(`Het besluit "${besluit.naam}" is bevestigd.`);
                })
              }
            >
              Bevestigen
            </Button>
            <Button type="button" appearance="secondary-action-button" aria-expanded={terugsturen} onClick={() => setTerugsturen(!terugsturen)}>
              Terugsturen (met reden)
            </Button>
          </div>
          {terugsturen ? (
            <RedenFormulier
              id="voorstel-reden"
              label="Reden om terug te sturen"
              knop="Besluit terugsturen"
              leeg="Schrijf waarom u het besluit terugstuurt."
              veld="toelichting"
              formulier={f}
              onVerstuur={async (reden) => {
                await voordeurApi.voorstelBeoordelen(besluit.id, 'terugsturen', reden);
                await naWijziging('Het besluit is teruggestuurd.');
              }}
            />
          ) : null}
        </>
      ) : zelf ? (
        <>
          <Paragraph>U stelde dit besluit voor. Een gedragswetenschapper bevestigt het of stuurt het terug.</Paragraph>
          <Button
            type="button"
            appearance="secondary-action-button"
            busy={f.bezig}
            onClick={() =>
              void f.verstuur(async () => {
                await voordeurApi.voorstelIntrekken(b.id, b.versie);
                await naWijziging('Uw voorstel is ingetrokken.');
              })
            }
          >
            Voorstel intrekken
          </Button>
        </>
      ) : (
        <Paragraph>Een gedragswetenschapper die het besluit niet zelf voorstelde, bevestigt het.</Paragraph>
      )}
    </div>
  );
}

/** The assessment form and, below it, the decision; proposing first saves a changed assessment. */
function BeoordelingFormulier({ b, partners, naWijziging }: { b: Beoordeling; partners: Ketenpartner[]; naWijziging: NaWijziging }) {
  const f = useFormulier('beoordeling-fouten');
  const [inhoud, setInhoud] = useState(() => inhoudStaat(b.inhoud));
  const [besluit, setBesluit] = useState<BesluitStaat>(LEEG_BESLUIT);
  // What the server has: proposing saves a changed assessment first, so a failed proposal keeps the new version.
  const [basis, setBasis] = useState({ versie: b.versie, inhoud: b.inhoud });
  const onderzoek = b.status === 'onderzoek';
  const gewijzigd = JSON.stringify(naarInhoud(inhoud)) !== JSON.stringify(naarInhoud(inhoudStaat(basis.inhoud)));

  const opslaan = () =>
    f.verstuur(
      async () => {
        await voordeurApi.inhoudOpslaan(b.id, naarInhoud(inhoud), basis.versie);
        await naWijziging('De beoordeling is opgeslagen.');
      },
      { controle: () => inhoudControle(inhoud), velden: beoordelingVeld },
    );

  const voorstellen = () =>
    f.verstuur(
      async () => {
        let versie = basis.versie;
        if (gewijzigd) {
          const opgeslagen = await voordeurApi.inhoudOpslaan(b.id, naarInhoud(inhoud), basis.versie);
          versie = opgeslagen.versie;
          setBasis({ versie, inhoud: opgeslagen.inhoud });
        }
        const invoer = naarBesluit(besluit);
        if (!invoer) return;
        await voordeurApi.besluitVoorstellen(b.id, invoer, versie, onderzoek ? besluit.uitkomst : undefined);
        await naWijziging(`Het besluit "${BESLUIT_NAMEN[invoer.soort] ?? invoer.soort}" is voorgesteld. Het wacht op bevestiging door een gedragswetenschapper.`);
      },
      { controle: () => [...inhoudControle(inhoud), ...besluitControle(besluit, onderzoek)], velden: beoordelingVeld },
    );

  return (
    <form className="sv-form sv-form--breed" noValidate onSubmit={(e) => e.preventDefault()}>
      <FoutSamenvatting id="beoordeling-fouten" fouten={f.fouten} melding={f.melding} opnieuwLaden={f.conflict ? () => naWijziging('De gegevens zijn opnieuw geladen. Uw wijzigingen zijn niet opgeslagen.') : null} />
      <Heading level={3}>Beoordeling</Heading>
      <InhoudVelden s={inhoud} zet={setInhoud} f={f} />
      <div className="sv-form__acties">
        <Button type="button" appearance="secondary-action-button" busy={f.bezig} onClick={() => void opslaan()}>
          Beoordeling opslaan
        </Button>
        {gewijzigd ? <span className="sv-opslag">Er zijn wijzigingen die nog niet zijn opgeslagen.</span> : null}
      </div>
      <Heading level={3}>{onderzoek ? 'Onderzoek afsluiten met een besluit' : 'Besluit'}</Heading>
      <Paragraph>Een besluit geldt pas als een gedragswetenschapper die het niet zelf voorstelde, het bevestigt.</Paragraph>
      <BesluitVelden s={besluit} zet={setBesluit} f={f} partners={partners} onderzoek={onderzoek} />
      <div className="sv-form__acties">
        <Button type="button" appearance="primary-action-button" busy={f.bezig} onClick={() => void voorstellen()}>
          Besluit voorstellen
        </Button>
      </div>
    </form>
  );
}

function Geschiedenis({ b }: { b: Beoordeling }) {
  return (
    <>
      {b.besluiten.length > 0 ? (
        <Tabel titel="Besluiten" kolommen={['Besluit', 'Status', 'Voorgesteld', 'Bevestigd of teruggestuurd']}>
          {b.besluiten.map((s) => (
            <TableRow key={s.id}>
              <TableHeaderCell scope="row">
                {s.naam}
                {s.fase === 'onderzoek' ? ' (na onderzoek)' : ''}
              </TableHeaderCell>
              <TableCell>{besluitStatusLabel(s.status)}</TableCell>
              <TableCell>
                {s.voorgesteldDoor.naam}, {formatDatumTijd(s.voorgesteldOp)}
              </TableCell>
              <TableCell>
                {s.beoordeeldDoor && s.beoordeeldOp ? `${s.beoordeeldDoor.naam}, ${formatDatumTijd(s.beoordeeldOp)}` : '–'}
                {s.toelichting ? <span className="sv-tekst">{`: ${s.toelichting}`}</span> : null}
              </TableCell>
            </TableRow>
          ))}
        </Tabel>
      ) : (
        <Paragraph>Er zijn nog geen besluiten.</Paragraph>
      )}
      {b.overdrachten.length > 0 ? (
        <Tabel titel="Overdrachten" kolommen={['Naar', 'Status', 'Voorgesteld op', 'Antwoord']}>
          {b.overdrachten.map((o) => (
            <TableRow key={o.id}>
              <TableHeaderCell scope="row">
                {o.naarOrganisatie.naam}
                {o.naarTeam ? `, ${o.naarTeam.naam}` : ''}
                {o.soort ? ` (${overdrachtSoortLabel(o.soort).toLowerCase()})` : ''}
              </TableHeaderCell>
              <TableCell>
                <strong>{overdrachtStatusLabel(o.status)}</strong>
              </TableCell>
              <TableCell>{formatDatumTijd(o.voorgesteldOp)}</TableCell>
              <TableCell>
                {o.beantwoordOp ? `${o.beantwoordDoor?.naam ?? 'Onbekend'}, ${formatDatumTijd(o.beantwoordOp)}` : '–'}
                {o.reden ? `: ${o.reden}` : ''}
              </TableCell>
            </TableRow>
          ))}
        </Tabel>
      ) : null}
    </>
  );
}

/** Everything about the assessment of one melding. */
export function BeoordelingSectie({ b, sessie, partners, naWijziging }: { b: Beoordeling; sessie: Sessie; partners: Ketenpartner[]; naWijziging: NaWijziging }) {
  const voorstel = b.besluiten.find((s) => s.status === 'voorgesteld');
  const eigenTeams = partners.find((p) => p.id === sessie.organisatie?.id)?.teams ?? [];
  const bewerkbaar = b.status === 'open' || b.status === 'onderzoek';
  return (
    <>
      <Termijnen b={b} />
      <Toewijzing key={`t${b.versie}`} b={b} sessie={sessie} eigenTeams={eigenTeams} naWijziging={naWijziging} />
      {voorstel ? <Voorstel key={`v${voorstel.id}`} b={b} besluit={voorstel} sessie={sessie} partners={partners} naWijziging={naWijziging} /> : null}
      {bewerkbaar ? (
        <BeoordelingFormulier key={`f${b.versie}`} b={b} partners={partners} naWijziging={naWijziging} />
      ) : (
        <>
          <Heading level={3}>Beoordeling</Heading>
          <InhoudLezen i={b.inhoud} />
        </>
      )}
      <Heading level={3}>Geschiedenis van besluiten en overdrachten</Heading>
      <Geschiedenis b={b} />
    </>
  );
}
