import { DateTime } from 'luxon';

/** All times of the domain are interpreted in this zone (law, deadlines and figures are Dutch). */
export const ZONE = 'Europe/Amsterdam';

/**
 * Parses a received-at moment. A value with an offset or "Z" is taken as it is; a value without
 * one ("2024-12-31T23:30") is local Amsterdam time. Returns null when it is not a real moment.
 */
export function parseMoment(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/.test(value)) return null;
  const dt = DateTime.fromISO(value, { zone: ZONE, setZone: false });
  if (!dt.isValid) return null;
  // Luxon rolls impossible local times (DST gap) forward; reject values that do not round-trip.
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(value);
  if (!hasOffset) {
    const local = dt.setZone(ZONE);
    const back = local.toFormat(value.length > 16 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm");
    if (!value.startsWith(back)) return null;
  }
  return dt.toJSDate();
}

/** Validates a calendar date "YYYY-MM-DD" (rejects 30 February). */
export function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return DateTime.fromISO(value, { zone: 'UTC' }).isValid;
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
