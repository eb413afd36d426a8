/**
 * The definitions of the monitoring and steering figures (issue 6), as pure functions over plain
 * records: what counts as an advies or a melding of a period, unique households and persons, first
 * melding / hermelding / vervolgmelding (CBS Beleidsinformatie Veilig Thuis), the melder groups,
 * timeliness of the veiligheidsbeoordeling and 12-month recidivism. docs/cijfers.md explains every
 * definition and decision; the server feeds these functions (or recounts against them in a test).
 */
import type { BesluitSoort } from '../beoordeling.js';
import { MELDER_SECTOREN, type ContactType, type MelderSector, type MelderType } from '../model.js';
import { GEWELDSVORMEN, geweldscategorie } from '../reference/index.js';
import { maandenNa, periodeToets, natermijnVerstreken, NAMETING_MAANDEN, type Periode } from './periode.js';

// ---------------------------------------------------------------------------------------------
// Input: plain records, as the server reads them

/** One contact (advies or melding) as the figures need it. */
export interface CijferContact {
  readonly id: string;
  /** What it is now (after any conversion). */
  readonly soort: ContactType;
  readonly ontvangenOp: Date;
  /**
   * When it became a melding (`contact.melding_op`): its receipt, or the conversion of an advies.
   * Kept when a decision later turned the melding into an advies. Defaults to `ontvangenOp` for a
   * melding, to "never" for an advies.
   */
  readonly meldingOp?: Date | null;
  /** Received as an advies and converted into a melding. */
  readonly omgezetVanAdvies?: boolean;
  /** CBS gemeentecode the contact was registered in (where the household lived at the time). */
  readonly gemeente: string;
  /** The household after radar linkage and merges (`samengevoegd_in` resolved); null when none. */
  readonly huishoudenId?: string | null;
  /** The person identities (`person_identiteit`) named in the contact, after radar linkage. */
  readonly persoonIds?: readonly string[];
  readonly melderType: MelderType;
  readonly melderSector?: MelderSector | null;
  /** Codes of the forms of violence (reference/geweldsvormen). */
  readonly geweldsvormen?: readonly string[];
  /** Withdrawn as an erroneous registration: it counts nowhere. */
  readonly ingetrokken?: boolean;
}

/** The veiligheidsbeoordeling of one melding. */
export interface CijferBeoordeling {
  readonly contactId: string;
  readonly deadlineWettelijk: Date;
  readonly deadlineRegionaal: Date;
  /** When the first decision was confirmed (four eyes); null while not assessed. */
  readonly beoordeeldOp: Date | null;
  /** The first confirmed decision. */
  readonly besluit: BesluitSoort | null;
  /** When Veilig Thuis closed its involvement (incl. its own monitoring); null while the casus runs. */
  readonly afgerondOp: Date | null;
}

/** Which contacts the figure is about: the period and, optionally, the gemeenten (none: all). */
export interface CijferFilter {
  readonly periode: Periode;
  readonly gemeenten?: readonly string[];
}

/** A share as numerator and denominator, so it can be summed, suppressed and shown. */
export interface Verhouding {
  readonly teller: number;
  readonly noemer: number;
}

/** The percentage of a share, null when the denominator is 0. */
export function percentage(v: Verhouding, decimalen = 1): number | null {
  if (v.noemer === 0) return null;
  const f = 10 ** decimalen;
  return Math.round((v.teller / v.noemer) * 100 * f) / f;
}

// ---------------------------------------------------------------------------------------------
// Adviezen and meldingen of a period

/** When the contact became a melding; null when it never was one. */
export function meldingMoment(c: CijferContact): Date | null {
  if (c.meldingOp) return c.meldingOp;
  return c.soort === 'melding' ? c.ontvangenOp : null;
}

/** Counts as a started advies (at `ontvangenOp`): an advies that never was a melding, or one converted into a melding. */
export function telAlsAdvies(c: CijferContact): boolean {
  if (c.ingetrokken) return false;
  return c.omgezetVanAdvies === true || (c.soort === 'advies' && meldingMoment(c) === null);
}

/** Counts as a received melding (at `meldingMoment`): every contact that was a melding at some point. */
export function telAlsMelding(c: CijferContact): boolean {
  return !c.ingetrokken && meldingMoment(c) !== null;
}

function inGebied(c: CijferContact, gemeenten: ReadonlySet<string> | null): boolean {
  return gemeenten === null || gemeenten.has(c.gemeente);
}

