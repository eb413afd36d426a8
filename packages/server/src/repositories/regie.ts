/**
 * Regie over a household: the casusregisseur (required for an active household: the database checks it
 * at every commit) and the procesregisseur (where needed). Regie passes by a proposal the receiver
 * accepts; until then the sender keeps it. The rules are in packages/domain/src/regie.ts.
 */
import { can, kanRegieHouden, REGIE_NAMEN, REGIE_ROLLEN, voorstelProbleem, type Actor, type Fase, type RegieSoort, type RegieVoorstelStatus, type Rol } from '@samenveilig/domain';
import { appendAudit, weigering } from '../audit/chain.js';
import type { Database, Queryable } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { isUuid, type AuditBase } from './common.js';
import { loadHousehold } from './dossiers.js';
import { notify } from './notificaties.js';

interface Kandidaat {
  id: string;
  region_id: string;
  organisation_id: string;
  actief: boolean;
  rollen: Rol[];
}

/**
 * A user who is to hold regie, read under a share lock on their row: a concurrent deactivation or change
 * of roles (which locks the row for update, beheer.ts) either finishes first and is seen here, or waits
 * and then sees the regie this transaction gives them. Either way nobody inactive ends up holding regie.
 */
async function kandidaat(tx: Queryable, regionId: string, userId: string): Promise<Kandidaat | null> {
  if (!isUuid(userId)) return null;
  await tx.query(`SELECT 1 FROM app_user WHERE id = $1 AND region_id = $2 FOR SHARE`, [userId, regionId]);
  return (
    (
      await tx.query<Kandidaat>(
        `SELECT u.id, u.region_id, u.organisation_id, u.actief, coalesce(array_agg(r.rol) FILTER (WHERE r.rol IS NOT NULL), '{}') AS rollen
         FROM app_user u LEFT JOIN user_role r ON r.user_id = u.id WHERE u.id = $1 AND u.region_id = $2 GROUP BY u.id, u.region_id`,
        [userId, regionId],
      )
    ).rows[0] ?? null
  );
}

/** The regisseur's organisation becomes involved with the household (need-to-know follows regie). */
async function betrek(tx: Queryable, regionId: string, householdId: string, u: Kandidaat, now: Date): Promise<void> {
  const involved = await tx.query(
    `SELECT 1 FROM household_involvement WHERE household_id = $1 AND organisation_id = $2 AND (tot IS NULL OR tot > now())
       AND (user_id IS NULL OR user_id = $3) AND (team_id IS NULL OR team_id = (SELECT team_id FROM app_user WHERE id = $3))`,
    [householdId, u.organisation_id, u.id],
  );
  if (involved.rows.length > 0) return;
  await tx.query(`INSERT INTO household_involvement (household_id, region_id, organisation_id, user_id, grondslag, sinds) VALUES ($1, $2, $3, $4, 'toewijzing', $5)`, [
    householdId,
    regionId,
    u.organisation_id,
    u.id,
    now.toISOString(),
  ]);
}

/**
 * The household becomes active with its first casusregisseur (the accepted handover), in the caller's
 * transaction. An already active household keeps its regisseur. Returns the casusregisseur's id.
 */
export async function activeerMetRegisseur(tx: Queryable, input: { regionId: string; householdId: string; userId: string; door: string; now: Date }): Promise<string> {
  const h = (await tx.query<{ actief_sinds: Date | null }>(`SELECT actief_sinds FROM household WHERE id = $1 AND region_id = $2 FOR UPDATE`, [input.householdId, input.regionId])).rows[0];
  if (!h) throw new AppError('niet_gevonden', 'Huishouden niet gevonden.');
  const current = (await tx.query<{ user_id: string }>(`SELECT user_id FROM household_regie WHERE household_id = $1 AND soort = 'casusregisseur' AND tot IS NULL`, [input.householdId])).rows[0];
  if (current) return current.user_id;
  const u = await kandidaat(tx, input.regionId, input.userId);
  const probleem = u ? kanRegieHouden({ userId: u.id, actief: u.actief, roles: u.rollen }) : 'onbekende gebruiker';
  if (!u || probleem) throw new AppError('ongeldige_invoer', `Deze persoon kan geen casusregisseur zijn: ${probleem}.`, [{ path: 'body.casusregisseurId', message: probleem ?? '' }]);
  await tx.query(`INSERT INTO household_regie (household_id, region_id, user_id, soort, sinds, toegewezen_door) VALUES ($1, $2, $3, 'casusregisseur', $4, $5)`, [
    input.householdId,
    input.regionId,
    u.id,
    input.now.toISOString(),
    input.door,
  ]);
  await betrek(tx, input.regionId, input.householdId, u, input.now);
  if (!h.actief_sinds) await tx.query(`UPDATE household SET actief_sinds = $2 WHERE id = $1`, [input.householdId, input.now.toISOString()]);
  return u.id;
}

