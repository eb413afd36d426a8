/**
 * The generator's view of the forms of violence. It works with seven broad categories and maps
 * each to codes that exist in the reference taxonomy (`GEWELDSVORMEN`), found by keywords in
 * code and name, so it only ever emits codes that exist, whatever the taxonomy's details.
 */
import { GEWELDSVORMEN, type GeweldsvormRef } from '@samenveilig/domain';
import { Weighted, type Rng } from './rng.js';

/** km kindermishandeling, pg (ex-)partnergeweld, oudm ouderenmishandeling, om oudermishandeling,
 *  sp schadelijke praktijken, mh mensenhandel, sg seksueel geweld. */
export type Categorie = 'km' | 'pg' | 'oudm' | 'om' | 'sp' | 'mh' | 'sg';
export const CATEGORIEEN: readonly Categorie[] = ['km', 'pg', 'oudm', 'om', 'sp', 'mh', 'sg'];

const CATEGORY_KEYWORDS: Readonly<Record<Categorie, readonly string[]>> = {
  km: ['kindermishandeling'],
  pg: ['partnergeweld', 'partner'],
  oudm: ['ouderenmishandeling', 'ouderen'],
  om: ['oudermishandeling', 'geweld-tegen-ouders', 'kind-ouder'],
  sp: ['schadelijke', 'traditionele', 'eergerelateerd', 'huwelijksdwang'],
  mh: ['mensenhandel', 'uitbuiting'],
  sg: ['seksueel-geweld', 'seksueelgeweld', 'seksueel'],
};

/** Relative weights of sub-forms by keyword (first match wins); others weigh 1. */
const FORM_WEIGHTS: readonly (readonly [string, number])[] = [
  ['getuige', 0],
  ['scheiding', 0],
  ['verwaarlozing', 4],
  ['lichamelijk', 3],
  ['fysiek', 3],
  ['psychisch', 3],
  ['emotioneel', 3],
  ['stalking', 1.5],
  ['financ', 2],
  ['mantelzorg', 1],
  ['seksueel', 0.8],
  ['ongeboren', 0.1],
  ['schud', 0.05],
  ['shaken', 0.05],
  ['pornografie', 0.1],
  ['online', 0.4],
  ['zelfdoding', 0.1],
  ['suicide', 0.1],
];

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-');

export class ResolvedCategory {
  readonly code: string;
  private readonly forms: readonly { code: string; key: string }[];
  private readonly weighted: Weighted<string> | null;

  constructor(category: GeweldsvormRef, subforms: readonly GeweldsvormRef[]) {
    this.code = category.code;
    this.forms = subforms.map((f) => ({ code: f.code, key: `${fold(f.code)} ${fold(f.naam)}` }));
    const weights = this.forms.map((f) => {
      const hit = FORM_WEIGHTS.find(([kw]) => f.key.includes(kw));
      return hit ? hit[1] : 1;
    });
    this.weighted = this.forms.length > 0 && weights.some((w) => w > 0) ? new Weighted(this.forms.map((f) => f.code), weights) : null;
  }

  /** A typical form of this category (never the special ones such as witnessing). */
  pick(rng: Rng): string {
    return this.weighted ? this.weighted.pick(rng) : this.code;
  }

  /** The first form whose code or name contains one of the keywords, else undefined. */
  find(...keywords: string[]): string | undefined {
    for (const kw of keywords) {
      const hit = this.forms.find((f) => f.key.includes(kw));
      if (hit) return hit.code;
    }
    return undefined;
  }

  /** The form found by keywords, or a typical one. */
  prefer(rng: Rng, ...keywords: string[]): string {
    return this.find(...keywords) ?? this.pick(rng);
  }
}

export type ResolvedForms = Readonly<Record<Categorie, ResolvedCategory>>;

/** Maps the generator's categories onto the reference taxonomy as it is now. */
export function resolveForms(forms: readonly GeweldsvormRef[] = GEWELDSVORMEN): ResolvedForms | null {
  if (forms.length === 0) return null;
  const categories = forms.filter((f) => f.categorie === null);
  const tops = categories.length > 0 ? categories : forms;
  const found = new Map<Categorie, GeweldsvormRef>();
  for (const cat of CATEGORIEEN) {
    for (const kw of CATEGORY_KEYWORDS[cat]) {
      const hit = tops.find((t) => {
        const key = `${fold(t.code)} ${fold(t.naam)}`;
        // "ouderenmishandeling" must not count as "oudermishandeling" and vice versa.
        if (cat === 'om' && key.includes('ouderen')) return false;
        return key.includes(kw);
      });
      if (hit) {
        found.set(cat, hit);
        break;
      }
    }
  }
  const fallback = found.get('pg') ?? found.get('km') ?? tops[0]!;
  const result = {} as Record<Categorie, ResolvedCategory>;
  for (const cat of CATEGORIEEN) {
    const top = found.get(cat) ?? (cat === 'mh' || cat === 'sp' ? (found.get('km') ?? fallback) : fallback);
    result[cat] = new ResolvedCategory(
      top,
      forms.filter((f) => f.categorie === top.code),
    );
  }
  return result;
}
