/**
 * The access matrix: every route of the app × every role (and an anonymous caller) × situation
 * (record in scope / out of scope / in another region, where the route has a record id) → the
 * HTTP status. The routes are discovered from the app itself: a route without a row here fails the suite.
 *
 * Semantics: public routes answer everyone; no session → 401; a role without the permission → 403;
 * a record out of scope or in another region → 404, never 403 (no existence oracle); in scope → 2xx.
 * Every request carries a valid body and the CSRF header, so a 400 cannot hide a missing check.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../http/app.js';
import { createTestDb, testDbKind, type TestDb } from '../test-support/db.js';
import * as pl from '../test-support/plan.js';
import * as vd from '../test-support/voordeur.js';
import {
  ANDERE_REGIO,
  buildAppRecordingRoutes,
  createSecurityFixture,
  INTERNAL_TEXT,
  PASSWORD,
  REGIO,
  securityConfig,
  totpCode,
  type DiscoveredRoute,
  type SecurityFixture,
  type Wie,
} from '../test-support/security.js';

const ACTORS = [
  'vt-medewerker',
  'vt-gedragswetenschapper',
  'lokaal-team',
  'politie',
  'opvang',
  'csg',
  'zvh-coordinator',
  'beleidsmedewerker',
  'functioneel-beheerder',
  'privacy-officer',
  'anoniem',
] as const;
type Actor = (typeof ACTORS)[number];
const SITUATIONS = ['in-scope', 'out-of-scope', 'other-region'] as const;
type Situation = (typeof SITUATIONS)[number];

/** An expected status; `bug` marks a known deviation (the case runs as it.fails and is reported). */
type Expect = number | { status: number; bug: string };
type Cell = Expect | Record<Situation, Expect>;

interface Ctx {
  fx: SecurityFixture;
  actor: Actor;
  /** The fixture user of the actor (for 'anoniem': the user whose credentials a public route uses). */
  who: Wie;
  situation: Situation | null;
}

interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  /** One cell per actor, in the order of ACTORS. */
  cells: readonly Cell[];
  /** The record id for :id, per situation. */
  id?: (c: Ctx & { situation: Situation }) => Promise<string> | string;
  /** Other path parameters (by name), per situation. */
  params?: (c: Ctx & { situation: Situation }) => Promise<Record<string, string>>;
  query?: (c: Ctx) => string;
  body?: (c: Ctx) => Promise<unknown> | unknown;
  /** Use a throwaway session (the route ends it). */
  throwawaySession?: boolean;
  /** Restore the state the request changed. */
  after?: (c: Ctx) => Promise<void>;
  /** Content type of a body that is not JSON. */
  contentType?: string;
}

// Short names for the table.
const R = ['vt-medewerker', 'vt-gedragswetenschapper', 'lokaal-team', 'politie', 'opvang', 'csg', 'zvh-coordinator', 'beleidsmedewerker', 'functioneel-beheerder', 'privacy-officer'] as const;
const SCOPED = (ok: number): Record<Situation, Expect> => ({ 'in-scope': ok, 'out-of-scope': 404, 'other-region': 404 });
const D200 = SCOPED(200); // dossier read: in scope 200, else 404
const BG201: Record<Situation, Expect> = { 'in-scope': 201, 'out-of-scope': 201, 'other-region': 404 }; // break-glass opens what is out of scope, never another region
const N201 = SCOPED(201); // a note of the own organisation on a household in scope
const TRAIL: Record<Situation, Expect> = { 'in-scope': 200, 'out-of-scope': 404, 'other-region': 404 };

// Which household is in scope (the actor's organisation is involved) and which is not, per actor.
const OWN_HH: Record<Actor, keyof SecurityFixture['hh']> = {
  'vt-medewerker': 'vt', 'vt-gedragswetenschapper': 'vt', 'lokaal-team': 'lt', politie: 'opv', opvang: 'opv', csg: 'opv',
  'zvh-coordinator': 'opv', beleidsmedewerker: 'opv', 'functioneel-beheerder': 'vt', 'privacy-officer': 'opv', anoniem: 'vt',
};
const NOT_OWN_HH: Record<Actor, keyof SecurityFixture['hh']> = {
  'vt-medewerker': 'opv', 'vt-gedragswetenschapper': 'opv', 'lokaal-team': 'vt', politie: 'vt', opvang: 'vt', csg: 'vt',
  'zvh-coordinator': 'vt', beleidsmedewerker: 'vt', 'functioneel-beheerder': 'opv', 'privacy-officer': 'vt', anoniem: 'opv',
};
const household = (c: Ctx & { situation: Situation }) =>
  c.fx.hh[c.situation === 'in-scope' ? OWN_HH[c.actor] : c.situation === 'out-of-scope' ? NOT_OWN_HH[c.actor] : 'other'];
const userId = (c: Ctx & { situation: Situation }) =>
  c.situation === 'in-scope' ? c.fx.user.politie.id : c.situation === 'out-of-scope' ? randomUUID() : c.fx.user['vt-ijsselland'].id;
