/** Formatting for Dutch readers (nl-NL). */

const numberFormat = new Intl.NumberFormat('nl-NL');
const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** 166000 → "166.000" */
export function formatAantal(n: number): string {
  return numberFormat.format(n);
}

/** "2024-01-01" → "1 januari 2024"; returns the input unchanged when it is not an ISO date. */
export function formatDatum(iso: string): string {
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
