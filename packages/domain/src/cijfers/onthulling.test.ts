import { describe, expect, it } from 'vitest';
import {
  afleidbareGrenzen,
  beschermAandeel,
  beschermAantal,
  beschermReeks,
  beschermStelsel,
  beschermTabel,
  celTekst,
  onderdrukking,
  rondAfOp5,
  tabelLijnen,
  type Cel,
  type Lijn,
} from './onthulling.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An exact attacker: sees every visible value, knows "<5" is 1..4 and "x" is 5 or more (and at most
 * the sum of everything), and solves the lines. Returns, per hidden cell, whether a value other than
 * the true one is consistent with everything shown (i.e. the cell cannot be recovered).
 */
function nietTerugTeRekenen(waarden: readonly number[], lijnen: readonly Lijn[], cellen: readonly Cel[]): Map<number, boolean> {
  const max = waarden.reduce((a, b) => a + b, 0);
  const verborgen = cellen.map((c, i) => (c.status === 'zichtbaar' ? -1 : i)).filter((i) => i >= 0);
  const domein = (i: number): [number, number] => (cellen[i]!.status === 'klein' ? [1, 4] : [5, Math.max(5, max)]);
  const uit = new Map<number, boolean>();
  for (const doel of verborgen) {
    let gevonden = false;
    const waarde: (number | undefined)[] = cellen.map((c, i) => (c.status === 'zichtbaar' ? waarden[i]! : undefined));
    const consistent = (): boolean => {
      for (const l of lijnen) {
        const leden = [...l.delen, l.totaal];
        const open = leden.filter((i) => waarde[i] === undefined);
        const t = waarde[l.totaal];
        const som = l.delen.reduce((s, d) => s + (waarde[d] ?? 0), 0);
        if (open.length === 0 && som !== t) return false;
        if (t !== undefined && som > t) return false;
        if (t !== undefined && open.length > 0 && !open.includes(l.totaal)) {
          const minRest = open.reduce((s, i) => s + domein(i)[0], 0);
          if (som + minRest > t) return false;
        }
      }
      return true;
    };
    const zoek = (k: number): boolean => {
      if (!consistent()) return false;
      // forced values: a line with one open member
      for (const l of lijnen) {
        const leden = [...l.delen, l.totaal];
        const open = leden.filter((i) => waarde[i] === undefined);
        if (open.length !== 1) continue;
        const i = open[0]!;
        const som = l.delen.reduce((s, d) => s + (waarde[d] ?? 0), 0);
        const v = i === l.totaal ? som : waarde[l.totaal]! - som;
        const [lo, hi] = domein(i);
        if (v < lo || v > hi) return false;
        waarde[i] = v;
        const ok = zoek(k);
        waarde[i] = undefined;
        return ok;
      }
      const vrij = verborgen.find((i) => waarde[i] === undefined);
      if (vrij === undefined) return true;
      const [lo, hi] = domein(vrij);
      for (let v = lo; v <= hi; v++) {
        waarde[vrij] = v;
        if (zoek(k + 1)) {
          waarde[vrij] = undefined;
          return true;
        }
      }
      waarde[vrij] = undefined;
      return false;
    };
    const [lo, hi] = domein(doel);
    for (let v = lo; v <= hi && !gevonden; v++) {
      if (v === waarden[doel]) continue;
      waarde[doel] = v;
      gevonden = zoek(0);
      waarde[doel] = undefined;
    }
    uit.set(doel, gevonden);
  }
  return uit;
}

const klein = (r: () => number) => (r() < 0.45 ? 1 + Math.floor(r() * 4) : r() < 0.2 ? 0 : 5 + Math.floor(r() * 12));

describe('primary suppression', () => {
  it('shows 0 and 5 or more, hides 1-4 as "<5", and rounds visible counts to fives when asked', () => {
    expect(beschermAantal(0)).toEqual({ status: 'zichtbaar', waarde: 0 });
    for (const n of [1, 2, 3, 4]) expect(celTekst(beschermAantal(n))).toBe('<5');
    expect(beschermAantal(5)).toEqual({ status: 'zichtbaar', waarde: 5 });
    expect(beschermAantal(17, { afronden: true })).toEqual({ status: 'zichtbaar', waarde: 15 });
    expect(beschermAantal(18, { afronden: true })).toEqual({ status: 'zichtbaar', waarde: 20 });
    for (let n = 5; n < 200; n++) {
      expect(rondAfOp5(n) % 5).toBe(0);
      expect(Math.abs(rondAfOp5(n) - n)).toBeLessThanOrEqual(2);
      expect(rondAfOp5(n)).toBeGreaterThanOrEqual(5); // a shown count never rounds to 0
    }
    expect(() => beschermAantal(-1)).toThrow();
    expect(() => beschermAantal(2.5)).toThrow();
    expect(celTekst({ status: 'zichtbaar', waarde: 12345 })).toBe('12.345');
    expect(celTekst({ status: 'geheim' })).toBe('x');
    expect(celTekst({ status: 'nvt' })).toBe('.');
  });
});

