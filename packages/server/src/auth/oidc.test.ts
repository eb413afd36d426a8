/**
 * Single sign-on end to end: a real OpenID Connect provider (oidc-provider) on 127.0.0.1, the app
 * listening on 127.0.0.1, and the browser played by fetch with manual redirects and a cookie jar.
 * The provider's login and consent are finished programmatically (auto-approve for a chosen account).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
// oidc-provider ships no types: test-support/oidc-provider.d.ts declares the module.
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../audit/chain.js';
import { loadConfig, type Config } from '../config.js';
import { buildApp } from '../http/app.js';
import { createTestDb, testDbKind, type TestDb } from '../test-support/db.js';
import { PendingLogins } from './oidc.js';

const REGION = 'noord-veluwe-mijov';
const CLIENT_ID = 'samenveilig-test';
const CLIENT_SECRET = randomBytes(24).toString('base64url');

/** Accounts at the identity provider (id = subject). */
const IDP_ACCOUNTS: Record<string, { email: string; email_verified: boolean; name: string }> = {
  'idp-anna': { email: 'anna.sso@example.test', email_verified: true, name: 'Anna Eenmalig' },
  'idp-onbekend': { email: 'niemand@example.test', email_verified: true, name: 'Niet Bekend' },
  'idp-ongeverifieerd': { email: 'bert.sso@example.test', email_verified: false, name: 'Bert Onzeker' },
  'idp-carla': { email: 'carla.sso@example.test', email_verified: true, name: 'Carla Inactief' },
  'idp-dirk': { email: 'dirk.sso@example.test', email_verified: true, name: 'Dirk Dubbel' },
  'idp-eva': { email: 'eva.sso@example.test', email_verified: true, name: 'Eva Verhuisd' },
  'idp-frank': { email: 'frank.sso@example.test', email_verified: true, name: 'Frank Geblokkeerd' },
};
/** The account the provider's auto-approving interaction logs in as. */
let idpAccount = 'idp-anna';

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** A minimal browser cookie jar: by name, with path, deletion on expiry. Both servers live on 127.0.0.1. */
class Jar {
  readonly cookies = new Map<string, { value: string; path: string }>();
  store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const attr = (n: string) => attrs.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith(`${n}=`))?.slice(n.length + 1);
      const maxAge = attr('max-age');
      const expires = attr('expires');
      const expired = value === '' || (maxAge !== undefined && Number(maxAge) <= 0) || (expires !== undefined && new Date(expires) <= new Date());
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, { value, path: attr('path') ?? '/' });
    }
  }
  header(url: URL): string {
    return [...this.cookies]
      .filter(([, c]) => url.pathname.startsWith(c.path))
      .map(([n, c]) => `${n}=${c.value}`)
      .join('; ');
  }
}

let t: TestDb;
let app: FastifyInstance;
let appBase: string;
let issuer: string;
let idpServer: http.Server;
let annaId: string;
let bertId: string;
let evaId: string;

beforeAll(async () => {
  t = await createTestDb();

  // The identity provider: listen first, so its issuer URL (with the port) is known.
  idpServer = http.createServer();
  await new Promise<void>((r) => idpServer.listen(0, '127.0.0.1', r));
  issuer = `http://127.0.0.1:${(idpServer.address() as net.AddressInfo).port}`;
  const appPort = await freePort();
  appBase = `http://127.0.0.1:${appPort}`;
  const redirectUri = `${appBase}/api/v1/auth/oidc/callback`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    jwks: { keys: [{ ...signingKey, kid: 'test-key', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: async (_ctx: unknown, id: string) => {
      const a = IDP_ACCOUNTS[id];
      return a ? { accountId: id, claims: async () => ({ sub: id, ...a }) } : undefined;
    },
    features: { devInteractions: { enabled: false } },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
  });
  const handle = provider.callback();
  idpServer.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return handle(req, res);
    // Auto-approve: log in as idpAccount, then consent to whatever is asked.
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        return provider.interactionFinished(req, res, { login: { accountId: idpAccount } }, { mergeWithLastSubmission: false });
      }
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
      const missing = details.prompt.details;
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      const grantId = await grant.save();
      return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    })().catch((err: unknown) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });

  const config: Config = {
    ...loadConfig({ SAMENVEILIG_DEMO: 'false', LOG_LEVEL: 'silent', SAMENVEILIG_LOGIN_RATE_PER_MINUTE: '1000' }),
    oidc: { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri, claim: 'email' },
  };
  app = await buildApp({ config, db: t.db, webDir: '/nonexistent' });
  await app.listen({ host: '127.0.0.1', port: appPort });

  const org = await t.db.query<{ id: string }>(`INSERT INTO organisation (region_id, type, naam) VALUES ($1, 'veilig-thuis', 'Veilig Thuis SSO-test') RETURNING id`, [REGION]);
  const addUser = async (naam: string, email: string) => {
    const u = await t.db.query<{ id: string }>(`INSERT INTO app_user (region_id, organisation_id, naam, email) VALUES ($1, $2, $3, $4) RETURNING id`, [REGION, org.rows[0]!.id, naam, email]);
    const id = u.rows[0]!.id;
    // A role that requires a second factor: the SSO session must count as complete.
    await t.db.query(`INSERT INTO user_role (user_id, region_id, rol) VALUES ($1, $2, 'vt-medewerker')`, [id, REGION]);
    return id;
  };
  annaId = await addUser('Anna Eenmalig', 'anna.sso@example.test');
  bertId = await addUser('Bert Onzeker', 'bert.sso@example.test');
  const carla = await addUser('Carla Inactief', 'carla.sso@example.test');
  await t.db.query(`UPDATE app_user SET actief = false WHERE id = $1`, [carla]);
  const dirk = await addUser('Dirk Dubbel', 'dirk.sso@example.test');
  await t.db.query(`UPDATE app_user SET oidc_issuer = $2, oidc_subject = 'idp-oude-dirk' WHERE id = $1`, [dirk, issuer]);
  evaId = await addUser('Eva Verhuisd', 'eva.sso@example.test');
  await t.db.query(`UPDATE app_user SET oidc_issuer = 'https://oude-idp.example.test', oidc_subject = 'eva-oud' WHERE id = $1`, [evaId]);
  const frank = await addUser('Frank Geblokkeerd', 'frank.sso@example.test');
  await t.db.query(`UPDATE app_user SET geblokkeerd_tot = now() + interval '10 minutes' WHERE id = $1`, [frank]);
});

