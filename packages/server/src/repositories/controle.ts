/**
 * Monitoring after a handover (the radar function): for a household handed over, or under voorwaarden en
 * vervolg, Veilig Thuis checks at set moments (by default 3 and 12 months later) that safety was reached.
 * A check moment is data: planned at the handover, in Veilig Thuis' queue once due, reported to the team
 * lead when it is, and closed with its outcome.
 */
import { amsterdamDate, eindeNaWerkdagen, type Actor } from '@samenveilig/domain';
import { DateTime } from 'luxon';
import { appendAudit, weigering } from '../audit/chain.js';
import type { Database, Queryable } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { isUuid, type AuditBase } from './common.js';
import { scopeCondition } from './dossiers.js';
import { getInstellingen } from './instellingen.js';
import { notify } from './notificaties.js';

/** Plans the check moments of a handover or of voorwaarden en vervolg, in the caller's transaction. */
export async function planControlemomenten(
  tx: Queryable,
  input: { regionId: string; householdId: string; overdrachtId: string | null; beoordelingId: string; vanaf: Date },
): Promise<void> {
  const inst = await getInstellingen(tx, input.regionId);
  const start = DateTime.fromJSDate(input.vanaf, { zone: 'Europe/Amsterdam' });
  await tx.query(
    `INSERT INTO controlemoment (region_id, household_id, overdracht_id, beoordeling_id, maanden, gepland_op)
     SELECT $1::text, $2::uuid, $3::uuid, $4::uuid, m, d FROM unnest($5::int[], $6::date[]) AS t(m, d)`,
    [
      input.regionId,
      input.householdId,
      input.overdrachtId,
      input.beoordelingId,
      inst.controleMaanden,
      inst.controleMaanden.map((m) => start.plus({ months: m }).toISODate()),
    ],
  );
}

export interface ControlemomentView {
  id: string;
  huishoudenId: string;
  contactId: string | null;
  maanden: number;
  geplandOp: string;
  status: 'gepland' | 'afgerond';
  uitkomst: 'veilig' | 'zorgen' | 'onveilig' | null;
  toelichting: string | null;
  afgerondOp: string | null;
}

/** Veilig Thuis closes a check moment with its outcome; "zorgen" and "onveilig" tell the regisseurs at once. */
export async function rondControlemomentAf(
  db: Database,
  actor: Actor,
  audit: AuditBase,
  id: string,
  input: { uitkomst: 'veilig' | 'zorgen' | 'onveilig'; toelichting: string },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const params: unknown[] = [id, actor.regionId];
    const c = isUuid(id)
      ? (
          await tx.query<{ id: string; household_id: string; status: string }>(
            `SELECT c.id, c.household_id, c.status FROM controlemoment c JOIN household h ON h.id = c.household_id AND h.region_id = c.region_id
             WHERE c.id = $1 AND c.region_id = $2 AND ${scopeCondition(actor, params, now)} FOR UPDATE OF c`,
            params,
          )
        ).rows[0]
      : undefined;
    if (!c) {
      throw weigering(new AppError('niet_gevonden', 'Controlemoment niet gevonden.'), [{ ...audit, regionId: actor.regionId, actie: 'controlemoment.afronden', recordType: 'controlemoment', recordId: isUuid(id) ? id : null, uitkomst: 'niet-gevonden' }]);
    }
    if (c.status !== 'gepland') throw new AppError('conflict', 'Dit controlemoment is al afgerond.');
    await tx.query(`UPDATE controlemoment SET status = 'afgerond', uitkomst = $2, toelichting = $3, afgerond_door = $4, afgerond_op = $5 WHERE id = $1`, [
      c.id,
      input.uitkomst,
      input.toelichting,
      actor.id,
      now.toISOString(),
    ]);
    if (input.uitkomst !== 'veilig') {
      const regisseurs = (await tx.query<{ user_id: string }>(`SELECT user_id FROM household_regie WHERE household_id = $1 AND tot IS NULL`, [c.household_id])).rows.map((r) => r.user_id);
      await notify(tx, {
        regionId: actor.regionId,
        userIds: regisseurs,
        soort: 'controlemoment',
        titel: input.uitkomst === 'onveilig' ? 'Controle door Veilig Thuis: het is niet veilig' : 'Controle door Veilig Thuis: er zijn zorgen',
        link: `/dossiers/${c.household_id}`,
        bronType: 'controlemoment',
        bronId: c.id,
      }, now);
    }
    const personen = (await tx.query<{ person_id: string }>(`SELECT person_id FROM household_member WHERE household_id = $1`, [c.household_id])).rows.map((r) => r.person_id);
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'controlemoment.afronden', recordType: 'controlemoment', recordId: c.id, personen, doel: input.uitkomst, uitkomst: 'ok' }]);
    return { id: c.id, uitkomst: input.uitkomst };
  });
}

