/**
 * One household, one plan: the veiligheidsplan every involved organisation works from. Its phases
 * (directe → stabiele → duurzame veiligheid), what must hold (voorwaarden) and who does what by when
 * (afspraken), the network around the household, and the rules for moving between phases.
 * Pure: the server stores versions of this content and applies the rules.
 *
 * Sources: seed 001 ch. 3 (Gefaseerd Samenwerken voor Veiligheid, Vogtländer & Van Arum: "pas als het
 * geweld voor een periode van circa drie maanden is gestopt, kunnen we nadenken over de onderliggende
 * problemen"; the example of Julia and Tom: "Oma haalt Julia en Tom voorlopig op"), DOMAIN.md
 * (veiligheidsplan = voorwaarden + afspraken, with consequences if not kept, and monitoring).
 */
import { z } from 'zod';
import { isValidDate } from './time.js';

export const FASEN = ['directe-veiligheid', 'stabiele-veiligheid', 'duurzame-veiligheid'] as const;
export type Fase = (typeof FASEN)[number];

export const FASE_NAMEN: Record<Fase, string> = {
  'directe-veiligheid': 'Directe veiligheid',
  'stabiele-veiligheid': 'Stabiele veiligheid',
  'duurzame-veiligheid': 'Duurzame veiligheid',
};

/** What each phase is about, in plain Dutch (for the household's printed plan). */
export const FASE_UITLEG: Record<Fase, string> = {
  'directe-veiligheid': 'Eerst stopt het geweld. We maken afspraken zodat iedereen nu veilig is.',
  'stabiele-veiligheid': 'Het geweld is gestopt. We pakken aan wat de kans op nieuw geweld groter maakt.',
  'duurzame-veiligheid': 'Het blijft veilig. Er is ruimte voor herstel en voor wat er is gebeurd.',
};

export const AFSPRAAK_STATUSSEN = ['open', 'nagekomen', 'niet-nagekomen'] as const;
export type AfspraakStatus = (typeof AFSPRAAK_STATUSSEN)[number];

/** Default exit criterion of directe veiligheid: no violence for this many days (about three months). */
export const DEFAULT_DAGEN_ZONDER_GEWELD = 91;

const tekst = (max: number) => z.string().trim().min(1, 'mag niet leeg zijn').max(max, `maximaal ${max} tekens`);
const id = z.string().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, 'ongeldige id');
const datum = z.string().refine(isValidDate, 'ongeldige datum (verwacht JJJJ-MM-DD)');

export const voorwaardeSchema = z
  .object({
    id,
    tekst: tekst(1000).describe('what must hold, e.g. "Er wordt niet geslagen of gedreigd waar de kinderen bij zijn"'),
    eigenaar: tekst(200).describe('who guards it'),
    deadline: datum.optional(),
    status: z.enum(AFSPRAAK_STATUSSEN).default('open'),
    bewijs: tekst(2000).optional().describe('how we know it holds'),
    gevolg: tekst(1000).optional().describe('what happens if it does not hold'),
  })
  .strict();
export type Voorwaarde = z.output<typeof voorwaardeSchema>;

export const afspraakSchema = z
  .object({
    id,
    wie: tekst(200).describe('who does it (a household member, a network member, a professional)'),
    wat: tekst(1000),
    wanneer: datum.describe('by when'),
    status: z.enum(AFSPRAAK_STATUSSEN).default('open'),
    bewijs: tekst(2000).optional(),
    gevolg: tekst(1000).describe('what happens if it is not kept'),
    voorwaardeId: id.optional().describe('the voorwaarde it serves'),
  })
  .strict();
export type Afspraak = z.output<typeof afspraakSchema>;

export const netwerklidSchema = z
  .object({ id, naam: tekst(200), relatie: tekst(200).describe('e.g. oma, buurman, voetbaltrainer'), rol: tekst(1000).describe('what they do for safety'), telefoon: z.string().trim().max(30).optional() })
  .strict();
export type Netwerklid = z.output<typeof netwerklidSchema>;

/** A matter chosen in a TOP-3 session: what the plan works on in a phase. */
export const doelSchema = z
  .object({ id, tekst: tekst(500), fase: z.enum(FASEN), onderwerpId: z.string().max(40).optional(), sessieId: z.string().max(40).optional() })
  .strict();
export type Doel = z.output<typeof doelSchema>;

/** Violence that happened after the plan started (not a new melding): it counts for the exit criterion. */
export const incidentSchema = z.object({ id, datum, omschrijving: tekst(2000) }).strict();
export type Incident = z.output<typeof incidentSchema>;

