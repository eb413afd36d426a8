/**
 * Name generation: given names (several, with a roepnaam) and surnames (with tussenvoegsel) by
 * origin, sex and generation, with Zipf-like frequencies.
 */
import {
  NL_FEMALE_MID,
  NL_FEMALE_OLD,
  NL_FEMALE_YOUNG,
  NL_MALE_MID,
  NL_MALE_OLD,
  NL_MALE_YOUNG,
  NL_SURNAMES,
  NL_SURNAME_ENDINGS,
  NL_SURNAME_PREFIXES,
  NL_SURNAME_STEMS,
  ROEPNAMEN,
  TUSSENVOEGSELS,
} from './lists/names-nl.js';
import { ANTILLEAN, BULGARIAN, ERITREAN, MOLUCCAN, MOROCCAN, POLISH, SURINAMESE, SYRIAN, TURKISH, type OriginNames } from './lists/names-world.js';
import { Weighted, type Rng } from './rng.js';

export type Origin = 'nl' | 'tr' | 'ma' | 'sr' | 'cw' | 'pl' | 'sy' | 'er' | 'mol' | 'bg';
export type Sex = 'man' | 'vrouw';

/**
 * Origins of households in contact with Veilig Thuis. Plausible shares, not official figures:
 * roughly the population shares by migration background, with recent groups somewhat higher.
 */
export const ORIGINS = Weighted.of<Origin>([
  ['nl', 66],
  ['ma', 7.5],
  ['tr', 7],
  ['sr', 5],
  ['pl', 3.5],
  ['cw', 3],
  ['sy', 3],
  ['er', 1.5],
  ['mol', 1],
  ['bg', 1.5],
]);

export interface Surname {
  readonly tussenvoegsel: string | undefined;
  readonly achternaam: string;
}

/** Splits "van der Meer" into tussenvoegsel "van der" and achternaam "Meer". */
export function splitSurname(full: string): Surname {
  for (const tv of TUSSENVOEGSELS) {
    if (full.length > tv.length + 1 && full.startsWith(`${tv} `)) {
      return { tussenvoegsel: tv, achternaam: full.slice(tv.length + 1) };
    }
  }
  return { tussenvoegsel: undefined, achternaam: full };
}

const unique = (xs: readonly string[]) => [...new Set(xs)];

const NL_SURNAME_PICK = Weighted.zipf(unique(NL_SURNAMES).map(splitSurname), 0.7, 2);
const WORLD: Readonly<Record<Exclude<Origin, 'nl'>, OriginNames>> = {
  tr: TURKISH,
  ma: MOROCCAN,
  sr: SURINAMESE,
  cw: ANTILLEAN,
  pl: POLISH,
  sy: SYRIAN,
  er: ERITREAN,
  mol: MOLUCCAN,
  bg: BULGARIAN,
};

interface OriginPickers {
  readonly male: Weighted<string>;
  readonly female: Weighted<string>;
  readonly surnames: Weighted<Surname>;
  /** Probability of a second given name. */
  readonly secondName: number;
}

const WORLD_PICKERS = Object.fromEntries(
  Object.entries(WORLD).map(([origin, names]) => [
    origin,
    {
      male: Weighted.zipf(unique(names.male), 0.6, 2),
      female: Weighted.zipf(unique(names.female), 0.6, 2),
      surnames: Weighted.zipf(unique(names.surnames).map(splitSurname), 0.6, 2),
      secondName: ({ tr: 0.25, cw: 0.3, pl: 0.2, sr: 0.15, ma: 0.08, sy: 0.05, er: 0, mol: 0.4, bg: 0.05 } as Record<string, number>)[origin] ?? 0,
    },
  ]),
) as Record<Exclude<Origin, 'nl'>, OriginPickers>;

/** A given name with the roepnamen used for it (none: the name itself is used). */
interface GivenName {
  readonly name: string;
  readonly roepnamen: readonly string[] | undefined;
}
const given = (names: readonly string[]) =>
  Weighted.zipf<GivenName>(
    unique(names).map((name) => ({ name, roepnamen: Object.prototype.hasOwnProperty.call(ROEPNAMEN, name) ? ROEPNAMEN[name] : undefined })),
    0.5,
    2,
  );
const NL_GIVEN = {
  man: [given(NL_MALE_OLD), given(NL_MALE_MID), given(NL_MALE_YOUNG)],
  vrouw: [given(NL_FEMALE_OLD), given(NL_FEMALE_MID), given(NL_FEMALE_YOUNG)],
} as const;

/** Generation of a birth year: 0 before 1960, 1 until 1994, 2 from 1995. */
function era(birthYear: number): 0 | 1 | 2 {
  return birthYear < 1960 ? 0 : birthYear < 1995 ? 1 : 2;
}

