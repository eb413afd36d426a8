/**
 * Insecure direct object references: guessed, sequential-looking, malformed and other-region ids,
 * list parameters that try to widen the scope, team scoping within an organisation, and break-glass
 * (time-boxed, one household, never another region).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../http/app.js';
import { createTestDb, testDbKind, type TestDb } from '../test-support/db.js';
import { createSecurityFixture, SECRETS, securityConfig, type SecurityFixture, type Wie } from '../test-support/security.js';

let t: TestDb;
let fx: SecurityFixture;
let app: FastifyInstance;

beforeAll(async () => {
  t = await createTestDb();
  fx = await createSecurityFixture(t.db);
  app = await buildApp({ config: securityConfig(), db: t.db, webDir: '/nonexistent' });
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const get = (who: Wie, url: string) => app.inject({ method: 'GET', url, headers: fx.as(who) });
const post = (who: Wie, url: string, payload?: object) => app.inject({ method: 'POST', url, headers: fx.as(who), ...(payload ? { payload } : {}) });
const list = async (who: Wie, query = '?perPagina=100') => {
  const r = await get(who, `/api/v1/huishoudens${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return (r.json() as { items: { id: string }[]; totaal: number }).items.map((i) => i.id).sort();
};
/** The body of a 404 without its request id: every "not found" must look the same. */
const notFoundShape = (body: string) => {
  const e = (JSON.parse(body) as { error: { code: string; message: string; requestId?: string } }).error;
  return { code: e.code, message: e.message };
};
/** No other region's data in a response. */
const noOtherRegion = (body: string) => {
  expect(body).not.toContain(fx.hh.other);
  for (const p of fx.persons.other) expect(body).not.toContain(p);
  for (const v of Object.values(SECRETS.andereRegio)) expect(body).not.toContain(v);
};

/** Ids that look like ours: the same uuidv7 with the last hex digits counted up and down, and classic guesses. */
function lookAlikes(id: string): string[] {
  const tail = parseInt(id.slice(-4), 16);
  const near = [-2, -1, 1, 2, 3].map((d) => `${id.slice(0, -4)}${((tail + d + 0x10000) % 0x10000).toString(16).padStart(4, '0')}`);
  return [...near, '00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000001', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '01000000-0000-7000-8000-000000000001'];
}

const MALFORMED = [
  '1',
  '0',
  '-1',
  'abc',
  'null',
  'undefined',
  "1'%20OR%20'1'='1",
  '%27%3B%20DROP%20TABLE%20household%3B--',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '%E2%80%AE',
  '{}',
  '[]',
  '1e9',
  'x'.repeat(100),
];

