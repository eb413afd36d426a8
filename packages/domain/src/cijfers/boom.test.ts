import { describe, expect, it } from 'vitest';
import { beschermKerncijferBoom } from './boom.js';
import { beschermKerncijfers, CIJFERS, type Kerncijfers } from './kerncijfers.js';
import { afleidbareGrenzen, type Cel } from './onthulling.js';

/** Figures with only meldingen and their melder split filled in (every other count 0). */
function k(politie: number, beroeps: number, burger: number): Kerncijfers {
  const r: Record<string, number | null> = Object.fromEntries(CIJFERS.map((c) => [c.code, c.eenheid === 'aantal' ? 0 : null]));
  r['melder.politie'] = politie;
  r['melder.beroepskracht'] = beroeps;
  r['melder.beroepskracht.onderwijs'] = beroeps;
  r['melder.niet-beroepsmatig'] = burger;
  r.meldingen = politie + beroeps + burger;
  r['eerste-meldingen'] = r.meldingen;
  return r;
}
const som = (...ks: Kerncijfers[]): Kerncijfers => Object.fromEntries(CIJFERS.map((c) => [c.code, ks.some((x) => x[c.code] === null) ? null : ks.reduce((s, x) => s + (x[c.code] ?? 0), 0)]));
const verborgen = (c: Cel) => c.status !== 'zichtbaar';

describe('beschermKerncijferBoom', () => {
  it('equals beschermKerncijfers for one level', () => {
    const g = [k(10, 3, 20), k(30, 12, 7), k(8, 9, 40)];
    const r = som(...g);
    const een = beschermKerncijfers(g, r);
    const boom = beschermKerncijferBoom([...g.map((cijfers) => ({ cijfers, ouder: 3 })), { cijfers: r, ouder: null }]);
    expect(boom.slice(0, 3)).toEqual(een.gebieden);
    expect(boom[3]).toEqual(een.totaal);
  });

  it('protects a region cell that is hidden in the installation view in the region view too', () => {
    // Installation = regions A, B, C; region A = gemeenten a1, a2. Region A has 3 police meldingen.
    const a1 = k(1, 20, 20);
    const a2 = k(2, 20, 20);
    const A = som(a1, a2);
    const B = k(40, 20, 20);
    const C = k(50, 20, 20);
    const nl = som(A, B, C);
    const cellen = beschermKerncijferBoom([
      { cijfers: nl, ouder: null },
      { cijfers: A, ouder: 0 },
      { cijfers: B, ouder: 0 },
      { cijfers: C, ouder: 0 },
      { cijfers: a1, ouder: 1 },
      { cijfers: a2, ouder: 1 },
    ]);
    expect(cellen[1]!['melder.politie']).toEqual({ status: 'klein' });
    // The installation line over the regions has a second hidden cell, and region A's line over its gemeenten
    // hides both small gemeente cells: nothing follows by subtraction in any view.
    const politie = [nl, A, B, C, a1, a2].map((x) => x['melder.politie']!);
    const status = cellen.map((c) => c['melder.politie']!);
    const bekend = new Map(status.map((s, i) => [i, s.status] as const).filter(([, s]) => s !== 'zichtbaar')) as Map<number, 'klein' | 'geheim'>;
    const g = afleidbareGrenzen(politie, [{ delen: [1, 2, 3], totaal: 0 }, { delen: [4, 5], totaal: 1 }], bekend);
    for (const i of bekend.keys()) expect(g[i]![0], `cel ${i}`).not.toBe(g[i]![1]);
    expect(status.filter(verborgen).length).toBeGreaterThanOrEqual(4);
  });
});