const gemeenteSet = (f: CijferFilter) => (f.gemeenten ? new Set(f.gemeenten) : null);

/** Started adviezen in the period (by receipt), in the gemeenten. */
export function adviezenIn(contacten: readonly CijferContact[], f: CijferFilter): CijferContact[] {
  const g = gemeenteSet(f);
  const inP = periodeToets(f.periode);
  return contacten.filter((c) => telAlsAdvies(c) && inGebied(c, g) && inP(c.ontvangenOp));
}

/** Received meldingen in the period (by the moment each became a melding), in the gemeenten. */
export function meldingenIn(contacten: readonly CijferContact[], f: CijferFilter): CijferContact[] {
  const g = gemeenteSet(f);
  const inP = periodeToets(f.periode);
  return contacten.filter((c) => telAlsMelding(c) && inGebied(c, g) && inP(meldingMoment(c)!));
}

/** The household a melding counts for: its household, or the melding itself when it has none. */
export function huishoudenSleutel(c: CijferContact): string {
  return c.huishoudenId ? `h:${c.huishoudenId}` : `c:${c.id}`;
}

/** Distinct households among these meldingen (a household with three meldingen counts once). */
export function uniekeHuishoudens(meldingen: readonly CijferContact[]): number {
  return new Set(meldingen.map(huishoudenSleutel)).size;
}

/** Distinct person identities named in these meldingen. */
export function uniekePersonen(meldingen: readonly CijferContact[]): number {
  const s = new Set<string>();
  for (const m of meldingen) for (const p of m.persoonIds ?? []) s.add(p);
  return s.size;
}

// ---------------------------------------------------------------------------------------------
// Melder groups (CBS: politie under justitie en veiligheid; beroepsmatig by sector; niet-beroepsmatig)

export type MelderGroep = 'politie' | `beroepskracht.${MelderSector}` | 'niet-beroepsmatig';

export const MELDER_GROEPEN: readonly MelderGroep[] = ['politie', ...MELDER_SECTOREN.map((s) => `beroepskracht.${s}` as const), 'niet-beroepsmatig'];

export const MELDER_SECTOR_NAMEN: Record<MelderSector, string> = {
  gezondheidszorg: 'Gezondheidszorg',
  ggz: 'GGZ',
  kinderopvang: 'Kinderopvang',
  onderwijs: 'Onderwijs',
  leerplicht: 'Leerplicht',
  jeugdzorg: 'Jeugdzorg',
  'justitie-en-veiligheid': 'Justitie en veiligheid (zonder politie)',
  'vt-andere-regio': 'Veilig Thuis in een andere regio',
  'andere-organisatie': 'Andere organisatie',
};

/** The melder group of a contact; a professional without a sector counts as "andere organisatie". */
export function melderGroep(c: Pick<CijferContact, 'melderType' | 'melderSector'>): MelderGroep {
  if (c.melderType === 'beroepskracht') return `beroepskracht.${c.melderSector ?? 'andere-organisatie'}`;
  return c.melderType;
}

export function melderGroepNaam(g: MelderGroep): string {
  if (g === 'politie') return 'Politie';
  if (g === 'niet-beroepsmatig') return 'Niet-beroepsmatig (burgers, betrokkenen zelf)';
  return `Beroepskracht: ${MELDER_SECTOR_NAMEN[g.slice('beroepskracht.'.length) as MelderSector]}`;
}

