/**
 * The TOP-3 methodiek (seed 001 ch. 3): in each phase every party — each household member, children
 * where appropriate, each professional — names up to three matters that are most risky and scores each
 * from 1 (most unsafe) to 6 (safe), with a reason. Together they choose one top-3 to work on. The tool
 * proposes a joint top-3 from the entries; the participants confirm it or choose otherwise.
 *
 * The proposal rule: each mention of a matter weighs 7 − score (a 1 weighs 6, a 6 weighs 1), so a matter
 * rises both by being named more often and by lower scores. Ties go to the lowest single score, then to
 * the most mentions, then to the matter named first. Matters scored 6 (safe) by everyone who named them
 * are not proposed.
 */
import { z } from 'zod';

export const SCORE_MIN = 1;
export const SCORE_MAX = 6;
export const MAX_PER_DEELNEMER = 3;
export const TOP = 3;

export const DEELNEMER_SOORTEN = ['gezinslid', 'kind', 'netwerk', 'professional'] as const;
export type DeelnemerSoort = (typeof DEELNEMER_SOORTEN)[number];

export const top3ItemSchema = z
  .object({
    onderwerp: z.string().trim().min(1, 'noem het onderwerp').max(300, 'maximaal 300 tekens'),
    onderwerpId: z.string().max(40).optional().describe('a matter named before in this household'),
    score: z.number().int('een heel getal van 1 tot 6').min(SCORE_MIN, '1 is het onveiligst').max(SCORE_MAX, '6 is veilig'),
    reden: z.string().trim().min(1, 'geef een reden voor het cijfer').max(2000, 'maximaal 2000 tekens'),
  })
  .strict();
export type Top3Item = z.output<typeof top3ItemSchema>;

export const top3InbrengSchema = z.array(top3ItemSchema).max(MAX_PER_DEELNEMER, `ten hoogste ${MAX_PER_DEELNEMER} onderwerpen per deelnemer`).superRefine((items, ctx) => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = onderwerpSleutel(item.onderwerp);
    if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [i, 'onderwerp'], message: 'dit onderwerp staat er al' });
    seen.add(k);
  });
});

/**
 * Matters named in other words count as one when they agree on this key: case, accents, spaces and
 * punctuation ignored; letters and digits of every script kept (a matter named in Arabic or Cyrillic has
 * its own key). Empty only for a text without any letter or digit.
 */
export function onderwerpSleutel(onderwerp: string): string {
  return onderwerp
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface Vermelding {
  /** The matter: its id when it was named before, or its key. */
  readonly onderwerp: string;
  readonly tekst: string;
  readonly score: number;
  readonly deelnemer: string;
  /** Order of entry, for ties. */
  readonly volgorde: number;
}

export interface Voorstel {
  readonly onderwerp: string;
  readonly tekst: string;
  readonly gewicht: number;
  readonly vermeldingen: number;
  readonly laagsteScore: number;
  readonly gemiddeldeScore: number;
}

/** The proposed joint top-3 (fewer when fewer matters are not safe), most urgent first. */
export function stelTop3Voor(vermeldingen: readonly Vermelding[]): Voorstel[] {
  const per = new Map<string, { tekst: string; gewicht: number; n: number; laagste: number; som: number; eerste: number }>();
  for (const v of vermeldingen) {
    const p = per.get(v.onderwerp) ?? { tekst: v.tekst, gewicht: 0, n: 0, laagste: SCORE_MAX, som: 0, eerste: v.volgorde };
    p.gewicht += SCORE_MAX + 1 - v.score;
    p.n++;
    p.laagste = Math.min(p.laagste, v.score);
    p.som += v.score;
    p.eerste = Math.min(p.eerste, v.volgorde);
    per.set(v.onderwerp, p);
  }
  return [...per]
    .filter(([, p]) => p.laagste < SCORE_MAX)
    .sort(([, a], [, b]) => b.gewicht - a.gewicht || a.laagste - b.laagste || b.n - a.n || a.eerste - b.eerste)
    .slice(0, TOP)
    .map(([onderwerp, p]) => ({ onderwerp, tekst: p.tekst, gewicht: p.gewicht, vermeldingen: p.n, laagsteScore: p.laagste, gemiddeldeScore: Math.round((p.som / p.n) * 10) / 10 }));
}

/**
 * A chosen top-3: one to three distinct matters (fewer only when fewer may be chosen). `genoemd`: the matters
 * that may be chosen — named in the session and not scored safe (6) by everyone, the same set stelTop3Voor
 * proposes from, so confirming the proposal as it stands always passes.
 */
export function keuzeProbleem(gekozen: readonly string[], genoemd: ReadonlySet<string>): string | null {
  if (gekozen.length === 0) return 'kies ten minste één onderwerp';
  if (gekozen.length > TOP) return `kies ten hoogste ${TOP} onderwerpen`;
  if (new Set(gekozen).size !== gekozen.length) return 'een onderwerp staat er twee keer in';
  if (gekozen.some((g) => !genoemd.has(g))) return 'kies uit de genoemde onderwerpen';
  if (gekozen.length < Math.min(TOP, genoemd.size)) return `kies ${Math.min(TOP, genoemd.size)} onderwerpen (de top-3)`;
  return null;
}
