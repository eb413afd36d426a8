/**
 * The figures of one area (gemeente, region, installation) and period as one flat record, the list
 * of every figure with its Dutch label and its CBS-style variable, and the protection of a set of
 * areas for aggregate-only roles (linked tables: gemeenten and their total).
 */
import { MELDER_SECTOREN, type MelderSector } from '../model.js';
import { GEWELDSVORMEN } from '../reference/index.js';
import {
  bekendHuishouden,
  GEWELDSCATEGORIEEN,
  MELDER_SECTOR_NAMEN,
  meldingenPerGeweldscategorie,
  meldingenPerMelderGroep,
  meldingenPerSoort,
  meldingfeitenIn,
  recidive,
  tijdigheid,
  uitkomstEersteBeoordeling,
  uniekeHuishoudens,
  uniekePersonen,
  type CijferBasis,
  type CijferFilter,
} from './definities.js';
import { periodeToets } from './periode.js';
import { beschermAandeel, beschermStelsel, isKlein, type Cel, type Lijn, type OnthullingInstellingen } from './onthulling.js';

export type Eenheid = 'aantal' | 'procent' | 'uren';

export interface CijferDefinitie {
  /** Stable key of the figure in this code, the API and the exports. */
  readonly code: string;
  /** Dutch label shown to users. */
  readonly naam: string;
  readonly eenheid: Eenheid;
  /** Variable name in the CBS-style long export (CBS label where one exists, see docs/cijfers.md). */
  readonly variabele: string;
  /** The CBS Beleidsinformatie Veilig Thuis item it follows; null for a figure of our own. */
  readonly cbs: string | null;
  /** For a percentage: the codes of its numerator and denominator. */
  readonly teller?: string;
  readonly noemer?: string;
  /** A count whose gemeente values add up to the region's (false for distinct households and persons). */
  readonly optelbaar: boolean;
}

const pascal = (code: string) =>
  code
    .split(/[^a-z0-9]+/i)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

const aantal = (code: string, naam: string, variabele: string, cbs: string | null, optelbaar = true): CijferDefinitie => ({
  code,
  naam,
  eenheid: 'aantal',
  variabele,
  cbs,
  optelbaar,
});
const procent = (code: string, naam: string, variabele: string, teller: string, noemer: string): CijferDefinitie => ({
  code,
  naam,
  eenheid: 'procent',
  variabele,
  cbs: null,
  teller,
  noemer,
  optelbaar: false,
});

const CBS_TABELLEN = 'CBS Beleidsinformatie Veilig Thuis (84847NED-84855NED)';
const CBS_EERDER = 'CBS 85361NED / maatwerk "Meerdere meldingen bij Veilig Thuis"';

const CATEGORIE_NAMEN = new Map(GEWELDSVORMEN.filter((v) => v.categorie === null).map((v) => [v.code, v.naam]));

