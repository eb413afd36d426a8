/**
 * The shared veiligheidsplan of a household: one per household, the same for every involved
 * organisation. Every change is a new version, kept whole with its author and time; a change based on an
 * older version is a conflict (409) that names what the other person changed, never an overwrite.
 * Phases move by the rules of packages/domain/src/plan.ts: back always, forward with the exit criterion
 * or a reason a second professional approves; back by itself when a new melding about the household is
 * confirmed. Notes private to an organisation are not part of the plan (they stay in `notitie`).
 */
import {
  can,
  FASE_NAMEN,
  faseOordeel,
  laatsteGeweld,
  LEEG_PLAN,
  planInhoudSchema,
  planVerschil,
  verlopenAfspraken,
  amsterdamDate,
  type Actor,
  type Fase,
  type PlanInhoud,
  type RegieSoort,
} from '@samenveilig/domain';
import { appendAudit, weigering } from '../audit/chain.js';
import type { Database, Queryable } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { isUuid, type AuditBase } from './common.js';
import { loadHousehold, type Loaded } from './dossiers.js';
import { getInstellingen } from './instellingen.js';

import { notify } from './notificaties.js';

interface PlanRow {
  id: string;
  region_id: string;
  household_id: string;
  fase: Fase;
  fase_sinds: Date;
  inhoud: PlanInhoud;
  versie: number;
  gestart_op: Date;
  bijgewerkt_op: Date;
  bijgewerkt_door: string | null;
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/**
 * Starts the plan of a household that became active, in the caller's transaction (the accepted
 * handover). Voorwaarden Veilig Thuis set (voorwaarden en vervolg) are its first content.
 */
export async function startPlan(tx: Queryable, input: { regionId: string; householdId: string; door: string | null; voorwaarden?: readonly string[]; now: Date }): Promise<string> {
  const existing = (await tx.query<{ id: string }>(`SELECT id FROM veiligheidsplan WHERE household_id = $1`, [input.householdId])).rows[0];
  if (existing) return existing.id;
  const inhoud: PlanInhoud = {
    ...LEEG_PLAN,
    voorwaarden: (input.voorwaarden ?? []).map((tekst, i) => ({ id: `vt-${i + 1}`, tekst, eigenaar: 'Veilig Thuis', status: 'open' as const })),
  };
  const r = await tx.query<{ id: string }>(
    `INSERT INTO veiligheidsplan (region_id, household_id, fase, fase_sinds, inhoud, versie, gestart_op, bijgewerkt_op, bijgewerkt_door)
     VALUES ($1, $2, 'directe-veiligheid', $3, $4, 1, $3, $3, $5) RETURNING id`,
    [input.regionId, input.householdId, input.now.toISOString(), JSON.stringify(inhoud), input.door],
  );
  await tx.query(
    `INSERT INTO veiligheidsplan_versie (plan_id, region_id, versie, fase, inhoud, auteur_id, auteur_soort, op, toelichting)
     VALUES ($1, $2, 1, 'directe-veiligheid', $3, $4, $5, $6, 'Plan gestart bij de overdracht')`,
    [r.rows[0]!.id, input.regionId, JSON.stringify(inhoud), input.door, input.door ? 'gebruiker' : 'systeem', input.now.toISOString()],
  );
  return r.rows[0]!.id;
}

/** The household in scope with its plan (locked when asked); null when out of scope or absent. */
async function loadInScope(
  tx: Queryable,
  actor: Actor,
  audit: AuditBase,
  householdId: string,
  actie: string,
  now: Date,
  lock = false,
): Promise<{ household: Loaded; plan: PlanRow | null; personen: string[] }> {
  const household = await loadHousehold(tx, actor, householdId);
  if (!household || !can(actor, actie.endsWith('.lezen') ? 'read' : 'update', { type: 'veiligheidsplan', regionId: actor.regionId, householdId, involvements: household.involvements }, now)) {
    throw weigering(new AppError('niet_gevonden', 'Dossier niet gevonden.'), [{ ...audit, regionId: actor.regionId, actie, recordType: 'veiligheidsplan', recordId: isUuid(householdId) ? householdId : null, uitkomst: 'niet-gevonden' }]);
  }
  const plan = (await tx.query<PlanRow>(`SELECT * FROM veiligheidsplan WHERE household_id = $1 AND region_id = $2 ${lock ? 'FOR UPDATE' : ''}`, [householdId, actor.regionId])).rows[0] ?? null;
  const personen = (await tx.query<{ person_id: string }>(`SELECT person_id FROM household_member WHERE household_id = $1`, [householdId])).rows.map((r) => r.person_id);
  return { household, plan, personen };
}

const geenPlan = () => new AppError('niet_gevonden', 'Dit huishouden heeft (nog) geen veiligheidsplan. Het plan begint wanneer een overdracht is geaccepteerd.');

async function meldingMomenten(tx: Queryable, householdId: string): Promise<Date[]> {
  return (
    await tx.query<{ ontvangen_op: Date }>(`SELECT ontvangen_op FROM contact WHERE household_id = $1 AND type = 'melding' AND status = 'actief'`, [householdId])
  ).rows.map((r) => new Date(r.ontvangen_op));
}

export interface PlanView {
  id: string;
  huishoudenId: string;
  fase: Fase;
  faseSinds: string;
  inhoud: PlanInhoud;
  versie: number;
  gestartOp: string;
  bijgewerktOp: string;
  bijgewerktDoor: string | null;
  criterium: { dagenZonderGeweld: number; laatsteGeweld: string | null; dagenGeweldloos: number; gehaald: boolean };
  faseVoorstel: { id: string; naar: Fase; reden: string; voorgesteldDoor: { id: string; naam: string }; voorgesteldOp: string } | null;
  verlopenAfspraken: string[];
  versies: { versie: number; fase: Fase; op: string; auteur: string | null; toelichting: string | null }[];
}

async function view(tx: Queryable, actor: Actor, plan: PlanRow, now: Date): Promise<PlanView> {
  const inst = await getInstellingen(tx, actor.regionId);
  const inhoud = planInhoudSchema.parse(plan.inhoud);
  const geweld = laatsteGeweld(await meldingMomenten(tx, plan.household_id), inhoud.incidenten);
  const sinds = Math.max(geweld?.getTime() ?? 0, new Date(plan.gestart_op).getTime());
  const dagen = Math.floor((now.getTime() - sinds) / 86_400_000);
  const voorstel = (
    await tx.query<{ id: string; naar_fase: Fase; reden: string; voorgesteld_door: string; naam: string; voorgesteld_op: Date }>(
      `SELECT f.id, f.naar_fase, f.reden, f.voorgesteld_door, u.naam, f.voorgesteld_op FROM fase_voorstel f
       JOIN app_user u ON u.id = f.voorgesteld_door AND u.region_id = f.region_id WHERE f.plan_id = $1 AND f.status = 'voorgesteld'`,
      [plan.id],
    )
  ).rows[0];
  const versies = (
    await tx.query<{ versie: number; fase: Fase; op: Date; naam: string | null; toelichting: string | null }>(
      `SELECT v.versie, v.fase, v.op, u.naam, v.toelichting FROM veiligheidsplan_versie v LEFT JOIN app_user u ON u.id = v.auteur_id AND u.region_id = v.region_id
       WHERE v.plan_id = $1 ORDER BY v.versie DESC`,
      [plan.id],
    )
  ).rows;
  const door = plan.bijgewerkt_door
    ? ((await tx.query<{ naam: string }>(`SELECT naam FROM app_user WHERE id = $1`, [plan.bijgewerkt_door])).rows[0]?.naam ?? null)
    : null;
  return {
    id: plan.id,
    huishoudenId: plan.household_id,
    fase: plan.fase,
    faseSinds: iso(plan.fase_sinds)!,
    inhoud,
    versie: plan.versie,
    gestartOp: iso(plan.gestart_op)!,
    bijgewerktOp: iso(plan.bijgewerkt_op)!,
    bijgewerktDoor: door,
    criterium: { dagenZonderGeweld: inst.dagenZonderGeweld, laatsteGeweld: iso(geweld), dagenGeweldloos: dagen, gehaald: dagen >= inst.dagenZonderGeweld },
    faseVoorstel: voorstel
      ? { id: voorstel.id, naar: voorstel.naar_fase, reden: voorstel.reden, voorgesteldDoor: { id: voorstel.voorgesteld_door, naam: voorstel.naam }, voorgesteldOp: iso(voorstel.voorgesteld_op)! }
      : null,
    verlopenAfspraken: verlopenAfspraken(inhoud, amsterdamDate(now)).map((a) => a.id),
    versies: versies.map((v) => ({ versie: v.versie, fase: v.fase, op: iso(v.op)!, auteur: v.naam, toelichting: v.toelichting })),
  };
}

export async function getPlan(db: Database, actor: Actor, audit: AuditBase, householdId: string, now = new Date()): Promise<PlanView> {
  return db.transaction(async (tx) => {
    const { plan, personen } = await loadInScope(tx, actor, audit, householdId, 'veiligheidsplan.lezen', now);
    if (!plan) throw geenPlan();
    const v = await view(tx, actor, plan, now);
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'veiligheidsplan.lezen', recordType: 'veiligheidsplan', recordId: plan.id, personen, uitkomst: 'ok' }]);
    return v;
  });
}

