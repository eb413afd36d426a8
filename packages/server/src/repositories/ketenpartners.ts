/** The chain partners of a region by name: whom Veilig Thuis can hand a melding over to. No personal data. */
import type { Queryable } from '../db/database.js';

export async function ketenpartners(db: Queryable, regionId: string) {
  const orgs = (
    await db.query<{ id: string; naam: string; type: string; gemeente: string | null }>(
      `SELECT o.id, o.naam, o.type, g.naam AS gemeente FROM organisation o LEFT JOIN gemeente g ON g.code = o.gemeente_code WHERE o.region_id = $1 ORDER BY o.type, o.naam`,
      [regionId],
    )
  ).rows;
  const teams = (await db.query<{ id: string; naam: string; organisation_id: string }>(`SELECT id, naam, organisation_id FROM team WHERE region_id = $1 ORDER BY naam`, [regionId])).rows;
  return orgs.map((o) => ({ ...o, teams: teams.filter((t) => t.organisation_id === o.id).map((t) => ({ id: t.id, naam: t.naam })) }));
}
