/** SQL for regions and gemeenten lives here and nowhere else. */
import type { Queryable } from '../db/database.js';

export interface RegionOverview {
  id: string;
  naam: string;
  bron: string;
  centrumgemeente: { code: string; naam: string };
  gemeenten: { code: string; naam: string; inwoners: number; inwonersPeildatum: string; inwonersBron: string }[];
  totalen: { adviezen: number; meldingen: number };
}

export async function regionOverview(db: Queryable): Promise<RegionOverview[]> {
  const regions = await db.query<{ id: string; naam: string; bron: string; cg_code: string; cg_naam: string; adviezen: number; meldingen: number }>(
    `SELECT r.id, r.naam, r.bron, r.centrumgemeente_code AS cg_code, cg.naam AS cg_naam,
            (SELECT count(*) FROM contact c WHERE c.region_id = r.id AND c.type = 'advies' AND c.status = 'actief') AS adviezen,
            (SELECT count(*) FROM contact c WHERE c.region_id = r.id AND c.type = 'melding' AND c.status = 'actief') AS meldingen
     FROM region r JOIN gemeente cg ON cg.code = r.centrumgemeente_code
     ORDER BY r.naam`,
  );
  const gemeenten = await db.query<{ code: string; naam: string; region_id: string; inwoners: number; peildatum: string; bron: string }>(
    `SELECT code, naam, region_id, inwoners, inwoners_peildatum AS peildatum, inwoners_bron AS bron FROM gemeente ORDER BY naam`,
  );
  return regions.rows.map((r) => ({
    id: r.id,
    naam: r.naam,
    bron: r.bron,
    centrumgemeente: { code: r.cg_code, naam: r.cg_naam },
    gemeenten: gemeenten.rows
      .filter((g) => g.region_id === r.id)
      .map((g) => ({ code: g.code, naam: g.naam, inwoners: g.inwoners, inwonersPeildatum: g.peildatum, inwonersBron: g.bron })),
    totalen: { adviezen: r.adviezen, meldingen: r.meldingen },
  }));
}