/** Writes a new version of the plan (content and/or phase) in the caller's transaction. */
async function writeVersion(
  tx: Queryable,
  plan: PlanRow,
  change: { inhoud?: PlanInhoud; fase?: Fase; auteur: string | null; toelichting: string | null; now: Date },
): Promise<number> {
  const versie = plan.versie + 1;
  const inhoud = change.inhoud ?? plan.inhoud;
  const fase = change.fase ?? plan.fase;
  await tx.query(
    `UPDATE veiligheidsplan SET inhoud = $2, fase = $3, fase_sinds = CASE WHEN fase = $3 THEN fase_sinds ELSE $4 END, versie = $5, bijgewerkt_op = $4, bijgewerkt_door = $6
     WHERE id = $1`,
    [plan.id, JSON.stringify(inhoud), fase, change.now.toISOString(), versie, change.auteur],
  );
  await tx.query(
    `INSERT INTO veiligheidsplan_versie (plan_id, region_id, versie, fase, inhoud, auteur_id, auteur_soort, op, toelichting) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [plan.id, plan.region_id, versie, fase, JSON.stringify(inhoud), change.auteur, change.auteur ? 'gebruiker' : 'systeem', change.now.toISOString(), change.toelichting],
  );
  return versie;
}

/** The conflict of a change based on an older version: who changed what since. */
async function staleConflict(tx: Queryable, plan: PlanRow, basis: number): Promise<AppError> {
  const since = (
    await tx.query<{ versie: number; fase: Fase; inhoud: PlanInhoud; op: Date; naam: string | null }>(
      `SELECT v.versie, v.fase, v.inhoud, v.op, u.naam FROM veiligheidsplan_versie v LEFT JOIN app_user u ON u.id = v.auteur_id AND u.region_id = v.region_id
       WHERE v.plan_id = $1 AND v.versie >= $2 ORDER BY v.versie`,
      [plan.id, basis],
    )
  ).rows;
  const base = since.find((v) => v.versie === basis);
  const last = since.at(-1)!;
  const lines = base ? planVerschil(planInhoudSchema.parse(base.inhoud), planInhoudSchema.parse(last.inhoud), { oud: base.fase, nieuw: last.fase }) : [];
  const wie = [...new Set(since.filter((v) => v.versie > basis).map((v) => v.naam ?? 'Samen Veilig'))].join(', ');
  return new AppError(
    'conflict',
    `Het plan is intussen gewijzigd door ${wie || 'iemand anders'} (nu versie ${plan.versie}). Uw wijziging is niet opgeslagen; bekijk wat er veranderde, herlaad het plan en breng uw wijziging opnieuw aan.`,
    lines.map((message) => ({ path: 'plan', message })),
  );
}

/** Saves new content of the plan. `versie` is the version the change was made on; an older one is a 409 naming the other change. */
export async function savePlan(
  db: Database,
  actor: Actor,
  audit: AuditBase,
  householdId: string,
  input: { inhoud: PlanInhoud; versie: number; toelichting?: string | undefined },
  now = new Date(),
): Promise<PlanView> {
  return db.transaction(async (tx) => {
    const { plan, personen } = await loadInScope(tx, actor, audit, householdId, 'veiligheidsplan.wijzigen', now, true);
    if (!plan) throw geenPlan();
    if (plan.versie !== input.versie) throw await staleConflict(tx, plan, input.versie);
    const wijzigingen = planVerschil(planInhoudSchema.parse(plan.inhoud), input.inhoud);
    if (wijzigingen.length === 0) return view(tx, actor, plan, now);
    await writeVersion(tx, plan, { inhoud: input.inhoud, auteur: actor.id, toelichting: input.toelichting ?? null, now });
    await appendAudit(tx, [
      { ...audit, regionId: actor.regionId, actie: 'veiligheidsplan.wijzigen', recordType: 'veiligheidsplan', recordId: plan.id, personen, doel: `${wijzigingen.length} wijziging(en)`, uitkomst: 'ok' },
    ]);
    return view(tx, actor, (await tx.query<PlanRow>(`SELECT * FROM veiligheidsplan WHERE id = $1`, [plan.id])).rows[0]!, now);
  });
}

/** One version of the plan, and what changed from the version before (or from `van`). */
export async function planVersie(db: Database, actor: Actor, audit: AuditBase, householdId: string, versie: number, van: number | undefined, now = new Date()) {
  return db.transaction(async (tx) => {
    const { plan, personen } = await loadInScope(tx, actor, audit, householdId, 'veiligheidsplan.lezen', now);
    if (!plan) throw geenPlan();
    const rows = (
      await tx.query<{ versie: number; fase: Fase; inhoud: PlanInhoud; op: Date; naam: string | null; toelichting: string | null }>(
        `SELECT v.versie, v.fase, v.inhoud, v.op, u.naam, v.toelichting FROM veiligheidsplan_versie v
         LEFT JOIN app_user u ON u.id = v.auteur_id AND u.region_id = v.region_id WHERE v.plan_id = $1 AND v.versie = ANY($2::int[])`,
        [plan.id, [versie, van ?? versie - 1]],
      )
    ).rows;
    const deze = rows.find((r) => r.versie === versie);
    if (!deze) throw new AppError('niet_gevonden', `Versie ${versie} bestaat niet.`);
    const vorige = rows.find((r) => r.versie === (van ?? versie - 1));
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'veiligheidsplan.lezen', recordType: 'veiligheidsplan', recordId: plan.id, personen, doel: `versie ${versie}`, uitkomst: 'ok' }]);
    const inhoud = planInhoudSchema.parse(deze.inhoud);
    return {
      versie: deze.versie,
      fase: deze.fase,
      op: iso(deze.op)!,
      auteur: deze.naam,
      toelichting: deze.toelichting,
      inhoud,
      vergelekenMet: vorige ? vorige.versie : null,
      verschil: vorige ? planVerschil(planInhoudSchema.parse(vorige.inhoud), inhoud, { oud: vorige.fase, nieuw: deze.fase }) : [],
    };
  });
}

/** The regisseurs of a household (to notify them). */
async function regisseurs(tx: Queryable, householdId: string): Promise<string[]> {
  return (await tx.query<{ user_id: string }>(`SELECT user_id FROM household_regie WHERE household_id = $1 AND tot IS NULL`, [householdId])).rows.map((r) => r.user_id);
}

/**
 * A change of phase. Back: at once. Forward with the exit criterion met: at once. Forward without it:
 * a reason is required and the change waits for a second professional's approval.
 */
export async function wijzigFase(
  db: Database,
  actor: Actor,
  audit: AuditBase,
  householdId: string,
  input: { naar: Fase; reden?: string | undefined; versie: number },
  now = new Date(),
): Promise<PlanView> {
  return db.transaction(async (tx) => {
    const { plan, personen } = await loadInScope(tx, actor, audit, householdId, 'veiligheidsplan.fase', now, true);
    if (!plan) throw geenPlan();
    if (plan.versie !== input.versie) throw await staleConflict(tx, plan, input.versie);
    const inst = await getInstellingen(tx, actor.regionId);
    const oordeel = faseOordeel(plan.fase, input.naar, {
      laatsteGeweld: laatsteGeweld(await meldingMomenten(tx, householdId), planInhoudSchema.parse(plan.inhoud).incidenten),
      planGestart: new Date(plan.gestart_op),
      now,
      dagenZonderGeweld: inst.dagenZonderGeweld,
    });
    if (oordeel.soort === 'geweigerd') throw new AppError('ongeldige_invoer', `Deze fasewissel kan niet: ${oordeel.reden}.`, [{ path: 'body.naar', message: oordeel.reden }]);
    if (oordeel.soort === 'toegestaan' && oordeel.reden === 'gelijk') return view(tx, actor, plan, now);
    if (oordeel.soort === 'goedkeuring-nodig') {
      if (!input.reden || input.reden.trim().length < 10) {
        throw new AppError('ongeldige_invoer', `Verder gaan kan nog niet zonder reden: ${oordeel.reden}.`, [{ path: 'body.reden', message: 'geef een reden van ten minste 10 tekens' }]);
      }
      const open = await tx.query(`SELECT 1 FROM fase_voorstel WHERE plan_id = $1 AND status = 'voorgesteld'`, [plan.id]);
      if (open.rows.length > 0) throw new AppError('conflict', 'Er wacht al een voorstel voor een andere fase op goedkeuring.');
      const v = await tx.query<{ id: string }>(
        `INSERT INTO fase_voorstel (region_id, plan_id, van_fase, naar_fase, reden, voorgesteld_door, voorgesteld_op) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [actor.regionId, plan.id, plan.fase, input.naar, input.reden.trim(), actor.id, now.toISOString()],
      );
      await notify(tx, {
        regionId: actor.regionId,
        userIds: (await regisseurs(tx, householdId)).filter((u) => u !== actor.id),
        soort: 'fase-goedkeuring',
        titel: `Fasewissel naar ${FASE_NAMEN[input.naar].toLowerCase()} wacht op goedkeuring`,
        link: `/dossiers/${householdId}/plan`,
        bronType: 'fase_voorstel',
        bronId: v.rows[0]!.id,
      }, now);
      await appendAudit(tx, [
        { ...audit, regionId: actor.regionId, actie: 'veiligheidsplan.fase.voorstellen', recordType: 'fase_voorstel', recordId: v.rows[0]!.id, personen, doel: input.naar, uitkomst: 'ok' },
      ]);
      return view(tx, actor, plan, now);
    }
    await zetFase(tx, plan, input.naar, { auteur: actor.id, toelichting: input.reden?.trim() || (oordeel.reden === 'terug' ? 'Terug naar een eerdere fase' : 'Criterium gehaald'), now });
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'veiligheidsplan.fase', recordType: 'veiligheidsplan', recordId: plan.id, personen, doel: input.naar, uitkomst: 'ok' }]);
    return view(tx, actor, (await tx.query<PlanRow>(`SELECT * FROM veiligheidsplan WHERE id = $1`, [plan.id])).rows[0]!, now);
  });
}

