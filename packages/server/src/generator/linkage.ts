/**
 * Deterministic test data for record linkage with known truth: registrations of synthetic
 * persons as different organisations would type them, for `samenveilig link` (two files) and
 * `samenveilig dedupe` (one file with duplicates).
 *
 * Persons come from the household generator (household.ts: whole households with their names,
 * birth dates, BSNs and addresses), so relatives live at one address: parents and children share
 * surname and address; twins share a birth date; a son may carry his father's names. On top of
 * what household.ts produces, extra relatives are added to make the task hard: a twin brother or
 * sister of a child, a "junior" with his father's names, and a daughter whose given name starts
 * with her mother's initial.
 *
 * Each registration of a person is typed anew with realistic noise: typing errors, tussenvoegsels
 * written apart, joined, capitalised or abbreviated, diacritics dropped, the roepnaam instead of
 * the official names, initials only, given name and surname swapped, day and month swapped, one
 * wrong digit in the birth date, missing fields, postcodes with and without space in any case,
 * an older address after a move. All values are valid (real dates, BSNs that pass the 11-proef,
 * valid postcodes), as the CSV commands refuse anything else.
 */
import { REGIONS, isRealDate } from '@samenveilig/domain';
import { CATEGORIEEN, type Categorie } from './categories.js';
import { civilFromDays, daysFromCivil } from './calendar.js';
import { Geography, type Address } from './geo.js';
import { TYPE_FOR_CATEGORY, deriveHousehold, syntheticBsn, type Household } from './household.js';
import { givenNames, type Origin, type Sex } from './names.js';
import { Rng, Weighted, mix32 } from './rng.js';
import { tussenvoegselVariant, typo, withoutDiacritics } from './variation.js';

/** The columns of a generated file, named after the CSV roles of `samenveilig link`. */
export const LINKAGE_COLUMNS = ['id', 'given_name', 'prefix', 'surname', 'full_name', 'birth_date', 'sex', 'national_id', 'street', 'house_number', 'postcode', 'city', 'phone'] as const;
export type LinkageColumn = (typeof LINKAGE_COLUMNS)[number];
export type LinkageRecord = Record<LinkageColumn, string>;

/** A record with the person it registers (the truth; never written to the linkage input). */
export interface GeneratedRecord {
  readonly record: LinkageRecord;
  /** The person: equal for two records exactly when they register the same person. */
  readonly entity: number;
  /** How this person relates to the household (for reporting): 'twin', 'junior', 'initial-daughter', or ''. */
  readonly relative: string;
}

/** How dates are written in a file. */
export type DateStyle = 'iso' | 'compact' | 'dutch';

export interface LinkageStyle {
  dates: DateStyle;
  /** Share of records with only a full name ("Jan van der Berg" or "Berg, Jan van der"). */
  fullNameShare: number;
  /** Scales the probability of every kind of noise (1 = default). */
  noise: number;
}

const SALT = 0x6c696e6b; // "link"
const SALT_BSN = 0x6c62736e;
const SALT_GEO = 0x6c67656f;
const YEAR = 365.25;

/** A person to register: a household member or an added relative. */
interface LinkPerson {
  readonly entity: number;
  readonly voornamen: string;
  readonly roepnaam: string | undefined;
  readonly tussenvoegsel: string | undefined;
  readonly achternaam: string;
  readonly birthDay: number;
  readonly sex: Sex;
  readonly bsn: string | undefined;
  readonly home: Address;
  /** Where the person lives after a move (registrations may have either). */
  readonly moved: Address | undefined;
  readonly phone: string | undefined;
  readonly relative: string;
}

/** 'twin' or 'junior' when household.ts made this person one, else ''. */
function relativeKind(h: Household, p: Household['persons'][number]): string {
  if (h.twins && p.fam === 'kind' && h.persons.some((q) => q !== p && q.fam === 'kind' && q.birthDay === p.birthDay)) return 'twin';
  if (h.fatherSon && p.fam === 'kind' && h.persons.some((q) => q.fam !== 'kind' && q.voornamen === p.voornamen)) return 'junior';
  return '';
}

