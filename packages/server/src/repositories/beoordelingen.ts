/**
 * The veiligheidsbeoordeling in the database: created with every melding (deadlines as data), the
 * work queue, the assessment being filled in (optimistic versions: a concurrent edit is a 409),
 * decisions proposed and confirmed by a second person (four eyes), and what a confirmed decision
 * sets in motion. The rules come from packages/domain/src/{beoordeling,termijnen}.ts.
 */
import {
  BESLUIT_NAMEN,
  beoordelingInhoudSchema,
  beoordelingsTermijnen,
  besluitProblemen,
  bevestigenProbleem,
  eindeNaWerkdagen,
  faseVoorVoorstel,
  findGemeente,
  gevolgVanBesluit,
  onderzoekDeadline,
  OVERDRACHT_REACTIE_WERKDAGEN,
  parseMoment,
  statusNaTerugsturen,
  type Actor,
  type BeoordelingInhoud,
  type BeoordelingStatus,
  type Besluit,
  type BesluitSoort,
  type OnderzoekUitkomst,
  type ValidImportLine,
} from '@samenveilig/domain';
import { v7 as uuidv7 } from 'uuid';
import { appendAudit, weigering } from '../audit/chain.js';
import type { Database, Queryable } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { isUuid, type AuditBase } from './common.js';
import { scopeCondition } from './dossiers.js';
import { termijnInstellingen, termijnInstellingenEnTeams } from './instellingen.js';
import { runTogether, type Statement } from '../db/statements.js';
import { openControlemomenten, planControlemomenten } from './controle.js';
import { notify, usersWithRole } from './notificaties.js';

// ---------------------------------------------------------------------------------------------
// Creation, with the melding

export interface NieuweBeoordeling {
  contactId: string;
  regionId: string;
  gemeenteCode: string;
  /** When the contact became a melding. */
  meldingOp: Date;
  acuut: boolean;
  /** The registering organisation: its team for the gemeente gets the melding in its queue. */
  registrar: string | null;
  /** An assessment made before the contact reached this system (import). */
  historisch?: NonNullable<ValidImportLine['beoordeling']>;
}

/** Creates the assessment of each new melding in the caller's transaction. */
export async function createBeoordelingen(tx: Queryable, items: readonly NieuweBeoordeling[]): Promise<void> {
  await runTogether(tx, [(await beoordelingenStatement(tx, items)).statement]);
}

/**
 * The insert of the assessments of new meldingen, to run together with the other writes of an intake:
 * the deadlines computed from the region's settings, the team that serves the gemeente (one query reads both).
 */
export async function beoordelingenStatement(
  tx: Queryable,
  items: readonly NieuweBeoordeling[],
): Promise<{ statement: Statement | null; deadlines: Map<string, Date | null> }> {
  const deadlines = new Map<string, Date | null>();
  if (items.length === 0) return { statement: null, deadlines };
  const orgs = [...new Set(items.map((i) => i.registrar).filter((o): o is string => o !== null))];
  const { settings, teams } = await termijnInstellingenEnTeams(tx, [...new Set(items.map((i) => i.regionId))], orgs);
  const teamOf = new Map(teams.map((t) => [`${t.organisation_id}/${t.gemeente_code}`, t.team_id]));
  const cols = {
    id: [] as string[], region: [] as string[], contact: [] as string[], team: [] as (string | null)[], status: [] as string[], acuut: [] as boolean[],
    ontvangen: [] as string[], wettelijk: [] as string[], regionaal: [] as string[], dAcuut: [] as (string | null)[], deadline: [] as (string | null)[],
    acuutAf: [] as (string | null)[], beoordeeld: [] as (string | null)[], soort: [] as (string | null)[], naar: [] as (string | null)[],
    oStart: [] as (string | null)[], oDeadline: [] as (string | null)[], oAf: [] as (string | null)[], oUit: [] as (string | null)[], vervolg: [] as (string | null)[],
    afgerond: [] as (string | null)[], bron: [] as string[],
  };
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  for (const item of items) {
    const inst = settings.get(item.regionId)!;
    const t = beoordelingsTermijnen(item.meldingOp, item.acuut, inst);
    const h = item.historisch;
    let status: BeoordelingStatus = 'open';
    let deadline: Date | null = t.deadline;
    let beoordeeld: Date | null = null;
    let oStart: Date | null = null;
    let oDeadline: Date | null = null;
    let oAf: Date | null = null;
    let afgerond: Date | null = null;
    if (h) {
      beoordeeld = parseMoment(h.beoordeeldOp)!;
      if (h.besluit === 'vt-onderzoek') {
        oStart = beoordeeld;
        oDeadline = onderzoekDeadline(beoordeeld, inst);
        oAf = h.onderzoek ? parseMoment(h.onderzoek.afgerondOp)! : null;
      }
      if (h.besluit === 'vt-onderzoek' && !h.onderzoek) {
        status = 'onderzoek';
        deadline = oDeadline;
      } else {
        status = 'afgerond';
        deadline = null;
        afgerond = oAf ?? beoordeeld;
      }
    }
    cols.id.push(uuidv7());
    cols.region.push(item.regionId);
    cols.contact.push(item.contactId);
    cols.team.push(item.registrar ? (teamOf.get(`${item.registrar}/${item.gemeenteCode}`) ?? null) : null);
    cols.status.push(status);
    cols.acuut.push(item.acuut);
    cols.ontvangen.push(item.meldingOp.toISOString());
    cols.wettelijk.push(t.wettelijk.toISOString());
    cols.regionaal.push(t.regionaal.toISOString());
    cols.dAcuut.push(iso(t.acuut));
    cols.deadline.push(iso(deadline));
    deadlines.set(item.contactId, deadline);
    cols.acuutAf.push(h?.acuutAfgehandeldOp ? iso(parseMoment(h.acuutAfgehandeldOp)) : null);
    cols.beoordeeld.push(iso(beoordeeld));
    cols.soort.push(h?.besluit ?? null);
    cols.naar.push(h?.overdrachtNaar ?? h?.onderzoek?.overdrachtNaar ?? null);
    cols.oStart.push(iso(oStart));
    cols.oDeadline.push(iso(oDeadline));
    cols.oAf.push(iso(oAf));
    cols.oUit.push(h?.onderzoek?.uitkomst ?? null);
    cols.vervolg.push(h?.onderzoek?.vervolg ?? null);
    cols.afgerond.push(iso(afgerond));
    cols.bron.push(h ? 'import' : 'app');
  }
  const statement = {
    sql: `INSERT INTO beoordeling (id, region_id, contact_id, team_id, status, acuut, ontvangen_op, deadline_wettelijk, deadline_regionaal, deadline_acuut, deadline,
       acuut_afgehandeld_op, beoordeeld_op, besluit_soort, overdracht_naar, onderzoek_gestart_op, onderzoek_deadline, onderzoek_afgerond_op, onderzoek_uitkomst,
       vervolg_besluit_soort, afgerond_op, bron)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::bool[], $7::timestamptz[], $8::timestamptz[], $9::timestamptz[],
       $10::timestamptz[], $11::timestamptz[], $12::timestamptz[], $13::timestamptz[], $14::text[], $15::text[], $16::timestamptz[], $17::timestamptz[],
       $18::timestamptz[], $19::text[], $20::text[], $21::timestamptz[], $22::text[])`,
    params: Object.values(cols),
  };
  return { statement, deadlines };
}

