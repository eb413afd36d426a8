/**
 * The fixture of the security test suite (packages/server/src/security-tests): a region with one
 * organisation per kind of chain partner, one user per role, households with a known set of
 * involvements, a melder with an identity, secret addresses and classified notes, and a household
 * in another region. Every user has a password and a TOTP secret (login can be tested) and a ready,
 * fully authenticated session (fast: most tests need no login).
 *
 * Involvements (need-to-know):
 * - H_VT    registered by Veilig Thuis; only Veilig Thuis is involved. Anonymous melder.
 * - H_LT    registered by Veilig Thuis, handed over to the lokaal team for team A only. Melder with an
 *           identity, a person with a secret address held by Veilig Thuis, a 'medisch' and an 'algemeen' note.
 * - H_OPV   registered by the opvang (which holds its secret address); CSG, ZVH, politie and gemeente
 *           are involved by referral (verwijzing). Veilig Thuis and the lokaal team are not involved.
 * - H_OTHER in region ijsselland, registered by the Veilig Thuis of that region.
 */
import diagnostics from 'node:diagnostics_channel';
import type { FastifyInstance } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { ROLLEN, type Rol } from '@samenveilig/domain';
import { hashPassword, newTotpSecret } from '../auth/credentials.js';
import { createSession, SESSION_COOKIE } from '../auth/sessions.js';
import { loadConfig, type Config } from '../config.js';
import type { Database } from '../db/database.js';
import { importLines } from '../import/loader.js';
import { advies, melding } from './fixtures.js';

export const REGIO = 'noord-veluwe-mijov';
export const ANDERE_REGIO = 'ijsselland';
export const SOURCE = 'sec-test';

/** Every user of the fixture: one per role, a second lokaal-team user (team B), and a VT user of another region. */
export type Wie = Rol | 'lokaal-team-b' | 'vt-ijsselland';
export const WIE: readonly Wie[] = [...ROLLEN, 'lokaal-team-b', 'vt-ijsselland'];

/** The one password of every fixture user (hashed once: argon2id is slow on purpose). */
export const PASSWORD = 'Fictief-Wachtwoord-Voor-Tests-42';

export interface FixtureUser {
  readonly key: Wie;
  readonly id: string;
  readonly naam: string;
  readonly email: string;
  readonly password: string;
  readonly totpSecret: string;
  readonly regionId: string;
  readonly organisationId: string;
  readonly teamId: string | null;
  readonly roles: readonly Rol[];
  /** The current ready session (replaced by renew()). */
  token: string;
  csrf: string;
}

/** Values that must never reach a user without the right to see them. */
export const SECRETS = {
  /** Identity of the melder of the melding on H_LT: Veilig Thuis in scope only. */
  melder: { naam: 'Mirjam Meldergeheim', organisatie: 'Basisschool De Meldboom', telefoon: '055-5550199', email: 'mirjam.meldergeheim@meldboom.example' },
  /** Secret address on H_LT, held by Veilig Thuis. */
  geheimAdresLt: { straat: 'Schuilhoflaan', huisnummer: 7, postcode: '7311ZZ', postcodeInvoer: '7311 ZZ', woonplaats: 'Apeldoorn' },
  /** Secret address on H_OPV, held by the opvang. */
  geheimAdresOpv: { straat: 'Opvanghofje', huisnummer: 3, postcode: '7312QQ', postcodeInvoer: '7312 QQ', woonplaats: 'Apeldoorn' },
  /** Note texts on H_LT. */
  notitieMedisch: 'MEDISCH-NOTITIE: fictieve diagnose, alleen voor medische rollen',
  notitieAlgemeen: 'ALGEMENE-NOTITIE: huisbezoek gepland met lokaal team',
  /** Markers of the household in the other region: never seen by anyone in this region. */
  andereRegio: { achternaam: 'Anderregiovan', straat: 'Overregiostraat', postcode: '8011AA', bsn: '123456782', melderNaam: 'Oswin Overregio', melderEmail: 'oswin@overregio.example' },
} as const;

