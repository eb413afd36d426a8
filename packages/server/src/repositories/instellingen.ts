/**
 * A region's deadline settings. Changing them recomputes the deadlines of every open melding of the
 * region in the same transaction: deadlines are data, and they follow the settings.
 */
import {
  DEFAULT_PLAN_INSTELLINGEN,
  DEFAULT_TERMIJN_INSTELLINGEN,
  herberekenDeadline,
  type Actor,
  type OpenWerk,
  type PlanInstellingen,
  type TermijnInstellingen,
} from '@samenveilig/domain';
import { appendAudit } from '../audit/chain.js';
import type { Database, Queryable } from '../db/database.js';
import { AppError } from '../http/errors.js';
import type { AuditBase } from './common.js';

export interface Instellingen extends TermijnInstellingen, PlanInstellingen {
  versie: number;
  /** False while the region uses the defaults (nothing stored yet). */
  opgeslagen: boolean;
}

interface Row {
  region_id: string;
  acuut_minuten: number;
  beoordeling_eenheid: 'werkdagen' | 'uren';
  beoordeling_aantal: number;
  onderzoek_weken: number;
  dagen_zonder_geweld: number;
  controle_maanden: number[];
  versie: number;
}

const fromRow = (r: Row): Instellingen => ({
  acuutMinuten: r.acuut_minuten,
  beoordeling: { eenheid: r.beoordeling_eenheid, aantal: r.beoordeling_aantal },
  onderzoekWeken: r.onderzoek_weken,
  dagenZonderGeweld: r.dagen_zonder_geweld,
  controleMaanden: r.controle_maanden,
  versie: r.versie,
  opgeslagen: true,
});

const DEFAULTS: Instellingen = { ...DEFAULT_TERMIJN_INSTELLINGEN, ...DEFAULT_PLAN_INSTELLINGEN, versie: 0, opgeslagen: false };

/** The settings of each given region (the defaults where none are stored). */
export async function termijnInstellingen(tx: Queryable, regionIds: readonly string[]): Promise<Map<string, Instellingen>> {
  const rows = (await tx.query<Row>(`SELECT * FROM regio_instelling WHERE region_id = ANY($1::text[])`, [regionIds])).rows;
  const map = new Map<string, Instellingen>(regionIds.map((r) => [r, DEFAULTS]));
  for (const r of rows) map.set(r.region_id, fromRow(r));
  return map;
}

/** The settings of the regions and the gemeenten each team of the organisations serves, in one round trip. */
export async function termijnInstellingenEnTeams(
  tx: Queryable,
  regionIds: readonly string[],
  organisationIds: readonly string[],
): Promise<{ settings: Map<string, Instellingen>; teams: { organisation_id: string; gemeente_code: string; team_id: string }[] }> {
  const r = (
    await tx.query<{ settings: Row[]; teams: { organisation_id: string; gemeente_code: string; team_id: string }[] }>(
      `SELECT coalesce((SELECT json_agg(s) FROM regio_instelling s WHERE s.region_id = ANY($1::text[])), '[]') AS settings,
              coalesce((SELECT json_agg(json_build_object('organisation_id', w.organisation_id, 'gemeente_code', w.gemeente_code, 'team_id', w.team_id))
                        FROM team_werkgebied w WHERE w.organisation_id = ANY($2::uuid[])), '[]') AS teams`,
      [regionIds, organisationIds],
    )
  ).rows[0]!;
  const settings = new Map<string, Instellingen>(regionIds.map((id) => [id, DEFAULTS]));
  for (const row of r.settings) settings.set(row.region_id, fromRow(row));
  return { settings, teams: r.teams };
}

export async function getInstellingen(db: Queryable, regionId: string): Promise<Instellingen> {
  return (await termijnInstellingen(db, [regionId])).get(regionId)!;
}

/**
 * Stores new settings (versie guards against a concurrent change: 409) and recomputes the deadlines of
 * the region's open meldingen. Returns the settings and how many meldingen got a new deadline.
 */
