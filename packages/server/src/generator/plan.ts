/**
 * Synthetic active dossiers: the history of a household's veiligheidsplan from the accepted handover
 * until now — its versions (content, phase, author, time), the TOP-3 sessions with who took part and what
 * each named, and how the household fares. Pure and deterministic: the same input gives the same history.
 *
 * The rules are the domain's, so every history is one the server could have written: each version's
 * content is valid under `planInhoudSchema`; a phase moves forward only when `faseOordeel` allows it
 * without approval (no violence for the region's number of days, counted from the latest melding or
 * incident); a TOP-3 session's choice passes `keuzeProbleem`, usually the proposal of `stelTop3Voor`, and
 * its matters become the goals (doelen) of that phase in the shape `zetDoelen` writes
 * (packages/server/src/repositories/top3.ts, plan.ts).
 *
 * How households fare (plausible shares, not official figures): most improve — scores rise from session to
 * session and the plan moves to stabiele and later duurzame veiligheid; some go up and down (an incident,
 * a step back); some stay stuck in directe veiligheid with incidents and scores that do not rise.
 * Ids (matters, sessions, participants) are UUIDs drawn from the seed, so the history can be written as is.
 */
import {
  amsterdamDate,
  DEFAULT_DAGEN_ZONDER_GEWELD,
  FASE_NAMEN,
  FASEN,
  faseIndex,
  faseOordeel,
  isWerkdag,
  keuzeProbleem,
  laatsteGeweld,
  LEEG_PLAN,
  onderwerpSleutel,
  SCORE_MAX,
  SCORE_MIN,
  stelTop3Voor,
  type Afspraak,
  type DeelnemerSoort,
  type Fase,
  type Netwerklid,
  type PersoonRol,
  type PlanInhoud,
  type Voorwaarde,
} from '@samenveilig/domain';
import { isoDate, weekday } from './calendar.js';
import type { Categorie } from './categories.js';
import {
  AFSPRAKEN,
  CONTROLE_TOELICHTINGEN,
  INCIDENTEN,
  KEUZE_TOELICHTINGEN,
  NETWERK_RELATIES,
  NETWERK_ROLLEN,
  REVIEW_TOELICHTINGEN,
  SAMENVATTING_AANLEIDING,
  SAMENVATTING_DOEL,
  SAMENVATTING_NU,
  TOP3_ONDERWERPEN,
  VOORWAARDEN,
  type AfspraakTekst,
  type Thema,
  type Top3OnderwerpTekst,
} from './lists/plan.js';
import { givenNames, surname } from './names.js';
import { Rng, Weighted } from './rng.js';

const DAY = 86_400_000;
const MINUTE = 60_000;
const SALT_PLAN = 0x706c616e;
const SALT_CONTROLE = 0x636f6e74;

/** A member of the household as the dossier knows them. */
export interface DossierLid {
  readonly personId: string;
  /** The name as the dossier shows it (roepnaam, tussenvoegsel, achternaam): a TOP-3 participant's name. */
  readonly naam: string;
  /** What the person is called: plans use first names. */
  readonly roepnaam: string;
  readonly geslacht: 'man' | 'vrouw' | 'anders' | 'onbekend';
  /** Age in years now; null when unknown. */
  readonly leeftijd: number | null;
  /** Role in the latest melding, if named there. */
  readonly rol: PersoonRol | null;
}

/** A professional who writes the plan or takes part in TOP-3 sessions. */
export interface DossierProfessional {
  readonly userId: string;
  readonly naam: string;
  /** Takes part from this moment (a procesregisseur joins later); default: from the start. */
  readonly vanaf?: Date;
}

export interface DossierInvoer {
  readonly seed: number;
  /** Distinguishes the households of one seed (each has its own stream). */
  readonly sleutel: number;
  /** The category of violence of the latest melding. */
  readonly categorie: Categorie;
  readonly leden: readonly DossierLid[];
  /** The accepted handover: the plan starts (version 1). */
  readonly start: Date;
  /** The latest melding about the household (at or before `start`). */
  readonly laatsteMelding: Date;
  readonly now: Date;
  readonly casusregisseur: DossierProfessional;
  /** Other professionals at the table (a procesregisseur). */
  readonly anderen?: readonly DossierProfessional[];
  /** How many voorwaarden Veilig Thuis set at the handover (0-2): the plan's first content. */
  readonly vtVoorwaarden?: number;
  /** A complex case (multidisciplinary, with procesregie): progress is slower and less certain. */
  readonly complex?: boolean;
  /** The region's exit criterion of directe veiligheid. */
  readonly dagenZonderGeweld?: number;
}

export type Koers = 'verbetert' | 'wisselend' | 'stagneert';

export interface GegenereerdeVersie {
  readonly op: Date;
  readonly auteurId: string;
  readonly fase: Fase;
  readonly inhoud: PlanInhoud;
  readonly toelichting: string;
}

