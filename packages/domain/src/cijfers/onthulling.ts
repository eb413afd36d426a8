/**
 * Disclosure control (statistische geheimhouding) for aggregate views and exports for roles that see
 * aggregates only (beleidsmedewerker). Pure and deterministic:
 *
 * - primary suppression: a count of 1-4 is shown as "<5"; 0 is shown (it names nobody);
 * - secondary suppression: in every additive line (cells and their total, a row or a column of a
 *   table with margins, or linked tables sharing a total) a hidden cell is never alone, and no hidden
 *   cell follows exactly from the visible cells by subtraction, also taking into account that a "<5"
 *   cell lies in 1..4 and an "x" cell is at least 5;
 * - optional rounding of the visible counts to multiples of 5 (after suppression);
 * - a share whose numerator, denominator or complement is hidden or small is hidden too.
 *
 * See docs/cijfers.md "Disclosure control" for the attacker model and what is not covered.
 */

/** Counts from 1 up to (not including) this value are small and suppressed. */
export const KLEIN_GRENS = 5;

/** What is shown of one figure. */
export type Cel =
  | { readonly status: 'zichtbaar'; readonly waarde: number }
  /** Primary suppression: the count is 1-4; shown "<5". */
  | { readonly status: 'klein' }
  /** Secondary suppression (or a share of hidden counts); shown "x". */
  | { readonly status: 'geheim' }
  /** Not applicable or not known (a share of 0, a figure not yet available); shown ".". */
  | { readonly status: 'nvt' };

export interface OnthullingInstellingen {
  /** Round visible counts to multiples of 5 (and shares to whole percents). */
  readonly afronden?: boolean;
}

/** Is this count small (1-4)? */
export function isKlein(n: number): boolean {
  return n >= 1 && n < KLEIN_GRENS;
}

/** Rounds to the nearest multiple of 5 (halves cannot occur for whole counts). */
export function rondAfOp5(n: number): number {
  return Math.round(n / 5) * 5;
}

/** The text shown for a cell: the number (Dutch digit grouping), "<5", "x" or ".". */
export function celTekst(c: Cel): string {
  switch (c.status) {
    case 'zichtbaar':
      return c.waarde.toLocaleString('nl-NL');
    case 'klein':
      return '<5';
    case 'geheim':
      return 'x';
    case 'nvt':
      return '.';
  }
}

/** A Dutch explanation of the symbols, for a legend under every table. */
export const CEL_LEGENDA: Readonly<Record<Exclude<Cel['status'], 'zichtbaar'>, string>> = {
  klein: '<5: minder dan 5 (1 tot en met 4); niet getoond om personen te beschermen',
  geheim: 'x: verborgen, zodat een klein aantal elders niet terug te rekenen is',
  nvt: '.: niet van toepassing of (nog) niet bekend',
};

/** Primary suppression of a single count (no table around it). */
export function beschermAantal(n: number, inst: OnthullingInstellingen = {}): Cel {
  checkAantal(n);
  if (isKlein(n)) return { status: 'klein' };
  return { status: 'zichtbaar', waarde: inst.afronden ? rondAfOp5(n) : n };
}

function checkAantal(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new Error(`onthulling: een aantal moet een geheel getal >= 0 zijn, niet ${n}`);
}

// ---------------------------------------------------------------------------------------------
// A system of additive lines

/** An additive line: the values at `delen` sum to the value at `totaal` (indices into the values). */
export interface Lijn {
  readonly delen: readonly number[];
  readonly totaal: number;
}

type Verborgen = ReadonlyMap<number, 'klein' | 'geheim'>;

/** What someone who sees the cells can know of each hidden one before subtracting: "<5" is 1..4, "x" is 5 or more. */
function beginGrenzen(waarden: readonly number[], verborgen: Verborgen): [number, number][] {
  return waarden.map((v, i) => {
    const s = verborgen.get(i);
    if (s === 'klein') return [1, KLEIN_GRENS - 1];
    if (s === 'geheim') return [KLEIN_GRENS, Number.POSITIVE_INFINITY];
    return [v, v];
  });
}

/**
 * The bounds of every cell that follow from the visible cells and the lines (interval propagation
 * to a fixed point, at most `rondes` passes). Sound: the true value always lies within; a hidden cell
 * whose bounds meet (lo = hi) can be recovered. Visible cells have their own value as bounds.
 */
