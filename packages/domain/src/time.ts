import { DateTime } from 'luxon';

/** All times of the domain are interpreted in this zone (law, deadlines and figures are Dutch). */
export const ZONE = 'Europe/Amsterdam';

const MOMENT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses a received-at moment. A value with an offset or "Z" is taken as it is; a value without
 * one ("2024-12-31T23:30") is local Amsterdam time. Returns null when it is not a real moment.
 */
export function parseMoment(value: string): Date | null {
  const m = MOMENT.exec(value);
  if (!m) return null;
  if (!isValidDateParts(Number(m[1]), Number(m[2]), Number(m[3])) || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) {
    return null;
  }
  if (m[7] !== undefined) {
    // An explicit offset fixes the moment; ECMAScript parses this ISO form exactly (offset needs a colon).
    const iso = m[7] === 'Z' || m[7].includes(':') ? value : `${value.slice(0, -2)}:${value.slice(-2)}`;
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const dt = DateTime.fromISO(value, { zone: ZONE, setZone: false });
  if (!dt.isValid) return null;
  // Luxon rolls impossible local times (DST gap) forward; reject values that do not round-trip.
  const back = dt.setZone(ZONE).toFormat(value.length > 16 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm");
  if (!value.startsWith(back)) return null;
  return dt.toJSDate();
}

/** Validates a calendar date "YYYY-MM-DD" (rejects 30 February). */
export function isValidDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isValidDateParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

function isValidDateParts(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** The calendar year of a moment in Amsterdam time (a melding at 31 Dec 23:30 belongs to that year). */
export function amsterdamYear(moment: Date): number {
  return DateTime.fromJSDate(moment, { zone: ZONE }).year;
}

/** The calendar date (YYYY-MM-DD) of a moment in Amsterdam time. */
export function amsterdamDate(moment: Date): string {
  return DateTime.fromJSDate(moment, { zone: ZONE }).toISODate()!;
}

/** Formats a moment as ISO 8601 with the Amsterdam offset. */
export function formatAmsterdam(moment: Date): string {
  return DateTime.fromJSDate(moment, { zone: ZONE }).toISO({ suppressMilliseconds: true })!;
}

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil): calendar counting without a date library. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** The civil date [year, month (1-12), day] of a day number (days since 1970-01-01). */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}
