/**
 * How the dashboard groups the figures (codes of packages/domain/src/cijfers/kerncijfers.ts): a section per
 * group with line charts over time and bars per gemeente. Labels and units come from the server's `definities`;
 * a code the server sends that no group names is shown under "Overige cijfers" (table only), and a code named
 * here that the server does not send is left out.
 */
import type { CijferDefinitie } from './cijfersApi';

type Keuze = string | ((code: string) => boolean);

export interface CijferGroep {
  id: string;
  titel: string;
  /** What the figures mean, in plain Dutch. */
  uitleg: string;
  /** The codes of this group, in order; a function takes every matching code in the server's order. */
  codes: Keuze[];
  /** Line charts over the periods: each a title and its codes (split by unit and into charts of at most 5 lines). */
  lijnen: { titel: string; codes: Keuze[] }[];
  /** Bars that split one figure of the chosen area and period into its parts (e.g. melders by sector). */
  verdeling?: { titel: string; codes: Keuze[] };
  /** The figure shown first in the bars per gemeente (or per region). */
  perDeel: string;
}

const begintMet = (prefix: string) => (code: string) => code.startsWith(prefix);

export const CIJFER_GROEPEN: CijferGroep[] = [
  {
    id: 'volume',
    titel: 'Adviezen en meldingen',
    uitleg:
      'Een advies is een vraag aan Veilig Thuis om raad. Een melding is een zorg over de veiligheid in een huishouden; Veilig Thuis beoordeelt elke melding. "Waarvan uniek" telt elk huishouden en elke persoon één keer, ook als er meer meldingen over zijn.',
    codes: ['adviezen', 'meldingen', 'unieke-huishoudens', 'unieke-personen'],
    lijnen: [{ titel: 'Adviezen en meldingen per periode', codes: ['adviezen', 'meldingen', 'unieke-huishoudens', 'unieke-personen'] }],
    perDeel: 'meldingen',
  },
  {
    id: 'eerder',
    titel: 'Eerste melding, hermelding of vervolgmelding',
    uitleg:
      'Een eerste melding gaat over mensen die nog niet eerder gemeld waren. Een hermelding gaat over mensen die eerder gemeld waren, in een zaak die al was afgesloten. Een vervolgmelding komt binnen terwijl de zaak nog loopt.',
    codes: ['eerste-meldingen', 'hermeldingen', 'vervolgmeldingen', 'bekend-huishouden', 'pct-bekend-huishouden'],
    lijnen: [
      { titel: 'Soort melding per periode', codes: ['eerste-meldingen', 'hermeldingen', 'vervolgmeldingen'] },
      { titel: 'Aandeel meldingen over een bekend huishouden per periode', codes: ['pct-bekend-huishouden'] },
    ],
    perDeel: 'pct-bekend-huishouden',
  },
  {
    id: 'melders',
    titel: 'Wie meldt',
    uitleg: 'Wie de melding deed: de politie, een beroepskracht (zoals een huisarts of leerkracht) of iemand die niet voor zijn werk meldt (zoals familie of buren).',
    codes: ['melder.politie', 'melder.beroepskracht', begintMet('melder.beroepskracht.'), 'melder.niet-beroepsmatig', 'pct-melder-politie'],
    lijnen: [
      { titel: 'Meldingen per soort melder per periode', codes: ['melder.politie', 'melder.beroepskracht', 'melder.niet-beroepsmatig'] },
      { titel: 'Aandeel meldingen van de politie per periode', codes: ['pct-melder-politie'] },
    ],
    verdeling: { titel: 'Meldingen van beroepskrachten per sector', codes: [begintMet('melder.beroepskracht.')] },
    perDeel: 'pct-melder-politie',
  },
  {
    id: 'geweld',
    titel: 'Vormen van geweld',
    uitleg:
      'Over welke vorm van geweld een melding gaat. Een melding kan over meer vormen gaan en telt dan bij elke vorm mee. Daarom zijn de aantallen samen meer dan het aantal meldingen.',
    codes: [begintMet('geweld.')],
    lijnen: [{ titel: 'Meldingen per vorm van geweld per periode', codes: [begintMet('geweld.')] }],
    verdeling: { titel: 'Meldingen per vorm van geweld', codes: [begintMet('geweld.')] },
    perDeel: 'meldingen',
  },
  {
    id: 'beoordeling',
    titel: 'Na de eerste beoordeling',
    uitleg:
      'Wat er gebeurde na de eerste beoordeling van de veiligheid: overgedragen aan bijvoorbeeld het lokaal team, of eerst onderzoek of voorwaarden en vervolg door Veilig Thuis.',
    codes: ['beoordeeld', 'overgedragen', 'pct-overgedragen', 'vervolg-door-vt', 'huisverbod-beoordelingen'],
    lijnen: [
      { titel: 'Beoordelingen en wat erna gebeurde per periode', codes: ['beoordeeld', 'overgedragen', 'vervolg-door-vt', 'huisverbod-beoordelingen'] },
      { titel: 'Aandeel overgedragen na de eerste beoordeling per periode', codes: ['pct-overgedragen'] },
    ],
    perDeel: 'pct-overgedragen',
  },
  {
    id: 'tijd',
    titel: 'Op tijd beoordeeld',
    uitleg:
      'Hoeveel meldingen binnen de termijn zijn beoordeeld: de wettelijke termijn en de kortere termijn die de regio zelf afsprak. Meldingen waarvan de termijn nog loopt, tellen pas mee als ze beoordeeld zijn of als de termijn voorbij is.',
    codes: [
      'pct-binnen-wettelijke-termijn',
      'pct-binnen-regionale-termijn',
      'binnen-wettelijke-termijn',
      'getoetst-wettelijke-termijn',
      'binnen-regionale-termijn',
      'getoetst-regionale-termijn',
      'mediaan-uren-tot-beoordeling',
    ],
    lijnen: [
      { titel: 'Op tijd beoordeeld per periode', codes: ['pct-binnen-wettelijke-termijn', 'pct-binnen-regionale-termijn'] },
      { titel: 'Mediane tijd tot de beoordeling per periode', codes: ['mediaan-uren-tot-beoordeling'] },
    ],
    perDeel: 'pct-binnen-wettelijke-termijn',
  },
  {
    id: 'recidive',
    titel: 'Opnieuw gemeld (recidive)',
    uitleg:
      'Van de huishoudens waarvoor in de periode hulp begon na een melding: hoeveel binnen 12 maanden na die start opnieuw gemeld zijn. Dit is pas bekend als die 12 maanden voorbij zijn.',
    codes: ['recidive-cohort', 'recidive-opnieuw-gemeld', 'pct-recidive'],
    lijnen: [
      { titel: 'Opnieuw gemeld binnen 12 maanden per periode', codes: ['pct-recidive'] },
      { titel: 'Huishoudens met hulp en opnieuw gemeld per periode', codes: ['recidive-cohort', 'recidive-opnieuw-gemeld'] },
    ],
    perDeel: 'pct-recidive',
  },
];

