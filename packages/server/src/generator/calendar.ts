/**
 * Calendar arithmetic on "epoch days" (days since 1970-01-01 in the civil calendar), fast enough
 * to call for every person of every generated contact, plus the Amsterdam UTC offset per day.
 */
import { civilFromDays, formatAmsterdam } from '@samenveilig/domain';

// Day numbers and civil dates are the domain's (termijnen count working days with them too).
export { civilFromDays, daysFromCivil } from '@samenveilig/domain';

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** "YYYY-MM-DD" of an epoch day. */
export function isoDate(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Day of the week, Monday = 0 ... Sunday = 6 (1970-01-01 was a Thursday). */
export function weekday(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/** "+01:00" for 60 minutes. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(a / 60))}:${pad2(a % 60)}`;
}

/**
 * Amsterdam offsets of one local calendar day. On the two transition days the offset changes
 * at 02:00 local time (spring: 02:00 jumps to 03:00; autumn: 03:00 falls back to 02:00).
 */
export interface DayOffsets {
  /** Offset in minutes before 02:00 local time. */
  readonly before: number;
  /** Offset in minutes from 02:00 local time (equal to `before` on ordinary days). */
  readonly after: number;
}

export function amsterdamOffsets(days: number): DayOffsets {
  // European transitions happen at 01:00 UTC: 00:00 UTC lies before it, 20:00 UTC after it,
  // and both lie on the same Amsterdam calendar day.
  const before = offsetMinutesOf(new Date(days * 86_400_000));
  const after = offsetMinutesOf(new Date(days * 86_400_000 + 20 * 3_600_000));
  return { before, after };
}

function offsetMinutesOf(moment: Date): number {
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(formatAmsterdam(moment));
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/** Seconds of the local day with the non-existent spring-forward hour moved one hour on. */
export function existingLocalSecond(offsets: DayOffsets, second: number): number {
  if (offsets.after > offsets.before && second >= 7200 && second < 7200 + (offsets.after - offsets.before) * 60) {
    return second + (offsets.after - offsets.before) * 60;
  }
  return second;
}

/** The UTC offset (minutes) that applies at a local second of the day. */
export function offsetAt(offsets: DayOffsets, second: number): number {
  return second < 7200 ? offsets.before : offsets.after;
}

/** "HH:MM:SS" of a second of the day. */
export function clock(second: number): string {
  const h = Math.floor(second / 3600);
  const m = Math.floor((second % 3600) / 60);
  const s = second % 60;
  return `${pad2(h)}:${pad2(m)}:${pad2(s)}`;
}