// ---------------------------------------------------------------------------------------------
// Reading

interface BeoordelingRow {
  id: string;
  region_id: string;
  contact_id: string;
  household_id: string | null;
  gemeente_code: string;
  team_id: string | null;
  team_naam: string | null;
  toegewezen_aan: string | null;
  toegewezen_naam: string | null;
  status: BeoordelingStatus;
  acuut: boolean;
  ontvangen_op: Date;
  deadline_wettelijk: Date;
  deadline_regionaal: Date;
  deadline_acuut: Date | null;
  deadline: Date | null;
  acuut_afgehandeld_op: Date | null;
  beoordeeld_op: Date | null;
  besluit_soort: BesluitSoort | null;
  overdracht_naar: string | null;
  onderzoek_gestart_op: Date | null;
  onderzoek_deadline: Date | null;
  onderzoek_afgerond_op: Date | null;
  onderzoek_uitkomst: OnderzoekUitkomst | null;
  vervolg_besluit_soort: BesluitSoort | null;
  afgerond_op: Date | null;
  inhoud: BeoordelingInhoud;
  bron: 'app' | 'import';
  versie: number;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** The assessment of a melding with its contact's household (for scope), locked when asked. */
async function loadBeoordeling(tx: Queryable, actor: Actor, by: { id: string } | { contactId: string }, lock = false): Promise<BeoordelingRow | null> {
  const id = 'id' in by ? by.id : by.contactId;
  if (!isUuid(id)) return null;
  const r = await tx.query<BeoordelingRow>(
    `SELECT b.*, c.household_id, c.gemeente_code, t.naam AS team_naam, u.naam AS toegewezen_naam
     FROM beoordeling b JOIN contact c ON c.id = b.contact_id AND c.region_id = b.region_id
     LEFT JOIN team t ON t.id = b.team_id AND t.region_id = b.region_id
     LEFT JOIN app_user u ON u.id = b.toegewezen_aan AND u.region_id = b.region_id
     WHERE ${'id' in by ? 'b.id' : 'b.contact_id'} = $1 AND b.region_id = $2 ${lock ? 'FOR UPDATE OF b' : ''}`,
    [id, actor.regionId],
  );
  return r.rows[0] ?? null;
}

/** Is the actor's organisation involved with the melding's household (the dossier rule)? */
async function inScope(tx: Queryable, actor: Actor, householdId: string | null, now: Date): Promise<boolean> {
  if (householdId === null) return false;
  const params: unknown[] = [householdId];
  const r = await tx.query(`SELECT 1 FROM household h WHERE h.id = $1 AND ${scopeCondition(actor, params, now)}`, params);
  return r.rows.length > 0;
}

async function householdPersons(tx: Queryable, householdId: string | null): Promise<string[]> {
  if (!householdId) return [];
  return (await tx.query<{ person_id: string }>(`SELECT person_id FROM household_member WHERE household_id = $1`, [householdId])).rows.map((r) => r.person_id);
}

export interface BesluitView {
  id: string;
  fase: 'beoordeling' | 'onderzoek';
  soort: BesluitSoort;
  naam: string;
  inhoud: Besluit;
  onderzoekUitkomst: OnderzoekUitkomst | null;
  status: 'voorgesteld' | 'bevestigd' | 'teruggestuurd' | 'ingetrokken';
  voorgesteldDoor: { id: string; naam: string };
  voorgesteldOp: string;
  beoordeeldDoor: { id: string; naam: string } | null;
  beoordeeldOp: string | null;
  toelichting: string | null;
}

export interface OverdrachtView {
  id: string;
  status: 'voorgesteld' | 'geaccepteerd' | 'geweigerd';
  soort: string | null;
  naarOrganisatie: { id: string; naam: string };
  naarTeam: { id: string; naam: string } | null;
  voorgesteldOp: string;
  beantwoordDoor: { naam: string } | null;
  beantwoordOp: string | null;
  reden: string | null;
}

export interface BeoordelingView {
  id: string;
  contactId: string;
  status: BeoordelingStatus;
  acuut: boolean;
  ontvangenOp: string;
  termijnen: { wettelijk: string; regionaal: string; acuut: string | null; deadline: string | null };
  team: { id: string; naam: string } | null;
  toegewezenAan: { id: string; naam: string } | null;
  acuutAfgehandeldOp: string | null;
  beoordeeldOp: string | null;
  besluitSoort: BesluitSoort | null;
  onderzoek: { gestartOp: string; deadline: string | null; afgerondOp: string | null; uitkomst: OnderzoekUitkomst | null } | null;
  afgerondOp: string | null;
  inhoud: BeoordelingInhoud;
  bron: 'app' | 'import';
  versie: number;
  besluiten: BesluitView[];
  overdrachten: OverdrachtView[];
}

async function view(tx: Queryable, b: BeoordelingRow): Promise<BeoordelingView> {
  const besluiten = (
    await tx.query<{
      id: string; fase: 'beoordeling' | 'onderzoek'; soort: BesluitSoort; inhoud: Besluit; onderzoek_uitkomst: OnderzoekUitkomst | null; status: BesluitView['status'];
      voorgesteld_door: string; vd_naam: string; voorgesteld_op: Date; beoordeeld_door: string | null; bd_naam: string | null; beoordeeld_op: Date | null; toelichting: string | null;
    }>(
      `SELECT s.id, s.fase, s.soort, s.inhoud, s.onderzoek_uitkomst, s.status, s.voorgesteld_door, vd.naam AS vd_naam, s.voorgesteld_op,
              s.beoordeeld_door, bd.naam AS bd_naam, s.beoordeeld_op, s.toelichting
       FROM besluit s JOIN app_user vd ON vd.id = s.voorgesteld_door AND vd.region_id = s.region_id
       LEFT JOIN app_user bd ON bd.id = s.beoordeeld_door AND bd.region_id = s.region_id
       WHERE s.beoordeling_id = $1 AND s.region_id = $2 ORDER BY s.voorgesteld_op, s.id`,
      [b.id, b.region_id],
    )
  ).rows;
  const overdrachten = (
    await tx.query<{
      id: string; status: OverdrachtView['status']; soort: string | null; naar_organisation_id: string; org_naam: string; naar_team_id: string | null; team_naam: string | null;
      voorgesteld_op: Date; bd_naam: string | null; beantwoord_op: Date | null; reden: string | null;
    }>(
      `SELECT o.id, o.status, o.soort, o.naar_organisation_id, org.naam AS org_naam, o.naar_team_id, t.naam AS team_naam, o.voorgesteld_op,
              u.naam AS bd_naam, o.beantwoord_op, o.reden
       FROM overdracht o JOIN organisation org ON org.id = o.naar_organisation_id AND org.region_id = o.region_id
       LEFT JOIN team t ON t.id = o.naar_team_id AND t.region_id = o.region_id
       LEFT JOIN app_user u ON u.id = o.beantwoord_door AND u.region_id = o.region_id
       WHERE o.beoordeling_id = $1 AND o.region_id = $2 ORDER BY o.voorgesteld_op, o.id`,
      [b.id, b.region_id],
    )
  ).rows;
  return {
    id: b.id,
    contactId: b.contact_id,
    status: b.status,
    acuut: b.acuut,
    ontvangenOp: iso(b.ontvangen_op)!,
    termijnen: { wettelijk: iso(b.deadline_wettelijk)!, regionaal: iso(b.deadline_regionaal)!, acuut: iso(b.deadline_acuut), deadline: iso(b.deadline) },
    team: b.team_id ? { id: b.team_id, naam: b.team_naam! } : null,
    toegewezenAan: b.toegewezen_aan ? { id: b.toegewezen_aan, naam: b.toegewezen_naam! } : null,
    acuutAfgehandeldOp: iso(b.acuut_afgehandeld_op),
    beoordeeldOp: iso(b.beoordeeld_op),
    besluitSoort: b.besluit_soort,
    onderzoek: b.onderzoek_gestart_op
      ? { gestartOp: iso(b.onderzoek_gestart_op)!, deadline: iso(b.onderzoek_deadline), afgerondOp: iso(b.onderzoek_afgerond_op), uitkomst: b.onderzoek_uitkomst }
      : null,
    afgerondOp: iso(b.afgerond_op),
    inhoud: beoordelingInhoudSchema.parse(b.inhoud ?? {}),
    bron: b.bron,
    versie: b.versie,
    besluiten: besluiten.map((s) => ({
      id: s.id,
      fase: s.fase,
      soort: s.soort,
      naam: BESLUIT_NAMEN[s.soort],
      inhoud: s.inhoud,
      onderzoekUitkomst: s.onderzoek_uitkomst,
      status: s.status,
      voorgesteldDoor: { id: s.voorgesteld_door, naam: s.vd_naam },
      voorgesteldOp: iso(s.voorgesteld_op)!,
      beoordeeldDoor: s.beoordeeld_door ? { id: s.beoordeeld_door, naam: s.bd_naam! } : null,
      beoordeeldOp: iso(s.beoordeeld_op),
      toelichting: s.toelichting,
    })),
    overdrachten: overdrachten.map((o) => ({
      id: o.id,
      status: o.status,
      soort: o.soort,
      naarOrganisatie: { id: o.naar_organisation_id, naam: o.org_naam },
      naarTeam: o.naar_team_id ? { id: o.naar_team_id, naam: o.team_naam! } : null,
      voorgesteldOp: iso(o.voorgesteld_op)!,
      beantwoordDoor: o.bd_naam ? { naam: o.bd_naam } : null,
      beantwoordOp: iso(o.beantwoord_op),
      reden: o.reden,
    })),
  };
}

/** The assessment of a melding, for the melding page; null when absent or out of scope. */
export async function beoordelingVanContact(tx: Queryable, actor: Actor, contactId: string): Promise<BeoordelingView | null> {
  const b = await loadBeoordeling(tx, actor, { contactId });
  return b ? view(tx, b) : null;
}

// ---------------------------------------------------------------------------------------------
// The work queue

export interface WerkvoorraadItem {
  beoordelingId: string;
  contactId: string;
  status: BeoordelingStatus;
  acuut: boolean;
  ontvangenOp: string;
  deadline: string;
  gemeente: { code: string; naam: string };
  team: { id: string; naam: string } | null;
  toegewezenAan: { id: string; naam: string } | null;
  kanaal: string;
  melderType: string;
  betrokkenen: string[];
  openRadarKandidaten: number;
  wachtOp: 'beoordeling' | 'bevestiging' | 'onderzoek' | 'ontvanger' | 'nieuw-besluit';
}

/**
 * Open work of Veilig Thuis, most urgent first (the earliest deadline; acute before others on a tie).
 * Team filter: a team id (its items and those without a team), 'geen' (items without a team), or 'alle'.
 * Nothing leaves this list but by a confirmed decision that settles the melding, or by the withdrawal of
 * an erroneous registration (which ends its assessment: stopBijIntrekking).
 */
export async function werkvoorraad(db: Database, actor: Actor, audit: AuditBase, opts: { team: string; limit: number }, now = new Date()) {
  return db.transaction(async (tx) => {
    const params: unknown[] = [actor.regionId];
    const scope = scopeCondition(actor, params, now);
    let teamFilter = '';
    if (opts.team === 'geen') teamFilter = 'AND b.team_id IS NULL';
    else if (opts.team !== 'alle') {
      if (!isUuid(opts.team)) throw new AppError('ongeldige_invoer', 'Onbekend team.', [{ path: 'querystring.team', message: 'kies een team, geen of alle' }]);
      params.push(opts.team);
      teamFilter = `AND (b.team_id = $${params.length}::uuid OR b.team_id IS NULL)`;
    }
    params.push(opts.limit);
    const rows = (
      await tx.query<{
        id: string; contact_id: string; status: BeoordelingStatus; acuut: boolean; ontvangen_op: Date; deadline: Date; gemeente_code: string; team_id: string | null;
        team_naam: string | null; toegewezen_aan: string | null; toegewezen_naam: string | null; kanaal: string; melder_type: string; beoordeeld_op: Date | null;
        onderzoek_gestart_op: Date | null; radar: number; personen: { id: string; naam: string }[]; totaal: number;
      }>(
        `SELECT b.id, b.contact_id, b.status, b.acuut, b.ontvangen_op, b.deadline, c.gemeente_code, b.team_id, t.naam AS team_naam, b.toegewezen_aan,
                u.naam AS toegewezen_naam, c.kanaal, c.melder_type, b.beoordeeld_op, b.onderzoek_gestart_op,
                (SELECT count(*) FROM radar_kandidaat k WHERE k.contact_id = c.id AND k.status = 'open') AS radar,
                coalesce((SELECT json_agg(json_build_object('id', p.id, 'naam', concat_ws(' ', coalesce(p.roepnaam, split_part(p.voornamen, ' ', 1)), p.tussenvoegsel, p.achternaam)) ORDER BY cp.rol, p.id)
                          FROM contact_person cp JOIN person p ON p.id = cp.person_id AND p.region_id = cp.region_id WHERE cp.contact_id = c.id), '[]') AS personen,
                count(*) OVER () AS totaal
         FROM beoordeling b JOIN contact c ON c.id = b.contact_id AND c.region_id = b.region_id
         JOIN household h ON h.id = c.household_id AND h.region_id = c.region_id
         LEFT JOIN team t ON t.id = b.team_id AND t.region_id = b.region_id
         LEFT JOIN app_user u ON u.id = b.toegewezen_aan AND u.region_id = b.region_id
         WHERE b.region_id = $1 AND b.status <> 'afgerond' AND ${scope} ${teamFilter}
         ORDER BY b.deadline, b.acuut DESC, b.ontvangen_op, b.id
         LIMIT $${params.length}`,
        params,
      )
    ).rows;
    const items: WerkvoorraadItem[] = rows.map((r) => {
      const g = findGemeente(r.gemeente_code)!;
      return {
        beoordelingId: r.id,
        contactId: r.contact_id,
        status: r.status,
        acuut: r.acuut,
        ontvangenOp: iso(r.ontvangen_op)!,
        deadline: iso(r.deadline)!,
        gemeente: { code: g.code, naam: g.naam },
        team: r.team_id ? { id: r.team_id, naam: r.team_naam! } : null,
        toegewezenAan: r.toegewezen_aan ? { id: r.toegewezen_aan, naam: r.toegewezen_naam! } : null,
        kanaal: r.kanaal,
        melderType: r.melder_type,
        betrokkenen: r.personen.map((p) => p.naam.trim() || 'Onbekend'),
        openRadarKandidaten: r.radar,
        wachtOp:
          r.status === 'voorgesteld'
            ? 'bevestiging'
            : r.status === 'onderzoek'
              ? 'onderzoek'
              : r.status === 'overdracht'
                ? 'ontvanger'
                : r.beoordeeld_op
                  ? 'nieuw-besluit'
                  : 'beoordeling',
      };
    });
    const teams = (
      await tx.query<{ id: string; naam: string }>(
        `SELECT t.id, t.naam FROM team t WHERE t.region_id = $1 AND t.organisation_id = $2 ORDER BY t.naam`,
        [actor.regionId, actor.organisationId],
      )
    ).rows;
    const controles = await openControlemomenten(tx, actor, opts, now);
    await appendAudit(tx, [
      {
        ...audit,
        regionId: actor.regionId,
        actie: 'werkvoorraad.lijst',
        recordType: 'beoordeling',
        personen: [...rows.flatMap((r) => r.personen.map((p) => p.id)), ...controles.personen],
        doel: `team ${opts.team}`,
        uitkomst: `ok (${items.length}; ${controles.items.length} controles)`,
      },
    ]);
    return { items, totaal: rows[0]?.totaal ?? 0, controles: controles.items, teams, nu: now.toISOString() };
  });
}

// ---------------------------------------------------------------------------------------------
// Changing the assessment

/**
 * The assessment of a contact being withdrawn as erroneous stops: a proposal waiting for four eyes is
 * withdrawn with it, an open assessment or a running onderzoek ends (status afgerond, no deadline, so it
 * leaves the queue and the deadline job). A handover waiting for the receiver's answer is a 409: the
 * receiver may be accepting it right now; it must be answered first. Run in the withdrawing transaction,
 * after lockBeoordelingVanContact. Returns what was stopped (for the audit), or null when nothing ran.
 */
export async function stopBijIntrekking(tx: Queryable, actor: Actor, contactId: string, now: Date): Promise<string | null> {
  const b = (
    await tx.query<{ id: string; status: BeoordelingStatus }>(`SELECT id, status FROM beoordeling WHERE contact_id = $1 AND region_id = $2`, [contactId, actor.regionId])
  ).rows[0];
  if (!b || b.status === 'afgerond') return null;
  if (b.status === 'overdracht') {
    throw new AppError('conflict', 'Er wacht een overdracht op het antwoord van de ontvanger. Trek de registratie in nadat die is beantwoord.');
  }
  const voorstel = await tx.query<{ id: string }>(`UPDATE besluit SET status = 'ingetrokken' WHERE beoordeling_id = $1 AND status = 'voorgesteld' RETURNING id`, [b.id]);
  await tx.query(
    `UPDATE beoordeling SET status = 'afgerond', afgerond_op = $2, deadline = NULL, versie = versie + 1, bijgewerkt_op = $2, bijgewerkt_door = $3 WHERE id = $1`,
    [b.id, now.toISOString(), actor.id],
  );
  return `beoordeling ${b.status} gestopt${voorstel.rows.length > 0 ? ', voorstel ingetrokken' : ''}`;
}

/** Locks the assessment of a contact (if any) before the contact itself: the lock order of a confirmed decision. */
export async function lockBeoordelingVanContact(tx: Queryable, regionId: string, contactId: string): Promise<void> {
  if (!isUuid(contactId)) return;
  await tx.query(`SELECT 1 FROM beoordeling WHERE contact_id = $1 AND region_id = $2 FOR UPDATE`, [contactId, regionId]);
}

async function loadInScope(tx: Queryable, actor: Actor, audit: AuditBase, id: string, actie: string, now: Date): Promise<BeoordelingRow> {
  const b = await loadBeoordeling(tx, actor, { id }, true);
  if (!b || !(await inScope(tx, actor, b.household_id, now))) {
    throw weigering(new AppError('niet_gevonden', 'Beoordeling niet gevonden.'), [{ ...audit, regionId: actor.regionId, actie, recordType: 'beoordeling', recordId: isUuid(id) ? id : null, uitkomst: 'niet-gevonden' }]);
  }
  return b;
}

const staleVersion = () =>
  new AppError('conflict', 'Deze beoordeling is intussen door iemand anders gewijzigd. Herlaad de pagina; uw wijziging is niet opgeslagen.');

/** Saves the assessment as it is being filled in. Not while a decision awaits confirmation. */
export async function saveInhoud(db: Database, actor: Actor, audit: AuditBase, id: string, input: { inhoud: BeoordelingInhoud; versie: number }, now = new Date()) {
  return db.transaction(async (tx) => {
    const b = await loadInScope(tx, actor, audit, id, 'beoordeling.opslaan', now);
    if (b.versie !== input.versie) throw staleVersion();
    if (b.status !== 'open' && b.status !== 'onderzoek') {
      throw new AppError('conflict', b.status === 'voorgesteld' ? 'Er wacht een besluit op bevestiging; trek het voorstel eerst in om de beoordeling te wijzigen.' : 'Deze beoordeling is afgerond.');
    }
    await tx.query(`UPDATE beoordeling SET inhoud = $2, versie = versie + 1, bijgewerkt_op = $3, bijgewerkt_door = $4 WHERE id = $1`, [
      b.id,
      JSON.stringify(input.inhoud),
      now.toISOString(),
      actor.id,
    ]);
    await appendAudit(tx, [
      { ...audit, regionId: actor.regionId, actie: 'beoordeling.opslaan', recordType: 'beoordeling', recordId: b.id, personen: await householdPersons(tx, b.household_id), uitkomst: 'ok' },
    ]);
    return view(tx, (await loadBeoordeling(tx, actor, { id: b.id }))!);
  });
}

/** Takes a melding on (toegewezen aan mij), hands it to nobody, or moves it to another team of the organisation. */
export async function wijsToe(
  db: Database,
  actor: Actor,
  audit: AuditBase,
  id: string,
  input: { aanMij?: boolean | undefined; teamId?: string | null | undefined; versie: number },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const b = await loadInScope(tx, actor, audit, id, 'beoordeling.toewijzen', now);
    if (b.versie !== input.versie) throw staleVersion();
    if (input.teamId) {
      const t = isUuid(input.teamId)
        ? await tx.query(`SELECT 1 FROM team WHERE id = $1 AND region_id = $2 AND organisation_id = $3`, [input.teamId, actor.regionId, actor.organisationId])
        : { rows: [] };
      if (t.rows.length === 0) throw new AppError('ongeldige_invoer', 'Dit team hoort niet bij uw organisatie.', [{ path: 'body.teamId', message: 'onbekend team' }]);
    }
    const toegewezen = input.aanMij === undefined ? b.toegewezen_aan : input.aanMij ? actor.id : null;
    const team = input.teamId === undefined ? b.team_id : input.teamId;
    await tx.query(`UPDATE beoordeling SET toegewezen_aan = $2, team_id = $3, versie = versie + 1, bijgewerkt_op = $4, bijgewerkt_door = $5 WHERE id = $1`, [
      b.id,
      toegewezen,
      team,
      now.toISOString(),
      actor.id,
    ]);
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'beoordeling.toewijzen', recordType: 'beoordeling', recordId: b.id, uitkomst: 'ok' }]);
    return view(tx, (await loadBeoordeling(tx, actor, { id: b.id }))!);
  });
}

