/** Round axis values for charts: 0, 50, 100, 150 rather than 0, 37, 74. */

/** The ticks from 0 (or `min`) up to at least `max`, at a round step, about `aantal` of them. */
export function mooieSchaal(max: number, { min = 0, aantal = 5, geheel = true }: { min?: number; aantal?: number; geheel?: boolean } = {}): {
  min: number;
  max: number;
  stappen: number[];
} {
  const bereik = Math.max(max - min, 1);
  const ruw = geheel ? Math.max(bereik / aantal, 1) : bereik / aantal;
  const macht = 10 ** Math.floor(Math.log10(ruw));
  const stap = [1, 2, 2.5, 5, 10].map((f) => f * macht).find((s) => s >= ruw) ?? 10 * macht;
  // A step of 2.5 only where it gives whole numbers.
  const heel = stap < 1 || Number.isInteger(stap) ? stap : 5 * macht;
  const onder = Math.floor(min / heel) * heel;
  const boven = Math.max(Math.ceil(max / heel) * heel, onder + heel);
  const stappen: number[] = [];
  for (let t = onder; t <= boven + heel / 2; t += heel) stappen.push(Math.round(t * 1e6) / 1e6);
  return { min: onder, max: boven, stappen };
}