/** Every figure, in the order of the dashboard. */
export const CIJFERS: readonly CijferDefinitie[] = [
  aantal('adviezen', 'Adviezen', 'GestarteAdviezen', `${CBS_TABELLEN}: gestarte adviezen`),
  aantal('meldingen', 'Meldingen', 'OntvangenMeldingen', `${CBS_TABELLEN}: ontvangen meldingen`),
  aantal('unieke-huishoudens', 'Waarvan uniek: huishoudens', 'CasussenMetOntvangenMelding', `${CBS_TABELLEN}: casussen met ontvangen melding(en) (benadering)`, false),
  aantal('unieke-personen', 'Waarvan uniek: personen', 'UniekePersonenInMeldingen', null, false),
  aantal('eerste-meldingen', 'Eerste meldingen', 'EersteMelding', `${CBS_EERDER}: 1e melding, niemand eerder in beeld`),
  aantal('hermeldingen', 'Hermeldingen', 'Hermelding', `${CBS_EERDER}: 1e melding in een casus, eerder in beeld in een afgesloten casus`),
  aantal('vervolgmeldingen', 'Vervolgmeldingen', 'Vervolgmelding', `${CBS_EERDER}: melding toegevoegd aan een lopende casus`),
  aantal('bekend-huishouden', 'Meldingen over een huishouden dat bekend is uit een eerdere melding', 'MeldingenBekendHuishouden', null),
  procent('pct-bekend-huishouden', 'Aandeel meldingen over een bekend huishouden (%)', 'PercentageMeldingenBekendHuishouden', 'bekend-huishouden', 'meldingen'),
  aantal('melder.politie', 'Melder: politie', 'MelderPolitie', `${CBS_TABELLEN}: melder justitie en veiligheid, politie`),
  aantal('melder.beroepskracht', 'Melder: beroepskracht (alle sectoren)', 'MelderBeroepsmatig', `${CBS_TABELLEN}: melder beroepsmatig (zonder politie)`),
  ...MELDER_SECTOREN.map((s) =>
    aantal(`melder.beroepskracht.${s}`, `Melder: beroepskracht, ${MELDER_SECTOR_NAMEN[s].toLowerCase()}`, `MelderBeroepsmatig${pascal(s)}`, `${CBS_TABELLEN}: melder sector`),
  ),
  aantal('melder.niet-beroepsmatig', 'Melder: niet-beroepsmatig', 'MelderNietBeroepsmatig', `${CBS_TABELLEN}: melder niet-beroepsmatig`),
  procent('pct-melder-politie', 'Aandeel meldingen van de politie (%)', 'PercentageMelderPolitie', 'melder.politie', 'meldingen'),
  ...GEWELDSCATEGORIEEN.map((c) =>
    aantal(`geweld.${c}`, `Meldingen over ${(CATEGORIE_NAMEN.get(c) ?? 'een onbekende geweldsvorm').toLowerCase()}`, `MeldingenAardGeweld${pascal(c)}`, null),
  ),
  aantal('beoordeeld', 'Beoordeelde meldingen', 'BeoordeeldeMeldingen', null),
  aantal('overgedragen', 'Na de eerste beoordeling overgedragen', 'OverdrachtNaEersteBeoordeling', null),
  procent('pct-overgedragen', 'Na de eerste beoordeling overgedragen (%)', 'PercentageOverdrachtNaEersteBeoordeling', 'overgedragen', 'beoordeeld'),
  aantal('vervolg-door-vt', 'Onderzoek of voorwaarden en vervolg door Veilig Thuis vóór overdracht', 'VervolgDoorVeiligThuis', null),
  aantal('huisverbod-beoordelingen', 'Beoordelingen van tijdelijke huisverboden', 'BeoordelingenTijdelijkHuisverbod', null),
  aantal('binnen-wettelijke-termijn', 'Beoordeeld binnen de wettelijke termijn', 'BinnenWettelijkeTermijn', null),
  aantal('getoetst-wettelijke-termijn', 'Beoordeeld of over de wettelijke termijn', 'GetoetstWettelijkeTermijn', null),
  procent('pct-binnen-wettelijke-termijn', 'Binnen de wettelijke termijn beoordeeld (%)', 'PercentageBinnenWettelijkeTermijn', 'binnen-wettelijke-termijn', 'getoetst-wettelijke-termijn'),
  aantal('binnen-regionale-termijn', 'Beoordeeld binnen de regionale termijn', 'BinnenRegionaleTermijn', null),
  aantal('getoetst-regionale-termijn', 'Beoordeeld of over de regionale termijn', 'GetoetstRegionaleTermijn', null),
  procent('pct-binnen-regionale-termijn', 'Binnen de regionale termijn beoordeeld (%)', 'PercentageBinnenRegionaleTermijn', 'binnen-regionale-termijn', 'getoetst-regionale-termijn'),
  {
    code: 'mediaan-uren-tot-beoordeling',
    naam: 'Mediane tijd tot de beoordeling (uren)',
    eenheid: 'uren',
    variabele: 'MediaanUrenTotBeoordeling',
    cbs: null,
    noemer: 'beoordeeld',
    optelbaar: false,
  },
  aantal('recidive-cohort', 'Huishoudens met een interventie die in de periode startte', 'RecidiveCohort', null, false),
  aantal('recidive-opnieuw-gemeld', '... van wie binnen 12 maanden opnieuw gemeld', 'RecidiveOpnieuwGemeld', null, false),
  procent('pct-recidive', 'Opnieuw gemeld binnen 12 maanden na de start van een interventie (%)', 'PercentageRecidive12Maanden', 'recidive-opnieuw-gemeld', 'recidive-cohort'),
];

