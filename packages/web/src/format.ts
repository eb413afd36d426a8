/** Formatting for Dutch readers (nl-NL). */

const numberFormat = new Intl.NumberFormat('nl-NL');
const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const amsterdamDateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });

/** 166000 → "166.000" */
export function formatAantal(n: number): string {
  return numberFormat.format(n);
}

/**
 * "2024-01-01" → "1 januari 2024". A moment ("2024-12-31T23:30:00Z") gives its date in Dutch time
 * (a melding at 00:30 on 1 January belongs to that day, not to 31 December). Returns the input
 * unchanged when it is not an ISO date.
 */
export function formatDatum(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}T/.test(iso)) {
    const moment = new Date(iso);
    return Number.isNaN(moment.getTime()) ? iso : amsterdamDateFormat.format(moment);
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** Dutch singular/plural: aantalMet(1, 'gemeente', 'gemeenten') → "1 gemeente". */
export function aantalMet(n: number, enkelvoud: string, meervoud: string): string {
  return `${formatAantal(n)} ${n === 1 ? enkelvoud : meervoud}`;
}

const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});

/** "2024-03-05T13:07:00Z" → "5 maart 2024 om 14:07" (Dutch time); the input unchanged when it is not a date. */
export function formatDatumTijd(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat.format(date);
}

/** "betrokkene-zelf" → "Betrokkene zelf": readable text for a code without a better label. */
export function codeAlsTekst(code: string): string {
  const text = code.replace(/[-_]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const timeFormat = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });

/** "2024-03-05T13:07:00Z" → "14:07" (Dutch time). */
export function formatTijd(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return Number.isNaN(date.getTime()) ? String(iso) : timeFormat.format(date);
}

const lokaalFormat = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/Amsterdam',
});

/** A moment as Dutch wall-clock time for an <input type="datetime-local">: "2026-11-29T14:32". */
export function amsterdamLokaal(moment: Date): string {
  const deel = Object.fromEntries(lokaalFormat.formatToParts(moment).map((p) => [p.type, p.value]));
  return `${deel.year}-${deel.month}-${deel.day}T${deel.hour}:${deel.minute}`;
}

/**
 * Time left until a deadline, in plain Dutch: "nog 3 u 20 min", "nog 2 dagen 4 u", "45 min te laat",
 * "2 dagen te laat". `teLaat` is true once the deadline has passed.
 */
export function tijdOver(deadline: string, nu: number): { tekst: string; teLaat: boolean } {
  const minuten = Math.floor((new Date(deadline).getTime() - nu) / 60_000);
  const teLaat = minuten < 0;
  const m = Math.abs(minuten);
  const dagen = Math.floor(m / 1440);
  const uren = Math.floor((m % 1440) / 60);
  const rest = m % 60;
  let duur: string;
  if (dagen > 0) duur = teLaat || uren === 0 ? aantalMet(dagen, 'dag', 'dagen') : `${aantalMet(dagen, 'dag', 'dagen')} ${uren} u`;
  else if (uren > 0) duur = rest > 0 ? `${uren} u ${rest} min` : `${uren} u`;
  else duur = `${rest} min`;
  return { tekst: teLaat ? `${duur} te laat` : `nog ${duur}`, teLaat };
}

/** 0.9731 → "97%" */
export function formatProcent(kans: number): string {
  return `${Math.round(kans * 100)}%`;
}

const kortFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Amsterdam' });

/** "2026-05-12T10:00:00Z" → "12 mei 2026" in short form (for chart axes). */
export function formatDatumKort(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : kortFormat.format(date);
}

const cijferFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/** 2.5 → "2,5"; 3 → "3" */
export function formatCijfer(n: number): string {
  return cijferFormat.format(n);
}