/** Sets the phase (a new version), lets waiting phase proposals lapse, and tells the regisseurs. */
async function zetFase(tx: Queryable, plan: PlanRow, naar: Fase, opts: { auteur: string | null; toelichting: string; now: Date }): Promise<void> {
  await writeVersion(tx, plan, { fase: naar, auteur: opts.auteur, toelichting: opts.toelichting, now: opts.now });
  await tx.query(`UPDATE fase_voorstel SET status = 'vervallen' WHERE plan_id = $1 AND status = 'voorgesteld'`, [plan.id]);
  await notify(tx, {
    regionId: plan.region_id,
    userIds: (await regisseurs(tx, plan.household_id)).filter((u) => u !== opts.auteur),
    soort: 'fase-gewijzigd',
    titel: `Het veiligheidsplan is nu in de fase ${FASE_NAMEN[naar].toLowerCase()}`,
    link: `/dossiers/${plan.household_id}/plan`,
    bronType: 'veiligheidsplan',
    bronId: plan.id,
  }, opts.now);
}

/** A second professional's answer to a proposed phase change without the exit criterion. */
export async function beoordeelFaseVoorstel(
  db: Database,
  actor: Actor,
  audit: AuditBase,
  voorstelId: string,
  input: { antwoord: 'goedkeuren' | 'afwijzen'; toelichting?: string | undefined },
  now = new Date(),
): Promise<PlanView> {
  return db.transaction(async (tx) => {
    const v = isUuid(voorstelId)
      ? (
          await tx.query<{ id: string; household_id: string; plan_id: string; van_fase: Fase; naar_fase: Fase; reden: string; status: string; voorgesteld_door: string }>(
            `SELECT f.id, p.household_id, f.plan_id, f.van_fase, f.naar_fase, f.reden, f.status, f.voorgesteld_door FROM fase_voorstel f
             JOIN veiligheidsplan p ON p.id = f.plan_id AND p.region_id = f.region_id WHERE f.id = $1 AND f.region_id = $2`,
            [voorstelId, actor.regionId],
          )
        ).rows[0]
      : undefined;
    if (!v) {
      throw weigering(new AppError('niet_gevonden', 'Voorstel niet gevonden.'), [{ ...audit, regionId: actor.regionId, actie: 'veiligheidsplan.fase.beoordelen', recordType: 'fase_voorstel', recordId: isUuid(voorstelId) ? voorstelId : null, uitkomst: 'niet-gevonden' }]);
    }
    const { plan, personen } = await loadInScope(tx, actor, audit, v.household_id, 'veiligheidsplan.fase.beoordelen', now, true);
    if (!plan) throw geenPlan();
    const current = (await tx.query<{ status: string }>(`SELECT status FROM fase_voorstel WHERE id = $1 FOR UPDATE`, [v.id])).rows[0]!;
    if (current.status !== 'voorgesteld') throw new AppError('conflict', 'Over dit voorstel is al beslist, of het is vervallen.');
    if (v.voorgesteld_door === actor.id) throw new AppError('geen_toegang', 'Een fasewissel zonder het criterium keurt een tweede professional goed, niet wie hem voorstelde.');
    const status = input.antwoord === 'goedkeuren' ? 'goedgekeurd' : 'afgewezen';
    await tx.query(`UPDATE fase_voorstel SET status = $2, beoordeeld_door = $3, beoordeeld_op = $4, toelichting = $5 WHERE id = $1`, [
      v.id,
      status,
      actor.id,
      now.toISOString(),
      input.toelichting ?? null,
    ]);
    if (status === 'goedgekeurd' && plan.fase === v.van_fase) {
      await zetFase(tx, plan, v.naar_fase, { auteur: actor.id, toelichting: `Goedgekeurd voorstel: ${v.reden}`, now });
    }
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: `veiligheidsplan.fase.${status}`, recordType: 'fase_voorstel', recordId: v.id, personen, uitkomst: 'ok' }]);
    return view(tx, actor, (await tx.query<PlanRow>(`SELECT * FROM veiligheidsplan WHERE id = $1`, [plan.id])).rows[0]!, now);
  });
}