/** Checks the receiver of a handover: an organisation of the region, and a team of it when given. */
async function checkOntvanger(tx: Queryable, regionId: string, besluit: Besluit): Promise<void> {
  if (besluit.soort !== 'overdracht' && besluit.soort !== 'voorwaarden-en-vervolg') return;
  if (!besluit.organisatieId) return;
  const o = await tx.query<{ type: string }>(`SELECT type FROM organisation WHERE id = $1 AND region_id = $2`, [besluit.organisatieId, regionId]);
  if (o.rows.length === 0) throw new AppError('ongeldige_invoer', 'Deze organisatie bestaat niet in uw regio.', [{ path: 'body.besluit.organisatieId', message: 'onbekende organisatie' }]);
  if (besluit.soort === 'overdracht' && besluit.naar === 'lokaal-team' && o.rows[0]!.type !== 'lokaal-team') {
    throw new AppError('ongeldige_invoer', 'Kies bij een overdracht aan een lokaal team een lokaal team.', [{ path: 'body.besluit.organisatieId', message: 'geen lokaal team' }]);
  }
  if (besluit.teamId) {
    const t = await tx.query(`SELECT 1 FROM team WHERE id = $1 AND region_id = $2 AND organisation_id = $3`, [besluit.teamId, regionId, besluit.organisatieId]);
    if (t.rows.length === 0) throw new AppError('ongeldige_invoer', 'Dit team hoort niet bij de gekozen organisatie.', [{ path: 'body.besluit.teamId', message: 'onbekend team' }]);
  }
}

