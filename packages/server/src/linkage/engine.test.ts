/** Blocking over whole data sets: the candidate pairs are exactly the pairs that share a key. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL, queryKeys, type LinkInput } from '@samenveilig/domain';
import { generateDedupe } from '../generator/linkage.js';
import { buildIndex, forEachCandidate, prepareDataset, scoreShard, termFrequencies, totalPairs } from './engine.js';

function inputs(n: number, seed: number): LinkInput[] {
  return [...generateDedupe({ seed, records: n })].map(({ record: r }) => ({
    id: r.id,
    givenNames: r.given_name,
    prefix: r.prefix,
    surname: r.surname,
    fullName: r.full_name,
    birthDate: /^\d{2}-\d{2}-\d{4}$/.test(r.birth_date) ? r.birth_date.split('-').reverse().join('-') : /^\d{8}$/.test(r.birth_date) ? `${r.birth_date.slice(0, 4)}-${r.birth_date.slice(4, 6)}-${r.birth_date.slice(6)}` : r.birth_date,
    sex: r.sex,
    nationalId: r.national_id,
    street: r.street,
    houseNumber: r.house_number,
    postcode: r.postcode,
    city: r.city,
    phone: r.phone,
  }));
}

const pairsOf = (visit: (f: (r: number, s: number) => void) => void) => {
  const out = new Set<string>();
  visit((r, s) => {
    const key = `${r}|${s}`;
    expect(out.has(key)).toBe(false);
    out.add(key);
  });
  return out;
};

describe('blocking over a data set', () => {
  const records = inputs(1200, 31);
  const ds = prepareDataset('dedupe', records);
  const index = buildIndex(ds);

  it('keeps each record and its place in the input', () => {
    expect(ds.prepared).toHaveLength(1200);
    expect(new Set(ds.original).size).toBe(1200);
    ds.prepared.forEach((p, i) => expect(p.id).toBe(records[ds.original[i]!]!.id));
  });

  it('compares exactly the pairs that share a query key, each once', () => {
    const keys = ds.prepared.map((p) => new Set(queryKeys(p)));
    const brute = new Set<string>();
    for (let r = 0; r < keys.length; r++)
      for (let s = r + 1; s < keys.length; s++) for (const k of keys[r]!) if (keys[s]!.has(k)) {
        brute.add(`${r}|${s}`);
        break;
      }
    const found = pairsOf((f) => forEachCandidate(ds, index, { shard: 0, shards: 1, maxBlock: 1e9 }, f));
    // Hash collisions may add a pair, never lose one.
    for (const p of brute) expect(found.has(p)).toBe(true);
    expect(found.size - brute.size).toBeLessThanOrEqual(2);
  });

  it('two shards together find the same pairs as one', () => {
    const one = pairsOf((f) => forEachCandidate(ds, index, { shard: 0, shards: 1, maxBlock: 2000 }, f));
    const a = pairsOf((f) => forEachCandidate(ds, index, { shard: 0, shards: 2, maxBlock: 2000 }, f));
    const b = pairsOf((f) => forEachCandidate(ds, index, { shard: 1, shards: 2, maxBlock: 2000 }, f));
    expect([...a].filter((p) => b.has(p))).toEqual([]);
    expect(new Set([...a, ...b])).toEqual(one);
  });

  it('skips blocks larger than the maximum', () => {
    const all = pairsOf((f) => forEachCandidate(ds, index, { shard: 0, shards: 1, maxBlock: 1e9 }, f));
    let skipped = 0;
    const small = pairsOf((f) => (skipped = forEachCandidate(ds, index, { shard: 0, shards: 1, maxBlock: 3 }, f).skippedBlocks));
    expect(skipped).toBeGreaterThan(0);
    expect(small.size).toBeLessThan(all.size);
  });

  it('scores a shard: histogram of every compared pair, pairs above the floor kept', () => {
    const tf = termFrequencies(ds);
    const s = scoreShard(ds, index, DEFAULT_MODEL, tf, 10, { shard: 0, shards: 1, maxBlock: 2000 });
    expect(s.histogram.reduce((a, b) => a + b, 0)).toBe(s.compared);
    expect(s.left.length).toBe(s.bits.length);
    expect(Math.min(...s.bits)).toBeGreaterThanOrEqual(10);
    expect(s.left.length).toBeGreaterThan(100);
    expect(tf('surname', ds.prepared[0]!.surname)).toBeGreaterThan(0);
  });

  it('in link mode compares only left with right records', () => {
    const left = records.slice(0, 600);
    const right = records.slice(600);
    const linked = prepareDataset('link', left, right);
    const idx = buildIndex(linked);
    const pairs = pairsOf((f) => forEachCandidate(linked, idx, { shard: 0, shards: 1, maxBlock: 2000 }, f));
    expect(pairs.size).toBeGreaterThan(0);
    for (const p of pairs) {
      const [r, s] = p.split('|').map(Number) as [number, number];
      expect(r).toBeLessThan(600);
      expect(s).toBeGreaterThanOrEqual(600);
    }
    expect(totalPairs('link', 1200, 600)).toBe(360_000);
    expect(totalPairs('dedupe', 1200, 1200)).toBe(719_400);
  });
});