const CATEGORY_PICK = Weighted.of<Categorie>(CATEGORIEEN.map((c) => [c, c === 'km' ? 55 : c === 'pg' ? 30 : 3] as const));

/** Persons of one household, with the extra relatives, deterministic in (seed, household id). */
export class LinkagePopulation {
  private readonly geo: Geography;
  private readonly bsnOffset: number;

  constructor(
    private readonly seed: number,
    regionIds: readonly string[] = REGIONS.map((r) => r.id),
  ) {
    this.geo = new Geography(regionIds, Rng.from(seed, SALT_GEO));
    this.bsnOffset = mix32(Rng.from(seed, SALT_BSN).u32()) % 100_000_000;
  }

  household(id: number): LinkPerson[] {
    const rng = Rng.from(this.seed, SALT, id);
    const categorie = CATEGORY_PICK.pick(rng);
    const type = TYPE_FOR_CATEGORY[categorie].pick(rng);
    const firstDay = daysFromCivil(2024, 1, 1) + rng.int(365);
    const h: Household = deriveHousehold({ seed: this.seed, bsnOffset: this.bsnOffset, geo: this.geo }, id, type, categorie, firstDay);
    const phone = () => (rng.chance(0.7) ? `06${String(10_000_000 + rng.int(90_000_000))}` : undefined);
    const persons: LinkPerson[] = h.persons.map((p) => ({
      entity: id * 8 + p.idx,
      voornamen: p.voornamen,
      roepnaam: p.roepnaam,
      tussenvoegsel: p.tussenvoegsel,
      achternaam: p.achternaam,
      birthDay: p.birthDay,
      sex: p.geslacht,
      bsn: p.bsn,
      home: p.atHome ? h.home : (h.second ?? h.home),
      moved: p.atHome ? h.movedHome : undefined,
      phone: phone(),
      relative: relativeKind(h, p),
    }));
    const children = persons.filter((_, i) => h.persons[i]!.fam === 'kind');
    const adults = persons.filter((_, i) => h.persons[i]!.fam !== 'kind' && h.persons[i]!.fam !== 'jongere');
    const origin: Origin = h.origin;
    // A twin of a child: same surname, birth date and address, another given name.
    if (children.length > 0 && rng.chance(0.06)) {
      const c = rng.pick(children);
      const sex: Sex = rng.chance(0.5) ? c.sex : c.sex === 'man' ? 'vrouw' : 'man';
      let g = givenNames(rng, origin, sex, civilFromDays(c.birthDay)[0]);
      for (let tries = 0; tries < 5 && g.voornamen.split(' ')[0] === c.voornamen.split(' ')[0]; tries++) g = givenNames(rng, origin, sex, civilFromDays(c.birthDay)[0]);
      persons.push({ ...c, entity: id * 8 + 6, voornamen: g.voornamen, roepnaam: g.roepnaam, sex, bsn: syntheticBsn(id * 8 + 6, this.bsnOffset), phone: phone(), relative: 'twin' });
    }
    const men = adults.filter((a) => a.sex === 'man' && a.home === h.home);
    if (men.length > 0 && rng.chance(0.05)) {
      // A son with his father's names ("junior"), living at home.
      const f = men[0]!;
      const birthDay = f.birthDay + Math.floor((20 + rng.int(16)) * YEAR) + rng.int(365);
      if (birthDay < firstDay - 14 * 365) {
        persons.push({ ...f, entity: id * 8 + 7, birthDay, bsn: syntheticBsn(id * 8 + 7, this.bsnOffset), phone: phone(), moved: f.moved, relative: 'junior' });
      }
    }
    const women = adults.filter((a) => a.sex === 'vrouw' && a.home === h.home);
    if (women.length > 0 && !persons.some((p) => p.entity === id * 8 + 7) && rng.chance(0.04)) {
      // A daughter whose first given name starts with her mother's initial, with the family surname.
      const m = women[0]!;
      const birthDay = m.birthDay + Math.floor((20 + rng.int(16)) * YEAR) + rng.int(365);
      const family = children[0] ?? m;
      if (birthDay < firstDay - 10 * 365) {
        let g = givenNames(rng, origin, 'vrouw', civilFromDays(birthDay)[0]);
        for (let tries = 0; tries < 20 && (g.voornamen[0] !== m.voornamen[0] || g.voornamen.split(' ')[0] === m.voornamen.split(' ')[0]); tries++) g = givenNames(rng, origin, 'vrouw', civilFromDays(birthDay)[0]);
        if (g.voornamen[0] === m.voornamen[0] && g.voornamen.split(' ')[0] !== m.voornamen.split(' ')[0]) {
          persons.push({ ...m, entity: id * 8 + 7, voornamen: g.voornamen, roepnaam: g.roepnaam, tussenvoegsel: family.tussenvoegsel, achternaam: family.achternaam, birthDay, bsn: syntheticBsn(id * 8 + 7, this.bsnOffset), phone: phone(), relative: 'initial-daughter' });
        }
      }
    }
    return persons;
  }
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function formatDate([y, m, d]: readonly [number, number, number], style: DateStyle): string {
  if (style === 'compact') return `${y}${pad2(m)}${pad2(d)}`;
  if (style === 'dutch') return `${pad2(d)}-${pad2(m)}-${y}`;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** One wrong digit in month, day or the last two digits of the year, still a real date. */
function dateTypo(rng: Rng, [y, m, d]: readonly [number, number, number]): [number, number, number] {
  for (let tries = 0; tries < 20; tries++) {
    const text = `${y}${pad2(m)}${pad2(d)}`;
    const pos = 2 + rng.int(6);
    const digit = String(rng.int(10));
    if (digit === text[pos]) continue;
    const t = text.slice(0, pos) + digit + text.slice(pos + 1);
    const ny = Number(t.slice(0, 4));
    const nm = Number(t.slice(4, 6));
    const nd = Number(t.slice(6));
    if (isRealDate(ny, nm, nd) && ny <= 2024) return [ny, nm, nd];
  }
  return [y, m, d];
}

function initialsOf(voornamen: string): string {
  return voornamen
    .split(/[\s-]+/)
    .filter((w) => w.length > 0)
    .map((w) => `${w[0]!.toUpperCase()}.`)
    .join('');
}

function postcodeVariant(rng: Rng, postcode: string): string {
  const [digits, letters] = postcode.split(' ') as [string, string];
  const r = rng.float();
  if (r < 0.4) return postcode;
  if (r < 0.7) return `${digits}${letters}`;
  if (r < 0.85) return `${digits}${letters.toLowerCase()}`;
  return `${digits} ${letters.toLowerCase()}`;
}

function phoneVariant(rng: Rng, phone: string): string {
  const r = rng.float();
  if (r < 0.5) return phone;
  if (r < 0.75) return `${phone.slice(0, 2)}-${phone.slice(2)}`;
  return `+31 ${phone.slice(1, 2)} ${phone.slice(2)}`;
}

/** One registration of a person, typed with noise. */
export function register(rng: Rng, p: LinkPerson, id: string, style: LinkageStyle): LinkageRecord {
  const k = style.noise;
  const chance = (x: number) => rng.chance(Math.min(1, x * k));
  let voornamen = p.voornamen;
  let roepnaam = p.roepnaam ?? p.voornamen.split(' ')[0]!;
  let tussenvoegsel = p.tussenvoegsel ?? '';
  let achternaam = p.achternaam;
  if (chance(0.3)) {
    voornamen = withoutDiacritics(voornamen);
    roepnaam = withoutDiacritics(roepnaam);
    achternaam = withoutDiacritics(achternaam);
  }
  if (tussenvoegsel && chance(0.35)) {
    const [tv, an] = tussenvoegselVariant(rng, tussenvoegsel, achternaam);
    tussenvoegsel = tv ?? '';
    achternaam = an;
  }
  if (chance(0.07)) achternaam = typo(rng, achternaam);
  // Which given names are written.
  let given: string;
  const r = rng.float();
  if (r < 0.45) given = voornamen;
  else if (r < 0.7) given = roepnaam;
  else if (r < 0.82) given = voornamen.split(' ')[0]!;
  else if (r < 0.82 + 0.08 * k) given = initialsOf(voornamen);
  else given = voornamen;
  if (!given.endsWith('.') && chance(0.07)) given = typo(rng, given);
  if (chance(0.03)) achternaam = achternaam.toUpperCase();
  let surnameField = achternaam;
  let givenField = given;
  let prefixField = tussenvoegsel;
  if (chance(0.02)) {
    // Given name and surname swapped.
    givenField = achternaam;
    surnameField = given;
  }
  let fullName = '';
  if (rng.chance(style.fullNameShare)) {
    fullName = rng.chance(0.5) ? [givenField, prefixField, surnameField].filter((s) => s).join(' ') : `${surnameField}, ${[givenField, prefixField].filter((s) => s).join(' ')}`;
    givenField = '';
    prefixField = '';
    surnameField = '';
  }

  let date = civilFromDays(p.birthDay);
  if (chance(0.03) && date[2] <= 12 && date[2] !== date[1]) date = [date[0], date[2], date[1]];
  else if (chance(0.03)) date = dateTypo(rng, date);
  const birth = chance(0.06) ? '' : formatDate(date, style.dates);

  const sex = chance(0.08) ? '' : rng.chance(0.5) ? (p.sex === 'man' ? 'M' : 'V') : p.sex;
  const bsn = p.bsn !== undefined && rng.chance(0.3) ? p.bsn : '';

  let address: Address | undefined = p.moved && rng.chance(0.4) ? p.moved : p.home;
  if (chance(0.08)) address = undefined;
  const street = address ? address.straat : '';
  const houseNumber = address ? `${address.huisnummer}${address.huisnummerToevoeging ? (rng.chance(0.5) ? address.huisnummerToevoeging : ` ${address.huisnummerToevoeging}`) : ''}` : '';
  const postcode = address && !chance(0.05) ? postcodeVariant(rng, address.postcode) : '';
  const city = address ? (chance(0.05) ? address.woonplaats.toUpperCase() : address.woonplaats) : '';
  const phone = p.phone !== undefined && rng.chance(0.4) ? phoneVariant(rng, p.phone) : '';

  return {
    id,
    given_name: givenField,
    prefix: prefixField,
    surname: surnameField,
    full_name: fullName,
    birth_date: birth,
    sex,
    national_id: bsn,
    street,
    house_number: houseNumber,
    postcode,
    city,
    phone,
  };
}

export interface DedupeOptions {
  seed: number;
  /** Number of records to generate. */
  records: number;
  regionIds?: readonly string[];
  style?: Partial<LinkageStyle>;
}

/** Records per person in a dedupe file: most once, some two to four times. */
const COPIES = Weighted.of<number>([
  [1, 50],
  [2, 30],
  [3, 12],
  [4, 8],
]);

/** Shuffles a buffer in place (Fisher-Yates) with the generator's rng. */
function shuffle<T>(rng: Rng, xs: T[]): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = xs[i]!;
    xs[i] = xs[j]!;
    xs[j] = t;
  }
}