export interface SecurityFixture {
  readonly db: Database;
  readonly org: { vt: string; lt: string; opvang: string; politie: string; csg: string; zvh: string; gemeente: string; vtIjsselland: string };
  readonly team: { a: string; b: string };
  readonly user: Record<Wie, FixtureUser>;
  /** Household ids. */
  readonly hh: { vt: string; lt: string; opv: string; other: string };
  /** Person ids of the members of each household. */
  readonly persons: { vt: string[]; lt: string[]; opv: string[]; other: string[] };
  /** The persons with a secret address. */
  readonly geheimPersoon: { lt: string; opv: string };
  readonly notitie: { medisch: string; algemeen: string };
  /** Headers of a user's ready session: the session cookie and the CSRF token. */
  as(who: Wie): { cookie: string; 'x-csrf-token': string };
  /** A new ready session for a user (the old one is left as it is); becomes the one as() uses. */
  renew(who: Wie): Promise<void>;
  /** An extra session for a user (e.g. to log out with), not used by as(). */
  extraSession(who: Wie, opts?: { secondFactorOk?: boolean }): Promise<{ token: string; csrf: string; headers: { cookie: string; 'x-csrf-token': string } }>;
}

const cookieOf = (token: string) => `${SESSION_COOKIE}=${token}`;

interface UserSpec {
  naam: string;
  org: keyof SecurityFixture['org'];
  team?: 'a' | 'b';
  roles: Rol[];
  region: string;
}

const USER_SPECS: Record<Wie, UserSpec> = {
  'vt-medewerker': { naam: 'Vera Medewerker', org: 'vt', roles: ['vt-medewerker'], region: REGIO },
  'vt-gedragswetenschapper': { naam: 'Gijs Gedragswetenschapper', org: 'vt', roles: ['vt-gedragswetenschapper'], region: REGIO },
  'lokaal-team': { naam: 'Lotte Lokaalteam-A', org: 'lt', team: 'a', roles: ['lokaal-team'], region: REGIO },
  politie: { naam: 'Paul Politie', org: 'politie', roles: ['politie'], region: REGIO },
  opvang: { naam: 'Olga Opvang', org: 'opvang', roles: ['opvang'], region: REGIO },
  csg: { naam: 'Celine Csg', org: 'csg', roles: ['csg'], region: REGIO },
  'zvh-coordinator': { naam: 'Zeno Zvh', org: 'zvh', roles: ['zvh-coordinator'], region: REGIO },
  beleidsmedewerker: { naam: 'Bea Beleid', org: 'gemeente', roles: ['beleidsmedewerker'], region: REGIO },
  // In the Veilig Thuis organisation on purpose: being in an involved organisation gives no dossier access to this role.
  'functioneel-beheerder': { naam: 'Frank Beheerder', org: 'vt', roles: ['functioneel-beheerder'], region: REGIO },
  'privacy-officer': { naam: 'Pia Privacy', org: 'gemeente', roles: ['privacy-officer'], region: REGIO },
  'lokaal-team-b': { naam: 'Lars Lokaalteam-B', org: 'lt', team: 'b', roles: ['lokaal-team'], region: REGIO },
  'vt-ijsselland': { naam: 'Iris IJsselland', org: 'vtIjsselland', roles: ['vt-medewerker'], region: ANDERE_REGIO },
};