/** Proposes a decision; it takes effect only when a second, qualified person confirms it. */
export async function stelBesluitVoor(
  db: Database,
  actor: Actor,
  audit: AuditBase,
  id: string,
  input: { besluit: Besluit; onderzoekUitkomst?: OnderzoekUitkomst | undefined; versie: number },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const b = await loadInScope(tx, actor, audit, id, 'besluit.voorstellen', now);
    if (b.versie !== input.versie) throw staleVersion();
    const fase = faseVoorVoorstel(b.status);
    if (!fase) {
      throw new AppError(
        'conflict',
        b.status === 'voorgesteld' ? 'Er wacht al een besluit op bevestiging.' : b.status === 'overdracht' ? 'De overdracht wacht op het antwoord van de ontvanger.' : 'Deze beoordeling is afgerond.',
      );
    }
    const inhoud = beoordelingInhoudSchema.parse(b.inhoud ?? {});
    const problemen = besluitProblemen(inhoud, input.besluit, fase, input.onderzoekUitkomst);
    if (problemen.length > 0) {
      throw new AppError(
        'ongeldige_invoer',
        `Dit besluit kan nog niet worden voorgesteld: ${problemen.map((p) => p.message).join('; ')}.`,
        problemen.map((p) => ({ path: `body.${p.path}`, message: p.message })),
      );
    }
    await checkOntvanger(tx, actor.regionId, input.besluit);
    const s = await tx.query<{ id: string }>(
      `INSERT INTO besluit (region_id, beoordeling_id, fase, soort, inhoud, beoordeling_inhoud, onderzoek_uitkomst, status, voorgesteld_door, voorgesteld_op)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'voorgesteld', $8, $9) RETURNING id`,
      [actor.regionId, b.id, fase, input.besluit.soort, JSON.stringify(input.besluit), JSON.stringify(inhoud), input.onderzoekUitkomst ?? null, actor.id, now.toISOString()],
    );
    await tx.query(`UPDATE beoordeling SET status = 'voorgesteld', versie = versie + 1, bijgewerkt_op = $2, bijgewerkt_door = $3 WHERE id = $1`, [b.id, now.toISOString(), actor.id]);
    // Every gedragswetenschapper of the organisation but the proposer may confirm.
    const confirmers = (await usersWithRole(tx, actor.regionId, actor.organisationId!, ['vt-gedragswetenschapper'])).filter((u) => u !== actor.id);
    await notify(tx, {
      regionId: actor.regionId,
      userIds: confirmers,
      soort: 'besluit-te-bevestigen',
      titel: `Besluit wacht op bevestiging: ${BESLUIT_NAMEN[input.besluit.soort]}${b.acuut ? ' (acuut)' : ''}`,
      link: `/meldingen/${b.contact_id}`,
      bronType: 'besluit',
      bronId: s.rows[0]!.id,
    }, now);
    await appendAudit(tx, [
      {
        ...audit,
        regionId: actor.regionId,
        actie: 'besluit.voorstellen',
        recordType: 'besluit',
        recordId: s.rows[0]!.id,
        personen: await householdPersons(tx, b.household_id),
        doel: input.besluit.soort,
        uitkomst: 'ok',
      },
    ]);
    return view(tx, (await loadBeoordeling(tx, actor, { id: b.id }))!);
  });
}