describe('the exact attacker of these tests', () => {
  it('does recover cells from primary suppression alone, and from a pair that pins itself', () => {
    const w = [3, 40, 12, 55];
    const lijnen: Lijn[] = [{ delen: [0, 1, 2], totaal: 3 }];
    const alleenPrimair: Cel[] = w.map((v) => (v < 5 && v > 0 ? { status: 'klein' } : { status: 'zichtbaar', waarde: v }));
    expect(nietTerugTeRekenen(w, lijnen, alleenPrimair).get(0)).toBe(false);
    const paar: Cel[] = [{ status: 'klein' }, { status: 'geheim' }, { status: 'zichtbaar', waarde: 6 }];
    expect([...nietTerugTeRekenen([1, 5, 6], [{ delen: [0, 1], totaal: 2 }], paar).values()]).toEqual([false, false]);
    const tweeKlein: Cel[] = [{ status: 'klein' }, { status: 'klein' }, { status: 'zichtbaar', waarde: 2 }];
    expect([...nietTerugTeRekenen([1, 1, 2], [{ delen: [0, 1], totaal: 2 }], tweeKlein).values()]).toEqual([false, false]);
  });
});

describe('secondary suppression in a series with a total', () => {
  it('hides the next-smallest cell beside a small one, so the total does not give it away', () => {
    const r = beschermReeks([3, 40, 12, 25]);
    expect(r.cellen.map(celTekst)).toEqual(['<5', '40', 'x', '25']);
    expect(r.totaal).toEqual({ status: 'zichtbaar', waarde: 80 });
  });
  it('hides more when two hidden cells would still pin each other down ([1, 5]: 1 + 5 = 6 is the only split)', () => {
    const r = beschermReeks([1, 5]);
    expect(r.cellen.map((c) => c.status)).toEqual(['klein', 'geheim']);
    expect(r.totaal.status).toBe('geheim');
  });
  it('leaves a series without small cells alone, and skips zeros as complements', () => {
    expect(beschermReeks([0, 7, 9]).cellen.map(celTekst)).toEqual(['0', '7', '9']);
    expect(beschermReeks([0, 2, 30, 9]).cellen.map(celTekst)).toEqual(['0', '<5', '30', 'x']);
  });
  it('is deterministic', () => {
    const w = [4, 9, 9, 2, 30, 9];
    expect(beschermReeks(w)).toEqual(beschermReeks([...w]));
  });
  it('cannot be undone by an exact attacker (property, 400 random series)', () => {
    const r = rng(42);
    for (let run = 0; run < 400; run++) {
      const waarden = Array.from({ length: 2 + Math.floor(r() * 5) }, () => klein(r));
      const alle = [...waarden, waarden.reduce((a, b) => a + b, 0)];
      const lijnen: Lijn[] = [{ delen: waarden.map((_, i) => i), totaal: waarden.length }];
      const cellen = beschermStelsel(alle, lijnen);
      for (const [i, veilig] of nietTerugTeRekenen(alle, lijnen, cellen)) expect(veilig, `${JSON.stringify(alle)} cel ${i}`).toBe(true);
      // and never a line with exactly one hidden cell
      expect(cellen.filter((c) => c.status !== 'zichtbaar').length).not.toBe(1);
      // every small value is hidden
      alle.forEach((v, i) => {
        if (v >= 1 && v <= 4) expect(cellen[i]!.status).toBe('klein');
      });
    }
  });
});

