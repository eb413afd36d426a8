/**
 * Security headers on every kind of response, HSTS only over TLS, the body size limit, malformed
 * input, and no stack trace or internal error text in any response.
 */
import { existsSync } from 'node:fs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, DEFAULT_WEB_DIR } from '../http/app.js';
import { createTestDb, testDbKind, type TestDb } from '../test-support/db.js';
import { createSecurityFixture, INTERNAL_TEXT, securityConfig, type SecurityFixture } from '../test-support/security.js';

const BODY_LIMIT = 4096;

let t: TestDb;
let fx: SecurityFixture;
let app: FastifyInstance;
/** Every response of this file, for the final sweep for internals. */
const seen: { what: string; res: LightMyRequestResponse }[] = [];

beforeAll(async () => {
  t = await createTestDb();
  fx = await createSecurityFixture(t.db);
  app = await buildApp({ config: securityConfig({ bodyLimit: BODY_LIMIT }), db: t.db, webDir: '/nonexistent' });
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

async function call(opts: InjectOptions, on: FastifyInstance = app): Promise<LightMyRequestResponse> {
  const res = await on.inject(opts);
  seen.push({ what: `${opts.method ?? 'GET'} ${String(opts.url).slice(0, 120)}`, res });
  return res;
}

function expectSecurityHeaders(res: LightMyRequestResponse, what: string) {
  const csp = String(res.headers['content-security-policy'] ?? '');
  expect(csp, `${what}: CSP`).not.toBe('');
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).toMatch(/frame-ancestors 'none'/);
  expect(csp).toMatch(/default-src 'self'/);
  expect(csp).toMatch(/object-src 'none'/);
  expect(csp).toMatch(/base-uri 'none'/);
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(res.headers['referrer-policy'], what).toBe('no-referrer');
  expect(res.headers['strict-transport-security'], `${what}: no HSTS over plain HTTP`).toBeUndefined();
}

function expectErrorShape(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json() as { error: Record<string, unknown> };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error).toMatchObject({ code, message: expect.any(String), requestId: expect.any(String) });
  expect(Object.keys(body.error).every((k) => ['code', 'message', 'issues', 'requestId'].includes(k))).toBe(true);
}