export async function createSecurityFixture(db: Database): Promise<SecurityFixture> {
  // Organisations and teams.
  const orgSpecs: Record<keyof SecurityFixture['org'], [string, string, string, string]> = {
    vt: [REGIO, 'veilig-thuis', 'Veilig Thuis Noord-Veluwe (test)', 'GM0200'],
    lt: [REGIO, 'lokaal-team', 'Lokaal team Apeldoorn (test)', 'GM0200'],
    opvang: [REGIO, 'vrouwenopvang', 'Opvang Apeldoorn (test)', 'GM0200'],
    politie: [REGIO, 'politie', 'Politie basisteam Apeldoorn (test)', 'GM0200'],
    csg: [REGIO, 'centrum-seksueel-geweld', 'Centrum Seksueel Geweld (test)', 'GM0200'],
    zvh: [REGIO, 'zorg-en-veiligheidshuis', 'Zorg- en Veiligheidshuis (test)', 'GM0200'],
    gemeente: [REGIO, 'gemeente', 'Gemeente Apeldoorn (test)', 'GM0200'],
    vtIjsselland: [ANDERE_REGIO, 'veilig-thuis', 'Veilig Thuis IJsselland (test)', 'GM0193'],
  };
  const org = {} as Record<keyof SecurityFixture['org'], string>;
  for (const [key, [region, type, naam, gemeente]] of Object.entries(orgSpecs) as [keyof SecurityFixture['org'], [string, string, string, string]][]) {
    const r = await db.query<{ id: string }>(`INSERT INTO organisation (region_id, type, naam, gemeente_code) VALUES ($1, $2, $3, $4) RETURNING id`, [region, type, naam, gemeente]);
    org[key] = r.rows[0]!.id;
  }
  const team = { a: '', b: '' };
  for (const k of ['a', 'b'] as const) {
    const r = await db.query<{ id: string }>(`INSERT INTO team (region_id, organisation_id, naam) VALUES ($1, $2, $3) RETURNING id`, [REGIO, org.lt, `Team ${k.toUpperCase()}`]);
    team[k] = r.rows[0]!.id;
  }

  // Users with credentials and a ready session.
  const hash = await hashPassword(PASSWORD);
  const user = {} as Record<Wie, FixtureUser>;
  for (const key of WIE) {
    const spec = USER_SPECS[key];
    const email = `${key}@sec-test.samenveilig.example`;
    const totpSecret = newTotpSecret();
    const teamId = spec.team ? team[spec.team] : null;
    const u = await db.query<{ id: string }>(
      `INSERT INTO app_user (region_id, organisation_id, team_id, naam, email, password_hash, totp_secret) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [spec.region, org[spec.org], teamId, spec.naam, email, hash, totpSecret],
    );
    const id = u.rows[0]!.id;
    for (const rol of spec.roles) await db.query(`INSERT INTO user_role (user_id, region_id, rol) VALUES ($1, $2, $3)`, [id, spec.region, rol]);
    const s = await createSession(db, { id, region_id: spec.region }, { secondFactorOk: true, maxHours: 12 });
    user[key] = { key, id, naam: spec.naam, email, password: PASSWORD, totpSecret, regionId: spec.region, organisationId: org[spec.org], teamId, roles: spec.roles, token: s.token, csrf: s.csrfToken };
  }

  // Households, through the one import path.
  const { melder, geheimAdresLt, geheimAdresOpv, andereRegio } = SECRETS;
  const hhVt = melding({
    externalId: 'SEC-M-VT',
    gemeente: 'GM0200',
    kanaal: 'telefoon',
    melder: { type: 'niet-beroepsmatig', relatie: 'buren', anoniem: true },
    huishouden: { externalId: 'SEC-HH-VT' },
    personen: [
      { ref: 'a', externalId: 'SEC-P-VT-a', rol: 'slachtoffer', voornamen: 'Vera', achternaam: 'Vtdossierman', geboortedatum: '1985-01-01', geslacht: 'vrouw', adres: { straat: 'Proefstraat', huisnummer: 12, postcode: '7311 AB', woonplaats: 'Apeldoorn', geheim: false } },
      { ref: 'b', externalId: 'SEC-P-VT-b', rol: 'pleger', voornamen: 'Victor', achternaam: 'Vtdossierman', geboortedatum: '1983-01-01', geslacht: 'man' },
      { ref: 'c', rol: 'kind', voornamen: 'Vince', achternaam: 'Vtdossierman', geboortedatum: '2015-01-01', geslacht: 'man' },
    ],
    omschrijving: 'Buren horen geschreeuw (testmelding H_VT).',
  });
  const hhVtAdvies = advies({ externalId: 'SEC-A-VT', gemeente: 'GM0200', huishouden: { externalId: 'SEC-HH-VT' } });
  const hhLt = melding({
    externalId: 'SEC-M-LT',
    gemeente: 'GM0200',
    kanaal: 'telefoon',
    melder: { type: 'beroepskracht', sector: 'onderwijs', naam: melder.naam, organisatie: melder.organisatie, telefoon: melder.telefoon, email: melder.email },
    huishouden: { externalId: 'SEC-HH-LT' },
    personen: [
      {
        ref: 'a',
        externalId: 'SEC-P-LT-a',
        rol: 'slachtoffer',
        voornamen: 'Linda',
        achternaam: 'Ltdossierman',
        geboortedatum: '1990-02-14',
        geslacht: 'vrouw',
        bsn: '111222333',
        adres: { straat: geheimAdresLt.straat, huisnummer: geheimAdresLt.huisnummer, postcode: geheimAdresLt.postcodeInvoer, woonplaats: geheimAdresLt.woonplaats, geheim: true },
      },
      { ref: 'b', externalId: 'SEC-P-LT-b', rol: 'pleger', voornamen: 'Luuk', achternaam: 'Ltdossierman', geboortedatum: '1988-07-01', geslacht: 'man' },
      { ref: 'c', rol: 'kind', voornamen: 'Lieke', achternaam: 'Ltdossierman', geboortedatum: '2016-05-05', geslacht: 'vrouw' },
    ],
    omschrijving: 'Leerkracht maakt zich zorgen (testmelding H_LT).',
  });
  const hhOpv = melding({
    externalId: 'SEC-M-OPV',
    gemeente: 'GM0200',
    kanaal: 'telefoon',
    melder: { type: 'niet-beroepsmatig', relatie: 'betrokkene-zelf' },
    huishouden: { externalId: 'SEC-HH-OPV' },
    personen: [
      {
        ref: 'a',
        externalId: 'SEC-P-OPV-a',
        rol: 'slachtoffer',
        voornamen: 'Olivia',
        achternaam: 'Opvangdossierman',
        geboortedatum: '1992-03-03',
        geslacht: 'vrouw',
        adres: { straat: geheimAdresOpv.straat, huisnummer: geheimAdresOpv.huisnummer, postcode: geheimAdresOpv.postcodeInvoer, woonplaats: geheimAdresOpv.woonplaats, geheim: true },
      },
      { ref: 'b', externalId: 'SEC-P-OPV-b', rol: 'pleger', voornamen: 'Otto', achternaam: 'Opvangdossierman', geboortedatum: '1990-03-03', geslacht: 'man' },
    ],
    relaties: [{ van: 'b', naar: 'a', type: 'ex-partner' }],
    omschrijving: 'Aanmelding voor opvang (testmelding H_OPV).',
  });
  const hhOther = melding({
    externalId: 'SEC-M-OTHER',
    gemeente: 'GM0193',
    kanaal: 'telefoon',
    melder: { type: 'niet-beroepsmatig', relatie: 'familie', naam: andereRegio.melderNaam, email: andereRegio.melderEmail },
    huishouden: { externalId: 'SEC-HH-OTHER' },
    personen: [
      {
        ref: 'a',
        externalId: 'SEC-P-OTHER-a',
        rol: 'slachtoffer',
        voornamen: 'Anna',
        achternaam: andereRegio.achternaam,
        geboortedatum: '1979-09-09',
        geslacht: 'vrouw',
        bsn: andereRegio.bsn,
        adres: { straat: andereRegio.straat, huisnummer: 1, postcode: '8011 AA', woonplaats: 'Zwolle', geheim: false },
      },
      { ref: 'b', externalId: 'SEC-P-OTHER-b', rol: 'pleger', voornamen: 'Arend', achternaam: andereRegio.achternaam, geboortedatum: '1978-09-09', geslacht: 'man' },
      { ref: 'c', rol: 'kind', voornamen: 'Aafke', achternaam: andereRegio.achternaam, geboortedatum: '2012-09-09', geslacht: 'vrouw' },
    ],
    omschrijving: 'Melding in een andere regio (testmelding H_OTHER).',
  });
  const imports: [unknown[], string][] = [
    [[hhVt, hhVtAdvies, hhLt], org.vt],
    [[hhOpv], org.opvang],
    [[hhOther], org.vtIjsselland],
  ];
  for (const [lines, registeredBy] of imports) {
    const s = await importLines(db, lines, { source: SOURCE, registeredBy });
    if (s.rejected > 0 || s.stored !== lines.length) throw new Error(`security fixture: import failed: ${JSON.stringify(s.errors)}`);
  }
  const hhId = async (ext: string) => (await db.query<{ id: string }>(`SELECT id FROM household WHERE source = $1 AND external_id = $2`, [SOURCE, ext])).rows[0]!.id;
  const hh = { vt: await hhId('SEC-HH-VT'), lt: await hhId('SEC-HH-LT'), opv: await hhId('SEC-HH-OPV'), other: await hhId('SEC-HH-OTHER') };
  const membersOf = async (id: string) =>
    (await db.query<{ person_id: string }>(`SELECT person_id FROM household_member WHERE household_id = $1 ORDER BY person_id`, [id])).rows.map((r) => r.person_id);
  const persons = { vt: await membersOf(hh.vt), lt: await membersOf(hh.lt), opv: await membersOf(hh.opv), other: await membersOf(hh.other) };
  const personByExt = async (ext: string) => (await db.query<{ id: string }>(`SELECT id FROM person WHERE source = $1 AND external_id = $2`, [SOURCE, ext])).rows[0]!.id;
  const geheimPersoon = { lt: await personByExt('SEC-P-LT-a'), opv: await personByExt('SEC-P-OPV-a') };

  // Further involvements: H_LT handed over to team A of the lokaal team; H_OPV referred to CSG, ZVH, politie and gemeente.
  await db.query(`INSERT INTO household_involvement (household_id, region_id, organisation_id, team_id, grondslag) VALUES ($1, $2, $3, $4, 'overdracht')`, [hh.lt, REGIO, org.lt, team.a]);
  for (const o of [org.csg, org.zvh, org.politie, org.gemeente]) {
    await db.query(`INSERT INTO household_involvement (household_id, region_id, organisation_id, grondslag) VALUES ($1, $2, $3, 'verwijzing')`, [hh.opv, REGIO, o]);
  }

  // Notes on H_LT, written at Veilig Thuis.
  const note = async (klasse: string, tekst: string) =>
    (
      await db.query<{ id: string }>(
        `INSERT INTO notitie (region_id, household_id, organisation_id, auteur_id, klasse, tekst) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [REGIO, hh.lt, org.vt, user['vt-medewerker'].id, klasse, tekst],
      )
    ).rows[0]!.id;
  const notitie = { medisch: await note('medisch', SECRETS.notitieMedisch), algemeen: await note('algemeen', SECRETS.notitieAlgemeen) };

  const extraSession: SecurityFixture['extraSession'] = async (who, opts = {}) => {
    const u = user[who];
    const s = await createSession(db, { id: u.id, region_id: u.regionId }, { secondFactorOk: opts.secondFactorOk ?? true, maxHours: 12 });
    return { token: s.token, csrf: s.csrfToken, headers: { cookie: cookieOf(s.token), 'x-csrf-token': s.csrfToken } };
  };
  return {
    db,
    org,
    team,
    user,
    hh,
    persons,
    geheimPersoon,
    notitie,
    as: (who) => ({ cookie: cookieOf(user[who].token), 'x-csrf-token': user[who].csrf }),
    async renew(who) {
      const s = await extraSession(who);
      user[who].token = s.token;
      user[who].csrf = s.csrf;
    },
    extraSession,
  };
}

