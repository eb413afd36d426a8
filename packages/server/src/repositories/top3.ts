/**
 * TOP-3 sessions of a household's veiligheidsplan (the methodiek and its rules: packages/domain/src/top3.ts;
 * for people: docs/top3.md). A session belongs to the plan's phase at its start and lists who took part;
 * each participant names up to three matters with a score and a reason; the tool proposes a joint top-3;
 * the participants confirm or change it, which closes the session and makes the chosen matters the goals
 * of that phase in the plan (a new plan version), in one transaction.
 *
 * Matters are the household's (`top3_onderwerp`, one per normalised key), so one matter is followed
 * across sessions and phases. Access is the plan's: involved professionals with a dossier role; out of
 * scope is "not found" and audited. Every read and write is audited in its transaction.
 */
import {
  amsterdamDate,
  can,
  DEELNEMER_SOORTEN,
  FASEN,
  keuzeProbleem,
  onderwerpSleutel,
  SCORE_MAX,
  stelTop3Voor,
  type Action,
  type Actor,
  type DeelnemerSoort,
  type Fase,
  type Top3Item,
} from '@samenveilig/domain';
import { appendAudit, weigering } from '../audit/chain.js';
import type { Database, Queryable } from '../db/database.js';
import { AppError, type FieldIssue } from '../http/errors.js';
import { isUuid, type AuditBase } from './common.js';
import { loadHousehold } from './dossiers.js';
import { zetDoelen } from './plan.js';

// ---------------------------------------------------------------------------------------------
// Views

export interface Ref {
  id: string;
  naam: string;
}

export interface InbrengView {
  onderwerpId: string;
  tekst: string;
  score: number;
  reden: string;
}

export interface DeelnemerView {
  id: string;
  soort: DeelnemerSoort;
  naam: string;
  personId: string | null;
  userId: string | null;
  inbreng: InbrengView[];
}

export interface VoorstelView {
  onderwerpId: string;
  tekst: string;
  gewicht: number;
  vermeldingen: number;
  laagsteScore: number;
  gemiddeldeScore: number;
}

export interface SessieView {
  id: string;
  huishoudenId: string;
  fase: Fase;
  gehoudenOp: string;
  status: 'open' | 'vastgesteld';
  versie: number;
  aangemaaktDoor: Ref;
  vastgesteldDoor: Ref | null;
  vastgesteldOp: string | null;
  deelnemers: DeelnemerView[];
  voorstel: VoorstelView[];
  kiesbaar: { onderwerpId: string; tekst: string }[];
  gekozen: { onderwerpId: string; tekst: string }[];
}

export interface OnderwerpView {
  id: string;
  tekst: string;
  sessies: number;
  laatstGenoemdOp: string;
}

export interface Top3Overzicht {
  huishoudenId: string;
  plan: { fase: Fase; versie: number } | null;
  onderwerpen: OnderwerpView[];
  sessies: SessieView[];
}

export interface TrendPunt {
  sessieId: string;
  gehoudenOp: string;
  fase: Fase;
}

export interface Top3Trends {
  huishoudenId: string;
  sessies: (TrendPunt & { status: 'open' | 'vastgesteld' })[];
  onderwerpen: { onderwerpId: string; tekst: string; punten: (TrendPunt & { gemiddelde: number; laagste: number; vermeldingen: number; gekozen: boolean })[] }[];
  deelnemers: {
    sleutel: string;
    soort: DeelnemerSoort;
    naam: string;
    personId: string | null;
    userId: string | null;
    sessies: string[];
    reeksen: { onderwerpId: string; tekst: string; punten: (TrendPunt & { score: number })[] }[];
  }[];
}

export type DeelnemerInvoer =
  | { soort: 'gezinslid' | 'kind'; personId: string }
  | { soort: 'netwerk'; naam: string }
  | { soort: 'professional'; userId: string };

// ---------------------------------------------------------------------------------------------
// Scope. A refusal is thrown as a `weigering`: its audit row is written after the rollback.

const dossierNietGevonden = () => new AppError('niet_gevonden', 'Dossier niet gevonden.');
const sessieNietGevonden = () => new AppError('niet_gevonden', 'TOP-3-sessie niet gevonden.');
const geenPlan = () =>
  new AppError('conflict', 'Dit huishouden heeft (nog) geen veiligheidsplan, dus ook geen TOP-3-sessies. Het plan begint wanneer een overdracht is geaccepteerd.');