export async function updateInstellingen(
  db: Database,
  actor: Actor,
  audit: AuditBase,
  input: TermijnInstellingen & { versie: number },
  now = new Date(),
): Promise<{ instellingen: Instellingen; herberekend: number }> {
  return db.transaction(async (tx) => {
    const current = (await tx.query<Row>(`SELECT * FROM regio_instelling WHERE region_id = $1 FOR UPDATE`, [actor.regionId])).rows[0];
    const currentVersie = current?.versie ?? 0;
    if (currentVersie !== input.versie) {
      throw new AppError('conflict', 'De instellingen zijn intussen door iemand anders gewijzigd. Herlaad de pagina en probeer het opnieuw.');
    }
    const saved = (
      await tx.query<Row>(
        `INSERT INTO regio_instelling (region_id, acuut_minuten, beoordeling_eenheid, beoordeling_aantal, onderzoek_weken, versie, bijgewerkt_op, bijgewerkt_door)
         VALUES ($1, $2, $3, $4, $5, 1, $6, $7)
         ON CONFLICT (region_id) DO UPDATE SET acuut_minuten = EXCLUDED.acuut_minuten, beoordeling_eenheid = EXCLUDED.beoordeling_eenheid,
           beoordeling_aantal = EXCLUDED.beoordeling_aantal, onderzoek_weken = EXCLUDED.onderzoek_weken, versie = regio_instelling.versie + 1,
           bijgewerkt_op = EXCLUDED.bijgewerkt_op, bijgewerkt_door = EXCLUDED.bijgewerkt_door
         RETURNING *`,
        [actor.regionId, input.acuutMinuten, input.beoordeling.eenheid, input.beoordeling.aantal, input.onderzoekWeken, now.toISOString(), actor.id],
      )
    ).rows[0]!;
    const instellingen = fromRow(saved);
    const herberekend = await recomputeDeadlines(tx, actor.regionId, instellingen);
    await appendAudit(tx, [
      {
        ...audit,
        regionId: actor.regionId,
        actie: 'instellingen.termijnen.wijzigen',
        recordType: 'regio_instelling',
        recordId: actor.regionId,
        doel: `acuut ${instellingen.acuutMinuten} min; beoordeling ${instellingen.beoordeling.aantal} ${instellingen.beoordeling.eenheid}; onderzoek ${instellingen.onderzoekWeken} weken`,
        uitkomst: `ok (${herberekend} termijnen herberekend)`,
      },
    ]);
    return { instellingen, herberekend };
  });
}

/** Stores the region's plan settings (exit criterion, check moments); versie guards against a concurrent change. */
export async function updatePlanInstellingen(db: Database, actor: Actor, audit: AuditBase, input: PlanInstellingen & { versie: number }, now = new Date()) {
  return db.transaction(async (tx) => {
    const current = (await tx.query<Row>(`SELECT * FROM regio_instelling WHERE region_id = $1 FOR UPDATE`, [actor.regionId])).rows[0];
    if ((current?.versie ?? 0) !== input.versie) {
      throw new AppError('conflict', 'De instellingen zijn intussen door iemand anders gewijzigd. Herlaad de pagina en probeer het opnieuw.');
    }
    const t = current ? fromRow(current) : DEFAULTS;
    const saved = (
      await tx.query<Row>(
        `INSERT INTO regio_instelling (region_id, acuut_minuten, beoordeling_eenheid, beoordeling_aantal, onderzoek_weken, dagen_zonder_geweld, controle_maanden, versie, bijgewerkt_op, bijgewerkt_door)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9)
         ON CONFLICT (region_id) DO UPDATE SET dagen_zonder_geweld = EXCLUDED.dagen_zonder_geweld, controle_maanden = EXCLUDED.controle_maanden,
           versie = regio_instelling.versie + 1, bijgewerkt_op = EXCLUDED.bijgewerkt_op, bijgewerkt_door = EXCLUDED.bijgewerkt_door
         RETURNING *`,
        [actor.regionId, t.acuutMinuten, t.beoordeling.eenheid, t.beoordeling.aantal, t.onderzoekWeken, input.dagenZonderGeweld, [...input.controleMaanden].sort((a, b) => a - b), now.toISOString(), actor.id],
      )
    ).rows[0]!;
    await appendAudit(tx, [
      {
        ...audit,
        regionId: actor.regionId,
        actie: 'instellingen.plan.wijzigen',
        recordType: 'regio_instelling',
        recordId: actor.regionId,
        doel: `${input.dagenZonderGeweld} dagen zonder geweld; controle na ${input.controleMaanden.join(', ')} maanden`,
        uitkomst: 'ok',
      },
    ]);
    return fromRow(saved);
  });
}

