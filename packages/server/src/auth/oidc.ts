/**
 * OpenID Connect single sign-on: the authorization code flow with PKCE, state and nonce, built on
 * openid-client (which validates the authorization response, the token response and the ID token:
 * issuer, audience, nonce, expiry and signature against the provider's published keys).
 * - discovery of the identity provider, cached per process;
 * - the short-lived, server-side state of a login under way (PendingLogins);
 * - the verified identity of a completed login (completeLogin);
 * - the link between an account and its identity at the provider.
 * Which account an identity opens, the session and the audit are the HTTP route's business.
 */
import { timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import type { Config } from '../config.js';
import type { Queryable } from '../db/database.js';

export type OidcSettings = NonNullable<Config['oidc']>;

export const OIDC_SCOPE = 'openid email profile';

/** Why a login at the identity provider did not yield an identity; becomes the audit outcome `sso-<reason>`. */
export type OidcFailure =
  | 'ongeldige-state' // no, an unknown, an expired or someone else's login under way
  | 'geweigerd' // the provider answered with an error (e.g. the user cancelled)
  | 'ongeldig-antwoord' // the token response or the ID token did not pass validation
  | 'idp-fout' // the provider could not be reached or its metadata is unusable
  | 'geen-claim' // the configured claim is missing or empty
  | 'email-niet-geverifieerd'; // the provider says the e-mail address is not verified

export class OidcLoginError extends Error {
  constructor(
    readonly reason: OidcFailure,
    /** A code for the logs (never personal data): the OAuth error code or the library's error code. */
    readonly detail: string | undefined = undefined,
  ) {
    super(`OIDC login failed: ${reason}${detail ? ` (${detail})` : ''}`);
    this.name = 'OidcLoginError';
  }
}

/** A short, loggable code for a library error; messages may quote tokens or claims and are not logged. */
export function errorCode(err: unknown): string {
  if (err instanceof client.AuthorizationResponseError || err instanceof client.ResponseBodyError) return err.error;
  const e = err as { code?: unknown; name?: unknown } | null;
  if (e && typeof e.code === 'string') return e.code;
  if (e && typeof e.name === 'string') return e.name;
  return 'unknown';
}

// Plain HTTP only for an identity provider on this machine (development and tests); anything else must use HTTPS.
const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

const discoveries = new Map<string, Promise<client.Configuration>>();

/** The provider's metadata and this client's configuration; discovered once per process, retried after a failure. */
export function discover(s: OidcSettings): Promise<client.Configuration> {
  const key = JSON.stringify([s.issuer, s.clientId, s.clientSecret]);
  let found = discoveries.get(key);
  if (!found) {
    const issuer = new URL(s.issuer);
    const insecureAllowed = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
    // client_secret_basic: the OpenID Connect default for a confidential client.
    found = client.discovery(issuer, s.clientId, { client_secret: s.clientSecret }, client.ClientSecretBasic(s.clientSecret), {
      execute: insecureAllowed ? [client.allowInsecureRequests] : [],
      timeout: 10,
    });
    discoveries.set(key, found);
    found.catch(() => discoveries.delete(key));
  }
  return found;
}

interface PendingLogin {
  nonce: string;
  verifier: string;
  expiresAt: number;
}

/**
 * Logins under way, in memory, keyed by their state: the nonce and the PKCE verifier never leave the
 * server. An entry is used once and lives at most ten minutes. The browser holds the state in an
 * HttpOnly cookie, so a callback is only accepted in the browser that started the login.
 * Being in memory, a login must end at the process that started it (one process per installation).
 */
export class PendingLogins {
  private readonly byState = new Map<string, PendingLogin>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  add(entry: { state: string; nonce: string; verifier: string }, now = Date.now()): void {
    this.prune(now);
    // Bounded: when full, the oldest login under way gives way (the start route is rate limited too).
    while (this.byState.size >= this.maxEntries) {
      const oldest = this.byState.keys().next().value;
      if (oldest === undefined) break;
      this.byState.delete(oldest);
    }
    this.byState.set(entry.state, { nonce: entry.nonce, verifier: entry.verifier, expiresAt: now + this.ttlMs });
  }

  /** The login under way for this state, removed so it cannot be used twice; null when unknown or expired. */
  take(state: string, now = Date.now()): PendingLogin | null {
    const entry = this.byState.get(state);
    if (!entry) return null;
    this.byState.delete(state);
    return entry.expiresAt > now ? entry : null;
  }

  get size(): number {
    return this.byState.size;
  }

  private prune(now: number): void {
    for (const [state, entry] of this.byState) if (entry.expiresAt <= now) this.byState.delete(state);
  }
}

/** Starts a login: a fresh state, nonce and PKCE verifier, and the provider's authorization URL. */
export async function beginLogin(s: OidcSettings, pending: PendingLogins): Promise<{ url: URL; state: string }> {
  const config = await discover(s);
  const state = client.randomState();
  const nonce = client.randomNonce();
  const verifier = client.randomPKCECodeVerifier();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: s.redirectUri,
    scope: OIDC_SCOPE,
    response_type: 'code',
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  });
  pending.add({ state, nonce, verifier });
  return { url, state };
}

