/**
 * Estimating the model from data, as Splink does:
 * - u from random pairs: two records drawn at random are almost always different persons, so
 *   the share of each level among random pairs estimates u;
 * - m by expectation-maximisation (EM) on the candidate pairs that blocking produced: a mixture
 *   of two classes, matches (m) and candidate non-matches (their own level shares, free, since
 *   relatives and namesakes among the candidates agree far more often than random pairs). The
 *   E-step gives each pair its probability of being a match, the M-step sets both classes' shares
 *   of each level from those probabilities. Pairs are first grouped by their pattern of levels,
 *   so an iteration costs one pass over the distinct patterns. Only m is kept;
 * - the prior: the share of matches among candidate pairs (from EM) times the number of
 *   candidate pairs, divided by the number of all pairs.
 * Term-frequency adjustment and the rules (BSN, relatives) play no part in estimation.
 */
import { levels } from './compare.js';
import { DEFAULT_MODEL } from './default-model.js';
import { FIELDS, LEVELS, makeModel, type FieldName, type LinkageModel } from './model.js';
import type { Prepared } from './prepare.js';

export interface EstimateOptions {
  /** Starting m, and the u of fields not estimated (default DEFAULT_MODEL). */
  base?: LinkageModel;
  /** Random pairs drawn to estimate u (default 300,000; 0 keeps the base u). */
  randomPairs?: number;
  /** Seed of the random pairs (default 1). */
  seed?: number;
  /** For linking two sets: draw each random pair as one record of each set (default: two of `records`). */
  randomFrom?: readonly [readonly Prepared[], readonly Prepared[]];
  /** Fields whose u are kept from the base (default ['nationalId']: two persons share a valid BSN only by error, which random pairs cannot show). */
  fixedU?: readonly FieldName[];
  maxIterations?: number;
  /** Stop when no m changes by more than this (default 1e-5). */
  tolerance?: number;
  /** All pairs of the data set (|left|·|right|, or n(n-1)/2): with it the prior is estimated too. */
  totalPairs?: number;
  /** Recorded in the model's `source`. */
  source?: string;
}

export interface EstimateReport {
  model: LinkageModel;
  iterations: number;
  converged: boolean;
  /** Share of matches among the candidate pairs (EM's λ). */
  candidateMatchShare: number;
  candidatePairs: number;
  distinctPatterns: number;
  randomPairs: number;
}