export const planInhoudSchema = z
  .object({
    samenvatting: tekst(4000).optional().describe('the situation in a few sentences'),
    voorwaarden: z.array(voorwaardeSchema).max(50).default([]),
    afspraken: z.array(afspraakSchema).max(100).default([]),
    netwerk: z.array(netwerklidSchema).max(50).default([]),
    doelen: z.array(doelSchema).max(30).default([]),
    incidenten: z.array(incidentSchema).max(200).default([]),
  })
  .strict()
  .superRefine((p, ctx) => {
    for (const [lijst, items] of [
      ['voorwaarden', p.voorwaarden],
      ['afspraken', p.afspraken],
      ['netwerk', p.netwerk],
      ['doelen', p.doelen],
      ['incidenten', p.incidenten],
    ] as const) {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [lijst, i, 'id'], message: 'id komt dubbel voor' });
        seen.add(item.id);
      });
    }
    const voorwaarden = new Set(p.voorwaarden.map((v) => v.id));
    p.afspraken.forEach((a, i) => {
      if (a.voorwaardeId && !voorwaarden.has(a.voorwaardeId)) ctx.addIssue({ code: 'custom', path: ['afspraken', i, 'voorwaardeId'], message: 'onbekende voorwaarde' });
    });
  });
export type PlanInhoud = z.output<typeof planInhoudSchema>;

export const LEEG_PLAN: PlanInhoud = { voorwaarden: [], afspraken: [], netwerk: [], doelen: [], incidenten: [] };

// ---------------------------------------------------------------------------------------------
// Phases

export const faseIndex = (f: Fase) => FASEN.indexOf(f);

/** The last day with violence we know of: the latest melding about the household, or an incident recorded in the plan. */
export function laatsteGeweld(meldingen: readonly Date[], incidenten: readonly Incident[]): Date | null {
  const moments = [...meldingen.map((d) => d.getTime()), ...incidenten.map((i) => Date.parse(`${i.datum}T12:00:00Z`))];
  return moments.length > 0 ? new Date(Math.max(...moments)) : null;
}

export type FaseOordeel =
  | { readonly soort: 'toegestaan'; readonly reden: 'terug' | 'criterium-gehaald' | 'gelijk' }
  | { readonly soort: 'goedkeuring-nodig'; readonly reden: string }
  | { readonly soort: 'geweigerd'; readonly reden: string };

/**
 * May the plan move from `van` to `naar` now? Moving back is always allowed. Moving forward one phase
 * needs the exit criterion (no violence for `dagenZonderGeweld` days, counted from the plan's start when
 * nothing is known since) or a recorded reason approved by a second person. Skipping a phase is refused.
 */
export function faseOordeel(van: Fase, naar: Fase, opts: { laatsteGeweld: Date | null; planGestart: Date; now: Date; dagenZonderGeweld: number }): FaseOordeel {
  const [a, b] = [faseIndex(van), faseIndex(naar)];
  if (b === a) return { soort: 'toegestaan', reden: 'gelijk' };
  if (b < a) return { soort: 'toegestaan', reden: 'terug' };
  if (b > a + 1) return { soort: 'geweigerd', reden: `eerst ${FASE_NAMEN[FASEN[a + 1]!].toLowerCase()}: een fase overslaan kan niet` };
  const sinds = Math.max(opts.laatsteGeweld?.getTime() ?? 0, opts.planGestart.getTime());
  const dagen = Math.floor((opts.now.getTime() - sinds) / 86_400_000);
  if (dagen >= opts.dagenZonderGeweld) return { soort: 'toegestaan', reden: 'criterium-gehaald' };
  return {
    soort: 'goedkeuring-nodig',
    reden: `${dagen} van de ${opts.dagenZonderGeweld} dagen zonder geweld; verder gaan kan alleen met een vastgelegde reden die een tweede professional goedkeurt`,
  };
}

/** Afspraken whose deadline has passed (before `vandaag`, YYYY-MM-DD) and that are still open. */
export function verlopenAfspraken(plan: PlanInhoud, vandaag: string): Afspraak[] {
  return plan.afspraken.filter((a) => a.status === 'open' && a.wanneer < vandaag);
}

// ---------------------------------------------------------------------------------------------
// Versions: what changed, in words

const STATUS_NAMEN: Record<AfspraakStatus, string> = { open: 'open', nagekomen: 'nagekomen', 'niet-nagekomen': 'niet nagekomen' };