let n = 0;
const uniq = () => `${Date.now().toString(36)}-${++n}`;
const openBreakGlass = async (fx: SecurityFixture, region: string) => {
  const [u, h] = region === REGIO ? [fx.user['zvh-coordinator'], fx.hh.opv] : [fx.user['vt-ijsselland'], fx.hh.other];
  const r = await fx.db.query<{ id: string }>(
    `INSERT INTO break_glass (region_id, user_id, household_id, reden, tot) VALUES ($1, $2, $3, 'Crisis in de nacht (matrix)', now() + interval '1 hour') RETURNING id`,
    [region, u.id, h],
  );
  return r.rows[0]!.id;
};

// The front door. VT roles' own household is H_VT; out of scope for them is H_OPV (registered by the opvang).
const vtHh = (c: Ctx & { situation: Situation }): 'vt' | 'opv' | 'other' => (c.situation === 'in-scope' ? 'vt' : c.situation === 'out-of-scope' ? 'opv' : 'other');
const contactOf = async (c: Ctx & { situation: Situation }) =>
  (await c.fx.db.query<{ id: string }>(`SELECT id FROM contact WHERE household_id = $1 AND type = 'melding' ORDER BY ontvangen_op LIMIT 1`, [household(c)])).rows[0]!.id;
const beoordelingOf = async (c: Ctx & { situation: Situation }) =>
  (await c.fx.db.query<{ id: string }>(`SELECT b.id FROM beoordeling b JOIN contact c ON c.id = b.contact_id WHERE c.source = 'sec-test' AND c.external_id = $1`, [
    { vt: 'SEC-M-VT', opv: 'SEC-M-OPV', other: 'SEC-M-OTHER' }[vtHh(c)],
  ])).rows[0]!.id;
/** The organisation a handover goes to, per actor: their own (in scope) or another one. */
const RECEIVER: Partial<Record<Actor, keyof SecurityFixture['org']>> = {
  'vt-medewerker': 'vt', 'vt-gedragswetenschapper': 'vt', 'lokaal-team': 'lt', opvang: 'opvang', csg: 'csg', 'zvh-coordinator': 'zvh',
};
const handover = (c: Ctx & { situation: Situation }) =>
  c.situation === 'other-region'
    ? vd.overdracht(c.fx, 'other', 'vtIjsselland')
    : vd.overdracht(c.fx, 'vt', c.situation === 'in-scope' ? (RECEIVER[c.actor] ?? 'politie') : c.actor === 'lokaal-team' ? 'opvang' : 'lt', null);
const ownOrOther = <T>(own: (w: Wie) => Promise<T>) => (c: Ctx & { situation: Situation }) =>
  c.situation === 'in-scope' ? own(c.who) : c.situation === 'out-of-scope' ? own(c.who === 'vt-medewerker' ? 'vt-gedragswetenschapper' : 'vt-medewerker') : own('vt-ijsselland');
const S200 = SCOPED(200);
// The household plan: the actor's own household, one they are not involved with, or one in another region.
const hhKey = (c: Ctx & { situation: Situation }): keyof SecurityFixture['hh'] =>
  c.situation === 'in-scope' ? OWN_HH[c.actor] : c.situation === 'out-of-scope' ? NOT_OWN_HH[c.actor] : 'other';
const planHh = (c: Ctx & { situation: Situation }) => pl.actiefPlan(c.fx, hhKey(c));
/** The matter of the TOP-3 session made last (the params of a row are made before its body). */
let laatsteOnderwerp = '';
/** A regie proposal to the actor (in scope), to someone else (out of scope), or in another region. */
const regieVoorstelAan = (c: Ctx & { situation: Situation }) =>
  c.situation === 'other-region'
    ? pl.regieVoorstel(c.fx, 'other', 'vt-ijsselland', 'vt-ijsselland')
    : pl.regieVoorstel(c.fx, hhKey({ ...c, situation: 'in-scope' }), 'lokaal-team-b', c.situation === 'in-scope' ? c.who : c.who === 'lokaal-team' ? 'opvang' : 'lokaal-team');
const R200 = SCOPED(200); // a handover: the receiving organisation only