/**
 * One file with duplicates: persons of consecutive households, each registered one to four
 * times; records are shuffled within windows of 4,096 so duplicates are not adjacent. Streams:
 * memory stays small at a million records.
 */
export function* generateDedupe(opts: DedupeOptions): Generator<GeneratedRecord> {
  const style: LinkageStyle = { dates: 'iso', fullNameShare: 0.1, noise: 1, ...opts.style };
  const population = new LinkagePopulation(opts.seed, opts.regionIds);
  const rng = Rng.from(opts.seed, SALT, -1);
  let emitted = 0;
  let householdId = 1;
  let buffer: { person: LinkPerson; rng: number }[] = [];
  const styles: DateStyle[] = ['iso', 'compact', 'dutch'];
  const flush = function* (all: boolean): Generator<GeneratedRecord> {
    shuffle(rng, buffer);
    const keep = all ? 0 : buffer.length >> 1;
    while (buffer.length > keep && emitted < opts.records) {
      const item = buffer.pop()!;
      const r = Rng.from(opts.seed, SALT, item.rng);
      const id = `R${String(emitted + 1).padStart(7, '0')}`;
      const fileStyle = { ...style, dates: opts.style?.dates ?? r.pick(styles) };
      yield { record: register(r, item.person, id, fileStyle), entity: item.person.entity, relative: item.person.relative };
      emitted++;
    }
  };
  while (emitted < opts.records) {
    for (const person of population.household(householdId++)) {
      const copies = COPIES.pick(rng);
      for (let c = 0; c < copies; c++) buffer.push({ person, rng: person.entity * 4 + c });
    }
    if (buffer.length >= 4096) yield* flush(false);
  }
  yield* flush(true);
}

