/**
 * The data-access path for household dossiers. Every method takes the actor, applies the domain
 * policy (lists: dossierScope as SQL; records: can() on the loaded record, out of scope = not
 * found), hides protected fields per policy, and writes its audit rows in the same transaction
 * before anything is returned.
 */
import {
  can,
  dossierScope,
  findGemeente,
  hasBreakGlass,
  isInvolved,
  type Actor,
  type Involvement,
  type NotitieKlasse,
} from '@samenveilig/domain';
import { appendAudit, weigering } from '../audit/chain.js';
import { AppError } from '../http/errors.js';
import { isUuid, type AuditBase } from './common.js';
import { PERSON_COLUMNS, personView, type PersonRow } from './personen.js';
import type { Database, Queryable } from '../db/database.js';
import { dossierAanvulling } from './tijdlijn.js';



/** The SQL condition (on household alias h) equal to the dossier rule of the policy. */
export function scopeCondition(actor: Actor, params: unknown[], now: Date): string {
  const scope = dossierScope(actor, now);
  if (scope.kind === 'none') return 'false';
  params.push(scope.regionId, scope.organisationId, scope.teamId, scope.userId, scope.breakGlassHouseholdIds);
  const [r, o, t, u, bg] = [params.length - 4, params.length - 3, params.length - 2, params.length - 1, params.length];
  return `(h.region_id = $${r} AND (
    EXISTS (SELECT 1 FROM household_involvement i
            WHERE i.household_id = h.id AND i.region_id = h.region_id AND i.organisation_id = $${o}::uuid AND (i.tot IS NULL OR i.tot > now())
              AND CASE WHEN i.user_id IS NOT NULL THEN i.user_id = $${u}::uuid
                       WHEN i.team_id IS NOT NULL THEN i.team_id = $${t}::uuid
                       ELSE true END)
    OR h.id = ANY($${bg}::uuid[])))`;
}

export interface HouseholdListItem {
  id: string;
  gemeente: { code: string; naam: string } | null;
  leden: { id: string; naam: string }[];
  aantalContacten: number;
  laatsteContactOp: string | null;
}

