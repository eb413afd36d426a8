/**
 * Handovers from Veilig Thuis, seen from the receiver: what was handed over and why (the warm
 * handover), and the answer. Accepting makes the receiver involved with the household (need-to-know
 * follows the handover) and settles the melding; refusing puts it back in Veilig Thuis' queue.
 * Before accepting, the receiver sees the handover's own summary, not the dossier: no melder identity,
 * no notes, no secret address.
 */
import { can, REGIE_ROLLEN, statusNaOverdracht, vervolgDeadline, type Actor, type OverdrachtStatus } from '@samenveilig/domain';
import { appendAudit } from '../audit/chain.js';
import type { Database, Queryable } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { isUuid, type AuditBase } from './common.js';
import { planControlemomenten } from './controle.js';
import { notify } from './notificaties.js';
import { startPlan } from './plan.js';
import { activeerMetRegisseur } from './regie.js';

interface Row {
  id: string;
  region_id: string;
  beoordeling_id: string;
  besluit_id: string;
  household_id: string;
  contact_id: string;
  soort: string | null;
  besluit_soort: string;
  naar_organisation_id: string;
  naar_team_id: string | null;
  naar_org_naam: string;
  naar_team_naam: string | null;
  van_org_naam: string;
  toelichting: string;
  voorwaarden: string[];
  status: OverdrachtStatus;
  voorgesteld_op: Date;
  beantwoord_op: Date | null;
  reden: string | null;
  gemeente_code: string;
  gemeente_naam: string;
  voorsteller_naam: string;
  voorsteller_email: string;
  voorgesteld_door: string;
  bevestigd_door: string | null;
  versie: number;
}

const SELECT = `SELECT o.*, b.contact_id, s.soort AS besluit_soort, s.voorgesteld_door, s.beoordeeld_door AS bevestigd_door,
    nt.naam AS naar_org_naam, t.naam AS naar_team_naam, vo.naam AS van_org_naam, c.gemeente_code, g.naam AS gemeente_naam,
    vu.naam AS voorsteller_naam, vu.email AS voorsteller_email
  FROM overdracht o
  JOIN beoordeling b ON b.id = o.beoordeling_id AND b.region_id = o.region_id
  JOIN contact c ON c.id = b.contact_id AND c.region_id = b.region_id
  JOIN gemeente g ON g.code = c.gemeente_code
  JOIN besluit s ON s.id = o.besluit_id AND s.region_id = o.region_id
  JOIN organisation nt ON nt.id = o.naar_organisation_id AND nt.region_id = o.region_id
  JOIN organisation vo ON vo.id = o.van_organisation_id AND vo.region_id = o.region_id
  JOIN app_user vu ON vu.id = s.voorgesteld_door AND vu.region_id = s.region_id
  LEFT JOIN team t ON t.id = o.naar_team_id AND t.region_id = o.region_id`;

const resource = (actor: Actor, r: Pick<Row, 'naar_organisation_id' | 'naar_team_id'>) =>
  ({ type: 'overdracht', regionId: actor.regionId, naarOrganisationId: r.naar_organisation_id, naarTeamId: r.naar_team_id }) as const;

async function members(tx: Queryable, householdId: string) {
  return (
    await tx.query<{ id: string; voornamen: string | null; roepnaam: string | null; tussenvoegsel: string | null; achternaam: string | null; geboortedatum: string | null }>(
      `SELECT p.id, p.voornamen, p.roepnaam, p.tussenvoegsel, p.achternaam, p.geboortedatum
       FROM household_member hm JOIN person p ON p.id = hm.person_id AND p.region_id = hm.region_id
       WHERE hm.household_id = $1 ORDER BY p.geboortedatum NULLS LAST, p.id`,
      [householdId],
    )
  ).rows;
}