/**
 * A new melding about a household with a plan was confirmed (it joined the household): the plan goes
 * back to directe veiligheid, the timeline shows why, and the regisseurs hear of it at once.
 */
export async function nieuweMeldingBijPlan(tx: Queryable, householdId: string, contactId: string, now: Date): Promise<void> {
  const plan = (await tx.query<PlanRow>(`SELECT * FROM veiligheidsplan WHERE household_id = $1 FOR UPDATE`, [householdId])).rows[0];
  const users = await regisseurs(tx, householdId);
  const type = (await tx.query<{ type: string }>(`SELECT type FROM contact WHERE id = $1`, [contactId])).rows[0]?.type;
  // An advies is no report of violence: the regisseurs hear of it, the phase stays.
  if (plan && type === 'melding' && plan.fase !== 'directe-veiligheid') {
    await zetFase(tx, plan, 'directe-veiligheid', { auteur: null, toelichting: `Nieuwe melding (${contactId}): terug naar directe veiligheid`, now });
  }
  await notify(tx, {
    regionId: plan?.region_id ?? (await tx.query<{ region_id: string }>(`SELECT region_id FROM household WHERE id = $1`, [householdId])).rows[0]!.region_id,
    userIds: users,
    soort: 'melding-bekend-huishouden',
    titel: type === 'melding' ? 'Nieuwe melding bij Veilig Thuis over een huishouden waarvoor u regie heeft' : 'Nieuw adviesgesprek bij Veilig Thuis over een huishouden waarvoor u regie heeft',
    link: `/dossiers/${householdId}`,
    bronType: 'contact',
    bronId: contactId,
  }, now);
}