afterAll(async () => {
  await app?.close();
  await new Promise<void>((r) => (idpServer ? idpServer.close(() => r()) : r()));
  idpServer?.closeAllConnections();
  await t?.drop();
});

/**
 * Plays the browser from /api/v1/auth/oidc/start through the provider back to the app, following
 * redirects by hand, until the app sends the browser to a page. onCallback may alter the callback.
 */
async function roundTrip(account: string, onCallback?: (url: URL, jar: Jar) => URL): Promise<{ final: string; jar: Jar; callbackUrl: URL | undefined }> {
  idpAccount = account;
  const jar = new Jar();
  let url = new URL('/api/v1/auth/oidc/start', appBase);
  let callbackUrl: URL | undefined;
  for (let hop = 0; hop < 20; hop++) {
    if (url.origin === appBase && url.pathname === '/api/v1/auth/oidc/callback') {
      if (onCallback) url = onCallback(url, jar);
      callbackUrl = url;
    }
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header(url) } });
    jar.store(res);
    const body = await res.text();
    if (res.status < 300 || res.status >= 400) throw new Error(`unexpected ${res.status} at ${url.origin}${url.pathname}: ${body.slice(0, 300)}`);
    const next = new URL(res.headers.get('location')!, url);
    if (next.origin === appBase && !next.pathname.startsWith('/api/')) return { final: `${next.pathname}${next.search}`, jar, callbackUrl };
    url = next;
  }
  throw new Error('too many redirects');
}

const sessie = (jar: Jar) => fetch(`${appBase}/api/v1/auth/sessie`, { headers: { cookie: jar.header(new URL(`${appBase}/api/v1/auth/sessie`)) } });

const auditRows = async (actie: string, uitkomst?: string) =>
  (
    await t.db.query<{ region_id: string; actor_id: string | null; uitkomst: string }>(
      `SELECT region_id, actor_id, uitkomst FROM audit_log WHERE actie = $1 ${uitkomst ? 'AND uitkomst = $2' : ''} ORDER BY op, seq`,
      uitkomst ? [actie, uitkomst] : [actie],
    )
  ).rows;