const ongeldig = (wat: string, issues: FieldIssue[]) => new AppError('ongeldige_invoer', `${wat}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);

/** The members of a household in scope for the action (for the audit); absent or out of scope is a refusal (audited). */
async function inScope(
  tx: Queryable,
  actor: Actor,
  audit: AuditBase,
  householdId: string,
  action: Action,
  actie: string,
  recordType: string,
  recordId: string,
  now: Date,
  fout: () => AppError = dossierNietGevonden,
): Promise<string[]> {
  const h = await loadHousehold(tx, actor, householdId);
  if (!h || !can(actor, action, { type: 'veiligheidsplan', regionId: actor.regionId, householdId, involvements: h.involvements }, now)) {
    throw weigering(fout(), [{ ...audit, regionId: actor.regionId, actie, recordType, recordId: isUuid(recordId) ? recordId : null, uitkomst: 'niet-gevonden' }]);
  }
  return (await tx.query<{ person_id: string }>(`SELECT person_id FROM household_member WHERE household_id = $1 AND region_id = $2`, [householdId, actor.regionId])).rows.map(
    (r) => r.person_id,
  );
}

interface SessieRow {
  id: string;
  household_id: string;
  fase: Fase;
  gehouden_op: Date;
  status: 'open' | 'vastgesteld';
  gekozen: string[];
  versie: number;
}

/** A session of the actor's region whose household is in scope for changes, locked; else a refusal (audited). */
async function sessieInScope(tx: Queryable, actor: Actor, audit: AuditBase, sessieId: string, actie: string, now: Date): Promise<{ sessie: SessieRow; personen: string[] }> {
  const found = isUuid(sessieId)
    ? (await tx.query<{ household_id: string }>(`SELECT household_id FROM top3_sessie WHERE id = $1 AND region_id = $2`, [sessieId, actor.regionId])).rows[0]
    : undefined;
  if (!found) {
    throw weigering(sessieNietGevonden(), [{ ...audit, regionId: actor.regionId, actie, recordType: 'top3_sessie', recordId: isUuid(sessieId) ? sessieId : null, uitkomst: 'niet-gevonden' }]);
  }
  const personen = await inScope(tx, actor, audit, found.household_id, 'update', actie, 'top3_sessie', sessieId, now, sessieNietGevonden);
  const sessie = (
    await tx.query<SessieRow>(`SELECT id, household_id, fase, gehouden_op, status, gekozen, versie FROM top3_sessie WHERE id = $1 FOR UPDATE`, [sessieId])
  ).rows[0]!;
  return { sessie, personen };
}

/** A change needs an open session at the version the change was made on. */
function wijzigbaar(sessie: SessieRow, versie: number): void {
  if (sessie.status !== 'open') {
    throw new AppError('conflict', 'Deze TOP-3-sessie is al vastgesteld en verandert niet meer. Begin zo nodig een nieuwe sessie.');
  }
  if (sessie.versie !== versie) {
    throw new AppError('conflict', `De TOP-3-sessie is intussen gewijzigd (nu versie ${sessie.versie}). Uw wijziging is niet opgeslagen; herlaad de sessie en probeer het opnieuw.`);
  }
}

async function planVan(tx: Queryable, actor: Actor, householdId: string): Promise<{ id: string; fase: Fase; versie: number } | null> {
  return (await tx.query<{ id: string; fase: Fase; versie: number }>(`SELECT id, fase, versie FROM veiligheidsplan WHERE household_id = $1 AND region_id = $2`, [householdId, actor.regionId])).rows[0] ?? null;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const round1 = (n: number) => Math.round(n * 10) / 10;
const soortIndex = (s: DeelnemerSoort) => DEELNEMER_SOORTEN.indexOf(s);

/**
 * The same participant across sessions: a household member by person, a professional by user, a network
 * member by name (case and spacing ignored).
 */
const deelnemerSleutel = (d: { person_id: string | null; user_id: string | null; naam: string }) =>
  d.person_id ? `persoon:${d.person_id}` : d.user_id ? `gebruiker:${d.user_id}` : `netwerk:${d.naam.trim().toLowerCase().replace(/\s+/g, ' ')}`;

/** A person's display name, as in the dossier: roepnaam (or first given name), tussenvoegsel, achternaam. */
const PERSON_NAAM = `coalesce(nullif(concat_ws(' ', coalesce(p.roepnaam, nullif(split_part(p.voornamen, ' ', 1), '')), p.tussenvoegsel, p.achternaam), ''), 'Onbekend')`;

// ---------------------------------------------------------------------------------------------
// Reading sessions

interface InbrengRow {
  sessie_id: string;
  deelnemer_id: string;
  onderwerp_id: string;
  tekst: string;
  score: number;
  reden: string;
  volgorde: number;
}

interface DeelnemerRow {
  id: string;
  sessie_id: string;
  soort: DeelnemerSoort;
  naam: string;
  person_id: string | null;
  user_id: string | null;
}

/** The entries of sessions with the text of their matter, in the order named. */
async function inbrengVan(tx: Queryable, sessieIds: readonly string[]): Promise<InbrengRow[]> {
  return (
    await tx.query<InbrengRow>(
      `SELECT i.sessie_id, i.deelnemer_id, i.onderwerp_id, o.tekst, i.score, i.reden, i.volgorde
       FROM top3_inbreng i JOIN top3_onderwerp o ON o.id = i.onderwerp_id AND o.region_id = i.region_id
       WHERE i.sessie_id = ANY($1::uuid[]) ORDER BY i.volgorde, i.id`,
      [sessieIds],
    )
  ).rows;
}

/** The participants of sessions: household members, children, network, professionals; by name within each. */
async function deelnemersVan(tx: Queryable, sessieIds: readonly string[]): Promise<DeelnemerRow[]> {
  return (
    await tx.query<DeelnemerRow>(`SELECT id, sessie_id, soort, naam, person_id, user_id FROM top3_deelnemer WHERE sessie_id = ANY($1::uuid[])`, [sessieIds])
  ).rows.sort((a, b) => soortIndex(a.soort) - soortIndex(b.soort) || a.naam.localeCompare(b.naam, 'nl') || a.id.localeCompare(b.id));
}

/** The sessions of a household (all, or the ones named), newest first, with participants, entries, proposal and choice. */
async function sessieViews(tx: Queryable, householdId: string, alleen?: readonly string[]): Promise<SessieView[]> {
  const sessies = (
    await tx.query<SessieRow & { aangemaakt_door: string; aangemaakt_naam: string; vastgesteld_door: string | null; vastgesteld_naam: string | null; vastgesteld_op: Date | null }>(
      `SELECT s.id, s.household_id, s.fase, s.gehouden_op, s.status, s.gekozen, s.versie, s.aangemaakt_door, ua.naam AS aangemaakt_naam,
              s.vastgesteld_door, uv.naam AS vastgesteld_naam, s.vastgesteld_op
       FROM top3_sessie s JOIN app_user ua ON ua.id = s.aangemaakt_door AND ua.region_id = s.region_id
       LEFT JOIN app_user uv ON uv.id = s.vastgesteld_door AND uv.region_id = s.region_id
       WHERE s.household_id = $1 AND ($2::uuid[] IS NULL OR s.id = ANY($2::uuid[]))
       ORDER BY s.gehouden_op DESC, s.id DESC`,
      [householdId, alleen ?? null],
    )
  ).rows;
  const ids = sessies.map((s) => s.id);
  if (ids.length === 0) return [];
  const deelnemers = await deelnemersVan(tx, ids);
  const inbreng = await inbrengVan(tx, ids);
  const gekozenTekst = new Map(
    (await tx.query<{ id: string; tekst: string }>(`SELECT id, tekst FROM top3_onderwerp WHERE id = ANY($1::uuid[])`, [[...new Set(sessies.flatMap((s) => s.gekozen))]])).rows.map((o) => [
      o.id,
      o.tekst,
    ]),
  );
  return sessies.map((s) => {
    const rows = inbreng.filter((i) => i.sessie_id === s.id);
    return {
      id: s.id,
      huishoudenId: s.household_id,
      fase: s.fase,
      gehoudenOp: iso(s.gehouden_op),
      status: s.status,
      versie: s.versie,
      aangemaaktDoor: { id: s.aangemaakt_door, naam: s.aangemaakt_naam },
      vastgesteldDoor: s.vastgesteld_door ? { id: s.vastgesteld_door, naam: s.vastgesteld_naam ?? '' } : null,
      vastgesteldOp: s.vastgesteld_op ? iso(s.vastgesteld_op) : null,
      deelnemers: deelnemers
        .filter((d) => d.sessie_id === s.id)
        .map((d) => ({
          id: d.id,
          soort: d.soort,
          naam: d.naam,
          personId: d.person_id,
          userId: d.user_id,
          inbreng: rows.filter((i) => i.deelnemer_id === d.id).map((i) => ({ onderwerpId: i.onderwerp_id, tekst: i.tekst, score: i.score, reden: i.reden })),
        })),
      voorstel: voorstelVan(rows),
      kiesbaar: kiesbaarVan(rows),
      gekozen: s.gekozen.map((id) => ({ onderwerpId: id, tekst: gekozenTekst.get(id) ?? '' })),
    };
  });
}

/** The proposal rule of the domain over a session's entries. */
function voorstelVan(rows: readonly InbrengRow[]): VoorstelView[] {
  return stelTop3Voor(rows.map((i) => ({ onderwerp: i.onderwerp_id, tekst: i.tekst, score: i.score, deelnemer: i.deelnemer_id, volgorde: i.volgorde }))).map((p) => ({
    onderwerpId: p.onderwerp,
    tekst: p.tekst,
    gewicht: p.gewicht,
    vermeldingen: p.vermeldingen,
    laagsteScore: p.laagsteScore,
    gemiddeldeScore: p.gemiddeldeScore,
  }));
}

/**
 * The matters the participants may choose: those named in the session that not everyone scored 6 (safe), in
 * the order they were first named. The proposal is always among them, so confirming it as it stands passes
 * the choice rule.
 */
function kiesbaarVan(rows: readonly InbrengRow[]): { onderwerpId: string; tekst: string }[] {
  const laagste = new Map<string, { tekst: string; score: number }>();
  for (const i of rows) laagste.set(i.onderwerp_id, { tekst: i.tekst, score: Math.min(laagste.get(i.onderwerp_id)?.score ?? SCORE_MAX, i.score) });
  return [...laagste].filter(([, o]) => o.score < SCORE_MAX).map(([onderwerpId, o]) => ({ onderwerpId, tekst: o.tekst }));
}

/** The household's sessions (newest first) with the proposal of each, the plan's phase, and the matters named so far. */
export async function listSessies(db: Database, actor: Actor, audit: AuditBase, householdId: string, now = new Date()): Promise<Top3Overzicht> {
  return db.transaction(async (tx) => {
    const personen = await inScope(tx, actor, audit, householdId, 'read', 'top3.lezen', 'huishouden', householdId, now);
    const plan = await planVan(tx, actor, householdId);
    const sessies = await sessieViews(tx, householdId);
    const onderwerpen = (
      await tx.query<{ id: string; tekst: string; sessies: number; laatst: Date }>(
        `SELECT o.id, o.tekst, count(DISTINCT i.sessie_id) AS sessies, max(s.gehouden_op) AS laatst
         FROM top3_onderwerp o JOIN top3_inbreng i ON i.onderwerp_id = o.id AND i.region_id = o.region_id
         JOIN top3_sessie s ON s.id = i.sessie_id AND s.region_id = i.region_id
         WHERE o.household_id = $1 GROUP BY o.id, o.tekst ORDER BY o.tekst, o.id`,
        [householdId],
      )
    ).rows.map((o) => ({ id: o.id, tekst: o.tekst, sessies: Number(o.sessies), laatstGenoemdOp: iso(o.laatst) }));
    await appendAudit(tx, [
      { ...audit, regionId: actor.regionId, actie: 'top3.lezen', recordType: 'huishouden', recordId: householdId, personen, uitkomst: `ok (${sessies.length} sessies)` },
    ]);
    return { huishoudenId: householdId, plan: plan ? { fase: plan.fase, versie: plan.versie } : null, onderwerpen, sessies };
  });
}

// ---------------------------------------------------------------------------------------------
// Starting a session

/** The participants with their names: household members of this household, active users of the region, network members by name. */
async function deelnemersUitInvoer(tx: Queryable, actor: Actor, householdId: string, invoer: readonly DeelnemerInvoer[]) {
  const personIds = invoer.flatMap((d) => ('personId' in d ? [d.personId] : []));
  const userIds = invoer.flatMap((d) => ('userId' in d ? [d.userId] : []));
  const leden = new Map(
    (
      await tx.query<{ id: string; naam: string }>(
        `SELECT p.id, ${PERSON_NAAM} AS naam FROM household_member hm JOIN person p ON p.id = hm.person_id AND p.region_id = hm.region_id
         WHERE hm.household_id = $1 AND hm.region_id = $2 AND hm.person_id = ANY($3::uuid[])`,
        [householdId, actor.regionId, personIds],
      )
    ).rows.map((r) => [r.id, r.naam]),
  );
  const gebruikers = new Map(
    (await tx.query<{ id: string; naam: string }>(`SELECT id, naam FROM app_user WHERE id = ANY($1::uuid[]) AND region_id = $2 AND actief`, [userIds, actor.regionId])).rows.map((r) => [
      r.id,
      r.naam,
    ]),
  );
  const issues: FieldIssue[] = [];
  const gezien = new Set<string>();
  const rows = invoer.map((d, i) => {
    const [veld, naam, fout] =
      d.soort === 'netwerk'
        ? (['naam', d.naam, ''] as const)
        : d.soort === 'professional'
          ? (['userId', gebruikers.get(d.userId), 'geen actieve gebruiker van deze regio'] as const)
          : (['personId', leden.get(d.personId), 'deze persoon hoort niet bij dit huishouden'] as const);
    const row = { soort: d.soort, naam: naam ?? '', person_id: 'personId' in d ? d.personId : null, user_id: 'userId' in d ? d.userId : null };
    const sleutel = deelnemerSleutel(row);
    if (naam === undefined) issues.push({ path: `body.deelnemers.${i}.${veld}`, message: fout });
    else if (gezien.has(sleutel)) issues.push({ path: `body.deelnemers.${i}.${veld}`, message: 'deze deelnemer staat er al' });
    gezien.add(sleutel);
    return row;
  });
  if (issues.length > 0) throw ongeldig('Ongeldige deelnemers', issues);
  return rows;
}

/** A new session for the plan's current phase with its participants. A household without a plan has no sessions (409). */
export async function startSessie(
  db: Database,
  actor: Actor,
  audit: AuditBase,
  householdId: string,
  input: { deelnemers: readonly DeelnemerInvoer[]; gehoudenOp?: string | undefined },
  now = new Date(),
): Promise<SessieView> {
  return db.transaction(async (tx) => {
    const personen = await inScope(tx, actor, audit, householdId, 'create', 'top3.starten', 'huishouden', householdId, now);
    const plan = await planVan(tx, actor, householdId);
    if (!plan) throw geenPlan();
    const gehoudenOp = input.gehoudenOp ? new Date(input.gehoudenOp) : now;
    if (gehoudenOp.getTime() > now.getTime() + 5 * 60_000) {
      throw ongeldig('Ongeldige datum', [{ path: 'body.gehoudenOp', message: 'een sessie in de toekomst kan niet worden vastgelegd' }]);
    }
    const deelnemers = await deelnemersUitInvoer(tx, actor, householdId, input.deelnemers);
    const id = (
      await tx.query<{ id: string }>(
        `INSERT INTO top3_sessie (region_id, household_id, fase, gehouden_op, aangemaakt_door) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [actor.regionId, householdId, plan.fase, gehoudenOp.toISOString(), actor.id],
      )
    ).rows[0]!.id;
    await tx.query(
      `INSERT INTO top3_deelnemer (region_id, sessie_id, soort, naam, person_id, user_id)
       SELECT $1, $2, d.soort, d.naam, d.person_id, d.user_id FROM unnest($3::text[], $4::text[], $5::uuid[], $6::uuid[]) AS d(soort, naam, person_id, user_id)`,
      [actor.regionId, id, deelnemers.map((d) => d.soort), deelnemers.map((d) => d.naam), deelnemers.map((d) => d.person_id), deelnemers.map((d) => d.user_id)],
    );
    await appendAudit(tx, [
      { ...audit, regionId: actor.regionId, actie: 'top3.starten', recordType: 'top3_sessie', recordId: id, personen, doel: `${plan.fase}, ${deelnemers.length} deelnemers`, uitkomst: 'ok' },
    ]);
    return (await sessieViews(tx, householdId, [id]))[0]!;
  });
}

