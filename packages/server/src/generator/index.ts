/**
 * `samenveilig generate`: the deterministic synthetic data generator. It is the only source of
 * data for tests, demos and benchmarks (real personal data never enters the repository).
 *
 * Pure and streaming: `generateContacts` yields import lines (see docs/import-format.md) in order
 * of `ontvangenOp`, day by day, and keeps only compact state: households are not kept as objects
 * but re-derived from (seed, household id) whenever they get another contact; the pool of
 * households known from a melding is a handful of typed arrays (about 10 bytes per household).
 */
import { GEMEENTEN, type ImportLine, type MelderType, type PersoonRol } from '@samenveilig/domain';
import { amsterdamOffsets, clock, daysFromCivil, existingLocalSecond, formatOffset, isoDate, offsetAt, weekday, civilFromDays, type DayOffsets } from './calendar.js';
import { resolveForms, type Categorie, type ResolvedForms } from './categories.js';
import { CLOSINGS, OPENINGS, SITUATIONS } from './lists/templates.js';
import { Geography, type Address } from './geo.js';
import { HOUSEHOLD_TYPES, TYPE_FOR_CATEGORY, deriveHousehold, secondaryCategory, type Household, type Person } from './household.js';
import { RELATIES_ADVIES, RELATIES_MELDING, policeMelder, privateMelder, professionalMelder, type Melder } from './melder.js';
import { ageAt, assignRoles } from './roles.js';
import { Rng, Weighted, mix32 } from './rng.js';
import { tussenvoegselVariant, typo, withoutDiacritics } from './variation.js';
import { historischeBeoordeling } from './beoordeling.js';

export interface GenerateOptions {
  seed: number; // an integer; same seed + same options => byte-identical output
  regionIds: string[]; // regions whose gemeenten receive contacts (from REGIONS)
  fromYear: number; // first calendar year, e.g. 2015
  years: number; // span, e.g. 10
  /** meldingen per year for all regionIds together; adviezen follow the sources' ratio */
  meldingenPerYear: number;
  /** the last moment contacts may have (default: end of the last year); for a demo "now" */
  until?: Date;
  /** include sender external ids for persons and households (default true). */
  externalIds?: boolean;
  /**
   * Contacts received from this moment on carry no sender ids, as if entered on the intake screen: their
   * persons are new registrations, with registration noise, for the radar to recognise (the demo's last weeks).
   */
  zonderIdsVanaf?: Date;
  /**
   * adviezen per melding (default: the national ratio 143,210 : 127,340 = 1.12; the region of
   * seed 001 had about 1.6-2.3, see `SEED_001_ADVIEZEN_PER_MELDING`).
   */
  adviezenPerMelding?: number;
}

export const NATIONAL_MELDINGEN_PER_YEAR = 127_340;
export const NATIONAL_ADVIEZEN_PER_YEAR = 143_210;
/** Inhabitants of the Netherlands in 2023, the base of `regionalVolume`. */
export const NATIONAL_INHABITANTS = 17_900_000;
/** Adviezen per melding nationally (CBS 2023). */
export const NATIONAL_ADVIEZEN_PER_MELDING = NATIONAL_ADVIEZEN_PER_YEAR / NATIONAL_MELDINGEN_PER_YEAR;
/** Adviezen per melding in Noord-Veluwe + Midden-IJssel/Oost-Veluwe 2019-2022 (seed 001 annex 5: 15,442 : 7,499). */
export const SEED_001_ADVIEZEN_PER_MELDING = 15_442 / 7_499;

/** Meldingen per year that are realistic for these regions: the national rate per inhabitant. */
export function regionalVolume(regionIds: string[]): number {
  const ids = new Set(regionIds);
  const inhabitants = GEMEENTEN.reduce((sum, g) => sum + (ids.has(g.regionId) ? g.inwoners : 0), 0);
  return Math.round((inhabitants / NATIONAL_INHABITANTS) * NATIONAL_MELDINGEN_PER_YEAR);
}

// ---------------------------------------------------------------------------------------------
// Shares (DOMAIN.md, seed 001 annex 5, seed 002, CBS Beleidsinformatie Veilig Thuis)