describe('secondary suppression in a gemeente × category table with totals', () => {
  it('hides a complement in the same row and column and keeps the rest', () => {
    const t = beschermTabel([
      [2, 20, 30],
      [15, 25, 35],
      [18, 22, 40],
    ]);
    expect(t.cellen[0]![0]!.status).toBe('klein');
    const verborgen = t.cellen.flatMap((rij, r) => rij.map((c, k) => (c.status === 'zichtbaar' ? null : `${r},${k}`)).filter(Boolean));
    // a rectangle: (0,0), one more in row 0, one more in column 0, and the fourth corner
    expect(verborgen).toHaveLength(4);
    expect(t.totaal).toEqual({ status: 'zichtbaar', waarde: 207 });
  });

  it('cannot be undone by an exact attacker using rows, columns and totals (property, 250 random tables)', () => {
    const r = rng(7);
    for (let run = 0; run < 250; run++) {
      const rijen = 2 + Math.floor(r() * 3);
      const kolommen = 2 + Math.floor(r() * 2);
      const tabel = Array.from({ length: rijen }, () => Array.from({ length: kolommen }, () => klein(r)));
      const { lijnen, totaal } = tabelLijnen(rijen, kolommen);
      const alle = new Array<number>(totaal + 1).fill(0);
      tabel.forEach((rij, i) =>
        rij.forEach((v, k) => {
          alle[i * kolommen + k] = v;
          alle[rijen * kolommen + i]! += v;
          alle[rijen * kolommen + rijen + k]! += v;
          alle[totaal]! += v;
        }),
      );
      const cellen = beschermStelsel(alle, lijnen);
      const t = beschermTabel(tabel);
      // the convenience form gives the same cells
      expect([...t.cellen.flat(), ...t.rijTotalen, ...t.kolomTotalen, t.totaal]).toEqual(cellen);
      for (const l of lijnen) expect([...l.delen, l.totaal].filter((i) => cellen[i]!.status !== 'zichtbaar').length).not.toBe(1);
      for (const [i, veilig] of nietTerugTeRekenen(alle, lijnen, cellen)) expect(veilig, `${JSON.stringify(tabel)} cel ${i}`).toBe(true);
    }
  });

  it('derives sound bounds: the true value always lies within them', () => {
    const r = rng(3);
    for (let run = 0; run < 100; run++) {
      const tabel = Array.from({ length: 3 }, () => Array.from({ length: 3 }, () => klein(r)));
      const { lijnen, totaal } = tabelLijnen(3, 3);
      const alle = new Array<number>(totaal + 1).fill(0);
      tabel.forEach((rij, i) =>
        rij.forEach((v, k) => {
          alle[i * 3 + k] = v;
          alle[9 + i]! += v;
          alle[12 + k]! += v;
          alle[totaal]! += v;
        }),
      );
      const g = afleidbareGrenzen(alle, lijnen, onderdrukking(alle, lijnen));
      alle.forEach((v, i) => {
        expect(g[i]![0]).toBeLessThanOrEqual(v);
        expect(g[i]![1]).toBeGreaterThanOrEqual(v);
      });
    }
  });

  it('rounds only the visible cells, after suppression', () => {
    const t = beschermTabel(
      [
        [2, 21, 33],
        [16, 27, 38],
      ],
      { afronden: true },
    );
    for (const c of [...t.cellen.flat(), ...t.rijTotalen, ...t.kolomTotalen, t.totaal]) if (c.status === 'zichtbaar') expect(c.waarde % 5).toBe(0);
    expect(t.cellen[0]![0]!.status).toBe('klein');
  });
});

describe('shares', () => {
  it('hides a share of a hidden or small count, or whose complement is small', () => {
    expect(beschermAandeel(30, 60)).toEqual({ status: 'zichtbaar', waarde: 50 });
    expect(beschermAandeel(3, 60).status).toBe('geheim');
    expect(beschermAandeel(58, 60).status).toBe('geheim'); // 2 not: recoverable from 96.7%
    expect(beschermAandeel(0, 3).status).toBe('geheim');
    expect(beschermAandeel(0, 0).status).toBe('nvt');
    expect(beschermAandeel(30, 60, {}, { teller: { status: 'geheim' } }).status).toBe('geheim');
    expect(beschermAandeel(30, 60, {}, { noemer: { status: 'klein' } }).status).toBe('geheim');
    expect(beschermAandeel(20, 60)).toEqual({ status: 'zichtbaar', waarde: 33.3 });
    expect(beschermAandeel(20, 60, { afronden: true })).toEqual({ status: 'zichtbaar', waarde: 33 });
    expect(() => beschermAandeel(7, 6)).toThrow();
  });
  it('never shows a share from which a hidden count in its series can be recomputed (property)', () => {
    const r = rng(11);
    for (let run = 0; run < 300; run++) {
      const waarden = Array.from({ length: 2 + Math.floor(r() * 4) }, () => klein(r));
      const totaal = waarden.reduce((a, b) => a + b, 0);
      const reeks = beschermReeks(waarden);
      waarden.forEach((v, i) => {
        const a = beschermAandeel(v, totaal, {}, { teller: reeks.cellen[i]!, noemer: reeks.totaal });
        if (reeks.cellen[i]!.status !== 'zichtbaar') expect(a.status).not.toBe('zichtbaar');
      });
    }
  });
});

describe('a system of lines', () => {
  it('refuses lines that name unknown cells or a cell twice', () => {
    expect(() => onderdrukking([1, 2], [{ delen: [0, 5], totaal: 1 }])).toThrow();
    expect(() => onderdrukking([1, 2, 3], [{ delen: [0, 0], totaal: 2 }])).toThrow();
  });
  it('protects linked tables: a total hidden in one line is protected in every line that holds it', () => {
    // two series sharing one total (index 4): a + b = T and c + d = T
    const w = [3, 9, 6, 6, 12];
    const lijnen: Lijn[] = [
      { delen: [0, 1], totaal: 4 },
      { delen: [2, 3], totaal: 4 },
    ];
    const cellen = beschermStelsel(w, lijnen);
    for (const [i, veilig] of nietTerugTeRekenen(w, lijnen, cellen)) expect(veilig, `cel ${i}`).toBe(true);
    for (const l of lijnen) expect([...l.delen, l.totaal].filter((i) => cellen[i]!.status !== 'zichtbaar').length).not.toBe(1);
  });
});