/** The configuration of the security tests: no demo, quiet logs, a login rate limit that ordinary tests never reach. */
export function securityConfig(over: { logLevel?: Config['logLevel']; login?: Partial<Config['login']>; trustProxy?: Config['trustProxy']; bodyLimit?: number } = {}): Config {
  const base = loadConfig({ SAMENVEILIG_DEMO: 'false', LOG_LEVEL: 'silent' });
  return {
    ...base,
    logLevel: over.logLevel ?? base.logLevel,
    trustProxy: over.trustProxy ?? base.trustProxy,
    bodyLimit: over.bodyLimit ?? base.bodyLimit,
    login: { ...base.login, ratePerMinute: 10_000, ...over.login },
    publiekPerUur: 10_000,
  };
}

/** The current TOTP code of a secret (what the authenticator app shows). */
export const totpCode = (secret: string, at = Date.now()) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at });

/** A well-formed code that is not accepted now (not the code of the previous, current or next 30 s step). */
export function wrongTotpCode(secret: string): string {
  const near = new Set([-60_000, -30_000, 0, 30_000, 60_000].map((d) => totpCode(secret, Date.now() + d)));
  for (const c of ['000000', '111111', '222222', '333333', '444444', '555555', '666666']) if (!near.has(c)) return c;
  throw new Error('unreachable');
}