describe(`security headers (${testDbKind()})`, () => {
  it('are on every kind of API response: 200, 201, 204, 302, 400, 401, 403, 404, 413', async () => {
    const vt = fx.as('vt-medewerker');
    const cases: [string, InjectOptions, number][] = [
      ['public 200', { method: 'GET', url: '/api/v1/regios' }, 200],
      ['openapi', { method: 'GET', url: '/api/openapi.json' }, 200],
      ['health', { method: 'GET', url: '/healthz' }, 200],
      ['dossier 200', { method: 'GET', url: `/api/v1/huishoudens/${fx.hh.vt}`, headers: vt }, 200],
      ['break-glass 201', { method: 'POST', url: `/api/v1/huishoudens/${fx.hh.opv}/break-glass`, headers: vt, payload: { reden: 'Crisis: test van de headers' } }, 201],
      ['logout 204', { method: 'POST', url: '/api/v1/auth/uitloggen', headers: (await fx.extraSession('csg')).headers }, 204],
      ['redirect 302', { method: 'GET', url: '/api/docs' }, 302],
      ['invalid 400', { method: 'GET', url: '/api/v1/huishoudens?pagina=0', headers: vt }, 400],
      ['anonymous 401', { method: 'GET', url: '/api/v1/huishoudens' }, 401],
      ['role 403', { method: 'GET', url: '/api/v1/beheer/gebruikers', headers: vt }, 403],
      ['csrf 403', { method: 'POST', url: `/api/v1/huishoudens/${fx.hh.opv}/break-glass`, headers: { cookie: vt.cookie }, payload: { reden: 'Crisis: zonder CSRF-token' } }, 403],
      ['scope 404', { method: 'GET', url: `/api/v1/huishoudens/${fx.hh.other}`, headers: vt }, 404],
      ['unknown path 404', { method: 'GET', url: '/api/v1/bestaat-niet' }, 404],
      ['unknown method 404', { method: 'DELETE', url: `/api/v1/huishoudens/${fx.hh.vt}`, headers: vt }, 404],
      ['too large 413', { method: 'POST', url: '/api/v1/auth/inloggen', payload: { email: 'a@b.nl', wachtwoord: 'x'.repeat(BODY_LIMIT) } }, 413],
    ];
    for (const [what, opts, status] of cases) {
      const res = await call(opts);
      expect(res.statusCode, `${what}: ${res.body.slice(0, 200)}`).toBe(status);
      expectSecurityHeaders(res, what);
      if (String(opts.url).startsWith('/api/')) expect(res.headers['cache-control'], what).toBe('no-store');
    }
    await t.db.query(`DELETE FROM break_glass WHERE user_id = $1`, [fx.user['vt-medewerker'].id]);
  });

  it.runIf(existsSync(`${DEFAULT_WEB_DIR}/index.html`))('are on the pages of the web app as well', async () => {
    const web = await buildApp({ config: securityConfig(), db: t.db });
    try {
      for (const url of ['/', '/inloggen', `/dossiers/${fx.hh.vt}`]) {
        const res = await call({ method: 'GET', url }, web);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expectSecurityHeaders(res, url);
        expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script: the CSP would block it
      }
    } finally {
      await web.close();
    }
  });

  it('HSTS only for requests that came over TLS through a trusted proxy', async () => {
    const trusted = await buildApp({ config: securityConfig({ trustProxy: 1 }), db: t.db, webDir: '/nonexistent' });
    try {
      const tls = await call({ method: 'GET', url: '/api/v1/regios', headers: { 'x-forwarded-proto': 'https' } }, trusted);
      const hsts = String(tls.headers['strict-transport-security'] ?? '');
      expect(hsts).toMatch(/max-age=(\d+)/);
      expect(Number(/max-age=(\d+)/.exec(hsts)![1])).toBeGreaterThanOrEqual(180 * 24 * 3600);
      expect(hsts).toContain('includeSubDomains');
      const err = await call({ method: 'GET', url: '/api/v1/huishoudens', headers: { 'x-forwarded-proto': 'https' } }, trusted);
      expect(err.statusCode).toBe(401);
      expect(err.headers['strict-transport-security']).toBeDefined();
      const plain = await call({ method: 'GET', url: '/api/v1/regios', headers: { 'x-forwarded-proto': 'http' } }, trusted);
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await trusted.close();
    }
    // Without a trusted proxy the header is the client's word: no HSTS.
    const spoofed = await call({ method: 'GET', url: '/api/v1/regios', headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
  });
});

describe(`request bodies (${testDbKind()})`, () => {
  it('a body over the size limit is 413 in the error shape, with or without a session', async () => {
    const big = 'x'.repeat(BODY_LIMIT + 1);
    expectErrorShape(await call({ method: 'POST', url: '/api/v1/auth/inloggen', payload: { email: 'a@b.nl', wachtwoord: big } }), 413, 'te_groot');
    expectErrorShape(
      await call({ method: 'POST', url: `/api/v1/huishoudens/${fx.hh.opv}/break-glass`, headers: fx.as('vt-medewerker'), payload: { reden: big } }),
      413,
      'te_groot',
    );
    expectErrorShape(
      await call({ method: 'POST', url: '/api/v1/beheer/organisaties', headers: { ...fx.as('functioneel-beheerder'), 'content-type': 'application/json' }, payload: `[${'1,'.repeat(BODY_LIMIT)}1]` }),
      413,
      'te_groot',
    );
    expect((await t.db.query(`SELECT 1 FROM break_glass WHERE user_id = $1`, [fx.user['vt-medewerker'].id])).rows).toHaveLength(0);
  });

  it.each([
    ['truncated JSON', '{"email": '],
    ['not JSON', 'email=a@b.nl&wachtwoord=x'],
    ['a single quote', "{'email': 'a@b.nl'}"],
    ['trailing comma', '{"email": "a@b.nl", "wachtwoord": "x",}'],
    ['prototype pollution', '{"__proto__": {"admin": true}, "email": "a@b.nl", "wachtwoord": "x"}'],
    ['constructor pollution', '{"constructor": {"prototype": {"admin": true}}, "email": "a@b.nl", "wachtwoord": "x"}'],
    ['empty body', ''],
  ])('malformed JSON (%s) is 400 in the error shape', async (_name, payload) => {
    const res = await call({ method: 'POST', url: '/api/v1/auth/inloggen', headers: { 'content-type': 'application/json' }, payload });
    expectErrorShape(res, 400, 'ongeldige_invoer');
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('wrong shapes and types are 400 in the error shape, naming the field', async () => {
    const fb = fx.as('functioneel-beheerder');
    const bad: [string, InjectOptions][] = [
      ['array body', { method: 'POST', url: '/api/v1/auth/inloggen', payload: [{ email: 'a@b.nl', wachtwoord: 'x' }] as unknown as object }],
      ['extra field', { method: 'POST', url: '/api/v1/auth/inloggen', payload: { email: 'a@b.nl', wachtwoord: 'x', rol: 'functioneel-beheerder' } }],
      ['number for string', { method: 'POST', url: '/api/v1/auth/inloggen', payload: { email: 1, wachtwoord: 2 } }],
      ['object for string', { method: 'POST', url: '/api/v1/auth/inloggen', payload: { email: { $ne: null }, wachtwoord: { $gt: '' } } }],
      ['text/plain', { method: 'POST', url: '/api/v1/auth/inloggen', headers: { 'content-type': 'text/plain' }, payload: 'email=a' }],
      ['unknown role', { method: 'POST', url: '/api/v1/beheer/gebruikers', headers: fb, payload: { naam: 'Iemand Nieuw', email: 'x@sec-test.samenveilig.example', organisatieId: fx.org.vt, rollen: ['superuser'] } }],
      ['huge versie', { method: 'PATCH', url: `/api/v1/beheer/gebruikers/${fx.user.politie.id}`, headers: fb, payload: { naam: 'Paul Politie', versie: 1e308 } }],
      ['deep nesting', { method: 'POST', url: '/api/v1/auth/inloggen', headers: { 'content-type': 'application/json' }, payload: `${'{"a":'.repeat(500)}1${'}'.repeat(500)}` }],
    ];
    for (const [what, opts] of bad) {
      const res = await call(opts);
      expect(res.statusCode, `${what}: ${res.body}`).toBe(400);
      expectErrorShape(res, 400, 'ongeldige_invoer');
    }
  });

  it('a NUL character in input is 400, not 500', async () => {
    const statuses = [
      (await app.inject({ method: 'POST', url: '/api/v1/auth/inloggen', payload: { email: 'a\u0000@b.nl', wachtwoord: 'x' } })).statusCode,
      (await app.inject({ method: 'GET', url: '/api/v1/privacy/personen?zoek=Ltdos%00sierman', headers: fx.as('privacy-officer') })).statusCode,
      (await app.inject({ method: 'POST', url: '/api/v1/beheer/organisaties', headers: fx.as('functioneel-beheerder'), payload: { naam: 'Org\u0000naam', type: 'overig' } })).statusCode,
    ];
    expect(statuses).toEqual([400, 400, 400]);
  });

  it('a malformed query string never gives a 500: ignored where the route takes no query, 400 where it does', async () => {
    const plain = await app.inject({ method: 'GET', url: '/api/v1/regios?a=%E0%A4%A' });
    expect(plain.statusCode).toBe(200);
    const withQuery = await app.inject({ method: 'GET', url: '/api/v1/huishoudens?pagina=%E0%A4%A', headers: fx.as('vt-medewerker') });
    expect(withQuery.statusCode).toBe(400);
    expect(withQuery.json().error.code).toBe('ongeldige_invoer');
  });

  it('a malformed path is answered in the error shape with the security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/huishoudens/%E0%A4%A' });
    expect([400, 404]).toContain(res.statusCode);
    expect(res.json().error).toMatchObject({ code: expect.any(String), requestId: expect.any(String) });
    expect(res.body).not.toMatch(/FST_ERR/);
    expect(res.headers['content-security-policy']).toBeDefined();
  });
});

describe(`no internals in any response (${testDbKind()})`, () => {
  it('odd requests are answered without a stack trace or internal error text', async () => {
    const vt = fx.as('vt-medewerker');
    const odd: InjectOptions[] = [
      { method: 'GET', url: '/api/v1/huishoudens/../../etc/passwd' },
      { method: 'GET', url: '/api/v1/huishoudens/%2e%2e%2f%2e%2e%2fetc%2fpasswd', headers: vt },
      { method: 'GET', url: `/api/v1/huishoudens/${fx.hh.vt}/`, headers: vt },
      { method: 'GET', url: `//api/v1/huishoudens/${fx.hh.vt}`, headers: vt },
      { method: 'PUT', url: `/api/v1/huishoudens/${fx.hh.vt}`, headers: vt, payload: {} },
      { method: 'OPTIONS', url: '/api/v1/huishoudens', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } },
      { method: 'GET', url: '/api/v1/huishoudens', headers: { cookie: 'sv_sessie=' } },
      { method: 'GET', url: '/api/v1/huishoudens', headers: { cookie: `sv_sessie=${'A'.repeat(5000)}` } },
      { method: 'GET', url: '/api/v1/huishoudens', headers: { cookie: 'sv_sessie="; DROP TABLE user_session;--' } },
      { method: 'GET', url: '/api/v1/huishoudens?pagina=99999999999999999999999', headers: vt },
      { method: 'GET', url: `/api/v1/privacy/personen?zoek=${encodeURIComponent("' OR 1=1 --")}`, headers: fx.as('privacy-officer') },
      { method: 'GET', url: `/api/v1/privacy/personen?zoek=${'x'.repeat(101)}`, headers: fx.as('privacy-officer') },
      { method: 'GET', url: `/api/v1/privacy/audit/gebruiker/${encodeURIComponent("x' OR '1'='1")}`, headers: fx.as('privacy-officer') },
      { method: 'POST', url: '/api/v1/beheer/organisaties', headers: fx.as('functioneel-beheerder'), payload: { naam: 'Gemeente Apeldoorn (test)', type: 'gemeente' } }, // duplicate: 409
      { method: 'POST', url: '/api/v1/beheer/organisaties', headers: fx.as('functioneel-beheerder'), payload: { naam: 'Org Ø 😀 \u202e', type: 'bestaat-niet' } },
      { method: 'POST', url: '/api/v1/beheer/organisaties', headers: fx.as('functioneel-beheerder'), payload: { naam: 'Org in andere regio', type: 'overig', gemeenteCode: 'GM0193' } },
      { method: 'POST', url: '/api/v1/beheer/gebruikers', headers: fx.as('functioneel-beheerder'), payload: { naam: 'Dubbel', email: fx.user.politie.email, organisatieId: fx.org.politie, rollen: ['politie'] } },
      { method: 'PATCH', url: `/api/v1/beheer/gebruikers/${fx.user.politie.id}`, headers: fx.as('functioneel-beheerder'), payload: { naam: 'Oud', versie: 999 } }, // 409
      { method: 'PATCH', url: `/api/v1/beheer/gebruikers/${fx.user['functioneel-beheerder'].id}`, headers: fx.as('functioneel-beheerder'), payload: { actief: false, versie: 1 } },
      { method: 'POST', url: '/api/v1/auth/tweede-factor', headers: { cookie: fx.as('vt-medewerker').cookie }, payload: { code: '00000a' } },
      { method: 'GET', url: '/api/v1/huishoudens', headers: { ...vt, 'x-forwarded-for': '1.2.3.4\r\nx-injected: 1' } },
    ];
    for (const opts of odd) {
      const res = await call(opts);
      expect(res.statusCode, `${opts.method} ${opts.url}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
      expect(res.headers['x-injected']).toBeUndefined();
    }
  });

  it('no response of this file holds a stack trace or internal error text', () => {
    expect(seen.length).toBeGreaterThan(30);
    const bad: string[] = [];
    for (const { what, res } of seen) for (const p of INTERNAL_TEXT) if (p.test(res.body)) bad.push(`${what} (${res.statusCode}) matches ${p}: ${res.body.slice(0, 200)}`);
    expect(bad).toEqual([]);
  });
});