// ---------------------------------------------------------------------------------------------
// A participant's entry

/**
 * The matter of each item: an existing matter of the household by id, or by the key of its text; a new text
 * becomes a new matter. Returns the ids in the order of the items.
 */
async function onderwerpenVan(tx: Queryable, actor: Actor, householdId: string, items: readonly Top3Item[]): Promise<string[]> {
  const bekend = (
    await tx.query<{ id: string; sleutel: string }>(
      `SELECT id, sleutel FROM top3_onderwerp WHERE household_id = $1 AND region_id = $2 AND (id = ANY($3::uuid[]) OR sleutel = ANY($4::text[]))`,
      [householdId, actor.regionId, items.flatMap((i) => (i.onderwerpId && isUuid(i.onderwerpId) ? [i.onderwerpId] : [])), items.map((i) => onderwerpSleutel(i.onderwerp))],
    )
  ).rows;
  const issues: FieldIssue[] = [];
  const gezien = new Set<string>();
  // Per item: the id of a known matter, or the key of a new one.
  const keuze = items.map((item, i) => {
    let k: { id: string } | { sleutel: string } | null;
    if (item.onderwerpId !== undefined) {
      const o = bekend.find((b) => b.id === item.onderwerpId);
      k = o ? { id: o.id } : null;
      if (!o) issues.push({ path: `body.inbreng.${i}.onderwerpId`, message: 'geen onderwerp van dit huishouden' });
    } else {
      const sleutel = onderwerpSleutel(item.onderwerp);
      const o = bekend.find((b) => b.sleutel === sleutel);
      k = o ? { id: o.id } : { sleutel };
      if (sleutel === '') issues.push({ path: `body.inbreng.${i}.onderwerp`, message: 'noem het onderwerp in woorden (letters of cijfers)' });
    }
    const uniek = k && ('id' in k ? `id:${k.id}` : `sleutel:${k.sleutel}`);
    if (uniek && gezien.has(uniek)) issues.push({ path: `body.inbreng.${i}.onderwerp`, message: 'dit onderwerp staat er al' });
    if (uniek) gezien.add(uniek);
    return k;
  });
  if (issues.length > 0) throw ongeldig('Ongeldige inbreng', issues);
  const ids: string[] = [];
  for (const [i, k] of keuze.entries()) {
    if (k && 'id' in k) {
      ids.push(k.id);
      continue;
    }
    // One statement that creates the matter, or returns it when another session created it meanwhile.
    const r = await tx.query<{ id: string }>(
      `INSERT INTO top3_onderwerp (region_id, household_id, tekst, sleutel) VALUES ($1, $2, $3, $4)
       ON CONFLICT (household_id, sleutel) DO UPDATE SET sleutel = EXCLUDED.sleutel RETURNING id`,
      [actor.regionId, householdId, items[i]!.onderwerp, k!.sleutel],
    );
    ids.push(r.rows[0]!.id);
  }
  return ids;
}