/* prettier-ignore */
const TABLE: readonly Row[] = [
  //                                                              vt-m  vt-g  lt    pol   opv   csg   zvh   bel   fb    po    anon
  { method: 'GET', url: '/healthz',                       cells: [200,  200,  200,  200,  200,  200,  200,  200,  200,  200,  200] },
  { method: 'GET', url: '/readyz',                        cells: [200,  200,  200,  200,  200,  200,  200,  200,  200,  200,  200] },
  { method: 'GET', url: '/api/openapi.json',              cells: [200,  200,  200,  200,  200,  200,  200,  200,  200,  200,  200] },
  { method: 'GET', url: '/api/docs',                      cells: [302,  302,  302,  302,  302,  302,  302,  302,  302,  302,  302] }, // redirect to the web page
  { method: 'GET', url: '/api/v1/installatie',            cells: [200,  200,  200,  200,  200,  200,  200,  200,  200,  200,  200] },
  { method: 'GET', url: '/api/v1/regios',                 cells: [200,  200,  200,  200,  200,  200,  200,  200,  200,  200,  200] },
  { method: 'GET', url: '/api/v1/referentie/geweldsvormen', cells: [200, 200, 200,  200,  200,  200,  200,  200,  200,  200,  200] },
  { method: 'GET', url: '/api/v1/referentie/organisatietypen', cells: [200, 200, 200, 200, 200, 200,  200,  200,  200,  200,  200] },
  // Single sign-on is not configured in these tests: its public routes answer 404 to everyone.
  { method: 'GET', url: '/api/v1/auth/oidc/start',        cells: [404,  404,  404,  404,  404,  404,  404,  404,  404,  404,  404] },
  { method: 'GET', url: '/api/v1/auth/oidc/callback',     cells: [404,  404,  404,  404,  404,  404,  404,  404,  404,  404,  404],
    query: () => '?code=abc&state=def' },
  { method: 'POST', url: '/api/v1/auth/inloggen',         cells: [200,  200,  200,  200,  200,  200,  200,  200,  200,  200,  200],
    body: (c) => ({ email: c.fx.user[c.who].email, wachtwoord: PASSWORD }) },
  { method: 'POST', url: '/api/v1/auth/tweede-factor',    cells: [200,  200,  200,  200,  200,  200,  200,  200,  200,  200,  401],
    body: (c) => ({ code: totpCode(c.fx.user[c.who].totpSecret) }) },
  { method: 'GET', url: '/api/v1/auth/sessie',            cells: [200,  200,  200,  200,  200,  200,  200,  200,  200,  200,  401] },
  { method: 'POST', url: '/api/v1/auth/uitloggen',        cells: [204,  204,  204,  204,  204,  204,  204,  204,  204,  204,  401],
    throwawaySession: true },
  { method: 'POST', url: '/api/v1/auth/overal-uitloggen', cells: [204,  204,  204,  204,  204,  204,  204,  204,  204,  204,  401],
    throwawaySession: true, after: async (c) => { if (c.actor !== 'anoniem') await c.fx.renew(c.who); } },
  //                                                              vt-m  vt-g  lt    pol   opv   csg   zvh   bel   fb    po    anon
  { method: 'GET', url: '/api/v1/huishoudens',            cells: [200,  200,  200,  403,  200,  200,  200,  403,  403,  403,  401] },
  { method: 'GET', url: '/api/v1/huishoudens/:id',        cells: [D200, D200, D200, 403,  D200, D200, D200, 403,  403,  403,  401], id: household },
  { method: 'POST', url: '/api/v1/huishoudens/:id/notities', cells: [N201, N201, N201, 403, N201, N201, N201, 403, 403, 403, 401], id: household,
    body: () => ({ tekst: 'Notitie van de organisatie (matrix)', prive: true }),
    after: async (c) => { await c.fx.db.query(`DELETE FROM notitie WHERE tekst = 'Notitie van de organisatie (matrix)'`); } },
  { method: 'POST', url: '/api/v1/huishoudens/:id/break-glass', cells: [BG201, BG201, 403, 403, 403, 403, BG201, 403, 403, 403, 401], id: household,
    body: () => ({ reden: 'Acute crisis: veiligheidstaxatie nodig (matrix)' }),
    after: async (c) => { if (c.actor !== 'anoniem') await c.fx.db.query(`DELETE FROM break_glass WHERE user_id = $1`, [c.fx.user[c.who].id]); } },
  //                                                              vt-m  vt-g  lt    pol   opv   csg   zvh   bel   fb    po    anon
  { method: 'GET', url: '/api/v1/beheer/organisaties',    cells: [403,  403,  403,  403,  403,  403,  403,  403,  200,  403,  401] },
  { method: 'POST', url: '/api/v1/beheer/organisaties',   cells: [403,  403,  403,  403,  403,  403,  403,  403,  201,  403,  401],
    body: () => ({ naam: `Matrix organisatie ${uniq()}`, type: 'overig' }) },
  { method: 'POST', url: '/api/v1/beheer/organisaties/:id/teams', cells: [403, 403, 403, 403, 403, 403,  403,  403,  SCOPED(201), 403, 401],
    id: (c) => (c.situation === 'in-scope' ? c.fx.org.gemeente : c.situation === 'out-of-scope' ? randomUUID() : c.fx.org.vtIjsselland),
    body: () => ({ naam: `Matrix team ${uniq()}` }) },
  { method: 'GET', url: '/api/v1/beheer/gebruikers',      cells: [403,  403,  403,  403,  403,  403,  403,  403,  200,  403,  401] },
  { method: 'POST', url: '/api/v1/beheer/gebruikers',     cells: [403,  403,  403,  403,  403,  403,  403,  403,  201,  403,  401],
    body: (c) => ({ naam: 'Matrix Gebruiker', email: `matrix-${uniq()}@sec-test.samenveilig.example`, organisatieId: c.fx.org.politie, rollen: ['politie'] }) },
  { method: 'PATCH', url: '/api/v1/beheer/gebruikers/:id', cells: [403, 403,  403,  403,  403,  403,  403,  403,  SCOPED(200), 403, 401], id: userId,
    body: async (c) => ({ naam: 'Paul Politie', versie: (await c.fx.db.query<{ versie: number }>(`SELECT versie FROM app_user WHERE id = $1`, [c.fx.user.politie.id])).rows[0]!.versie }) },
  { method: 'POST', url: '/api/v1/beheer/gebruikers/:id/deblokkeren', cells: [403, 403, 403, 403, 403, 403, 403, 403, SCOPED(204), 403, 401], id: userId },
  //                                                              vt-m  vt-g  lt    pol   opv   csg   zvh   bel   fb    po    anon
  { method: 'GET', url: '/api/v1/privacy/personen',       cells: [403,  403,  403,  403,  403,  403,  403,  403,  403,  200,  401],
    query: () => '?zoek=Ltdossierman' },
  { method: 'GET', url: '/api/v1/privacy/audit/persoon/:id', cells: [403, 403, 403, 403,  403,  403,  403,  403,  403,  TRAIL, 401],
    id: (c) => (c.situation === 'in-scope' ? c.fx.persons.lt[0]! : c.situation === 'out-of-scope' ? randomUUID() : c.fx.persons.other[0]!) },
  { method: 'GET', url: '/api/v1/privacy/audit/gebruiker/:id', cells: [403, 403, 403, 403, 403,  403,  403,  403,  403,  TRAIL, 401],
    id: (c) => (c.situation === 'in-scope' ? c.fx.user['vt-medewerker'].id : c.situation === 'out-of-scope' ? randomUUID() : c.fx.user['vt-ijsselland'].id) },
  { method: 'GET', url: '/api/v1/privacy/break-glass',    cells: [403,  403,  403,  403,  403,  403,  403,  403,  403,  200,  401] },
  { method: 'POST', url: '/api/v1/privacy/break-glass/:id/beoordeling', cells: [403, 403, 403, 403, 403, 403, 403, 403, 403, SCOPED(200), 401],
    id: (c) => (c.situation === 'in-scope' ? openBreakGlass(c.fx, REGIO) : c.situation === 'out-of-scope' ? randomUUID() : openBreakGlass(c.fx, ANDERE_REGIO)),
    body: () => ({ beoordeling: 'terecht', toelichting: 'Terecht: acute crisis (matrix)' }) },
  { method: 'GET', url: '/api/v1/privacy/audit/verificatie', cells: [403, 403, 403,  403,  403,  403,  403,  403,  403,  200,  401] },
  //                                                              vt-m  vt-g  lt    pol   opv   csg   zvh   bel   fb    po    anon
  { method: 'POST', url: '/api/v1/intake',                cells: [201,  201,  403,  403,  403,  403,  403,  403,  403,  403,  401],
    body: () => ({ contact: { type: 'advies', ontvangenOp: new Date(Date.now() - 60_000).toISOString(), kanaal: 'telefoon', gemeente: 'GM0200', melder: { type: 'niet-beroepsmatig', relatie: 'buren', anoniem: true }, personen: [] } }) },
  { method: 'GET', url: '/api/v1/intake/concepten',       cells: [200,  200,  403,  403,  403,  403,  403,  403,  403,  403,  401] },
  { method: 'GET', url: '/api/v1/intake/concepten/:id',   cells: [S200, S200, 403,  403,  403,  403,  403,  403,  403,  403,  401], id: ownOrOther((w) => vd.concept(fx, w)) },
  { method: 'PUT', url: '/api/v1/intake/concepten/:id',   cells: [S200, S200, 403,  403,  403,  403,  403,  403,  403,  403,  401],
    id: (c) => (c.situation === 'in-scope' ? randomUUID() : ownOrOther((w) => vd.concept(fx, w))(c)), body: () => ({ data: { stap: 2 }, versie: 0 }) },
  { method: 'DELETE', url: '/api/v1/intake/concepten/:id', cells: [SCOPED(204), SCOPED(204), 403, 403, 403, 403, 403, 403, 403, 403, 401], id: ownOrOther((w) => vd.concept(fx, w)) },
  { method: 'POST', url: '/api/v1/radar/zoeken',          cells: [200,  200,  403,  403,  403,  403,  403,  403,  403,  403,  401],
    body: () => ({ personen: [{ ref: 'x', achternaam: 'Vtdossierman' }] }) },
  { method: 'POST', url: '/api/v1/contacten/professional', cells: [201, 201,  201,  201,  201,  201,  201,  403,  403,  403,  401],
    body: () => ({ sleutel: randomUUID(), type: 'advies', gemeente: 'GM0200', personen: [], omschrijving: 'Zorgen (matrix).' }) },
  { method: 'POST', url: '/api/v1/publiek/contact',       cells: [201,  201,  201,  201,  201,  201,  201,  201,  201,  201,  201],
    body: () => ({ sleutel: randomUUID(), soort: 'advies', gemeente: 'Apeldoorn', watIsEr: 'Zorgen om de buren (matrix).', kinderen: 'nee', melder: { relatie: 'buren', anoniem: true } }) },
  { method: 'POST', url: '/api/v1/import',                cells: [200,  200,  403,  200,  403,  403,  403,  403,  200,  403,  401],
    contentType: 'application/x-ndjson', body: () => vd.importRegel() },
  { method: 'GET', url: '/api/v1/werkvoorraad',           cells: [200,  200,  403,  403,  403,  403,  403,  403,  403,  403,  401] },
  { method: 'GET', url: '/api/v1/contacten/:id',          cells: [D200, D200, D200, 403,  D200, D200, D200, 403,  403,  403,  401], id: contactOf },
  { method: 'POST', url: '/api/v1/contacten/:id/omzetten-naar-melding', cells: [S200, S200, 403, 403, 403, 403, 403, 403, 403, 403, 401],
    id: async (c) => (await vd.nieuwContact(c.fx, vtHh(c), 'advies')).contactId,
    body: () => ({ reden: 'Namen bekend (matrix)', personen: [{ ref: 'a', rol: 'kind', achternaam: 'Omzetkind' }], relaties: [], versie: 1 }) },
  { method: 'POST', url: '/api/v1/contacten/:id/intrekken', cells: [S200, S200, 403, 403, 403, 403, 403, 403, 403, 403, 401],
    id: async (c) => (await vd.nieuwContact(c.fx, vtHh(c))).contactId, body: () => ({ reden: 'Dubbel geregistreerd (matrix).' }) },
  { method: 'PUT', url: '/api/v1/beoordelingen/:id/inhoud', cells: [S200, S200, 403, 403,  403,  403,  403,  403,  403,  403,  401], id: beoordelingOf,
    body: async (c) => ({ inhoud: { risicofactoren: ['escalatie'] }, versie: await vd.versieVan(c.fx, await beoordelingOf({ ...c, situation: c.situation! })) }) },
  { method: 'POST', url: '/api/v1/beoordelingen/:id/toewijzing', cells: [S200, S200, 403, 403, 403, 403,  403,  403,  403,  403,  401], id: beoordelingOf,
    body: async (c) => ({ aanMij: true, versie: await vd.versieVan(c.fx, await beoordelingOf({ ...c, situation: c.situation! })) }) },
  { method: 'POST', url: '/api/v1/beoordelingen/:id/besluit', cells: [S200, S200, 403, 403,  403,  403,  403,  403,  403,  403,  401],
    id: (c) => vd.klaarVoorBesluit(c.fx, vtHh(c)), body: () => ({ besluit: { soort: 'einde-bemoeienis', reden: 'Hulp loopt al (matrix).' }, versie: 1 }) },
  { method: 'POST', url: '/api/v1/beoordelingen/:id/besluit/intrekken', cells: [S200, S200, 403, 403, 403, 403, 403, 403, 403, 403, 401],
    id: async (c) => (await vd.voorstel(c.fx, vtHh(c), c.situation === 'other-region' ? 'vt-ijsselland' : c.who)).beoordelingId, body: () => ({ versie: 2 }) },
  { method: 'POST', url: '/api/v1/besluiten/:id/beoordeling', cells: [403, S200, 403, 403,  403,  403,  403,  403,  403,  403,  401],
    id: async (c) => (await vd.voorstel(c.fx, vtHh(c), c.situation === 'other-region' ? 'vt-ijsselland' : 'vt-medewerker')).besluitId,
    body: () => ({ antwoord: 'terugsturen', toelichting: 'Graag eerst de school spreken (matrix).' }) },
  { method: 'POST', url: '/api/v1/radar/kandidaten/:id/besluit', cells: [S200, S200, 403, 403, 403, 403,  403,  403,  403,  403,  401],
    id: (c) => vd.radarKandidaat(c.fx, vtHh(c)), body: () => ({ besluit: 'afwijzen' }) },
  { method: 'GET', url: '/api/v1/ketenpartners',          cells: [200,  200,  403,  403,  403,  403,  403,  403,  403,  403,  401] },
  { method: 'GET', url: '/api/v1/overdrachten',           cells: [200,  200,  200,  403,  200,  200,  200,  403,  403,  403,  401] },
  { method: 'GET', url: '/api/v1/overdrachten/:id',       cells: [R200, R200, R200, 403,  R200, R200, R200, 403,  403,  403,  401], id: handover },
  { method: 'POST', url: '/api/v1/overdrachten/:id/antwoord', cells: [R200, R200, R200, 403, R200, R200, R200, 403, 403,  403,  401], id: handover,
    body: () => ({ antwoord: 'accepteren', versie: 1 }) },
  { method: 'GET', url: '/api/v1/notificaties',           cells: [200,  200,  200,  200,  200,  200,  200,  200,  200,  200,  401] },
  { method: 'GET', url: '/api/v1/notificaties/aantal',    cells: [200,  200,  200,  200,  200,  200,  200,  200,  200,  200,  401] },
  { method: 'POST', url: '/api/v1/notificaties/:id/gelezen', cells: [SCOPED(204), SCOPED(204), SCOPED(204), SCOPED(204), SCOPED(204), SCOPED(204), SCOPED(204), SCOPED(204), SCOPED(204), SCOPED(204), 401],
    id: (c) => vd.notificatie(c.fx, c.situation === 'in-scope' ? c.who : c.situation === 'out-of-scope' ? (c.who === 'politie' ? 'csg' : 'politie') : 'vt-ijsselland') },
  { method: 'GET', url: '/api/v1/beheer/instellingen/termijnen', cells: [403, 403, 403, 403, 403, 403,  403,  403,  200,  403,  401] },
  { method: 'PUT', url: '/api/v1/beheer/instellingen/termijnen', cells: [403, 403, 403, 403, 403, 403,  403,  403,  200,  403,  401],
    body: async (c) => ({ acuutMinuten: 60, beoordeling: { eenheid: 'werkdagen', aantal: 5 }, onderzoekWeken: 10,
      versie: (await c.fx.db.query<{ versie: number }>(`SELECT versie FROM regio_instelling WHERE region_id = $1`, [REGIO])).rows[0]?.versie ?? 0 }) },
  { method: 'PUT', url: '/api/v1/beheer/teams/:id',       cells: [403,  403,  403,  403,  403,  403,  403,  403,  S200, 403,  401],
    id: (c) => (c.situation === 'in-scope' ? c.fx.team.b : c.situation === 'out-of-scope' ? randomUUID() : vd.teamAndereRegio(c.fx)),
    body: async (c) => ({ teamleiderId: null, werkgebied: ['GM0213'],
      versie: (await c.fx.db.query<{ versie: number }>(`SELECT versie FROM team WHERE id = $1`, [c.fx.team.b])).rows[0]!.versie }) },
  //                                                              vt-m  vt-g  lt    pol   opv   csg   zvh   bel   fb    po    anon
  // The household plan. Each actor's own household gets its plan (and casusregisseur) on first use.
  { method: 'GET', url: '/api/v1/huishoudens/:id/plan',   cells: [D200, D200, D200, 403,  D200, D200, D200, 403,  403,  403,  401], id: planHh },
  { method: 'PUT', url: '/api/v1/huishoudens/:id/plan',   cells: [S200, S200, S200, 403,  S200, S200, S200, 403,  403,  403,  401], id: planHh,
    body: async (c) => ({ inhoud: { netwerk: [{ id: 'oma', naam: `Oma ${uniq()}`, relatie: 'oma', rol: 'Haalt de kinderen op (matrix)' }] },
      versie: await pl.planVersie(c.fx, hhKey({ ...c, situation: c.situation! })) }) },
  { method: 'GET', url: '/api/v1/huishoudens/:id/plan/versies/:versie', cells: [D200, D200, D200, 403, D200, D200, D200, 403, 403, 403, 401], id: planHh,
    params: async () => ({ versie: '1' }) },
  { method: 'POST', url: '/api/v1/huishoudens/:id/plan/fase', cells: [S200, S200, S200, 403, S200, S200, S200, 403, 403,  403,  401], id: planHh,
    body: async (c) => ({ naar: 'directe-veiligheid', versie: await pl.planVersie(c.fx, hhKey({ ...c, situation: c.situation! })) }) },
  { method: 'POST', url: '/api/v1/fasevoorstellen/:id/beoordeling', cells: [S200, S200, S200, 403, S200, S200, S200, 403, 403, 403, 401],
    id: (c) => pl.faseVoorstel(c.fx, hhKey(c), c.situation === 'other-region' ? 'vt-ijsselland' : 'lokaal-team-b'), body: () => ({ antwoord: 'afwijzen', toelichting: 'Nog te vroeg (matrix).' }) },
  { method: 'GET', url: '/api/v1/huishoudens/:id/plan/afdruk', cells: [D200, D200, D200, 403, D200, D200, D200, 403, 403,  403,  401], id: planHh },
  { method: 'GET', url: '/api/v1/huishoudens/:id/regie/kandidaten', cells: [D200, D200, D200, 403, D200, D200, D200, 403, 403, 403, 401], id: planHh },
  { method: 'POST', url: '/api/v1/huishoudens/:id/regie/voorstellen', cells: [SCOPED(201), SCOPED(201), SCOPED(201), 403, SCOPED(201), SCOPED(201), SCOPED(201), 403, 403, 403, 401],
    id: async (c) => { const h = await planHh(c); await c.fx.db.query(`UPDATE regie_voorstel SET status = 'ingetrokken', beantwoord_op = now() WHERE household_id = $1 AND status = 'voorgesteld'`, [h]); return h; },
    body: (c) => ({ soort: 'procesregisseur', naarUserId: c.fx.user['lokaal-team-b'].id, toelichting: 'Veel partijen: procesregie nodig (matrix).' }) },
  { method: 'POST', url: '/api/v1/huishoudens/:id/procesregie/beeindigen', cells: [S200, S200, S200, 403, S200, S200, S200, 403, 403, 403, 401],
    id: (c) => (c.situation === 'in-scope' ? pl.maakProcesregisseur(c.fx, hhKey(c), c.who) : planHh(c)) },
  { method: 'GET', url: '/api/v1/regie/voorstellen',      cells: [200,  200,  200,  403,  200,  200,  200,  403,  403,  403,  401] },
  { method: 'GET', url: '/api/v1/regie/voorstellen/:id',  cells: [S200, S200, S200, 403,  S200, S200, S200, 403,  403,  403,  401], id: regieVoorstelAan },
  { method: 'POST', url: '/api/v1/regie/voorstellen/:id/antwoord', cells: [S200, S200, S200, 403, S200, S200, S200, 403, 403, 403, 401], id: regieVoorstelAan,
    body: () => ({ antwoord: 'weigeren', reden: 'Geen ruimte in mijn caseload (matrix).' }) },
  { method: 'POST', url: '/api/v1/regie/voorstellen/:id/intrekken', cells: [S200, S200, S200, 403, S200, S200, S200, 403, 403, 403, 401],
    id: (c) => (c.situation === 'other-region' ? pl.regieVoorstel(c.fx, 'other', 'vt-ijsselland', 'vt-ijsselland') : pl.regieVoorstel(c.fx, hhKey(c), c.situation === 'in-scope' ? c.who : 'lokaal-team-b', 'lokaal-team-b')) },
  { method: 'POST', url: '/api/v1/controlemomenten/:id/afronden', cells: [S200, S200, 403, 403, 403, 403,  403,  403,  403,  403,  401],
    id: (c) => pl.controlemoment(c.fx, vtHh(c)), body: () => ({ uitkomst: 'veilig', toelichting: 'School en lokaal team gesproken (matrix).' }) },
  //                                                              vt-m  vt-g  lt    pol   opv   csg   zvh   bel   fb    po    anon
  { method: 'POST', url: '/api/v1/huishoudens/:id/top3',  cells: [SCOPED(201), SCOPED(201), SCOPED(201), 403, SCOPED(201), SCOPED(201), SCOPED(201), 403, 403, 403, 401], id: planHh,
    body: (c) => ({ deelnemers: [{ soort: 'professional', userId: c.fx.user[c.who].id }, { soort: 'netwerk', naam: 'Oma Jansen' }] }) },
  { method: 'GET', url: '/api/v1/huishoudens/:id/top3',   cells: [D200, D200, D200, 403,  D200, D200, D200, 403,  403,  403,  401], id: planHh },
  { method: 'GET', url: '/api/v1/huishoudens/:id/top3/trends', cells: [D200, D200, D200, 403, D200, D200, D200, 403, 403, 403, 401], id: planHh },
  { method: 'PUT', url: '/api/v1/top3/:sessieId/inbreng/:deelnemerId', cells: [S200, S200, S200, 403, S200, S200, S200, 403, 403, 403, 401],
    params: async (c) => ({ ...(await pl.top3Sessie(c.fx, hhKey(c))) }),
    body: () => ({ inbreng: [{ onderwerp: 'Drank in huis', score: 2, reden: 'Vader drinkt als hij alleen is (matrix).' }], versie: 1 }) },
  { method: 'POST', url: '/api/v1/top3/:sessieId/vaststellen', cells: [S200, S200, S200, 403, S200, S200, S200, 403, 403, 403, 401],
    params: async (c) => { const r = await pl.top3SessieMetInbreng(c.fx, hhKey(c)); laatsteOnderwerp = r.onderwerpId; return { sessieId: r.sessieId }; },
    body: () => ({ gekozen: [laatsteOnderwerp], versie: 1 }) },
  { method: 'GET', url: '/api/v1/beheer/instellingen/plan', cells: [403, 403,  403,  403,  403,  403,  403,  403,  200,  403,  401] },
  { method: 'PUT', url: '/api/v1/beheer/instellingen/plan', cells: [403, 403,  403,  403,  403,  403,  403,  403,  200,  403,  401],
    body: async (c) => ({ dagenZonderGeweld: 91, controleMaanden: [3, 12],
      versie: (await c.fx.db.query<{ versie: number }>(`SELECT versie FROM regio_instelling WHERE region_id = $1`, [REGIO])).rows[0]?.versie ?? 0 }) },
  // The figures: Veilig Thuis, the ZVH coordinator and the beleidsmedewerker (protected cells); another region is tested in cijfers.test.ts.
  { method: 'GET', url: '/api/v1/cijfers', cells: [200, 200,  403,  403,  403,  403,  200,  200,  403,  403,  401], query: () => '?periode=2024' },
  { method: 'GET', url: '/api/v1/cijfers/export', cells: [200, 200,  403,  403,  403,  403,  200,  200,  403,  403,  401], query: () => '?periode=2024-K1&formaat=csv' },
  { method: 'GET', url: '/api/v1/beheer/instellingen/cijfers', cells: [403, 403,  403,  403,  403,  403,  403,  403,  200,  403,  401] },
  { method: 'PUT', url: '/api/v1/beheer/instellingen/cijfers', cells: [403, 403,  403,  403,  403,  403,  403,  403,  200,  403,  401],
    body: async (c) => ({ afronden: false,
      versie: (await c.fx.db.query<{ versie: number }>(`SELECT versie FROM regio_instelling WHERE region_id = $1`, [REGIO])).rows[0]?.versie ?? 0 }) },
];

