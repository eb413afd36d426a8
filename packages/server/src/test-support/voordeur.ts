/**
 * Records of the front door for the security suites, made on demand on top of the security fixture:
 * meldingen in a chosen household (through the import path, so they get their assessment), proposals,
 * handovers, radar candidates, drafts and notifications. Each call makes a fresh record, so a test that
 * changes one does not disturb the next.
 */
import { randomUUID } from 'node:crypto';
import type { ImportLine } from '@samenveilig/domain';
import { importLines } from '../import/loader.js';
import { ANDERE_REGIO, REGIO, SOURCE, type SecurityFixture, type Wie } from './security.js';

type HhKey = keyof SecurityFixture['hh'];

/** The organisation that registered each fixture household (it is involved with it). */
const REGISTRAR: Record<HhKey, keyof SecurityFixture['org']> = { vt: 'vt', lt: 'vt', opv: 'opvang', other: 'vtIjsselland' };
const HH_EXT: Record<HhKey, string> = { vt: 'SEC-HH-VT', lt: 'SEC-HH-LT', opv: 'SEC-HH-OPV', other: 'SEC-HH-OTHER' };
const GEMEENTE: Record<HhKey, string> = { vt: 'GM0200', lt: 'GM0200', opv: 'GM0200', other: 'GM0193' };
const regionOf = (hh: HhKey) => (hh === 'other' ? ANDERE_REGIO : REGIO);

let n = 0;
const uniq = () => `${Date.now().toString(36)}-${++n}`;

/**
 * A new contact in a fixture household, registered by the organisation that registered the household.
 * `eigenHuishouden`: in a new household of its own (in the same region, registered by the same organisation).
 */
export async function nieuwContact(
  fx: SecurityFixture,
  hh: HhKey,
  type: 'melding' | 'advies' = 'melding',
  eigenHuishouden = false,
): Promise<{ contactId: string; beoordelingId: string | null }> {
  const ext = `SEC-VD-${uniq()}`;
  const line: ImportLine = {
    externalId: ext,
    type,
    ontvangenOp: new Date(Date.now() - 3_600_000).toISOString(),
    kanaal: 'telefoon',
    gemeente: GEMEENTE[hh],
    melder: { type: 'niet-beroepsmatig', relatie: 'buren', anoniem: true },
    huishouden: { externalId: eigenHuishouden ? `${ext}-HH` : HH_EXT[hh] },
    personen: type === 'melding' ? [{ ref: 'a', rol: 'slachtoffer', voornamen: 'Nieuwe', achternaam: `Voordeurpersoon${n}` }] : [],
  };
  const s = await importLines(fx.db, [line], { source: SOURCE, registeredBy: fx.org[REGISTRAR[hh]] });
  if (s.stored !== 1) throw new Error(`voordeur fixture: import failed: ${JSON.stringify(s.errors)}`);
  const r = await fx.db.query<{ id: string; beoordeling_id: string | null }>(
    `SELECT c.id, b.id AS beoordeling_id FROM contact c LEFT JOIN beoordeling b ON b.contact_id = c.id WHERE c.source = $1 AND c.external_id = $2`,
    [SOURCE, ext],
  );
  return { contactId: r.rows[0]!.id, beoordelingId: r.rows[0]!.beoordeling_id };
}

/** The current version of an assessment (for a request that must name it). */
export async function versieVan(fx: SecurityFixture, beoordelingId: string): Promise<number> {
  return (await fx.db.query<{ versie: number }>(`SELECT versie FROM beoordeling WHERE id = $1`, [beoordelingId])).rows[0]?.versie ?? 1;
}

/** An assessment complete enough for any decision that fits no unsafety. */
export const COMPLETE_INHOUD = {
  acuteOnveiligheid: { oordeel: 'nee', toelichting: 'Geen direct gevaar (fixture).' },
  structureleOnveiligheid: { oordeel: 'nee', toelichting: 'Eenmalig (fixture).' },
  risicofactoren: [],
  geraadpleegd: [],
  kindcheck: { kinderenAanwezig: 'nee' },
};

/** A fresh melding in a household with a completed assessment (versie 1), ready for a decision. */
export async function klaarVoorBesluit(fx: SecurityFixture, hh: HhKey, eigenHuishouden = false): Promise<string> {
  const { beoordelingId } = await nieuwContact(fx, hh, 'melding', eigenHuishouden);
  await fx.db.query(`UPDATE beoordeling SET inhoud = $2 WHERE id = $1`, [beoordelingId, JSON.stringify(COMPLETE_INHOUD)]);
  return beoordelingId!;
}