export interface GegenereerdeDeelnemer {
  readonly id: string;
  readonly soort: DeelnemerSoort;
  readonly naam: string;
  readonly personId: string | null;
  readonly userId: string | null;
}

export interface GegenereerdeInbreng {
  readonly deelnemerId: string;
  readonly onderwerpId: string;
  readonly score: number;
  readonly reden: string;
  readonly volgorde: number;
}

export interface GegenereerdeSessie {
  readonly id: string;
  readonly fase: Fase;
  readonly gehoudenOp: Date;
  readonly vastgesteldOp: Date;
  /** Who started and confirmed it (the casusregisseur). */
  readonly door: string;
  /** The session's version after every entry and the confirmation (as the server counts). */
  readonly versie: number;
  readonly deelnemers: readonly GegenereerdeDeelnemer[];
  readonly inbreng: readonly GegenereerdeInbreng[];
  /** The chosen matters (onderwerp ids), in order. */
  readonly gekozen: readonly string[];
  readonly voorstelGevolgd: boolean;
}

export interface GegenereerdDossier {
  readonly koers: Koers;
  /** The voorwaarden Veilig Thuis set: `startPlan` writes them as version 1. */
  readonly startVoorwaarden: readonly string[];
  /** Version 1 as `startPlan` writes it. */
  readonly startInhoud: PlanInhoud;
  /** Versions 2, 3, ... in order. */
  readonly versies: readonly GegenereerdeVersie[];
  readonly onderwerpen: readonly { readonly id: string; readonly tekst: string; readonly sleutel: string }[];
  readonly sessies: readonly GegenereerdeSessie[];
  /** The plan now. */
  readonly fase: Fase;
  readonly faseSinds: Date;
  readonly inhoud: PlanInhoud;
}

// ---------------------------------------------------------------------------------------------
// Shares

const KOERS = Weighted.of<Koers>([
  ['verbetert', 65],
  ['wisselend', 22],
  ['stagneert', 13],
]);
const KOERS_COMPLEX = Weighted.of<Koers>([
  ['verbetert', 30],
  ['wisselend', 40],
  ['stagneert', 30],
]);
/** What happens to an afspraak at the first review after its date, per course: nagekomen, niet-nagekomen, else the date moves. */
const NAKOMEN: Readonly<Record<Koers, readonly [number, number]>> = { verbetert: [0.84, 0.08], wisselend: [0.7, 0.16], stagneert: [0.5, 0.3] };
/** Days between reviews of the plan, per phase. */
const REVIEW_DAGEN: Readonly<Record<Fase, readonly [number, number]>> = {
  'directe-veiligheid': [21, 42],
  'stabiele-veiligheid': [35, 56],
  'duurzame-veiligheid': [49, 84],
};
/** Days from an afspraak's making to its date, per phase. */
const AFSPRAAK_DAGEN: Readonly<Record<Fase, readonly [number, number]>> = {
  'directe-veiligheid': [5, 35],
  'stabiele-veiligheid': [21, 90],
  'duurzame-veiligheid': [30, 120],
};
const MAX_AFSPRAKEN = 6;
const MAX_SESSIES = 3;

/** The theme of the texts for a household's category (the rarer categories use the theme that fits the household). */
function themaVan(categorie: Categorie, kinderen: boolean): Thema {
  if (categorie === 'pg' || categorie === 'sg') return 'pg';
  if (categorie === 'km' || categorie === 'oudm' || categorie === 'om') return categorie;
  return kinderen ? 'km' : 'pg';
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** A version-4 UUID from the stream. */
export function uuidFrom(rng: Rng): string {
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  const a = hex(rng.u32());
  const b = hex(rng.u32());
  const c = hex(rng.u32());
  const d = hex(rng.u32());
  const variant = ((parseInt(c[0]!, 16) & 3) | 8).toString(16);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
}

/**
 * A moment in office hours (08:00-16:00 UTC, so 09:00-17:00 in Amsterdam in winter) on a working day, at or
 * after `ms`: professionals write plans and hold sessions at work.
 */
export function werkmoment(rng: Rng, ms: number): number {
  let day = Math.floor(ms / DAY);
  const minute = 8 * 60 + rng.int(8 * 60);
  for (;;) {
    const candidate = day * DAY + minute * MINUTE;
    if (weekday(day) < 5 && isWerkdag(isoDate(day)) && candidate >= ms) return candidate;
    day++;
  }
}

const days = (rng: Rng, [min, max]: readonly [number, number]) => rng.range(min, max) * DAY;

/** The template with its placeholders filled, or undefined when one of them has no value. */
function vul(template: string, vars: Readonly<Record<string, string | undefined>>): string | undefined {
  let missing = false;
  const out = template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = vars[k];
    if (v === undefined) missing = true;
    return v ?? '';
  });
  return missing ? undefined : out.charAt(0).toUpperCase() + out.slice(1);
}