const naam = (p: { voornamen: string | null; roepnaam: string | null; tussenvoegsel: string | null; achternaam: string | null }) =>
  [p.roepnaam ?? p.voornamen?.split(' ')[0], p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ') || 'Onbekend';

function toView(r: Row, leden: Awaited<ReturnType<typeof members>>) {
  return {
    id: r.id,
    status: r.status,
    soort: r.soort,
    besluitSoort: r.besluit_soort,
    van: { organisatie: r.van_org_naam, contactpersoon: r.voorsteller_naam, email: r.voorsteller_email },
    naar: { organisatie: { id: r.naar_organisation_id, naam: r.naar_org_naam }, team: r.naar_team_id ? { id: r.naar_team_id, naam: r.naar_team_naam! } : null },
    gemeente: { code: r.gemeente_code, naam: r.gemeente_naam },
    toelichting: r.toelichting,
    voorwaarden: r.voorwaarden,
    voorgesteldOp: new Date(r.voorgesteld_op).toISOString(),
    beantwoordOp: r.beantwoord_op ? new Date(r.beantwoord_op).toISOString() : null,
    reden: r.reden,
    huishoudenId: r.household_id,
    leden: leden.map((p) => ({ naam: naam(p), geboortedatum: p.geboortedatum })),
    versie: r.versie,
  };
}
export type OverdrachtDetail = ReturnType<typeof toView>;

/** Handovers for the actor's organisation (and team), open ones first. */
export async function listOverdrachten(db: Database, actor: Actor, audit: AuditBase, opts: { status: 'open' | 'alle' }, now = new Date()) {
  return db.transaction(async (tx) => {
    const rows = (
      await tx.query<Row>(
        `${SELECT} WHERE o.region_id = $1 AND o.naar_organisation_id = $2 AND (o.naar_team_id IS NULL OR o.naar_team_id = $3::uuid)
           AND ($4::text = 'alle' OR o.status = 'voorgesteld')
         ORDER BY (o.status = 'voorgesteld') DESC, o.voorgesteld_op DESC LIMIT 200`,
        [actor.regionId, actor.organisationId, actor.teamId, opts.status],
      )
    ).rows.filter((r) => can(actor, 'list', resource(actor, r), now));
    const items = [];
    const personen: string[] = [];
    for (const r of rows) {
      const leden = await members(tx, r.household_id);
      personen.push(...leden.map((l) => l.id));
      items.push(toView(r, leden));
    }
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'overdracht.lijst', recordType: 'overdracht', personen, uitkomst: `ok (${items.length})` }]);
    return items;
  });
}

async function loadOverdracht(tx: Queryable, actor: Actor, id: string, lock: boolean): Promise<Row | null> {
  if (!isUuid(id)) return null;
  const r = await tx.query<Row>(`${SELECT} WHERE o.id = $1 AND o.region_id = $2 ${lock ? 'FOR UPDATE OF o' : ''}`, [id, actor.regionId]);
  return r.rows[0] ?? null;
}

export async function getOverdracht(db: Database, actor: Actor, audit: AuditBase, id: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const r = await loadOverdracht(tx, actor, id, false);
    if (!r || !can(actor, 'read', resource(actor, r), now)) {
      await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'overdracht.lezen', recordType: 'overdracht', recordId: isUuid(id) ? id : null, uitkomst: 'niet-gevonden' }]);
      return null;
    }
    const leden = await members(tx, r.household_id);
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'overdracht.lezen', recordType: 'overdracht', recordId: r.id, personen: leden.map((l) => l.id), uitkomst: 'ok' }]);
    // Who of the receiving organisation can become casusregisseur (the receiving team first).
    const regisseurKandidaten = (
      await tx.query<{ id: string; naam: string }>(
        `SELECT u.id, u.naam FROM app_user u WHERE u.region_id = $1 AND u.organisation_id = $2 AND u.actief
           AND EXISTS (SELECT 1 FROM user_role ur WHERE ur.user_id = u.id AND ur.rol = ANY($4::text[]))
         ORDER BY (u.team_id IS NOT DISTINCT FROM $3::uuid) DESC, u.naam LIMIT 200`,
        [actor.regionId, r.naar_organisation_id, r.naar_team_id, REGIE_ROLLEN],
      )
    ).rows;
    return { ...toView(r, leden), regisseurKandidaten };
  });
}

