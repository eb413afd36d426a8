/**
 * The Veilig Thuis front door over HTTP, on a real database: intake → radar → assessment → four-eyes
 * decision → handover accepted by the receiver; deadlines, drafts, the professionals' form, the public
 * page, the JSON Lines import and the conversion of an advies. Every step's audit row is checked.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '@samenveilig/domain';
import { buildApp } from './app.js';
import { ok } from '../test-support/http.js';
import { createTestDb, testDbKind, type TestDb } from '../test-support/db.js';
import { createSecurityFixture, REGIO, securityConfig, type SecurityFixture, type Wie } from '../test-support/security.js';
import { meldVerlopenTermijnen } from '../jobs/termijnbewaking.js';
import { verifyAudit } from '../audit/chain.js';

let t: TestDb;
let fx: SecurityFixture;
let app: FastifyInstance;

beforeAll(async () => {
  t = await createTestDb();
  fx = await createSecurityFixture(t.db);
  app = await buildApp({ config: { ...securityConfig(), publiekPerUur: 3 }, db: t.db, webDir: '/nonexistent' });
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const send = (who: Wie | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: who ? fx.as(who) : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const audits = async (actie: string) => (await t.db.query<{ actor_id: string; uitkomst: string; personen: string[] }>(`SELECT actor_id, uitkomst, personen FROM audit_log WHERE actie = $1 ORDER BY seq`, [actie])).rows;
const count = async (sql: string, params: unknown[] = []) => (await t.db.query<{ n: number }>(`SELECT count(*) AS n FROM (${sql}) x`, params)).rows[0]!.n;

/** A melding as the intake screen sends it: Linda of H_LT again (BSN known), with a child and the pleger. */
function telefoonMelding(over: Partial<Contact> = {}): Contact {
  return {
    type: 'melding',
    ontvangenOp: new Date(Date.now() - 60_000).toISOString(),
    kanaal: 'telefoon',
    gemeente: 'GM0200',
    melder: { type: 'niet-beroepsmatig', relatie: 'buren', naam: 'Bea Buurvrouw', telefoon: '055-1234567' },
    personen: [
      { ref: 'a', rol: 'slachtoffer', voornamen: 'Linda', achternaam: 'Ltdossierman', geboortedatum: '1990-02-14', geslacht: 'vrouw', bsn: '111222333' },
      { ref: 'b', rol: 'pleger', voornamen: 'Luuk', achternaam: 'Ltdossierman', geboortedatum: '1988-07-01', geslacht: 'man' },
      { ref: 'c', rol: 'kind', voornamen: 'Lieke', achternaam: 'Ltdossierman', geboortedatum: '2016-05-05', geslacht: 'vrouw' },
    ],
    relaties: [{ van: 'b', naar: 'a', type: 'partner' }],
    geweldsvormen: ['partnergeweld'],
    omschrijving: 'Buurvrouw hoort opnieuw geschreeuw en een kind huilen.',
    acuutGevaar: false,
    ...over,
  };
}

interface ContactBody {
  id: string;
  type: string;
  huishoudenId: string | null;
  personen: { id: string; rol: string }[];
  melder: { identiteit: { naam: string | null } | null };
  beoordeling: {
    id: string;
    status: string;
    versie: number;
    termijnen: { wettelijk: string; regionaal: string; acuut: string | null; deadline: string | null };
    besluiten: { id: string; status: string; soort: string }[];
    overdrachten: { id: string; status: string }[];
    beoordeeldOp: string | null;
  } | null;
  radar: { id: string; status: string; persoon: { id: string }; kans: number; uitleg: { field: string; uitleg: string }[]; kandidaat: { personId: string; huishoudens: { id: string; inZicht: boolean }[] } }[] | null;
  gebeurtenissen: { soort: string }[];
}

const inhoud = {
  acuteOnveiligheid: { oordeel: 'nee', toelichting: 'Geen direct gevaar: pleger is vertrokken, politie heeft gesproken.' },
  structureleOnveiligheid: { oordeel: 'ja', toelichting: 'Derde melding in een jaar, escalatie.' },
  risicofactoren: ['eerder-geweld', 'escalatie', 'kinderen-getuige'],
  geraadpleegd: [{ bron: 'politie', samenvatting: 'Twee incidenten in 2024 geregistreerd.' }],
  kindcheck: { kinderenAanwezig: 'ja', toelichting: 'Lieke (8) was thuis; school wordt via Handle With Care geïnformeerd.' },
};