/** "Sem", "Sem en Lotte", "Sem, Lotte en Noor". */
function opsomming(namen: readonly string[]): string | undefined {
  if (namen.length === 0) return undefined;
  if (namen.length === 1) return namen[0];
  return `${namen.slice(0, -1).join(', ')} en ${namen.at(-1)}`;
}

/** Picks up to n distinct items in random order. */
function sample<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(rng.int(pool.length), 1)[0]!);
  return out;
}

const clone = (p: PlanInhoud): PlanInhoud => JSON.parse(JSON.stringify(p)) as PlanInhoud;

/** The id of a goal from a TOP-3 matter, as the server makes it (repositories/top3.ts). */
export const doelId = (fase: Fase, onderwerpId: string) => `top3-${FASEN.indexOf(fase) + 1}-${onderwerpId.replace(/-/g, '')}`;

/** The toelichting of the plan version a confirmed TOP-3 writes, as the server words it (repositories/top3.ts). */
export const top3Toelichting = (gehoudenOp: Date, gevolgd: boolean, extra?: string) =>
  `TOP-3 van ${amsterdamDate(gehoudenOp)} vastgesteld (${gevolgd ? 'voorstel gevolgd' : 'voorstel gewijzigd'})${extra ? `: ${extra}` : ''}`;

// ---------------------------------------------------------------------------------------------
// The household's people, in the texts

interface Mensen {
  volwassenen: DossierLid[];
  kinderen: DossierLid[];
  pleger: DossierLid | undefined;
  slachtoffer: DossierLid | undefined;
}

function mensen(leden: readonly DossierLid[]): Mensen {
  const volwassen = (l: DossierLid) => (l.leeftijd === null ? l.rol !== 'kind' : l.leeftijd >= 18);
  const volwassenen = leden.filter(volwassen);
  const kinderen = leden.filter((l) => !volwassen(l)).sort((a, b) => (b.leeftijd ?? 0) - (a.leeftijd ?? 0));
  const pleger = leden.find((l) => l.rol === 'pleger');
  const slachtoffer = volwassenen.find((l) => l.rol === 'slachtoffer' && l !== pleger);
  return { volwassenen, kinderen, pleger, slachtoffer };
}

function variabelen(m: Mensen, netwerk: string | undefined): Record<string, string | undefined> {
  const ouder = m.volwassenen.find((l) => l !== m.pleger && l !== m.slachtoffer);
  const schoolkind = m.kinderen.find((k) => k.leeftijd !== null && k.leeftijd >= 4) ?? m.kinderen[0];
  return {
    pleger: m.pleger?.roepnaam,
    slachtoffer: m.slachtoffer?.roepnaam,
    ouder: ouder?.roepnaam,
    ouders: opsomming(m.volwassenen.slice(0, 2).map((l) => l.roepnaam)),
    kind: schoolkind?.roepnaam,
    kinderen: opsomming(m.kinderen.slice(0, 3).map((l) => l.roepnaam)),
    netwerk,
  };
}

// ---------------------------------------------------------------------------------------------
// The network

interface NetwerkMens extends Netwerklid {
  /** In a sentence: "Oma Ans". */
  readonly label: string;
}

function maakNetwerk(rng: Rng, thema: Thema, nowYear: number): NetwerkMens[] {
  const n = Weighted.of<number>([
    [1, 30],
    [2, 40],
    [3, 20],
    [4, 10],
  ]).pick(rng);
  const relaties = sample(
    rng,
    NETWERK_RELATIES.filter((r) => r.themas.includes(thema)),
    n,
  );
  return relaties.map((r, i) => {
    const geboren = nowYear - rng.range(r.leeftijd[0], r.leeftijd[1]);
    const g = givenNames(rng, 'nl', r.geslacht, geboren);
    const voornaam = g.roepnaam ?? g.voornamen.split(' ')[0]!;
    const s = surname(rng, 'nl');
    const lid: NetwerkMens = {
      id: `n${i + 1}`,
      naam: [voornaam, s.tussenvoegsel, s.achternaam].filter(Boolean).join(' '),
      relatie: r.relatie,
      rol: '',
      label: `${r.kort} ${voornaam}`,
      ...(rng.chance(0.6) ? { telefoon: `06-${rng.range(10_000_000, 65_999_999)}` } : {}),
    };
    return lid;
  });
}

// ---------------------------------------------------------------------------------------------
// The generator