export interface RegieView {
  soort: RegieSoort;
  userId: string;
  naam: string;
  email: string;
  organisatie: string;
  sinds: string;
}

/** Who has regie now, and how to reach them. */
export async function regieVan(tx: Queryable, householdId: string): Promise<RegieView[]> {
  return (
    await tx.query<{ soort: RegieSoort; user_id: string; naam: string; email: string; organisatie: string; sinds: Date }>(
      `SELECT r.soort, r.user_id, u.naam, u.email, o.naam AS organisatie, r.sinds FROM household_regie r
       JOIN app_user u ON u.id = r.user_id AND u.region_id = r.region_id JOIN organisation o ON o.id = u.organisation_id AND o.region_id = u.region_id
       WHERE r.household_id = $1 AND r.tot IS NULL ORDER BY r.soort`,
      [householdId],
    )
  ).rows.map((r) => ({ soort: r.soort, userId: r.user_id, naam: r.naam, email: r.email, organisatie: r.organisatie, sinds: new Date(r.sinds).toISOString() }));
}

async function personenVan(tx: Queryable, householdId: string): Promise<string[]> {
  return (await tx.query<{ person_id: string }>(`SELECT person_id FROM household_member WHERE household_id = $1`, [householdId])).rows.map((r) => r.person_id);
}

