/**
 * The synthetic demo region: loaded into an empty database when demo mode is on.
 * Everything in it comes from the generator; the UI marks it "synthetische gegevens".
 */
import { gemeentenOfRegion, findRegion } from '@samenveilig/domain';
import type { Database } from './db/database.js';
import { generateContacts, regionalVolume } from './generator/index.js';
import { importLines, type ImportProgress, type ImportSummary } from './import/loader.js';

export const DEMO_REGION = 'noord-veluwe-mijov';
export const SYNTHETIC_SOURCE = 'synthetisch';

export async function isEmpty(db: Database): Promise<boolean> {
  const r = await db.query<{ n: number }>('SELECT count(*) AS n FROM (SELECT 1 FROM contact LIMIT 1) t');
  return r.rows[0]!.n === 0;
}

/** Synthetic organisations of the chain in the demo region (names are made up). */
async function loadDemoOrganisations(db: Database, regionId: string): Promise<void> {
  const region = findRegion(regionId)!;
  const rows: [string, string, string | null][] = [
    ['veilig-thuis', 'Veilig Thuis (demo)', region.centrumgemeenteCode],
    ['politie', 'Politie basisteam (demo)', region.centrumgemeenteCode],
    ['vrouwenopvang', 'Vrouwenopvang (demo)', region.centrumgemeenteCode],
    ['centrum-seksueel-geweld', 'Centrum Seksueel Geweld (demo)', region.centrumgemeenteCode],
    ['zorg-en-veiligheidshuis', 'Zorg- en Veiligheidshuis (demo)', region.centrumgemeenteCode],
    ['gemeente', `Gemeente ${region.naam} beleid (demo)`, region.centrumgemeenteCode],
    ...gemeentenOfRegion(regionId).map((g): [string, string, string] => ['lokaal-team', `Lokaal team ${g.naam} (demo)`, g.code]),
  ];
  await db.query(
    `INSERT INTO organisation (region_id, type, naam, gemeente_code)
     SELECT $1, t, n, g FROM unnest($2::text[], $3::text[], $4::text[]) AS x(t, n, g)
     WHERE t IN (SELECT code FROM organisatietype)
     ON CONFLICT (region_id, naam) DO NOTHING`,
    [regionId, rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
  );
}

export async function loadDemoRegion(
  db: Database,
  opts: { years: number; seed: number; now?: Date; onProgress?: (p: ImportProgress) => void },
): Promise<ImportSummary> {
  await loadDemoOrganisations(db, DEMO_REGION);
  const now = opts.now ?? new Date();
  const lastYear = now.getUTCFullYear();
  return importLines(
    db,
    generateContacts({
      seed: opts.seed,
      regionIds: [DEMO_REGION],
      fromYear: lastYear - opts.years + 1,
      years: opts.years,
      meldingenPerYear: regionalVolume([DEMO_REGION]),
      until: now,
    }),
    { source: SYNTHETIC_SOURCE, checkDuplicates: false, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) },
  );
}