export interface LinkPairOptions {
  seed: number;
  /** Records in each file. */
  size: number;
  regionIds?: readonly string[];
  /** Share of persons registered in both files (default 0.5). */
  overlap?: number;
  left?: Partial<LinkageStyle>;
  right?: Partial<LinkageStyle>;
}

/**
 * Two files of `size` records for linking: the registrations of two organisations. Each person is
 * in at most one record per file; about `overlap` of the persons are in both, with independent
 * noise. Whole households go in, so relatives of a person are there too.
 */
export function generateLinkPair(opts: LinkPairOptions): { left: GeneratedRecord[]; right: GeneratedRecord[] } {
  const leftStyle: LinkageStyle = { dates: 'iso', fullNameShare: 0, noise: 1, ...opts.left };
  const rightStyle: LinkageStyle = { dates: 'dutch', fullNameShare: 0.3, noise: 1, ...opts.right };
  const overlap = opts.overlap ?? 0.5;
  const population = new LinkagePopulation(opts.seed, opts.regionIds);
  const rng = Rng.from(opts.seed, SALT, -2);
  const left: { person: LinkPerson }[] = [];
  const right: { person: LinkPerson }[] = [];
  let householdId = 1;
  while (left.length < opts.size || right.length < opts.size) {
    const r = rng.float();
    const inLeft = r < overlap + (1 - overlap) / 2;
    const inRight = r < overlap || !inLeft;
    for (const person of population.household(householdId++)) {
      if (inLeft && left.length < opts.size) left.push({ person });
      if (inRight && right.length < opts.size) right.push({ person });
    }
  }
  shuffle(rng, left);
  shuffle(rng, right);
  const make = (items: { person: LinkPerson }[], prefix: string, style: LinkageStyle, salt: number): GeneratedRecord[] =>
    items.map((item, i) => ({
      record: register(Rng.from(opts.seed, SALT, salt, item.person.entity), item.person, `${prefix}${String(i + 1).padStart(5, '0')}`, style),
      entity: item.person.entity,
      relative: item.person.relative,
    }));
  return { left: make(left, 'L', leftStyle, 1), right: make(right, 'R', rightStyle, 2) };
}

/** The number of true pairs of a dedupe file: pairs of records of the same person. */
export function countTruePairs(entities: ArrayLike<number>): number {
  const counts = new Map<number, number>();
  for (let i = 0; i < entities.length; i++) counts.set(entities[i]!, (counts.get(entities[i]!) ?? 0) + 1);
  let pairs = 0;
  for (const c of counts.values()) pairs += (c * (c - 1)) / 2;
  return pairs;
}

/** A CSV line of a record (fields quoted when needed). */
export function csvLine(values: readonly string[]): string {
  return values.map((v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');
}