/** The codes of `definities` a choice names, in the order of the choice (a function: in the server's order). */
export function kies(keuzes: Keuze[], definities: CijferDefinitie[]): CijferDefinitie[] {
  const perCode = new Map(definities.map((d) => [d.code, d]));
  const uit: CijferDefinitie[] = [];
  for (const k of keuzes) {
    const gevonden = typeof k === 'string' ? (perCode.has(k) ? [perCode.get(k)!] : []) : definities.filter((d) => k(d.code));
    for (const d of gevonden) if (!uit.includes(d)) uit.push(d);
  }
  return uit;
}

/** The groups with their figures as the server sends them, and "Overige cijfers" for codes no group names. */
export function groepeer(definities: CijferDefinitie[]): { groep: CijferGroep; definities: CijferDefinitie[] }[] {
  const gezien = new Set<string>();
  const uit = CIJFER_GROEPEN.map((groep) => {
    const defs = kies(groep.codes, definities).filter((d) => !gezien.has(d.code));
    for (const d of defs) gezien.add(d.code);
    return { groep, definities: defs };
  }).filter((g) => g.definities.length > 0);
  const rest = definities.filter((d) => !gezien.has(d.code));
  if (rest.length > 0) {
    uit.push({
      groep: { id: 'overig', titel: 'Overige cijfers', uitleg: 'Cijfers die nog niet in een grafiek staan.', codes: [], lijnen: [], perDeel: rest[0]!.code },
      definities: rest,
    });
  }
  return uit;
}

/** Splits figures into charts: one unit per chart, at most `max` lines each. */
export function verdeelOverGrafieken(definities: CijferDefinitie[], max = 5): CijferDefinitie[][] {
  const perEenheid = new Map<string, CijferDefinitie[]>();
  for (const d of definities) perEenheid.set(d.eenheid, [...(perEenheid.get(d.eenheid) ?? []), d]);
  const uit: CijferDefinitie[][] = [];
  for (const lijst of perEenheid.values()) {
    const stukken = Math.ceil(lijst.length / max);
    const per = Math.ceil(lijst.length / stukken);
    for (let i = 0; i < lijst.length; i += per) uit.push(lijst.slice(i, i + per));
  }
  return uit;
}
