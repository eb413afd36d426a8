/**
 * Reporting periods of the figures: quarter, half year and year, always in Amsterdam time (the law,
 * the deadlines and the CBS tables are Dutch): a melding at 31 December 23:30 local time belongs to
 * that year although it is 22:30 UTC. Bounds are instants, [van, tot), so a period is exact across
 * the changes to and from summer time.
 */
import { DateTime } from 'luxon';
import { ZONE } from '../time.js';

export const PERIODE_SOORTEN = ['kwartaal', 'halfjaar', 'jaar'] as const;
export type PeriodeSoort = (typeof PERIODE_SOORTEN)[number];

/** A reporting period: `nummer` is 1-4 for a quarter, 1-2 for a half year and 1 for a year. */
export interface Periode {
  readonly soort: PeriodeSoort;
  readonly jaar: number;
  readonly nummer: number;
}

/** Months in one period of each kind. */
const MAANDEN: Record<PeriodeSoort, number> = { kwartaal: 3, halfjaar: 6, jaar: 12 };

/** How many periods of this kind a year has. */
export function periodenPerJaar(soort: PeriodeSoort): number {
  return 12 / MAANDEN[soort];
}

function check(p: Periode): void {
  if (!Number.isInteger(p.jaar) || p.jaar < 1 || p.jaar > 9999 || !Number.isInteger(p.nummer) || p.nummer < 1 || p.nummer > periodenPerJaar(p.soort)) {
    throw new Error(`ongeldige periode: ${JSON.stringify(p)}`);
  }
}

/** The period key: "2025-K4" (quarter), "2025-H2" (half year), "2025" (year). */
export function periodeSleutel(p: Periode): string {
  check(p);
  if (p.soort === 'jaar') return String(p.jaar);
  return `${p.jaar}-${p.soort === 'kwartaal' ? 'K' : 'H'}${p.nummer}`;
}

/** Reads a period key ("2025-K4", "2025-H2", "2025"); null when it is none. */
export function parsePeriode(sleutel: string): Periode | null {
  const m = /^(\d{4})(?:-([KH])([1-4]))?$/.exec(sleutel.trim());
  if (!m) return null;
  const jaar = Number(m[1]);
  if (jaar < 1) return null;
  if (m[2] === undefined) return { soort: 'jaar', jaar, nummer: 1 };
  const p: Periode = { soort: m[2] === 'K' ? 'kwartaal' : 'halfjaar', jaar, nummer: Number(m[3]) };
  return p.nummer <= periodenPerJaar(p.soort) ? p : null;
}

/** The period of this kind that holds the instant, by the Amsterdam calendar. */
export function periodeVan(moment: Date, soort: PeriodeSoort): Periode {
  const dt = DateTime.fromJSDate(moment, { zone: ZONE });
  if (!dt.isValid) throw new Error('periodeVan: ongeldig moment');
  return { soort, jaar: dt.year, nummer: Math.floor((dt.month - 1) / MAANDEN[soort]) + 1 };
}

/** The period key of an instant: periodeSleutel(periodeVan(moment, soort)). */
export function periodeSleutelVan(moment: Date, soort: PeriodeSoort): string {
  return periodeSleutel(periodeVan(moment, soort));
}

function startOf(p: Periode): DateTime {
  return DateTime.fromObject({ year: p.jaar, month: (p.nummer - 1) * MAANDEN[p.soort] + 1, day: 1 }, { zone: ZONE });
}

/** The UTC bounds [van, tot) of a period: local midnight of its first day to local midnight after its last. */
export function periodeGrenzen(p: Periode): { readonly van: Date; readonly tot: Date } {
  check(p);
  const start = startOf(p);
  return { van: start.toJSDate(), tot: start.plus({ months: MAANDEN[p.soort] }).toJSDate() };
}

/** Does the instant lie in the period ([van, tot))? */
export function inPeriode(moment: Date, p: Periode): boolean {
  return periodeToets(p)(moment);
}

/** A test "lies in the period" with the bounds computed once (for filtering many records). */
export function periodeToets(p: Periode): (moment: Date) => boolean {
  const { van, tot } = periodeGrenzen(p);
  const a = van.getTime();
  const b = tot.getTime();
  return (moment) => {
    const t = moment.getTime();
    return t >= a && t < b;
  };
}

/** The period after this one (of the same kind). */
export function volgendePeriode(p: Periode): Periode {
  check(p);
  return p.nummer < periodenPerJaar(p.soort) ? { ...p, nummer: p.nummer + 1 } : { ...p, jaar: p.jaar + 1, nummer: 1 };
}

/** Compares two periods of the same kind: negative when a is earlier. */
export function vergelijkPerioden(a: Periode, b: Periode): number {
  if (a.soort !== b.soort) throw new Error('vergelijkPerioden: perioden van verschillende soort');
  return a.jaar !== b.jaar ? a.jaar - b.jaar : a.nummer - b.nummer;
}

/**
 * The periods of this kind that hold at least one instant of [van, tot), in order. Empty when
 * tot <= van. A range of more than 200 years is refused (a guard against a mistaken bound).
 */
export function periodenTussen(soort: PeriodeSoort, van: Date, tot: Date): Periode[] {
  if (tot.getTime() <= van.getTime()) return [];
  const last = periodeVan(new Date(tot.getTime() - 1), soort);
  const out: Periode[] = [];
  for (let p = periodeVan(van, soort); vergelijkPerioden(p, last) <= 0; p = volgendePeriode(p)) {
    out.push(p);
    if (out.length > 200 * periodenPerJaar(soort)) throw new Error('periodenTussen: bereik te groot');
  }
  return out;
}

/** The instant `maanden` calendar months after `moment`, in Amsterdam time (31 March + 1 month = 30 April). */
export function maandenNa(moment: Date, maanden: number): Date {
  return DateTime.fromJSDate(moment, { zone: ZONE }).plus({ months: maanden }).toJSDate();
}

/** Length of the follow-up of the recidivism figure (seed 003 annex 2 §5a). */
export const NAMETING_MAANDEN = 12;

/**
 * Has the follow-up of period P passed at `now`? True when `maanden` months after the end of P lie
 * at or before `now`: then every intervention that started in P has had its full follow-up.
 */
export function natermijnVerstreken(p: Periode, now: Date, maanden: number = NAMETING_MAANDEN): boolean {
  return maandenNa(periodeGrenzen(p).tot, maanden).getTime() <= now.getTime();
}

/** The CBS StatLine period code: "2025JJ00" (year), "2025HJ02" (half year), "2025KW04" (quarter). */
export function cbsPeriodeCode(p: Periode): string {
  check(p);
  const nr = String(p.soort === 'jaar' ? 0 : p.nummer).padStart(2, '0');
  return `${String(p.jaar).padStart(4, '0')}${p.soort === 'jaar' ? 'JJ' : p.soort === 'halfjaar' ? 'HJ' : 'KW'}${nr}`;
}

/** A Dutch label: "4e kwartaal 2025", "2e halfjaar 2025", "2025". */
export function periodeNaam(p: Periode): string {
  check(p);
  if (p.soort === 'jaar') return String(p.jaar);
  return `${p.nummer}e ${p.soort === 'kwartaal' ? 'kwartaal' : 'halfjaar'} ${p.jaar}`;
}