/** The proposer withdraws a proposal that nobody has decided on yet. */
export async function trekVoorstelIn(db: Database, actor: Actor, audit: AuditBase, id: string, input: { versie: number }, now = new Date()) {
  return db.transaction(async (tx) => {
    const b = await loadInScope(tx, actor, audit, id, 'besluit.intrekken', now);
    if (b.versie !== input.versie) throw staleVersion();
    const s = (
      await tx.query<{ id: string; fase: 'beoordeling' | 'onderzoek'; voorgesteld_door: string }>(
        `SELECT id, fase, voorgesteld_door FROM besluit WHERE beoordeling_id = $1 AND status = 'voorgesteld' FOR UPDATE`,
        [b.id],
      )
    ).rows[0];
    if (!s) throw new AppError('conflict', 'Er wacht geen besluit op bevestiging.');
    if (s.voorgesteld_door !== actor.id) throw new AppError('geen_toegang', 'Alleen wie het besluit voorstelde kan het intrekken.');
    await tx.query(`UPDATE besluit SET status = 'ingetrokken' WHERE id = $1`, [s.id]);
    await tx.query(`UPDATE beoordeling SET status = $2, versie = versie + 1, bijgewerkt_op = $3, bijgewerkt_door = $4 WHERE id = $1`, [
      b.id,
      statusNaTerugsturen(s.fase),
      now.toISOString(),
      actor.id,
    ]);
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'besluit.intrekken', recordType: 'besluit', recordId: s.id, uitkomst: 'ok' }]);
    return view(tx, (await loadBeoordeling(tx, actor, { id: b.id }))!);
  });
}