/** The history of one household's plan from the handover until `now`. */
export function genereerDossier(inv: DossierInvoer): GegenereerdDossier {
  const rng = Rng.from(inv.seed, SALT_PLAN, inv.sleutel);
  const nowMs = inv.now.getTime();
  const startMs = inv.start.getTime();
  const dagenZonderGeweld = inv.dagenZonderGeweld ?? DEFAULT_DAGEN_ZONDER_GEWELD;
  const regisseur = inv.casusregisseur.userId;
  const m = mensen(inv.leden);
  const thema = themaVan(inv.categorie, m.kinderen.length > 0);
  const koers = (inv.complex ? KOERS_COMPLEX : KOERS).pick(rng);
  const netwerkMensen = maakNetwerk(rng, thema, inv.now.getUTCFullYear());
  const vars = variabelen(m, netwerkMensen[0]?.label);
  const netwerk: Netwerklid[] = netwerkMensen.map(({ label: _label, ...n }, i) => ({
    ...n,
    rol: vul(NETWERK_ROLLEN[thema][(i + rng.int(3)) % NETWERK_ROLLEN[thema].length]!, vars) ?? 'Aanspreekpunt als het thuis misgaat.',
  }));

  // Voorwaarden: those of Veilig Thuis first (version 1), then the casusregisseur's; 1-4 in all.
  const voorwaardeTeksten = sample(
    rng,
    VOORWAARDEN.filter((v) => v.themas.includes(thema) && vul(v.tekst, vars) && vul(v.eigenaar, vars) && vul(v.gevolg, vars)),
    4,
  );
  const vt = Math.min(inv.vtVoorwaarden ?? 0, 2, voorwaardeTeksten.length);
  const totaal = Math.max(vt, Math.min(voorwaardeTeksten.length, Weighted.of<number>([[1, 15], [2, 40], [3, 30], [4, 15]]).pick(rng)), 1);
  const startVoorwaarden = voorwaardeTeksten.slice(0, vt).map((v) => vul(v.tekst, vars)!);
  const startInhoud: PlanInhoud = {
    ...LEEG_PLAN,
    voorwaarden: startVoorwaarden.map((tekst, i) => ({ id: `vt-${i + 1}`, tekst, eigenaar: 'Veilig Thuis', status: 'open' as const })),
  };
  const voorwaarden: Voorwaarde[] = [
    ...voorwaardeTeksten.slice(0, vt).map((v, i) => ({ id: `vt-${i + 1}`, tekst: vul(v.tekst, vars)!, eigenaar: 'Veilig Thuis', status: 'open' as const, gevolg: vul(v.gevolg, vars)! })),
    ...voorwaardeTeksten.slice(vt, totaal).map((v, i) => ({ id: `v${i + 1}`, tekst: vul(v.tekst, vars)!, eigenaar: vul(v.eigenaar, vars)!, status: 'open' as const, gevolg: vul(v.gevolg, vars)! })),
  ];
  if (voorwaarden.length === 0) {
    voorwaarden.push({ id: 'v1', tekst: 'Er wordt in huis niet geslagen, geduwd of gedreigd.', eigenaar: 'Alle volwassenen in huis', status: 'open', gevolg: 'Bij geweld wordt Veilig Thuis dezelfde dag ingeschakeld.' });
  }

  // The state of the plan, and its versions.
  let fase: Fase = 'directe-veiligheid';
  let faseSinds = startMs;
  const inhoud: PlanInhoud = clone(startInhoud);
  const versies: GegenereerdeVersie[] = [];
  let laatsteOp = startMs;
  /** The moment of a new version: at or after `ms`, after the previous one; null past now. */
  const moment = (ms: number) => {
    const op = Math.max(ms, laatsteOp + rng.range(1, 20) * MINUTE);
    return op > nowMs ? null : op;
  };
  const schrijf = (op: number, toelichting: string) => {
    versies.push({ op: new Date(op), auteurId: regisseur, fase, inhoud: clone(inhoud), toelichting });
    laatsteOp = op;
  };

  // Afspraken: made per phase from the texts that fit the household, each text used once.
  const bruikbaar = [...AFSPRAKEN, ...Object.values(GENERIEK)].filter((a) => a.themas.includes(thema) && vul(a.wie, vars) && vul(a.wat, vars) && vul(a.gevolg, vars));
  const gebruikt = new Set<AfspraakTekst>();
  const bewijsVan = new Map<string, string>();
  let afspraakNr = 0;
  const nieuweAfspraak = (f: Fase, opMs: number): Afspraak | undefined => {
    const keuze = bruikbaar.filter((a) => a.fase === f && !gebruikt.has(a));
    // The generic text of the phase only when nothing specific is left.
    const specifiek = keuze.filter((a) => a !== GENERIEK[f]);
    const tekst = specifiek.length > 0 ? rng.pick(specifiek) : keuze[0];
    if (!tekst) return undefined;
    gebruikt.add(tekst);
    const a: Afspraak = {
      id: `a${++afspraakNr}`,
      wie: vul(tekst.wie, vars)!,
      wat: vul(tekst.wat, vars)!,
      wanneer: amsterdamDate(new Date(opMs + days(rng, AFSPRAAK_DAGEN[f]))),
      status: 'open',
      gevolg: vul(tekst.gevolg, vars)!,
    };
    if (rng.chance(0.35) && inhoud.voorwaarden.length > 0) a.voorwaardeId = rng.pick(inhoud.voorwaarden).id;
    const bewijs = tekst.bewijs ? vul(tekst.bewijs, vars) : undefined;
    if (bewijs) bewijsVan.set(a.id, bewijs);
    return a;
  };
  /** Adds afspraken of the phase, never beyond the maximum, and at least two in the plan. */
  const voegAfsprakenToe = (f: Fase, n: number, opMs: number) => {
    for (let i = 0; i < n && inhoud.afspraken.length < MAX_AFSPRAKEN; i++) {
      const a = nieuweAfspraak(f, opMs);
      if (a) inhoud.afspraken.push(a);
    }
    while (inhoud.afspraken.length < 2) inhoud.afspraken.push(extraAfspraak(++afspraakNr, opMs, rng));
  };

  // Incidents ahead, by course: when it happened, and when the casusregisseur records it.
  const incidentDagen: number[] = [];
  if (koers === 'verbetert' && rng.chance(0.15)) incidentDagen.push(startMs + days(rng, [10, 60]));
  if (koers === 'wisselend') {
    incidentDagen.push(startMs + days(rng, [40, 200]));
    if (rng.chance(0.4)) incidentDagen.push(incidentDagen[0]! + days(rng, [60, 200]));
  }
  if (koers === 'stagneert') for (let t = startMs + days(rng, [20, 90]); t < nowMs; t += days(rng, [60, 160])) incidentDagen.push(t);
  const incidenten = incidentDagen.map((ms) => ({ datum: amsterdamDate(new Date(ms)), op: werkmoment(rng, ms + rng.int(3) * DAY) }));
  const incidentTeksten = INCIDENTEN.filter((i) => i.themas.includes(thema) && vul(i.omschrijving, vars));
  const geweldMomenten: number[] = [];

  // The course of safety: the level around which scores lie (1 unsafe - 6 safe).
  const basis = koers === 'stagneert' ? 2.1 + rng.float() * 0.6 : 1.6 + rng.float() * 0.5;
  const veiligheid = (tMs: number) => {
    const d = (tMs - startMs) / DAY;
    let v = koers === 'verbetert' ? basis + 3.4 * (1 - Math.exp(-d / 180)) : koers === 'wisselend' ? basis + 2.6 * (1 - Math.exp(-d / 260)) : basis + 0.3 * Math.sin(d / 40);
    for (const i of geweldMomenten) if (i <= tMs) v -= 1.6 * Math.exp(-(tMs - i) / (50 * DAY));
    return v;
  };

  const sessies: GegenereerdeSessie[] = [];
  const onderwerpen = new Map<string, { id: string; tekst: string; sleutel: string }>();
  const onderwerpOffset = new Map<string, number>();
  const faseOnderwerpen = new Map<Fase, Top3OnderwerpTekst[]>();
  let vorigeKeuze: string[] = [];

  /** A TOP-3 session at `tMs` in the current phase, confirmed the same day; false when it could not be confirmed before now. */
  const houdSessie = (tMs: number): boolean => {
    const lijst =
      faseOnderwerpen.get(fase) ??
      sample(
        rng,
        TOP3_ONDERWERPEN.filter((o) => o.fase === fase && o.themas.includes(thema)),
        4,
      );
    faseOnderwerpen.set(fase, lijst);
    const vorige = vorigeKeuze.map((id) => [...onderwerpen.values()].find((o) => o.id === id)!).filter(() => rng.chance(0.5));
    const pool: Top3OnderwerpTekst[] = [...lijst, ...vorige.map((o) => TOP3_ONDERWERPEN.find((t) => t.tekst === o.tekst)!).filter((o) => !lijst.includes(o))];
    if (pool.length === 0) return false;
    const kies = Weighted.zipf(pool, 0.9, 1);
    const voorKinderen = pool.filter((o) => o.kinderen);

    // Who takes part.
    const wie: { soort: DeelnemerSoort; naam: string; personId: string | null; userId: string | null; offset: number }[] = [];
    const prof = (p: DossierProfessional) => wie.push({ soort: 'professional', naam: p.naam, personId: null, userId: p.userId, offset: -0.2 });
    prof(inv.casusregisseur);
    for (const p of inv.anderen ?? []) if (!p.vanaf || p.vanaf.getTime() <= tMs) prof(p);
    const lid = (l: DossierLid, offset: number) =>
      wie.push({ soort: l.leeftijd !== null && l.leeftijd < 18 ? 'kind' : 'gezinslid', naam: l.naam, personId: l.personId, userId: null, offset });
    for (const l of inv.leden) {
      const isKind = !m.volwassenen.includes(l);
      // Children from 8 take part, when a matter on the table concerns them.
      if (isKind && (l.leeftijd === null || l.leeftijd < 8 || voorKinderen.length === 0)) continue;
      const kans = l === m.slachtoffer ? 0.9 : l === m.pleger ? 0.65 : isKind ? 0.55 : 0.6;
      if (rng.chance(kans)) lid(l, l === m.pleger ? 0.8 : l === m.slachtoffer ? -0.4 : isKind ? -0.3 : 0);
    }
    for (const n of netwerk) if (wie.length < 7 && rng.chance(0.35)) wie.push({ soort: 'netwerk', naam: n.naam, personId: null, userId: null, offset: 0.1 });
    if (wie.length < 3) {
      const extra = inv.leden.find((l) => m.volwassenen.includes(l) && !wie.some((w) => w.personId === l.personId));
      if (extra) lid(extra, extra === m.pleger ? 0.8 : 0);
      else if (netwerk[0]) wie.push({ soort: 'netwerk', naam: netwerk[0].naam, personId: null, userId: null, offset: 0.1 });
    }

    // What each names, with a score and a reason.
    const v = veiligheid(tMs);
    const nieuw = new Map<string, { id: string; tekst: string; sleutel: string }>();
    const deelnemers: GegenereerdeDeelnemer[] = [];
    const inbreng: GegenereerdeInbreng[] = [];
    let volgorde = 0;
    for (const w of wie) {
      const d: GegenereerdeDeelnemer = { id: uuidFrom(rng), soort: w.soort, naam: w.naam, personId: w.personId, userId: w.userId };
      deelnemers.push(d);
      // Children name what concerns them; the others choose from all matters on the table.
      const uit = w.soort === 'kind' ? voorKinderen : pool;
      const kiesUit = uit === pool ? kies : Weighted.zipf(uit, 0.9, 1);
      const n = Math.min(uit.length, w.soort === 'professional' ? 3 : w.soort === 'kind' ? rng.range(1, 2) : rng.range(2, 3));
      const gekozen = new Set<number>();
      for (let i = 0; i < n * 4 && gekozen.size < n; i++) gekozen.add(kiesUit.index(rng));
      for (const idx of gekozen) {
        const o = uit[idx]!;
        const sleutel = onderwerpSleutel(o.tekst);
        let ow = onderwerpen.get(sleutel) ?? nieuw.get(sleutel);
        if (!ow) {
          ow = { id: uuidFrom(rng), tekst: o.tekst, sleutel };
          nieuw.set(sleutel, ow);
        }
        if (!onderwerpOffset.has(sleutel)) onderwerpOffset.set(sleutel, (rng.float() - 0.5) * 1.4);
        const score = Math.min(SCORE_MAX, Math.max(SCORE_MIN, Math.round(v + onderwerpOffset.get(sleutel)! + w.offset + rng.normal() * 0.5)));
        const band = score <= 2 ? 0 : score <= 4 ? 1 : 2;
        inbreng.push({ deelnemerId: d.id, onderwerpId: ow.id, score, reden: rng.pick(o.redenen[band]), volgorde: ++volgorde });
      }
    }

    // The proposal, and what the participants choose.
    const tekstVan = new Map([...onderwerpen.values(), ...nieuw.values()].map((o) => [o.id, o.tekst]));
    const voorstel = stelTop3Voor(inbreng.map((i) => ({ onderwerp: i.onderwerpId, tekst: tekstVan.get(i.onderwerpId)!, score: i.score, deelnemer: i.deelnemerId, volgorde: i.volgorde }))).map(
      (p) => p.onderwerp,
    );
    if (voorstel.length === 0) return false; // everyone scored everything safe: nothing to choose
    const laagste = new Map<string, number>();
    for (const i of inbreng) laagste.set(i.onderwerpId, Math.min(laagste.get(i.onderwerpId) ?? SCORE_MAX, i.score));
    const kiesbaar = [...laagste].filter(([, s]) => s < SCORE_MAX).map(([id]) => id);
    let gekozen = voorstel;
    const anders = kiesbaar.filter((id) => !voorstel.includes(id));
    const gevolgd = anders.length === 0 || !rng.chance(0.15);
    if (!gevolgd) gekozen = [...voorstel.slice(0, -1), rng.pick(anders)];
    const probleem = keuzeProbleem(gekozen, new Set(kiesbaar));
    if (probleem) throw new Error(`generator: TOP-3 choice breaks the rule: ${probleem}`);

    const gehoudenOp = tMs;
    const op = moment(tMs + rng.range(60, 120) * MINUTE);
    if (op === null) return false;
    const id = uuidFrom(rng);
    for (const [k, o] of nieuw) onderwerpen.set(k, o);
    inhoud.doelen = [
      ...inhoud.doelen.filter((d) => d.fase !== fase),
      ...gekozen.map((oid) => ({ id: doelId(fase, oid), tekst: tekstVan.get(oid)!, onderwerpId: oid, sessieId: id, fase })),
    ];
    schrijf(op, top3Toelichting(new Date(gehoudenOp), gevolgd, gevolgd ? undefined : rng.pick(KEUZE_TOELICHTINGEN)));
    sessies.push({ id, fase, gehoudenOp: new Date(gehoudenOp), vastgesteldOp: new Date(op), door: regisseur, versie: deelnemers.length + 2, deelnemers, inbreng, gekozen, voorstelGevolgd: gevolgd });
    vorigeKeuze = gekozen;
    return true;
  };

  // Version 2: the casusregisseur writes the plan with the household and its network.
  const opgesteld = moment(werkmoment(rng, startMs + days(rng, [1, 6])));
  if (opgesteld !== null) {
    inhoud.samenvatting = [
      vul(rng.pick(SAMENVATTING_AANLEIDING[thema]), vars) ?? 'Veilig Thuis heeft de zorg over de veiligheid in dit gezin overgedragen.',
      rng.pick(SAMENVATTING_NU.map((s) => vul(s, vars)).filter((s): s is string => s !== undefined)),
      rng.pick(SAMENVATTING_DOEL),
    ].join(' ');
    inhoud.voorwaarden = voorwaarden;
    inhoud.netwerk = netwerk;
    voegAfsprakenToe('directe-veiligheid', rng.range(2, 4), opgesteld);
    schrijf(opgesteld, 'Plan opgesteld met het gezin en het netwerk');

    const geenTop3 = rng.chance(0.08);
    const maxFase = koers === 'stagneert' ? 0 : 2;
    let volgendeSessie = geenTop3 ? Infinity : werkmoment(rng, opgesteld + days(rng, [7, 28]));
    let volgendeReview = werkmoment(rng, opgesteld + days(rng, REVIEW_DAGEN[fase]));
    let incidentNr = 0;
    const nogEenSessie = (vanaf: number, [min, max]: readonly [number, number]) => {
      if (sessies.length < MAX_SESSIES && !geenTop3) volgendeSessie = Math.min(volgendeSessie, werkmoment(rng, vanaf + days(rng, [min, max])));
    };

    for (;;) {
      const volgendIncident = incidenten[incidentNr]?.op ?? Infinity;
      const t = Math.min(volgendeReview, volgendeSessie, volgendIncident);
      if (t > nowMs) break;

      if (t === volgendIncident) {
        // An incident: recorded in the plan, it counts for the exit criterion; the plan goes back to directe veiligheid.
        const { datum } = incidenten[incidentNr++]!;
        const op = moment(t);
        if (op === null) break;
        geweldMomenten.push(Date.parse(`${datum}T12:00:00Z`));
        const omschrijving = incidentTeksten.length > 0 ? vul(rng.pick(incidentTeksten).omschrijving, vars)! : 'Er was opnieuw geweld in huis; het gezin heeft het zelf verteld.';
        inhoud.incidenten.push({ id: `i${incidentNr}`, datum, omschrijving });
        voegAfsprakenToe('directe-veiligheid', 1, op);
        schrijf(op, 'Incident vastgelegd en afspraken aangescherpt');
        if (fase !== 'directe-veiligheid') {
          const terug = moment(op + rng.range(5, 30) * MINUTE);
          if (terug === null) break;
          fase = 'directe-veiligheid';
          faseSinds = terug;
          schrijf(terug, 'Terug naar directe veiligheid na een nieuw incident');
        }
        nogEenSessie(op, [7, 21]);
        continue;
      }

      if (t === volgendeSessie) {
        houdSessie(t);
        volgendeSessie = Infinity;
        // Where it does not go well, the table meets again in the same phase.
        if (koers !== 'verbetert' && rng.chance(0.6)) nogEenSessie(t, [100, 160]);
        continue;
      }

      // A review: afspraken past their date are settled; the phase moves on when the criterion allows it.
      const vandaag = amsterdamDate(new Date(t));
      let gewijzigd = false;
      const [nagekomen, niet] = NAKOMEN[koers];
      for (const a of inhoud.afspraken) {
        if (a.status !== 'open' || a.wanneer >= vandaag) continue;
        gewijzigd = true;
        const r = rng.float();
        if (r < nagekomen) {
          a.status = 'nagekomen';
          const bewijs = bewijsVan.get(a.id);
          if (bewijs) a.bewijs = bewijs;
        } else if (r < nagekomen + niet) a.status = 'niet-nagekomen';
        else a.wanneer = amsterdamDate(new Date(t + days(rng, [14, 28])));
      }
      const volgende: Fase | undefined = FASEN[faseIndex(fase) + 1];
      const verder =
        volgende !== undefined &&
        faseIndex(volgende) <= maxFase &&
        t - faseSinds >= (fase === 'directe-veiligheid' ? 30 : 100) * DAY &&
        faseOordeel(fase, volgende, { laatsteGeweld: laatsteGeweld([inv.laatsteMelding], inhoud.incidenten), planGestart: inv.start, now: new Date(t), dagenZonderGeweld }).soort ===
          'toegestaan' &&
        rng.chance(0.75);
      const openToekomst = inhoud.afspraken.filter((a) => a.status === 'open' && a.wanneer >= vandaag).length;
      if (!verder && openToekomst < 2 && inhoud.afspraken.length < MAX_AFSPRAKEN && rng.chance(0.7)) {
        const n = inhoud.afspraken.length;
        voegAfsprakenToe(fase, 1, t);
        gewijzigd ||= inhoud.afspraken.length > n;
      }
      let op: number | null = t;
      if (gewijzigd) {
        op = moment(t);
        if (op === null) break;
        schrijf(op, rng.pick(REVIEW_TOELICHTINGEN));
      }
      if (verder) {
        const faseOp = moment(op + rng.range(5, 30) * MINUTE);
        if (faseOp === null) break;
        fase = volgende;
        faseSinds = faseOp;
        schrijf(faseOp, 'Criterium gehaald');
        // The new phase's afspraken replace the settled ones of the phase before.
        const nieuwOp = moment(faseOp + rng.range(10, 40) * MINUTE);
        if (nieuwOp === null) break;
        inhoud.afspraken = inhoud.afspraken.filter((a) => a.status === 'open');
        voegAfsprakenToe(fase, rng.range(2, 3), nieuwOp);
        schrijf(nieuwOp, `Afspraken voor de fase ${FASE_NAMEN[fase].toLowerCase()}`);
        nogEenSessie(nieuwOp, [7, 21]);
      }
      volgendeReview = werkmoment(rng, t + days(rng, REVIEW_DAGEN[fase]));
    }
  }

  return {
    koers,
    startVoorwaarden,
    startInhoud,
    versies,
    onderwerpen: [...onderwerpen.values()],
    sessies,
    fase,
    faseSinds: new Date(faseSinds),
    inhoud: versies.at(-1)?.inhoud ?? startInhoud,
  };
}

