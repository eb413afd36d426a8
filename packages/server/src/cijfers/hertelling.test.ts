/**
 * The precomputed figures equal a from-scratch recount with the domain's `kerncijfers` over the same
 * records: on a data set from the synthetic generator (two regions, three years), for quarters, half years
 * and years, for the installation, a region and single gemeenten — after a full rebuild, and again after
 * changes that reach the facts only through the incremental path (new contacts, a withdrawal, a household
 * merge, two registrations linked as one person, an assessment, a conversion of an advies).
 * The recount reads the records with its own, plain queries.
 */
import { randomUUID } from 'node:crypto';
import {
  bereidCijfersVoor,
  CIJFERS,
  kerncijfers,
  parsePeriode,
  type Actor,
  type BesluitSoort,
  type CijferBeoordeling,
  type CijferContact,
  type ContactType,
  type MelderSector,
  type MelderType,
} from '@samenveilig/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { generateContacts } from '../generator/index.js';
import { importLines } from '../import/loader.js';
import { createTestDb, testDbKind, type TestDb } from '../test-support/db.js';
import { cijfersVoor, herberekenCijfers, werkCijfersBij } from './repository.js';

const REGIO = 'noord-veluwe-mijov';
const ANDERE = 'ijsselland';
const NU = new Date('2026-03-01T12:00:00Z');
/** Just after the generated data ends: some meldingen are open, some of those past their deadline. */
const KORT_NA = new Date('2024-12-23T09:00:00Z');

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 120_000);
afterAll(async () => {
  await t?.drop();
});

const actor = (roles: Actor['roles'] = ['vt-medewerker'], regionId = REGIO): Actor => ({
  kind: 'user',
  id: randomUUID(),
  regionId,
  organisationId: null,
  teamId: null,
  roles,
  breakGlass: [],
});
const AUDIT = { actorSoort: 'systeem' as const, actorId: 'test:hertelling', organisationId: null, rol: null, requestId: null, clientAdres: null };

/** The records, read plainly, as the domain's input. */
async function hertelInvoer(db: Database): Promise<{ contacten: CijferContact[]; beoordelingen: CijferBeoordeling[] }> {
  const c = (
    await db.query<{
      id: string; type: ContactType; status: string; ontvangen_op: Date; melding_op: Date | null; gemeente_code: string; melder_type: MelderType;
      melder_sector: MelderSector | null; household_id: string | null; samengevoegd_in: string | null;
    }>(`SELECT c.*, h.samengevoegd_in FROM contact c LEFT JOIN household h ON h.id = c.household_id`)
  ).rows;
  const personen = new Map<string, string[]>();
  for (const r of (await db.query<{ contact_id: string; p: string }>(`SELECT cp.contact_id, coalesce(pi.identiteit_id, cp.person_id) AS p FROM contact_person cp LEFT JOIN person_identiteit pi ON pi.person_id = cp.person_id`)).rows) {
    personen.set(r.contact_id, [...new Set([...(personen.get(r.contact_id) ?? []), r.p])]);
  }
  const geweld = new Map<string, string[]>();
  for (const r of (await db.query<{ contact_id: string; code: string }>(`SELECT contact_id, geweldsvorm_code AS code FROM contact_geweldsvorm`)).rows) {
    geweld.set(r.contact_id, [...(geweld.get(r.contact_id) ?? []), r.code]);
  }
  const omgezet = new Set((await db.query<{ contact_id: string }>(`SELECT contact_id FROM contact_gebeurtenis WHERE soort = 'omgezet-naar-melding'`)).rows.map((r) => r.contact_id));
  const contacten: CijferContact[] = c.map((r) => ({
    id: r.id,
    soort: r.type,
    ontvangenOp: new Date(r.ontvangen_op),
    meldingOp: r.melding_op ? new Date(r.melding_op) : null,
    omgezetVanAdvies: omgezet.has(r.id),
    gemeente: r.gemeente_code,
    huishoudenId: r.samengevoegd_in ?? r.household_id,
    persoonIds: personen.get(r.id) ?? [],
    melderType: r.melder_type,
    melderSector: r.melder_sector,
    geweldsvormen: geweld.get(r.id) ?? [],
    ingetrokken: r.status === 'ingetrokken',
  }));
  const beoordelingen = (
    await db.query<{ contact_id: string; deadline_wettelijk: Date; deadline_regionaal: Date; beoordeeld_op: Date | null; besluit_soort: BesluitSoort | null; afgerond_op: Date | null }>(
      `SELECT contact_id, deadline_wettelijk, deadline_regionaal, beoordeeld_op, besluit_soort, afgerond_op FROM beoordeling`,
    )
  ).rows.map((b) => ({
    contactId: b.contact_id,
    deadlineWettelijk: new Date(b.deadline_wettelijk),
    deadlineRegionaal: new Date(b.deadline_regionaal),
    beoordeeldOp: b.beoordeeld_op ? new Date(b.beoordeeld_op) : null,
    besluit: b.besluit_soort,
    afgerondOp: b.afgerond_op ? new Date(b.afgerond_op) : null,
  }));
  return { contacten, beoordelingen };
}

