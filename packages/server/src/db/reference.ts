/**
 * Brings the reference tables in line with the reference data versioned in the domain package.
 * Idempotent; runs after migrations. Rows are upserted, never deleted (records may refer to them).
 */
import { GEMEENTEN, GEWELDSVORMEN, ORGANISATIETYPEN, REGIONS } from '@samenveilig/domain';
import type { Database } from './database.js';

export async function syncReferenceData(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO region (id, naam, centrumgemeente_code, bron)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
       ON CONFLICT (id) DO UPDATE SET naam = EXCLUDED.naam, centrumgemeente_code = EXCLUDED.centrumgemeente_code, bron = EXCLUDED.bron`,
      [REGIONS.map((r) => r.id), REGIONS.map((r) => r.naam), REGIONS.map((r) => r.centrumgemeenteCode), REGIONS.map((r) => r.bron)],
    );
    await tx.query(
      `INSERT INTO gemeente (code, naam, region_id, inwoners, inwoners_peildatum, inwoners_bron)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::date[], $6::text[])
       ON CONFLICT (code) DO UPDATE SET naam = EXCLUDED.naam, region_id = EXCLUDED.region_id, inwoners = EXCLUDED.inwoners,
         inwoners_peildatum = EXCLUDED.inwoners_peildatum, inwoners_bron = EXCLUDED.inwoners_bron`,
      [
        GEMEENTEN.map((g) => g.code),
        GEMEENTEN.map((g) => g.naam),
        GEMEENTEN.map((g) => g.regionId),
        GEMEENTEN.map((g) => g.inwoners),
        GEMEENTEN.map((g) => g.inwonersPeildatum),
        GEMEENTEN.map((g) => g.inwonersBron),
      ],
    );
    await tx.query(
      `INSERT INTO organisatietype (code, naam, omschrijving)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (code) DO UPDATE SET naam = EXCLUDED.naam, omschrijving = EXCLUDED.omschrijving`,
      [ORGANISATIETYPEN.map((o) => o.code), ORGANISATIETYPEN.map((o) => o.naam), ORGANISATIETYPEN.map((o) => o.omschrijving)],
    );
    // Categories before their forms, for the self-reference.
    const ordered = [...GEWELDSVORMEN].sort((a, b) => Number(a.categorie !== null) - Number(b.categorie !== null));
    for (const batch of [ordered.filter((v) => v.categorie === null), ordered.filter((v) => v.categorie !== null)]) {
      await tx.query(
        `INSERT INTO geweldsvorm (code, naam, categorie, omschrijving)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
         ON CONFLICT (code) DO UPDATE SET naam = EXCLUDED.naam, categorie = EXCLUDED.categorie, omschrijving = EXCLUDED.omschrijving`,
        [batch.map((v) => v.code), batch.map((v) => v.naam), batch.map((v) => v.categorie), batch.map((v) => v.omschrijving)],
      );
    }
  });
}
