import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from './default-model.js';
import { decodePattern, emFromPatterns, estimateFromPatterns, estimateModelReport, estimatePrior, estimateU, EvidenceHistogram, mFromKnownMatches, patternCode } from './estimate.js';
import { FIELDS, LEVELS, makeModel } from './model.js';
import { prepare, type LinkInput } from './prepare.js';

/** A small deterministic random generator for building test data. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}
const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;

/** Pattern counts from a known two-class model: `nm` matches, `nu` non-matches. */
function simulate(m: number[][], u: number[][], nm: number, nu: number, seed = 1): Map<number, number> {
  const r = lcg(seed);
  const draw = (probs: number[]) => {
    let x = r();
    for (let l = 0; l < probs.length; l++) if ((x -= probs[l]!) < 0) return l;
    return probs.length - 1;
  };
  const map = new Map<number, number>();
  for (let k = 0; k < nm + nu; k++) {
    const table = k < nm ? m : u;
    const lv = FIELDS.map((_, f) => draw(table[f]!));
    const code = patternCode(lv);
    map.set(code, (map.get(code) ?? 0) + 1);
  }
  return map;
}

const M = FIELDS.map((f) => LEVELS[f].map((_, l) => (l === 0 ? 0.9 : 0.1 / (LEVELS[f].length - 1))));
const U = FIELDS.map((f) => LEVELS[f].map((_, l, all) => (l === all.length - 1 ? 0.8 : 0.2 / (all.length - 1))));

describe('estimation', () => {
  it('patterns encode and decode levels, unknown included', () => {
    const lv = [-1, 0, 5, 3, 1, 2, -1];
    expect([...decodePattern(patternCode(lv))]).toEqual(lv);
  });
  it('EM recovers m and the share of matches from candidate pairs of a known mixture', () => {
    const report = emFromPatterns(simulate(M, U, 3000, 7000), undefined, { base: DEFAULT_MODEL });
    expect(report.converged).toBe(true);
    expect(report.candidateMatchShare).toBeCloseTo(0.3, 1);
    for (let f = 1; f < FIELDS.length; f++) expect(report.model.fields[f]!.levels[0]!.m).toBeCloseTo(0.9, 1);
    // u of the model comes from the base (no random pairs given), not from the candidates.
    expect(report.model.fields[2]!.levels[0]!.u).toBe(DEFAULT_MODEL.fields[2]!.levels[0]!.u);
  });
  it('the prior follows from the share of matches and all pairs', () => {
    const report = emFromPatterns(simulate(M, U, 3000, 7000), undefined, { totalPairs: 1e8 });
    expect(report.model.prior).toBeCloseTo((report.candidateMatchShare * 10000) / 1e8, 12);
  });
  it('m from pairs with the same valid BSN', () => {
    const withBsn = M.map((row, f) => (f === 0 ? [1, 0] : row));
    const patterns = simulate(withBsn, U, 2000, 0);
    const known = mFromKnownMatches(patterns)!;
    expect(known.pairs).toBe(2000);
    expect(known.m[3]![0]).toBeCloseTo(0.9, 1);
    expect(mFromKnownMatches(simulate(withBsn, U, 10, 0))).toBeNull();
    const est = estimateFromPatterns(patterns, undefined);
    expect(est.method).toBe('bsn');
    expect(est.model.fields[0]).toEqual(DEFAULT_MODEL.fields[0]);
    const noBsn = (t: number[][]) => t.map((row, f) => (f === 0 ? [0, 1] : row));
    expect(estimateFromPatterns(simulate(noBsn(M), noBsn(U), 500, 500), undefined).method).toBe('em');
  });
  it('u from random pairs of prepared records', () => {
    const r = lcg(7);
    const names = ['Jansen', 'de Vries', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder'];
    const records: LinkInput[] = Array.from({ length: 400 }, (_, i) => ({
      id: String(i),
      surname: pick(r, names),
      givenNames: pick(r, ['Jan', 'Piet', 'Klaas', 'Anna', 'Maria']),
      birthDate: `19${50 + Math.floor(r() * 50)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
      sex: pick(r, ['man', 'vrouw']),
    }));
    const u = estimateU(records.map(prepare), 20000, 3);
    // Surname exact among random pairs: about the sum of squared shares (1/8 here).
    expect(u[1]![0]).toBeGreaterThan(0.08);
    expect(u[1]![0]).toBeLessThan(0.2);
    expect(u[4]![0]).toBeCloseTo(0.5, 1);
    for (const row of u) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
  it('estimateModelReport runs on records and index pairs', () => {
    const a: LinkInput = { id: 'a', givenNames: 'Jan', surname: 'Smit', birthDate: '1980-01-01', nationalId: '111222333' };
    const records = [a, { ...a, id: 'b' }, { ...a, id: 'c', givenNames: 'Piet', nationalId: '123456782' }].map(prepare);
    const report = estimateModelReport(records, [0, 1, 0, 2, 1, 2], { randomPairs: 100 });
    expect(report.candidatePairs).toBe(3);
    expect(report.randomPairs).toBe(100);
  });
  it('the prior from an evidence histogram', () => {
    // 1,000 clear matches (+40 bits) and 100,000 clear non-matches (-20 bits) among 1e9 pairs.
    const h = new EvidenceHistogram();
    for (let i = 0; i < 1000; i++) h.add(40);
    for (let i = 0; i < 100_000; i++) h.add(-20);
    expect(estimatePrior(h, 1e9)).toBeCloseTo(1e-6, 8);
  });
  it('makeModel refuses a model with the wrong levels', () => {
    expect(() => makeModel({ ...Object.fromEntries(FIELDS.map((f) => [f, LEVELS[f].map(() => [0.5, 0.5])])), sex: [[1, 1]] } as never, { prior: 0.1, source: 't' })).toThrow(/sex needs 2 levels/);
  });
});