/**
 * The second person's answer to a proposed decision: confirm (it takes effect now, in this
 * transaction) or send it back with a reason.
 */
export async function beoordeelVoorstel(
  db: Database,
  actor: Actor,
  audit: AuditBase,
  besluitId: string,
  input: { antwoord: 'bevestigen' | 'terugsturen'; toelichting?: string | undefined },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const s = isUuid(besluitId)
      ? (
          await tx.query<{ id: string; beoordeling_id: string; fase: 'beoordeling' | 'onderzoek'; soort: BesluitSoort; inhoud: Besluit; onderzoek_uitkomst: OnderzoekUitkomst | null; status: string; voorgesteld_door: string }>(
            `SELECT id, beoordeling_id, fase, soort, inhoud, onderzoek_uitkomst, status, voorgesteld_door FROM besluit WHERE id = $1 AND region_id = $2`,
            [besluitId, actor.regionId],
          )
        ).rows[0]
      : undefined;
    const b = s ? await loadInScope(tx, actor, audit, s.beoordeling_id, 'besluit.beoordelen', now) : null;
    if (!s || !b) {
      throw weigering(new AppError('niet_gevonden', 'Besluit niet gevonden.'), [{ ...audit, regionId: actor.regionId, actie: 'besluit.beoordelen', recordType: 'besluit', recordId: isUuid(besluitId) ? besluitId : null, uitkomst: 'niet-gevonden' }]);
    }
    // Lock order: the assessment (above), then the decision.
    const current = (await tx.query<{ status: string }>(`SELECT status FROM besluit WHERE id = $1 FOR UPDATE`, [s.id])).rows[0]!;
    if (current.status !== 'voorgesteld') throw new AppError('conflict', 'Over dit besluit is al beslist.');
    const probleem = bevestigenProbleem({ id: actor.id, isGedragswetenschapper: actor.roles.includes('vt-gedragswetenschapper') }, s.voorgesteld_door);
    if (probleem) {
      throw weigering(new AppError('geen_toegang', `${probleem.charAt(0).toUpperCase()}${probleem.slice(1)}.`), [{ ...audit, regionId: actor.regionId, actie: 'besluit.beoordelen', recordType: 'besluit', recordId: s.id, uitkomst: 'geweigerd' }]);
    }
    const personen = await householdPersons(tx, b.household_id);
    if (input.antwoord === 'terugsturen') {
      if (!input.toelichting) throw new AppError('ongeldige_invoer', 'Geef aan waarom u het besluit terugstuurt.', [{ path: 'body.toelichting', message: 'verplicht bij terugsturen' }]);
      await tx.query(`UPDATE besluit SET status = 'teruggestuurd', beoordeeld_door = $2, beoordeeld_op = $3, toelichting = $4 WHERE id = $1`, [
        s.id,
        actor.id,
        now.toISOString(),
        input.toelichting,
      ]);
      await tx.query(`UPDATE beoordeling SET status = $2, versie = versie + 1, bijgewerkt_op = $3, bijgewerkt_door = $4 WHERE id = $1`, [
        b.id,
        statusNaTerugsturen(s.fase),
        now.toISOString(),
        actor.id,
      ]);
      await notify(tx, {
        regionId: actor.regionId,
        userIds: [s.voorgesteld_door],
        soort: 'besluit-teruggestuurd',
        titel: `Besluit teruggestuurd: ${BESLUIT_NAMEN[s.soort]}`,
        link: `/meldingen/${b.contact_id}`,
        bronType: 'besluit',
        bronId: s.id,
      }, now);
      await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'besluit.terugsturen', recordType: 'besluit', recordId: s.id, personen, doel: s.soort, uitkomst: 'ok' }]);
      return view(tx, (await loadBeoordeling(tx, actor, { id: b.id }))!);
    }

    await tx.query(`UPDATE besluit SET status = 'bevestigd', beoordeeld_door = $2, beoordeeld_op = $3, toelichting = $4 WHERE id = $1`, [
      s.id,
      actor.id,
      now.toISOString(),
      input.toelichting ?? null,
    ]);
    await applyBesluit(tx, actor, b, s, now);
    await notify(tx, {
      regionId: actor.regionId,
      userIds: [s.voorgesteld_door],
      soort: 'besluit-bevestigd',
      titel: `Besluit bevestigd: ${BESLUIT_NAMEN[s.soort]}`,
      link: `/meldingen/${b.contact_id}`,
      bronType: 'besluit',
      bronId: s.id,
    }, now);
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'besluit.bevestigen', recordType: 'besluit', recordId: s.id, personen, doel: s.soort, uitkomst: 'ok' }]);
    return view(tx, (await loadBeoordeling(tx, actor, { id: b.id }))!);
  });
}

