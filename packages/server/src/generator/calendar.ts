/**
 * Calendar arithmetic on "epoch days" (days since 1970-01-01 in the civil calendar), fast enough
 * to call for every person of every generated contact, plus the Amsterdam UTC offset per day.
 */
import { formatAmsterdam } from '@samenveilig/domain';

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date [year, month (1-12), day] of an epoch day. */
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
