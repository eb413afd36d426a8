/**
 * The assessment history of generated meldingen: when Veilig Thuis weighed each one and what it
 * decided, so that figures and the demo's queue are realistic. A melding whose assessment lies after
 * the generated period's end ("now" for the demo) is left open: it is in the queue, some overdue.
 *
 * Shares: seed 001 annex 5 (39-69% handed over after the first assessment; vervolgonderzoek before a
 * handover), the sector norm (90% assessed within 5 working days, 80% of onderzoeken within 10 weeks)
 * and CBS outcome categories of onderzoek. Plausible values, not official figures.
 */
import type { ImportLine } from '@samenveilig/domain';
import { Weighted, type Rng } from './rng.js';

type Historisch = NonNullable<ImportLine['beoordeling']>;
type Soort = Historisch['besluit'];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const BESLUIT = Weighted.of<Soort>([
  ['overdracht', 55],
  ['einde-bemoeienis', 12],
  ['omzetten-naar-advies', 3],
  ['voorwaarden-en-vervolg', 12],
  ['vt-onderzoek', 16],
  ['verzoek-rvdk', 2],
]);
const OVERDRACHT_NAAR = Weighted.of<NonNullable<Historisch['overdrachtNaar']>>([
  ['lokaal-team', 70],
  ['betrokken-hulp', 25],
  ['multidisciplinair-team', 5],
]);
const UITKOMST = Weighted.of<NonNullable<Historisch['onderzoek']>['uitkomst']>([
  ['bevestigd', 60],
  ['niet-bevestigd', 30],
  ['weerlegd', 10],
]);
const NA_ONDERZOEK = Weighted.of<Soort>([
  ['overdracht', 55],
  ['voorwaarden-en-vervolg', 20],
  ['einde-bemoeienis', 20],
  ['verzoek-rvdk', 5],
]);

const iso = (ms: number) => new Date(ms).toISOString();

/** Hours from receipt to the completed assessment: most within days, about one in ten later than the legal five working days. */
function delay(rng: Rng, acuut: boolean): number {
  if (acuut) return (2 + rng.float() * 46) * HOUR;
  const r = rng.float();
  if (r < 0.3) return (1 + rng.float() * 23) * HOUR;
  if (r < 0.9) return (1 + rng.float() * 5) * DAY;
  return (6 + rng.float() * 8) * DAY;
}

/** The assessment of a melding received at `receivedMs`, or undefined when it was not made before `untilMs`. */
export function historischeBeoordeling(rng: Rng, receivedMs: number, acuut: boolean, untilMs: number): Historisch | undefined {
  const assessedMs = receivedMs + delay(rng, acuut);
  const acuteMs = acuut ? receivedMs + (10 + rng.float() * 80) * 60_000 : undefined;
  const besluit = BESLUIT.pick(rng);
  const closes = besluit === 'einde-bemoeienis' || besluit === 'omzetten-naar-advies';
  // Veilig Thuis does not close a melding with acute or structural unsafety (the domain's rule).
  const acuteOnveiligheid = !closes && (acuut ? rng.chance(0.8) : rng.chance(0.05));
  const structureleOnveiligheid = !closes && rng.chance(0.6);
  // Drawn whatever happens next, so that where "now" lies does not change the rest of the data.
  const weeks = 3 + rng.float() * 10;
  const uitkomst = UITKOMST.pick(rng);
  const vervolg = NA_ONDERZOEK.pick(rng);
  const naar = OVERDRACHT_NAAR.pick(rng);
  const naarNaOnderzoek = OVERDRACHT_NAAR.pick(rng);
  if (assessedMs > untilMs) return undefined;
  const b: Historisch = { beoordeeldOp: iso(assessedMs), besluit, acuteOnveiligheid, structureleOnveiligheid };
  if (acuteMs !== undefined && acuteMs <= untilMs) b.acuutAfgehandeldOp = iso(acuteMs);
  if (besluit === 'overdracht') b.overdrachtNaar = naar;
  if (besluit === 'vt-onderzoek') {
    const doneMs = assessedMs + weeks * 7 * DAY;
    if (doneMs <= untilMs) {
      b.onderzoek = { afgerondOp: iso(doneMs), uitkomst, vervolg, ...(vervolg === 'overdracht' ? { overdrachtNaar: naarNaOnderzoek } : {}) };
    }
  }
  return b;
}