/** Proposes that another professional takes over (or, for procesregie, takes up) regie; the receiver accepts. */
export async function stelRegieVoor(
  db: Database,
  actor: Actor,
  audit: AuditBase,
  householdId: string,
  input: { soort: RegieSoort; naarUserId: string; toelichting: string },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const household = await loadHousehold(tx, actor, householdId);
    if (!household || !can(actor, 'update', { type: 'veiligheidsplan', regionId: actor.regionId, householdId, involvements: household.involvements }, now)) {
      throw weigering(new AppError('niet_gevonden', 'Dossier niet gevonden.'), [{ ...audit, regionId: actor.regionId, actie: 'regie.voorstellen', recordType: 'huishouden', recordId: isUuid(householdId) ? householdId : null, uitkomst: 'niet-gevonden' }]);
    }
    // Lock the household: proposals and acceptances of one household happen one at a time.
    const h = (await tx.query<{ actief_sinds: Date | null }>(`SELECT actief_sinds FROM household WHERE id = $1 FOR UPDATE`, [householdId])).rows[0]!;
    if (!h.actief_sinds) throw new AppError('conflict', 'Dit huishouden is (nog) geen actief dossier: regie begint bij een geaccepteerde overdracht.');
    const huidig = (await tx.query<{ user_id: string }>(`SELECT user_id FROM household_regie WHERE household_id = $1 AND soort = $2 AND tot IS NULL`, [householdId, input.soort])).rows[0];
    const probleem = voorstelProbleem({ huidig: huidig?.user_id ?? null, voorsteller: actor.id, naar: input.naarUserId });
    if (probleem) throw new AppError('ongeldige_invoer', `${probleem.charAt(0).toUpperCase()}${probleem.slice(1)}.`, [{ path: 'body.naarUserId', message: probleem }]);
    const u = await kandidaat(tx, actor.regionId, input.naarUserId);
    const kan = u ? kanRegieHouden({ userId: u.id, actief: u.actief, roles: u.rollen }) : 'onbekende gebruiker';
    if (!u || kan) throw new AppError('ongeldige_invoer', `Deze persoon kan geen regie voeren: ${kan}.`, [{ path: 'body.naarUserId', message: kan ?? '' }]);
    const open = await tx.query(`SELECT 1 FROM regie_voorstel WHERE household_id = $1 AND soort = $2 AND status = 'voorgesteld'`, [householdId, input.soort]);
    if (open.rows.length > 0) throw new AppError('conflict', `Er wacht al een voorstel voor ${REGIE_NAMEN[input.soort].toLowerCase()}; trek dat eerst in.`);
    const r = await tx.query<{ id: string }>(
      `INSERT INTO regie_voorstel (region_id, household_id, soort, van_user_id, naar_user_id, voorgesteld_door, toelichting, voorgesteld_op)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [actor.regionId, householdId, input.soort, huidig?.user_id ?? null, u.id, actor.id, input.toelichting, now.toISOString()],
    );
    await notify(tx, {
      regionId: actor.regionId,
      userIds: [u.id],
      soort: 'regie-voorgesteld',
      titel: `Verzoek om ${REGIE_NAMEN[input.soort].toLowerCase()} te worden van een huishouden`,
      link: `/regie/${r.rows[0]!.id}`,
      bronType: 'regie_voorstel',
      bronId: r.rows[0]!.id,
    }, now);
    await appendAudit(tx, [
      { ...audit, regionId: actor.regionId, actie: 'regie.voorstellen', recordType: 'regie_voorstel', recordId: r.rows[0]!.id, personen: await personenVan(tx, householdId), doel: input.soort, uitkomst: 'ok' },
    ]);
    return { id: r.rows[0]!.id };
  });
}

/**
 * The professionals of the region who can hold regie over this household (to propose one): active users
 * with a regie role. Only for someone who may change the household's plan.
 */
export async function regieKandidaten(db: Database, actor: Actor, audit: AuditBase, householdId: string, zoek: string | undefined, now = new Date()) {
  return db.transaction(async (tx) => {
    const household = await loadHousehold(tx, actor, householdId);
    if (!household || !can(actor, 'update', { type: 'veiligheidsplan', regionId: actor.regionId, householdId, involvements: household.involvements }, now)) {
      throw weigering(new AppError('niet_gevonden', 'Dossier niet gevonden.'), [{ ...audit, regionId: actor.regionId, actie: 'regie.kandidaten', recordType: 'huishouden', recordId: isUuid(householdId) ? householdId : null, uitkomst: 'niet-gevonden' }]);
    }
    const patroon = zoek ? `%${zoek.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows = (
      await tx.query<{ id: string; naam: string; email: string; organisatie: string; team: string | null }>(
        `SELECT u.id, u.naam, u.email, o.naam AS organisatie, t.naam AS team FROM app_user u
         JOIN organisation o ON o.id = u.organisation_id AND o.region_id = u.region_id
         LEFT JOIN team t ON t.id = u.team_id AND t.region_id = u.region_id
         WHERE u.region_id = $1 AND u.actief AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.rol = ANY($2::text[]))
           AND ($3::text IS NULL OR lower(u.naam) LIKE $3 OR lower(o.naam) LIKE $3 OR u.email LIKE $3)
         ORDER BY o.naam, u.naam LIMIT 50`,
        [actor.regionId, REGIE_ROLLEN, patroon],
      )
    ).rows;
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'regie.kandidaten', recordType: 'huishouden', recordId: householdId, uitkomst: `ok (${rows.length})` }]);
    return rows;
  });
}

interface VoorstelRow {
  id: string;
  region_id: string;
  household_id: string;
  soort: RegieSoort;
  van_user_id: string | null;
  naar_user_id: string;
  voorgesteld_door: string;
  toelichting: string;
  status: RegieVoorstelStatus;
  voorgesteld_op: Date;
  door_naam: string;
  door_email: string;
  door_organisatie: string;
}

const VOORSTEL_SELECT = `SELECT v.*, u.naam AS door_naam, u.email AS door_email, o.naam AS door_organisatie FROM regie_voorstel v
  JOIN app_user u ON u.id = v.voorgesteld_door AND u.region_id = v.region_id JOIN organisation o ON o.id = u.organisation_id AND o.region_id = u.region_id`;

async function voorstelView(tx: Queryable, v: VoorstelRow) {
  const leden = (
    await tx.query<{ naam: string; geboortedatum: string | null }>(
      `SELECT concat_ws(' ', coalesce(p.roepnaam, split_part(p.voornamen, ' ', 1)), p.tussenvoegsel, p.achternaam) AS naam, p.geboortedatum
       FROM household_member hm JOIN person p ON p.id = hm.person_id AND p.region_id = hm.region_id WHERE hm.household_id = $1 ORDER BY p.geboortedatum NULLS LAST`,
      [v.household_id],
    )
  ).rows;
  const plan = (await tx.query<{ fase: Fase }>(`SELECT fase FROM veiligheidsplan WHERE household_id = $1`, [v.household_id])).rows[0];
  return {
    id: v.id,
    huishoudenId: v.household_id,
    soort: v.soort,
    status: v.status,
    toelichting: v.toelichting,
    voorgesteldOp: new Date(v.voorgesteld_op).toISOString(),
    voorgesteldDoor: { naam: v.door_naam, email: v.door_email, organisatie: v.door_organisatie },
    leden: leden.map((l) => ({ naam: l.naam.trim() || 'Onbekend', geboortedatum: l.geboortedatum })),
    fase: plan?.fase ?? null,
  };
}