export interface OidcIdentity {
  /** Issuer of the validated ID token. */
  issuer: string;
  /** The subject (sub) of the validated ID token: the stable identifier at the provider. */
  subject: string;
  /** Value of the configured claim (by default the verified e-mail address). */
  claimValue: string;
}

const sameString = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Completes a login from the callback's query string: checks the state against the browser's cookie
 * and the logins under way, exchanges the code (with the PKCE verifier), validates the ID token
 * (with the nonce) and reads the configured claim, from the ID token or else from the userinfo
 * endpoint (whose subject must equal the ID token's). Throws OidcLoginError.
 */
export async function completeLogin(s: OidcSettings, pending: PendingLogins, rawQuery: string, cookieState: string | undefined): Promise<OidcIdentity> {
  // The registered redirect URI plus the received parameters; never the Host header of the request.
  const currentUrl = new URL(s.redirectUri);
  currentUrl.search = rawQuery;
  const state = currentUrl.searchParams.get('state');
  if (!state || !cookieState || !sameString(state, cookieState)) throw new OidcLoginError('ongeldige-state');
  const login = pending.take(state);
  if (!login) throw new OidcLoginError('ongeldige-state');

  let config: client.Configuration;
  try {
    config = await discover(s);
  } catch (err) {
    throw new OidcLoginError('idp-fout', errorCode(err));
  }
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: login.verifier,
      expectedState: state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
  } catch (err) {
    throw new OidcLoginError(err instanceof client.AuthorizationResponseError ? 'geweigerd' : 'ongeldig-antwoord', errorCode(err));
  }
  const idToken = tokens.claims();
  if (!idToken) throw new OidcLoginError('ongeldig-antwoord', 'no_id_token');

  // Providers differ in where they put claims requested by scope: in the ID token or only at userinfo.
  let source: Record<string, unknown> = idToken;
  if (idToken[s.claim] === undefined) {
    try {
      source = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
    } catch (err) {
      throw new OidcLoginError('ongeldig-antwoord', errorCode(err));
    }
  }
  const value = source[s.claim];
  if (typeof value !== 'string' || value.trim() === '') throw new OidcLoginError('geen-claim');
  if (s.claim === 'email' && (source.email_verified === false || source.email_verified === 'false')) {
    throw new OidcLoginError('email-niet-geverifieerd');
  }
  return { issuer: idToken.iss, subject: idToken.sub, claimValue: value.trim() };
}

/** The identity at a provider an account is linked to, if any. */
export async function oidcLinkOf(db: Queryable, userId: string): Promise<{ issuer: string | null; subject: string | null } | null> {
  const r = await db.query<{ oidc_issuer: string | null; oidc_subject: string | null }>(`SELECT oidc_issuer, oidc_subject FROM app_user WHERE id = $1`, [userId]);
  const row = r.rows[0];
  return row ? { issuer: row.oidc_issuer, subject: row.oidc_subject } : null;
}

/**
 * Links an account to an identity at this issuer: when it has none yet, or one at another issuer (the
 * installation moved to another provider). False when it already has another identity at this issuer
 * (or is inactive): the provider then gave the address to someone else, and only the functional
 * administrator can sort that out.
 */
export async function linkOidcIdentity(tx: Queryable, userId: string, issuer: string, subject: string): Promise<boolean> {
  const r = await tx.query(
    `UPDATE app_user SET oidc_issuer = $2, oidc_subject = $3 WHERE id = $1 AND actief AND (oidc_subject IS NULL OR oidc_issuer IS DISTINCT FROM $2)`,
    [userId, issuer, subject],
  );
  return r.rowCount === 1;
}
