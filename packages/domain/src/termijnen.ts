/**
 * Deadlines (termijnen) of Veilig Thuis, as data: working days with Dutch public holidays, the
 * legal deadline of the veiligheidsbeoordeling, a region's stricter ambition, the acute target and
 * the VT onderzoek target. Pure: every function takes the moments it needs.
 *
 * Sources:
 * - Uitvoeringsbesluit Wmo 2015 art. 4.1.7: the veiligheidsbeoordeling within 5 working days after
 *   receipt of the melding; acute cases immediately.
 * - Algemene termijnenwet art. 3: the recognised public holidays (Nieuwjaarsdag, tweede Paasdag,
 *   Hemelvaartsdag, tweede Pinksterdag, the King's birthday, 5 mei, eerste and tweede Kerstdag).
 *   Goede Vrijdag is not one of them. Saturdays and Sundays are no working days.
 * - Sector norm: 80% of VT onderzoeken finished within 10 weeks.
 * - Seed 003 (annex 2, 3b): a regional ambition of a weighing within 24 hours.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { civilFromDays, daysFromCivil, ZONE } from './time.js';

/** The legal deadline of the veiligheidsbeoordeling, in working days after the day of receipt. */
export const WETTELIJKE_TERMIJN_WERKDAGEN = 5;

/** A region's settings for deadlines; every region starts with DEFAULT_TERMIJN_INSTELLINGEN. */
export interface TermijnInstellingen {
  /** Target for an acute melding, in minutes after receipt. */
  readonly acuutMinuten: number;
  /** The region's own deadline for the veiligheidsbeoordeling; the legal one applies whenever it is earlier. */
  readonly beoordeling: { readonly eenheid: 'werkdagen' | 'uren'; readonly aantal: number };
  /** Target duration of a VT onderzoek, in weeks from its start. */
  readonly onderzoekWeken: number;
}

export const DEFAULT_TERMIJN_INSTELLINGEN: TermijnInstellingen = {
  acuutMinuten: 60,
  beoordeling: { eenheid: 'werkdagen', aantal: WETTELIJKE_TERMIJN_WERKDAGEN },
  onderzoekWeken: 10,
};