/** A fresh melding with a decision proposed by `door` (versie of the assessment: 2). Returns both ids. */
export async function voorstel(fx: SecurityFixture, hh: HhKey, door: Wie, eigenHuishouden = false): Promise<{ beoordelingId: string; besluitId: string }> {
  const beoordelingId = await klaarVoorBesluit(fx, hh, eigenHuishouden);
  const r = await fx.db.query<{ id: string }>(
    `INSERT INTO besluit (region_id, beoordeling_id, fase, soort, inhoud, beoordeling_inhoud, status, voorgesteld_door, voorgesteld_op)
     VALUES ($1, $2, 'beoordeling', 'verzoek-rvdk', $3, $4, 'voorgesteld', $5, now()) RETURNING id`,
    [regionOf(hh), beoordelingId, JSON.stringify({ soort: 'verzoek-rvdk', toelichting: 'Zorgen (fixture).' }), JSON.stringify(COMPLETE_INHOUD), fx.user[door].id],
  );
  await fx.db.query(`UPDATE beoordeling SET status = 'voorgesteld', versie = 2 WHERE id = $1`, [beoordelingId]);
  return { beoordelingId, besluitId: r.rows[0]!.id };
}

/**
 * A handover waiting for the receiving organisation (and team), on a fresh melding in a new household of
 * the region of `hh`: accepting it involves the receiver with that household only, so the fixture's
 * households keep their scope.
 */
export async function overdracht(fx: SecurityFixture, hh: HhKey, naar: keyof SecurityFixture['org'], team: string | null = null): Promise<string> {
  const proposer: Wie = hh === 'other' ? 'vt-ijsselland' : 'vt-medewerker';
  const { beoordelingId, besluitId } = await voorstel(fx, hh, proposer, true);
  await fx.db.query(`UPDATE besluit SET status = 'ingetrokken' WHERE id = $1`, [besluitId]);
  await fx.db.query(`UPDATE beoordeling SET status = 'overdracht' WHERE id = $1`, [beoordelingId]);
  const r = await fx.db.query<{ id: string }>(
    `INSERT INTO overdracht (region_id, beoordeling_id, besluit_id, household_id, soort, van_organisation_id, naar_organisation_id, naar_team_id, toelichting, status, voorgesteld_op)
     VALUES ($1, $2, $3, $4, 'lokaal-team', $5, $6, $7, 'Warme overdracht (fixture).', 'voorgesteld', now()) RETURNING id`,
    [regionOf(hh), beoordelingId, besluitId, (await fx.db.query<{ household_id: string }>(`SELECT c.household_id FROM beoordeling b JOIN contact c ON c.id = b.contact_id WHERE b.id = $1`, [beoordelingId])).rows[0]!.household_id, fx.org[REGISTRAR[hh]], fx.org[naar], team],
  );
  return r.rows[0]!.id;
}

/** A radar candidate on a fresh melding in the household, pointing at a member of the same household. */
export async function radarKandidaat(fx: SecurityFixture, hh: HhKey): Promise<string> {
  const { contactId } = await nieuwContact(fx, hh);
  const person = (await fx.db.query<{ person_id: string }>(`SELECT person_id FROM contact_person WHERE contact_id = $1`, [contactId])).rows[0]!.person_id;
  const r = await fx.db.query<{ id: string }>(
    `INSERT INTO radar_kandidaat (region_id, contact_id, person_id, kandidaat_person_id, kans, gewicht, uitleg) VALUES ($1, $2, $3, $4, 0.9, 10, '[]') RETURNING id`,
    [regionOf(hh), contactId, person, fx.persons[hh][0]],
  );
  return r.rows[0]!.id;
}

/** A draft of the intake screen belonging to a user. */
export async function concept(fx: SecurityFixture, who: Wie): Promise<string> {
  const id = randomUUID();
  await fx.db.query(`INSERT INTO intake_concept (id, region_id, user_id, data) VALUES ($1, $2, $3, '{"stap":1}')`, [id, fx.user[who].regionId, fx.user[who].id]);
  return id;
}

/** A notification for a user. */
export async function notificatie(fx: SecurityFixture, who: Wie): Promise<string> {
  const r = await fx.db.query<{ id: string }>(
    `INSERT INTO notificatie (region_id, user_id, soort, titel, link) VALUES ($1, $2, 'termijn-verlopen', 'Termijn verstreken (fixture)', '/werkvoorraad') RETURNING id`,
    [fx.user[who].regionId, fx.user[who].id],
  );
  return r.rows[0]!.id;
}

/** A team of Veilig Thuis IJsselland (another region). */
export async function teamAndereRegio(fx: SecurityFixture): Promise<string> {
  const r = await fx.db.query<{ id: string }>(
    `INSERT INTO team (region_id, organisation_id, naam) VALUES ($1, $2, $3) ON CONFLICT (organisation_id, naam) DO UPDATE SET naam = EXCLUDED.naam RETURNING id`,
    [ANDERE_REGIO, fx.org.vtIjsselland, 'Team IJsselland (fixture)'],
  );
  return r.rows[0]!.id;
}

/** One JSON Lines import line with a unique id. */
export function importRegel(): string {
  return JSON.stringify({
    externalId: `SEC-IMP-${uniq()}`,
    type: 'melding',
    ontvangenOp: new Date(Date.now() - 3_600_000).toISOString(),
    kanaal: 'politie-import',
    gemeente: 'GM0200',
    melder: { type: 'politie' },
    personen: [{ ref: 'a', rol: 'slachtoffer', achternaam: 'Importpersoon' }],
  });
}