/** Afspraken that fit every household, for when no specific text fits. */
const GENERIEK: Readonly<Record<Fase, AfspraakTekst>> = {
  'directe-veiligheid': {
    fase: 'directe-veiligheid',
    wie: 'Casusregisseur',
    wat: 'Komt elke twee weken op huisbezoek en loopt de afspraken na met het gezin.',
    gevolg: 'Kan een huisbezoek niet doorgaan, dan volgt binnen een week een nieuwe afspraak.',
    themas: ['pg', 'km', 'oudm', 'om'],
  },
  'stabiele-veiligheid': {
    fase: 'stabiele-veiligheid',
    wie: 'Casusregisseur',
    wat: 'Zoekt met het gezin uit welke hulp nodig is voor de langere termijn en meldt die aan.',
    gevolg: 'Is er een wachtlijst, dan regelt de casusregisseur overbruggingshulp.',
    themas: ['pg', 'km', 'oudm', 'om'],
  },
  'duurzame-veiligheid': {
    fase: 'duurzame-veiligheid',
    wie: 'Casusregisseur',
    wat: 'Bespreekt met het gezin hoe het gaat zonder hulp en wie ze bellen als het weer spannend wordt.',
    gevolg: 'Gaat het minder goed, dan wordt de hulp niet afgeschaald.',
    themas: ['pg', 'km', 'oudm', 'om'],
  },
};