/**
 * A participant's matters (up to three), replacing their previous entry, while the session is open. A matter
 * the participant named before in this session keeps its place in the order of naming (for ties).
 */
export async function zetInbreng(
  db: Database,
  actor: Actor,
  audit: AuditBase,
  sessieId: string,
  deelnemerId: string,
  input: { inbreng: readonly Top3Item[]; versie: number },
  now = new Date(),
): Promise<SessieView> {
  return db.transaction(async (tx) => {
    const found = await sessieInScope(tx, actor, audit, sessieId, 'top3.inbreng', now);
    const { sessie, personen } = found;
    const deelnemer = isUuid(deelnemerId) ? (await tx.query(`SELECT 1 FROM top3_deelnemer WHERE id = $1 AND sessie_id = $2`, [deelnemerId, sessie.id])).rows[0] : undefined;
    if (!deelnemer) throw new AppError('niet_gevonden', 'Deze deelnemer hoort niet bij deze TOP-3-sessie.');
    wijzigbaar(sessie, input.versie);
    const onderwerpIds = await onderwerpenVan(tx, actor, sessie.household_id, input.inbreng);
    const eerder = new Map(
      (await tx.query<{ onderwerp_id: string; volgorde: number }>(`SELECT onderwerp_id, volgorde FROM top3_inbreng WHERE deelnemer_id = $1`, [deelnemerId])).rows.map((r) => [
        r.onderwerp_id,
        r.volgorde,
      ]),
    );
    let volgende = (await tx.query<{ max: number | null }>(`SELECT max(volgorde) AS max FROM top3_inbreng WHERE sessie_id = $1`, [sessie.id])).rows[0]!.max ?? 0;
    const volgorde = onderwerpIds.map((id) => eerder.get(id) ?? ++volgende);
    await tx.query(`DELETE FROM top3_inbreng WHERE deelnemer_id = $1`, [deelnemerId]);
    await tx.query(
      `INSERT INTO top3_inbreng (region_id, sessie_id, deelnemer_id, onderwerp_id, score, reden, volgorde)
       SELECT $1, $2, $3, x.onderwerp_id, x.score, x.reden, x.volgorde FROM unnest($4::uuid[], $5::int[], $6::text[], $7::int[]) AS x(onderwerp_id, score, reden, volgorde)`,
      [actor.regionId, sessie.id, deelnemerId, onderwerpIds, input.inbreng.map((i) => i.score), input.inbreng.map((i) => i.reden), volgorde],
    );
    await tx.query(`UPDATE top3_sessie SET versie = versie + 1 WHERE id = $1`, [sessie.id]);
    await appendAudit(tx, [
      {
        ...audit,
        regionId: actor.regionId,
        actie: 'top3.inbreng',
        recordType: 'top3_sessie',
        recordId: sessie.id,
        personen,
        doel: `deelnemer ${deelnemerId}: ${onderwerpIds.length} onderwerp(en)`,
        uitkomst: 'ok',
      },
    ]);
    return (await sessieViews(tx, sessie.household_id, [sessie.id]))[0]!;
  });
}