const perCode = new Map(CIJFERS.map((c) => [c.code, c]));

export function cijferDefinitie(code: string): CijferDefinitie | undefined {
  return perCode.get(code);
}

/** The figures of one area and period: every code of CIJFERS; null when not (yet) known. */
export type Kerncijfers = Readonly<Record<string, number | null>>;

const pct = (teller: number, noemer: number) => (noemer === 0 ? null : Math.round((teller / noemer) * 1000) / 10);

/**
 * Every figure for the filter (period and gemeenten) at `now`. Recidivism is null until the
 * 12 months after the period have passed; huisverbod assessments are null (not yet recorded).
 */
export function kerncijfers(basis: CijferBasis, f: CijferFilter, now: Date): Kerncijfers {
  const g = f.gemeenten ? new Set(f.gemeenten) : null;
  const feiten = meldingfeitenIn(basis, f);
  const meldingen = feiten.map((m) => m.contact);
  const inP = periodeToets(f.periode);
  const adviezen = basis.adviezen.filter((c) => (g === null || g.has(c.gemeente)) && inP(c.ontvangenOp)).length;
  const soort = meldingenPerSoort(feiten);
  const bekend = bekendHuishouden(feiten);
  const melder = meldingenPerMelderGroep(meldingen);
  const geweld = meldingenPerGeweldscategorie(meldingen);
  const uitkomst = uitkomstEersteBeoordeling(feiten);
  const tijd = tijdigheid(feiten, now);
  const rec = recidive(basis, f, now);
  const beroeps = MELDER_SECTOREN.reduce((s, sector) => s + melder.get(`beroepskracht.${sector}`)!, 0);
  const r: Record<string, number | null> = {
    adviezen,
    meldingen: feiten.length,
    'unieke-huishoudens': uniekeHuishoudens(meldingen),
    'unieke-personen': uniekePersonen(meldingen),
    'eerste-meldingen': soort['eerste-melding'],
    hermeldingen: soort.hermelding,
    vervolgmeldingen: soort.vervolgmelding,
    'bekend-huishouden': bekend.teller,
    'pct-bekend-huishouden': pct(bekend.teller, bekend.noemer),
    'melder.politie': melder.get('politie')!,
    'melder.beroepskracht': beroeps,
    'melder.niet-beroepsmatig': melder.get('niet-beroepsmatig')!,
    'pct-melder-politie': pct(melder.get('politie')!, feiten.length),
    beoordeeld: uitkomst.beoordeeld,
    overgedragen: uitkomst.overgedragen,
    'pct-overgedragen': pct(uitkomst.overgedragen, uitkomst.beoordeeld),
    'vervolg-door-vt': uitkomst.vervolgDoorVeiligThuis,
    'huisverbod-beoordelingen': null,
    'binnen-wettelijke-termijn': tijd.wettelijk.teller,
    'getoetst-wettelijke-termijn': tijd.wettelijk.noemer,
    'pct-binnen-wettelijke-termijn': pct(tijd.wettelijk.teller, tijd.wettelijk.noemer),
    'binnen-regionale-termijn': tijd.regionaal.teller,
    'getoetst-regionale-termijn': tijd.regionaal.noemer,
    'pct-binnen-regionale-termijn': pct(tijd.regionaal.teller, tijd.regionaal.noemer),
    'mediaan-uren-tot-beoordeling': tijd.mediaanUren,
    'recidive-cohort': rec ? rec.noemer : null,
    'recidive-opnieuw-gemeld': rec ? rec.teller : null,
    'pct-recidive': rec ? pct(rec.teller, rec.noemer) : null,
  };
  for (const s of MELDER_SECTOREN) r[`melder.beroepskracht.${s as MelderSector}`] = melder.get(`beroepskracht.${s}`)!;
  for (const c of GEWELDSCATEGORIEEN) r[`geweld.${c}`] = geweld.get(c)!;
  return r;
}

// ---------------------------------------------------------------------------------------------
// Protection for aggregate-only roles