describe(`the front door (${testDbKind()})`, () => {
  let contactId: string;

  it('phone intake: a melding gets its deadline at receipt and radar candidates for known persons', async () => {
    const r = ok<{ contactId: string; type: string; nieuw: boolean; deadline: string; radarKandidaten: number }>(
      await send('vt-medewerker', 'POST', '/api/v1/intake', { contact: telefoonMelding() }),
      201,
    );
    contactId = r.contactId;
    expect(r).toMatchObject({ type: 'melding', nieuw: true });
    expect(r.radarKandidaten).toBeGreaterThanOrEqual(1);
    // Five working days, at the end of the day, Amsterdam time.
    expect(new Date(r.deadline).getTime() - Date.now()).toBeGreaterThan(5 * 86_400_000);
    expect(new Date(r.deadline).getTime() - Date.now()).toBeLessThan(12 * 86_400_000);
    expect((await audits('contact.registreren')).at(-1)).toMatchObject({ actor_id: fx.user['vt-medewerker'].id, uitkomst: 'ok (1 contacten)' });
  });

  it('shows the candidates with a score, an explanation and what is known of the household', async () => {
    const c = ok<ContactBody>(await send('vt-medewerker', 'GET', `/api/v1/contacten/${contactId}`));
    expect(c.melder.identiteit?.naam).toBe('Bea Buurvrouw');
    const linda = c.personen.find((p) => p.rol === 'slachtoffer')!;
    const kandidaat = c.radar!.find((k) => k.persoon.id === linda.id)!;
    expect(kandidaat.kandidaat.personId).toBe(fx.geheimPersoon.lt);
    expect(kandidaat.kans).toBeGreaterThan(0.99);
    expect(kandidaat.uitleg.map((u) => u.uitleg).join(' ')).toMatch(/BSN/);
    expect(kandidaat.kandidaat.huishoudens).toEqual([expect.objectContaining({ id: fx.hh.lt, inZicht: true })]);
    // Nobody outside Veilig Thuis gets the radar or the assessment of this melding.
    expect(ok<ContactBody>(await send('vt-gedragswetenschapper', 'GET', `/api/v1/contacten/${contactId}`)).radar).not.toBeNull();
  });

  it('confirming the match joins the identity and, when chosen, the known household', async () => {
    const c = ok<ContactBody>(await send('vt-medewerker', 'GET', `/api/v1/contacten/${contactId}`));
    const kandidaat = c.radar!.find((k) => k.kandidaat.personId === fx.geheimPersoon.lt)!;
    const r = ok<{ status: string; huishoudenId: string }>(
      await send('vt-medewerker', 'POST', `/api/v1/radar/kandidaten/${kandidaat.id}/besluit`, { besluit: 'bevestigen', huishoudenId: fx.hh.lt }),
    );
    expect(r).toEqual({ status: 'bevestigd', huishoudenId: fx.hh.lt });
    const ids = (await t.db.query<{ identiteit_id: string }>(`SELECT identiteit_id FROM person_identiteit WHERE person_id = ANY($1::uuid[])`, [[kandidaat.persoon.id, fx.geheimPersoon.lt]])).rows;
    expect(new Set(ids.map((i) => i.identiteit_id)).size).toBe(1);
    // The registrations themselves are unchanged: two person rows.
    expect(await count(`SELECT 1 FROM person WHERE id = ANY($1::uuid[])`, [[kandidaat.persoon.id, fx.geheimPersoon.lt]])).toBe(2);
    const after = ok<ContactBody>(await send('vt-medewerker', 'GET', `/api/v1/contacten/${contactId}`));
    expect(after.huishoudenId).toBe(fx.hh.lt);
    // The old household points to the known one; the dossier of the old id shows the known household.
    const dossier = ok<{ id: string; contacten: { id: string }[] }>(await send('vt-medewerker', 'GET', `/api/v1/huishoudens/${c.huishoudenId}`));
    expect(dossier.id).toBe(fx.hh.lt);
    expect(dossier.contacten.map((x) => x.id)).toContain(contactId);
    // Deciding twice is a conflict.
    expect((await send('vt-medewerker', 'POST', `/api/v1/radar/kandidaten/${kandidaat.id}/besluit`, { besluit: 'afwijzen' })).statusCode).toBe(409);
  });

  it('rejecting a candidate is remembered: the pair is never merged, not even through another registration', async () => {
    const c = ok<ContactBody>(await send('vt-medewerker', 'GET', `/api/v1/contacten/${contactId}`));
    const open = c.radar!.filter((k) => k.kandidaat.personId !== fx.geheimPersoon.lt && k.status === 'open');
    for (const k of open) ok(await send('vt-medewerker', 'POST', `/api/v1/radar/kandidaten/${k.id}/besluit`, { besluit: 'afwijzen' }));
    for (const k of open) {
      const [a, b] = [k.persoon.id, k.kandidaat.personId].sort();
      expect(await count(`SELECT 1 FROM radar_afwijzing WHERE person_a = $1 AND person_b = $2`, [a, b])).toBe(1);
    }
    expect((await audits('radar.afwijzen')).length).toBe(open.length);
  });

  it('saves the assessment with versions: a stale version is a 409 and changes nothing', async () => {
    const c = ok<ContactBody>(await send('vt-medewerker', 'GET', `/api/v1/contacten/${contactId}`));
    const b = c.beoordeling!;
    const saved = ok<{ versie: number; inhoud: typeof inhoud }>(await send('vt-medewerker', 'PUT', `/api/v1/beoordelingen/${b.id}/inhoud`, { inhoud, versie: b.versie }));
    expect(saved.versie).toBe(b.versie + 1);
    const stale = await send('vt-gedragswetenschapper', 'PUT', `/api/v1/beoordelingen/${b.id}/inhoud`, { inhoud: { ...inhoud, risicofactoren: [] }, versie: b.versie });
    expect(stale.statusCode).toBe(409);
    expect(ok<ContactBody>(await send('vt-medewerker', 'GET', `/api/v1/contacten/${contactId}`)).beoordeling!.versie).toBe(b.versie + 1);
  });

  it('refuses a decision that does not fit the assessment, naming why', async () => {
    const b = ok<ContactBody>(await send('vt-medewerker', 'GET', `/api/v1/contacten/${contactId}`)).beoordeling!;
    const r = await send('vt-medewerker', 'POST', `/api/v1/beoordelingen/${b.id}/besluit`, { besluit: { soort: 'einde-bemoeienis', reden: 'Geen zorgen.' }, versie: b.versie });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toMatch(/structurele onveiligheid/);
  });

  let besluitId: string;
  it('a proposed handover waits for a second person; the proposer cannot confirm it', async () => {
    const b = ok<ContactBody>(await send('vt-medewerker', 'GET', `/api/v1/contacten/${contactId}`)).beoordeling!;
    const proposed = ok<ContactBody['beoordeling'] & object>(
      await send('vt-medewerker', 'POST', `/api/v1/beoordelingen/${b.id}/besluit`, {
        besluit: { soort: 'overdracht', naar: 'lokaal-team', organisatieId: fx.org.lt, teamId: fx.team.a, toelichting: 'Warme overdracht: gezin kent het lokaal team.' },
        versie: b.versie,
      }),
    );
    expect(proposed.status).toBe('voorgesteld');
    besluitId = proposed.besluiten.at(-1)!.id;
    // No handover yet: the decision has no effect before it is confirmed.
    expect(await count(`SELECT 1 FROM overdracht WHERE beoordeling_id = $1`, [b.id])).toBe(0);
    // The role that proposes cannot confirm at all; the route is refused.
    expect((await send('vt-medewerker', 'POST', `/api/v1/besluiten/${besluitId}/beoordeling`, { antwoord: 'bevestigen' })).statusCode).toBe(403);
    // The gedragswetenschapper was told.
    expect(await count(`SELECT 1 FROM notificatie WHERE user_id = $1 AND soort = 'besluit-te-bevestigen' AND bron_id = $2`, [fx.user['vt-gedragswetenschapper'].id, besluitId])).toBe(1);
  });

  it('a gedragswetenschapper cannot confirm a decision they proposed themselves (four eyes, also in the database)', async () => {
    const gw = fx.user['vt-gedragswetenschapper'];
    const own = await t.db.query<{ id: string }>(
      `INSERT INTO besluit (region_id, beoordeling_id, fase, soort, inhoud, beoordeling_inhoud, status, voorgesteld_door, voorgesteld_op)
       SELECT region_id, id, 'beoordeling', 'verzoek-rvdk', '{}', '{}', 'ingetrokken', $2, now() FROM beoordeling WHERE contact_id = $1 RETURNING id`,
      [contactId, gw.id],
    );
    await expect(t.db.query(`UPDATE besluit SET status = 'bevestigd', beoordeeld_door = $2, beoordeeld_op = now() WHERE id = $1`, [own.rows[0]!.id, gw.id])).rejects.toThrow();
  });

  it('confirmed: the handover is proposed to the receiving team, and only that team sees it', async () => {
    const b = ok<NonNullable<ContactBody['beoordeling']>>(await send('vt-gedragswetenschapper', 'POST', `/api/v1/besluiten/${besluitId}/beoordeling`, { antwoord: 'bevestigen' }));
    expect(b.status).toBe('overdracht');
    expect(b.beoordeeldOp).not.toBeNull();
    expect(b.overdrachten).toEqual([expect.objectContaining({ status: 'voorgesteld' })]);
    const mine = ok<{ id: string; toelichting: string; leden: { naam: string }[] }[]>(await send('lokaal-team', 'GET', '/api/v1/overdrachten'));
    const o = mine.find((x) => x.id === b.overdrachten[0]!.id)!;
    expect(o.toelichting).toMatch(/Warme overdracht/);
    expect(o.leden.map((l) => l.naam)).toContain('Linda Ltdossierman');
    expect(JSON.stringify(mine)).not.toContain('Bea Buurvrouw'); // no melder identity for the receiver
    expect(await count(`SELECT 1 FROM notificatie WHERE user_id = $1 AND soort = 'overdracht-voorgesteld'`, [fx.user['lokaal-team'].id])).toBe(1);
    // Team B of the same organisation does not see it.
    expect((await send('lokaal-team-b', 'GET', `/api/v1/overdrachten/${o.id}`)).statusCode).toBe(404);
    expect(ok<unknown[]>(await send('lokaal-team-b', 'GET', '/api/v1/overdrachten')).length).toBe(0);
  });

  it('the receiver accepts: involved with the household, the melding settled, the proposer told', async () => {
    const o = ok<{ id: string; versie: number }[]>(await send('lokaal-team', 'GET', '/api/v1/overdrachten'))[0]!;
    const answered = ok<{ status: string }>(await send('lokaal-team', 'POST', `/api/v1/overdrachten/${o.id}/antwoord`, { antwoord: 'accepteren', versie: o.versie }));
    expect(answered.status).toBe('geaccepteerd');
    const c = ok<ContactBody>(await send('vt-medewerker', 'GET', `/api/v1/contacten/${contactId}`));
    expect(c.beoordeling!.status).toBe('afgerond');
    expect(await count(`SELECT 1 FROM household_involvement WHERE household_id = $1 AND organisation_id = $2 AND team_id = $3 AND grondslag = 'overdracht'`, [fx.hh.lt, fx.org.lt, fx.team.a])).toBeGreaterThan(0);
    expect(await count(`SELECT 1 FROM notificatie WHERE user_id = $1 AND soort = 'overdracht-beantwoord'`, [fx.user['vt-medewerker'].id])).toBe(1);
    // Answering twice is a conflict.
    expect((await send('lokaal-team', 'POST', `/api/v1/overdrachten/${o.id}/antwoord`, { antwoord: 'weigeren', reden: 'x', versie: o.versie + 1 })).statusCode).toBe(409);
    for (const actie of ['besluit.voorstellen', 'besluit.bevestigen', 'overdracht.accepteren']) expect((await audits(actie)).length, actie).toBeGreaterThan(0);
    expect(await verifyAudit(t.db)).toMatchObject({ ok: true });
  });

  it('leaves the queue only when settled; the queue lists open work by deadline', async () => {
    const q = ok<{ items: { contactId: string; deadline: string }[] }>(await send('vt-medewerker', 'GET', '/api/v1/werkvoorraad?team=alle'));
    expect(q.items.map((i) => i.contactId)).not.toContain(contactId);
    const deadlines = q.items.map((i) => i.deadline);
    expect([...deadlines].sort()).toEqual(deadlines);
    expect(q.items.length).toBeGreaterThan(0); // the fixture's meldingen are open
  });
});

