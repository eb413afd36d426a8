/**
 * The audit trail: every route that touches personal data writes exactly the expected rows (action,
 * actor, record, persons concerned, outcome), in the chain of the actor's region (or '_installatie'
 * for a login attempt without an account); the hash chain then verifies; tampering with SQL (update,
 * delete, reorder) is reported naming the broken entry, in-process, over HTTP and by the CLI.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../audit/chain.js';
import { buildApp } from '../http/app.js';
import { createTestDb, testDbKind, type TestDb } from '../test-support/db.js';
import { ANDERE_REGIO, createSecurityFixture, PASSWORD, REGIO, securityConfig, totpCode, type SecurityFixture, type Wie } from '../test-support/security.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

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

interface AuditRow {
  region_id: string;
  seq: number;
  actor_soort: string;
  actor_id: string | null;
  organisation_id: string | null;
  rol: string | null;
  actie: string;
  record_type: string | null;
  record_id: string | null;
  personen: string[];
  doel: string | null;
  uitkomst: string;
  request_id: string | null;
  client_adres: string | null;
}

const COLS = `region_id, seq::int AS seq, actor_soort, actor_id, organisation_id, rol, actie, record_type, record_id, personen, doel, uitkomst, request_id, client_adres`;
const total = async () => (await t.db.query<{ n: number }>(`SELECT count(*) AS n FROM audit_log`)).rows[0]!.n;

/** Runs a request and returns the audit rows it wrote (counted before and after). */
async function audited(request: () => Promise<LightMyRequestResponse>): Promise<{ res: LightMyRequestResponse; rows: AuditRow[] }> {
  const heads = new Map(
    (await t.db.query<{ region_id: string; seq: number }>(`SELECT region_id, max(seq)::int AS seq FROM audit_log GROUP BY region_id`)).rows.map((r) => [r.region_id, r.seq]),
  );
  const before = await total();
  const res = await request();
  const all = (await t.db.query<AuditRow>(`SELECT ${COLS} FROM audit_log ORDER BY region_id, seq`)).rows;
  const rows = all.filter((r) => r.seq > (heads.get(r.region_id) ?? 0)).map((r) => ({ ...r, personen: [...(r.personen ?? [])].sort() }));
  expect((await total()) - before).toBe(rows.length);
  for (const r of rows) {
    expect(r.request_id, 'every row names its request').toEqual(expect.any(String));
    expect(r.client_adres, 'every row names the client address').toEqual(expect.any(String));
  }
  if (res.statusCode >= 400 && res.headers['content-type']?.toString().includes('json')) {
    const rid = (res.json() as { error?: { requestId?: string } }).error?.requestId;
    for (const r of rows) expect(r.request_id).toBe(rid);
  }
  return { res, rows };
}

const get = (who: Wie, url: string) => app.inject({ method: 'GET', url, headers: fx.as(who) });
const send = (method: 'POST' | 'PATCH', who: Wie, url: string, payload?: object) => app.inject({ method, url, headers: fx.as(who), ...(payload ? { payload } : {}) });
const sorted = (ids: string[]) => [...ids].sort();
const actorOf = (who: Wie) => ({ region_id: fx.user[who].regionId, actor_soort: 'gebruiker', actor_id: fx.user[who].id, organisation_id: fx.user[who].organisationId, rol: fx.user[who].roles.join(',') });