/** The six streams of contacts: each has its own weekly and daily rhythm. */
interface Stream {
  readonly type: 'melding' | 'advies';
  readonly melder: MelderType;
  /** Share within its contact type. */
  readonly share: number;
  /** Weight per weekday, Monday first. */
  readonly weekdays: readonly number[];
  /** Weight per hour of the day. */
  readonly hours: Weighted<number>;
  /** Extra factor per month (January first) on top of the common seasonality. */
  readonly months: readonly number[];
  /** Factor in the Christmas holidays (24 December - 1 January). */
  readonly christmas: number;
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const POLICE_HOURS = new Weighted(HOURS, [3, 2.5, 2, 1.5, 1, 0.8, 0.8, 1, 1.5, 2, 2.5, 3, 3, 3, 3, 3.2, 3.5, 4, 4.5, 5, 5.5, 5.5, 5, 4]);
const OFFICE_HOURS = new Weighted(HOURS, [0.05, 0.02, 0.02, 0.02, 0.02, 0.05, 0.1, 0.5, 3, 5, 5.5, 5, 4, 5, 5, 4.5, 3.5, 2, 0.7, 0.3, 0.2, 0.1, 0.05, 0.05]);
const PRIVATE_HOURS = new Weighted(HOURS, [0.3, 0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 0.8, 1.8, 2.5, 2.8, 2.8, 2.6, 2.6, 2.6, 2.6, 2.5, 2.4, 2.5, 2.8, 3, 2.6, 1.8, 0.8]);
const FLAT_MONTHS = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];

const STREAMS: readonly Stream[] = [
  // Meldingen: politie about 60% (54-66% in the seeds), professionals 25%, private persons 15%.
  { type: 'melding', melder: 'politie', share: 0.6, weekdays: [0.95, 0.92, 0.92, 0.95, 1, 1.15, 1.15], hours: POLICE_HOURS, months: [1, 1, 1, 1, 1.02, 1.04, 1.06, 1.06, 1, 1, 1, 1.02], christmas: 1.3 },
  { type: 'melding', melder: 'beroepskracht', share: 0.25, weekdays: [1.1, 1.1, 1.05, 1.1, 1, 0.12, 0.08], hours: OFFICE_HOURS, months: [1, 1, 1, 1, 1, 1, 0.85, 0.72, 1.05, 1, 1, 1], christmas: 0.4 },
  { type: 'melding', melder: 'niet-beroepsmatig', share: 0.15, weekdays: [1.05, 1, 1, 1, 1, 0.8, 0.85], hours: PRIVATE_HOURS, months: FLAT_MONTHS, christmas: 0.9 },
  // Adviezen: mostly professionals and private persons.
  { type: 'advies', melder: 'politie', share: 0.02, weekdays: [1, 1, 1, 1, 1, 0.7, 0.7], hours: OFFICE_HOURS, months: FLAT_MONTHS, christmas: 0.8 },
  { type: 'advies', melder: 'beroepskracht', share: 0.53, weekdays: [1.1, 1.1, 1.05, 1.1, 1, 0.1, 0.06], hours: OFFICE_HOURS, months: [1, 1, 1, 1, 1, 1, 0.85, 0.72, 1.05, 1, 1, 1], christmas: 0.4 },
  { type: 'advies', melder: 'niet-beroepsmatig', share: 0.45, weekdays: [1.05, 1, 1, 1, 1, 0.8, 0.85], hours: PRIVATE_HOURS, months: FLAT_MONTHS, christmas: 0.9 },
];

/** Mild seasonality common to all contacts (January first): a dip in the summer holidays. */
const SEASON = [1.0, 1.0, 1.04, 0.99, 1.0, 1.05, 0.94, 0.88, 1.06, 1.04, 1.05, 0.97];

/** Categories of violence of a new household, for meldingen and for adviezen. */
const CATEGORIES_MELDING = Weighted.of<Categorie>([
  ['km', 58],
  ['pg', 28],
  ['oudm', 5],
  ['om', 4],
  ['sp', 1.5],
  ['mh', 1.5],
  ['sg', 2],
]);
const CATEGORIES_ADVIES = Weighted.of<Categorie>([
  ['km', 50],
  ['pg', 29],
  ['oudm', 8],
  ['om', 5],
  ['sp', 3],
  ['mh', 2.5],
  ['sg', 2.5],
]);