describe(`OIDC single sign-on (${testDbKind()})`, () => {
  it('start redirects to the provider with state, nonce, PKCE (S256) and the scope', async () => {
    const res = await fetch(`${appBase}/api/v1/auth/oidc/start`, { redirect: 'manual' });
    await res.text();
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location')!);
    expect(to.origin).toBe(issuer);
    expect(to.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(to.searchParams.get('scope')).toBe('openid email profile');
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('nonce')).toBeTruthy();
    const state = to.searchParams.get('state')!;
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sv_oidc_state='))!;
    expect(cookie).toContain(`sv_oidc_state=${state}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('logs an existing user in: session with the second factor done, identity linked, audited', async () => {
    const { final, jar } = await roundTrip('idp-anna');
    expect(final).toBe('/');
    expect(jar.cookies.has('sv_sessie')).toBe(true);
    expect(jar.cookies.has('sv_oidc_state')).toBe(false);

    const r = await sessie(jar);
    expect(r.status).toBe(200);
    const s = (await r.json()) as { gebruiker: { id: string; email: string }; tweedeFactorOk: boolean; rollen: string[] };
    expect(s.gebruiker).toMatchObject({ id: annaId, email: 'anna.sso@example.test' });
    expect(s.tweedeFactorOk).toBe(true);
    expect(s.rollen).toEqual(['vt-medewerker']);

    const u = await t.db.query<{ oidc_issuer: string; oidc_subject: string; laatst_ingelogd_op: Date | null }>(
      `SELECT oidc_issuer, oidc_subject, laatst_ingelogd_op FROM app_user WHERE id = $1`,
      [annaId],
    );
    expect(u.rows[0]).toMatchObject({ oidc_issuer: issuer, oidc_subject: 'idp-anna' });
    expect(u.rows[0]!.laatst_ingelogd_op).not.toBeNull();

    expect(await auditRows('login.sso')).toEqual([{ region_id: REGION, actor_id: annaId, uitkomst: 'ok' }]);
    expect(await auditRows('gebruiker.sso-koppelen')).toHaveLength(1);
  });

  it('logs a linked user in again by issuer and subject, even after the e-mail address changed', async () => {
    await t.db.query(`UPDATE app_user SET email = 'anna.nieuw@example.test' WHERE id = $1`, [annaId]);
    try {
      const { final, jar } = await roundTrip('idp-anna');
      expect(final).toBe('/');
      expect((await sessie(jar)).status).toBe(200);
      expect(await auditRows('login.sso')).toHaveLength(2);
      expect(await auditRows('gebruiker.sso-koppelen')).toHaveLength(1);
    } finally {
      await t.db.query(`UPDATE app_user SET email = 'anna.sso@example.test' WHERE id = $1`, [annaId]);
    }
  });

  it('refuses an unknown identity: no account is created, no session, audited in the installation chain', async () => {
    const users = (await t.db.query<{ n: number }>(`SELECT count(*) AS n FROM app_user`)).rows[0]!.n;
    const { final, jar } = await roundTrip('idp-onbekend');
    expect(final).toBe('/inloggen?fout=sso-onbekend');
    expect(jar.cookies.has('sv_sessie')).toBe(false);
    expect((await t.db.query<{ n: number }>(`SELECT count(*) AS n FROM app_user`)).rows[0]!.n).toBe(users);
    expect(await auditRows('login.mislukt', 'sso-onbekend-account')).toEqual([{ region_id: '_installatie', actor_id: null, uitkomst: 'sso-onbekend-account' }]);
  });

  it('refuses an e-mail address the provider has not verified, and does not link it', async () => {
    const { final, jar } = await roundTrip('idp-ongeverifieerd');
    expect(final).toBe('/inloggen?fout=sso');
    expect(jar.cookies.has('sv_sessie')).toBe(false);
    const u = await t.db.query<{ oidc_subject: string | null }>(`SELECT oidc_subject FROM app_user WHERE id = $1`, [bertId]);
    expect(u.rows[0]!.oidc_subject).toBeNull();
    expect(await auditRows('login.mislukt', 'sso-email-niet-geverifieerd')).toHaveLength(1);
  });

  it('refuses an inactive account like an unknown one, audited in its region', async () => {
    const { final, jar } = await roundTrip('idp-carla');
    expect(final).toBe('/inloggen?fout=sso-onbekend');
    expect(jar.cookies.has('sv_sessie')).toBe(false);
    expect(await auditRows('login.mislukt', 'sso-inactief')).toMatchObject([{ region_id: REGION }]);
  });

  it('refuses an account linked to another identity at the same provider, and keeps that link', async () => {
    const { final, jar } = await roundTrip('idp-dirk');
    expect(final).toBe('/inloggen?fout=sso');
    expect(jar.cookies.has('sv_sessie')).toBe(false);
    expect(await auditRows('login.mislukt', 'sso-ander-account')).toHaveLength(1);
    const u = await t.db.query(`SELECT oidc_subject FROM app_user WHERE email = 'dirk.sso@example.test'`);
    expect(u.rows[0]).toEqual({ oidc_subject: 'idp-oude-dirk' });
  });

  it('relinks an account whose identity is at a previous provider', async () => {
    const { final, jar } = await roundTrip('idp-eva');
    expect(final).toBe('/');
    expect((await sessie(jar)).status).toBe(200);
    const u = await t.db.query(`SELECT oidc_issuer, oidc_subject FROM app_user WHERE id = $1`, [evaId]);
    expect(u.rows[0]).toEqual({ oidc_issuer: issuer, oidc_subject: 'idp-eva' });
  });

  it('refuses a locked account', async () => {
    const { final, jar } = await roundTrip('idp-frank');
    expect(final).toBe('/inloggen?fout=sso');
    expect(jar.cookies.has('sv_sessie')).toBe(false);
    expect(await auditRows('login.mislukt', 'sso-geblokkeerd')).toHaveLength(1);
  });

  it('refuses a tampered state', async () => {
    const { final, jar } = await roundTrip('idp-anna', (url) => {
      const u = new URL(url);
      u.searchParams.set('state', `${u.searchParams.get('state')}x`);
      return u;
    });
    expect(final).toBe('/inloggen?fout=sso');
    expect(jar.cookies.has('sv_sessie')).toBe(false);
    expect(await auditRows('login.mislukt', 'sso-ongeldige-state')).toHaveLength(1);
  });

  it('refuses a callback without the state cookie (another browser) and a callback without state', async () => {
    const { final, jar } = await roundTrip('idp-anna', (url, j) => {
      j.cookies.delete('sv_oidc_state');
      return url;
    });
    expect(final).toBe('/inloggen?fout=sso');
    expect(jar.cookies.has('sv_sessie')).toBe(false);

    const res = await fetch(`${appBase}/api/v1/auth/oidc/callback?code=abc`, { redirect: 'manual' });
    await res.text();
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/inloggen?fout=sso');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('sv_sessie='))).toBe(false);
    expect(await auditRows('login.mislukt', 'sso-ongeldige-state')).toHaveLength(3);
  });

  it('refuses a replayed callback (state is used once)', async () => {
    let replay: { url: URL; cookie: string } | undefined;
    const first = await roundTrip('idp-anna', (url, j) => {
      replay = { url, cookie: j.header(url) };
      return url;
    });
    expect(first.final).toBe('/');
    const res = await fetch(replay!.url, { redirect: 'manual', headers: { cookie: replay!.cookie } });
    await res.text();
    expect(res.headers.get('location')).toBe('/inloggen?fout=sso');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('sv_sessie='))).toBe(false);
  });

  it('refuses an error answer of the provider (e.g. the user cancelled)', async () => {
    const { final } = await roundTrip('idp-anna', (url) => {
      const u = new URL(url);
      u.searchParams.delete('code');
      u.searchParams.set('error', 'access_denied');
      return u;
    });
    expect(final).toBe('/inloggen?fout=sso');
    expect(await auditRows('login.mislukt', 'sso-geweigerd')).toHaveLength(1);
  });

  it('keeps every audit chain intact', async () => {
    expect(await verifyAudit(t.db)).toMatchObject({ ok: true });
  });

  it('answers 404 in the error shape when single sign-on is not configured', async () => {
    const plain = await buildApp({ config: loadConfig({ SAMENVEILIG_DEMO: 'false', LOG_LEVEL: 'silent' }), db: t.db, webDir: '/nonexistent' });
    try {
      for (const path of ['/api/v1/auth/oidc/start', '/api/v1/auth/oidc/callback?code=a&state=b']) {
        const r = await plain.inject({ method: 'GET', url: path });
        expect(r.statusCode).toBe(404);
        expect(r.json()).toMatchObject({ error: { code: 'niet_gevonden', message: 'Single sign-on is niet ingesteld.' } });
      }
    } finally {
      await plain.close();
    }
  });

  it('redirects to the login page when the provider cannot be reached', async () => {
    const port = await freePort();
    const cfg: Config = {
      ...loadConfig({ SAMENVEILIG_DEMO: 'false', LOG_LEVEL: 'silent' }),
      oidc: { issuer: `http://127.0.0.1:${port}`, clientId: 'x', clientSecret: 'y', redirectUri: `http://127.0.0.1:${port}/cb`, claim: 'email' },
    };
    const other = await buildApp({ config: cfg, db: t.db, webDir: '/nonexistent' });
    try {
      const r = await other.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
      expect(r.statusCode).toBe(302);
      expect(r.headers.location).toBe('/inloggen?fout=sso');
    } finally {
      await other.close();
    }
  });
});

describe('PendingLogins', () => {
  it('gives a login under way once, and not after ten minutes', () => {
    const p = new PendingLogins();
    p.add({ state: 'a', nonce: 'n', verifier: 'v' }, 0);
    p.add({ state: 'b', nonce: 'n', verifier: 'v' }, 0);
    expect(p.take('a', 1000)).toMatchObject({ nonce: 'n', verifier: 'v' });
    expect(p.take('a', 1000)).toBeNull();
    expect(p.take('b', 10 * 60_000 + 1)).toBeNull();
  });

  it('stays bounded', () => {
    const p = new PendingLogins(60_000, 3);
    for (const s of ['a', 'b', 'c', 'd']) p.add({ state: s, nonce: 'n', verifier: 'v' }, 0);
    expect(p.size).toBe(3);
    expect(p.take('a', 1)).toBeNull();
    expect(p.take('d', 1)).not.toBeNull();
  });
});