/** A small seedable generator (mulberry32) for drawing random pairs. */
function mulberry32(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

type Counts = number[][];

function emptyCounts(): Counts {
  return FIELDS.map((f) => new Array<number>(LEVELS[f].length).fill(0));
}

/** Level counts per field among random pairs (for u). */
export function randomPairCounts(records: readonly Prepared[], pairs: number, seed = 1, randomFrom?: readonly [readonly Prepared[], readonly Prepared[]]): number[][] {
  const rnd = mulberry32(seed);
  const counts = emptyCounts();
  const lv = new Int8Array(FIELDS.length);
  const [xs, ys] = randomFrom ?? [records, records];
  if (xs.length === 0 || ys.length === 0 || (randomFrom === undefined && records.length < 2)) throw new Error('estimateU: too few records');
  for (let k = 0; k < pairs; k++) {
    const i = Math.floor(rnd() * xs.length);
    let j = Math.floor(rnd() * ys.length);
    if (!randomFrom && j === i) j = (j + 1) % ys.length;
    levels(xs[i]!, ys[j]!, lv);
    for (let f = 0; f < FIELDS.length; f++) {
      const l = lv[f]!;
      if (l >= 0) counts[f]![l]!++;
    }
  }
  return counts;
}

/** u per field and level from level counts of random pairs (half a pseudo-count per level). */
export function uFromCounts(counts: readonly (readonly number[])[]): number[][] {
  return counts.map((row) => {
    const total = row.reduce((s, c) => s + c, 0) + 0.5 * row.length;
    return row.map((c) => (c + 0.5) / total);
  });
}

/** u per field and level from random pairs. */
export function estimateU(records: readonly Prepared[], pairs: number, seed = 1, randomFrom?: readonly [readonly Prepared[], readonly Prepared[]]): number[][] {
  return uFromCounts(randomPairCounts(records, pairs, seed, randomFrom));
}

const BASE = 8; // levels -1..6 encoded as 0..7

/** The pattern of levels of a pair as one number (for grouping pairs). */
export function patternCode(lv: ArrayLike<number>): number {
  let code = 0;
  for (let f = FIELDS.length - 1; f >= 0; f--) code = code * BASE + (lv[f]! + 1);
  return code;
}

/** Counts candidate pairs (flat index pairs into `records`) by their pattern of levels. */
export function patternCounts(records: readonly Prepared[], pairs: ArrayLike<number>, into = new Map<number, number>()): Map<number, number> {
  const lv = new Int8Array(FIELDS.length);
  const nPairs = Math.floor(pairs.length / 2);
  for (let k = 0; k < nPairs; k++) {
    levels(records[pairs[2 * k]!]!, records[pairs[2 * k + 1]!]!, lv);
    const code = patternCode(lv);
    into.set(code, (into.get(code) ?? 0) + 1);
  }
  return into;
}

/** EM on candidate pairs (flat index pairs [i0, j0, i1, j1, ...] into `records`), with a report. */
export function estimateModelReport(records: readonly Prepared[], pairs: ArrayLike<number>, options: EstimateOptions = {}): EstimateReport {
  const nRandom = options.randomPairs ?? 300_000;
  const u = nRandom > 0 ? estimateU(records, nRandom, options.seed ?? 1, options.randomFrom) : undefined;
  return emFromPatterns(patternCounts(records, pairs), u, options);
}

/**
 * EM for m on pattern counts of candidate pairs, u given (from random pairs; fields in
 * `fixedU` and a missing `u` keep the base model's u).
 */
export function emFromPatterns(patterns: ReadonlyMap<number, number>, uEstimated: readonly (readonly number[])[] | undefined, options: EstimateOptions = {}): EstimateReport {
  const base = options.base ?? DEFAULT_MODEL;
  const fixedU = new Set(options.fixedU ?? ['nationalId']);
  const nRandom = uEstimated ? (options.randomPairs ?? 300_000) : 0;
  const u: number[][] = base.fields.map((f) => f.levels.map((l) => l.u));
  if (uEstimated) {
    FIELDS.forEach((field, f) => {
      if (!fixedU.has(field)) u[f] = [...uEstimated[f]!];
    });
  }
  const codes = [...patterns.keys()];
  const counts = codes.map((c) => patterns.get(c)!);
  const nPairs = counts.reduce((s, c) => s + c, 0);
  const decoded = codes.map(decodePattern);
  // Two latent classes among the candidate pairs: matches (m) and candidate non-matches (uc).
  // uc is free: candidate non-matches (relatives, namesakes) agree far more often than random
  // pairs, and with u fixed from random pairs EM would call every candidate a match.
  let m: number[][] = base.fields.map((f) => f.levels.map((l) => l.m));
  let uc: number[][] = emptyCounts();
  for (let p = 0; p < decoded.length; p++)
    for (let f = 0; f < FIELDS.length; f++) {
      const l = decoded[p]![f]!;
      if (l >= 0) uc[f]![l]! += counts[p]!;
    }
  uc = uc.map((row) => {
    const total = row.reduce((a, b) => a + b, 0) + row.length;
    return row.map((c) => (c + 1) / total);
  });
  let lambda = 0.5;
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.tolerance ?? 1e-5;
  let iterations = 0;
  let converged = false;
  const normalise = (sums: number[][], totals: number[], previous: number[][]) =>
    sums.map((row, f) => (totals[f]! <= 0 ? previous[f]! : row.map((v) => (v + 1e-6) / (totals[f]! + 1e-6 * row.length))));
  for (; iterations < maxIterations && !converged; ) {
    iterations++;
    const mSum = emptyCounts();
    const uSum = emptyCounts();
    const mTotal = new Array<number>(FIELDS.length).fill(0);
    const uTotal = new Array<number>(FIELDS.length).fill(0);
    let matches = 0;
    for (let p = 0; p < decoded.length; p++) {
      const g = decoded[p]!;
      let lm = Math.log(lambda);
      let lu = Math.log(1 - lambda);
      for (let f = 0; f < FIELDS.length; f++) {
        const l = g[f]!;
        if (l < 0) continue;
        lm += Math.log(m[f]![l]!);
        lu += Math.log(uc[f]![l]!);
      }
      const post = 1 / (1 + Math.exp(lu - lm));
      const wm = post * counts[p]!;
      const wu = (1 - post) * counts[p]!;
      matches += wm;
      for (let f = 0; f < FIELDS.length; f++) {
        const l = g[f]!;
        if (l < 0) continue;
        mSum[f]![l]! += wm;
        mTotal[f]! += wm;
        uSum[f]![l]! += wu;
        uTotal[f]! += wu;
      }
    }
    const nextM = normalise(mSum, mTotal, m);
    const nextU = normalise(uSum, uTotal, uc);
    let change = 0;
    for (let f = 0; f < FIELDS.length; f++)
      for (let l = 0; l < nextM[f]!.length; l++) change = Math.max(change, Math.abs(nextM[f]![l]! - m[f]![l]!), Math.abs(nextU[f]![l]! - uc[f]![l]!));
    m = nextM;
    uc = nextU;
    lambda = Math.min(0.999, Math.max(1e-9, matches / Math.max(1, nPairs)));
    converged = change < tolerance;
  }

  let prior = base.prior;
  if (options.totalPairs !== undefined && options.totalPairs > 0) prior = Math.min(0.5, Math.max(1e-15, (lambda * nPairs) / options.totalPairs));
  const params = Object.fromEntries(FIELDS.map((field, f) => [field, m[f]!.map((mv, l) => [mv, u[f]![l]!] as const)])) as unknown as Parameters<typeof makeModel>[0];
  const model = makeModel(params, {
    prior,
    relativesMaxWeight: base.relativesMaxWeight,
    nationalIdMinWeight: base.nationalIdMinWeight,
    tfMinimum: base.tfMinimum,
    tf: base.fields.filter((f) => f.tf).map((f) => f.field),
    source: options.source ?? `EM on ${nPairs} candidate pairs (${iterations} iterations), u from ${nRandom} random pairs`,
  });
  return { model, iterations, converged, candidateMatchShare: lambda, candidatePairs: nPairs, distinctPatterns: decoded.length, randomPairs: nRandom };
}

/** Decodes a pattern code into levels (-1 unknown). */
export function decodePattern(code: number): Int8Array {
  const out = new Int8Array(FIELDS.length);
  let c = code;
  for (let f = 0; f < FIELDS.length; f++) {
    out[f] = (c % BASE) - 1;
    c = Math.floor(c / BASE);
  }
  return out;
}

/**
 * m from known matches: candidate pairs that agree on a valid BSN are the same person (a BSN is
 * personal), so among them the share of each level of the other fields estimates m directly,
 * with half a pseudo-count per level. Returns null when there are fewer than `minimum` such pairs.
 * The BSN's own m is not estimated here (the pairs were chosen by it).
 */
export function mFromKnownMatches(patterns: ReadonlyMap<number, number>, minimum = 50): { m: number[][]; pairs: number } | null {
  const counts = emptyCounts();
  let pairs = 0;
  for (const [code, n] of patterns) {
    const lv = decodePattern(code);
    if (lv[0] !== 0) continue;
    pairs += n;
    for (let f = 1; f < FIELDS.length; f++) if (lv[f]! >= 0) counts[f]![lv[f]!]! += n;
  }
  if (pairs < minimum) return null;
  return { m: uFromCounts(counts), pairs };
}

/**
 * Estimates a model from pattern counts of candidate pairs: m from BSN-agreeing pairs when there
 * are enough of them (see mFromKnownMatches), else by EM; u from random-pair level counts; the
 * BSN's m and u stay as in the base model. The prior follows EM's share of matches when EM ran,
 * else stays the base prior (the CLI re-estimates it after scoring).
 */
export function estimateFromPatterns(patterns: ReadonlyMap<number, number>, uEstimated: readonly (readonly number[])[] | undefined, options: EstimateOptions = {}): EstimateReport & { method: 'bsn' | 'em'; knownMatches: number } {
  const base = options.base ?? DEFAULT_MODEL;
  const known = mFromKnownMatches(patterns);
  if (!known) return { ...emFromPatterns(patterns, uEstimated, options), method: 'em', knownMatches: 0 };
  const fixedU = new Set(options.fixedU ?? ['nationalId']);
  const params = Object.fromEntries(
    FIELDS.map((field, f) => {
      const levelsOf = base.fields[f]!.levels;
      const m = f === 0 ? levelsOf.map((l) => l.m) : known.m[f]!;
      const u = uEstimated && !fixedU.has(field) ? uEstimated[f]! : levelsOf.map((l) => l.u);
      return [field, m.map((mv, l) => [mv, u[l]!] as const)];
    }),
  ) as unknown as Parameters<typeof makeModel>[0];
  let nPairs = 0;
  for (const n of patterns.values()) nPairs += n;
  const model = makeModel(params, {
    prior: base.prior,
    relativesMaxWeight: base.relativesMaxWeight,
    nationalIdMinWeight: base.nationalIdMinWeight,
    tfMinimum: base.tfMinimum,
    tf: base.fields.filter((f) => f.tf).map((f) => f.field),
    source: options.source ?? `m from ${known.pairs} candidate pairs with the same valid BSN, u from ${options.randomPairs ?? 300_000} random pairs`,
  });
  return { model, iterations: 0, converged: true, candidateMatchShare: NaN, candidatePairs: nPairs, distinctPatterns: patterns.size, randomPairs: uEstimated ? (options.randomPairs ?? 300_000) : 0, method: 'bsn', knownMatches: known.pairs };
}

/** EM estimation of m (and u from random pairs) on candidate pairs. */
export function estimateModel(records: readonly Prepared[], pairs: ArrayLike<number>, options: EstimateOptions = {}): LinkageModel {
  return estimateModelReport(records, pairs, options).model;
}

/**
 * The prior (λ) by EM with m and u fixed: the expected number of matches among the candidates,
 * from their evidence, divided by all pairs. `histogram[k]` counts candidate pairs whose evidence
 * lies in bin k of width `binWidth` starting at `minBits` (see `EvidenceHistogram`).
 */
export function estimatePrior(histogram: EvidenceHistogram, totalPairs: number, start = 1e-6, iterations = 200): number {
  let lambda = Math.min(0.5, Math.max(1e-15, start));
  for (let it = 0; it < iterations; it++) {
    const logOdds = Math.log2(lambda / (1 - lambda));
    let expected = 0;
    const h = histogram.counts;
    for (let k = 0; k < h.length; k++) {
      const c = h[k]!;
      if (c === 0) continue;
      const bits = histogram.minBits + (k + 0.5) * histogram.binWidth;
      expected += c / (1 + Math.pow(2, -(bits + logOdds)));
    }
    const next = Math.min(0.5, Math.max(1e-15, expected / totalPairs));
    if (Math.abs(next - lambda) <= lambda * 1e-6) {
      lambda = next;
      break;
    }
    lambda = next;
  }
  return lambda;
}

/** Counts of candidate pairs by evidence (bits), in fixed bins: cheap to fill and to merge across workers. */
export class EvidenceHistogram {
  readonly counts: Float64Array;
  constructor(
    readonly minBits = -80,
    readonly maxBits = 80,
    readonly binWidth = 0.05,
  ) {
    this.counts = new Float64Array(Math.ceil((maxBits - minBits) / binWidth));
  }
  add(bits: number): void {
    let k = Math.floor((bits - this.minBits) / this.binWidth);
    if (k < 0) k = 0;
    else if (k >= this.counts.length) k = this.counts.length - 1;
    this.counts[k]!++;
  }
  merge(other: ArrayLike<number>): void {
    for (let k = 0; k < this.counts.length; k++) this.counts[k]! += other[k]!;
  }
}