// ---------------------------------------------------------------------------------------------
// Confirming the top-3

/** The id of a goal from a TOP-3 matter: unique in the plan, because each phase holds a matter once. */
const doelId = (fase: Fase, onderwerpId: string) => `top3-${FASEN.indexOf(fase) + 1}-${onderwerpId.replace(/-/g, '')}`;

/**
 * The participants' top-3 (the proposal, or their own choice among the matters named that are not safe):
 * closes the session and makes the chosen matters the goals of the session's phase in the plan, in one
 * transaction. Returns the session and the plan's new version.
 */
export async function stelVast(
  db: Database,
  actor: Actor,
  audit: AuditBase,
  sessieId: string,
  input: { gekozen: readonly string[]; versie: number; toelichting?: string | undefined },
  now = new Date(),
): Promise<{ sessie: SessieView; plan: { fase: Fase; versie: number } }> {
  return db.transaction(async (tx) => {
    const found = await sessieInScope(tx, actor, audit, sessieId, 'top3.vaststellen', now);
    const { sessie, personen } = found;
    wijzigbaar(sessie, input.versie);
    const plan = await planVan(tx, actor, sessie.household_id);
    if (!plan) throw geenPlan();
    const rows = await inbrengVan(tx, [sessie.id]);
    if (rows.length === 0) throw new AppError('conflict', 'In deze sessie is nog niets ingebracht: de deelnemers noemen eerst hun onderwerpen.');
    const kiesbaar = kiesbaarVan(rows);
    if (kiesbaar.length === 0) throw new AppError('conflict', 'Iedereen gaf elk genoemd onderwerp een 6 (veilig): er is geen top-3 om vast te stellen.');
    const kiesbareIds = new Set(kiesbaar.map((k) => k.onderwerpId));
    const genoemd = new Set(rows.map((r) => r.onderwerp_id));
    const veilig = input.gekozen.findIndex((id) => genoemd.has(id) && !kiesbareIds.has(id));
    if (veilig >= 0) {
      throw ongeldig('Ongeldige top-3', [{ path: `body.gekozen.${veilig}`, message: 'iedereen gaf dit onderwerp een 6 (veilig); kies een onderwerp dat nog niet veilig is' }]);
    }
    const probleem = keuzeProbleem(input.gekozen, kiesbareIds);
    if (probleem) throw ongeldig('Ongeldige top-3', [{ path: 'body.gekozen', message: probleem }]);
    const tekst = new Map(kiesbaar.map((k) => [k.onderwerpId, k.tekst]));
    const voorstel = voorstelVan(rows).map((p) => p.onderwerpId);
    const gevolgd = voorstel.length === input.gekozen.length && voorstel.every((id) => input.gekozen.includes(id));
    await tx.query(`UPDATE top3_sessie SET status = 'vastgesteld', gekozen = $2::uuid[], vastgesteld_door = $3, vastgesteld_op = $4, versie = versie + 1 WHERE id = $1`, [
      sessie.id,
      input.gekozen,
      actor.id,
      now.toISOString(),
    ]);
    const toelichting = `TOP-3 van ${amsterdamDate(new Date(sessie.gehouden_op))} vastgesteld (${gevolgd ? 'voorstel gevolgd' : 'voorstel gewijzigd'})${input.toelichting ? `: ${input.toelichting}` : ''}`;
    const planVersie = await zetDoelen(
      tx,
      sessie.household_id,
      sessie.fase,
      input.gekozen.map((id) => ({ id: doelId(sessie.fase, id), tekst: tekst.get(id)!, onderwerpId: id, sessieId: sessie.id })),
      { auteur: actor.id, toelichting, now },
    );
    if (planVersie === null) throw geenPlan();
    await appendAudit(tx, [
      { ...audit, regionId: actor.regionId, actie: 'top3.vaststellen', recordType: 'top3_sessie', recordId: sessie.id, personen, doel: gevolgd ? 'voorstel gevolgd' : 'voorstel gewijzigd', uitkomst: 'ok' },
      { ...audit, regionId: actor.regionId, actie: 'veiligheidsplan.wijzigen', recordType: 'veiligheidsplan', recordId: plan.id, personen, doel: `doelen uit TOP-3-sessie ${sessie.id}`, uitkomst: 'ok' },
    ]);
    return { sessie: (await sessieViews(tx, sessie.household_id, [sessie.id]))[0]!, plan: { fase: plan.fase, versie: planVersie } };
  });
}

