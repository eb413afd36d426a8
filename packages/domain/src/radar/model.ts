/**
 * The Fellegi-Sunter linkage model: per field a list of comparison levels, each with
 *   m = P(this level | the two records are the same person) and
 *   u = P(this level | they are different persons);
 * a level adds log2(m / u) bits of evidence. The prior λ is the probability that two records
 * drawn at random are the same person. See docs/linkage.md.
 */

/** The compared fields, in the order of `LinkageModel.fields`. */
export const FIELDS = ['nationalId', 'surname', 'givenName', 'birthDate', 'sex', 'address', 'phone'] as const;
export type FieldName = (typeof FIELDS)[number];

/**
 * Levels per field, from best to worst agreement. "Unknown" (a value missing on either side) is
 * not a level: it adds no evidence.
 */
export const LEVELS = {
  nationalId: ['exact', 'different'],
  surname: ['exact', 'phonetic', 'typo', 'part', 'different'],
  givenName: ['exact', 'nickname', 'typo', 'other-name', 'initials', 'different'],
  birthDate: ['exact', 'day-month-swapped', 'typo', 'different'],
  sex: ['exact', 'different'],
  address: ['exact', 'street', 'place', 'different'],
  phone: ['exact', 'different'],
} as const satisfies Record<FieldName, readonly string[]>;

export type LevelName<F extends FieldName> = (typeof LEVELS)[F][number];

export interface LevelModel {
  readonly level: string;
  /** P(level | same person). */
  readonly m: number;
  /** P(level | different persons). */
  readonly u: number;
}

export interface FieldModel {
  readonly field: FieldName;
  /** One entry per level of `LEVELS[field]`, in that order. */
  readonly levels: readonly LevelModel[];
  /** The exact level's u is replaced by the value's term frequency, when one is given. */
  readonly tf: boolean;
}

export interface LinkageModel {
  /** λ: the probability that two records drawn at random are the same person. */
  readonly prior: number;
  /** One per field of `FIELDS`, in that order. */
  readonly fields: readonly FieldModel[];
  /**
   * The relatives rule: a pair that clearly disagrees on a field that tells relatives apart —
   * the first given name, the birth date (beyond a swap or one digit), the sex, or two valid
   * BSNs — gets at most this much evidence (bits), however much else agrees (relatives share
   * surname, address and sometimes birth date or names: those agreements are not independent
   * evidence). 0 means: no more likely than two records drawn at random. An agreeing BSN overrides.
   */
  readonly relativesMaxWeight: number;
  /** A valid BSN that agrees decides: the evidence is at least this many bits. */
  readonly nationalIdMinWeight: number;
  /** The smallest term frequency used (guards against unseen values with frequency 0). */
  readonly tfMinimum: number;
  /** How the parameters were obtained. */
  readonly source: string;
}

/** Level index of a level name; throws for an unknown one. */
export function levelIndex(field: FieldName, level: string): number {
  const i = (LEVELS[field] as readonly string[]).indexOf(level);
  if (i < 0) throw new Error(`unknown level ${level} of field ${field}`);
  return i;
}

/** A model with the same parameters and another prior. */
export function withPrior(model: LinkageModel, prior: number): LinkageModel {
  if (!(prior > 0 && prior < 1)) throw new Error(`prior must lie strictly between 0 and 1 (got ${prior})`);
  return { ...model, prior };
}

/** log2(p / (1 - p)). */
export function logit2(p: number): number {
  return Math.log2(p / (1 - p));
}

/** The probability for log2 odds w. */
export function probabilityOf(weight: number): number {
  return 1 / (1 + Math.pow(2, -weight));
}

/** Compiled weights of a model: per field the log2(m/u) of each level and log2(m) of the exact level. */
export interface CompiledModel {
  readonly weights: readonly Float64Array[];
  readonly log2mExact: Float64Array;
  readonly tf: readonly boolean[];
  readonly priorWeight: number;
}

const compiled = new WeakMap<LinkageModel, CompiledModel>();

/** The model's weights, computed once per model object. */
export function compile(model: LinkageModel): CompiledModel {
  let c = compiled.get(model);
  if (c) return c;
  if (model.fields.length !== FIELDS.length) throw new Error(`a linkage model has ${FIELDS.length} fields, in the order ${FIELDS.join(', ')}`);
  const weights: Float64Array[] = [];
  const log2mExact = new Float64Array(FIELDS.length);
  const tf: boolean[] = [];
  FIELDS.forEach((field, f) => {
    const fm = model.fields[f]!;
    const names = LEVELS[field] as readonly string[];
    if (fm.field !== field || fm.levels.length !== names.length) throw new Error(`field ${f} of a linkage model must be ${field} with levels ${names.join(', ')}`);
    const w = new Float64Array(names.length);
    fm.levels.forEach((l, i) => {
      if (l.level !== names[i]) throw new Error(`level ${i} of ${field} must be ${names[i]} (got ${l.level})`);
      if (!(l.m > 0 && l.m <= 1 && l.u > 0 && l.u <= 1)) throw new Error(`m and u of ${field}.${l.level} must lie in (0, 1]`);
      w[i] = Math.log2(l.m / l.u);
    });
    weights.push(w);
    log2mExact[f] = Math.log2(fm.levels[0]!.m);
    tf.push(fm.tf);
  });
  c = { weights, log2mExact, tf, priorWeight: logit2(model.prior) };
  compiled.set(model, c);
  return c;
}

/** Builds a model from per-field [m, u] pairs in level order; used for defaults and tests. */
export function makeModel(
  params: { readonly [F in FieldName]: readonly (readonly [number, number])[] },
  options: { prior: number; relativesMaxWeight?: number; nationalIdMinWeight?: number; tfMinimum?: number; source: string; tf?: readonly FieldName[] },
): LinkageModel {
  const tfFields = options.tf ?? ['surname', 'givenName'];
  return {
    prior: options.prior,
    relativesMaxWeight: options.relativesMaxWeight ?? 0,
    nationalIdMinWeight: options.nationalIdMinWeight ?? 40,
    tfMinimum: options.tfMinimum ?? 1e-6,
    source: options.source,
    fields: FIELDS.map((field) => {
      const names = LEVELS[field] as readonly string[];
      const p = params[field];
      if (p.length !== names.length) throw new Error(`${field} needs ${names.length} levels: ${names.join(', ')}`);
      return { field, tf: tfFields.includes(field), levels: names.map((level, i) => ({ level, m: p[i]![0], u: p[i]![1] })) };
    }),
  };
}
