/**
 * Households, derived deterministically from (seed, household id, type, first contact day):
 * nothing of a household is kept in memory between its contacts, it is rebuilt each time.
 */
import type { Categorie } from './categories.js';
import { civilFromDays } from './calendar.js';
import type { Address, Geography } from './geo.js';
import { ORIGINS, forSex, givenNames, surname, type Origin, type Sex, type Surname } from './names.js';
import { Rng, Weighted } from './rng.js';

export type HouseholdType = 'gezin' | 'eenouder' | 'expartners' | 'stel' | 'oudere' | 'tiener' | 'eer' | 'jongere';
export const HOUSEHOLD_TYPES: readonly HouseholdType[] = ['gezin', 'eenouder', 'expartners', 'stel', 'oudere', 'tiener', 'eer', 'jongere'];

/** The person's place in the household. */
export type FamilyRole = 'ouder' | 'kind' | 'partner' | 'ex' | 'oudere' | 'verzorger' | 'jongere';

export interface Person {
  /** Stable index within the household (ref "p<idx+1>"). */
  readonly idx: number;
  readonly fam: FamilyRole;
  readonly voornamen: string;
  readonly roepnaam: string | undefined;
  /** The name the person is called by: the roepnaam, else the first given name. */
  readonly call: string;
  readonly tussenvoegsel: string | undefined;
  readonly achternaam: string;
  /** Epoch day of birth. */
  readonly birthDay: number;
  readonly geslacht: Sex;
  readonly bsn: string | undefined;
  /** Lives at the household's main address (else at the second address). */
  readonly atHome: boolean;
}

export type RelationType = 'partner' | 'ex-partner' | 'ouder' | 'broer-zus' | 'verzorger';

export interface Household {
  readonly id: number;
  readonly type: HouseholdType;
  readonly categorie: Categorie;
  readonly origin: Origin;
  readonly persons: readonly Person[];
  readonly relations: readonly (readonly [number, number, RelationType])[];
  readonly home: Address;
  readonly gemeenteIndex: number;
  /** Where the ex-partner or the carer lives, when not at home. */
  readonly second: Address | undefined;
  /** Epoch day from which the household lives at `movedHome` (Infinity: never moves). */
  readonly moveDay: number;
  readonly movedHome: Address | undefined;
  readonly movedGemeenteIndex: number;
  readonly twins: boolean;
  readonly fatherSon: boolean;
}

const YEAR = 365.25;
const SALT_HOUSEHOLD = 0x68683031;

/** Category of violence -> household type, for a new household. */
export const TYPE_FOR_CATEGORY: Readonly<Record<Categorie, Weighted<HouseholdType>>> = {
  km: Weighted.of<HouseholdType>([
    ['gezin', 50],
    ['eenouder', 28],
    ['expartners', 16],
    ['tiener', 4],
    ['eer', 2],
  ]),
  pg: Weighted.of<HouseholdType>([
    ['stel', 40],
    ['gezin', 25],
    ['expartners', 25],
    ['eenouder', 10],
  ]),
  oudm: Weighted.of<HouseholdType>([['oudere', 1]]),
  om: Weighted.of<HouseholdType>([['tiener', 1]]),
  sp: Weighted.of<HouseholdType>([['eer', 1]]),
  mh: Weighted.of<HouseholdType>([['jongere', 1]]),
  sg: Weighted.of<HouseholdType>([
    ['stel', 60],
    ['jongere', 40],
  ]),
};

/** The other category a later contact about the household may have. */
export function secondaryCategory(h: Household): Categorie {
  const hasChildren = h.persons.some((p) => p.fam === 'kind');
  switch (h.type) {
    case 'gezin':
    case 'eenouder':
    case 'expartners':
      return h.categorie === 'km' ? 'pg' : hasChildren ? 'km' : 'pg';
    case 'stel':
      return h.categorie === 'pg' ? 'sg' : 'pg';
    case 'oudere':
      return 'oudm';
    case 'tiener':
      return h.categorie === 'om' ? 'km' : 'om';
    case 'eer':
      return h.categorie === 'sp' ? 'km' : 'sp';
    case 'jongere':
      return h.categorie === 'mh' ? 'sg' : 'mh';
  }
}