describe(`audit rows per request (${testDbKind()})`, () => {
  it('list: one row naming every person listed', async () => {
    const { res, rows } = await audited(() => get('vt-medewerker', '/api/v1/huishoudens'));
    expect(res.statusCode).toBe(200);
    expect(rows).toEqual([
      expect.objectContaining({ ...actorOf('vt-medewerker'), actie: 'huishouden.lijst', record_type: 'huishouden', record_id: null, personen: sorted([...fx.persons.vt, ...fx.persons.lt]), uitkomst: 'ok (2)' }),
    ]);
  });

  it('dossier read in scope: one row with the household and its persons', async () => {
    for (const [who, hh] of [['vt-medewerker', 'lt'], ['lokaal-team', 'lt'], ['opvang', 'opv']] as const) {
      const { res, rows } = await audited(() => get(who, `/api/v1/huishoudens/${fx.hh[hh]}`));
      expect(res.statusCode).toBe(200);
      expect(rows).toEqual([
        expect.objectContaining({ ...actorOf(who), actie: 'huishouden.lezen', record_type: 'huishouden', record_id: fx.hh[hh], personen: sorted(fx.persons[hh]), doel: null, uitkomst: 'ok' }),
      ]);
    }
  });

  it('HEAD on a dossier is a read as well', async () => {
    const { res, rows } = await audited(() => app.inject({ method: 'HEAD', url: `/api/v1/huishoudens/${fx.hh.vt}`, headers: fx.as('vt-medewerker') }));
    expect(res.statusCode).toBe(200);
    expect(rows).toEqual([expect.objectContaining({ actie: 'huishouden.lezen', record_id: fx.hh.vt, uitkomst: 'ok' })]);
  });

  it('a 404 attempt (out of scope, other region, unknown, malformed) is recorded without persons, in the actor’s chain', async () => {
    const cases: [string, string | null][] = [
      [fx.hh.opv, fx.hh.opv],
      [fx.hh.other, fx.hh.other],
      ['0190a000-0000-7000-8000-000000000000', '0190a000-0000-7000-8000-000000000000'],
      ['abc', null],
    ];
    for (const [id, recordId] of cases) {
      const { res, rows } = await audited(() => get('vt-medewerker', `/api/v1/huishoudens/${id}`));
      expect(res.statusCode).toBe(404);
      expect(rows).toEqual([expect.objectContaining({ ...actorOf('vt-medewerker'), actie: 'huishouden.lezen', record_id: recordId, personen: [], uitkomst: 'niet-gevonden' })]);
    }
  });

  it('nothing is recorded for requests refused before any record is touched (no session)', async () => {
    for (const url of ['/api/v1/huishoudens', `/api/v1/huishoudens/${fx.hh.vt}`, '/api/v1/beheer/gebruikers', '/api/v1/privacy/break-glass']) {
      const { res, rows } = await audited(() => app.inject({ method: 'GET', url }));
      expect(res.statusCode).toBe(401);
      expect(rows).toEqual([]);
    }
  });

  it('public routes and the session route write nothing', async () => {
    for (const url of ['/healthz', '/readyz', '/api/v1/regios', '/api/v1/installatie', '/api/v1/referentie/geweldsvormen', '/api/v1/referentie/organisatietypen']) {
      expect((await audited(() => app.inject({ method: 'GET', url }))).rows).toEqual([]);
    }
    expect((await audited(() => get('vt-medewerker', '/api/v1/auth/sessie'))).rows).toEqual([]);
  });

  it('break-glass: opening, reading through it and a refused attempt', async () => {
    const reden = 'Crisis: kind mogelijk in gevaar, opvang onbereikbaar';
    const open = await audited(() => send('POST', 'vt-medewerker', `/api/v1/huishoudens/${fx.hh.opv}/break-glass`, { reden }));
    expect(open.res.statusCode).toBe(201);
    expect(open.rows).toEqual([
      expect.objectContaining({ ...actorOf('vt-medewerker'), actie: 'break-glass.openen', record_type: 'huishouden', record_id: fx.hh.opv, personen: sorted(fx.persons.opv), doel: reden, uitkomst: 'ok' }),
    ]);
    const read = await audited(() => get('vt-medewerker', `/api/v1/huishoudens/${fx.hh.opv}`));
    expect(read.res.statusCode).toBe(200);
    expect(read.rows).toEqual([
      expect.objectContaining({ actie: 'huishouden.lezen.break-glass', record_id: fx.hh.opv, personen: sorted(fx.persons.opv), doel: reden, uitkomst: 'ok' }),
    ]);
    const refused = await audited(() => send('POST', 'vt-medewerker', `/api/v1/huishoudens/${fx.hh.other}/break-glass`, { reden }));
    expect(refused.res.statusCode).toBe(404);
    expect(refused.rows).toEqual([
      expect.objectContaining({ region_id: REGIO, actie: 'break-glass.openen', record_id: fx.hh.other, personen: [], doel: reden, uitkomst: 'niet-gevonden' }),
    ]);
    await t.db.query(`DELETE FROM break_glass WHERE user_id = $1`, [fx.user['vt-medewerker'].id]);
  });

  it('login with password and code, a wrong password, an unknown e-mail address, logout and logout everywhere', async () => {
    const u = fx.user['vt-gedragswetenschapper'];
    const pw = await audited(() => app.inject({ method: 'POST', url: '/api/v1/auth/inloggen', payload: { email: u.email, wachtwoord: PASSWORD } }));
    expect(pw.res.json()).toEqual({ status: 'tweede-factor-nodig' });
    expect(pw.rows).toEqual([expect.objectContaining({ ...actorOf('vt-gedragswetenschapper'), actie: 'login.wachtwoord', record_type: 'gebruiker', record_id: u.id, uitkomst: 'ok' })]);
    const cookie = String(pw.res.headers['set-cookie']).split(';')[0]!;

    const code = await audited(() => app.inject({ method: 'POST', url: '/api/v1/auth/tweede-factor', headers: { cookie }, payload: { code: totpCode(u.totpSecret) } }));
    expect(code.res.statusCode).toBe(200);
    expect(code.rows).toEqual([expect.objectContaining({ ...actorOf('vt-gedragswetenschapper'), actie: 'login', record_id: u.id, uitkomst: 'ok' })]);
    const csrf = (code.res.json() as { sessie: { csrfToken: string } }).sessie.csrfToken;

    const wrong = await audited(() => app.inject({ method: 'POST', url: '/api/v1/auth/inloggen', payload: { email: u.email, wachtwoord: 'niet-het-wachtwoord' } }));
    expect(wrong.res.statusCode).toBe(401);
    expect(wrong.rows).toEqual([
      expect.objectContaining({ region_id: REGIO, actor_soort: 'anoniem', actor_id: u.id, organisation_id: null, rol: null, actie: 'login.mislukt', record_id: u.id, uitkomst: 'mislukt' }),
    ]);

    const unknown = await audited(() => app.inject({ method: 'POST', url: '/api/v1/auth/inloggen', payload: { email: 'niemand@nergens.example', wachtwoord: 'wat-dan-ook' } }));
    expect(unknown.res.statusCode).toBe(401);
    expect(unknown.rows).toEqual([
      expect.objectContaining({ region_id: '_installatie', actor_soort: 'anoniem', actor_id: null, actie: 'login.mislukt', record_type: 'gebruiker', record_id: null, personen: [], uitkomst: 'onbekend-account' }),
    ]);
    // The answer does not tell an unknown account from a wrong password.
    expect(unknown.res.json().error.message).toBe(wrong.res.json().error.message);

    const bm = fx.user.beleidsmedewerker;
    const direct = await audited(() => app.inject({ method: 'POST', url: '/api/v1/auth/inloggen', payload: { email: bm.email, wachtwoord: PASSWORD } }));
    expect(direct.res.json()).toMatchObject({ status: 'ingelogd' });
    expect(direct.rows).toEqual([expect.objectContaining({ ...actorOf('beleidsmedewerker'), actie: 'login', uitkomst: 'ok' })]);

    const out = await audited(() => app.inject({ method: 'POST', url: '/api/v1/auth/uitloggen', headers: { cookie, 'x-csrf-token': csrf } }));
    expect(out.res.statusCode).toBe(204);
    expect(out.rows).toEqual([expect.objectContaining({ ...actorOf('vt-gedragswetenschapper'), actie: 'logout', record_type: 'gebruiker', record_id: u.id, uitkomst: 'ok' })]);

    await fx.extraSession('vt-gedragswetenschapper');
    const everywhere = await audited(() => send('POST', 'vt-gedragswetenschapper', '/api/v1/auth/overal-uitloggen'));
    expect(everywhere.res.statusCode).toBe(204);
    expect(everywhere.rows).toEqual([expect.objectContaining({ ...actorOf('vt-gedragswetenschapper'), actie: 'logout.overal', record_id: u.id, uitkomst: expect.stringMatching(/^ok \([2-9]\d* sessies\)$/) })]);
    await fx.renew('vt-gedragswetenschapper');
  });

  it('administration: staff data and changes are recorded; organisation lists are not personal data', async () => {
    const fb = 'functioneel-beheerder' as const;
    expect((await audited(() => get(fb, '/api/v1/beheer/organisaties'))).rows).toEqual([]);
    const users = (await t.db.query<{ n: number }>(`SELECT count(*) AS n FROM app_user WHERE region_id = $1`, [REGIO])).rows[0]!.n;
    expect((await audited(() => get(fb, '/api/v1/beheer/gebruikers'))).rows).toEqual([
      expect.objectContaining({ ...actorOf(fb), actie: 'gebruiker.lijst', record_type: 'gebruiker', uitkomst: `ok (${users})` }),
    ]);
    const org = await audited(() => send('POST', fb, '/api/v1/beheer/organisaties', { naam: 'Audit organisatie', type: 'overig' }));
    expect(org.res.statusCode).toBe(201);
    expect(org.rows).toEqual([expect.objectContaining({ ...actorOf(fb), actie: 'organisatie.aanmaken', record_type: 'organisatie', record_id: org.res.json().id, uitkomst: 'ok' })]);
    const team = await audited(() => send('POST', fb, `/api/v1/beheer/organisaties/${fx.org.gemeente}/teams`, { naam: 'Audit team' }));
    expect(team.rows).toEqual([expect.objectContaining({ actie: 'team.aanmaken', record_type: 'team', record_id: team.res.json().id, uitkomst: 'ok' })]);
    const created = await audited(() =>
      send('POST', fb, '/api/v1/beheer/gebruikers', { naam: 'Audit Collega', email: 'audit-collega@sec-test.samenveilig.example', organisatieId: fx.org.politie, rollen: ['politie'] }),
    );
    expect(created.res.statusCode).toBe(201);
    const newId = (created.res.json() as { gebruiker: { id: string } }).gebruiker.id;
    expect(created.rows).toEqual([expect.objectContaining({ actie: 'gebruiker.aanmaken', record_id: newId, doel: 'rollen: politie', uitkomst: 'ok' })]);
    const changed = await audited(() => send('PATCH', fb, `/api/v1/beheer/gebruikers/${newId}`, { naam: 'Audit Collega Twee', versie: 1 }));
    expect(changed.res.statusCode).toBe(200);
    expect(changed.rows).toEqual([expect.objectContaining({ actie: 'gebruiker.wijzigen', record_id: newId, doel: 'naam', uitkomst: 'ok' })]);
    const unblocked = await audited(() => send('POST', fb, `/api/v1/beheer/gebruikers/${newId}/deblokkeren`));
    expect(unblocked.res.statusCode).toBe(204);
    expect(unblocked.rows).toEqual([expect.objectContaining({ actie: 'gebruiker.deblokkeren', record_id: newId, uitkomst: 'ok' })]);
  });

  it('a role change records the roles granted', async () => {
    const fb = 'functioneel-beheerder' as const;
    const versie = (await t.db.query<{ versie: number }>(`SELECT versie FROM app_user WHERE id = $1`, [fx.user.csg.id])).rows[0]!.versie;
    const { res, rows } = await audited(() => send('PATCH', fb, `/api/v1/beheer/gebruikers/${fx.user.csg.id}`, { rollen: ['csg', 'vt-medewerker'], versie }));
    expect(res.statusCode).toBe(200);
    await t.db.query(`DELETE FROM user_role WHERE user_id = $1 AND rol = 'vt-medewerker'`, [fx.user.csg.id]);
    expect(rows).toEqual([expect.objectContaining({ actie: 'gebruiker.wijzigen', doel: expect.stringContaining('vt-medewerker') })]);
  });

  it('privacy officer: search, audit trails, break-glass review and verification are recorded', async () => {
    const po = 'privacy-officer' as const;
    const search = await audited(() => get(po, '/api/v1/privacy/personen?zoek=Ltdossierman'));
    expect(search.rows).toEqual([
      expect.objectContaining({ ...actorOf(po), actie: 'privacy.persoon-zoeken', record_type: 'persoon', personen: sorted(fx.persons.lt), doel: 'inzageverzoek', uitkomst: 'ok (3)' }),
    ]);
    const person = fx.geheimPersoon.lt;
    const trail = await audited(() => get(po, `/api/v1/privacy/audit/persoon/${person}`));
    expect(trail.rows).toEqual([expect.objectContaining({ actie: 'privacy.audit-persoon', record_type: 'persoon', record_id: person, personen: [person], doel: 'inzage' })]);
    // The inzage answer names who read this person's dossier.
    const seen = trail.res.json() as { actor: { id: string } | null; actie: string; recordId: string | null }[];
    expect(seen).toEqual(expect.arrayContaining([expect.objectContaining({ actor: expect.objectContaining({ id: fx.user['lokaal-team'].id }), actie: 'huishouden.lezen', recordId: fx.hh.lt })]));
    const userTrail = await audited(() => get(po, `/api/v1/privacy/audit/gebruiker/${fx.user['vt-medewerker'].id}`));
    expect(userTrail.rows).toEqual([expect.objectContaining({ actie: 'privacy.audit-gebruiker', record_type: 'gebruiker', record_id: fx.user['vt-medewerker'].id })]);
    expect((await audited(() => get(po, '/api/v1/privacy/break-glass?status=alle'))).rows).toEqual([
      expect.objectContaining({ actie: 'privacy.break-glass-lijst', record_type: 'break-glass' }),
    ]);
    const bg = (
      await t.db.query<{ id: string }>(
        `INSERT INTO break_glass (region_id, user_id, household_id, reden, tot) VALUES ($1, $2, $3, 'Crisis (audit test)', now() + interval '1 hour') RETURNING id`,
        [REGIO, fx.user['zvh-coordinator'].id, fx.hh.opv],
      )
    ).rows[0]!.id;
    const review = await audited(() => send('POST', po, `/api/v1/privacy/break-glass/${bg}/beoordeling`, { beoordeling: 'onterecht', toelichting: 'Geen crisis aangetoond' }));
    expect(review.res.statusCode).toBe(200);
    expect(review.rows).toEqual([expect.objectContaining({ actie: 'privacy.break-glass-beoordelen', record_type: 'break-glass', record_id: bg, doel: 'Geen crisis aangetoond', uitkomst: 'onterecht' })]);
    const verify = await audited(() => get(po, '/api/v1/privacy/audit/verificatie'));
    expect(verify.res.json()).toMatchObject({ ok: true });
    expect(verify.rows).toEqual([expect.objectContaining({ actie: 'privacy.audit-verificatie', uitkomst: 'intact' })]);
  });

  it('the other region’s chain receives nothing from this region’s requests', async () => {
    const before = (await t.db.query<{ n: number }>(`SELECT count(*) AS n FROM audit_log WHERE region_id = $1`, [ANDERE_REGIO])).rows[0]!.n;
    await get('vt-medewerker', `/api/v1/huishoudens/${fx.hh.other}`);
    await send('POST', 'vt-medewerker', `/api/v1/huishoudens/${fx.hh.other}/break-glass`, { reden: 'Poging in andere regio (test)' });
    expect((await t.db.query<{ n: number }>(`SELECT count(*) AS n FROM audit_log WHERE region_id = $1`, [ANDERE_REGIO])).rows[0]!.n).toBe(before);
  });
});