/** Open proposals to the actor: the receiver sees a summary before accepting, not the dossier. */
export async function mijnRegieVoorstellen(db: Database, actor: Actor, audit: AuditBase) {
  return db.transaction(async (tx) => {
    const rows = (await tx.query<VoorstelRow>(`${VOORSTEL_SELECT} WHERE v.naar_user_id = $1 AND v.region_id = $2 AND v.status = 'voorgesteld' ORDER BY v.voorgesteld_op`, [actor.id, actor.regionId])).rows;
    const items = [];
    for (const r of rows) items.push(await voorstelView(tx, r));
    const personen = (await Promise.all(rows.map((r) => personenVan(tx, r.household_id)))).flat();
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'regie.voorstellen.lijst', recordType: 'regie_voorstel', personen, uitkomst: `ok (${items.length})` }]);
    return items;
  });
}

export async function getRegieVoorstel(db: Database, actor: Actor, audit: AuditBase, id: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const v = isUuid(id) ? (await tx.query<VoorstelRow>(`${VOORSTEL_SELECT} WHERE v.id = $1 AND v.region_id = $2`, [id, actor.regionId])).rows[0] : undefined;
    if (!v || !can(actor, 'read', { type: 'regie-voorstel', regionId: actor.regionId, naarUserId: v.naar_user_id }, now)) {
      await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'regie.voorstel.lezen', recordType: 'regie_voorstel', recordId: isUuid(id) ? id : null, uitkomst: 'niet-gevonden' }]);
      return null;
    }
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'regie.voorstel.lezen', recordType: 'regie_voorstel', recordId: v.id, personen: await personenVan(tx, v.household_id), uitkomst: 'ok' }]);
    return voorstelView(tx, v);
  });
}

/**
 * The receiver's answer. Accepting ends the previous regisseur's regie and starts the receiver's, in one
 * transaction under the household's lock (the database checks at commit that the household still has its
 * casusregisseur); the receiver's organisation becomes involved. Refusing leaves regie where it was.
 */
