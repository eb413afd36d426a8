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
          if (row.url.includes(':id') && cases.length === 1) cases.splice(0, 1, ...SITUATIONS.map((s): [Situation, Expect] => [s, cell as Expect]));
          for (const [situation, expected] of cases) {
            const status = typeof expected === 'number' ? expected : expected.status;
            const bug = typeof expected === 'number' ? undefined : expected.bug;
            const name = `${actor}${situation ? ` / ${situation}` : ''} → ${status}${bug ? ` (known bug: ${bug})` : ''}`;
            (bug ? it.fails : it)(name, async () => {
              const who: Wie = actor === 'anoniem' ? 'beleidsmedewerker' : actor;
              const c: Ctx = { fx, actor, who, situation };
              let url = row.url;
              if (url.includes(':id')) url = url.replace(':id', await row.id!({ ...c, situation: situation! }));
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