/** Every route the table covers: its rows, and the HEAD route Fastify adds to each GET route (same expectations). */
const tableRoutes = () => [...TABLE.map((r) => `${r.method} ${r.url}`), ...TABLE.filter((r) => r.method === 'GET').map((r) => `HEAD ${r.url}`)].sort();

const ERROR_CODE: Record<number, string> = { 400: 'ongeldige_invoer', 401: 'niet_ingelogd', 403: 'geen_toegang', 404: 'niet_gevonden' };

let t: TestDb;
let fx: SecurityFixture;
let app: FastifyInstance;
let discovered: DiscoveredRoute[];

beforeAll(async () => {
  t = await createTestDb();
  fx = await createSecurityFixture(t.db);
  ({ app, routes: discovered } = await buildAppRecordingRoutes(() => buildApp({ config: securityConfig(), db: t.db })));
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

describe(`access matrix (${testDbKind()})`, () => {
  it('the table has exactly one row per route of the app (a new route needs a row)', () => {
    expect(TABLE.every((r) => r.cells.length === ACTORS.length)).toBe(true);
    const seen = discovered.map((r) => `${r.method} ${r.url}`).sort();
    expect(new Set(tableRoutes()).size).toBe(tableRoutes().length);
    expect(seen).toEqual(tableRoutes());
  });

  for (const row of TABLE) {
    for (const method of row.method === 'GET' ? (['GET', 'HEAD'] as const) : [row.method]) {
      describe(`${method} ${row.url}`, () => {
        ACTORS.forEach((actor, i) => {
          const cell = row.cells[i]!;
          const cases: [Situation | null, Expect][] =
            typeof cell === 'object' && !('status' in cell) ? SITUATIONS.map((s) => [s, cell[s]]) : [[null, cell as Expect]];
          if ((row.url.includes(':id') || row.params) && cases.length === 1) cases.splice(0, 1, ...SITUATIONS.map((s): [Situation, Expect] => [s, cell as Expect]));
          for (const [situation, expected] of cases) {
            const status = typeof expected === 'number' ? expected : expected.status;
            const bug = typeof expected === 'number' ? undefined : expected.bug;
            const name = `${actor}${situation ? ` / ${situation}` : ''} → ${status}${bug ? ` (known bug: ${bug})` : ''}`;
            (bug ? it.fails : it)(name, async () => {
              const who: Wie = actor === 'anoniem' ? 'beleidsmedewerker' : actor;
              const c: Ctx = { fx, actor, who, situation };
              let url = row.url;
              if (url.includes(':id')) url = url.replace(':id', await row.id!({ ...c, situation: situation! }));
              for (const [k, v] of Object.entries((await row.params?.({ ...c, situation: situation! })) ?? {})) url = url.replace(`:${k}`, v);
              url += row.query?.(c) ?? '';
              let headers: Record<string, string> = {};
              if (actor !== 'anoniem') headers = row.throwawaySession ? (await fx.extraSession(who)).headers : fx.as(who);
              const payload = row.body ? await row.body(c) : undefined;
              try {
                if (row.contentType) headers = { ...headers, 'content-type': row.contentType };
              const res = await app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
                expect(res.statusCode, `${method} ${url} as ${actor}: ${res.body.slice(0, 300)}`).toBe(status);
                if (method !== 'HEAD' && status >= 400) {
                  const body = res.json() as { error: { code: string; message: string; requestId: string } };
                  expect(body.error).toMatchObject({ code: ERROR_CODE[status], message: expect.any(String), requestId: expect.any(String) });
                }
                for (const p of INTERNAL_TEXT.slice(0, 4)) expect(res.body).not.toMatch(p);
              } finally {
                await row.after?.(c);
              }
            });
          }
        });
      });
    }
  }
});
