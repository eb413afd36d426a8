/**
 * The synthetic demo region: loaded into an empty database when demo mode is on.
 * Everything in it comes from the generator; the UI marks it "synthetische gegevens".
 */
import { gemeentenOfRegion, findRegion, ROLLEN, ROL_NAMEN, type Rol } from '@samenveilig/domain';
import { hashPassword, newTotpSecret, randomPassword } from './auth/credentials.js';
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
     SELECT $1::text, t, n, g FROM unnest($2::text[], $3::text[], $4::text[]) AS x(t, n, g)
     WHERE t IN (SELECT code FROM organisatietype)
     ON CONFLICT (region_id, naam) DO NOTHING`,
    [regionId, rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
  );
  // Veilig Thuis works in two teams, each serving the gemeenten of one part of the region (seed 001).
  const vt = (await db.query<{ id: string }>(`SELECT id FROM organisation WHERE region_id = $1 AND type = 'veilig-thuis' ORDER BY naam LIMIT 1`, [regionId])).rows[0]!;
  for (const [naam, gemeenten] of Object.entries(DEMO_VT_TEAMS)) {
    const team = await db.query<{ id: string }>(
      `INSERT INTO team (region_id, organisation_id, naam) VALUES ($1, $2, $3) ON CONFLICT (organisation_id, naam) DO UPDATE SET naam = EXCLUDED.naam RETURNING id`,
      [regionId, vt.id, naam],
    );
    await db.query(
      `INSERT INTO team_werkgebied (team_id, region_id, organisation_id, gemeente_code) SELECT $1::uuid, $2::text, $3::uuid, g FROM unnest($4::text[]) AS g
       ON CONFLICT DO NOTHING`,
      [team.rows[0]!.id, regionId, vt.id, gemeenten],
    );
  }
}

/** The demo's Veilig Thuis teams and the gemeenten each serves (Noord-Veluwe; Midden-IJssel/Oost-Veluwe). */
const DEMO_VT_TEAMS: Record<string, string[]> = {
  'Team Noord-Veluwe': ['GM0230', 'GM0233', 'GM0243', 'GM0244', 'GM0246', 'GM0302', 'GM0269', 'GM0273'],
  'Team Midden-IJssel/Oost-Veluwe': ['GM0200', 'GM0213', 'GM0232', 'GM0262', 'GM0285', 'GM0301'],
};
/** The demo's Veilig Thuis accounts work in this team; its gedragswetenschapper leads it. */
const DEMO_VT_TEAM = 'Team Midden-IJssel/Oost-Veluwe';

export async function loadDemoRegion(
  db: Database,
  opts: { years: number; seed: number; now?: Date; onProgress?: (p: ImportProgress) => void },
): Promise<ImportSummary> {
  await loadDemoOrganisations(db, DEMO_REGION);
  const now = opts.now ?? new Date();
  const lastYear = now.getUTCFullYear();
  const radarVanaf = new Date(now.getTime() - 14 * 86_400_000);
  return importLines(
    db,
    generateContacts({
      seed: opts.seed,
      regionIds: [DEMO_REGION],
      fromYear: lastYear - opts.years + 1,
      years: opts.years,
      meldingenPerYear: regionalVolume([DEMO_REGION]),
      until: now,
      // The last two weeks came in by phone and form, without sender ids: the radar has people to recognise.
      zonderIdsVanaf: radarVanaf,
    }),
    {
      source: SYNTHETIC_SOURCE,
      checkDuplicates: false,
      // History is loaded as history: only the last two weeks' contacts get a radar search to decide on.
      radarVanaf,
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    },
  );
}

/** The organisation type each demo role works in. */
const DEMO_ORGANISATIE: Record<Rol, string> = {
  'vt-medewerker': 'veilig-thuis',
  'vt-gedragswetenschapper': 'veilig-thuis',
  'lokaal-team': 'lokaal-team',
  politie: 'politie',
  opvang: 'vrouwenopvang',
  csg: 'centrum-seksueel-geweld',
  'zvh-coordinator': 'zorg-en-veiligheidshuis',
  beleidsmedewerker: 'gemeente',
  'functioneel-beheerder': 'veilig-thuis',
  'privacy-officer': 'gemeente',
};

export interface DemoAccount {
  rol: Rol;
  naam: string;
  email: string;
  wachtwoord: string;
  totpSecret: string;
}

/**
 * One account per role in the demo region, with a random password and TOTP secret (returned once,
 * to be printed). The lokaal team of the centrumgemeente receives a fifth of the households with a
 * contact in that gemeente as a handover, so its account has dossiers to see.
 */
export async function createDemoAccounts(db: Database, regionId = DEMO_REGION): Promise<DemoAccount[]> {
  const region = findRegion(regionId)!;
  const orgs = (await db.query<{ id: string; type: string; gemeente_code: string | null }>(
    `SELECT id, type, gemeente_code FROM organisation WHERE region_id = $1 ORDER BY naam`,
    [regionId],
  )).rows;
  const teams = (await db.query<{ id: string; naam: string; organisation_id: string }>(`SELECT id, naam, organisation_id FROM team WHERE region_id = $1`, [regionId])).rows;
  const orgFor = (rol: Rol) =>
    orgs.find((o) => o.type === DEMO_ORGANISATIE[rol] && (o.type !== 'lokaal-team' || o.gemeente_code === region.centrumgemeenteCode))!;
  const accounts: DemoAccount[] = [];
  for (const rol of ROLLEN) {
    const account = { rol, naam: `Demo ${ROL_NAMEN[rol]}`, email: `${rol}@demo.samenveilig.example`, wachtwoord: randomPassword(), totpSecret: newTotpSecret() };
    const org = orgFor(rol);
    const vtTeam = rol === 'vt-medewerker' || rol === 'vt-gedragswetenschapper' ? (teams.find((t) => t.organisation_id === org.id && t.naam === DEMO_VT_TEAM)?.id ?? null) : null;
    await db.transaction(async (tx) => {
      const u = await tx.query<{ id: string }>(
        `INSERT INTO app_user (region_id, organisation_id, team_id, naam, email, password_hash, totp_secret) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [regionId, org.id, vtTeam, account.naam, account.email, await hashPassword(account.wachtwoord), account.totpSecret],
      );
      await tx.query(`INSERT INTO user_role (user_id, region_id, rol) VALUES ($1, $2, $3)`, [u.rows[0]!.id, regionId, rol]);
      if (rol === 'vt-gedragswetenschapper' && vtTeam) await tx.query(`UPDATE team SET teamleider_id = $2 WHERE id = $1`, [vtTeam, u.rows[0]!.id]);
    });
    accounts.push(account);
  }
  const lokaal = orgFor('lokaal-team');
  await db.query(
    `INSERT INTO household_involvement (household_id, region_id, organisation_id, grondslag)
     SELECT DISTINCT c.household_id, c.region_id, $2::uuid, 'overdracht' FROM contact c
     WHERE c.region_id = $1 AND c.gemeente_code = $3 AND c.type = 'melding' AND c.household_id IS NOT NULL
       AND ('x' || substr(c.household_id::text, 35, 2))::bit(8)::int % 5 = 0
     ON CONFLICT (household_id, organisation_id) WHERE team_id IS NULL AND user_id IS NULL AND tot IS NULL DO NOTHING`,
    [regionId, lokaal.id, region.centrumgemeenteCode],
  );
  return accounts;
}

export function formatDemoAccounts(accounts: DemoAccount[], url: string): string {
  const lines = [
    'Samen Veilig demo-accounts (synthetische gegevens; alleen voor demonstratie)',
    `Inloggen op ${url}/inloggen met e-mailadres en wachtwoord, daarna de 6-cijferige code uit een authenticator-app`,
    '(voeg het TOTP-geheim toe aan bijvoorbeeld FreeOTP, Google Authenticator of `oathtool --totp -b GEHEIM`).',
    '',
    ...accounts.map((a) => `${ROL_NAMEN[a.rol].padEnd(36)} ${a.email.padEnd(52)} wachtwoord: ${a.wachtwoord}  TOTP-geheim: ${a.totpSecret}`),
    '',
  ];
  return lines.join('\n');
}