export async function beantwoordRegieVoorstel(
  db: Database,
  actor: Actor,
  audit: AuditBase,
  id: string,
  input: { antwoord: 'accepteren' | 'weigeren'; reden?: string | undefined },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const v = isUuid(id) ? (await tx.query<VoorstelRow>(`${VOORSTEL_SELECT} WHERE v.id = $1 AND v.region_id = $2`, [id, actor.regionId])).rows[0] : undefined;
    if (!v || !can(actor, 'review', { type: 'regie-voorstel', regionId: actor.regionId, naarUserId: v.naar_user_id }, now)) {
      await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'regie.beantwoorden', recordType: 'regie_voorstel', recordId: isUuid(id) ? id : null, uitkomst: 'niet-gevonden' }]);
      return null;
    }
    await tx.query(`SELECT 1 FROM household WHERE id = $1 FOR UPDATE`, [v.household_id]);
    const current = (await tx.query<{ status: string }>(`SELECT status FROM regie_voorstel WHERE id = $1 FOR UPDATE`, [v.id])).rows[0]!;
    if (current.status !== 'voorgesteld') throw new AppError('conflict', 'Op dit voorstel is al geantwoord, of het is ingetrokken.');
    if (input.antwoord === 'weigeren' && !input.reden) throw new AppError('ongeldige_invoer', 'Geef aan waarom u de regie niet overneemt.', [{ path: 'body.reden', message: 'verplicht bij weigeren' }]);
    const status: 'geaccepteerd' | 'geweigerd' = input.antwoord === 'accepteren' ? 'geaccepteerd' : 'geweigerd';
    if (status === 'geaccepteerd') {
      const u = (await kandidaat(tx, actor.regionId, actor.id))!;
      const kan = kanRegieHouden({ userId: u.id, actief: u.actief, roles: u.rollen });
      if (kan) throw new AppError('ongeldige_invoer', `U kunt geen regie voeren: ${kan}.`);
      await tx.query(`UPDATE household_regie SET tot = $3 WHERE household_id = $1 AND soort = $2 AND tot IS NULL`, [v.household_id, v.soort, now.toISOString()]);
      await tx.query(`INSERT INTO household_regie (household_id, region_id, user_id, soort, sinds, toegewezen_door, voorstel_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        v.household_id,
        actor.regionId,
        actor.id,
        v.soort,
        now.toISOString(),
        v.voorgesteld_door,
        v.id,
      ]);
      await betrek(tx, actor.regionId, v.household_id, u, now);
    }
    await tx.query(`UPDATE regie_voorstel SET status = $2, beantwoord_op = $3, reden = $4 WHERE id = $1`, [v.id, status, now.toISOString(), input.reden ?? null]);
    await notify(tx, {
      regionId: actor.regionId,
      userIds: [v.voorgesteld_door, ...(v.van_user_id ? [v.van_user_id] : [])],
      soort: 'regie-beantwoord',
      titel: status === 'geaccepteerd' ? `${REGIE_NAMEN[v.soort]} overgenomen` : `${REGIE_NAMEN[v.soort]}: voorstel niet geaccepteerd`,
      link: `/dossiers/${v.household_id}`,
      bronType: 'regie_voorstel',
      bronId: v.id,
    }, now);
    await appendAudit(tx, [
      { ...audit, regionId: actor.regionId, actie: `regie.${status === 'geaccepteerd' ? 'accepteren' : 'weigeren'}`, recordType: 'regie_voorstel', recordId: v.id, personen: await personenVan(tx, v.household_id), doel: v.soort, uitkomst: 'ok' },
    ]);
    return { status, huishoudenId: v.household_id };
  });
}

/** The proposer withdraws a proposal the receiver has not answered. */
export async function trekRegieVoorstelIn(db: Database, actor: Actor, audit: AuditBase, id: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const v = isUuid(id) ? (await tx.query<VoorstelRow>(`${VOORSTEL_SELECT} WHERE v.id = $1 AND v.region_id = $2 FOR UPDATE OF v`, [id, actor.regionId])).rows[0] : undefined;
    if (!v || v.voorgesteld_door !== actor.id) {
      await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'regie.intrekken', recordType: 'regie_voorstel', recordId: isUuid(id) ? id : null, uitkomst: 'niet-gevonden' }]);
      return null;
    }
    if (v.status !== 'voorgesteld') throw new AppError('conflict', 'Op dit voorstel is al geantwoord.');
    await tx.query(`UPDATE regie_voorstel SET status = 'ingetrokken', beantwoord_op = $2 WHERE id = $1`, [v.id, now.toISOString()]);
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'regie.intrekken', recordType: 'regie_voorstel', recordId: v.id, uitkomst: 'ok' }]);
    return { status: 'ingetrokken' as const };
  });
}

/** The procesregisseur ends procesregie (it is needed only where needed); casusregie is only ever handed over. */
export async function beeindigProcesregie(db: Database, actor: Actor, audit: AuditBase, householdId: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const r = isUuid(householdId)
      ? await tx.query(`UPDATE household_regie SET tot = $3 WHERE household_id = $1 AND user_id = $2 AND soort = 'procesregisseur' AND tot IS NULL AND region_id = $4`, [
          householdId,
          actor.id,
          now.toISOString(),
          actor.regionId,
        ])
      : { rowCount: 0 };
    const event = { ...audit, regionId: actor.regionId, actie: 'regie.procesregie.beeindigen', recordType: 'huishouden', recordId: isUuid(householdId) ? householdId : null };
    if (!r.rowCount) throw weigering(new AppError('niet_gevonden', 'U bent geen procesregisseur van dit huishouden.'), [{ ...event, uitkomst: 'niet-gevonden' }]);
    await appendAudit(tx, [{ ...event, uitkomst: 'ok' }]);
    return { status: 'beeindigd' as const };
  });
}

/** The households a user has regie over (before deactivating or moving them). */
export async function regieVanGebruiker(tx: Queryable, userId: string): Promise<{ huishoudenId: string; soort: RegieSoort }[]> {
  return (await tx.query<{ household_id: string; soort: RegieSoort }>(`SELECT household_id, soort FROM household_regie WHERE user_id = $1 AND tot IS NULL`, [userId])).rows.map((r) => ({
    huishoudenId: r.household_id,
    soort: r.soort,
  }));
}