export function afleidbareGrenzen(waarden: readonly number[], lijnen: readonly Lijn[], verborgen: Verborgen, rondes = 50): [number, number][] {
  const g = beginGrenzen(waarden, verborgen);
  for (let r = 0; r < rondes; r++) {
    let veranderd = false;
    for (const l of lijnen) {
      // Sums of the parts' bounds; upper bounds may be infinite, so count those apart.
      let loSom = 0;
      let hiEindig = 0;
      let hiOneindig = 0;
      for (const d of l.delen) {
        loSom += g[d]![0];
        if (g[d]![1] === Number.POSITIVE_INFINITY) hiOneindig++;
        else hiEindig += g[d]![1];
      }
      const hiSom = hiOneindig > 0 ? Number.POSITIVE_INFINITY : hiEindig;
      const t = g[l.totaal]!;
      // The total lies within the sum of the parts' bounds.
      const nt: [number, number] = [Math.max(t[0], loSom), Math.min(t[1], hiSom)];
      if (nt[0] > nt[1]) continue; // inconsistent (a non-additive line): derive nothing from it
      if (nt[0] !== t[0] || nt[1] !== t[1]) {
        g[l.totaal] = nt;
        veranderd = true;
      }
      // Each part is the total minus the others.
      for (const d of l.delen) {
        const p = g[d]!;
        const loAnder = loSom - p[0];
        const eigenOneindig = p[1] === Number.POSITIVE_INFINITY ? 1 : 0;
        const hiAnder = hiOneindig - eigenOneindig > 0 ? Number.POSITIVE_INFINITY : hiEindig - (eigenOneindig ? 0 : p[1]);
        const lo = Math.max(p[0], g[l.totaal]![0] - hiAnder);
        const hi = Math.min(p[1], g[l.totaal]![1] - loAnder);
        if (Number.isNaN(lo) || Number.isNaN(hi) || lo > hi) continue;
        if (lo !== p[0] || hi !== p[1]) {
          g[d] = [lo, hi];
          veranderd = true;
        }
      }
    }
    if (!veranderd) break;
  }
  return g;
}

function checkStelsel(waarden: readonly number[], lijnen: readonly Lijn[]): void {
  waarden.forEach(checkAantal);
  for (const l of lijnen) {
    for (const i of [...l.delen, l.totaal]) {
      if (!Number.isInteger(i) || i < 0 || i >= waarden.length) throw new Error(`onthulling: lijn verwijst naar onbekende cel ${i}`);
    }
    if (new Set([...l.delen, l.totaal]).size !== l.delen.length + 1) throw new Error('onthulling: een cel komt twee keer voor in een lijn');
  }
}

/**
 * The next cell to hide in a line: the smallest visible non-zero value, a part before a total,
 * then the lowest index (deterministic). Undefined when the line has none left.
 */
function kandidaat(waarden: readonly number[], l: Lijn, verborgen: Verborgen): number | undefined {
  let best: number | undefined;
  const rang = (i: number) => [waarden[i]!, i === l.totaal ? 1 : 0, i] as const;
  for (const i of [...l.delen, l.totaal]) {
    if (verborgen.has(i) || waarden[i] === 0) continue;
    if (best === undefined) {
      best = i;
      continue;
    }
    const a = rang(i);
    const b = rang(best);
    if (a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])))) best = i;
  }
  return best;
}

/**
 * Which cells to hide: every small cell (primary), then secondary cells until (1) no line holds
 * exactly one hidden cell and (2) no hidden cell follows from the lines (`afleidbareGrenzen`).
 * Iterates to a fixed point, adding one cell at a time.
 */
export function onderdrukking(waarden: readonly number[], lijnen: readonly Lijn[]): Map<number, 'klein' | 'geheim'> {
  checkStelsel(waarden, lijnen);
  const verborgen = new Map<number, 'klein' | 'geheim'>();
  waarden.forEach((v, i) => {
    if (isKlein(v)) verborgen.set(i, 'klein');
  });
  const lijnenVan = new Map<number, Lijn[]>();
  for (const l of lijnen) for (const i of [...l.delen, l.totaal]) lijnenVan.set(i, [...(lijnenVan.get(i) ?? []), l]);
  for (;;) {
    let erbij: number | undefined;
    for (const l of lijnen) {
      const n = [...l.delen, l.totaal].filter((i) => verborgen.has(i)).length;
      if (n === 1) {
        erbij = kandidaat(waarden, l, verborgen);
        if (erbij !== undefined) break;
      }
    }
    if (erbij === undefined) {
      const g = afleidbareGrenzen(waarden, lijnen, verborgen);
      zoek: for (const i of [...verborgen.keys()].sort((a, b) => a - b)) {
        if (g[i]![0] !== g[i]![1]) continue;
        for (const l of lijnenVan.get(i) ?? []) {
          erbij = kandidaat(waarden, l, verborgen);
          if (erbij !== undefined) break zoek;
        }
      }
    }
    if (erbij === undefined) return verborgen;
    verborgen.set(erbij, 'geheim');
  }
}

/** Protects a system of additive lines: the cell shown for every value. */
export function beschermStelsel(waarden: readonly number[], lijnen: readonly Lijn[], inst: OnthullingInstellingen = {}): Cel[] {
  const verborgen = onderdrukking(waarden, lijnen);
  return waarden.map((v, i) => {
    const s = verborgen.get(i);
    if (s) return { status: s };
    return { status: 'zichtbaar', waarde: inst.afronden ? rondAfOp5(v) : v };
  });
}

// ---------------------------------------------------------------------------------------------
// Tables

