/**
 * Watches over plans and check moments, like the deadline watch (termijnbewaking.ts) and run by it:
 * - an afspraak of a plan past its date and still open is reported to the household's regisseurs, once
 *   per date (afspraak_signaal);
 * - a check moment after a handover that became due is reported to the lead of the team that assessed the
 *   melding (or Veilig Thuis' gedragswetenschappers), once (controlemoment.gemeld_op); it is in the queue
 *   from that day on.
 * Everything it reads is data, so a restart loses nothing; rows are claimed with SKIP LOCKED.
 */
import { amsterdamDate, planInhoudSchema, verlopenAfspraken } from '@samenveilig/domain';
import { appendAudit, type AuditEvent } from '../audit/chain.js';
import type { Database } from '../db/database.js';
import { notify, usersWithRole } from '../repositories/notificaties.js';

const ACTOR = 'system:planbewaking';

function systeemAudit(perRegion: Map<string, number>, actie: string, recordType: string): AuditEvent[] {
  return [...perRegion].map(([regionId, n]) => ({
    regionId,
    actorSoort: 'systeem' as const,
    actorId: ACTOR,
    organisationId: null,
    rol: null,
    actie,
    recordType,
    uitkomst: `ok (${n})`,
  }));
}

/** Reports afspraken past their date that were not reported for that date; returns how many. */
export async function meldVerlopenAfspraken(db: Database, now = new Date(), batch = 200): Promise<number> {
  const vandaag = amsterdamDate(now);
  return db.transaction(async (tx) => {
    // Plans with an open afspraak past its date not yet reported; the rule itself is the domain's.
    const plans = (
      await tx.query<{ id: string; region_id: string; household_id: string; inhoud: unknown }>(
        `SELECT p.id, p.region_id, p.household_id, p.inhoud FROM veiligheidsplan p
         WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(p.inhoud->'afspraken') a
                       WHERE a->>'status' = 'open' AND a->>'wanneer' < $1
                         AND NOT EXISTS (SELECT 1 FROM afspraak_signaal s WHERE s.plan_id = p.id AND s.afspraak_id = a->>'id' AND s.wanneer = (a->>'wanneer')::date))
         ORDER BY p.id LIMIT $2 FOR UPDATE OF p SKIP LOCKED`,
        [vandaag, batch],
      )
    ).rows;
    let n = 0;
    const perRegion = new Map<string, number>();
    for (const p of plans) {
      const verlopen = verlopenAfspraken(planInhoudSchema.parse(p.inhoud), vandaag);
      const gemeld = new Set(
        (await tx.query<{ afspraak_id: string; wanneer: string }>(`SELECT afspraak_id, wanneer::text AS wanneer FROM afspraak_signaal WHERE plan_id = $1`, [p.id])).rows.map(
          (s) => `${s.afspraak_id}|${s.wanneer}`,
        ),
      );
      const nieuw = verlopen.filter((a) => !gemeld.has(`${a.id}|${a.wanneer}`));
      if (nieuw.length === 0) continue;
      await tx.query(
        `INSERT INTO afspraak_signaal (plan_id, region_id, afspraak_id, wanneer, gemeld_op) SELECT $1::uuid, $2::text, a, w, $5 FROM unnest($3::text[], $4::date[]) AS t(a, w)`,
        [p.id, p.region_id, nieuw.map((a) => a.id), nieuw.map((a) => a.wanneer), now.toISOString()],
      );
      const regisseurs = (await tx.query<{ user_id: string }>(`SELECT user_id FROM household_regie WHERE household_id = $1 AND tot IS NULL`, [p.household_id])).rows.map(
        (r) => r.user_id,
      );
      // The title names no person: a notification may travel by e-mail.
      await notify(tx, {
        regionId: p.region_id,
        userIds: regisseurs,
        soort: 'afspraak-verlopen',
        titel: nieuw.length === 1 ? 'Een afspraak in het veiligheidsplan is over de datum en staat nog open' : `${nieuw.length} afspraken in het veiligheidsplan zijn over de datum en staan nog open`,
        link: `/dossiers/${p.household_id}/plan`,
        bronType: 'veiligheidsplan',
        bronId: p.id,
      }, now);
      n += nieuw.length;
      perRegion.set(p.region_id, (perRegion.get(p.region_id) ?? 0) + nieuw.length);
    }
    if (perRegion.size > 0) await appendAudit(tx, systeemAudit(perRegion, 'afspraak.verlopen.melden', 'veiligheidsplan'), now);
    return plans.length === batch ? Math.max(n, batch) : n;
  });
}

/** Reports check moments that became due and were not reported; returns how many. */
export async function meldControlemomenten(db: Database, now = new Date(), batch = 500): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = (
      await tx.query<{ id: string; region_id: string; household_id: string; teamleider_id: string | null; organisation_id: string | null }>(
        `SELECT c.id, c.region_id, c.household_id, t.teamleider_id,
                coalesce(t.organisation_id, (SELECT i.organisation_id FROM household_involvement i JOIN organisation o ON o.id = i.organisation_id AND o.region_id = i.region_id
                                             WHERE i.household_id = c.household_id AND o.type = 'veilig-thuis' ORDER BY i.sinds LIMIT 1)) AS organisation_id
         FROM controlemoment c LEFT JOIN beoordeling b ON b.id = c.beoordeling_id AND b.region_id = c.region_id
         LEFT JOIN team t ON t.id = b.team_id AND t.region_id = b.region_id
         WHERE c.status = 'gepland' AND c.gemeld_op IS NULL AND c.gepland_op <= $1::date
         ORDER BY c.gepland_op LIMIT $2 FOR UPDATE OF c SKIP LOCKED`,
        [amsterdamDate(now), batch],
      )
    ).rows;
    if (rows.length === 0) return 0;
    const perRegion = new Map<string, number>();
    for (const r of rows) {
      const to = r.teamleider_id ? [r.teamleider_id] : r.organisation_id ? await usersWithRole(tx, r.region_id, r.organisation_id, ['vt-gedragswetenschapper']) : [];
      await notify(tx, {
        regionId: r.region_id,
        userIds: to,
        soort: 'controlemoment',
        titel: 'Controlemoment: ga na of de veiligheid na de overdracht is bereikt',
        link: `/werkvoorraad`,
        bronType: 'controlemoment',
        bronId: r.id,
      }, now);
      perRegion.set(r.region_id, (perRegion.get(r.region_id) ?? 0) + 1);
    }
    await tx.query(`UPDATE controlemoment SET gemeld_op = $2 WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id), now.toISOString()]);
    await appendAudit(tx, systeemAudit(perRegion, 'controlemoment.melden', 'controlemoment'), now);
    return rows.length;
  });
}