// ---------------------------------------------------------------------------------------------
// Trends, for charts

/**
 * Scores over time: per matter, the average and lowest score of each session it was named in; per
 * participant (a household member by person, a professional by user, a network member by name), their score
 * per matter per session. Sessions oldest first, open ones included (marked by their status).
 */
export async function trends(db: Database, actor: Actor, audit: AuditBase, householdId: string, now = new Date()): Promise<Top3Trends> {
  return db.transaction(async (tx) => {
    const personen = await inScope(tx, actor, audit, householdId, 'read', 'top3.trends.lezen', 'huishouden', householdId, now);
    const sessies = (
      await tx.query<{ id: string; fase: Fase; gehouden_op: Date; status: 'open' | 'vastgesteld'; gekozen: string[] }>(
        `SELECT id, fase, gehouden_op, status, gekozen FROM top3_sessie WHERE household_id = $1 AND region_id = $2 ORDER BY gehouden_op, id`,
        [householdId, actor.regionId],
      )
    ).rows;
    const ids = sessies.map((s) => s.id);
    const deelnemers = await deelnemersVan(tx, ids);
    const inbreng = await inbrengVan(tx, ids);
    const punt = new Map(sessies.map((s) => [s.id, { sessieId: s.id, gehoudenOp: iso(s.gehouden_op), fase: s.fase }]));
    const plaats = new Map(ids.map((id, i) => [id, i]));
    const opTijd = <T extends { sessieId: string }>(xs: T[]) => xs.sort((a, b) => plaats.get(a.sessieId)! - plaats.get(b.sessieId)!);

    // Per matter, in the order first named (by session, then order of naming).
    const eerst = [...inbreng].sort((a, b) => plaats.get(a.sessie_id)! - plaats.get(b.sessie_id)! || a.volgorde - b.volgorde);
    const onderwerpen = new Map<string, { tekst: string; per: Map<string, number[]> }>();
    for (const i of eerst) {
      const o = onderwerpen.get(i.onderwerp_id) ?? { tekst: i.tekst, per: new Map<string, number[]>() };
      o.per.set(i.sessie_id, [...(o.per.get(i.sessie_id) ?? []), i.score]);
      onderwerpen.set(i.onderwerp_id, o);
    }
    const gekozen = new Map(sessies.map((s) => [s.id, new Set(s.gekozen)]));

    // Per participant, followed across sessions by person, user, or (network) name.
    const deelnemerVan = new Map(deelnemers.map((d) => [d.id, d]));
    const per = new Map<string, { laatste: DeelnemerRow; sessies: Set<string>; reeksen: Map<string, { tekst: string; punten: (TrendPunt & { score: number })[] }> }>();
    for (const d of [...deelnemers].sort((a, b) => plaats.get(a.sessie_id)! - plaats.get(b.sessie_id)!)) {
      const k = deelnemerSleutel(d);
      const p = per.get(k) ?? { laatste: d, sessies: new Set<string>(), reeksen: new Map() };
      p.laatste = d;
      p.sessies.add(d.sessie_id);
      per.set(k, p);
    }
    for (const i of eerst) {
      const p = per.get(deelnemerSleutel(deelnemerVan.get(i.deelnemer_id)!))!;
      const r = p.reeksen.get(i.onderwerp_id) ?? { tekst: i.tekst, punten: [] };
      r.punten.push({ ...punt.get(i.sessie_id)!, score: i.score });
      p.reeksen.set(i.onderwerp_id, r);
    }

    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'top3.trends.lezen', recordType: 'huishouden', recordId: householdId, personen, uitkomst: `ok (${sessies.length} sessies)` }]);
    return {
      huishoudenId: householdId,
      sessies: sessies.map((s) => ({ ...punt.get(s.id)!, status: s.status })),
      onderwerpen: [...onderwerpen].map(([onderwerpId, o]) => ({
        onderwerpId,
        tekst: o.tekst,
        punten: opTijd(
          [...o.per].map(([sessieId, scores]) => ({
            ...punt.get(sessieId)!,
            gemiddelde: round1(scores.reduce((a, b) => a + b, 0) / scores.length),
            laagste: Math.min(...scores),
            vermeldingen: scores.length,
            gekozen: gekozen.get(sessieId)!.has(onderwerpId),
          })),
        ),
      })),
      deelnemers: [...per]
        .map(([sleutel, p]) => ({
          sleutel,
          soort: p.laatste.soort,
          naam: p.laatste.naam,
          personId: p.laatste.person_id,
          userId: p.laatste.user_id,
          sessies: ids.filter((id) => p.sessies.has(id)),
          reeksen: [...p.reeksen].map(([onderwerpId, r]) => ({ onderwerpId, tekst: r.tekst, punten: r.punten })),
        }))
        .sort((a, b) => soortIndex(a.soort) - soortIndex(b.soort) || a.naam.localeCompare(b.naam, 'nl') || a.sleutel.localeCompare(b.sleutel)),
    };
  });
}
