/**
 * Who is who in one contact: the role of each household member (slachtoffer, pleger, kind, ...)
 * and the forms of violence, given the household and the category of violence.
 */
import type { PersoonRol } from '@samenveilig/domain';
import type { Categorie, ResolvedForms } from './categories.js';
import type { Household, Person } from './household.js';
import type { Rng } from './rng.js';

export interface Roles {
  /** Role per person index; undefined: not part of this contact. */
  readonly roles: (PersoonRol | undefined)[];
  readonly forms: string[];
  readonly victim: Person | undefined;
  readonly pleger: Person | undefined;
}

const YEAR = 365.25;

export function ageAt(p: Person, day: number): number {
  return Math.floor((day - p.birthDay) / YEAR);
}

function addForm(forms: string[], code: string): void {
  if (!forms.includes(code)) forms.push(code);
}

/** A random element other than `not`. */
function other(list: readonly Person[], not: Person): Person | undefined {
  return list.find((p) => p !== not);
}

export function assignRoles(h: Household, cat: Categorie, day: number, rng: Rng, F: ResolvedForms | null): Roles {
  const P = h.persons;
  const roles = new Array<PersoonRol | undefined>(P.length).fill(undefined);
  const forms: string[] = [];
  const set = (p: Person | undefined, rol: PersoonRol) => {
    if (p) roles[p.idx] = rol;
  };
  const kids = P.filter((p) => p.fam === 'kind');
  const youth = P.find((p) => p.fam === 'jongere');
  const parents = P.filter((p) => p.fam === 'ouder' || p.fam === 'ex' || p.fam === 'partner');
  const man = parents.find((p) => p.geslacht === 'man');
  let victim: Person | undefined;
  let pleger: Person | undefined;
  const form = (fn: (f: ResolvedForms) => string) => {
    if (F) addForm(forms, fn(F));
  };

  switch (cat) {
    case 'km': {
      for (const k of kids) set(k, 'kind');
      set(youth, 'kind');
      const r = rng.float();
      if (parents.length >= 2 && r < 0.35) {
        // The children witness violence between the (ex-)partners.
        const a = man && rng.chance(0.8) ? man : (other(parents, man ?? parents[0]!) ?? parents[0]!);
        pleger = a;
        victim = other(parents, a);
        set(pleger, 'pleger');
        set(victim, 'slachtoffer');
        form((f) => f.km.prefer(rng, 'getuige'));
        form((f) => f.pg.pick(rng));
      } else if (h.type === 'expartners' && parents.length >= 2 && r < 0.65) {
        // Complexe scheiding: both parents involved, the children caught in between.
        for (const p of parents) set(p, 'overig');
        form((f) => f.km.prefer(rng, 'scheiding', 'psychisch'));
        form((f) => f.pg.prefer(rng, 'scheiding'));
      } else {
        const atHome = parents.filter((p) => p.atHome);
        const candidates = atHome.length > 0 ? atHome : parents;
        if (candidates.length > 0) {
          pleger = candidates.length > 1 && man?.atHome && rng.chance(0.55) ? man : rng.pick(candidates);
          for (const p of parents) set(p, 'overig');
          set(pleger, 'pleger');
          if (candidates.length > 1 && rng.chance(0.2)) for (const p of candidates) set(p, 'pleger');
        }
        form((f) => f.km.pick(rng));
        if (rng.chance(0.3)) form((f) => f.km.pick(rng));
      }
      victim = victim ?? kids[0] ?? youth;
      break;
    }
    case 'pg':
    case 'sg': {
      const adults = parents.length > 0 ? parents : P.filter((p) => p.fam !== 'kind' && p.fam !== 'jongere');
      if (h.type === 'jongere' && youth) {
        victim = youth;
        set(youth, 'slachtoffer');
        for (const p of adults) set(p, 'overig');
      } else if (adults.length >= 2) {
        const hetero = adults[0]!.geslacht !== adults[1]!.geslacht;
        const a = hetero && man ? (rng.chance(0.82) ? man : other(adults, man)!) : rng.pick(adults);
        pleger = a;
        victim = other(adults, a);
        set(pleger, 'pleger');
        set(victim, 'slachtoffer');
        for (const p of adults) if (roles[p.idx] === undefined) set(p, 'overig');
      } else if (adults.length === 1) {
        // The partner who uses violence is not (yet) known as part of the household.
        victim = adults[0];
        set(victim, 'slachtoffer');
      }
      if (rng.chance(0.85)) {
        for (const k of kids) set(k, 'kind');
        if (youth && roles[youth.idx] === undefined) set(youth, 'kind');
      }
      if (cat === 'sg') form((f) => f.sg.pick(rng));
      else {
        const r = rng.float();
        form((f) => (h.type === 'expartners' && r < 0.5 ? f.pg.prefer(rng, r < 0.35 ? 'stalking' : 'scheiding') : f.pg.pick(rng)));
        if (rng.chance(0.25)) form((f) => f.pg.pick(rng));
      }
      break;
    }
    case 'oudm': {
      const elders = P.filter((p) => p.fam === 'oudere');
      const carerRel = h.relations.find(([, , t]) => t === 'verzorger');
      const carer = carerRel ? P[carerRel[0]] : undefined;
      for (const e of elders) set(e, e === carer ? 'pleger' : 'slachtoffer');
      victim = elders.find((e) => e !== carer);
      if (carer) {
        pleger = carer;
        set(carer, 'pleger');
      }
      form((f) => (carer?.fam === 'oudere' && rng.chance(0.5) ? f.oudm.prefer(rng, 'mantelzorg') : f.oudm.pick(rng)));
      if (rng.chance(0.3)) form((f) => f.oudm.pick(rng));
      break;
    }
    case 'om': {
      pleger = youth ?? kids[0];
      set(pleger, 'pleger');
      for (const p of parents) set(p, 'slachtoffer');
      victim = parents.find((p) => p.geslacht === 'vrouw') ?? parents[0];
      for (const k of kids) if (k !== pleger) set(k, 'kind');
      form((f) => f.om.pick(rng));
      break;
    }
    case 'sp': {
      victim = youth ?? kids[0];
      const young = victim !== undefined && ageAt(victim, day) < 13;
      set(victim, young ? 'kind' : 'slachtoffer');
      pleger = man ?? parents[0];
      for (const p of parents) set(p, p === pleger || rng.chance(0.4) ? 'pleger' : 'overig');
      for (const k of kids) if (k !== victim) set(k, 'kind');
      form((f) =>
        young ? f.sp.prefer(rng, 'genitale', 'vgv', 'besnijdenis') : f.sp.prefer(rng, rng.pick(['huwelijksdwang', 'eer', 'achterlating', 'huwelijksdwang'])),
      );
      break;
    }
    case 'mh': {
      victim = youth ?? kids[0];
      set(victim, 'slachtoffer');
      for (const p of parents) set(p, 'overig');
      const adult = victim !== undefined && ageAt(victim, day) >= 23;
      const r = rng.float();
      const keyword =
        victim?.geslacht === 'man'
          ? r < 0.6
            ? 'criminele'
            : r < 0.75
              ? 'arbeid'
              : 'seksuele'
          : r < 0.45
            ? 'loverboy'
            : r < 0.8 && !adult
              ? 'jeugdprostitutie'
              : 'seksuele';
      form((f) => f.mh.prefer(rng, keyword));
      break;
    }
  }
  // Anyone left without a role but part of the household: mentioned as 'overig' or 'getuige'.
  let any = false;
  for (let i = 0; i < roles.length; i++) if (roles[i] !== undefined) any = true;
  if (!any && P.length > 0) {
    roles[0] = 'slachtoffer';
    victim = P[0];
  }
  if (forms.length === 0 && F) forms.push(F[cat].pick(rng));
  return { roles, forms, victim, pleger };
}
