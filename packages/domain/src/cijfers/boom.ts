/**
 * Protection of figures over a hierarchy of areas shown to the same person: the installation, its
 * regions, and the gemeenten of a region. Every view a person can open (the installation with its
 * regions, a region with its gemeenten, one gemeente) must show the same cell for the same area, or a
 * cell hidden in one view could be read in another and subtracted. So all areas a person may see are
 * protected as one system: the additive relations within each area (RELATIES) and, for every node with
 * children, the sum of each additive count over its children (the children must partition it).
 * `beschermKerncijfers` is the special case of one level.
 */
import { CIJFERS, RELATIES, volgAantallen, type BeschermdeKerncijfers, type Kerncijfers } from './kerncijfers.js';
import { beschermStelsel, type Cel, type Lijn, type OnthullingInstellingen } from './onthulling.js';

/** One area of the hierarchy: its figures and the index of its parent (null for a root). */
export interface Knoop {
  readonly cijfers: Kerncijfers;
  readonly ouder: number | null;
}

/** Protects every area of the hierarchy together; returns the cells per area, in input order. */
export function beschermKerncijferBoom(knopen: readonly Knoop[], inst: OnthullingInstellingen = {}): BeschermdeKerncijfers[] {
  knopen.forEach((k, i) => {
    if (k.ouder !== null && (!Number.isInteger(k.ouder) || k.ouder < 0 || k.ouder >= knopen.length || k.ouder === i)) throw new Error(`onthulling: ongeldige ouder van knoop ${i}`);
  });
  const aantallen = CIJFERS.filter((c) => c.eenheid === 'aantal');
  const waarden: number[] = [];
  const index = new Map<string, number>();
  knopen.forEach((k, a) => {
    for (const c of aantallen) {
      const v = k.cijfers[c.code];
      if (v === null || v === undefined) continue;
      index.set(`${a}|${c.code}`, waarden.length);
      waarden.push(v);
    }
  });
  const idx = (a: number, code: string) => index.get(`${a}|${code}`);
  const lijnen: Lijn[] = [];
  knopen.forEach((_, a) => {
    for (const rel of RELATIES) {
      const delen = rel.delen.map((d) => idx(a, d));
      const t = idx(a, rel.totaal);
      if (t !== undefined && delen.every((d) => d !== undefined)) lijnen.push({ delen: delen as number[], totaal: t });
    }
  });
  const kinderen = new Map<number, number[]>();
  knopen.forEach((k, a) => {
    if (k.ouder !== null) kinderen.set(k.ouder, [...(kinderen.get(k.ouder) ?? []), a]);
  });
  for (const [ouder, kids] of kinderen) {
    for (const c of aantallen) {
      if (!c.optelbaar) continue;
      const delen = kids.map((a) => idx(a, c.code));
      const t = idx(ouder, c.code);
      if (t !== undefined && delen.every((d) => d !== undefined)) lijnen.push({ delen: delen as number[], totaal: t });
    }
  }
  const cellen = beschermStelsel(waarden, lijnen, inst);
  return knopen.map((k, a) => {
    const r: Record<string, Cel> = {};
    for (const c of aantallen) {
      const i = idx(a, c.code);
      r[c.code] = i === undefined ? { status: 'nvt' } : cellen[i]!;
    }
    volgAantallen(k.cijfers, r, inst);
    return r;
  });
}