/** The additive relations within one area's figures: parts → total (codes). */
export const RELATIES: readonly { readonly delen: readonly string[]; readonly totaal: string }[] = [
  { delen: ['melder.politie', 'melder.beroepskracht', 'melder.niet-beroepsmatig'], totaal: 'meldingen' },
  { delen: MELDER_SECTOREN.map((s) => `melder.beroepskracht.${s}`), totaal: 'melder.beroepskracht' },
  { delen: ['eerste-meldingen', 'hermeldingen', 'vervolgmeldingen'], totaal: 'meldingen' },
  { delen: ['hermeldingen', 'vervolgmeldingen'], totaal: 'bekend-huishouden' },
  { delen: ['eerste-meldingen', 'bekend-huishouden'], totaal: 'meldingen' },
];

export type BeschermdeKerncijfers = Readonly<Record<string, Cel>>;

/**
 * Protects the figures of several areas shown together (e.g. the gemeenten of a region) and,
 * optionally, of their total (the region; the gemeenten must then partition it). Every count gets
 * primary suppression; the additive relations within an area (RELATIES) and, with a total, the sum
 * over the areas of every additive count are the lines of secondary suppression, all in one system,
 * so a cell hidden in one table is hidden in every table that shares it. Percentages and the median
 * follow their counts (beschermAandeel; the median is hidden when its count is small or hidden).
 */
export function beschermKerncijfers(
  gebieden: readonly Kerncijfers[],
  totaal: Kerncijfers | null,
  inst: OnthullingInstellingen = {},
): { gebieden: BeschermdeKerncijfers[]; totaal: BeschermdeKerncijfers | null } {
  const alle = totaal ? [...gebieden, totaal] : [...gebieden];
  const aantallen = CIJFERS.filter((c) => c.eenheid === 'aantal');
  const waarden: number[] = [];
  const index = new Map<string, number>(); // `${area}|${code}` → index; null values are not in the system
  alle.forEach((k, a) => {
    for (const c of aantallen) {
      const v = k[c.code];
      if (v === null || v === undefined) continue;
      index.set(`${a}|${c.code}`, waarden.length);
      waarden.push(v);
    }
  });
  const lijnen: Lijn[] = [];
  const idx = (a: number, code: string) => index.get(`${a}|${code}`);
  alle.forEach((_, a) => {
    for (const rel of RELATIES) {
      const delen = rel.delen.map((d) => idx(a, d));
      const t = idx(a, rel.totaal);
      if (t !== undefined && delen.every((d) => d !== undefined)) lijnen.push({ delen: delen as number[], totaal: t });
    }
  });
  if (totaal) {
    const ti = alle.length - 1;
    for (const c of aantallen) {
      if (!c.optelbaar) continue;
      const delen = gebieden.map((_, a) => idx(a, c.code));
      const t = idx(ti, c.code);
      if (t !== undefined && delen.length > 0 && delen.every((d) => d !== undefined)) lijnen.push({ delen: delen as number[], totaal: t });
    }
  }
  const cellen = beschermStelsel(waarden, lijnen, inst);
  const uit = alle.map((k, a) => {
    const r: Record<string, Cel> = {};
    for (const c of aantallen) {
      const i = idx(a, c.code);
      r[c.code] = i === undefined ? { status: 'nvt' } : cellen[i]!;
    }
    volgAantallen(k, r, inst);
    return r;
  });
  return { gebieden: uit.slice(0, gebieden.length), totaal: totaal ? uit[uit.length - 1]! : null };
}

/**
 * The derived cells of one area follow their protected counts (`r` holds those): a percentage by
 * beschermAandeel, the median hidden when its count is small or hidden. Fills them into `r`.
 */
export function volgAantallen(k: Kerncijfers, r: Record<string, Cel>, inst: OnthullingInstellingen): void {
  const bekend = (v: number | null | undefined): v is number => v !== null && v !== undefined;
  for (const c of CIJFERS) {
    if (c.eenheid === 'procent') {
      const t = k[c.teller!];
      const n = k[c.noemer!];
      r[c.code] = !bekend(t) || !bekend(n) ? { status: 'nvt' } : beschermAandeel(t, n, inst, { teller: r[c.teller!]!, noemer: r[c.noemer!]! });
    } else if (c.eenheid === 'uren') {
      const v = k[c.code];
      const n = k[c.noemer!];
      r[c.code] = !bekend(v) || !bekend(n) ? { status: 'nvt' } : r[c.noemer!]!.status !== 'zichtbaar' || isKlein(n) ? { status: 'geheim' } : { status: 'zichtbaar', waarde: v };
    }
  }
}