/** The plan as the household receives it on paper: plain Dutch, no organisation notes, no melder. */
export async function planAfdruk(db: Database, actor: Actor, audit: AuditBase, householdId: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const { plan, personen } = await loadInScope(tx, actor, audit, householdId, 'veiligheidsplan.afdruk.lezen', now);
    if (!plan) throw geenPlan();
    const inhoud = planInhoudSchema.parse(plan.inhoud);
    const leden = (
      // One name per person: registrations the radar confirmed to be the same person count once.
      await tx.query<{ voornamen: string | null; roepnaam: string | null }>(
        `SELECT voornamen, roepnaam FROM (
           SELECT DISTINCT ON (coalesce(pi.identiteit_id, p.id)) p.voornamen, p.roepnaam, p.geboortedatum, p.id
           FROM household_member hm JOIN person p ON p.id = hm.person_id AND p.region_id = hm.region_id
           LEFT JOIN person_identiteit pi ON pi.person_id = p.id
           WHERE hm.household_id = $1 ORDER BY coalesce(pi.identiteit_id, p.id), p.id) leden
         ORDER BY geboortedatum NULLS LAST, id`,
        [householdId],
      )
    ).rows;
    const regie = (
      await tx.query<{ soort: RegieSoort; naam: string; email: string; organisatie: string }>(
        `SELECT r.soort, u.naam, u.email, o.naam AS organisatie FROM household_regie r JOIN app_user u ON u.id = r.user_id AND u.region_id = r.region_id
         JOIN organisation o ON o.id = u.organisation_id AND o.region_id = u.region_id WHERE r.household_id = $1 AND r.tot IS NULL ORDER BY r.soort`,
        [householdId],
      )
    ).rows;
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'veiligheidsplan.afdruk', recordType: 'veiligheidsplan', recordId: plan.id, personen, uitkomst: 'ok' }]);
    return {
      versie: plan.versie,
      datum: amsterdamDate(now),
      fase: plan.fase,
      voornamen: leden.map((l) => l.roepnaam ?? l.voornamen?.split(' ')[0] ?? '').filter(Boolean),
      regie: regie.map((r) => ({ soort: r.soort, naam: r.naam, organisatie: r.organisatie, email: r.email })),
      voorwaarden: inhoud.voorwaarden.map((v) => ({ tekst: v.tekst, eigenaar: v.eigenaar, gevolg: v.gevolg ?? null })),
      afspraken: inhoud.afspraken.map((a) => ({ wie: a.wie, wat: a.wat, wanneer: a.wanneer, status: a.status, gevolg: a.gevolg })),
      netwerk: inhoud.netwerk.map((n) => ({ naam: n.naam, relatie: n.relatie, rol: n.rol, telefoon: n.telefoon ?? null })),
      doelen: inhoud.doelen.filter((d) => d.fase === plan.fase).map((d) => d.tekst),
    };
  });
}

/**
 * The goals of a phase become those chosen in a TOP-3 session (a new version of the plan), in the
 * caller's transaction. Returns the new version, or null when the household has no plan.
 */
export async function zetDoelen(
  tx: Queryable,
  householdId: string,
  fase: Fase,
  doelen: readonly { id: string; tekst: string; onderwerpId: string; sessieId: string }[],
  opts: { auteur: string; toelichting: string; now: Date },
): Promise<number | null> {
  const plan = (await tx.query<PlanRow>(`SELECT * FROM veiligheidsplan WHERE household_id = $1 FOR UPDATE`, [householdId])).rows[0];
  if (!plan) return null;
  const inhoud = planInhoudSchema.parse(plan.inhoud);
  const nieuw: PlanInhoud = { ...inhoud, doelen: [...inhoud.doelen.filter((d) => d.fase !== fase), ...doelen.map((d) => ({ ...d, fase }))] };
  return writeVersion(tx, plan, { inhoud: nieuw, auteur: opts.auteur, toelichting: opts.toelichting, now: opts.now });
}