/**
 * Withdraws a contact as the withdrawal route stores it (status, and who, when and why where the schema
 * records them), without going through that route.
 */
async function trekIn(contactId: string) {
  const kolommen = (await t.db.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'contact' AND column_name = 'ingetrokken_door'`)).rows;
  if (kolommen.length === 0) {
    await t.db.query(`UPDATE contact SET status = 'ingetrokken' WHERE id = $1`, [contactId]);
    return;
  }
  const org = (await t.db.query<{ id: string }>(`INSERT INTO organisation (region_id, type, naam) VALUES ($1, 'veilig-thuis', 'VT hertelling') RETURNING id`, [REGIO])).rows[0]!.id;
  const user = (
    await t.db.query<{ id: string }>(`INSERT INTO app_user (region_id, organisation_id, naam, email) VALUES ($1, $2, 'Hertel Test', 'hertel@test.example') RETURNING id`, [REGIO, org])
  ).rows[0]!.id;
  await t.db.query(`UPDATE contact SET status = 'ingetrokken', ingetrokken_op = now(), ingetrokken_door = $2, intrekking_reden = 'Dubbel geregistreerd (test)' WHERE id = $1`, [contactId, user]);
}

/** Every figure the API gives a role with exact figures, as numbers (null for "."). */
const alsGetallen = (cellen: Record<string, { status: string; waarde?: number }>) =>
  Object.fromEntries(CIJFERS.map((c) => [c.code, cellen[c.code]!.status === 'zichtbaar' ? cellen[c.code]!.waarde! : null]));

const GEMEENTEN = ['GM0200', 'GM0213', 'GM0232', 'GM0243'];
const PERIODEN = ['2023', '2024', '2022-H2', '2024-H1', '2023-K1', '2024-K4', '2025'];

async function vergelijk(now: Date, label: string) {
  const invoer = await hertelInvoer(t.db);
  const regioGemeenten = (await t.db.query<{ code: string }>(`SELECT code FROM gemeente WHERE region_id = $1`, [REGIO])).rows.map((r) => r.code);
  const basis = bereidCijfersVoor(invoer.contacten, invoer.beoordelingen);
  let vergeleken = 0;
  for (const sleutel of PERIODEN) {
    const periode = parsePeriode(sleutel)!;
    const regio = await cijfersVoor(t.db, actor(), AUDIT, { periode: sleutel }, now);
    expect(regio.beschermd).toBe(false);
    expect(alsGetallen(regio.totaal), `${label} ${sleutel} regio`).toEqual(kerncijfers(basis, { periode, gemeenten: regioGemeenten }, now));
    for (const deel of regio.delen.filter((d) => GEMEENTEN.includes(d.code))) {
      expect(alsGetallen(deel.cijfers), `${label} ${sleutel} ${deel.code}`).toEqual(kerncijfers(basis, { periode, gemeenten: [deel.code] }, now));
      vergeleken++;
    }
    const g = await cijfersVoor(t.db, actor(), AUDIT, { periode: sleutel, gemeente: 'GM0213' }, now);
    expect(alsGetallen(g.totaal), `${label} ${sleutel} GM0213 alleen`).toEqual(kerncijfers(basis, { periode, gemeenten: ['GM0213'] }, now));
    const nl = await cijfersVoor(t.db, actor(), AUDIT, { periode: sleutel, regio: 'nl' }, now);
    expect(alsGetallen(nl.totaal), `${label} ${sleutel} nl`).toEqual(kerncijfers(basis, { periode }, now));
    const andere = nl.delen.find((d) => d.code === ANDERE)!;
    const andereGemeenten = (await t.db.query<{ code: string }>(`SELECT code FROM gemeente WHERE region_id = $1`, [ANDERE])).rows.map((r) => r.code);
    expect(alsGetallen(andere.cijfers), `${label} ${sleutel} ${ANDERE}`).toEqual(kerncijfers(basis, { periode, gemeenten: andereGemeenten }, now));
    // The series ends with the chosen period and holds the same figures.
    expect(regio.reeks.at(-1)!.cijfers).toEqual(regio.totaal);
  }
  return vergeleken;
}

describe(`precomputed figures equal a recount with the domain (${testDbKind()})`, () => {
  it('after a full rebuild of a generated data set, at two moments', async () => {
    const lines = generateContacts({ seed: 4242, regionIds: [REGIO, ANDERE], fromYear: 2022, years: 3, meldingenPerYear: 260, until: new Date('2024-12-20T12:00:00Z') });
    const s = await importLines(t.db, lines, { source: 'hertelling', checkDuplicates: false, radarVanaf: new Date('2024-12-01T00:00:00Z') });
    expect(s.rejected).toBe(0);
    expect(s.stored).toBeGreaterThan(1000);
    const r = await herberekenCijfers(t.db);
    expect(r.contacten).toBe(s.stored);
    expect((await t.db.query(`SELECT 1 FROM cijfer_vuil`)).rows.length).toBe(0);
    // The data has what the definitions distinguish.
    const soorten = (await t.db.query<{ melding_soort: string; n: number }>(`SELECT melding_soort, count(*) AS n FROM cijfer_feit WHERE melding_soort IS NOT NULL GROUP BY 1`)).rows;
    expect(soorten.map((x) => x.melding_soort).sort()).toEqual(['eerste-melding', 'hermelding', 'vervolgmelding']);
    expect((await t.db.query(`SELECT 1 FROM cijfer_feit WHERE beoordeeld_op IS NULL AND melding_op IS NOT NULL`)).rows.length).toBeGreaterThan(0);
    expect((await t.db.query(`SELECT 1 FROM cijfer_feit WHERE recidief`)).rows.length).toBeGreaterThan(0);
    expect(await vergelijk(NU, 'herbouw')).toBeGreaterThan(10);
    await vergelijk(KORT_NA, 'herbouw, kort na');
  }, 300_000);

  it('after changes that reach the figures only through the marks and the job', async () => {
    // New contacts through the import path (marks by the triggers), in an existing household too.
    const nieuw = generateContacts({ seed: 99, regionIds: [REGIO], fromYear: 2023, years: 2, meldingenPerYear: 60, until: new Date('2024-12-20T12:00:00Z') });
    const s = await importLines(t.db, nieuw, { source: 'hertelling-2', checkDuplicates: false, radarVanaf: new Date('2030-01-01T00:00:00Z') });
    expect(s.rejected).toBe(0);
    const one = async <T>(sql: string, p: unknown[] = []) => (await t.db.query<T>(sql, p)).rows[0]!;
    // A withdrawal of an early melding of a household with later meldingen (their kind changes).
    const hh = await one<{ household_id: string }>(
      `SELECT household_id FROM contact WHERE type = 'melding' AND region_id = $1 AND household_id IS NOT NULL GROUP BY household_id HAVING count(*) >= 3 ORDER BY household_id LIMIT 1`,
      [REGIO],
    );
    const eerste = await one<{ id: string }>(`SELECT id FROM contact WHERE household_id = $1 AND type = 'melding' ORDER BY melding_op LIMIT 1`, [hh.household_id]);
    await trekIn(eerste.id);
    // A household merged into another (the radar's merge: contacts move, the household points to the survivor).
    const [a, b] = (await t.db.query<{ id: string }>(`SELECT DISTINCT household_id AS id FROM contact WHERE region_id = $1 AND household_id IS NOT NULL AND household_id <> $2 ORDER BY 1 LIMIT 2`, [REGIO, hh.household_id])).rows;
    await t.db.transaction(async (tx) => {
      await tx.query(`UPDATE contact SET household_id = $2 WHERE household_id = $1`, [a!.id, b!.id]);
      await tx.query(`UPDATE household SET samengevoegd_in = $2, samengevoegd_op = now() WHERE id = $1`, [a!.id, b!.id]);
    });
    // Two registrations in different households judged to be the same person.
    const [p1, p2] = (
      await t.db.query<{ person_id: string }>(
        `SELECT DISTINCT ON (c.household_id) cp.person_id FROM contact_person cp JOIN contact c ON c.id = cp.contact_id
         WHERE c.region_id = $1 AND c.type = 'melding' AND c.household_id NOT IN ($2, $3) ORDER BY c.household_id DESC, cp.person_id LIMIT 2`,
        [REGIO, a!.id, b!.id],
      )
    ).rows;
    const doel = await one<{ identiteit_id: string }>(`SELECT identiteit_id FROM person_identiteit WHERE person_id = $1`, [p1!.person_id]);
    await t.db.query(`UPDATE person_identiteit SET identiteit_id = $1 WHERE person_id = $2`, [doel.identiteit_id, p2!.person_id]);
    // An open melding assessed now (an intervention starts), and an advies converted into a melding.
    const open = await one<{ id: string }>(`SELECT b.id FROM beoordeling b WHERE b.beoordeeld_op IS NULL AND b.region_id = $1 ORDER BY b.ontvangen_op LIMIT 1`, [REGIO]);
    await t.db.query(`UPDATE beoordeling SET beoordeeld_op = deadline_wettelijk - interval '1 hour', besluit_soort = 'overdracht' WHERE id = $1`, [open.id]);
    const advies = await one<{ id: string }>(`SELECT id FROM contact WHERE type = 'advies' AND region_id = $1 ORDER BY ontvangen_op DESC LIMIT 1`, [REGIO]);
    await t.db.transaction(async (tx) => {
      await tx.query(`UPDATE contact SET type = 'melding', melding_op = ontvangen_op + interval '2 days' WHERE id = $1`, [advies.id]);
      await tx.query(`INSERT INTO contact_gebeurtenis (region_id, contact_id, soort, op) VALUES ($1, $2, 'omgezet-naar-melding', now())`, [REGIO, advies.id]);
    });
    expect((await t.db.query(`SELECT 1 FROM cijfer_vuil`)).rows.length).toBeGreaterThan(0);
    // The job, in small steps, until nothing is left.
    let stappen = 0;
    while ((await werkCijfersBij(t.db, 50)) > 0) stappen++;
    expect(stappen).toBeGreaterThan(1);
    expect((await t.db.query(`SELECT 1 FROM cijfer_vuil`)).rows.length).toBe(0);
    await vergelijk(NU, 'bijgewerkt');
    // And a rebuild from scratch gives the same cells as the incremental path.
    const voor = (await t.db.query<{ k: string; waarden: unknown }>(`SELECT periode || soort || code AS k, waarden FROM cijfer_cel ORDER BY 1`)).rows;
    await herberekenCijfers(t.db);
    const na = (await t.db.query<{ k: string; waarden: unknown }>(`SELECT periode || soort || code AS k, waarden FROM cijfer_cel ORDER BY 1`)).rows;
    expect(na).toEqual(voor);
  }, 300_000);
});