const personName = (p: { voornamen: string | null; roepnaam: string | null; tussenvoegsel: string | null; achternaam: string | null }) =>
  [p.roepnaam ?? p.voornamen?.split(' ')[0], p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ') || 'Onbekend';

export async function listHouseholds(
  db: Database,
  actor: Actor,
  audit: AuditBase,
  opts: { pagina: number; perPagina: number },
  now = new Date(),
): Promise<{ items: HouseholdListItem[]; totaal: number }> {
  return db.transaction(async (tx) => {
    const params: unknown[] = [];
    const where = scopeCondition(actor, params, now);
    params.push(opts.perPagina, (opts.pagina - 1) * opts.perPagina);
    const rows = (
      await tx.query<{ id: string; totaal: number; aantal: number; laatste: Date | null; gemeente_code: string | null }>(
        `SELECT h.id, count(*) OVER () AS totaal, s.aantal, s.laatste, s.gemeente_code
         FROM household h
         JOIN LATERAL (SELECT count(*) AS aantal, max(c.ontvangen_op) AS laatste,
                              (array_agg(c.gemeente_code ORDER BY c.ontvangen_op DESC))[1] AS gemeente_code
                       FROM contact c WHERE c.household_id = h.id AND c.region_id = h.region_id) s ON true
         WHERE h.samengevoegd_in IS NULL AND ${where}
         ORDER BY s.laatste DESC NULLS LAST, h.id
         LIMIT $${params.length - 1} OFFSET $${params.length}`,
        params,
      )
    ).rows;
    const ids = rows.map((r) => r.id);
    const members = ids.length
      ? (
          await tx.query<{ household_id: string; id: string; voornamen: string | null; roepnaam: string | null; tussenvoegsel: string | null; achternaam: string | null }>(
            `SELECT hm.household_id, p.id, p.voornamen, p.roepnaam, p.tussenvoegsel, p.achternaam
             FROM household_member hm JOIN person p ON p.id = hm.person_id AND p.region_id = hm.region_id
             WHERE hm.household_id = ANY($1::uuid[]) AND hm.region_id = $2 ORDER BY p.geboortedatum NULLS LAST, p.id`,
            [ids, actor.regionId],
          )
        ).rows
      : [];
    const items = rows.map((r) => {
      const g = r.gemeente_code ? findGemeente(r.gemeente_code) : undefined;
      return {
        id: r.id,
        gemeente: g ? { code: g.code, naam: g.naam } : null,
        leden: members.filter((m) => m.household_id === r.id).map((m) => ({ id: m.id, naam: personName(m) })),
        aantalContacten: r.aantal,
        laatsteContactOp: r.laatste ? new Date(r.laatste).toISOString() : null,
      };
    });
    await appendAudit(tx, [
      { ...audit, regionId: actor.regionId, actie: 'huishouden.lijst', recordType: 'huishouden', personen: members.map((m) => m.id), uitkomst: `ok (${items.length})` },
    ]);
    return { items, totaal: rows[0]?.totaal ?? 0 };
  });
}

export interface Loaded {
  involvements: (Involvement & { naam: string; type: string; grondslag: string })[];
  casusregisseur: string | null;
}

/** A household of the actor's region with its open involvements and casusregisseur; null when absent. */
export async function loadHousehold(tx: Queryable, actor: Actor, id: string): Promise<Loaded | null> {
  if (!isUuid(id)) return null;
  const h = await tx.query<{ id: string }>(`SELECT id FROM household WHERE id = $1 AND region_id = $2`, [id, actor.regionId]);
  if (h.rows.length === 0) return null;
  const inv = (
    await tx.query<{ organisation_id: string; team_id: string | null; user_id: string | null; naam: string; type: string; grondslag: string }>(
      `SELECT i.organisation_id, i.team_id, i.user_id, o.naam, o.type, i.grondslag
       FROM household_involvement i JOIN organisation o ON o.id = i.organisation_id AND o.region_id = i.region_id
       WHERE i.household_id = $1 AND i.region_id = $2 AND (i.tot IS NULL OR i.tot > now())`,
      [id, actor.regionId],
    )
  ).rows;
  const regie = await tx.query<{ user_id: string }>(
    `SELECT user_id FROM household_regie WHERE household_id = $1 AND region_id = $2 AND soort = 'casusregisseur' AND tot IS NULL`,
    [id, actor.regionId],
  );
  return {
    involvements: inv.map((i) => ({ organisationId: i.organisation_id, teamId: i.team_id, userId: i.user_id, naam: i.naam, type: i.type, grondslag: i.grondslag })),
    casusregisseur: regie.rows[0]?.user_id ?? null,
  };
}

export async function getHousehold(db: Database, actor: Actor, audit: AuditBase, requested: string, now = new Date()) {
  return db.transaction(async (tx) => {
    // A household merged into a known one (radar) is shown as that one.
    const merged = isUuid(requested)
      ? (await tx.query<{ samengevoegd_in: string | null }>(`SELECT samengevoegd_in FROM household WHERE id = $1 AND region_id = $2`, [requested, actor.regionId])).rows[0]
      : undefined;
    const id = merged?.samengevoegd_in ?? requested;
    const loaded = await loadHousehold(tx, actor, id);
    const resource = { type: 'huishouden' as const, regionId: actor.regionId, householdId: id, involvements: loaded?.involvements ?? [] };
    if (!loaded || !can(actor, 'read', resource, now)) {
      // Out of scope and nonexistent look the same to the caller; the attempt is recorded.
      await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'huishouden.lezen', recordType: 'huishouden', recordId: isUuid(id) ? id : null, uitkomst: 'niet-gevonden' }]);
      return null;
    }
    const viaBreakGlass = !isInvolved(actor, loaded.involvements) && hasBreakGlass(actor, id, now);
    const members = (
      await tx.query<PersonRow & { identiteit_id: string }>(
        `SELECT ${PERSON_COLUMNS}, coalesce(pi.identiteit_id, p.id) AS identiteit_id
         FROM household_member hm JOIN person p ON p.id = hm.person_id AND p.region_id = hm.region_id
         LEFT JOIN person_identiteit pi ON pi.person_id = p.id
         WHERE hm.household_id = $1 AND hm.region_id = $2 ORDER BY p.geboortedatum NULLS LAST, p.id`,
        [id, actor.regionId],
      )
    ).rows;
    // Every registration is kept; registrations the radar found to be one person share an identiteitId.
    const leden = members.map((p) => ({ ...personView(actor, p, loaded.casusregisseur, now), identiteitId: p.identiteit_id }));
    const mayMelder = can(actor, 'read', { type: 'melder-identiteit', regionId: actor.regionId, householdId: id, involvements: loaded.involvements }, now);
    const contacts = (
      await tx.query<{
        id: string; type: string; ontvangen_op: Date; kanaal: string; gemeente_code: string; melder_type: string; melder_sector: string | null;
        melder_relatie: string | null; melder_anoniem: boolean; omschrijving: string | null; acuut_gevaar: boolean; geweldsvormen: string[];
        rollen: { persoonId: string; rol: string }[]; m_naam: string | null; m_organisatie: string | null; m_telefoon: string | null; m_email: string | null;
      }>(
        `SELECT c.id, c.type, c.ontvangen_op, c.kanaal, c.gemeente_code, c.melder_type, c.melder_sector, c.melder_relatie, c.melder_anoniem,
                c.omschrijving, c.acuut_gevaar,
                coalesce((SELECT array_agg(g.geweldsvorm_code ORDER BY g.geweldsvorm_code) FROM contact_geweldsvorm g WHERE g.contact_id = c.id), '{}') AS geweldsvormen,
                coalesce((SELECT json_agg(json_build_object('persoonId', cp.person_id, 'rol', cp.rol)) FROM contact_person cp WHERE cp.contact_id = c.id), '[]') AS rollen,
                ${mayMelder ? 'm.naam AS m_naam, m.organisatie AS m_organisatie, m.telefoon AS m_telefoon, m.email AS m_email' : 'NULL AS m_naam, NULL AS m_organisatie, NULL AS m_telefoon, NULL AS m_email'}
         FROM contact c ${mayMelder ? 'LEFT JOIN melder_identiteit m ON m.contact_id = c.id AND m.region_id = c.region_id' : ''}
         WHERE c.household_id = $1 AND c.region_id = $2 AND c.status = 'actief' ORDER BY c.ontvangen_op DESC`,
        [id, actor.regionId],
      )
    ).rows;
    const contacten = contacts.map((c) => {
      const g = findGemeente(c.gemeente_code)!;
      const hasIdentity = c.m_naam || c.m_organisatie || c.m_telefoon || c.m_email;
      return {
        id: c.id,
        type: c.type,
        ontvangenOp: new Date(c.ontvangen_op).toISOString(),
        kanaal: c.kanaal,
        gemeente: { code: g.code, naam: g.naam },
        melder: {
          type: c.melder_type,
          sector: c.melder_sector,
          relatie: c.melder_relatie,
          anoniem: c.melder_anoniem,
          identiteit: mayMelder && hasIdentity ? { naam: c.m_naam, organisatie: c.m_organisatie, telefoon: c.m_telefoon, email: c.m_email } : null,
        },
        rollen: c.rollen,
        geweldsvormen: c.geweldsvormen,
        omschrijving: c.omschrijving,
        acuutGevaar: c.acuut_gevaar,
      };
    });
    const notes = (
      await tx.query<{ id: string; klasse: NotitieKlasse; tekst: string; organisation_id: string; org_naam: string; aangemaakt_op: Date; prive: boolean }>(
        `SELECT n.id, n.klasse, n.tekst, n.organisation_id, o.naam AS org_naam, n.aangemaakt_op, n.prive_voor_organisatie AS prive
         FROM notitie n JOIN organisation o ON o.id = n.organisation_id AND o.region_id = n.region_id
         WHERE n.household_id = $1 AND n.region_id = $2 ORDER BY n.aangemaakt_op DESC`,
        [id, actor.regionId],
      )
    ).rows;
    const notities = notes
      .filter((n) =>
        can(actor, 'read', { type: 'notitie', regionId: actor.regionId, householdId: id, involvements: loaded.involvements, klasse: n.klasse, priveVoorOrganisatie: n.prive ? n.organisation_id : null }, now),
      )
      .map((n) => ({ id: n.id, klasse: n.klasse, tekst: n.tekst, organisatie: n.org_naam, aangemaaktOp: new Date(n.aangemaakt_op).toISOString(), prive: n.prive }));
    const bg = viaBreakGlass
      ? (
          await tx.query<{ tot: Date; reden: string }>(
            `SELECT tot, reden FROM break_glass WHERE user_id = $1 AND household_id = $2 AND region_id = $3 AND tot > $4 ORDER BY tot DESC LIMIT 1`,
            [actor.id, id, actor.regionId, now.toISOString()],
          )
        ).rows[0]
      : undefined;
    const extra = await dossierAanvulling(tx, id);
    const betrokkenen = (
      await tx.query<{ user_id: string; naam: string }>(
        `SELECT i.user_id, u.naam FROM household_involvement i JOIN app_user u ON u.id = i.user_id AND u.region_id = i.region_id
         WHERE i.household_id = $1 AND i.user_id IS NOT NULL AND (i.tot IS NULL OR i.tot > now())`,
        [id],
      )
    ).rows;
    await appendAudit(tx, [
      {
        ...audit,
        regionId: actor.regionId,
        actie: viaBreakGlass ? 'huishouden.lezen.break-glass' : 'huishouden.lezen',
        recordType: 'huishouden',
        recordId: id,
        personen: leden.map((l) => l.id),
        doel: bg?.reden ?? null,
        uitkomst: 'ok',
      },
    ]);
    return {
      id,
      viaBreakGlass: bg ? { tot: new Date(bg.tot).toISOString(), reden: bg.reden } : null,
      actief: extra.actief,
      regie: extra.regie,
      regieVoorstellen: extra.regieVoorstellen,
      leden,
      relaties: extra.relaties,
      contacten: contacten.map((c) => ({ ...c, beoordeling: extra.beoordelingen.get(c.id) ?? null })),
      plan: extra.plan,
      controlemomenten: extra.controlemomenten,
      notities,
      betrokkenOrganisaties: loaded.involvements.map((i) => ({
        naam: i.naam,
        type: i.type,
        grondslag: i.grondslag,
        persoon: i.userId ? (betrokkenen.find((b) => b.user_id === i.userId)?.naam ?? null) : null,
      })),
      tijdlijn: extra.tijdlijn,
    };
  });
}