export interface GivenNames {
  readonly voornamen: string;
  readonly roepnaam: string | undefined;
}

/** Given names for a person of this origin, sex and birth year. */
export function givenNames(rng: Rng, origin: Origin, sex: Sex, birthYear: number): GivenNames {
  // Children of some second-generation families get Dutch or international names.
  const dutchStyle = origin === 'nl' || ((origin === 'sr' || origin === 'cw' || origin === 'pl') && birthYear >= 2000 && rng.chance(0.25));
  if (dutchStyle) {
    const e = era(birthYear);
    const firstName = NL_GIVEN[sex][e].pick(rng);
    const first = firstName.name;
    const r = rng.float();
    const count = e === 0 ? (r < 0.15 ? 1 : r < 0.65 ? 2 : 3) : e === 1 ? (r < 0.45 ? 1 : r < 0.85 ? 2 : 3) : r < 0.5 ? 1 : r < 0.9 ? 2 : 3;
    let voornamen = first;
    // Second and third names honour grandparents: taken from the old generation's names.
    if (count > 1) {
      const second = NL_GIVEN[sex][0].pick(rng).name;
      if (second !== first) {
        voornamen = `${first} ${second}`;
        if (count > 2) {
          const third = NL_GIVEN[sex][0].pick(rng).name;
          if (third !== first && third !== second) voornamen = `${voornamen} ${third}`;
        }
      }
    }
    const forms = firstName.roepnamen;
    const roepnaam = forms && rng.chance(0.8) ? rng.pick(forms) : voornamen !== first || rng.chance(0.5) ? first : undefined;
    return { voornamen, roepnaam };
  }
  const p = WORLD_PICKERS[origin];
  const pick = sex === 'man' ? p.male : p.female;
  const first = pick.pick(rng);
  if (rng.chance(p.secondName)) {
    const second = pick.pick(rng);
    if (second !== first) {
      // Turkish double names are often called by the second one ("Mehmet Ali" is "Ali").
      const roepnaam = origin === 'tr' && rng.chance(0.3) ? second : first;
      return { voornamen: `${first} ${second}`, roepnaam };
    }
  }
  return { voornamen: first, roepnaam: rng.chance(0.3) ? first : undefined };
}

/** A surname for a person of this origin (masculine form where the language has two). */
export function surname(rng: Rng, origin: Origin): Surname {
  if (origin === 'nl') {
    if (rng.chance(0.78)) return NL_SURNAME_PICK.pick(rng);
    // The long tail: plausible compounds such as "Hofstede", "ter Brinke", "van de Veldkamp".
    const stem = rng.pick(NL_SURNAME_STEMS);
    const ending = rng.pick(NL_SURNAME_ENDINGS);
    const achternaam = stem.endsWith(ending[0]!) && ending.length > 2 ? stem + ending.slice(1) : stem + ending;
    return rng.chance(0.2) ? { tussenvoegsel: rng.pick(NL_SURNAME_PREFIXES), achternaam } : { tussenvoegsel: undefined, achternaam };
  }
  return WORLD_PICKERS[origin].surnames.pick(rng);
}

/** The form of a surname for a woman (Polish -ska, Bulgarian -ova), else the surname itself. */
export function feminine(name: Surname, origin: Origin): Surname {
  if (origin === 'pl') {
    const a = name.achternaam;
    if (/(ski|cki|dzki)$/.test(a)) return { ...name, achternaam: `${a.slice(0, -1)}a` };
    return name;
  }
  if (origin === 'bg' && /(ov|ev)$/.test(name.achternaam)) return { ...name, achternaam: `${name.achternaam}a` };
  return name;
}

/** The masculine form (for a son whose mother's surname has the feminine form). */
export function masculine(name: Surname, origin: Origin): Surname {
  if (origin === 'pl' && /(ska|cka|dzka)$/.test(name.achternaam)) return { ...name, achternaam: `${name.achternaam.slice(0, -1)}i` };
  if (origin === 'bg' && /(ova|eva)$/.test(name.achternaam)) return { ...name, achternaam: name.achternaam.slice(0, -1) };
  return name;
}

/** The surname in the form fitting the sex. */
export function forSex(name: Surname, origin: Origin, sex: Sex): Surname {
  return sex === 'vrouw' ? feminine(name, origin) : masculine(name, origin);
}

/** ASCII for e-mail addresses: "Gülşen Öztürk" -> "gulsen.ozturk". */
export function asciiSlug(s: string): string {
  if (/^[A-Za-z]+$/.test(s)) return s.toLowerCase();
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}