/**
 * A valid BSN that is unique per (person number, seed): the eight leading digits are an affine
 * bijection of the person number modulo 10^8, the ninth follows from the 11-proef. Person numbers
 * whose check digit would be 10 get no BSN (as some people have none).
 */
export function syntheticBsn(personNumber: number, seedOffset: number): string | undefined {
  if (personNumber < 0 || personNumber >= 100_000_000) return undefined;
  // 7,654,321 is odd and not a multiple of 5, so coprime with 10^8.
  const x = (personNumber * 7_654_321 + seedOffset) % 100_000_000;
  // Weights 2..9 from the last of the eight digits to the first.
  let sum = 0;
  let rest = x;
  for (let weight = 2; weight <= 9; weight++) {
    sum += (rest % 10) * weight;
    rest = Math.floor(rest / 10);
  }
  const check = sum % 11;
  // The 11-proef also rejects a weighted sum of 0 (sum - check).
  if (check === 10 || sum === check) return undefined;
  return `${String(x).padStart(8, '0')}${check}`;
}

export interface DeriveContext {
  readonly seed: number;
  readonly bsnOffset: number;
  readonly geo: Geography;
}

interface Draft {
  fam: FamilyRole;
  sex: Sex;
  birthDay: number;
  origin: Origin;
  name?: Surname;
  given?: { voornamen: string; roepnaam: string | undefined };
  atHome: boolean;
}

/** Birth day for an age in whole years at `refDay` (at least two weeks before it). */
function birthForAge(rng: Rng, refDay: number, age: number): number {
  const b = refDay - Math.floor(age * YEAR) - rng.int(365);
  return Math.min(b, refDay - 14);
}

function yearOf(day: number): number {
  return civilFromDays(day)[0];
}

function childRank(d: Draft): number {
  return d.fam === 'kind' || d.fam === 'jongere' ? 1 : 0;
}

function otherSex(s: Sex): Sex {
  return s === 'man' ? 'vrouw' : 'man';
}