/** Break-glass: opens one out-of-scope household for a limited time after a stated reason. */
export async function openBreakGlass(db: Database, actor: Actor, audit: AuditBase, id: string, reden: string, hours: number, now = new Date()) {
  return db.transaction(async (tx) => {
    const exists = isUuid(id) && (await tx.query(`SELECT 1 FROM household WHERE id = $1 AND region_id = $2`, [id, actor.regionId])).rows.length > 0;
    const allowed = can(actor, 'create', { type: 'break-glass', regionId: actor.regionId, householdId: id }, now);
    if (!exists || !allowed) {
      await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'break-glass.openen', recordType: 'huishouden', recordId: isUuid(id) ? id : null, doel: reden, uitkomst: 'niet-gevonden' }]);
      return null;
    }
    const tot = new Date(now.getTime() + hours * 3600_000);
    await tx.query(`INSERT INTO break_glass (region_id, user_id, household_id, reden, geopend_op, tot) VALUES ($1, $2, $3, $4, $5, $6)`, [
      actor.regionId,
      actor.id,
      id,
      reden,
      now.toISOString(),
      tot.toISOString(),
    ]);
    const members = (await tx.query<{ person_id: string }>(`SELECT person_id FROM household_member WHERE household_id = $1 AND region_id = $2`, [id, actor.regionId])).rows;
    await appendAudit(tx, [
      { ...audit, regionId: actor.regionId, actie: 'break-glass.openen', recordType: 'huishouden', recordId: id, personen: members.map((m) => m.person_id), doel: reden, uitkomst: 'ok' },
    ]);
    return { tot: tot.toISOString() };
  });
}

