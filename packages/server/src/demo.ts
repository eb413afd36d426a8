/**
 * The synthetic demo region: loaded into an empty database when demo mode is on.
 * Everything in it comes from the generator; the UI marks it "synthetische gegevens".
 */
import { amsterdamDate, gemeentenOfRegion, findRegion, geweldscategorie, ROLLEN, ROL_NAMEN, type Actor, type Fase, type PersoonRol, type Rol } from '@samenveilig/domain';
import { appendAudit } from './audit/chain.js';
import { hashPassword, newTotpSecret, randomPassword } from './auth/credentials.js';
import type { Database, Queryable } from './db/database.js';
import type { Categorie } from './generator/categories.js';
import { generateContacts, regionalVolume } from './generator/index.js';
import { controleUitkomst, genereerDossier, werkmoment, type DossierLid, type DossierProfessional, type GegenereerdDossier } from './generator/plan.js';
import { Rng } from './generator/rng.js';
import { herberekenCijfers } from './cijfers/repository.js';
import { importLines, type ImportProgress, type ImportSummary } from './import/loader.js';
import { planControlemomenten } from './repositories/controle.js';
import { getInstellingen } from './repositories/instellingen.js';
import { startPlan } from './repositories/plan.js';
import { activeerMetRegisseur, stelRegieVoor } from './repositories/regie.js';

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
  const summary = await importLines(
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
  // Figures from the loaded history at once (the background job would take every contact one by one).
  if (summary.stored > 0) await herberekenCijfers(db, DEMO_REGION, now);
  return summary;
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

// ---------------------------------------------------------------------------------------------
// Active dossiers: one household, one plan, one director

/** What the demo's active dossiers hold (printed at the first start). */
export interface DemoDossiers {
  huishoudens: number;
  /** Households per role of their casusregisseur. */
  casusregie: Partial<Record<Rol, number>>;
  procesregie: number;
  fasen: Record<Fase, number>;
  versies: number;
  sessies: number;
  /** Check moments: due and open (in Veilig Thuis' queue), closed with an outcome, planned ahead. */
  controlemomenten: { open: number; afgerond: number; gepland: number };
  regievoorstellen: number;
}

const SALT_DEMO_DOSSIERS = 0x646f7373;
/** Households that become active dossiers, at most; a few under regie of the Veilig Thuis-medewerker, a few with procesregie. */
const DEMO_DOSSIERS = 45;
const DEMO_VT_DOSSIERS = 5;
const DEMO_PROCESREGIE = 4;
/** Households whose check moment falls in the last days are taken first, at most this many: Veilig Thuis' queue shows them. */
const DEMO_CONTROLE_NU = 5;
const DAG = 86_400_000;

const CATEGORIE_VAN: Readonly<Record<string, Categorie>> = {
  partnergeweld: 'pg',
  kindermishandeling: 'km',
  ouderenmishandeling: 'oudm',
  oudermishandeling: 'om',
  'schadelijke-praktijken': 'sp',
  mensenhandel: 'mh',
  'seksueel-geweld': 'sg',
};

/** The category the plan's texts follow: the most specific of the melding's forms (elder or parent abuse, then partner violence). */
function categorieVan(codes: readonly string[]): Categorie {
  const found = new Set(codes.map((c) => CATEGORIE_VAN[geweldscategorie(c)?.code ?? '']));
  return (['om', 'oudm', 'pg', 'km', 'sp', 'mh', 'sg'] as const).find((c) => found.has(c)) ?? 'km';
}

interface DemoKandidaat {
  sleutel: number;
  householdId: string;
  laatsteMelding: Date;
  beoordelingId: string;
  besluit: string;
  naar: string | null;
  vormen: string[];
  start: Date;
}

/** The demo accounts of the region by role. */
async function demoGebruikers(db: Queryable, regionId: string) {
  const rows = (
    await db.query<{ id: string; naam: string; rol: Rol; organisation_id: string; team_id: string | null }>(
      `SELECT u.id, u.naam, r.rol, u.organisation_id, u.team_id FROM app_user u JOIN user_role r ON r.user_id = u.id
       WHERE u.region_id = $1 AND u.actief AND u.email LIKE '%@demo.samenveilig.example' ORDER BY u.email`,
      [regionId],
    )
  ).rows;
  return (rol: Rol) => rows.find((r) => r.rol === rol);
}

/**
 * Turns a sample of the households the demo lokaal team received (createDemoAccounts) into active dossiers
 * as if their handovers had been accepted: a casusregisseur (mostly the demo lokaal-team account, a few the
 * Veilig Thuis-medewerker), sometimes a procesregisseur (the Zorg- en Veiligheidshuis), a veiligheidsplan
 * with its history of versions in phases that follow the rules, TOP-3 sessions whose chosen matters are the
 * plan's goals, the check moments at 3 and 12 months (past ones closed with an outcome, those due now open),
 * and two open regie proposals to the demo accounts. Households whose latest melding was handed over
 * (overdracht or voorwaarden en vervolg) in the last two years qualify. Run once, on the demo's data.
 */
export async function loadDemoDossiers(db: Database, opts: { seed: number; now?: Date; regionId?: string; aantal?: number }): Promise<DemoDossiers> {
  const regionId = opts.regionId ?? DEMO_REGION;
  const now = opts.now ?? new Date();
  const leeg: DemoDossiers = {
    huishoudens: 0,
    casusregie: {},
    procesregie: 0,
    fasen: { 'directe-veiligheid': 0, 'stabiele-veiligheid': 0, 'duurzame-veiligheid': 0 },
    versies: 0,
    sessies: 0,
    controlemomenten: { open: 0, afgerond: 0, gepland: 0 },
    regievoorstellen: 0,
  };
  const gebruiker = await demoGebruikers(db, regionId);
  const lokaal = gebruiker('lokaal-team');
  const vtm = gebruiker('vt-medewerker');
  const zvh = gebruiker('zvh-coordinator');
  if (!lokaal || !vtm) return leeg;

  // Candidates: the lokaal team's households whose latest melding was handed over in the last two years.
  const rows = (
    await db.query<{ household_id: string; ontvangen_op: Date; beoordeling_id: string; afgerond_op: Date; besluit: string; naar: string | null; vormen: string[] }>(
      `WITH laatste AS (
         SELECT DISTINCT ON (c.household_id) c.household_id, c.id, c.external_id, c.ontvangen_op
         FROM contact c JOIN household_involvement i ON i.household_id = c.household_id AND i.organisation_id = $2 AND i.tot IS NULL
         WHERE c.region_id = $1 AND c.type = 'melding' AND c.status = 'actief'
         ORDER BY c.household_id, c.ontvangen_op DESC, c.id)
       SELECT l.household_id, l.ontvangen_op, b.id AS beoordeling_id, b.afgerond_op,
              coalesce(b.vervolg_besluit_soort, b.besluit_soort) AS besluit, b.overdracht_naar AS naar,
              coalesce((SELECT array_agg(g.geweldsvorm_code ORDER BY g.geweldsvorm_code) FROM contact_geweldsvorm g WHERE g.contact_id = l.id), '{}') AS vormen
       FROM laatste l JOIN beoordeling b ON b.contact_id = l.id JOIN household h ON h.id = l.household_id
       WHERE h.actief_sinds IS NULL AND b.status = 'afgerond' AND l.ontvangen_op > $3 AND b.afgerond_op < $4
         AND coalesce(b.vervolg_besluit_soort, b.besluit_soort) IN ('overdracht', 'voorwaarden-en-vervolg')
         AND (coalesce(b.vervolg_besluit_soort, b.besluit_soort) = 'voorwaarden-en-vervolg' OR b.overdracht_naar IN ('lokaal-team', 'multidisciplinair-team'))
       ORDER BY l.external_id`,
      [regionId, lokaal.organisation_id, new Date(now.getTime() - 730 * DAG).toISOString(), new Date(now.getTime() - 2 * DAG).toISOString()],
    )
  ).rows;
  const kandidaten: DemoKandidaat[] = rows
    .map((r, sleutel) => ({
      sleutel,
      householdId: r.household_id,
      laatsteMelding: new Date(r.ontvangen_op),
      beoordelingId: r.beoordeling_id,
      besluit: r.besluit,
      naar: r.naar,
      vormen: r.vormen,
      // The receiver accepted the handover at work, within a few days.
      start: new Date(werkmoment(Rng.from(opts.seed, SALT_DEMO_DOSSIERS, sleutel), new Date(r.afgerond_op).getTime() + Rng.from(opts.seed, SALT_DEMO_DOSSIERS, sleutel, 1).int(3) * DAG)),
    }))
    .filter((k) => k.start.getTime() < now.getTime() - DAG);

  // The sample: households with a check moment due in the last days first, a few under voorwaarden en vervolg, the rest at random.
  const rng = Rng.from(opts.seed, SALT_DEMO_DOSSIERS);
  const shuffled = (xs: readonly DemoKandidaat[]) => xs.map((x) => ({ x, r: rng.float() })).sort((a, b) => a.r - b.r).map((y) => y.x);
  const vandaag = amsterdamDate(now);
  const sinds = amsterdamDate(new Date(now.getTime() - 12 * DAG));
  const nuTeControleren = (k: DemoKandidaat) =>
    [3, 12].some((m) => {
      const d = new Date(k.start);
      d.setUTCMonth(d.getUTCMonth() + m);
      const dag = amsterdamDate(d);
      return dag >= sinds && dag <= vandaag;
    });
  const aantal = Math.min(opts.aantal ?? DEMO_DOSSIERS, kandidaten.length);
  const gekozen: DemoKandidaat[] = [];
  const neem = (xs: readonly DemoKandidaat[], n: number) => {
    for (const k of shuffled(xs)) {
      if (n <= 0 || gekozen.length >= aantal) return;
      if (gekozen.includes(k)) continue;
      gekozen.push(k);
      n--;
    }
  };
  neem(kandidaten.filter(nuTeControleren), DEMO_CONTROLE_NU);
  neem(
    kandidaten.filter((k) => k.besluit === 'voorwaarden-en-vervolg'),
    DEMO_VT_DOSSIERS - gekozen.filter((k) => k.besluit === 'voorwaarden-en-vervolg').length,
  );
  neem(kandidaten, aantal);
  if (gekozen.length === 0) return leeg;
  gekozen.sort((a, b) => a.start.getTime() - b.start.getTime() || a.sleutel - b.sleutel);

  // Who holds regie: the Veilig Thuis-medewerker for a few households under voorwaarden en vervolg, else the lokaal team;
  // the Zorg- en Veiligheidshuis as procesregisseur of a few complex ones (a multidisciplinary handover first).
  const vvGekozen = gekozen.filter((k) => k.besluit === 'voorwaarden-en-vervolg').slice(0, DEMO_VT_DOSSIERS);
  const casusVan = (k: DemoKandidaat) => (vvGekozen.includes(k) ? vtm : lokaal);
  const procesVanaf = new Map<DemoKandidaat, Date>();
  if (zvh) {
    const kunnen = gekozen.filter((k) => casusVan(k) === lokaal && k.start.getTime() + 75 * DAG < now.getTime());
    const mdt = kunnen.filter((k) => k.naar === 'multidisciplinair-team');
    for (const k of [...shuffled(mdt), ...shuffled(kunnen.filter((x) => !mdt.includes(x)))].slice(0, DEMO_PROCESREGIE)) {
      procesVanaf.set(k, new Date(werkmoment(rng, k.start.getTime() + rng.range(14, 60) * DAG)));
    }
  }

  // The household members, named as the dossier names them, with their role in the latest melding.
  const leden = (
    await db.query<{ household_id: string; person_id: string; naam: string; roepnaam: string | null; achternaam: string | null; tussenvoegsel: string | null; geslacht: DossierLid['geslacht']; geboortedatum: string | null; rol: PersoonRol | null }>(
      `SELECT hm.household_id, p.id AS person_id,
              coalesce(nullif(concat_ws(' ', coalesce(p.roepnaam, nullif(split_part(p.voornamen, ' ', 1), '')), p.tussenvoegsel, p.achternaam), ''), 'Onbekend') AS naam,
              coalesce(p.roepnaam, nullif(split_part(p.voornamen, ' ', 1), '')) AS roepnaam, p.achternaam, p.tussenvoegsel, p.geslacht, p.geboortedatum::text AS geboortedatum,
              (SELECT cp.rol FROM contact_person cp JOIN contact c ON c.id = cp.contact_id AND c.region_id = cp.region_id
               WHERE cp.person_id = p.id AND c.household_id = hm.household_id AND c.type = 'melding' ORDER BY c.ontvangen_op DESC LIMIT 1) AS rol
       FROM household_member hm JOIN person p ON p.id = hm.person_id AND p.region_id = hm.region_id
       WHERE hm.household_id = ANY($1::uuid[]) ORDER BY hm.household_id, p.geboortedatum NULLS LAST, p.id`,
      [gekozen.map((k) => k.householdId)],
    )
  ).rows;
  const leeftijd = (geboren: string | null) => {
    if (!geboren) return null;
    const [y, m, d] = geboren.split('-').map(Number) as [number, number, number];
    const [ny, nm, nd] = vandaag.split('-').map(Number) as [number, number, number];
    return ny - y - (nm < m || (nm === m && nd < d) ? 1 : 0);
  };
  const ledenVan = (householdId: string): DossierLid[] =>
    leden
      .filter((l) => l.household_id === householdId)
      .map((l) => ({
        personId: l.person_id,
        naam: l.naam,
        // Without a first name, plans speak of "mevrouw Jansen".
        roepnaam: l.roepnaam ?? ([l.geslacht === 'vrouw' ? 'mevrouw' : l.geslacht === 'man' ? 'meneer' : '', l.tussenvoegsel, l.achternaam].filter(Boolean).join(' ') || 'het gezinslid'),
        geslacht: l.geslacht,
        leeftijd: leeftijd(l.geboortedatum),
        rol: l.rol,
      }));

  const inst = await getInstellingen(db, regionId);
  const prof = (u: { id: string; naam: string }, vanaf?: Date): DossierProfessional => ({ userId: u.id, naam: u.naam, ...(vanaf ? { vanaf } : {}) });
  const dossiers = gekozen.map((k) => {
    const casus = casusVan(k);
    const vanaf = procesVanaf.get(k);
    const gen = genereerDossier({
      seed: opts.seed,
      sleutel: k.sleutel,
      categorie: categorieVan(k.vormen),
      leden: ledenVan(k.householdId),
      start: k.start,
      laatsteMelding: k.laatsteMelding,
      now,
      casusregisseur: prof(casus),
      anderen: vanaf && zvh ? [prof(zvh, vanaf)] : [],
      vtVoorwaarden: k.besluit === 'voorwaarden-en-vervolg' ? 1 + (k.sleutel % 2) : k.sleutel % 4 === 0 ? 1 : 0,
      complex: vanaf !== undefined,
      dagenZonderGeweld: inst.dagenZonderGeweld,
    });
    return { k, casus, vanaf, gen };
  });

  const uit = structuredClone(leeg);
  await db.transaction(async (tx) => {
    // Per household, as an accepted handover does it: active with its casusregisseur, its plan (version 1), its check moments.
    const planIds = new Map<string, string>();
    for (const { k, casus, gen } of dossiers) {
      await activeerMetRegisseur(tx, { regionId, householdId: k.householdId, userId: casus.id, door: casus.id, now: k.start });
      planIds.set(k.householdId, await startPlan(tx, { regionId, householdId: k.householdId, door: casus.id, voorwaarden: gen.startVoorwaarden, now: k.start }));
      await planControlemomenten(tx, { regionId, householdId: k.householdId, overdrachtId: null, beoordelingId: k.beoordelingId, vanaf: k.start });
    }
    await schrijfGeschiedenis(tx, regionId, dossiers.map(({ k, gen }) => ({ householdId: k.householdId, planId: planIds.get(k.householdId)!, gen })));

    // Procesregie, and the Zorg- en Veiligheidshuis coordinator's involvement that comes with it.
    const proces = dossiers.filter((d) => d.vanaf && d.vanaf.getTime() < now.getTime());
    if (zvh && proces.length > 0) {
      const hh = proces.map((d) => d.k.householdId);
      const van = proces.map((d) => d.vanaf!.toISOString());
      await tx.query(
        `INSERT INTO household_regie (household_id, region_id, user_id, soort, sinds, toegewezen_door)
         SELECT h, $1::text, $2::uuid, 'procesregisseur', s, d FROM unnest($3::uuid[], $4::timestamptz[], $5::uuid[]) AS x(h, s, d)`,
        [regionId, zvh.id, hh, van, proces.map((d) => d.casus.id)],
      );
      await tx.query(
        `INSERT INTO household_involvement (household_id, region_id, organisation_id, user_id, grondslag, sinds)
         SELECT h, $1::text, $2::uuid, $3::uuid, 'toewijzing', s FROM unnest($4::uuid[], $5::timestamptz[]) AS x(h, s)`,
        [regionId, zvh.organisation_id, zvh.id, hh, van],
      );
    }
    // The lokaal team has been involved since the handover.
    await tx.query(
      `UPDATE household_involvement i SET sinds = x.s FROM unnest($2::uuid[], $3::timestamptz[]) AS x(h, s)
       WHERE i.household_id = x.h AND i.organisation_id = $1 AND i.grondslag = 'overdracht' AND i.sinds > x.s`,
      [lokaal.organisation_id, dossiers.map((d) => d.k.householdId), dossiers.map((d) => d.k.start.toISOString())],
    );

    // Check moments: those past are closed by Veilig Thuis with an outcome that fits how the household fares; those due now wait.
    const momenten = (
      await tx.query<{ id: string; household_id: string; maanden: number; gepland_op: string }>(
        `SELECT id, household_id, maanden, gepland_op::text AS gepland_op FROM controlemoment WHERE household_id = ANY($1::uuid[])`,
        [dossiers.map((d) => d.k.householdId)],
      )
    ).rows;
    const afgerond: { id: string; uitkomst: string; toelichting: string; op: string; gemeld: string }[] = [];
    const tienDagenGeleden = amsterdamDate(new Date(now.getTime() - 10 * DAG));
    for (const c of momenten) {
      const d = dossiers.find((x) => x.k.householdId === c.household_id)!;
      const r = Rng.from(opts.seed, SALT_DEMO_DOSSIERS, d.k.sleutel, c.maanden);
      const due = Date.parse(`${c.gepland_op}T06:00:00Z`);
      const op = werkmoment(r, due + r.int(7) * DAG);
      if (c.gepland_op <= tienDagenGeleden && op < now.getTime() && r.chance(0.95)) {
        const u = controleUitkomst(opts.seed, d.k.sleutel, c.maanden, d.gen.koers);
        afgerond.push({ id: c.id, uitkomst: u.uitkomst, toelichting: u.toelichting, op: new Date(op).toISOString(), gemeld: new Date(due).toISOString() });
      } else if (c.gepland_op <= vandaag) uit.controlemomenten.open++;
      else uit.controlemomenten.gepland++;
    }
    uit.controlemomenten.afgerond = afgerond.length;
    await tx.query(
      `UPDATE controlemoment c SET status = 'afgerond', uitkomst = x.u, toelichting = x.t, afgerond_door = $1, afgerond_op = x.op, gemeld_op = x.g
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[]) AS x(id, u, t, op, g) WHERE c.id = x.id`,
      [vtm.id, afgerond.map((a) => a.id), afgerond.map((a) => a.uitkomst), afgerond.map((a) => a.toelichting), afgerond.map((a) => a.op), afgerond.map((a) => a.gemeld)],
    );

    await appendAudit(tx, [
      {
        regionId,
        actorSoort: 'systeem',
        actorId: 'system:demo',
        organisationId: null,
        rol: null,
        actie: 'demo.dossiers',
        recordType: 'huishouden',
        personen: leden.map((l) => l.person_id),
        doel: 'synthetische demodossiers',
        uitkomst: `ok (${dossiers.length} huishoudens)`,
      },
    ]);
  });

  // Two open proposals for the regie inbox: Veilig Thuis hands casusregie to the lokaal team now the voorwaarden hold,
  // and the lokaal team asks Veilig Thuis to take it back where the help does not get going (opschalen).
  const actor = (u: { id: string; rol: Rol; organisation_id: string; team_id: string | null }): [Actor, { actorSoort: 'gebruiker'; actorId: string; organisationId: string; rol: Rol }] => [
    { kind: 'user', id: u.id, regionId, organisationId: u.organisation_id, teamId: u.team_id, roles: [u.rol], breakGlass: [] },
    { actorSoort: 'gebruiker', actorId: u.id, organisationId: u.organisation_id, rol: u.rol },
  ];
  const voorstelOp = new Date(now.getTime() - 3 * 3_600_000);
  const naarLokaal = dossiers.find((d) => d.casus === vtm && d.gen.fase !== 'directe-veiligheid') ?? dossiers.find((d) => d.casus === vtm);
  if (naarLokaal) {
    await stelRegieVoor(
      db,
      ...actor(vtm),
      naarLokaal.k.householdId,
      { soort: 'casusregisseur', naarUserId: lokaal.id, toelichting: 'De voorwaarden van Veilig Thuis worden nagekomen. Graag neemt het lokaal team de casusregie over voor de hulp op de langere termijn; ik kom mee naar het eerstvolgende gezinsgesprek.' },
      voorstelOp,
    );
    uit.regievoorstellen++;
  }
  const naarVt =
    dossiers.find((d) => d.casus === lokaal && d.gen.koers === 'stagneert' && !d.vanaf) ?? dossiers.find((d) => d.casus === lokaal && d.gen.koers === 'wisselend' && !d.vanaf);
  if (naarVt) {
    await stelRegieVoor(
      db,
      ...actor(lokaal),
      naarVt.k.householdId,
      { soort: 'casusregisseur', naarUserId: vtm.id, toelichting: 'Ondanks de afspraken blijft het onveilig en komt de hulp niet op gang. Graag neemt Veilig Thuis de casusregie tijdelijk terug (opschalen).' },
      voorstelOp,
    );
    uit.regievoorstellen++;
  }

  uit.huishoudens = dossiers.length;
  for (const d of dossiers) {
    uit.casusregie[d.casus.rol] = (uit.casusregie[d.casus.rol] ?? 0) + 1;
    uit.fasen[d.gen.fase]++;
    uit.versies += 1 + d.gen.versies.length;
    uit.sessies += d.gen.sessies.length;
  }
  uit.procesregie = dossiers.filter((d) => d.vanaf && d.vanaf.getTime() < now.getTime()).length;
  return uit;
}

/**
 * Writes the generated history of each plan after its version 1 — versions, the plan as it is now, the TOP-3
 * matters, sessions, participants and entries — in the shapes the repositories write (plan.ts writeVersion and
 * zetDoelen, top3.ts startSessie, zetInbreng and stelVast), a few statements for all households together.
 */
async function schrijfGeschiedenis(tx: Queryable, regionId: string, plannen: readonly { householdId: string; planId: string; gen: GegenereerdDossier }[]): Promise<void> {
  const v = { plan: [] as string[], versie: [] as number[], fase: [] as string[], inhoud: [] as string[], auteur: [] as string[], op: [] as string[], toelichting: [] as string[] };
  const p = { id: [] as string[], inhoud: [] as string[], fase: [] as string[], faseSinds: [] as string[], versie: [] as number[], op: [] as string[], door: [] as string[] };
  const o = { id: [] as string[], household: [] as string[], tekst: [] as string[], sleutel: [] as string[] };
  const s = { id: [] as string[], household: [] as string[], fase: [] as string[], gehouden: [] as string[], gekozen: [] as string[], door: [] as string[], vastgesteld: [] as string[], versie: [] as number[] };
  const d = { id: [] as string[], sessie: [] as string[], soort: [] as string[], naam: [] as string[], person: [] as (string | null)[], user: [] as (string | null)[] };
  const i = { sessie: [] as string[], deelnemer: [] as string[], onderwerp: [] as string[], score: [] as number[], reden: [] as string[], volgorde: [] as number[] };
  for (const { householdId, planId, gen } of plannen) {
    gen.versies.forEach((x, n) => {
      v.plan.push(planId);
      v.versie.push(n + 2);
      v.fase.push(x.fase);
      v.inhoud.push(JSON.stringify(x.inhoud));
      v.auteur.push(x.auteurId);
      v.op.push(x.op.toISOString());
      v.toelichting.push(x.toelichting);
    });
    const last = gen.versies.at(-1);
    if (last) {
      p.id.push(planId);
      p.inhoud.push(JSON.stringify(last.inhoud));
      p.fase.push(gen.fase);
      p.faseSinds.push(gen.faseSinds.toISOString());
      p.versie.push(gen.versies.length + 1);
      p.op.push(last.op.toISOString());
      p.door.push(last.auteurId);
    }
    for (const x of gen.onderwerpen) {
      o.id.push(x.id);
      o.household.push(householdId);
      o.tekst.push(x.tekst);
      o.sleutel.push(x.sleutel);
    }
    for (const x of gen.sessies) {
      s.id.push(x.id);
      s.household.push(householdId);
      s.fase.push(x.fase);
      s.gehouden.push(x.gehoudenOp.toISOString());
      s.gekozen.push(`{${x.gekozen.join(',')}}`);
      s.door.push(x.door);
      s.vastgesteld.push(x.vastgesteldOp.toISOString());
      s.versie.push(x.versie);
      for (const y of x.deelnemers) {
        d.id.push(y.id);
        d.sessie.push(x.id);
        d.soort.push(y.soort);
        d.naam.push(y.naam);
        d.person.push(y.personId);
        d.user.push(y.userId);
      }
      for (const y of x.inbreng) {
        i.sessie.push(x.id);
        i.deelnemer.push(y.deelnemerId);
        i.onderwerp.push(y.onderwerpId);
        i.score.push(y.score);
        i.reden.push(y.reden);
        i.volgorde.push(y.volgorde);
      }
    }
  }
  await tx.query(
    `INSERT INTO veiligheidsplan_versie (plan_id, region_id, versie, fase, inhoud, auteur_id, auteur_soort, op, toelichting)
     SELECT x.plan, $1::text, x.versie, x.fase, x.inhoud::jsonb, x.auteur, 'gebruiker', x.op, x.toelichting
     FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[], $6::uuid[], $7::timestamptz[], $8::text[]) AS x(plan, versie, fase, inhoud, auteur, op, toelichting)`,
    [regionId, v.plan, v.versie, v.fase, v.inhoud, v.auteur, v.op, v.toelichting],
  );
  await tx.query(
    `UPDATE veiligheidsplan p SET inhoud = x.inhoud::jsonb, fase = x.fase, fase_sinds = x.sinds, versie = x.versie, bijgewerkt_op = x.op, bijgewerkt_door = x.door
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::int[], $6::timestamptz[], $7::uuid[]) AS x(id, inhoud, fase, sinds, versie, op, door) WHERE p.id = x.id`,
    [p.id, p.inhoud, p.fase, p.faseSinds, p.versie, p.op, p.door],
  );
  await tx.query(
    `INSERT INTO top3_onderwerp (id, region_id, household_id, tekst, sleutel) SELECT x.id, $1::text, x.h, x.t, x.s FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[]) AS x(id, h, t, s)`,
    [regionId, o.id, o.household, o.tekst, o.sleutel],
  );
  await tx.query(
    `INSERT INTO top3_sessie (id, region_id, household_id, fase, gehouden_op, status, gekozen, vastgesteld_door, vastgesteld_op, aangemaakt_door, versie)
     SELECT x.id, $1::text, x.h, x.fase, x.gehouden, 'vastgesteld', x.gekozen::uuid[], x.door, x.vastgesteld, x.door, x.versie
     FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[], $6::text[], $7::uuid[], $8::timestamptz[], $9::int[]) AS x(id, h, fase, gehouden, gekozen, door, vastgesteld, versie)`,
    [regionId, s.id, s.household, s.fase, s.gehouden, s.gekozen, s.door, s.vastgesteld, s.versie],
  );
  await tx.query(
    `INSERT INTO top3_deelnemer (id, region_id, sessie_id, soort, naam, person_id, user_id)
     SELECT x.id, $1::text, x.s, x.soort, x.naam, x.p, x.u FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::uuid[], $7::uuid[]) AS x(id, s, soort, naam, p, u)`,
    [regionId, d.id, d.sessie, d.soort, d.naam, d.person, d.user],
  );
  await tx.query(
    `INSERT INTO top3_inbreng (region_id, sessie_id, deelnemer_id, onderwerp_id, score, reden, volgorde)
     SELECT $1::text, x.s, x.d, x.o, x.score, x.reden, x.volgorde FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::text[], $7::int[]) AS x(s, d, o, score, reden, volgorde)`,
    [regionId, i.sessie, i.deelnemer, i.onderwerp, i.score, i.reden, i.volgorde],
  );
}