describe(`guessed and foreign ids (${testDbKind()})`, () => {
  it('random UUIDs are 404 for every dossier role, with the same body as an out-of-scope record', async () => {
    const outOfScope = await get('vt-medewerker', `/api/v1/huishoudens/${fx.hh.opv}`);
    expect(outOfScope.statusCode).toBe(404);
    for (const who of ['vt-medewerker', 'vt-gedragswetenschapper', 'lokaal-team', 'opvang', 'csg', 'zvh-coordinator'] as const) {
      for (let i = 0; i < 5; i++) {
        const r = await get(who, `/api/v1/huishoudens/${randomUUID()}`);
        expect(r.statusCode).toBe(404);
        expect(notFoundShape(r.body)).toEqual(notFoundShape(outOfScope.body));
      }
    }
  });

  it('sequential-looking ids next to real ones are 404', async () => {
    for (const id of [...lookAlikes(fx.hh.vt), ...lookAlikes(fx.hh.other)]) {
      const r = await get('vt-medewerker', `/api/v1/huishoudens/${id}`);
      expect(r.statusCode, id).toBe(404);
      const bg = await post('vt-medewerker', `/api/v1/huishoudens/${id}/break-glass`, { reden: 'Raden naar een nummer (test)' });
      expect(bg.statusCode, id).toBe(404);
    }
  });

  it("another region's household is 404 for every role of this region, and readable in its own region", async () => {
    for (const who of ['vt-medewerker', 'vt-gedragswetenschapper', 'lokaal-team', 'lokaal-team-b', 'opvang', 'csg', 'zvh-coordinator'] as const) {
      const r = await get(who, `/api/v1/huishoudens/${fx.hh.other}`);
      expect(r.statusCode, who).toBe(404);
      noOtherRegion(r.body);
    }
    const own = await get('vt-ijsselland', `/api/v1/huishoudens/${fx.hh.other}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain(SECRETS.andereRegio.achternaam);
    for (const id of [fx.hh.vt, fx.hh.lt, fx.hh.opv]) expect((await get('vt-ijsselland', `/api/v1/huishoudens/${id}`)).statusCode).toBe(404);
    expect(await list('vt-ijsselland')).toEqual([fx.hh.other]);
  });

  it('malformed ids are 404 or 400, never 200 or 500, on every route with an id', async () => {
    const routes: [string, string, (id: string) => string, Wie, object | undefined][] = [
      ['GET', 'dossier', (id) => `/api/v1/huishoudens/${id}`, 'vt-medewerker', undefined],
      ['POST', 'break-glass', (id) => `/api/v1/huishoudens/${id}/break-glass`, 'vt-medewerker', { reden: 'Ongeldig nummer (test)' }],
      ['POST', 'team', (id) => `/api/v1/beheer/organisaties/${id}/teams`, 'functioneel-beheerder', { naam: 'Team X' }],
      ['PATCH', 'gebruiker', (id) => `/api/v1/beheer/gebruikers/${id}`, 'functioneel-beheerder', { naam: 'Iemand', versie: 1 }],
      ['POST', 'deblokkeren', (id) => `/api/v1/beheer/gebruikers/${id}/deblokkeren`, 'functioneel-beheerder', undefined],
      ['GET', 'audit persoon', (id) => `/api/v1/privacy/audit/persoon/${id}`, 'privacy-officer', undefined],
      ['GET', 'audit gebruiker', (id) => `/api/v1/privacy/audit/gebruiker/${id}`, 'privacy-officer', undefined],
      ['POST', 'beoordeling', (id) => `/api/v1/privacy/break-glass/${id}/beoordeling`, 'privacy-officer', { beoordeling: 'terecht', toelichting: 'Ongeldig nummer' }],
    ];
    for (const [method, name, url, who, payload] of routes) {
      for (const id of [...MALFORMED, `${fx.hh.vt}x`, `%20${fx.hh.vt}`, `${fx.hh.vt}%00`]) {
        const r = await app.inject({ method: method as 'GET', url: url(id), headers: fx.as(who), ...(payload ? { payload } : {}) });
        expect([400, 404], `${name} ${id}: ${r.statusCode} ${r.body}`).toContain(r.statusCode);
        expect(r.json().error.code).toMatch(/^(ongeldige_invoer|niet_gevonden)$/);
      }
    }
  });

  it('an id longer than 100 characters is refused in the error shape, without echoing it (400/404)', async () => {
    const id = `${fx.hh.vt}-${'9'.repeat(80)}`;
    const r = await get('vt-medewerker', `/api/v1/huishoudens/${id}`);
    expect([400, 404]).toContain(r.statusCode);
    expect(r.json().error).toMatchObject({ code: expect.stringMatching(/^(ongeldige_invoer|niet_gevonden)$/), requestId: expect.any(String) });
    expect(r.body).not.toContain(id);
    expect(r.headers['content-security-policy']).toBeDefined();
  });

  it('an upper-case id is the same record: in scope it opens, out of scope it does not', async () => {
    expect((await get('vt-medewerker', `/api/v1/huishoudens/${fx.hh.vt.toUpperCase()}`)).statusCode).toBe(200);
    expect((await get('vt-medewerker', `/api/v1/huishoudens/${fx.hh.opv.toUpperCase()}`)).statusCode).toBe(404);
    expect((await get('vt-medewerker', `/api/v1/huishoudens/${fx.hh.other.toUpperCase()}`)).statusCode).toBe(404);
  });

  it("administration cannot reach another region's organisations, users or break-glass records", async () => {
    const fb = 'functioneel-beheerder' as const;
    expect((await post(fb, `/api/v1/beheer/organisaties/${fx.org.vtIjsselland}/teams`, { naam: 'Team Indringer' })).statusCode).toBe(404);
    const patch = await app.inject({ method: 'PATCH', url: `/api/v1/beheer/gebruikers/${fx.user['vt-ijsselland'].id}`, headers: fx.as(fb), payload: { naam: 'Overgenomen', versie: 1 } });
    expect(patch.statusCode).toBe(404);
    expect((await post(fb, `/api/v1/beheer/gebruikers/${fx.user['vt-ijsselland'].id}/deblokkeren`)).statusCode).toBe(404);
    // A body reference to another region's organisation or team is refused like an unknown one (same answer: no oracle).
    const create = (organisatieId: string, teamId?: string) =>
      post(fb, '/api/v1/beheer/gebruikers', { naam: 'Nieuwe Collega', email: `nieuw-${randomUUID()}@sec-test.samenveilig.example`, organisatieId, ...(teamId ? { teamId } : {}), rollen: ['vt-medewerker'] });
    const foreign = await create(fx.org.vtIjsselland);
    const unknown = await create(randomUUID());
    expect(foreign.statusCode).toBe(400);
    expect(notFoundShape(foreign.body)).toEqual(notFoundShape(unknown.body));
    const foreignTeam = await create(fx.org.lt, randomUUID());
    expect(foreignTeam.statusCode).toBe(400);
    const otherOrgsTeam = await create(fx.org.vt, fx.team.a); // team of another organisation in the same region
    expect(otherOrgsTeam.statusCode).toBe(400);
    expect((await t.db.query(`SELECT 1 FROM app_user WHERE organisation_id = $1 AND region_id = $2`, [fx.org.vtIjsselland, 'noord-veluwe-mijov'])).rows).toHaveLength(0);
    // Lists of the administrator hold only this region.
    const orgs = await get(fb, '/api/v1/beheer/organisaties');
    expect(orgs.body).not.toContain(fx.org.vtIjsselland);
    const users = await get(fb, '/api/v1/beheer/gebruikers');
    expect(users.body).not.toContain(fx.user['vt-ijsselland'].id);
    expect(users.body).not.toContain(fx.user['vt-ijsselland'].email);

    const foreignBg = (
      await t.db.query<{ id: string }>(
        `INSERT INTO break_glass (region_id, user_id, household_id, reden, tot) VALUES ('ijsselland', $1, $2, 'Crisis elders (test)', now() + interval '1 hour') RETURNING id`,
        [fx.user['vt-ijsselland'].id, fx.hh.other],
      )
    ).rows[0]!.id;
    const review = await post('privacy-officer', `/api/v1/privacy/break-glass/${foreignBg}/beoordeling`, { beoordeling: 'onterecht', toelichting: 'Niet van ons' });
    expect(review.statusCode).toBe(404);
    expect((await t.db.query<{ beoordeling: string }>(`SELECT beoordeling FROM break_glass WHERE id = $1`, [foreignBg])).rows[0]!.beoordeling).toBe('open');
    const queue = await get('privacy-officer', '/api/v1/privacy/break-glass?status=alle');
    expect(queue.body).not.toContain(foreignBg);
    noOtherRegion(queue.body);
  });

  it("the privacy officer's person search and audit trails stay in the region", async () => {
    for (const zoek of [SECRETS.andereRegio.achternaam, SECRETS.andereRegio.bsn, SECRETS.andereRegio.achternaam.toLowerCase()]) {
      const r = await get('privacy-officer', `/api/v1/privacy/personen?zoek=${encodeURIComponent(zoek)}`);
      expect(r.statusCode).toBe(200);
      expect(r.json()).toEqual([]);
    }
    // Wildcards are not patterns.
    for (const zoek of ['%', '%%', '_%', '.*']) {
      const r = await get('privacy-officer', `/api/v1/privacy/personen?zoek=${encodeURIComponent(zoek)}`);
      expect([200, 400]).toContain(r.statusCode);
      if (r.statusCode === 200) expect(r.json()).toEqual([]);
    }
    // The other region's audit trail is not readable through ids of its persons or users.
    await get('vt-ijsselland', `/api/v1/huishoudens/${fx.hh.other}`); // an entry in the other region's chain
    for (const url of [`/api/v1/privacy/audit/persoon/${fx.persons.other[0]}`, `/api/v1/privacy/audit/gebruiker/${fx.user['vt-ijsselland'].id}`]) {
      const r = await get('privacy-officer', url);
      expect([200, 404]).toContain(r.statusCode); // 200 [] today, see the access matrix (known bug)
      if (r.statusCode === 200) expect(r.json()).toEqual([]);
      noOtherRegion(r.body);
    }
  });
});

describe(`list parameters cannot widen the scope (${testDbKind()})`, () => {
  it('each role lists exactly its households', async () => {
    expect(await list('vt-medewerker')).toEqual([fx.hh.vt, fx.hh.lt].sort());
    expect(await list('vt-gedragswetenschapper')).toEqual([fx.hh.vt, fx.hh.lt].sort());
    expect(await list('lokaal-team')).toEqual([fx.hh.lt]);
    expect(await list('lokaal-team-b')).toEqual([]);
    for (const who of ['opvang', 'csg', 'zvh-coordinator'] as const) expect(await list(who)).toEqual([fx.hh.opv]);
  });

  it.each([
    ['pagina=0', 400],
    ['pagina=-1', 400],
    ['pagina=1.5', 400],
    ['pagina=abc', 400],
    ['pagina=100001', 400],
    ['perPagina=0', 400],
    ['perPagina=101', 400],
    ['perPagina=1000000', 400],
    ['perPagina=-5', 400],
    ['perPagina=1e9', 400],
    ['pagina=1&pagina=2', 400],
    ['regio=ijsselland', 400],
    ['regionId=ijsselland', 400],
    ['organisatie=alle', 400],
    ['scope=all', 400],
    ['breakGlass=true', 400],
    ['__proto__=x', 400],
    ['constructor[prototype][x]=1', 400],
    ['pagina=100000', 200],
    ['perPagina=100', 200],
    ['pagina=1&perPagina=1', 200],
  ] as const)('GET /api/v1/huishoudens?%s → %i, never another region or more than the scope', async (query, status) => {
    for (const who of ['vt-medewerker', 'lokaal-team-b'] as const) {
      const r = await get(who, `/api/v1/huishoudens?${query}`);
      expect(r.statusCode, r.body).toBe(status);
      noOtherRegion(r.body);
      if (status === 200) {
        const body = r.json() as { items: { id: string }[]; totaal: number };
        const allowed = who === 'vt-medewerker' ? [fx.hh.vt, fx.hh.lt] : [];
        for (const i of body.items) expect(allowed).toContain(i.id);
        expect(body.items.length).toBeLessThanOrEqual(allowed.length);
        expect(r.body).not.toContain(fx.hh.opv);
      }
    }
  });
});

describe(`team scoping (${testDbKind()})`, () => {
  it('a lokaal-team user of team B cannot see H_LT, which is assigned to team A', async () => {
    expect((await get('lokaal-team', `/api/v1/huishoudens/${fx.hh.lt}`)).statusCode).toBe(200);
    const r = await get('lokaal-team-b', `/api/v1/huishoudens/${fx.hh.lt}`);
    expect(r.statusCode).toBe(404);
    expect(r.body).not.toContain('Ltdossierman');
    expect(await list('lokaal-team-b')).toEqual([]);
  });

  it('an involvement that has ended gives no access any more', async () => {
    await t.db.query(`UPDATE household_involvement SET tot = now() - interval '1 minute' WHERE household_id = $1 AND team_id = $2`, [fx.hh.lt, fx.team.a]);
    try {
      expect((await get('lokaal-team', `/api/v1/huishoudens/${fx.hh.lt}`)).statusCode).toBe(404);
      expect(await list('lokaal-team')).toEqual([]);
    } finally {
      await t.db.query(`UPDATE household_involvement SET tot = NULL WHERE household_id = $1 AND team_id = $2`, [fx.hh.lt, fx.team.a]);
    }
    expect((await get('lokaal-team', `/api/v1/huishoudens/${fx.hh.lt}`)).statusCode).toBe(200);
  });

  it('an involvement assigned to one user opens the household for that user only', async () => {
    await t.db.query(`INSERT INTO household_involvement (household_id, region_id, organisation_id, user_id, grondslag) VALUES ($1, 'noord-veluwe-mijov', $2, $3, 'toewijzing')`, [
      fx.hh.vt,
      fx.org.lt,
      fx.user['lokaal-team-b'].id,
    ]);
    try {
      expect((await get('lokaal-team-b', `/api/v1/huishoudens/${fx.hh.vt}`)).statusCode).toBe(200);
      expect(await list('lokaal-team-b')).toEqual([fx.hh.vt]);
      expect((await get('lokaal-team', `/api/v1/huishoudens/${fx.hh.vt}`)).statusCode).toBe(404);
      expect(await list('lokaal-team')).toEqual([fx.hh.lt]);
    } finally {
      await t.db.query(`DELETE FROM household_involvement WHERE household_id = $1 AND user_id = $2`, [fx.hh.vt, fx.user['lokaal-team-b'].id]);
    }
  });
});

describe(`break-glass (${testDbKind()})`, () => {
  const reden = 'Acute crisis: politie belt over kind in gevaar';

  it('a VT user opens an out-of-scope household for 4 hours; it is readable and listed; after expiry it is closed again', async () => {
    const vt = 'vt-medewerker' as const;
    expect((await get(vt, `/api/v1/huishoudens/${fx.hh.opv}`)).statusCode).toBe(404);
    expect(await list(vt)).not.toContain(fx.hh.opv);

    const before = Date.now();
    const r = await post(vt, `/api/v1/huishoudens/${fx.hh.opv}/break-glass`, { reden });
    expect(r.statusCode, r.body).toBe(201);
    const tot = new Date((r.json() as { tot: string }).tot).getTime();
    expect(tot - before).toBeGreaterThanOrEqual(4 * 3600_000 - 5_000);
    expect(tot - before).toBeLessThanOrEqual(4 * 3600_000 + 60_000);

    const d = await get(vt, `/api/v1/huishoudens/${fx.hh.opv}`);
    expect(d.statusCode).toBe(200);
    const dossier = d.json() as { viaBreakGlass: { tot: string; reden: string } | null; leden: { id: string; adres: unknown; adresAfgeschermd: boolean }[] };
    expect(dossier.viaBreakGlass).toMatchObject({ reden });
    // Break-glass opens the dossier, not the opvang's secret address.
    expect(dossier.leden.find((l) => l.id === fx.geheimPersoon.opv)).toMatchObject({ adres: null, adresAfgeschermd: true });
    expect(d.body).not.toContain(SECRETS.geheimAdresOpv.straat);
    expect(await list(vt)).toContain(fx.hh.opv);
    const sessie = (await get(vt, '/api/v1/auth/sessie')).json() as { breakGlass: { huishoudenId: string }[] };
    expect(sessie.breakGlass.map((b) => b.huishoudenId)).toContain(fx.hh.opv);

    // Only this user, only this household.
    expect((await get('vt-gedragswetenschapper', `/api/v1/huishoudens/${fx.hh.opv}`)).statusCode).toBe(404);
    expect((await get(vt, `/api/v1/huishoudens/${fx.hh.other}`)).statusCode).toBe(404);

    // Expired: closed again.
    await t.db.query(`UPDATE break_glass SET tot = now() - interval '1 second' WHERE user_id = $1 AND household_id = $2`, [fx.user[vt].id, fx.hh.opv]);
    expect((await get(vt, `/api/v1/huishoudens/${fx.hh.opv}`)).statusCode).toBe(404);
    expect(await list(vt)).not.toContain(fx.hh.opv);
    const after = (await get(vt, '/api/v1/auth/sessie')).json() as { breakGlass: { huishoudenId: string }[] };
    expect(after.breakGlass).toEqual([]);
  });

  it("break-glass on another region's household is 404 and grants nothing", async () => {
    for (const who of ['vt-medewerker', 'vt-gedragswetenschapper', 'zvh-coordinator'] as const) {
      const r = await post(who, `/api/v1/huishoudens/${fx.hh.other}/break-glass`, { reden });
      expect(r.statusCode).toBe(404);
      expect((await get(who, `/api/v1/huishoudens/${fx.hh.other}`)).statusCode).toBe(404);
    }
    expect((await t.db.query(`SELECT 1 FROM break_glass WHERE household_id = $1 AND region_id <> 'ijsselland'`, [fx.hh.other])).rows).toHaveLength(0);
    // A grant for another region's household inserted behind the application's back still opens nothing.
    await t.db.query(`INSERT INTO break_glass (region_id, user_id, household_id, reden, tot) VALUES ('ijsselland', $1, $2, $3, now() + interval '1 hour')`, [
      fx.user['vt-ijsselland'].id,
      fx.hh.other,
      reden,
    ]);
    expect((await get('vt-medewerker', `/api/v1/huishoudens/${fx.hh.other}`)).statusCode).toBe(404);
  });

  it('break-glass needs a reason and a break-glass role', async () => {
    expect((await post('vt-medewerker', `/api/v1/huishoudens/${fx.hh.opv}/break-glass`, { reden: 'kort' })).statusCode).toBe(400);
    expect((await post('vt-medewerker', `/api/v1/huishoudens/${fx.hh.opv}/break-glass`, { reden: '          x' })).statusCode).toBe(400);
    for (const who of ['lokaal-team', 'lokaal-team-b', 'opvang', 'csg', 'politie'] as const) {
      expect((await post(who, `/api/v1/huishoudens/${fx.hh.vt}/break-glass`, { reden })).statusCode).toBe(403);
      // Still closed: 404 for dossier roles, 403 for politie (no dossier role at all).
      expect((await get(who, `/api/v1/huishoudens/${fx.hh.vt}`)).statusCode).toBe(who === 'politie' ? 403 : 404);
    }
  });
});

describe(`privilege escalation through administration (${testDbKind()})`, () => {
  const fb = 'functioneel-beheerder' as const;
  const versie = async (id: string) => (await t.db.query<{ versie: number }>(`SELECT versie FROM app_user WHERE id = $1`, [id])).rows[0]!.versie;
  const patchSelf = async (payload: object) =>
    app.inject({ method: 'PATCH', url: `/api/v1/beheer/gebruikers/${fx.user[fb].id}`, headers: fx.as(fb), payload: { ...payload, versie: await versie(fx.user[fb].id) } });

  it('the functioneel beheerder cannot change its own roles or deactivate itself (separation of duties)', async () => {
    expect((await patchSelf({ rollen: ['vt-medewerker'] })).statusCode).toBe(403);
    expect((await patchSelf({ actief: false })).statusCode).toBe(403);
    expect((await patchSelf({ naam: 'Andere naam' })).statusCode).toBe(200);
  });

  it('other roles cannot change their own roles', async () => {
    for (const who of ['vt-medewerker', 'privacy-officer', 'lokaal-team'] as const) {
      const r = await app.inject({ method: 'PATCH', url: `/api/v1/beheer/gebruikers/${fx.user[who].id}`, headers: fx.as(who), payload: { rollen: ['functioneel-beheerder'], versie: await versie(fx.user[who].id) } });
      expect(r.statusCode).toBe(403);
    }
  });

  it('the functioneel beheerder cannot give itself a dossier role', async () => {
    try {
      const r = await patchSelf({ rollen: ['functioneel-beheerder', 'vt-medewerker'] });
      const d = await get(fb, `/api/v1/huishoudens/${fx.hh.lt}`);
      expect([400, 403]).toContain(r.statusCode);
      expect(d.statusCode).toBe(403);
    } finally {
      await t.db.query(`DELETE FROM user_role WHERE user_id = $1 AND rol <> 'functioneel-beheerder'`, [fx.user[fb].id]);
    }
  });
});