/** Share of meldingen about a household known from an earlier melding (seed 001 ch. 1: ~30%). */
const HERMELDING_SHARE = 0.3;
/** Share of adviezen about a household known from a melding. */
const ADVIES_KNOWN_SHARE = 0.08;
/** A later contact has the household's first category in this share, else a related one. */
const SAME_CATEGORY = 0.8;

const KANAAL = {
  melding: {
    beroepskracht: Weighted.of<ImportLine['kanaal']>([
      ['telefoon', 60],
      ['formulier', 25],
      ['email', 15],
    ]),
    'niet-beroepsmatig': Weighted.of<ImportLine['kanaal']>([
      ['telefoon', 62],
      ['chat', 18],
      ['formulier', 12],
      ['email', 8],
    ]),
  },
  advies: {
    beroepskracht: Weighted.of<ImportLine['kanaal']>([
      ['telefoon', 74],
      ['chat', 10],
      ['email', 10],
      ['formulier', 6],
    ]),
    'niet-beroepsmatig': Weighted.of<ImportLine['kanaal']>([
      ['telefoon', 55],
      ['chat', 35],
      ['email', 5],
      ['formulier', 5],
    ]),
  },
} as const;

/** How much a melder knows about the persons: probability of each field. */
interface Knowledge {
  readonly bsn: number;
  readonly geboortedatum: number;
  readonly adres: number;
  readonly voornamen: number;
  readonly achternaam: number;
}
const KNOWLEDGE: Readonly<Record<'melding' | 'advies', Readonly<Record<MelderType, Knowledge>>>> = {
  melding: {
    politie: { bsn: 0.92, geboortedatum: 0.97, adres: 0.95, voornamen: 0.95, achternaam: 1 },
    beroepskracht: { bsn: 0.62, geboortedatum: 0.85, adres: 0.8, voornamen: 0.6, achternaam: 1 },
    'niet-beroepsmatig': { bsn: 0.04, geboortedatum: 0.4, adres: 0.6, voornamen: 0.15, achternaam: 1 },
  },
  advies: {
    politie: { bsn: 0.5, geboortedatum: 0.7, adres: 0.7, voornamen: 0.6, achternaam: 0.9 },
    beroepskracht: { bsn: 0.12, geboortedatum: 0.35, adres: 0.25, voornamen: 0.15, achternaam: 0.5 },
    'niet-beroepsmatig': { bsn: 0.01, geboortedatum: 0.15, adres: 0.15, voornamen: 0.05, achternaam: 0.35 },
  },
};

const SALT_MAIN = 0x6d61696e;
const SALT_SHELTER = 0x73686c74;
const SALT_BSN = 0x62736e30;
const SALT_BEOORDELING = 0x62656f30;

// ---------------------------------------------------------------------------------------------

/** Households known from a melding, in order of their first melding (compact, growable). */
class Pool {
  ids = new Int32Array(1024);
  days = new Int32Array(1024);
  types = new Uint8Array(1024);
  cats = new Uint8Array(1024);
  length = 0;

  push(id: number, day: number, type: number, cat: number): void {
    if (this.length === this.ids.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.ids = grow(this.ids, (n) => new Int32Array(n));
      this.days = grow(this.days, (n) => new Int32Array(n));
      this.types = grow(this.types, (n) => new Uint8Array(n));
      this.cats = grow(this.cats, (n) => new Uint8Array(n));
    }
    this.ids[this.length] = id;
    this.days[this.length] = day;
    this.types[this.length] = type;
    this.cats[this.length] = cat;
    this.length++;
  }