/** Validation of the settings a functioneel beheerder enters (Dutch messages). */
export const termijnInstellingenSchema = z
  .object({
    acuutMinuten: z.number().int().min(5, 'minimaal 5 minuten').max(24 * 60, 'maximaal 1440 minuten (24 uur)'),
    beoordeling: z
      .object({ eenheid: z.enum(['werkdagen', 'uren']), aantal: z.number().int().min(1, 'minimaal 1') })
      .strict()
      .superRefine((b, ctx) => {
        if (b.eenheid === 'werkdagen' && b.aantal > WETTELIJKE_TERMIJN_WERKDAGEN) {
          ctx.addIssue({
            code: 'custom',
            path: ['aantal'],
            message: `de regionale termijn mag niet ruimer zijn dan de wettelijke termijn van ${WETTELIJKE_TERMIJN_WERKDAGEN} werkdagen`,
          });
        }
        if (b.eenheid === 'uren' && b.aantal > 24 * 7) {
          ctx.addIssue({ code: 'custom', path: ['aantal'], message: 'maximaal 168 uur; de wettelijke termijn van 5 werkdagen geldt altijd' });
        }
      }),
    onderzoekWeken: z.number().int().min(1, 'minimaal 1 week').max(10, 'de norm is 10 weken; een ruimere termijn is niet toegestaan'),
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// Calendar

/** Easter Sunday (Gregorian, the anonymous algorithm of Meeus/Jones/Butcher) as [month, day]. */
export function paaszondag(jaar: number): [number, number] {
  const a = jaar % 19;
  const b = Math.floor(jaar / 100);
  const c = jaar % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

// Calendar days as integers (daysFromCivil), so counting working days needs no date library in its
// loop; only the first and the last day are converted to moments in Amsterdam time.
const dayNumber = daysFromCivil;
const civil = civilFromDays;

/** ISO weekday of a day number: Monday 1 … Sunday 7 (1970-01-01 was a Thursday). */
const weekdayOf = (n: number) => ((((n + 3) % 7) + 7) % 7) + 1;

/** The King's birthday: 27 April (26 April when the 27th is a Sunday); before 2014 the Queen's, 30 April (29th when a Sunday). */
function koningsdag(jaar: number): string {
  const day = dayNumber(jaar, 4, jaar >= 2014 ? 27 : 30);
  const [y, m, d] = civil(weekdayOf(day) === 7 ? day - 1 : day);
  return iso(y, m, d);
}

const holidayCache = new Map<number, ReadonlyMap<string, string>>();
const holidayDayCache = new Map<number, ReadonlySet<number>>();

/** The recognised public holidays of a year (Algemene termijnenwet art. 3), date → name. */
export function feestdagen(jaar: number): ReadonlyMap<string, string> {
  const cached = holidayCache.get(jaar);
  if (cached) return cached;
  const [pm, pd] = paaszondag(jaar);
  const easter = dayNumber(jaar, pm, pd);
  const at = (n: number) => iso(...civil(n));
  const days = new Map<string, string>([
    [iso(jaar, 1, 1), 'Nieuwjaarsdag'],
    [at(easter + 1), 'Tweede Paasdag'],
    [koningsdag(jaar), 'Koningsdag'],
    [iso(jaar, 5, 5), 'Bevrijdingsdag'],
    [at(easter + 39), 'Hemelvaartsdag'],
    [at(easter + 50), 'Tweede Pinksterdag'],
    [iso(jaar, 12, 25), 'Eerste Kerstdag'],
    [iso(jaar, 12, 26), 'Tweede Kerstdag'],
  ]);
  holidayCache.set(jaar, days);
  return days;
}

function holidayDays(jaar: number): ReadonlySet<number> {
  let set = holidayDayCache.get(jaar);
  if (!set) {
    set = new Set([...feestdagen(jaar).keys()].map((k) => dayNumber(Number(k.slice(0, 4)), Number(k.slice(5, 7)), Number(k.slice(8, 10)))));
    holidayDayCache.set(jaar, set);
  }
  return set;
}

function isWerkdagNummer(n: number): boolean {
  return weekdayOf(n) <= 5 && !holidayDays(civil(n)[0]).has(n);
}

/** True for a calendar date (YYYY-MM-DD) that is a working day: Monday to Friday and no public holiday. */
export function isWerkdag(datum: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(datum);
  if (!m || !DateTime.fromISO(datum, { zone: ZONE }).isValid) throw new Error(`isWerkdag: invalid date ${datum}`);
  return isWerkdagNummer(dayNumber(Number(m[1]), Number(m[2]), Number(m[3])));
}

/** The Amsterdam calendar day (as a day number) of a moment. */
function amsterdamDay(moment: Date): number {
  const dt = DateTime.fromJSDate(moment, { zone: ZONE });
  return dayNumber(dt.year, dt.month, dt.day);
}

/** Day number → the last millisecond of that day in Amsterdam time (the zone rules are costly; days repeat). */
const endOfDayCache = new Map<number, number>();

/** The last millisecond of a calendar day in Amsterdam time. */
function endOfDay(n: number): Date {
  let ms = endOfDayCache.get(n);
  if (ms === undefined) {
    const [year, month, day] = civil(n);
    ms = DateTime.fromObject({ year, month, day }, { zone: ZONE }).endOf('day').toMillis();
    if (endOfDayCache.size > 20_000) endOfDayCache.clear();
    endOfDayCache.set(n, ms);
  }
  return new Date(ms);
}

/**
 * The end (23:59:59.999 Amsterdam time) of the n-th working day after the calendar day of `from`.
 * The day of `from` itself never counts, whatever the hour: a melding on Friday 16:00 with n = 5 is
 * due at the end of the next Friday (when no holiday intervenes).
 */
export function eindeNaWerkdagen(from: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 0) throw new Error('eindeNaWerkdagen: n must be a whole number >= 0');
  let day = amsterdamDay(from);
  let left = n;
  while (left > 0) {
    day++;
    if (isWerkdagNummer(day)) left--;
  }
  return endOfDay(day);
}

/** Working days between two moments' calendar days, counting the days after `from` up to and including `to`'s day. */
export function werkdagenTussen(from: Date, to: Date): number {
  const end = amsterdamDay(to);
  let n = 0;
  for (let day = amsterdamDay(from) + 1; day <= end; day++) if (isWerkdagNummer(day)) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Deadlines of a melding

export interface BeoordelingsTermijnen {
  /** The legal deadline: the end of the 5th working day after the day of receipt. */
  readonly wettelijk: Date;
  /** The region's own deadline (stricter ambition, or equal to the legal one). */
  readonly regionaal: Date;
  /** For an acute melding: receipt + the acute target; otherwise null. */
  readonly acuut: Date | null;
  /** What the queue works towards: the earliest of the three. */
  readonly deadline: Date;
}

function earliest(...ds: (Date | null)[]): Date {
  return new Date(Math.min(...ds.filter((d): d is Date => d !== null).map((d) => d.getTime())));
}

/** The regional deadline alone: N working days (end of day) or N hours after receipt. */
export function regionaleDeadline(ontvangenOp: Date, inst: TermijnInstellingen): Date {
  return inst.beoordeling.eenheid === 'werkdagen'
    ? eindeNaWerkdagen(ontvangenOp, inst.beoordeling.aantal)
    : new Date(ontvangenOp.getTime() + inst.beoordeling.aantal * 3_600_000);
}

/** Every deadline of the veiligheidsbeoordeling of a melding received at `ontvangenOp`. */
export function beoordelingsTermijnen(ontvangenOp: Date, acuut: boolean, inst: TermijnInstellingen): BeoordelingsTermijnen {
  const wettelijk = eindeNaWerkdagen(ontvangenOp, WETTELIJKE_TERMIJN_WERKDAGEN);
  const regionaal = earliest(wettelijk, regionaleDeadline(ontvangenOp, inst));
  const acuutDeadline = acuut ? new Date(ontvangenOp.getTime() + inst.acuutMinuten * 60_000) : null;
  return { wettelijk, regionaal, acuut: acuutDeadline, deadline: earliest(wettelijk, regionaal, acuutDeadline) };
}

/** The target of a VT onderzoek started at `gestartOp`: the end of the day, onderzoekWeken weeks later. */
export function onderzoekDeadline(gestartOp: Date, inst: TermijnInstellingen): Date {
  return DateTime.fromJSDate(gestartOp, { zone: ZONE }).plus({ weeks: inst.onderzoekWeken }).endOf('day').toJSDate();
}

/**
 * The deadline for a new decision when a confirmed one did not settle the melding (the receiver
 * refused the handover): the end of the next working day.
 */
export function vervolgDeadline(now: Date): Date {
  return eindeNaWerkdagen(now, 1);
}

/** Time left until a deadline, in whole minutes (negative when overdue). */
export function minutenTot(deadline: Date, now: Date): number {
  return Math.floor((deadline.getTime() - now.getTime()) / 60_000);
}

/** Open work on a melding, as far as its deadline depends on it. */
export interface OpenWerk {
  /** 'open' or 'voorgesteld' (a decision awaits confirmation), 'onderzoek', 'overdracht' (waiting for the receiver). */
  readonly status: 'open' | 'voorgesteld' | 'onderzoek' | 'overdracht';
  readonly acuut: boolean;
  readonly ontvangenOp: Date;
  /** Acute action was confirmed: the acute target is met, the regular deadline applies. */
  readonly acuutAfgehandeld: boolean;
  /** The veiligheidsbeoordeling was completed (a confirmed decision). */
  readonly beoordeeld: boolean;
  readonly onderzoekGestartOp: Date | null;
  /** The deadline it has now. */
  readonly deadline: Date;
}

/**
 * The deadlines of open work under (new) settings. The assessment still to be made follows the
 * settings (the acute target until acute action is confirmed, then the regular deadline); a running
 * onderzoek follows its own target; other waits (a receiver's answer, a new decision after a refused
 * handover) keep the deadline they were given.
 */
export function herberekenDeadline(w: OpenWerk, inst: TermijnInstellingen): { termijnen: BeoordelingsTermijnen; deadline: Date; onderzoekDeadline: Date | null } {
  const termijnen = beoordelingsTermijnen(w.ontvangenOp, w.acuut, inst);
  const onderzoek = w.onderzoekGestartOp ? onderzoekDeadline(w.onderzoekGestartOp, inst) : null;
  let deadline = w.deadline;
  if (onderzoek && (w.status === 'onderzoek' || w.status === 'voorgesteld')) deadline = onderzoek;
  else if (!w.beoordeeld && (w.status === 'open' || w.status === 'voorgesteld')) deadline = w.acuutAfgehandeld ? termijnen.regionaal : termijnen.deadline;
  return { termijnen, deadline, onderzoekDeadline: onderzoek };
}

/** Working days a receiver has to answer a proposed handover before the VT team lead is told. */
export const OVERDRACHT_REACTIE_WERKDAGEN = 3;