/** New deadlines for the open meldingen of a region after a change of settings. */
async function recomputeDeadlines(tx: Queryable, regionId: string, inst: TermijnInstellingen): Promise<number> {
  const open = (
    await tx.query<{
      id: string; status: string; acuut: boolean; ontvangen_op: Date; deadline: Date; acuut_afgehandeld_op: Date | null; beoordeeld_op: Date | null;
      onderzoek_gestart_op: Date | null;
    }>(
      `SELECT id, status, acuut, ontvangen_op, deadline, acuut_afgehandeld_op, beoordeeld_op, onderzoek_gestart_op
       FROM beoordeling WHERE region_id = $1 AND status <> 'afgerond' FOR UPDATE`,
      [regionId],
    )
  ).rows;
  const ids: string[] = [];
  const cols: { wettelijk: string[]; regionaal: string[]; acuut: (string | null)[]; deadline: string[]; onderzoek: (string | null)[] } = {
    wettelijk: [],
    regionaal: [],
    acuut: [],
    deadline: [],
    onderzoek: [],
  };
  for (const b of open) {
    const r = herberekenDeadline(
      {
        status: b.status as OpenWerk['status'],
        acuut: b.acuut,
        ontvangenOp: new Date(b.ontvangen_op),
        acuutAfgehandeld: b.acuut_afgehandeld_op !== null,
        beoordeeld: b.beoordeeld_op !== null,
        onderzoekGestartOp: b.onderzoek_gestart_op ? new Date(b.onderzoek_gestart_op) : null,
        deadline: new Date(b.deadline),
      },
      inst,
    );
    ids.push(b.id);
    cols.wettelijk.push(r.termijnen.wettelijk.toISOString());
    cols.regionaal.push(r.termijnen.regionaal.toISOString());
    cols.acuut.push(r.termijnen.acuut?.toISOString() ?? null);
    cols.deadline.push(r.deadline.toISOString());
    cols.onderzoek.push(r.onderzoekDeadline?.toISOString() ?? null);
  }
  if (ids.length === 0) return 0;
  const r = await tx.query(
    `UPDATE beoordeling b SET deadline_wettelijk = t.w, deadline_regionaal = t.r, deadline_acuut = t.a,
       -- A deadline that moved is reported again when it passes.
       te_laat_gemeld_op = CASE WHEN b.deadline = t.d THEN b.te_laat_gemeld_op ELSE NULL END,
       deadline = t.d, onderzoek_deadline = coalesce(t.o, b.onderzoek_deadline)
     FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[]) AS t(id, w, r, a, d, o)
     WHERE b.id = t.id AND b.region_id = $7
       AND (b.deadline_wettelijk, b.deadline_regionaal, b.deadline_acuut, b.deadline, b.onderzoek_deadline)
           IS DISTINCT FROM (t.w, t.r, t.a, t.d, coalesce(t.o, b.onderzoek_deadline))`,
    [ids, cols.wettelijk, cols.regionaal, cols.acuut, cols.deadline, cols.onderzoek, regionId],
  );
  return r.rowCount;
}