/** Carries out a confirmed decision (gevolgVanBesluit) in the confirming transaction. */
async function applyBesluit(
  tx: Queryable,
  actor: Actor,
  b: BeoordelingRow,
  s: { id: string; fase: 'beoordeling' | 'onderzoek'; inhoud: Besluit; onderzoek_uitkomst: OnderzoekUitkomst | null; voorgesteld_door: string },
  now: Date,
): Promise<void> {
  const besluit = s.inhoud;
  const g = gevolgVanBesluit(besluit, s.fase);
  const inst = (await termijnInstellingen(tx, [actor.regionId])).get(actor.regionId)!;
  const set: Record<string, unknown> = { status: g.status };
  let deadline: Date | null = b.deadline ? new Date(b.deadline) : null;
  if (g.acuutAfgehandeld) {
    set.acuut_afgehandeld_op = now;
    if (!b.beoordeeld_op) deadline = new Date(b.deadline_regionaal);
  }
  if (g.beoordeeld && !b.beoordeeld_op && s.fase === 'beoordeling') {
    set.beoordeeld_op = now;
    set.besluit_soort = besluit.soort;
    if (besluit.soort === 'overdracht') set.overdracht_naar = besluit.naar;
  }
  if (g.onderzoekStarten) {
    const d = onderzoekDeadline(now, inst);
    set.onderzoek_gestart_op = now;
    set.onderzoek_deadline = d;
    deadline = d;
  }
  if (g.onderzoekAfronden) {
    set.onderzoek_afgerond_op = now;
    set.onderzoek_uitkomst = s.onderzoek_uitkomst;
    set.vervolg_besluit_soort = besluit.soort;
    if (besluit.soort === 'overdracht') set.overdracht_naar = besluit.naar;
  }
  if (g.overdrachtVoorstellen && (besluit.soort === 'overdracht' || besluit.soort === 'voorwaarden-en-vervolg') && besluit.organisatieId) {
    const reactie = eindeNaWerkdagen(now, OVERDRACHT_REACTIE_WERKDAGEN);
    const o = await tx.query<{ id: string }>(
      `INSERT INTO overdracht (region_id, beoordeling_id, besluit_id, household_id, soort, van_organisation_id, naar_organisation_id, naar_team_id, toelichting, voorwaarden, status, voorgesteld_op)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'voorgesteld', $11) RETURNING id`,
      [
        actor.regionId,
        b.id,
        s.id,
        b.household_id,
        besluit.soort === 'overdracht' ? besluit.naar : null,
        actor.organisationId,
        besluit.organisatieId,
        besluit.teamId ?? null,
        besluit.toelichting,
        JSON.stringify(besluit.soort === 'voorwaarden-en-vervolg' ? besluit.voorwaarden : []),
        now.toISOString(),
      ],
    );
    deadline = reactie;
    const receivers = await usersWithRole(tx, actor.regionId, besluit.organisatieId, ['lokaal-team', 'opvang', 'csg', 'zvh-coordinator', 'vt-medewerker', 'vt-gedragswetenschapper'], besluit.teamId ?? null);
    await notify(tx, {
      regionId: actor.regionId,
      userIds: receivers,
      soort: 'overdracht-voorgesteld',
      titel: `Overdracht van Veilig Thuis: ${besluit.soort === 'overdracht' ? 'graag accepteren' : 'voorwaarden en vervolg'}`,
      link: `/overdrachten/${o.rows[0]!.id}`,
      bronType: 'overdracht',
      bronId: o.rows[0]!.id,
    }, now);
  }
  if (g.contactNaarAdvies) {
    await tx.query(`UPDATE contact SET type = 'advies', versie = versie + 1 WHERE id = $1 AND region_id = $2`, [b.contact_id, actor.regionId]);
    await tx.query(`INSERT INTO contact_gebeurtenis (region_id, contact_id, soort, op, door, toelichting) VALUES ($1, $2, 'omgezet-naar-advies', $3, $4, $5)`, [
      actor.regionId,
      b.contact_id,
      now.toISOString(),
      actor.id,
      besluit.soort === 'omzetten-naar-advies' ? besluit.reden : null,
    ]);
  }
  if (g.status === 'afgerond') {
    set.afgerond_op = now;
    deadline = null;
    // Voorwaarden en vervolg kept by Veilig Thuis itself: it checks at the set moments that they hold.
    if (besluit.soort === 'voorwaarden-en-vervolg' && b.household_id) {
      await planControlemomenten(tx, { regionId: actor.regionId, householdId: b.household_id, overdrachtId: null, beoordelingId: b.id, vanaf: now });
    }
  }
  set.deadline = deadline;
  if ((deadline?.getTime() ?? null) !== (b.deadline ? new Date(b.deadline).getTime() : null)) set.te_laat_gemeld_op = null;
  const keys = Object.keys(set);
  await tx.query(
    `UPDATE beoordeling SET ${keys.map((k, i) => `${k} = $${i + 2}`).join(', ')}, versie = versie + 1, bijgewerkt_op = $${keys.length + 2}, bijgewerkt_door = $${keys.length + 3} WHERE id = $1`,
    [b.id, ...keys.map((k) => (set[k] instanceof Date ? (set[k] as Date).toISOString() : set[k])), now.toISOString(), actor.id],
  );
}

