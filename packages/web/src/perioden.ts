/**
 * Periods of the figures as the web app chooses them: year "2025", half year "2025-H1", quarter "2025-K3",
 * by the Amsterdam calendar (docs/cijfers.md). Only for the filters; the server computes the bounds.
 */
import type { PeriodeSoort } from './cijfersApi';

export interface Periode {
  soort: PeriodeSoort;
  jaar: number;
  /** 1 for a year, 1-2 for a half year, 1-4 for a quarter. */
  deel: number;
}

const PER_JAAR: Record<PeriodeSoort, number> = { jaar: 1, halfjaar: 2, kwartaal: 4 };

export const PERIODE_SOORTEN: { waarde: PeriodeSoort; label: string }[] = [
  { waarde: 'jaar', label: 'Jaar' },
  { waarde: 'halfjaar', label: 'Halfjaar' },
  { waarde: 'kwartaal', label: 'Kwartaal' },
];

/** "2025" | "2025-H1" | "2025-K3" → the period; null for anything else. */
export function leesPeriode(sleutel: string | null): Periode | null {
  const m = /^(\d{4})(?:-([HK])([1-4]))?$/.exec(sleutel ?? '');
  if (!m) return null;
  const jaar = Number(m[1]);
  if (jaar < 2000 || jaar > 2100) return null;
  if (!m[2]) return { soort: 'jaar', jaar, deel: 1 };
  const soort: PeriodeSoort = m[2] === 'H' ? 'halfjaar' : 'kwartaal';
  const deel = Number(m[3]);
  if (deel > PER_JAAR[soort]) return null;
  return { soort, jaar, deel };
}

export function periodeSleutel(p: Periode): string {
  if (p.soort === 'jaar') return String(p.jaar);
  return `${p.jaar}-${p.soort === 'halfjaar' ? 'H' : 'K'}${p.deel}`;
}

/** "2025", "1e halfjaar 2025", "3e kwartaal 2025" */
export function periodeNaam(p: Periode): string {
  if (p.soort === 'jaar') return String(p.jaar);
  return `${p.deel}e ${p.soort} ${p.jaar}`;
}

/** Short, for a chart axis: "2025", "H1 2025", "K3 2025". */
export function periodeKort(sleutel: string): string {
  const p = leesPeriode(sleutel);
  if (!p) return sleutel;
  if (p.soort === 'jaar') return String(p.jaar);
  return `${p.soort === 'halfjaar' ? 'H' : 'K'}${p.deel} ${p.jaar}`;
}

const volgnummer = (p: Periode) => p.jaar * PER_JAAR[p.soort] + (p.deel - 1);
const uitVolgnummer = (soort: PeriodeSoort, n: number): Periode => ({ soort, jaar: Math.floor(n / PER_JAAR[soort]), deel: (n % PER_JAAR[soort]) + 1 });

const amsterdamDelen = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: 'numeric', timeZone: 'Europe/Amsterdam' });

/** The period of this kind that holds `nu` (Amsterdam time): it is still running. */
export function lopendePeriode(soort: PeriodeSoort, nu: Date): Periode {
  const delen = Object.fromEntries(amsterdamDelen.formatToParts(nu).map((d) => [d.type, d.value]));
  const jaar = Number(delen.year);
  const maand = Number(delen.month);
  return { soort, jaar, deel: Math.floor(((maand - 1) * PER_JAAR[soort]) / 12) + 1 };
}

/** The last period of this kind that has ended: the default choice. */
export function laatsteVolledige(soort: PeriodeSoort, nu: Date): Periode {
  return uitVolgnummer(soort, volgnummer(lopendePeriode(soort, nu)) - 1);
}

/** The periods of this kind to choose from, newest first: the running one and those of the `jaren` years before. */
export function periodeKeuzes(soort: PeriodeSoort, nu: Date, jaren = 10): { waarde: string; label: string }[] {
  const lopend = lopendePeriode(soort, nu);
  const uit: { waarde: string; label: string }[] = [];
  for (let n = volgnummer(lopend), eerste = volgnummer({ soort, jaar: lopend.jaar - jaren, deel: 1 }); n >= eerste; n--) {
    const p = uitVolgnummer(soort, n);
    uit.push({ waarde: periodeSleutel(p), label: n === volgnummer(lopend) ? `${periodeNaam(p)} (loopt nog)` : periodeNaam(p) });
  }
  return uit;
}

/**
 * The period of another kind that matches the chosen one as closely as possible: a year becomes its last half
 * year or quarter, a quarter the half year or year it is in. Never later than the running period.
 */
export function andereSoort(p: Periode, soort: PeriodeSoort, nu: Date): Periode {
  if (soort === p.soort) return p;
  // The last month of the chosen period, 1-12.
  const laatsteMaand = (p.deel * 12) / PER_JAAR[p.soort];
  const gekozen: Periode = { soort, jaar: p.jaar, deel: Math.ceil((laatsteMaand * PER_JAAR[soort]) / 12) };
  const lopend = lopendePeriode(soort, nu);
  return volgnummer(gekozen) > volgnummer(lopend) ? lopend : gekozen;
}

/** True when the period has not ended yet at `nu`. */
export function looptNog(p: Periode, nu: Date): boolean {
  return volgnummer(p) >= volgnummer(lopendePeriode(p.soort, nu));
}