/** The deadline of a due check moment in the queue: the end of the next working day after its date. */
export function controleDeadline(geplandOp: string): Date {
  return eindeNaWerkdagen(new Date(`${geplandOp}T12:00:00Z`), 1);
}

/** Today's date in Amsterdam (check moments are planned by date). */
export const vandaag = (now: Date) => amsterdamDate(now);

export interface ControleTaak {
  id: string;
  huishoudenId: string;
  contactId: string | null;
  maanden: number;
  geplandOp: string;
  deadline: string;
  team: { id: string; naam: string } | null;
  overgedragenAan: string | null;
  betrokkenen: string[];
}

/**
 * Check moments that are due (planned today or earlier, not closed), for Veilig Thuis' queue, in the
 * caller's transaction and scope. `team`: a team id (its own work and work without a team), or 'alle'/'geen'.
 */
export async function openControlemomenten(
  tx: Queryable,
  actor: Actor,
  opts: { team: string; limit: number },
  now: Date,
): Promise<{ items: ControleTaak[]; personen: string[] }> {
  const params: unknown[] = [actor.regionId, vandaag(now)];
  const scope = scopeCondition(actor, params, now);
  let teamFilter = '';
  if (opts.team === 'geen') teamFilter = 'AND b.team_id IS NULL';
  else if (opts.team !== 'alle' && isUuid(opts.team)) {
    params.push(opts.team);
    teamFilter = `AND (b.team_id = $${params.length}::uuid OR b.team_id IS NULL)`;
  }
  params.push(opts.limit);
  const rows = (
    await tx.query<{
      id: string; household_id: string; contact_id: string | null; maanden: number; gepland_op: string; team_id: string | null; team_naam: string | null;
      naar: string | null; personen: { id: string; naam: string }[];
    }>(
      `SELECT c.id, c.household_id, b.contact_id, c.maanden, c.gepland_op::text AS gepland_op, b.team_id, t.naam AS team_naam, o.naam AS naar,
              coalesce((SELECT json_agg(json_build_object('id', p.id, 'naam', concat_ws(' ', coalesce(p.roepnaam, split_part(p.voornamen, ' ', 1)), p.tussenvoegsel, p.achternaam)) ORDER BY p.geboortedatum NULLS LAST, p.id)
                        FROM household_member hm JOIN person p ON p.id = hm.person_id AND p.region_id = hm.region_id WHERE hm.household_id = c.household_id), '[]') AS personen
       FROM controlemoment c JOIN household h ON h.id = c.household_id AND h.region_id = c.region_id
       LEFT JOIN beoordeling b ON b.id = c.beoordeling_id AND b.region_id = c.region_id
       LEFT JOIN team t ON t.id = b.team_id AND t.region_id = b.region_id
       LEFT JOIN overdracht od ON od.id = c.overdracht_id AND od.region_id = c.region_id
       LEFT JOIN organisation o ON o.id = od.naar_organisation_id AND o.region_id = od.region_id
       WHERE c.region_id = $1 AND c.status = 'gepland' AND c.gepland_op <= $2::date AND ${scope} ${teamFilter}
       ORDER BY c.gepland_op, c.id LIMIT $${params.length}`,
      params,
    )
  ).rows;
  return {
    items: rows.map((r) => ({
      id: r.id,
      huishoudenId: r.household_id,
      contactId: r.contact_id,
      maanden: r.maanden,
      geplandOp: r.gepland_op,
      deadline: controleDeadline(r.gepland_op).toISOString(),
      team: r.team_id ? { id: r.team_id, naam: r.team_naam! } : null,
      overgedragenAan: r.naar,
      betrokkenen: r.personen.map((p) => p.naam.trim() || 'Onbekend'),
    })),
    personen: rows.flatMap((r) => r.personen.map((p) => p.id)),
  };
}