/**
 * A note of the actor's organisation on a household: general, medical or about sexual violence (each class
 * readable only by the roles the access policy names), and optionally private to the organisation. Notes are
 * never part of the shared plan or its print. Out of scope (or a class the role may not write) is "not found".
 */
export async function addNotitie(
  db: Database,
  actor: Actor,
  audit: AuditBase,
  id: string,
  input: { klasse: NotitieKlasse; tekst: string; prive: boolean },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const loaded = await loadHousehold(tx, actor, id);
    const resource = {
      type: 'notitie' as const,
      regionId: actor.regionId,
      householdId: id,
      involvements: loaded?.involvements ?? [],
      klasse: input.klasse,
      priveVoorOrganisatie: input.prive ? actor.organisationId : null,
    };
    if (!loaded || !actor.organisationId || !can(actor, 'create', resource, now)) {
      throw weigering(new AppError('niet_gevonden', 'Dossier niet gevonden.'), [
        { ...audit, regionId: actor.regionId, actie: 'notitie.toevoegen', recordType: 'huishouden', recordId: isUuid(id) ? id : null, uitkomst: 'niet-gevonden' },
      ]);
    }
    const r = await tx.query<{ id: string; aangemaakt_op: Date }>(
      `INSERT INTO notitie (region_id, household_id, organisation_id, auteur_id, klasse, prive_voor_organisatie, tekst, aangemaakt_op)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, aangemaakt_op`,
      [actor.regionId, id, actor.organisationId, actor.id, input.klasse, input.prive, input.tekst, now.toISOString()],
    );
    const row = r.rows[0]!;
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'notitie.toevoegen', recordType: 'huishouden', recordId: id, uitkomst: 'ok' }]);
    return { id: row.id, aangemaaktOp: new Date(row.aangemaakt_op).toISOString() };
  });
}