  /** The first index whose day is >= day (the length when none). */
  lowerBound(day: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.days[mid]! < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const CATEGORY_CODES: readonly Categorie[] = ['km', 'pg', 'oudm', 'om', 'sp', 'mh', 'sg'];

interface Subject {
  household: Household;
  categorie: Categorie;
  /** Known from an earlier melding. */
  known: boolean;
}

type LinePersoon = ImportLine['personen'][number];

class ContactFactory {
  private readonly rng: Rng;
  private readonly geo: Geography;
  private readonly forms: ResolvedForms | null;
  private readonly pool = new Pool();
  private readonly seedText: string;
  private readonly externalIds: boolean;
  private readonly zonderIdsVanafMs: number;
  private nextHouseholdId = 1;
  private sequence = 0;
  private readonly derive: { seed: number; bsnOffset: number; geo: Geography };
  /** Its own stream: assessments never change the contacts themselves. */
  private readonly assessRng: Rng;
  private readonly untilMs: number;

  constructor(private readonly opts: GenerateOptions) {
    this.rng = Rng.from(opts.seed, SALT_MAIN);
    this.assessRng = Rng.from(opts.seed, SALT_BEOORDELING);
    this.untilMs = opts.until ? opts.until.getTime() : Infinity;
    this.geo = new Geography(opts.regionIds, Rng.from(opts.seed, SALT_SHELTER));
    this.forms = resolveForms();
    this.seedText = String(Math.trunc(opts.seed)).replace('-', 'm');
    this.externalIds = opts.externalIds ?? true;
    this.zonderIdsVanafMs = opts.zonderIdsVanaf ? opts.zonderIdsVanaf.getTime() : Infinity;
    this.derive = { seed: opts.seed, bsnOffset: mix32(Rng.from(opts.seed, SALT_BSN).u32()) % 100_000_000, geo: this.geo };
  }

  get random(): Rng {
    return this.rng;
  }

  private newHousehold(cat: Categorie, day: number, pooled: boolean): Subject {
    const type = TYPE_FOR_CATEGORY[cat].pick(this.rng);
    const id = this.nextHouseholdId++;
    if (pooled) this.pool.push(id, day, HOUSEHOLD_TYPES.indexOf(type), CATEGORY_CODES.indexOf(cat));
    return { household: deriveHousehold(this.derive, id, type, cat, day), categorie: cat, known: false };
  }

  /** A household first reported before `day`, months or years ago; undefined when none. */
  private knownHousehold(day: number): Subject | undefined {
    const pool = this.pool;
    const limit = pool.lowerBound(day);
    if (limit === 0) return undefined;
    const r = this.rng.float();
    const delay = r < 0.5 ? this.rng.range(30, 365) : r < 0.85 ? this.rng.range(366, 1095) : this.rng.range(1096, 2920);
    const target = day - delay;
    let index: number;
    if (target < pool.days[0]!) {
      // Before the generated period: any household seen so far.
      index = this.rng.int(limit);
    } else {
      const lo = pool.lowerBound(target);
      const hi = pool.lowerBound(target + 1);
      index = hi > lo ? lo + this.rng.int(hi - lo) : Math.min(lo, limit - 1);
    }
    const type = HOUSEHOLD_TYPES[pool.types[index]!]!;
    const first = CATEGORY_CODES[pool.cats[index]!]!;
    const household = deriveHousehold(this.derive, pool.ids[index]!, type, first, pool.days[index]!);
    const categorie = this.rng.chance(SAME_CATEGORY) ? first : secondaryCategory(household);
    return { household, categorie, known: true };
  }

  contact(stream: Stream, day: number, second: number, offsets: DayOffsets, dateText: string, receivedMs: number): ImportLine {
    const rng = this.rng;
    const isMelding = stream.type === 'melding';
    let subject: Subject | undefined;
    if (isMelding) {
      if (rng.chance(HERMELDING_SHARE)) subject = this.knownHousehold(day);
      subject ??= this.newHousehold(CATEGORIES_MELDING.pick(rng), day, true);
    } else {
      if (rng.chance(ADVIES_KNOWN_SHARE)) subject = this.knownHousehold(day);
      subject ??= this.newHousehold(CATEGORIES_ADVIES.pick(rng), day, false);
    }
    const h = subject.household;
    const cat = subject.categorie;
    const ids = this.externalIds && receivedMs < this.zonderIdsVanafMs;
    const moved = day >= h.moveDay;
    const home = moved ? h.movedHome! : h.home;
    const gemeente = this.geo.gemeenten[moved ? h.movedGemeenteIndex : h.gemeenteIndex]!.ref;
    const year = civilFromDays(day)[0];

    const { roles, forms, victim, pleger } = assignRoles(h, cat, day, rng, this.forms);
    const withChildren = h.persons.some((p, i) => roles[i] === 'kind');

    // The melder.
    let melder: Melder;
    let relatie: ReturnType<typeof RELATIES_MELDING.pick> | undefined;
    if (stream.melder === 'politie') melder = policeMelder(rng, gemeente.naam, year);
    else if (stream.melder === 'beroepskracht') melder = professionalMelder(rng, withChildren, home.woonplaats, gemeente.naam, year);
    else {
      relatie = (isMelding ? RELATIES_MELDING : RELATIES_ADVIES).pick(rng);
      const selfPerson = victim && ageAt(victim, day) >= 12 ? victim : undefined;
      if (relatie === 'betrokkene-zelf' && !selfPerson) relatie = 'familie';
      melder = privateMelder(rng, relatie, selfPerson, h.persons[0], year);
    }
    const kanaal: ImportLine['kanaal'] = stream.melder === 'politie' ? (isMelding ? 'politie-import' : 'telefoon') : KANAAL[stream.type][stream.melder].pick(rng);

    // The persons.
    const knowledge = KNOWLEDGE[stream.type][stream.melder];
    const anonymousAdvies = !isMelding && rng.chance(0.25);
    const shelter = rng.chance(0.08) && victim !== undefined && ageAt(victim, day) >= 18 ? this.geo.shelter(rng, h.gemeenteIndex) : undefined;
    const personen: LinePersoon[] = [];
    const included = new Array<boolean>(h.persons.length).fill(false);
    if (!anonymousAdvies) {
      for (const p of h.persons) {
        const rol = roles[p.idx];
        if (rol === undefined) continue;
        if (!isMelding && rol !== 'slachtoffer' && rol !== 'kind' && !rng.chance(rol === 'pleger' ? 0.7 : 0.4)) continue;
        included[p.idx] = true;
        const inShelter = shelter !== undefined && (p === victim || (rol === 'kind' && p.atHome));
        const address = inShelter ? shelter : p.atHome ? home : (h.second ?? home);
        personen.push(this.persoon(p, rol, knowledge, address, h.id, isMelding, ids));
      }
      if (isMelding && personen.length === 0 && h.persons.length > 0) {
        const p = h.persons[0]!;
        included[p.idx] = true;
        personen.push(this.persoon(p, 'slachtoffer', knowledge, home, h.id, true, ids));
      }
    }
    const relaties: NonNullable<ImportLine['relaties']> = [];
    for (const [a, b, type] of h.relations) {
      if (included[a] && included[b]) relaties.push({ van: `p${a + 1}`, naar: `p${b + 1}`, type });
    }

    const acuut = rng.chance(isMelding ? (stream.melder === 'politie' ? 0.09 : 0.05) : 0.02);
    const omschrijving = this.omschrijving(stream, relatie, melder, cat, h, roles, victim, pleger, day, home);

    this.sequence++;
    const externalId = `SYN-${this.seedText}-${String(this.sequence).padStart(7, '0')}`;
    const ontvangenOp = `${dateText}T${clock(second)}${formatOffset(offsetAt(offsets, second))}`;
    const line: ImportLine =
      ids && personen.length > 0
        ? { externalId, type: stream.type, ontvangenOp, kanaal, gemeente: gemeente.code, melder, huishouden: { externalId: `SYN-${this.seedText}-H${h.id}` }, personen }
        : { externalId, type: stream.type, ontvangenOp, kanaal, gemeente: gemeente.code, melder, personen };
    line.relaties = relaties;
    line.geweldsvormen = forms;
    if (omschrijving) line.omschrijving = omschrijving;
    line.acuutGevaar = acuut;
    if (isMelding) {
      const beoordeling = historischeBeoordeling(this.assessRng, receivedMs, acuut, this.untilMs);
      if (beoordeling) line.beoordeling = beoordeling;
    }
    return line;
  }

  private persoon(p: Person, rol: PersoonRol, k: Knowledge, address: Address, householdId: number, isMelding: boolean, ids: boolean): LinePersoon {
    const rng = this.rng;
    const ref = `p${p.idx + 1}`;
    const out: LinePersoon = ids ? { ref, externalId: `SYN-${this.seedText}-H${householdId}-P${p.idx + 1}`, rol } : { ref, rol };
    const roepnaam = p.call;
    let voornamen: string | undefined = p.voornamen;
    let tussenvoegsel = p.tussenvoegsel;
    let achternaam = p.achternaam;
    // Registration noise: without sender ids the same people come back with small differences.
    const noise = rng.float();
    const which = rng.float();
    if (!ids) {
      if (noise < 0.05) achternaam = typo(rng, achternaam);
      else if (noise < 0.08 && voornamen) voornamen = typo(rng, voornamen);
      else if (noise < 0.2 && tussenvoegsel) [tussenvoegsel, achternaam] = tussenvoegselVariant(rng, tussenvoegsel, achternaam);
      else if (noise < 0.28) {
        voornamen = withoutDiacritics(voornamen);
        achternaam = withoutDiacritics(achternaam);
      }
    }
    if (which < k.voornamen) out.voornamen = voornamen;
    if (p.roepnaam !== undefined || out.voornamen === undefined) out.roepnaam = out.voornamen === undefined ? (ids ? roepnaam : withoutDiacriticsMaybe(rng, roepnaam)) : roepnaam;
    if (isMelding || rng.chance(k.achternaam)) {
      if (tussenvoegsel) out.tussenvoegsel = tussenvoegsel;
      out.achternaam = achternaam;
    }
    if (rng.chance(k.geboortedatum)) out.geboortedatum = isoDate(p.birthDay);
    out.geslacht = p.geslacht;
    if (p.bsn !== undefined && rng.chance(k.bsn)) out.bsn = p.bsn;
    if (rng.chance(k.adres)) out.adres = address;
    return out;
  }

  private omschrijving(
    stream: Stream,
    relatie: string | undefined,
    melder: Melder,
    cat: Categorie,
    h: Household,
    roles: readonly (PersoonRol | undefined)[],
    victim: Person | undefined,
    pleger: Person | undefined,
    day: number,
    home: Address,
  ): string {
    const rng = this.rng;
    const name = (p: Person | undefined) => p?.call;
    const kind = h.persons.find((p, i) => roles[i] === 'kind');
    const jongere = h.persons.find((p) => p.fam === 'jongere');
    const oudere = h.persons.find((p) => p.fam === 'oudere' && p !== pleger);
    const vars: Record<string, string | undefined> = {
      kind: name(kind),
      kindLft: kind ? String(ageAt(kind, day)) : undefined,
      slachtoffer: name(victim),
      pleger: name(pleger),
      plegerLft: pleger ? String(ageAt(pleger, day)) : undefined,
      oudere: name(oudere),
      oudereLft: oudere ? String(ageAt(oudere, day)) : undefined,
      jongere: name(jongere),
      jongereLft: jongere ? String(ageAt(jongere, day)) : undefined,
      woonplaats: home.woonplaats,
    };
    const key = stream.melder === 'politie' ? 'politie' : stream.melder === 'beroepskracht' ? (melder.sector ?? 'andere-organisatie') : (relatie ?? 'overig');
    const opening = fill(rng, OPENINGS[key] ?? [], vars);
    const situation = fill(rng, SITUATIONS[cat], vars);
    const closing = rng.pick(CLOSINGS[stream.type]);
    return [opening, situation, closing].filter((s) => s).join(' ');
  }
}

/** A template split into literal text (even indexes) and placeholder names (odd indexes). */
type Compiled = readonly string[];
const compiledCache = new Map<readonly string[], readonly Compiled[]>();

function compile(templates: readonly string[]): readonly Compiled[] {
  let compiled = compiledCache.get(templates);
  if (!compiled) {
    compiled = templates.map((t) => t.split(/\{(\w+)\}/));
    compiledCache.set(templates, compiled);
  }
  return compiled;
}

/** A template whose placeholders can all be filled, filled in; '' when none fits. */
function fill(rng: Rng, templates: readonly string[], vars: Readonly<Record<string, string | undefined>>): string {
  if (templates.length === 0) return '';
  const compiled = compile(templates);
  const start = rng.int(compiled.length);
  outer: for (let i = 0; i < compiled.length; i++) {
    const parts = compiled[(start + i) % compiled.length]!;
    let text = parts[0]!;
    for (let j = 1; j < parts.length; j += 2) {
      const v = vars[parts[j]!];
      if (v === undefined) continue outer;
      text += v + parts[j + 1]!;
    }
    return text;
  }
  return '';
}

function withoutDiacriticsMaybe(rng: Rng, s: string): string {
  return rng.chance(0.3) ? withoutDiacritics(s) : s;
}

function validate(opts: GenerateOptions): void {
  if (!Number.isSafeInteger(opts.seed)) throw new Error('generate: seed must be an integer');
  if (!Number.isInteger(opts.fromYear) || opts.fromYear < 1900 || opts.fromYear > 2200) throw new Error('generate: fromYear must be a year');
  if (!Number.isInteger(opts.years) || opts.years < 1) throw new Error('generate: years must be a positive integer');
  if (!(opts.meldingenPerYear >= 0)) throw new Error('generate: meldingenPerYear must be >= 0');
  if (opts.adviezenPerMelding !== undefined && !(opts.adviezenPerMelding >= 0)) throw new Error('generate: adviezenPerMelding must be >= 0');
}

/**
 * Contacts (adviezen and meldingen) with their persons, in order of `ontvangenOp`.
 * Same seed and options give byte-identical output.
 */
export function* generateContacts(opts: GenerateOptions): Generator<ImportLine> {
  validate(opts);
  const factory = new ContactFactory(opts);
  const rng = factory.random;
  const ratio = opts.adviezenPerMelding ?? NATIONAL_ADVIEZEN_PER_MELDING;
  const untilMs = opts.until ? opts.until.getTime() : Infinity;
  const perYear = STREAMS.map((s) => (s.type === 'melding' ? opts.meldingenPerYear : opts.meldingenPerYear * ratio) * s.share);

  for (let year = opts.fromYear; year < opts.fromYear + opts.years; year++) {
    const first = daysFromCivil(year, 1, 1);
    const dayCount = daysFromCivil(year + 1, 1, 1) - first;
    if (first * 86_400_000 - 2 * 3_600_000 > untilMs) return;

    // Per stream: how many contacts on each day of this year (weights with noise, exact total).
    const counts = STREAMS.map(() => new Uint32Array(dayCount));
    STREAMS.forEach((stream, s) => {
      const weights = new Float64Array(dayCount);
      let total = 0;
      for (let d = 0; d < dayCount; d++) {
        const [, month, dom] = civilFromDays(first + d);
        const christmas = (month === 12 && dom >= 24) || (month === 1 && dom === 1);
        const noise = Math.max(0.3, 1 + 0.12 * rng.normal());
        const w = SEASON[month - 1]! * stream.months[month - 1]! * stream.weekdays[weekday(first + d)]! * (christmas ? stream.christmas : 1) * noise;
        weights[d] = w;
        total += w;
      }
      let carry = rng.float();
      for (let d = 0; d < dayCount; d++) {
        carry += (perYear[s]! * weights[d]!) / total;
        const n = Math.floor(carry);
        counts[s]![d] = n;
        carry -= n;
      }
    });

    for (let d = 0; d < dayCount; d++) {
      const day = first + d;
      let n = 0;
      for (let s = 0; s < STREAMS.length; s++) n += counts[s]![d]!;
      if (n === 0) continue;
      const offsets = amsterdamOffsets(day);
      // Received times: second of the day * 8 + stream, sorted; ties keep stream order.
      const events = new Float64Array(n);
      let e = 0;
      for (let s = 0; s < STREAMS.length; s++) {
        const hours = STREAMS[s]!.hours;
        for (let i = counts[s]![d]!; i > 0; i--) {
          const second = existingLocalSecond(offsets, hours.pick(rng) * 3600 + rng.int(3600));
          events[e++] = second * 8 + s;
        }
      }
      events.sort();
      const dateText = isoDate(day);
      for (let i = 0; i < n; i++) {
        const code = events[i]!;
        const s = code % 8;
        const second = (code - s) / 8;
        const ms = (day * 86_400 + second - offsetAt(offsets, second) * 60) * 1000;
        if (ms > untilMs) return;
        yield factory.contact(STREAMS[s]!, day, second, offsets, dateText, ms);
      }
    }
  }
}