/** The CLI as an operator runs it, against the PostgreSQL test database. */
function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'sv-sec-cli-'));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { PATH: process.env.PATH ?? '', DATABASE_URL: t.url!, SAMENVEILIG_DATA_DIR: dir, SAMENVEILIG_DEMO: 'false', LOG_LEVEL: 'silent' }, timeout: 120_000 },
      (err, _stdout, stderr) => {
        rmSync(dir, { recursive: true, force: true });
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stderr });
      },
    );
  });
}
const onPostgres = testDbKind() === 'postgres';

describe(`tampering is detected (${testDbKind()})`, () => {
  const entry = async (seq: number) => (await t.db.query<Record<string, unknown>>(`SELECT * FROM audit_log WHERE region_id = $1 AND seq = $2`, [REGIO, seq])).rows[0]!;
  async function withTriggerOff<T>(fn: () => Promise<T>): Promise<T> {
    await t.db.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`);
    try {
      return await fn();
    } finally {
      await t.db.exec(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`);
    }
  }
  /** The seq of this region's row recording lokaal-team's read of H_LT: the trace someone would want gone. */
  const target = async () =>
    (
      await t.db.query<{ seq: number }>(`SELECT seq::int AS seq FROM audit_log WHERE region_id = $1 AND actor_id = $2 AND actie = 'huishouden.lezen' AND record_id = $3 ORDER BY seq LIMIT 1`, [
        REGIO,
        fx.user['lokaal-team'].id,
        fx.hh.lt,
      ])
    ).rows[0]!.seq;

  async function expectBroken(seq: number, reason: RegExp) {
    const r = await verifyAudit(t.db);
    expect(r).toMatchObject({ ok: false, regionId: REGIO, seq, reason: expect.stringMatching(reason) });
    // The other region's chain is still intact on its own.
    expect(await verifyAudit(t.db, ANDERE_REGIO)).toMatchObject({ ok: true });
    const http = await get('privacy-officer', '/api/v1/privacy/audit/verificatie');
    expect(http.json()).toMatchObject({ ok: false, regel: seq, reden: expect.stringMatching(reason) });
    if (onPostgres) {
      const c = await cli(['audit', 'verify']);
      expect(c.code, c.stderr).not.toBe(0);
      expect(c.stderr).toContain(`Audit ${REGIO}: keten gebroken bij regel ${seq}`);
      const other = await cli(['audit', 'verify', '--region', ANDERE_REGIO]);
      expect(other.code, other.stderr).toBe(0);
    }
  }

  it('the intact chain verifies (in-process, over HTTP and with the CLI)', async () => {
    const r = await verifyAudit(t.db);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.chains.map((c) => c.regionId).sort()).toEqual(['_installatie', ANDERE_REGIO, REGIO].sort());
    expect((await get('privacy-officer', '/api/v1/privacy/audit/verificatie')).json()).toMatchObject({ ok: true, ketens: [expect.objectContaining({ regionId: REGIO })] });
    if (onPostgres) {
      if (!existsSync(CLI)) throw new Error('packages/server/dist/cli.js is missing: run `npx tsc -b packages/server`');
      const c = await cli(['audit', 'verify']);
      expect(c.code, c.stderr).toBe(0);
      expect(c.stderr).toContain(`Audit ${REGIO}:`);
      expect(c.stderr).toContain('keten intact');
    }
  });

  it('the trigger refuses UPDATE, DELETE and TRUNCATE', async () => {
    const seq = await target();
    await expect(t.db.query(`UPDATE audit_log SET uitkomst = 'x' WHERE region_id = $1 AND seq = $2`, [REGIO, seq])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_log WHERE region_id = $1 AND seq = $2`, [REGIO, seq])).rejects.toThrow(/append-only/);
    await expect(t.db.exec(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('an UPDATE (erasing who read whose data) names the entry', async () => {
    const seq = await target();
    const original = await entry(seq);
    await withTriggerOff(() => t.db.query(`UPDATE audit_log SET personen = '{}', actor_id = NULL WHERE region_id = $1 AND seq = $2`, [REGIO, seq]));
    try {
      await expectBroken(seq, /inhoud gewijzigd/);
    } finally {
      await withTriggerOff(() => t.db.query(`UPDATE audit_log SET personen = $3, actor_id = $4 WHERE region_id = $1 AND seq = $2`, [REGIO, seq, original.personen, original.actor_id]));
    }
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('a DELETE names the missing entry', async () => {
    const seq = await target();
    const original = await entry(seq);
    await withTriggerOff(() => t.db.query(`DELETE FROM audit_log WHERE region_id = $1 AND seq = $2`, [REGIO, seq]));
    try {
      await expectBroken(seq, /ontbreekt/);
    } finally {
      const cols = Object.keys(original);
      await t.db.query(`INSERT INTO audit_log (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, cols.map((c) => original[c]));
    }
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('reordering two entries names the first entry out of place', async () => {
    const seq = await target();
    const swap = () =>
      withTriggerOff(async () => {
        await t.db.query(`UPDATE audit_log SET seq = -1 WHERE region_id = $1 AND seq = $2`, [REGIO, seq]);
        await t.db.query(`UPDATE audit_log SET seq = $2 WHERE region_id = $1 AND seq = $3`, [REGIO, seq, seq + 1]);
        await t.db.query(`UPDATE audit_log SET seq = $2 WHERE region_id = $1 AND seq = -1`, [REGIO, seq + 1]);
      });
    await swap();
    try {
      await expectBroken(seq, /vorige hash klopt niet/);
    } finally {
      await swap();
    }
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('removing the last entries is reported against the head of the chain', async () => {
    const head = (await t.db.query<{ seq: number }>(`SELECT seq::int AS seq FROM audit_head WHERE region_id = $1`, [REGIO])).rows[0]!.seq;
    const original = await entry(head);
    await withTriggerOff(() => t.db.query(`DELETE FROM audit_log WHERE region_id = $1 AND seq = $2`, [REGIO, head]));
    try {
      const r = await verifyAudit(t.db, REGIO);
      expect(r).toMatchObject({ ok: false, regionId: REGIO, seq: head, reason: expect.stringMatching(/laatste regel\(s\) ontbreken/) });
    } finally {
      const cols = Object.keys(original);
      await t.db.query(`INSERT INTO audit_log (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, cols.map((c) => original[c]));
    }
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('removing the last entry is detected, and rewinding audit_head to hide it is refused by the database', async () => {
    const head = (await t.db.query<{ seq: number; hash: string }>(`SELECT seq::int AS seq, hash FROM audit_head WHERE region_id = $1`, [REGIO])).rows[0]!;
    const original = await entry(head.seq);
    await withTriggerOff(() => t.db.query(`DELETE FROM audit_log WHERE region_id = $1 AND seq = $2`, [REGIO, head.seq]));
    try {
      await expect(t.db.query(`UPDATE audit_head SET seq = seq - 1, hash = $2 WHERE region_id = $1`, [REGIO, original.vorige_hash])).rejects.toThrow(
        /only moves forward/,
      );
      await expect(t.db.query(`DELETE FROM audit_head WHERE region_id = $1`, [REGIO])).rejects.toThrow(/only moves forward/);
      expect(await verifyAudit(t.db, REGIO)).toMatchObject({ ok: false, seq: head.seq });
    } finally {
      const cols = Object.keys(original);
      await t.db.query(`INSERT INTO audit_log (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, cols.map((c) => original[c]));
      expect((await verifyAudit(t.db)).ok).toBe(true);
    }
  });
});