type Lijst = 'voorwaarden' | 'afspraken' | 'netwerk' | 'doelen' | 'incidenten';
const LIJST_NAMEN: Record<Lijst, [string, (x: never) => string]> = {
  voorwaarden: ['Voorwaarde', (v: Voorwaarde) => v.tekst],
  afspraken: ['Afspraak', (a: Afspraak) => `${a.wie}: ${a.wat}`],
  netwerk: ['Netwerklid', (n: Netwerklid) => `${n.naam} (${n.relatie})`],
  doelen: ['Doel', (d: Doel) => d.tekst],
  incidenten: ['Incident', (i: Incident) => `${i.datum}: ${i.omschrijving}`],
} as never;

const VELD_NAMEN: Record<string, string> = {
  tekst: 'tekst',
  eigenaar: 'eigenaar',
  deadline: 'deadline',
  status: 'status',
  bewijs: 'bewijs',
  gevolg: 'gevolg bij niet nakomen',
  wie: 'wie',
  wat: 'wat',
  wanneer: 'wanneer',
  voorwaardeId: 'voorwaarde',
  naam: 'naam',
  relatie: 'relatie',
  rol: 'rol',
  telefoon: 'telefoon',
  fase: 'fase',
  datum: 'datum',
  omschrijving: 'omschrijving',
  onderwerpId: 'onderwerp',
  sessieId: 'sessie',
};

const toon = (veld: string, v: unknown) => (v === undefined || v === null || v === '' ? '(leeg)' : veld === 'status' ? STATUS_NAMEN[v as AfspraakStatus] ?? String(v) : String(v));

/** The differences between two versions of a plan, as readable Dutch lines, in a fixed order. */
export function planVerschil(oud: PlanInhoud, nieuw: PlanInhoud, fase?: { oud: Fase; nieuw: Fase }): string[] {
  const uit: string[] = [];
  if (fase && fase.oud !== fase.nieuw) uit.push(`Fase gewijzigd van ${FASE_NAMEN[fase.oud].toLowerCase()} naar ${FASE_NAMEN[fase.nieuw].toLowerCase()}`);
  if ((oud.samenvatting ?? '') !== (nieuw.samenvatting ?? '')) {
    const kort = (t: string) => (t.length > 200 ? `${t.slice(0, 199)}…` : t);
    uit.push(nieuw.samenvatting ? `Samenvatting ${oud.samenvatting ? 'gewijzigd in' : 'toegevoegd'}: ${kort(nieuw.samenvatting)}` : 'Samenvatting verwijderd');
  }
  for (const lijst of ['voorwaarden', 'afspraken', 'netwerk', 'doelen', 'incidenten'] as const) {
    const [naam, label] = LIJST_NAMEN[lijst] as [string, (x: unknown) => string];
    const a = new Map((oud[lijst] as { id: string }[]).map((x) => [x.id, x as Record<string, unknown>]));
    const b = new Map((nieuw[lijst] as { id: string }[]).map((x) => [x.id, x as Record<string, unknown>]));
    for (const [key, item] of b) if (!a.has(key)) uit.push(`${naam} toegevoegd: ${label(item)}`);
    for (const [key, item] of a) if (!b.has(key)) uit.push(`${naam} verwijderd: ${label(item)}`);
    for (const [key, item] of b) {
      const was = a.get(key);
      if (!was) continue;
      const velden = [...new Set([...Object.keys(was), ...Object.keys(item)])].filter((v) => v !== 'id' && JSON.stringify(was[v]) !== JSON.stringify(item[v]));
      for (const veld of velden) uit.push(`${naam} "${label(was)}": ${VELD_NAMEN[veld] ?? veld} van ${toon(veld, was[veld])} naar ${toon(veld, item[veld])}`);
    }
  }
  return uit;
}

/** A region's settings of the plan. */
export interface PlanInstellingen {
  /** Exit criterion of directe veiligheid: days without violence. */
  readonly dagenZonderGeweld: number;
  /** Check moments after a handover or under voorwaarden en vervolg, in months. */
  readonly controleMaanden: readonly number[];
}

export const DEFAULT_PLAN_INSTELLINGEN: PlanInstellingen = { dagenZonderGeweld: DEFAULT_DAGEN_ZONDER_GEWELD, controleMaanden: [3, 12] };

export const planInstellingenSchema = z
  .object({
    dagenZonderGeweld: z.number().int().min(0, 'minimaal 0 dagen').max(730, 'maximaal 730 dagen'),
    controleMaanden: z
      .array(z.number().int().min(1, 'minimaal 1 maand').max(36, 'maximaal 36 maanden'))
      .min(1, 'ten minste één controlemoment')
      .max(6, 'ten hoogste 6 controlemomenten')
      .refine((m) => new Set(m).size === m.length, 'elk controlemoment één keer'),
  })
  .strict();