/** The receiver's answer. Accepting involves the receiver with the household; refusing returns the melding to Veilig Thuis. */
export async function beantwoordOverdracht(
  db: Database,
  actor: Actor,
  audit: AuditBase,
  id: string,
  input: { antwoord: 'accepteren' | 'weigeren'; reden?: string | undefined; versie: number; casusregisseurId?: string | undefined },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const r = await loadOverdracht(tx, actor, id, true);
    if (!r || !can(actor, 'review', resource(actor, r), now)) {
      await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'overdracht.beantwoorden', recordType: 'overdracht', recordId: isUuid(id) ? id : null, uitkomst: 'niet-gevonden' }]);
      return null;
    }
    if (r.versie !== input.versie) throw new AppError('conflict', 'Deze overdracht is intussen gewijzigd. Herlaad de pagina.');
    if (r.status !== 'voorgesteld') throw new AppError('conflict', 'Op deze overdracht is al geantwoord.');
    if (input.antwoord === 'weigeren' && !input.reden) {
      throw new AppError('ongeldige_invoer', 'Geef aan waarom u de overdracht niet accepteert.', [{ path: 'body.reden', message: 'verplicht bij weigeren' }]);
    }
    const status: OverdrachtStatus = input.antwoord === 'accepteren' ? 'geaccepteerd' : 'geweigerd';
    await tx.query(`UPDATE overdracht SET status = $2, beantwoord_door = $3, beantwoord_op = $4, reden = $5, versie = versie + 1 WHERE id = $1`, [
      r.id,
      status,
      actor.id,
      now.toISOString(),
      input.reden ?? null,
    ]);
    const next = statusNaOverdracht(status);
    await tx.query(
      `UPDATE beoordeling SET status = $2, deadline = $3, afgerond_op = $4, te_laat_gemeld_op = NULL, versie = versie + 1, bijgewerkt_op = $5, bijgewerkt_door = $6 WHERE id = $1`,
      [r.beoordeling_id, next, next === 'afgerond' ? null : vervolgDeadline(now).toISOString(), next === 'afgerond' ? now.toISOString() : null, now.toISOString(), actor.id],
    );
    if (status === 'geaccepteerd') {
      // Need-to-know follows the handover: the receiving organisation (or its team) is now involved.
      await tx.query(
        `INSERT INTO household_involvement (household_id, region_id, organisation_id, team_id, grondslag, sinds) VALUES ($1, $2, $3, $4, 'overdracht', $5)
         ON CONFLICT (household_id, organisation_id) WHERE team_id IS NULL AND user_id IS NULL AND tot IS NULL DO NOTHING`,
        [r.household_id, actor.regionId, r.naar_organisation_id, r.naar_team_id, now.toISOString()],
      );
      // One household, one plan, one director: the household becomes an active dossier with its casusregisseur
      // (by default the person who accepts, or a colleague of the receiving organisation) and its plan,
      // whose first voorwaarden are those Veilig Thuis set. Veilig Thuis checks later that safety was reached.
      const regisseur = input.casusregisseurId ?? actor.id;
      const collega = await tx.query(`SELECT 1 FROM app_user WHERE id = $1 AND region_id = $2 AND organisation_id = $3`, [regisseur, actor.regionId, r.naar_organisation_id]);
      if (collega.rows.length === 0) {
        throw new AppError('ongeldige_invoer', 'De casusregisseur is iemand van de organisatie die de overdracht accepteert.', [{ path: 'body.casusregisseurId', message: 'geen collega van uw organisatie' }]);
      }
      const casus = await activeerMetRegisseur(tx, { regionId: actor.regionId, householdId: r.household_id, userId: regisseur, door: actor.id, now });
      await startPlan(tx, { regionId: actor.regionId, householdId: r.household_id, door: actor.id, voorwaarden: r.voorwaarden, now });
      await planControlemomenten(tx, { regionId: actor.regionId, householdId: r.household_id, overdrachtId: r.id, beoordelingId: r.beoordeling_id, vanaf: now });
      if (casus !== actor.id) {
        await notify(tx, {
          regionId: actor.regionId,
          userIds: [casus],
          soort: 'regie-beantwoord',
          titel: 'U bent casusregisseur van een huishouden (overdracht van Veilig Thuis)',
          link: `/dossiers/${r.household_id}`,
          bronType: 'overdracht',
          bronId: r.id,
        }, now);
      }
    }
    await notify(tx, {
      regionId: actor.regionId,
      userIds: [r.voorgesteld_door, ...(r.bevestigd_door ? [r.bevestigd_door] : [])],
      soort: 'overdracht-beantwoord',
      titel: status === 'geaccepteerd' ? `Overdracht geaccepteerd door ${r.naar_org_naam}` : `Overdracht geweigerd door ${r.naar_org_naam}: nieuw besluit nodig`,
      link: `/meldingen/${r.contact_id}`,
      bronType: 'overdracht',
      bronId: r.id,
    }, now);
    const leden = await members(tx, r.household_id);
    await appendAudit(tx, [
      {
        ...audit,
        regionId: actor.regionId,
        actie: status === 'geaccepteerd' ? 'overdracht.accepteren' : 'overdracht.weigeren',
        recordType: 'overdracht',
        recordId: r.id,
        personen: leden.map((l) => l.id),
        uitkomst: 'ok',
      },
    ]);
    return toView({ ...r, status, beantwoord_op: now, reden: input.reden ?? null, versie: r.versie + 1 }, leden);
  });
}