/** Meldingen per melder group (every group present, 0 when none). */
export function meldingenPerMelderGroep(meldingen: readonly CijferContact[]): Map<MelderGroep, number> {
  const out = new Map<MelderGroep, number>(MELDER_GROEPEN.map((g) => [g, 0]));
  for (const m of meldingen) {
    const g = melderGroep(m);
    out.set(g, out.get(g)! + 1);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Forms of violence (multi-response: one melding may name several categories)

/** The categories of violence (top level of reference/geweldsvormen), plus "onbekend". */
export const GEWELDSCATEGORIEEN: readonly string[] = [...GEWELDSVORMEN.filter((v) => v.categorie === null).map((v) => v.code), 'onbekend'];

const categorieCache = new Map<string, string>();
function categorieVan(code: string): string {
  let c = categorieCache.get(code);
  if (c === undefined) {
    c = geweldscategorie(code)?.code ?? 'onbekend';
    categorieCache.set(code, c);
  }
  return c;
}

/** The distinct categories a contact names; "onbekend" when it names none (or only unknown codes). */
export function geweldscategorieen(c: Pick<CijferContact, 'geweldsvormen'>): string[] {
  const s = new Set((c.geweldsvormen ?? []).map(categorieVan));
  if (s.size > 1) s.delete('onbekend');
  return s.size === 0 ? ['onbekend'] : [...s];
}

/** Meldingen naming each category (a melding counts once per category it names; the sum may exceed the meldingen). */
export function meldingenPerGeweldscategorie(meldingen: readonly CijferContact[]): Map<string, number> {
  const out = new Map<string, number>(GEWELDSCATEGORIEEN.map((c) => [c, 0]));
  for (const m of meldingen) for (const c of geweldscategorieen(m)) out.set(c, (out.get(c) ?? 0) + 1);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Earlier involvement: eerste melding, hermelding, vervolgmelding (CBS)

export const MELDING_SOORTEN = ['eerste-melding', 'hermelding', 'vervolgmelding'] as const;
export type MeldingSoort = (typeof MELDING_SOORTEN)[number];

export const MELDING_SOORT_NAMEN: Record<MeldingSoort, string> = {
  'eerste-melding': 'Eerste melding (niemand eerder in beeld)',
  hermelding: 'Hermelding (eerder in beeld in een afgesloten casus)',
  vervolgmelding: 'Vervolgmelding (bij een lopende casus)',
};

/** A melding with everything the figures derive from it. */
export interface Meldingfeit {
  readonly contact: CijferContact;
  /** When it became a melding. */
  readonly op: Date;
  readonly soort: MeldingSoort;
  readonly beoordeling: CijferBeoordeling | null;
}

/** The keys by which a melding is recognised: its household and each person identity. */
function sleutels(c: CijferContact): string[] {
  const k = (c.persoonIds ?? []).map((p) => `p:${p}`);
  if (c.huishoudenId) k.push(`h:${c.huishoudenId}`);
  return k;
}

/** Meldingen with their classification, and adviezen, prepared once for every figure. */
export interface CijferBasis {
  /** Every counted melding (not withdrawn), by moment then id. */
  readonly meldingen: readonly Meldingfeit[];
  /** Every counted advies (not withdrawn). */
  readonly adviezen: readonly CijferContact[];
  /** Key (household or person) → the moments of the meldingen carrying it, ascending. */
  readonly momentenPerSleutel: ReadonlyMap<string, readonly number[]>;
}

/**
 * Prepares the figures: classifies every melding, over the whole history given (a person known from
 * a melding in another gemeente or an earlier year is known). Withdrawn contacts are left out
 * entirely, also as an "earlier" melding.
 *
 * A melding is a vervolgmelding when, at its moment, an earlier melding sharing its household or
 * one of its persons is still in a running casus (its beoordeling not afgerond); it then joins that
 * casus, so its own household and persons stay in it until the casus closes. Else it is a
 * hermelding when such an earlier melding exists at all; else an eerste melding. A melding without
 * a beoordeling in the input counts as a casus closed at its own moment.
 */
export function bereidCijfersVoor(contacten: readonly CijferContact[], beoordelingen: readonly CijferBeoordeling[]): CijferBasis {
  const perContact = new Map(beoordelingen.map((b) => [b.contactId, b]));
  const ruw = contacten
    .filter(telAlsMelding)
    .map((c) => ({ c, op: meldingMoment(c)! }))
    .sort((a, b) => a.op.getTime() - b.op.getTime() || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0));
  const casusTot = new Map<string, number>();
  const momenten = new Map<string, number[]>();
  const meldingen: Meldingfeit[] = [];
  for (const { c, op } of ruw) {
    const t = op.getTime();
    const keys = sleutels(c);
    let bekend = false;
    let lopendTot = Number.NEGATIVE_INFINITY; // end of a running casus it joins
    for (const k of keys) {
      const e = casusTot.get(k);
      if (e === undefined) continue;
      bekend = true;
      if (e > t) lopendTot = Math.max(lopendTot, e);
    }
    const lopend = lopendTot > t;
    const beoordeling = perContact.get(c.id) ?? null;
    // A vervolgmelding joins the running casus: its household and persons are in it until it closes.
    const eind = Math.max(beoordeling ? (beoordeling.afgerondOp?.getTime() ?? Number.POSITIVE_INFINITY) : t, lopendTot);
    for (const k of keys) {
      casusTot.set(k, Math.max(casusTot.get(k) ?? Number.NEGATIVE_INFINITY, eind));
      const list = momenten.get(k);
      if (list) list.push(t);
      else momenten.set(k, [t]);
    }
    meldingen.push({ contact: c, op, beoordeling, soort: lopend ? 'vervolgmelding' : bekend ? 'hermelding' : 'eerste-melding' });
  }
  return { meldingen, adviezen: contacten.filter(telAlsAdvies), momentenPerSleutel: momenten };
}

/** The classified meldingen of the period and gemeenten. */
export function meldingfeitenIn(basis: CijferBasis, f: CijferFilter): Meldingfeit[] {
  const g = gemeenteSet(f);
  const inP = periodeToets(f.periode);
  return basis.meldingen.filter((m) => inGebied(m.contact, g) && inP(m.op));
}

/** Meldingen per kind of earlier involvement. */
export function meldingenPerSoort(feiten: readonly Meldingfeit[]): Record<MeldingSoort, number> {
  const out: Record<MeldingSoort, number> = { 'eerste-melding': 0, hermelding: 0, vervolgmelding: 0 };
  for (const m of feiten) out[m.soort]++;
  return out;
}

/**
 * Meldingen about a household known from an earlier melding (its household or one of its persons
 * was in an earlier, not withdrawn melding): by definition hermeldingen plus vervolgmeldingen.
 */
export function bekendHuishouden(feiten: readonly Meldingfeit[]): Verhouding {
  return { teller: feiten.filter((m) => m.soort !== 'eerste-melding').length, noemer: feiten.length };
}

// ---------------------------------------------------------------------------------------------
// The first assessment and timeliness

/** Decisions that set help in motion: their confirmation starts an intervention (recidivism). */
export const INTERVENTIE_BESLUITEN: readonly BesluitSoort[] = ['overdracht', 'voorwaarden-en-vervolg', 'vt-onderzoek', 'verzoek-rvdk', 'acute-inzet'];

export interface UitkomstEersteBeoordeling {
  /** Meldingen of the period whose first decision was confirmed (assessed). */
  readonly beoordeeld: number;
  /** ... of which handed over (to a lokaal team, help already involved or a multidisciplinary team). */
  readonly overgedragen: number;
  /** ... of which Veilig Thuis does onderzoek or voorwaarden en vervolg before handing over. */
  readonly vervolgDoorVeiligThuis: number;
}

export function uitkomstEersteBeoordeling(feiten: readonly Meldingfeit[]): UitkomstEersteBeoordeling {
  let beoordeeld = 0;
  let overgedragen = 0;
  let vervolg = 0;
  for (const m of feiten) {
    const b = m.beoordeling;
    if (!b?.beoordeeldOp) continue;
    beoordeeld++;
    if (b.besluit === 'overdracht') overgedragen++;
    if (b.besluit === 'vt-onderzoek' || b.besluit === 'voorwaarden-en-vervolg') vervolg++;
  }
  return { beoordeeld, overgedragen, vervolgDoorVeiligThuis: vervolg };
}

export interface Tijdigheid {
  /** Assessed on or before the legal deadline, out of those assessed or past that deadline at `now`. */
  readonly wettelijk: Verhouding;
  /** The same against the region's own deadline. */
  readonly regionaal: Verhouding;
  /** Median hours from melding to the confirmed first decision, over the assessed meldingen; null when none. */
  readonly mediaanUren: number | null;
  /** How many assessed meldingen the median is over. */
  readonly beoordeeld: number;
}

/** The median of numbers (the mean of the middle two for an even count); null when empty. */
export function mediaan(waarden: readonly number[]): number | null {
  if (waarden.length === 0) return null;
  const s = [...waarden].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function opTijd(m: Meldingfeit, deadline: (b: CijferBeoordeling) => Date, now: Date): { telt: boolean; tijdig: boolean } {
  const b = m.beoordeling;
  if (!b) return { telt: false, tijdig: false };
  const d = deadline(b).getTime();
  if (b.beoordeeldOp) return { telt: true, tijdig: b.beoordeeldOp.getTime() <= d };
  // Not assessed: late once the deadline has passed; not yet decided before that.
  return { telt: d < now.getTime(), tijdig: false };
}

/** Timeliness of the veiligheidsbeoordeling for the meldingen of a period, as known at `now`. */
export function tijdigheid(feiten: readonly Meldingfeit[], now: Date): Tijdigheid {
  const tel = (deadline: (b: CijferBeoordeling) => Date): Verhouding => {
    let teller = 0;
    let noemer = 0;
    for (const m of feiten) {
      const r = opTijd(m, deadline, now);
      if (r.telt) noemer++;
      if (r.tijdig) teller++;
    }
    return { teller, noemer };
  };
  const uren = feiten
    .filter((m) => m.beoordeling?.beoordeeldOp)
    .map((m) => (m.beoordeling!.beoordeeldOp!.getTime() - m.op.getTime()) / 3_600_000);
  const med = mediaan(uren);
  return {
    wettelijk: tel((b) => b.deadlineWettelijk),
    regionaal: tel((b) => b.deadlineRegionaal),
    mediaanUren: med === null ? null : Math.round(med * 10) / 10,
    beoordeeld: uren.length,
  };
}

/** Meldingen not assessed at `now` whose legal / regional deadline has passed (a snapshot, of any period). */
export function teLaatNu(basis: CijferBasis, now: Date, gemeenten?: readonly string[]): { readonly wettelijk: number; readonly regionaal: number } {
  const g = gemeenten ? new Set(gemeenten) : null;
  let wettelijk = 0;
  let regionaal = 0;
  const t = now.getTime();
  for (const m of basis.meldingen) {
    const b = m.beoordeling;
    if (!b || b.beoordeeldOp || !inGebied(m.contact, g)) continue;
    if (b.deadlineWettelijk.getTime() < t) wettelijk++;
    if (b.deadlineRegionaal.getTime() < t) regionaal++;
  }
  return { wettelijk, regionaal };
}

// ---------------------------------------------------------------------------------------------
// 12-month recidivism (seed 003 annex 2 §5a)

/** An intervention: a household and the moment a decision that sets help in motion was confirmed. */
export interface Interventie {
  readonly huishouden: string;
  readonly gestartOp: Date;
  readonly gemeente: string;
  /** The keys (household, persons) of the melding it started from. */
  readonly sleutels: readonly string[];
}

/** Every intervention start: a melding whose first confirmed decision is in INTERVENTIE_BESLUITEN. */
export function interventies(basis: CijferBasis): Interventie[] {
  const out: Interventie[] = [];
  for (const m of basis.meldingen) {
    const b = m.beoordeling;
    if (!b?.beoordeeldOp || !b.besluit || !INTERVENTIE_BESLUITEN.includes(b.besluit)) continue;
    out.push({ huishouden: huishoudenSleutel(m.contact), gestartOp: b.beoordeeldOp, gemeente: m.contact.gemeente, sleutels: sleutels(m.contact) });
  }
  return out;
}

/** First index in an ascending list whose value is > x. */
function eersteNa(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Was there a melding carrying one of these keys in (van, tot]? */
export function opnieuwGemeld(basis: CijferBasis, keys: readonly string[], van: Date, tot: Date): boolean {
  for (const k of keys) {
    const list = basis.momentenPerSleutel.get(k);
    if (!list) continue;
    const i = eersteNa(list, van.getTime());
    if (i < list.length && list[i]! <= tot.getTime()) return true;
  }
  return false;
}

/**
 * Recidivism of period P: of the households whose (first) intervention in P started in the
 * gemeenten, how many had a new melding (not withdrawn; about the household or one of the persons
 * of the melding the intervention started from) within 12 months after that start. Null while the
 * 12 months after the end of P have not all passed at `now`.
 */
export function recidive(basis: CijferBasis, f: CijferFilter, now: Date, maanden: number = NAMETING_MAANDEN): Verhouding | null {
  if (!natermijnVerstreken(f.periode, now, maanden)) return null;
  const g = gemeenteSet(f);
  const inP = periodeToets(f.periode);
  const eerste = new Map<string, Interventie>();
  for (const i of interventies(basis)) {
    if (!inP(i.gestartOp) || (g && !g.has(i.gemeente))) continue;
    const prev = eerste.get(i.huishouden);
    if (!prev || i.gestartOp.getTime() < prev.gestartOp.getTime()) eerste.set(i.huishouden, i);
  }
  let teller = 0;
  for (const i of eerste.values()) if (opnieuwGemeld(basis, i.sleutels, i.gestartOp, maandenNa(i.gestartOp, maanden))) teller++;
  return { teller, noemer: eerste.size };
}