describe(`bad input on the intake screen (${testDbKind()})`, () => {
  const persoon = { ref: 'a', rol: 'slachtoffer', voornamen: 'Foutje', achternaam: 'Invoerman' };
  it.each([
    ['an unknown gemeente', { gemeente: 'Atlantis' }, 'body.contact.gemeente'],
    ['30 February', { personen: [{ ...persoon, geboortedatum: '1990-02-30' }] }, 'body.contact.personen.0.geboortedatum'],
    ['a birth after receipt', { personen: [{ ...persoon, geboortedatum: '2099-01-01' }] }, 'body.contact.personen.0.geboortedatum'],
    ['a BSN failing the 11-proef', { personen: [{ ...persoon, bsn: '123456789' }] }, 'body.contact.personen.0.bsn'],
    ['a malformed postcode', { personen: [{ ...persoon, adres: { straat: 'Proefstraat', huisnummer: 1, postcode: '12345', woonplaats: 'Apeldoorn' } }] }, 'body.contact.personen.0.adres.postcode'],
    ['an oversized description', { omschrijving: 'x'.repeat(20_001) }, 'body.contact.omschrijving'],
    ['a melding without a surname or BSN', { personen: [{ ref: 'a', rol: 'kind', voornamen: 'Naamloos' }] }, 'body.contact.personen.0.achternaam'],
    ['a received-at in the future', { ontvangenOp: new Date(Date.now() + 3_600_000).toISOString() }, 'body.contact.ontvangenOp'],
    ['an impossible received-at', { ontvangenOp: '2026-02-30T10:00' }, 'body.contact.ontvangenOp'],
  ])('%s: 400 naming the field, nothing stored', async (_name, over, path) => {
    const before = await count(`SELECT 1 FROM contact`);
    const r = await send('vt-medewerker', 'POST', '/api/v1/intake', { contact: telefoonMelding({ personen: [persoon], relaties: [], ...over } as Partial<Contact>) });
    expect(r.statusCode, r.body).toBe(400);
    const body = r.json() as { error: { code: string; message: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('ongeldige_invoer');
    expect(body.error.issues.map((i) => i.path)).toContain(path);
    expect(await count(`SELECT 1 FROM contact`)).toBe(before);
  });
});

describe(`deadlines as data (${testDbKind()})`, () => {
  it('an acute melding is due in the acute target; a stricter regional setting recomputes open deadlines at once', async () => {
    const acuut = ok<{ contactId: string; deadline: string }>(await send('vt-medewerker', 'POST', '/api/v1/intake', { contact: telefoonMelding({ acuutGevaar: true, personen: [{ ref: 'x', rol: 'slachtoffer', achternaam: 'Acuutvrouw' }], relaties: [] }) }), 201);
    const received = Date.now() - 60_000;
    expect(Math.abs(new Date(acuut.deadline).getTime() - (received + 60 * 60_000))).toBeLessThan(10_000);
    const current = ok<{ versie: number }>(await send('functioneel-beheerder', 'GET', '/api/v1/beheer/instellingen/termijnen'));
    const changed = ok<{ herberekend: number; instellingen: { versie: number } }>(
      await send('functioneel-beheerder', 'PUT', '/api/v1/beheer/instellingen/termijnen', { acuutMinuten: 30, beoordeling: { eenheid: 'uren', aantal: 24 }, onderzoekWeken: 10, versie: current.versie }),
    );
    expect(changed.herberekend).toBeGreaterThan(0);
    const after = (await t.db.query<{ deadline: Date; ontvangen_op: Date; deadline_regionaal: Date }>(`SELECT deadline, ontvangen_op, deadline_regionaal FROM beoordeling WHERE contact_id = $1`, [acuut.contactId])).rows[0]!;
    expect(new Date(after.deadline).getTime() - new Date(after.ontvangen_op).getTime()).toBe(30 * 60_000);
    expect(new Date(after.deadline_regionaal).getTime() - new Date(after.ontvangen_op).getTime()).toBe(24 * 3_600_000);
    // The same version again is a conflict, not an overwrite.
    expect((await send('functioneel-beheerder', 'PUT', '/api/v1/beheer/instellingen/termijnen', { acuutMinuten: 45, beoordeling: { eenheid: 'werkdagen', aantal: 5 }, onderzoekWeken: 10, versie: current.versie })).statusCode).toBe(409);
    // A setting more lenient than the law is refused, naming the field.
    const lenient = await send('functioneel-beheerder', 'PUT', '/api/v1/beheer/instellingen/termijnen', { acuutMinuten: 30, beoordeling: { eenheid: 'werkdagen', aantal: 7 }, onderzoekWeken: 10, versie: changed.instellingen.versie });
    expect(lenient.statusCode).toBe(400);
    expect(lenient.json().error.issues[0].path).toBe('body.beoordeling.aantal');
  });

  it('overdue work notifies the team lead once, however often the watch runs', async () => {
    await t.db.query(`UPDATE team SET teamleider_id = $2 WHERE id = $1`, [fx.team.a, fx.user['lokaal-team'].id]); // any user will do as lead here
    const r = ok<{ contactId: string }>(await send('vt-medewerker', 'POST', '/api/v1/intake', { contact: telefoonMelding({ personen: [{ ref: 'x', rol: 'slachtoffer', achternaam: 'Telaatvrouw' }], relaties: [] }) }), 201);
    await t.db.query(`UPDATE beoordeling SET deadline = now() - interval '1 minute', team_id = $2 WHERE contact_id = $1`, [r.contactId, fx.team.a]);
    const first = await meldVerlopenTermijnen(t.db);
    expect(first).toBeGreaterThanOrEqual(1);
    expect(await meldVerlopenTermijnen(t.db)).toBe(0);
    const notes = await count(`SELECT 1 FROM notificatie WHERE user_id = $1 AND soort = 'termijn-verlopen'`, [fx.user['lokaal-team'].id]);
    expect(notes).toBe(1);
    // Work without a team (the fixture's meldingen, deadlines made to pass) goes to the gedragswetenschappers of Veilig Thuis.
    await t.db.query(`UPDATE beoordeling SET deadline = now() - interval '1 minute' WHERE team_id IS NULL AND status <> 'afgerond' AND region_id = $1`, [REGIO]);
    await meldVerlopenTermijnen(t.db);
    expect(await count(`SELECT 1 FROM notificatie WHERE user_id = $1 AND soort = 'termijn-verlopen'`, [fx.user['vt-gedragswetenschapper'].id])).toBeGreaterThan(0);
    expect((await audits('termijn.verlopen.melden')).every((a) => a.actor_id === 'system:termijnbewaking')).toBe(true);
    // The queue shows it, overdue, first.
    const q = ok<{ items: { contactId: string; deadline: string }[]; nu: string }>(await send('vt-medewerker', 'GET', '/api/v1/werkvoorraad?team=alle'));
    expect(new Date(q.items[0]!.deadline).getTime()).toBeLessThan(new Date(q.nu).getTime());
  });
});

describe(`teams and notifications (${testDbKind()})`, () => {
  it('a team is changed with its version: a concurrent change is a 409, not an overwrite', async () => {
    const orgs = ok<{ teams: { id: string; versie: number }[] }[]>(await send('functioneel-beheerder', 'GET', '/api/v1/beheer/organisaties'));
    const team = orgs.flatMap((o) => o.teams).find((t) => t.id === fx.team.b)!;
    const first = ok<{ versie: number; werkgebied: string[] }>(await send('functioneel-beheerder', 'PUT', `/api/v1/beheer/teams/${team.id}`, { teamleiderId: null, werkgebied: ['GM0262'], versie: team.versie }));
    expect(first).toMatchObject({ versie: team.versie + 1, werkgebied: ['GM0262'] });
    expect((await send('functioneel-beheerder', 'PUT', `/api/v1/beheer/teams/${team.id}`, { teamleiderId: null, werkgebied: ['GM0285'], versie: team.versie })).statusCode).toBe(409);
    // A gemeente served by another team of the same organisation is refused.
    expect((await send('functioneel-beheerder', 'PUT', `/api/v1/beheer/teams/${fx.team.a}`, { teamleiderId: null, werkgebied: ['GM0262'], versie: 1 })).statusCode).toBe(409);
  });

  it('the unread count for the badge is a number, and is not audited', async () => {
    const before = await count(`SELECT 1 FROM audit_log`);
    const r = ok<{ ongelezen: number }>(await send('vt-gedragswetenschapper', 'GET', '/api/v1/notificaties/aantal'));
    expect(r.ongelezen).toBe(await count(`SELECT 1 FROM notificatie WHERE user_id = $1 AND gelezen_op IS NULL`, [fx.user['vt-gedragswetenschapper'].id]));
    expect(await count(`SELECT 1 FROM audit_log`)).toBe(before);
    expect((await send('vt-gedragswetenschapper', 'POST', '/api/v1/notificaties/alle/gelezen')).statusCode).toBe(204);
    expect(ok<{ ongelezen: number }>(await send('vt-gedragswetenschapper', 'GET', '/api/v1/notificaties/aantal')).ongelezen).toBe(0);
  });
});

describe(`drafts on the intake screen (${testDbKind()})`, () => {
  it('saves with versions, is private to its author, and submits once', async () => {
    const id = randomUUID();
    const saved = ok<{ versie: number }>(await send('vt-medewerker', 'PUT', `/api/v1/intake/concepten/${id}`, { data: { stap: 1, achternaam: 'Conceptman' }, versie: 0 }));
    expect(saved.versie).toBe(1);
    expect((await send('vt-medewerker', 'PUT', `/api/v1/intake/concepten/${id}`, { data: { stap: 2 }, versie: 0 })).statusCode).toBe(409);
    expect((await send('vt-gedragswetenschapper', 'GET', `/api/v1/intake/concepten/${id}`)).statusCode).toBe(404);
    expect((await send('vt-gedragswetenschapper', 'PUT', `/api/v1/intake/concepten/${id}`, { data: {}, versie: 1 })).statusCode).toBe(404);
    expect(ok<{ id: string }[]>(await send('vt-medewerker', 'GET', '/api/v1/intake/concepten')).map((c) => c.id)).toContain(id);
    const contact = telefoonMelding({ personen: [{ ref: 'x', rol: 'slachtoffer', achternaam: 'Conceptman' }], relaties: [] });
    const first = ok<{ contactId: string; nieuw: boolean }>(await send('vt-medewerker', 'POST', '/api/v1/intake', { conceptId: id, contact }), 201);
    const again = ok<{ contactId: string; nieuw: boolean }>(await send('vt-medewerker', 'POST', '/api/v1/intake', { conceptId: id, contact }), 200);
    expect(again).toMatchObject({ contactId: first.contactId, nieuw: false });
    expect(ok<{ id: string }[]>(await send('vt-medewerker', 'GET', '/api/v1/intake/concepten')).map((c) => c.id)).not.toContain(id);
    expect((await send('vt-medewerker', 'PUT', `/api/v1/intake/concepten/${id}`, { data: {}, versie: 1 })).statusCode).toBe(409);
  });

  it('live radar while typing: candidates without storing anything', async () => {
    const before = await count(`SELECT 1 FROM radar_kandidaat`);
    const r = ok<{ ref: string; kandidaten: { kandidaat: { naam: string }; kans: number }[] }[]>(
      await send('vt-medewerker', 'POST', '/api/v1/radar/zoeken', { personen: [{ ref: 'x', voornamen: 'Vera', achternaam: 'Vtdossierman', geboortedatum: '1985-01-01' }] }),
    );
    expect(r[0]!.kandidaten[0]!.kandidaat.naam).toBe('Vera Vtdossierman');
    expect(await count(`SELECT 1 FROM radar_kandidaat`)).toBe(before);
    expect((await send('lokaal-team', 'POST', '/api/v1/radar/zoeken', { personen: [{ ref: 'x', achternaam: 'Vtdossierman' }] })).statusCode).toBe(403);
  });

  it('a person known only where Veilig Thuis is not involved: recognisable, but no address, BSN or history', async () => {
    await t.db.query(`INSERT INTO household_regie (household_id, region_id, user_id, soort) VALUES ($1, $2, $3, 'casusregisseur')`, [fx.hh.opv, REGIO, fx.user.opvang.id]);
    const r = ok<{ kandidaten: { kandidaat: { naam: string; adres: string | null; bsn: string | null; huishoudens: { inZicht: boolean; contacten: unknown[]; regie: { naam: string } | null; betrokkenOrganisaties: string[] }[] } }[] }[]>(
      await send('vt-medewerker', 'POST', '/api/v1/radar/zoeken', { personen: [{ ref: 'x', voornamen: 'Olivia', achternaam: 'Opvangdossierman', geboortedatum: '1992-03-03' }] }),
    );
    const k = r[0]!.kandidaten[0]!.kandidaat;
    expect(k).toMatchObject({ naam: 'Olivia Opvangdossierman', adres: null, bsn: null });
    expect(k.huishoudens).toEqual([expect.objectContaining({ inZicht: false, contacten: [], regie: expect.objectContaining({ naam: fx.user.opvang.naam }) })]);
    expect(k.huishoudens[0]!.betrokkenOrganisaties).toContain('Opvang Apeldoorn (test)');
    expect(JSON.stringify(r)).not.toContain('Opvanghofje');
  });
});

describe(`the other channels (${testDbKind()})`, () => {
  it('a police officer reports through the professionals form: identifiable, registered by Veilig Thuis', async () => {
    const body = {
      sleutel: randomUUID(),
      type: 'melding',
      gemeente: 'Apeldoorn',
      personen: [{ ref: 'a', rol: 'slachtoffer', voornamen: 'Petra', achternaam: 'Politiemelding', geboortedatum: '1970-03-03' }],
      omschrijving: 'Huiselijk geweld, aanhouding pleger.',
    };
    const r = ok<{ contactId: string; nieuw: boolean }>(await send('politie', 'POST', '/api/v1/contacten/professional', body), 201);
    const row = (await t.db.query<{ melder_type: string; kanaal: string }>(`SELECT melder_type, kanaal FROM contact WHERE id = $1`, [r.contactId])).rows[0]!;
    expect(row).toEqual({ melder_type: 'politie', kanaal: 'formulier' });
    const m = (await t.db.query<{ naam: string; email: string }>(`SELECT naam, email FROM melder_identiteit WHERE contact_id = $1`, [r.contactId])).rows[0]!;
    expect(m).toEqual({ naam: fx.user.politie.naam, email: fx.user.politie.email });
    const inv = (await t.db.query<{ organisation_id: string }>(`SELECT i.organisation_id FROM household_involvement i JOIN contact c ON c.household_id = i.household_id WHERE c.id = $1`, [r.contactId])).rows;
    expect(inv.map((i) => i.organisation_id)).toEqual([fx.org.vt]);
    // The same submission again is stored once.
    expect(ok<{ contactId: string; nieuw: boolean }>(await send('politie', 'POST', '/api/v1/contacten/professional', body), 200)).toEqual(expect.objectContaining({ contactId: r.contactId, nieuw: false }));
    // The melder cannot read the dossier it reported.
    expect((await send('opvang', 'GET', `/api/v1/contacten/${r.contactId}`)).statusCode).toBe(404);
  });

  it('a professional stays anonymous only with a recorded reason', async () => {
    const body = { sleutel: randomUUID(), type: 'advies', gemeente: 'GM0200', personen: [], omschrijving: 'Zorgen om een leerling.', anoniem: true };
    const r = await send('lokaal-team', 'POST', '/api/v1/contacten/professional', body);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.issues.map((i: { path: string }) => i.path)).toContain('body.melder.anoniemReden');
    ok(await send('lokaal-team', 'POST', '/api/v1/contacten/professional', { ...body, anoniemReden: 'Dreiging tegen de school' }), 201);
  });

  it('the public page: anonymous advice, B1 messages, a robot stored nowhere, rate limited', async () => {
    const before = await count(`SELECT 1 FROM contact WHERE kanaal = 'publiek-formulier'`);
    const advies = { sleutel: randomUUID(), soort: 'advies', gemeente: 'Apeldoorn', watIsEr: 'Ik maak me zorgen om de buurkinderen.', kinderen: 'ja', melder: { relatie: 'buren', anoniem: true } };
    const r = ok<{ referentie: string; soort: string }>(await send(null, 'POST', '/api/v1/publiek/contact', advies), 201);
    expect(r.soort).toBe('advies');
    expect(await count(`SELECT 1 FROM contact WHERE kanaal = 'publiek-formulier' AND melder_anoniem`)).toBe(before + 1);
    expect((await t.db.query<{ actor_soort: string }>(`SELECT actor_soort FROM audit_log WHERE actie = 'contact.publiek-melden' ORDER BY seq DESC LIMIT 1`)).rows[0]!.actor_soort).toBe('anoniem');
    const melding = await send(null, 'POST', '/api/v1/publiek/contact', { ...advies, sleutel: randomUUID(), soort: 'melding', overWie: [{ rol: 'kind', voornaam: 'Sam' }] });
    expect(melding.statusCode).toBe(400);
    expect(melding.json().error.issues[0]).toEqual({ path: 'body.overWie.0.achternaam', message: expect.stringContaining('Kies dan "Ik wil advies"') });
    ok(await send(null, 'POST', '/api/v1/publiek/contact', { ...advies, sleutel: randomUUID(), website: 'http://spam.example' }), 201);
    expect(await count(`SELECT 1 FROM contact WHERE kanaal = 'publiek-formulier'`)).toBe(before + 1);
    // The fourth submission within the hour from this address is refused (the limit is 3 in this test).
    const limited = await send(null, 'POST', '/api/v1/publiek/contact', { ...advies, sleutel: randomUUID() });
    expect(limited.statusCode).toBe(429);
  });

  it('the JSON Lines import checks every line first: one bad line stores nothing and names its line and field', async () => {
    const line = (id: string, over: Record<string, unknown> = {}) =>
      JSON.stringify({ externalId: id, type: 'melding', ontvangenOp: '2026-11-01T10:00:00+01:00', kanaal: 'politie-import', gemeente: 'GM0200', melder: { type: 'politie' }, personen: [{ ref: 'a', rol: 'slachtoffer', achternaam: `Importvrouw${id}` }], ...over });
    const before = await count(`SELECT 1 FROM contact`);
    const bad = [line('I1'), line('I2', { gemeente: 'Atlantis' }), '{niet json', line('I1'), line('I3', { personen: [{ ref: 'a', rol: 'kind', achternaam: 'X', geboortedatum: '2026-02-30' }] })].join('\n');
    const r = await app.inject({ method: 'POST', url: '/api/v1/import?bron=politie-oost', headers: { ...fx.as('politie'), 'content-type': 'application/x-ndjson' }, payload: bad });
    expect(r.statusCode).toBe(400);
    const paths = (r.json().error.issues as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['regel 2.gemeente', 'regel 3', 'regel 4.externalId', 'regel 5.personen.0.geboortedatum']));
    expect(await count(`SELECT 1 FROM contact`)).toBe(before);
    const good = [line('I1'), line('I2')].join('\n');
    const first = await app.inject({ method: 'POST', url: '/api/v1/import?bron=politie-oost', headers: { ...fx.as('politie'), 'content-type': 'application/x-ndjson' }, payload: good });
    expect(first.json()).toMatchObject({ opgeslagen: 2, alAanwezig: 0 });
    const again = await app.inject({ method: 'POST', url: '/api/v1/import?bron=politie-oost', headers: { ...fx.as('politie'), 'content-type': 'application/x-ndjson' }, payload: good });
    expect(again.json()).toMatchObject({ opgeslagen: 0, alAanwezig: 2 });
    // Imported meldingen have their assessment and deadlines, like any other.
    expect(await count(`SELECT 1 FROM beoordeling b JOIN contact c ON c.id = b.contact_id WHERE c.source = 'politie-oost'`)).toBe(2);
  });

  it('an anonymous advies becomes a melding: persons named, deadlines from the conversion, history kept', async () => {
    const advies = ok<{ contactId: string }>(
      await send('vt-medewerker', 'POST', '/api/v1/intake', {
        contact: { type: 'advies', ontvangenOp: '2026-10-01T09:00:00+02:00', kanaal: 'telefoon', gemeente: 'GM0200', melder: { type: 'niet-beroepsmatig', relatie: 'familie', anoniem: true }, personen: [] },
      }),
      201,
    );
    const c = ok<ContactBody & { versie: number }>(await send('vt-medewerker', 'GET', `/api/v1/contacten/${advies.contactId}`));
    expect(c.beoordeling).toBeNull();
    const missing = await send('vt-medewerker', 'POST', `/api/v1/contacten/${advies.contactId}/omzetten-naar-melding`, { reden: 'Oma belt terug met namen', personen: [{ ref: 'k', rol: 'kind', voornamen: 'Tim' }], relaties: [], versie: c.versie });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.issues[0].path).toBe('body.personen.0.achternaam');
    ok(
      await send('vt-medewerker', 'POST', `/api/v1/contacten/${advies.contactId}/omzetten-naar-melding`, {
        reden: 'Oma belt terug met namen',
        personen: [{ ref: 'k', rol: 'kind', voornamen: 'Tim', achternaam: 'Omzetkind', geboortedatum: '2018-04-04' }],
        relaties: [],
        versie: c.versie,
      }),
    );
    const m = ok<ContactBody>(await send('vt-medewerker', 'GET', `/api/v1/contacten/${advies.contactId}`));
    expect(m.type).toBe('melding');
    expect(m.personen).toHaveLength(1);
    expect(m.gebeurtenissen.map((g) => g.soort)).toEqual(['omgezet-naar-melding']);
    // Received as an advies on 1 October; its deadline counts from the conversion (now).
    expect(new Date(m.beoordeling!.termijnen.wettelijk).getTime()).toBeGreaterThan(Date.now());
    const row = (await t.db.query<{ ontvangen_op: Date }>(`SELECT ontvangen_op FROM contact WHERE id = $1`, [advies.contactId])).rows[0]!;
    expect(new Date(row.ontvangen_op).toISOString()).toBe('2026-10-01T07:00:00.000Z');
    // Converting twice is a conflict.
    expect((await send('vt-medewerker', 'POST', `/api/v1/contacten/${advies.contactId}/omzetten-naar-melding`, { reden: 'nogmaals', personen: [], relaties: [], versie: c.versie + 1 })).statusCode).toBe(409);
  });
});