export interface BeschermdeReeks {
  readonly cellen: Cel[];
  readonly totaal: Cel;
}

/**
 * A 1-D series with its total (the sum of the values unless `totaal` is given, e.g. a count of
 * distinct households, which is not additive: then its line is used only as far as it is consistent).
 */
export function beschermReeks(waarden: readonly number[], inst: OnthullingInstellingen = {}, totaal?: number): BeschermdeReeks {
  const t = totaal ?? waarden.reduce((a, b) => a + b, 0);
  const alle = [...waarden, t];
  const cellen = beschermStelsel(alle, [{ delen: waarden.map((_, i) => i), totaal: waarden.length }], inst);
  return { cellen: cellen.slice(0, waarden.length), totaal: cellen[waarden.length]! };
}

export interface BeschermdeTabel {
  readonly cellen: Cel[][];
  readonly rijTotalen: Cel[];
  readonly kolomTotalen: Cel[];
  readonly totaal: Cel;
}

/** Index layout of an R × C table with margins: cells row-major, then row totals, column totals, grand total. */
export function tabelLijnen(rijen: number, kolommen: number): { lijnen: Lijn[]; rijTotaal: (r: number) => number; kolomTotaal: (k: number) => number; totaal: number } {
  const cel = (r: number, k: number) => r * kolommen + k;
  const rijTotaal = (r: number) => rijen * kolommen + r;
  const kolomTotaal = (k: number) => rijen * kolommen + rijen + k;
  const totaal = rijen * kolommen + rijen + kolommen;
  const lijnen: Lijn[] = [];
  for (let r = 0; r < rijen; r++) lijnen.push({ delen: Array.from({ length: kolommen }, (_, k) => cel(r, k)), totaal: rijTotaal(r) });
  for (let k = 0; k < kolommen; k++) lijnen.push({ delen: Array.from({ length: rijen }, (_, r) => cel(r, k)), totaal: kolomTotaal(k) });
  lijnen.push({ delen: Array.from({ length: rijen }, (_, r) => rijTotaal(r)), totaal });
  lijnen.push({ delen: Array.from({ length: kolommen }, (_, k) => kolomTotaal(k)), totaal });
  return { lijnen, rijTotaal, kolomTotaal, totaal };
}

/** A 2-D table (e.g. gemeente × melder group) with its row, column and grand totals (the sums). */
export function beschermTabel(waarden: readonly (readonly number[])[], inst: OnthullingInstellingen = {}): BeschermdeTabel {
  const rijen = waarden.length;
  const kolommen = waarden[0]?.length ?? 0;
  if (waarden.some((r) => r.length !== kolommen)) throw new Error('onthulling: alle rijen moeten even lang zijn');
  const { lijnen, rijTotaal, kolomTotaal, totaal } = tabelLijnen(rijen, kolommen);
  const alle = new Array<number>(totaal + 1).fill(0);
  waarden.forEach((rij, r) =>
    rij.forEach((v, k) => {
      alle[r * kolommen + k] = v;
      alle[rijTotaal(r)] = alle[rijTotaal(r)]! + v;
      alle[kolomTotaal(k)] = alle[kolomTotaal(k)]! + v;
      alle[totaal] = alle[totaal]! + v;
    }),
  );
  const c = beschermStelsel(alle, lijnen, inst);
  return {
    cellen: waarden.map((rij, r) => rij.map((_, k) => c[r * kolommen + k]!)),
    rijTotalen: waarden.map((_, r) => c[rijTotaal(r)]!),
    kolomTotalen: Array.from({ length: kolommen }, (_, k) => c[kolomTotaal(k)]!),
    totaal: c[totaal]!,
  };
}

// ---------------------------------------------------------------------------------------------
// Shares

/**
 * A protected percentage of `teller` out of `noemer`. Hidden ("x") when the numerator or the
 * denominator is hidden in its table (pass their cells), or when the numerator, the denominator or
 * the complement (noemer - teller) is small (1-4): a share must not let a hidden count be
 * recomputed from a visible one. "." when the denominator is 0. One decimal; whole percents when
 * rounding.
 */
export function beschermAandeel(
  teller: number,
  noemer: number,
  inst: OnthullingInstellingen = {},
  cellen: { readonly teller?: Cel; readonly noemer?: Cel } = {},
): Cel {
  checkAantal(teller);
  checkAantal(noemer);
  if (teller > noemer) throw new Error('onthulling: teller groter dan noemer');
  if (noemer === 0) return { status: 'nvt' };
  if ((cellen.teller && cellen.teller.status !== 'zichtbaar') || (cellen.noemer && cellen.noemer.status !== 'zichtbaar')) return { status: 'geheim' };
  if (isKlein(teller) || isKlein(noemer) || isKlein(noemer - teller)) return { status: 'geheim' };
  const f = inst.afronden ? 1 : 10;
  return { status: 'zichtbaar', waarde: Math.round((teller / noemer) * 100 * f) / f };
}
