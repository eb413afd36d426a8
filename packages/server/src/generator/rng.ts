/**
 * Seedable pseudo random numbers for the synthetic data generator.
 *
 * The generator is xoroshiro128+ from pure-rand; its 128-bit state is filled from a hash of a
 * list of integer keys (e.g. seed, purpose, household id), so independent streams can be derived
 * deterministically: a household's persons are re-derived from (seed, householdId) whenever
 * the household appears again, without keeping them in memory.
 */
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

const TWO_POW_32 = 4294967296;

/** A 32-bit finalising hash (lowbias32 by Chris Wellons): good avalanche, cheap. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Splits a (possibly large or negative) integer key into two 32-bit words. */
function words(key: number): [number, number] {
  const k = Math.trunc(key);
  const lo = k >>> 0;
  const hi = Math.floor(k / TWO_POW_32) >>> 0;
  return [lo, hi];
}

export class Rng {
  private readonly g: RandomGenerator;

  private constructor(g: RandomGenerator) {
    this.g = g;
  }

  /** A generator whose state is a hash of the keys; equal keys give equal streams. */
  static from(...keys: number[]): Rng {
    let h = 0x9e3779b9;
    for (const key of keys) {
      const [lo, hi] = words(key);
      h = mix32(h ^ lo) + 0x6d2b79f5;
      h = mix32(h ^ hi) + 0x6d2b79f5;
    }
    const s0 = mix32(h ^ 0x243f6a88) | 0;
    const s1 = mix32(h ^ 0x85a308d3) | 0;
    const s2 = mix32(h ^ 0x13198a2e) | 0;
    const s3 = mix32(h ^ 0x03707344) | 0;
    // The all-zero state is the one forbidden state of xoroshiro.
    const state = s0 === 0 && s1 === 0 && s2 === 0 && s3 === 0 ? [1, 0, 0, 0] : [s0, s1, s2, s3];
    return new Rng(xoroshiro128plusFromState(state));
  }

  /** Uniform in [0, 2^32). */
  u32(): number {
    return this.g.next() >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return (this.g.next() >>> 0) / TWO_POW_32;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [min, max] (both included). */
  range(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)]!;
  }

  /** Roughly normal (sum of three uniforms), mean 0 and standard deviation 1. */
  normal(): number {
    return (this.float() + this.float() + this.float() - 1.5) * 2;
  }
}

/** Picks items with given (relative) weights in O(log n). */
export class Weighted<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(items: readonly T[], weights: readonly number[]) {
    if (items.length === 0 || items.length !== weights.length) throw new Error('Weighted: items and weights must be non-empty and of equal length');
    this.items = items;
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    for (let i = 0; i < items.length; i++) {
      sum += Math.max(0, weights[i]!);
      this.cumulative[i] = sum;
    }
    if (sum <= 0) throw new Error('Weighted: weights must not all be zero');
    this.total = sum;
  }

  /** Builds from [item, weight] pairs. */
  static of<T>(pairs: readonly (readonly [T, number])[]): Weighted<T> {
    return new Weighted(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
  }

  /** Zipf-like weights 1 / (rank + offset)^s for a list ordered from frequent to rare. */
  static zipf<T>(items: readonly T[], s: number, offset = 1): Weighted<T> {
    return new Weighted(
      items,
      items.map((_, i) => 1 / Math.pow(i + offset, s)),
    );
  }

  pick(rng: Rng): T {
    return this.items[this.index(rng)]!;
  }

  index(rng: Rng): number {
    const x = rng.float() * this.total;
    const c = this.cumulative;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (c[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** The probability of the item at index i. */
  probability(i: number): number {
    return (this.cumulative[i]! - (i > 0 ? this.cumulative[i - 1]! : 0)) / this.total;
  }
}