export interface DiscoveredRoute {
  method: string;
  url: string;
}

/**
 * Builds an app while recording every route it registers (an onRoute hook added the moment the Fastify
 * instance is created, through Fastify's diagnostics channel), so no route can escape the tests.
 * HEAD routes that Fastify adds for GET routes are included; the static files of the web app are not.
 */
export async function buildAppRecordingRoutes(build: () => Promise<FastifyInstance>): Promise<{ app: FastifyInstance; routes: DiscoveredRoute[] }> {
  const routes: DiscoveredRoute[] = [];
  const onInit = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook('onRoute', (r) => {
      for (const method of [r.method].flat()) routes.push({ method: String(method), url: r.url });
    });
  };
  diagnostics.subscribe('fastify.initialization', onInit);
  let app: FastifyInstance;
  try {
    app = await build();
  } finally {
    diagnostics.unsubscribe('fastify.initialization', onInit);
  }
  await app.ready();
  const isStatic = (r: DiscoveredRoute) => r.url === '/*' || r.url === '/';
  const seen = new Set<string>();
  const unique = routes.filter((r) => !isStatic(r) && !seen.has(`${r.method} ${r.url}`) && seen.add(`${r.method} ${r.url}`));
  return { app, routes: unique };
}

/** Patterns of a stack trace or internal error text that must never reach a client. */
export const INTERNAL_TEXT = [
  /^\s*at .+[(:]\d+/m,
  /\bat (async )?[\w$.<>]+ \(/,
  /\.(ts|js|mjs|cjs):\d+:\d+/,
  /node_modules/,
  /\/work\/|\/srv\/|\/home\//,
  /\b(TypeError|ReferenceError|SyntaxError|RangeError)\b/,
  /Cannot read propert/,
  /duplicate key|violates|syntax error at|invalid input syntax|relation "|column "|postgres(ql)?:\/\//i,
  /\bSELECT\b.+\bFROM\b|\bINSERT INTO\b|\bUPDATE\b.+\bSET\b/,
  /FST_ERR|ERR_[A-Z_]{4,}/,
];