/** One more afspraak when the texts run out (a plan has at least two). */
function extraAfspraak(nr: number, opMs: number, rng: Rng): Afspraak {
  return {
    id: `a${nr}`,
    wie: 'Casusregisseur',
    wat: 'Belt het gezin elke week om te horen hoe het gaat.',
    wanneer: amsterdamDate(new Date(opMs + days(rng, [7, 21]))),
    status: 'open',
    gevolg: 'Is het gezin niet bereikbaar, dan gaat de casusregisseur langs.',
  };
}

/** The outcome Veilig Thuis records at a check moment, by how the household fares. */
export function controleUitkomst(seed: number, sleutel: number, maanden: number, koers: Koers): { uitkomst: 'veilig' | 'zorgen' | 'onveilig'; toelichting: string } {
  const rng = Rng.from(seed, SALT_CONTROLE, sleutel, maanden);
  const kansen: Readonly<Record<Koers, readonly [number, number, number]>> = { verbetert: [90, 10, 0], wisselend: [55, 35, 10], stagneert: [20, 55, 25] };
  const [veilig, zorgen, onveilig] = kansen[koers];
  const uitkomst = Weighted.of<'veilig' | 'zorgen' | 'onveilig'>([
    ['veilig', veilig],
    ['zorgen', zorgen],
    ['onveilig', onveilig],
  ]).pick(rng);
  return { uitkomst, toelichting: rng.pick(CONTROLE_TOELICHTINGEN[uitkomst]) };
}
