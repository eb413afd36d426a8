/**
 * Authentication: lockout after failed passwords (and its lifting by the functioneel beheerder), the
 * mandatory second factor, session idle and absolute expiry, CSRF, logout (here and everywhere), the
 * login rate limit and the flags of the session cookie.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../http/app.js';
import { createTestDb, testDbKind, type TestDb } from '../test-support/db.js';
import { createSecurityFixture, PASSWORD, securityConfig, totpCode, wrongTotpCode, type SecurityFixture, type Wie } from '../test-support/security.js';

let t: TestDb;
let fx: SecurityFixture;
let app: FastifyInstance;
const config = securityConfig();

beforeAll(async () => {
  t = await createTestDb();
  fx = await createSecurityFixture(t.db);
  app = await buildApp({ config, db: t.db, webDir: '/nonexistent' });
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const LOCKED = /tijdelijk geblokkeerd/;
const login = (who: Wie, wachtwoord = PASSWORD, a = app, headers: Record<string, string> = {}) =>
  a.inject({ method: 'POST', url: '/api/v1/auth/inloggen', headers, payload: { email: fx.user[who].email, wachtwoord } });
const cookieFrom = (res: { headers: Record<string, unknown> }) => String([res.headers['set-cookie']].flat()[0]).split(';')[0]!;
const sessie = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/api/v1/auth/sessie', headers });
const dossier = (headers: Record<string, string>) => app.inject({ method: 'GET', url: `/api/v1/huishoudens/${fx.hh.vt}`, headers });

describe(`lockout (${testDbKind()})`, () => {
  it(`locks the account after ${config.login.maxFailures} wrong passwords; then even the right password fails; the functioneel beheerder lifts it`, async () => {
    const who = 'politie' as const;
    for (let i = 1; i <= config.login.maxFailures; i++) {
      const r = await login(who, `fout-wachtwoord-${i}`);
      expect(r.statusCode).toBe(401);
      if (i < config.login.maxFailures) expect(r.json().error.message).not.toMatch(LOCKED);
      else expect(r.json().error.message).toMatch(LOCKED);
    }
    const right = await login(who);
    expect(right.statusCode).toBe(401);
    expect(right.json().error.message).toMatch(LOCKED);
    expect(right.headers['set-cookie']).toBeUndefined();
    const list = await app.inject({ method: 'GET', url: '/api/v1/beheer/gebruikers', headers: fx.as('functioneel-beheerder') });
    expect((list.json() as { id: string; geblokkeerd: boolean }[]).find((u) => u.id === fx.user[who].id)?.geblokkeerd).toBe(true);

    // Only the functioneel beheerder may lift it.
    expect((await app.inject({ method: 'POST', url: `/api/v1/beheer/gebruikers/${fx.user[who].id}/deblokkeren`, headers: fx.as('privacy-officer') })).statusCode).toBe(403);
    const unblock = await app.inject({ method: 'POST', url: `/api/v1/beheer/gebruikers/${fx.user[who].id}/deblokkeren`, headers: fx.as('functioneel-beheerder') });
    expect(unblock.statusCode).toBe(204);
    const again = await login(who);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ status: 'tweede-factor-nodig' });
  });

  it('wrong codes count towards the lockout as well, and a lock ends the pending session', async () => {
    const who = 'csg' as const;
    const pending = cookieFrom(await login(who));
    const wrong = wrongTotpCode(fx.user[who].totpSecret);
    let last;
    for (let i = 1; i <= config.login.maxFailures; i++) {
      last = await app.inject({ method: 'POST', url: '/api/v1/auth/tweede-factor', headers: { cookie: pending }, payload: { code: wrong } });
      expect(last.statusCode).toBe(401);
    }
    expect(last!.json().error.message).toMatch(LOCKED);
    // The pending session is gone, and a new login is refused.
    expect((await sessie({ cookie: pending })).statusCode).toBe(401);
    expect((await login(who)).json().error.message).toMatch(LOCKED);
    await app.inject({ method: 'POST', url: `/api/v1/beheer/gebruikers/${fx.user[who].id}/deblokkeren`, headers: fx.as('functioneel-beheerder') });
  });

  it('an unknown account and a wrong password get the same answer', async () => {
    const unknown = await app.inject({ method: 'POST', url: '/api/v1/auth/inloggen', payload: { email: 'onbekend@sec-test.samenveilig.example', wachtwoord: PASSWORD } });
    const wrong = await login('opvang', 'fout');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
  });

  it('a deactivated account cannot log in, and its sessions end', async () => {
    const who = 'opvang' as const;
    const s = await fx.extraSession(who);
    await t.db.query(`UPDATE app_user SET actief = false WHERE id = $1`, [fx.user[who].id]);
    try {
      expect((await login(who)).statusCode).toBe(401);
      expect((await sessie(s.headers)).statusCode).toBe(401);
    } finally {
      await t.db.query(`UPDATE app_user SET actief = true WHERE id = $1`, [fx.user[who].id]);
    }
  });
});

describe(`second factor (${testDbKind()})`, () => {
  it('a session without the second factor gets 401 on a dossier route, but may see its own session state', async () => {
    const s = await fx.extraSession('vt-medewerker', { secondFactorOk: false });
    const r = await dossier(s.headers);
    expect(r.statusCode).toBe(401);
    expect(r.json().error).toMatchObject({ code: 'niet_ingelogd', message: expect.stringMatching(/authenticator/) });
    expect((await app.inject({ method: 'GET', url: '/api/v1/huishoudens', headers: s.headers })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: `/api/v1/huishoudens/${fx.hh.opv}/break-glass`, headers: s.headers, payload: { reden: 'Zonder tweede factor (test)' } })).statusCode).toBe(401);
    const own = await sessie(s.headers);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ tweedeFactorOk: false });
  });

  it('the full login: password, then a wrong code is rejected, then the right code opens the dossier routes', async () => {
    const who = 'vt-gedragswetenschapper' as const;
    const first = await login(who);
    expect(first.json()).toEqual({ status: 'tweede-factor-nodig' });
    const cookie = cookieFrom(first);
    expect((await dossier({ cookie })).statusCode).toBe(401);

    const bad = await app.inject({ method: 'POST', url: '/api/v1/auth/tweede-factor', headers: { cookie }, payload: { code: wrongTotpCode(fx.user[who].totpSecret) } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.message).toMatch(/code klopt niet/);
    expect((await dossier({ cookie })).statusCode).toBe(401);
    for (const code of ['12345', '1234567', 'abcdef', '']) {
      expect((await app.inject({ method: 'POST', url: '/api/v1/auth/tweede-factor', headers: { cookie }, payload: { code } })).statusCode).toBe(400);
    }

    const ok = await app.inject({ method: 'POST', url: '/api/v1/auth/tweede-factor', headers: { cookie }, payload: { code: totpCode(fx.user[who].totpSecret) } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'ingelogd', sessie: { tweedeFactorOk: true, rollen: ['vt-gedragswetenschapper'] } });
    expect((await dossier({ cookie })).statusCode).toBe(200);
    expect((await t.db.query<{ n: number }>(`SELECT mislukte_pogingen AS n FROM app_user WHERE id = $1`, [fx.user[who].id])).rows[0]!.n).toBe(0);
  });

  it('without a session the code step is 401', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/auth/tweede-factor', payload: { code: totpCode(fx.user['vt-medewerker'].totpSecret) } });
    expect(r.statusCode).toBe(401);
  });

  it('a role that sees no personal data needs no second factor', async () => {
    const r = await login('beleidsmedewerker');
    expect(r.json()).toMatchObject({ status: 'ingelogd', sessie: { tweedeFactorOk: true } });
  });

  it('a code that was used once is not accepted again', async () => {
    const who = 'zvh-coordinator' as const;
    const code = totpCode(fx.user[who].totpSecret);
    const a = cookieFrom(await login(who));
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/tweede-factor', headers: { cookie: a }, payload: { code } })).statusCode).toBe(200);
    const b = cookieFrom(await login(who));
    const replay = await app.inject({ method: 'POST', url: '/api/v1/auth/tweede-factor', headers: { cookie: b }, payload: { code } });
    expect(replay.statusCode).toBe(401);
  });
});

describe(`session lifetime (${testDbKind()})`, () => {
  it(`ends after ${config.session.idleMinutes} minutes without use`, async () => {
    const s = await fx.extraSession('lokaal-team');
    await t.db.query(`UPDATE user_session SET laatst_gebruikt_op = now() - make_interval(mins => $2) + interval '1 minute' WHERE csrf_token = $1`, [s.csrf, config.session.idleMinutes]);
    expect((await sessie(s.headers)).statusCode).toBe(200); // just within: used again, so it lives on
    expect((await t.db.query<{ recent: boolean }>(`SELECT laatst_gebruikt_op > now() - interval '1 minute' AS recent FROM user_session WHERE csrf_token = $1`, [s.csrf])).rows[0]!.recent).toBe(true);
    await t.db.query(`UPDATE user_session SET laatst_gebruikt_op = now() - make_interval(mins => $2) - interval '1 second' WHERE csrf_token = $1`, [s.csrf, config.session.idleMinutes]);
    expect((await sessie(s.headers)).statusCode).toBe(401);
    expect((await dossier(s.headers)).statusCode).toBe(401);
  });

  it('ends at its absolute end, however recently it was used', async () => {
    const s = await fx.extraSession('lokaal-team');
    await t.db.query(`UPDATE user_session SET verloopt_op = now() - interval '1 second', laatst_gebruikt_op = now() WHERE csrf_token = $1`, [s.csrf]);
    expect((await sessie(s.headers)).statusCode).toBe(401);
  });

  it(`a login session lasts at most ${config.session.maxHours} hours`, async () => {
    const r = await login('beleidsmedewerker');
    const verlooptOp = new Date((r.json() as { sessie: { verlooptOp: string } }).sessie.verlooptOp).getTime();
    expect(verlooptOp - Date.now()).toBeLessThanOrEqual(config.session.maxHours * 3600_000);
    expect(verlooptOp - Date.now()).toBeGreaterThan(config.session.maxHours * 3600_000 - 60_000);
  });

  it('a made-up or malformed cookie is no session', async () => {
    for (const token of ['x', 'A'.repeat(43), `${fx.user['vt-medewerker'].token}x`, fx.user['vt-medewerker'].csrf, "'; DROP TABLE user_session; --"]) {
      expect((await sessie({ cookie: `sv_sessie=${encodeURIComponent(token)}` })).statusCode).toBe(401);
    }
  });
});

describe(`CSRF (${testDbKind()})`, () => {
  const breakGlass = (headers: Record<string, string>) =>
    app.inject({ method: 'POST', url: `/api/v1/huishoudens/${fx.hh.opv}/break-glass`, headers, payload: { reden: 'Crisis: test van het CSRF-token' } });

  it('a state-changing request without or with a wrong X-CSRF-Token is 403 and changes nothing; with the right one it passes', async () => {
    const { cookie, 'x-csrf-token': csrf } = fx.as('vt-medewerker');
    const other = fx.as('vt-gedragswetenschapper')['x-csrf-token'];
    const count = async () => (await t.db.query<{ n: number }>(`SELECT count(*) AS n FROM break_glass WHERE user_id = $1`, [fx.user['vt-medewerker'].id])).rows[0]!.n;
    const before = await count();
    const attempts: Record<string, string>[] = [{ cookie }, { cookie, 'x-csrf-token': '' }, { cookie, 'x-csrf-token': 'fout' }, { cookie, 'x-csrf-token': other }, { cookie, 'x-csrf-token': `${csrf}x` }, { cookie, 'x-csrf-token': csrf.toUpperCase() === csrf ? csrf.toLowerCase() : csrf.toUpperCase() }];
    for (const headers of attempts) {
      const r = await breakGlass(headers);
      expect(r.statusCode, JSON.stringify(headers)).toBe(403);
      expect(r.json().error).toMatchObject({ code: 'geen_toegang', message: expect.stringMatching(/CSRF/) });
    }
    expect(await count()).toBe(before);
    expect((await breakGlass({ cookie, 'x-csrf-token': csrf })).statusCode).toBe(201);
    expect(await count()).toBe(before + 1);
    await t.db.query(`DELETE FROM break_glass WHERE user_id = $1`, [fx.user['vt-medewerker'].id]);
  });

  it('applies to PATCH and to logout as well', async () => {
    const fb = fx.as('functioneel-beheerder');
    const patch = await app.inject({ method: 'PATCH', url: `/api/v1/beheer/gebruikers/${fx.user.politie.id}`, headers: { cookie: fb.cookie }, payload: { naam: 'Gekaapt', versie: 1 } });
    expect(patch.statusCode).toBe(403);
    const s = await fx.extraSession('politie');
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/uitloggen', headers: { cookie: s.headers.cookie } })).statusCode).toBe(403);
    expect((await sessie(s.headers)).statusCode).toBe(200);
  });

  it('GET needs no CSRF token', async () => {
    expect((await dossier({ cookie: fx.as('vt-medewerker').cookie })).statusCode).toBe(200);
  });
});

describe(`logout (${testDbKind()})`, () => {
  it('logout ends this session only and clears the cookie', async () => {
    const a = await fx.extraSession('opvang');
    const b = await fx.extraSession('opvang');
    const r = await app.inject({ method: 'POST', url: '/api/v1/auth/uitloggen', headers: a.headers });
    expect(r.statusCode).toBe(204);
    expect(String(r.headers['set-cookie'])).toMatch(/sv_sessie=;.*(Expires=Thu, 01 Jan 1970|Max-Age=0)/);
    expect((await sessie(a.headers)).statusCode).toBe(401);
    expect((await sessie(b.headers)).statusCode).toBe(200);
  });

  it('logout everywhere ends every session of the user, and no one else’s', async () => {
    const a = await fx.extraSession('opvang');
    const b = await fx.extraSession('opvang');
    const r = await app.inject({ method: 'POST', url: '/api/v1/auth/overal-uitloggen', headers: a.headers });
    expect(r.statusCode).toBe(204);
    expect((await sessie(a.headers)).statusCode).toBe(401);
    expect((await sessie(b.headers)).statusCode).toBe(401);
    expect((await sessie(fx.as('opvang'))).statusCode).toBe(401);
    expect((await sessie(fx.as('csg'))).statusCode).toBe(200);
    await fx.renew('opvang');
  });
});

describe(`login rate limit (${testDbKind()})`, () => {
  it('answers 429 in the error shape once the limit per minute is reached', async () => {
    const limited = await buildApp({ config: securityConfig({ login: { ratePerMinute: 3 } }), db: t.db, webDir: '/nonexistent' });
    try {
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 5; i++) {
        last = await limited.inject({ method: 'POST', url: '/api/v1/auth/inloggen', payload: { email: 'niemand@sec-test.samenveilig.example', wachtwoord: 'x' } });
        statuses.push(last.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      expect(last!.json()).toEqual({ error: { code: 'te_veel_verzoeken', message: expect.any(String), requestId: expect.any(String) } });
      // The right password does not pass the limit either.
      expect((await login('beleidsmedewerker', PASSWORD, limited)).statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe(`behind a reverse proxy (${testDbKind()})`, () => {
  it("a client-written X-Forwarded-For entry neither escapes the login rate limit nor becomes the audited address", async () => {
    const proxied = await buildApp({ config: securityConfig({ trustProxy: 1, login: { ratePerMinute: 2 } }), db: t.db, webDir: '/nonexistent' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        // The proxy appended the address it saw (198.51.100.1) to what the client sent.
        const r = await proxied.inject({ method: 'POST', url: '/api/v1/auth/inloggen', headers: { 'x-forwarded-for': `10.66.0.${i}, 198.51.100.1` }, payload: { email: 'spoof@sec-test.samenveilig.example', wachtwoord: 'x' } });
        statuses.push(r.statusCode);
      }
      const forged = await t.db.query(`SELECT 1 FROM audit_log WHERE client_adres LIKE '10.66.0.%'`);
      expect({ statuses, forged: forged.rows.length }).toEqual({ statuses: [401, 401, 429, 429], forged: 0 });
    } finally {
      await proxied.close();
    }
  });
});

describe(`session cookie (${testDbKind()})`, () => {
  const flags = (setCookie: unknown) => String([setCookie].flat()[0]).split(';').map((s) => s.trim().toLowerCase());

  it('is HttpOnly and SameSite=Strict, on path /, with an end', async () => {
    const r = await login('beleidsmedewerker');
    const f = flags(r.headers['set-cookie']);
    expect(f[0]).toMatch(/^sv_sessie=[a-z0-9_-]{43}$/);
    expect(f).toContain('httponly');
    expect(f).toContain('samesite=strict');
    expect(f).toContain('path=/');
    expect(f.some((x) => x.startsWith('expires='))).toBe(true);
    expect(f).not.toContain('secure'); // plain HTTP here
  });

  it('is Secure when the request came over TLS through a trusted proxy, and not when the proxy is not trusted', async () => {
    const trusted = await buildApp({ config: securityConfig({ trustProxy: 1 }), db: t.db, webDir: '/nonexistent' });
    try {
      const r = await login('beleidsmedewerker', PASSWORD, trusted, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' });
      expect(r.statusCode).toBe(200);
      expect(flags(r.headers['set-cookie'])).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=strict']));
    } finally {
      await trusted.close();
    }
    const spoofed = await login('beleidsmedewerker', PASSWORD, app, { 'x-forwarded-proto': 'https' });
    expect(flags(spoofed.headers['set-cookie'])).not.toContain('secure');
  });
});

describe(`authentication comes first (${testDbKind()})`, () => {
  it('an anonymous request with invalid input is 401, not 400', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/huishoudens?pagina=0' });
    expect(r.statusCode).toBe(401);
  });

  it('a role without the permission gets 403 even with invalid input', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/beheer/gebruikers', headers: fx.as('politie'), payload: { naam: 'x' } });
    expect(r.statusCode).toBe(403);
  });
});