/** Rebuilds household `id` as it was first seen on `firstDay`. */
export function deriveHousehold(ctx: DeriveContext, id: number, type: HouseholdType, categorie: Categorie, firstDay: number): Household {
  const rng = Rng.from(ctx.seed, SALT_HOUSEHOLD, id);
  const origin = ORIGINS.pick(rng);
  const partnerOrigin = (): Origin => (rng.chance(0.85) ? origin : origin === 'nl' ? ORIGINS.pick(rng) : 'nl');
  const drafts: Draft[] = [];
  const relations: [number, number, RelationType][] = [];
  const add = (d: Draft) => drafts.push(d) - 1;
  let fatherSon = false;

  /** Adds 1-4 children (or exactly `n`) with plausible spacing; returns their indexes. */
  const addChildren = (n: number, maxEldest: number, childOrigin: Origin): number[] => {
    const spacings: number[] = [];
    for (let i = 1; i < n; i++) spacings.push(1 + rng.int(4));
    const twinAt = n >= 2 && rng.chance(0.035) ? rng.int(n - 1) : -1;
    if (twinAt >= 0) spacings[twinAt] = 0;
    const span = spacings.reduce((a, b) => a + b, 0);
    const eldestAge = Math.min(maxEldest, span + rng.int(Math.max(1, maxEldest - span + 1)));
    let birth = birthForAge(rng, firstDay, eldestAge);
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      if (i > 0) {
        const s = spacings[i - 1]!;
        if (s > 0) birth = birth + Math.floor(s * YEAR) + rng.range(-100, 100);
        if (birth > firstDay - 14) break;
      }
      out.push(add({ fam: 'kind', sex: rng.chance(0.51) ? 'man' : 'vrouw', birthDay: birth, origin: childOrigin, atHome: true }));
    }
    return out;
  };
  const childCount = () => {
    const r = rng.float();
    return r < 0.4 ? 1 : r < 0.75 ? 2 : r < 0.92 ? 3 : 4;
  };

  let father = -1;
  let mother = -1;
  let children: number[] = [];
  /** Parents of the children (for surnames and 'ouder' relations). */
  const parentsOf: number[] = [];
  let second = false;

  switch (type) {
    case 'gezin':
    case 'eer':
    case 'tiener': {
      const sameSex = type === 'gezin' && rng.chance(0.02);
      const n = type === 'gezin' ? childCount() : 1 + rng.int(3);
      // Children first (their ages fix the parents' ages).
      children = addChildren(n, type === 'gezin' ? 17 : 19, origin);
      if (type === 'tiener' && children.length > 0) {
        // The eldest is the teenager who is violent towards the parents.
        const teen = drafts[children[0]!]!;
        teen.birthDay = birthForAge(rng, firstDay, 12 + rng.int(8));
        teen.sex = rng.chance(0.75) ? 'man' : 'vrouw';
        teen.fam = 'jongere';
      }
      if (type === 'eer' && children.length > 0) {
        const daughter = drafts[children[0]!]!;
        daughter.sex = 'vrouw';
        daughter.fam = 'jongere';
        daughter.birthDay = birthForAge(rng, firstDay, rng.chance(0.2) ? 2 + rng.int(10) : 14 + rng.int(8));
      }
      const eldestBirth = Math.min(...children.map((c) => drafts[c]!.birthDay), firstDay - 14);
      const motherBirth = eldestBirth - Math.floor((19 + rng.int(20)) * YEAR) - rng.int(365);
      const singleParent = type === 'tiener' && rng.chance(0.45);
      if (sameSex) {
        const s: Sex = rng.chance(0.7) ? 'vrouw' : 'man';
        mother = add({ fam: 'ouder', sex: s, birthDay: motherBirth, origin, atHome: true });
        father = add({ fam: 'ouder', sex: s, birthDay: motherBirth + rng.range(-2500, 2500), origin: partnerOrigin(), atHome: true });
      } else {
        mother = add({ fam: 'ouder', sex: 'vrouw', birthDay: motherBirth, origin: type === 'gezin' ? partnerOrigin() : origin, atHome: true });
        if (!singleParent) {
          father = add({ fam: 'ouder', sex: 'man', birthDay: motherBirth - rng.range(-3 * 365, 8 * 365), origin, atHome: true });
        }
      }
      if (father >= 0) relations.push([father, mother, 'partner']);
      parentsOf.push(mother);
      if (father >= 0) parentsOf.push(father);
      break;
    }
    case 'eenouder':
    case 'expartners': {
      const withChildren = type === 'eenouder' || categorie === 'km' || rng.chance(0.5);
      children = withChildren ? addChildren(type === 'eenouder' ? childCount() : 1 + rng.int(3), 17, origin) : [];
      const eldestBirth = children.length > 0 ? Math.min(...children.map((c) => drafts[c]!.birthDay)) : firstDay - Math.floor((3 + rng.int(15)) * YEAR);
      const parentSex: Sex = type === 'eenouder' && rng.chance(0.12) ? 'man' : 'vrouw';
      const parentBirth = eldestBirth - Math.floor((19 + rng.int(20)) * YEAR) - rng.int(365);
      const parent = add({ fam: 'ouder', sex: parentSex, birthDay: parentBirth, origin: partnerOrigin(), atHome: true });
      parentsOf.push(parent);
      // The other parent (ex-partner) lives elsewhere; known in most cases.
      if (type === 'expartners' || rng.chance(0.65)) {
        const ex = add({ fam: 'ex', sex: otherSex(parentSex), birthDay: parentBirth + rng.range(-8 * 365, 3 * 365), origin, atHome: false });
        relations.push([ex, parent, 'ex-partner']);
        if (children.length > 0) parentsOf.push(ex);
        second = true;
        if (parentSex === 'vrouw') father = ex;
        else mother = ex;
      }
      if (parentSex === 'vrouw') mother = parent;
      else father = parent;
      break;
    }
    case 'stel': {
      const sameSex = rng.chance(0.03);
      const a: Sex = rng.chance(0.5) ? 'man' : 'vrouw';
      const ageA = 18 + Math.floor(rng.float() * rng.float() * 60);
      const pa = add({ fam: 'partner', sex: a, birthDay: birthForAge(rng, firstDay, ageA), origin, atHome: true });
      const ageB = Math.max(18, ageA + rng.range(-6, 6));
      const pb = add({ fam: 'partner', sex: sameSex ? a : otherSex(a), birthDay: birthForAge(rng, firstDay, ageB), origin: partnerOrigin(), atHome: true });
      relations.push([pa, pb, 'partner']);
      break;
    }
    case 'oudere': {
      const age = 65 + Math.floor(rng.float() * rng.float() * 32);
      const sex: Sex = rng.chance(0.65) ? 'vrouw' : 'man';
      const elder = add({ fam: 'oudere', sex, birthDay: birthForAge(rng, firstDay, age), origin, atHome: true });
      let partner = -1;
      if (rng.chance(0.4)) {
        partner = add({ fam: 'oudere', sex: otherSex(sex), birthDay: birthForAge(rng, firstDay, Math.max(62, age + rng.range(-5, 5))), origin, atHome: true });
        relations.push([elder, partner, 'partner']);
      }
      if (partner >= 0 && rng.chance(0.3)) {
        // Ontspoorde mantelzorg: the partner is the carer.
        relations.push([partner, elder, 'verzorger']);
      } else {
        const carerAge = Math.max(30, age - rng.range(22, 38));
        const livesIn = rng.chance(0.35);
        const carer = add({ fam: 'verzorger', sex: rng.chance(0.55) ? 'vrouw' : 'man', birthDay: birthForAge(rng, firstDay, carerAge), origin, atHome: livesIn });
        if (!livesIn) second = true;
        relations.push([carer, elder, 'verzorger']);
        if (sex === 'man') father = elder;
        else mother = elder;
        children = [carer];
        parentsOf.push(elder);
        if (partner >= 0) parentsOf.push(partner);
      }
      break;
    }
    case 'jongere': {
      const age = 14 + rng.int(9);
      const youth = add({ fam: 'jongere', sex: rng.chance(0.75) ? 'vrouw' : 'man', birthDay: birthForAge(rng, firstDay, age), origin, atHome: true });
      children = [youth];
      const youthBirth = drafts[youth]!.birthDay;
      mother = add({ fam: 'ouder', sex: 'vrouw', birthDay: youthBirth - Math.floor((20 + rng.int(18)) * YEAR), origin, atHome: true });
      parentsOf.push(mother);
      if (rng.chance(0.5)) {
        father = add({ fam: 'ouder', sex: 'man', birthDay: drafts[mother]!.birthDay - rng.range(-2 * 365, 7 * 365), origin, atHome: true });
        relations.push([father, mother, 'partner']);
        parentsOf.push(father);
      }
      break;
    }
  }

  // Names of the adults.
  for (const d of drafts) {
    if (d.fam === 'kind' || d.fam === 'jongere' || (d.fam === 'verzorger' && type === 'oudere')) continue;
    d.name = forSex(surname(rng, d.origin), d.origin, d.sex);
    d.given = givenNames(rng, d.origin, d.sex, yearOf(d.birthDay));
  }
  // Children: usually the father's surname, sometimes the mother's; Eritrean children carry
  // their father's given name as surname.
  if (children.length > 0) {
    const fatherDraft = father >= 0 ? drafts[father] : undefined;
    const motherDraft = mother >= 0 ? drafts[mother] : undefined;
    let family: Surname;
    let familyOrigin: Origin = origin;
    const r = rng.float();
    if (fatherDraft?.sex === 'man' && fatherDraft.name && r < 0.94) {
      familyOrigin = fatherDraft.origin;
      family =
        fatherDraft.origin === 'er' && fatherDraft.given
          ? { tussenvoegsel: undefined, achternaam: fatherDraft.given.voornamen.split(' ')[0]! }
          : fatherDraft.name;
    } else if (motherDraft?.name && (fatherDraft !== undefined || r < 0.55)) {
      familyOrigin = motherDraft.origin;
      family = motherDraft.name;
    } else {
      // A father who is not part of the household.
      family = surname(rng, origin);
    }
    for (const c of children) {
      const d = drafts[c]!;
      d.name = forSex(family, familyOrigin, d.sex);
      d.given = givenNames(rng, d.origin, d.sex, yearOf(d.birthDay));
    }
    // Twins share the birth date; sometimes a son carries his father's names ("junior").
    const fatherAtHome = fatherDraft?.sex === 'man' && fatherDraft.atHome;
    if (fatherAtHome && fatherDraft.given && fatherDraft.name && rng.chance(0.07)) {
      const son = children.find((c) => drafts[c]!.sex === 'man' && drafts[c]!.atHome && drafts[c]!.name?.achternaam === fatherDraft.name!.achternaam);
      if (son !== undefined) {
        drafts[son]!.given = fatherDraft.given;
        drafts[son]!.name = fatherDraft.name;
        fatherSon = true;
      }
    }
    for (const p of parentsOf) for (const c of children) relations.push([p, c, 'ouder']);
    if (type !== 'oudere') {
      for (let i = 0; i < children.length; i++) for (let j = i + 1; j < children.length; j++) relations.push([children[i]!, children[j]!, 'broer-zus']);
    }
  }

  // Twins: two children born on the same day (checked after all adjustments).
  let twins = false;
  for (let i = 0; i < children.length; i++) {
    for (let j = i + 1; j < children.length; j++) {
      const a = drafts[children[i]!]!;
      const b = drafts[children[j]!]!;
      if (a.fam === 'kind' && b.fam === 'kind' && a.birthDay === b.birthDay) twins = true;
    }
  }

  // Adults first in the output; relation indexes follow the new order.
  const newIndex = new Int8Array(drafts.length);
  const persons: Person[] = [];
  for (let pass = 0; pass < 2; pass++) {
    for (let old = 0; old < drafts.length; old++) {
      const d = drafts[old]!;
      if (childRank(d) !== pass) continue;
      const idx = persons.length;
      newIndex[old] = idx;
      const voornamen = d.given!.voornamen;
      const roepnaam = d.given!.roepnaam;
      const space = voornamen.indexOf(' ');
      persons.push({
        idx,
        fam: d.fam,
        voornamen,
        roepnaam,
        call: roepnaam ?? (space < 0 ? voornamen : voornamen.slice(0, space)),
        tussenvoegsel: d.name!.tussenvoegsel,
        achternaam: d.name!.achternaam,
        birthDay: d.birthDay,
        geslacht: d.sex,
        bsn: syntheticBsn(id * 8 + idx, ctx.bsnOffset),
        atHome: d.atHome,
      });
    }
  }
  const sortedRelations: (readonly [number, number, RelationType])[] = [];
  for (const [a, b, t] of relations) sortedRelations.push([newIndex[a]!, newIndex[b]!, t]);

  // Addresses: home, the second address nearby, and perhaps a move later on.
  const geo = ctx.geo;
  const gemeenteIndex = geo.pickGemeente(rng);
  const home = geo.address(rng, gemeenteIndex);
  const secondAddress = second ? geo.address(rng, rng.chance(0.7) ? gemeenteIndex : geo.pickGemeenteNear(rng, gemeenteIndex)) : undefined;
  let moveDay = Infinity;
  let movedHome: Address | undefined;
  let movedGemeenteIndex = gemeenteIndex;
  if (rng.chance(0.12)) {
    moveDay = firstDay + rng.range(60, 1500);
    movedGemeenteIndex = rng.chance(0.45) ? geo.pickGemeenteNear(rng, gemeenteIndex) : gemeenteIndex;
    movedHome = geo.address(rng, movedGemeenteIndex);
  }

  return {
    id,
    type,
    categorie,
    origin,
    persons,
    relations: sortedRelations,
    home,
    gemeenteIndex,
    second: secondAddress,
    moveDay,
    movedHome,
    movedGemeenteIndex,
    twins,
    fatherSon,
  };
}
