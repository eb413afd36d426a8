/**
 * Single sign-on with an OpenID Connect identity provider (when SAMENVEILIG_OIDC_* is set).
 * - start: redirects the browser to the provider, with state, nonce and PKCE;
 * - callback: validates the answer, maps the identity to an existing active account (first by the
 *   linked issuer and subject, else by the configured claim, by default the verified e-mail address,
 *   which then links the account) and opens a session. No self-registration: an unknown identity
 *   gets no account. Every outcome is audited; every failure ends on the login page, never in an error.
 */
import { INSTALLATIE_CHAIN } from '@samenveilig/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { appendAudit, type AuditEvent } from '../../audit/chain.js';
import { beginLogin, completeLogin, errorCode, linkOidcIdentity, OidcLoginError, oidcLinkOf, PendingLogins, type OidcIdentity } from '../../auth/oidc.js';
import { createSession } from '../../auth/sessions.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { findLoginUser, recordSuccessfulLogin, type LoginUser } from '../../repositories/users.js';
import { AppError } from '../errors.js';
import { setSessionCookie } from '../security.js';

/** Holds the state of the login under way; SameSite=Lax, so it comes along on the provider's redirect back. */
export const OIDC_STATE_COOKIE = 'sv_oidc_state';
const COOKIE_PATH = '/api/v1/auth/oidc';
const stateCookie = { httpOnly: true, sameSite: 'lax', secure: 'auto', path: COOKIE_PATH } as const;

const LOGIN_FAILED = '/inloggen?fout=sso';
const LOGIN_UNKNOWN = '/inloggen?fout=sso-onbekend';

/** A refusal after a valid answer from the provider: where the browser goes and what the audit says. */
class Refusal extends Error {
  constructor(
    readonly uitkomst: string,
    readonly redirect: string,
    readonly user: LoginUser | null,
  ) {
    super(uitkomst);
  }
}

export const oidcRoutes: FastifyPluginAsyncZod<{ db: Database; config: Config }> = async (app, { db, config }) => {
  const pending = new PendingLogins();
  const rateLimit = { max: config.login.ratePerMinute, timeWindow: '1 minute' };
  const settings = () => {
    if (!config.oidc) throw new AppError('niet_gevonden', 'Single sign-on is niet ingesteld.');
    return config.oidc;
  };
  const logFailure = (req: FastifyRequest, msg: string, err: unknown) =>
    req.log.warn({ err: { type: err instanceof Error ? err.name : typeof err, code: err instanceof OidcLoginError ? `${err.reason}${err.detail ? `/${err.detail}` : ''}` : errorCode(err) } }, msg);

  /** Audit of a failed login: anonymous, in the chain of the account when one was found, else the installation's. */
  const auditFailure = async (req: FastifyRequest, uitkomst: string, user: LoginUser | null) => {
    const event: AuditEvent = {
      regionId: user?.region_id ?? INSTALLATIE_CHAIN,
      actorSoort: 'anoniem',
      actorId: user?.id ?? null,
      organisationId: null,
      rol: null,
      requestId: req.id,
      clientAdres: req.ip,
      recordType: 'gebruiker',
      recordId: user?.id ?? null,
      actie: 'login.mislukt',
      uitkomst,
    };
    try {
      await db.transaction((tx) => appendAudit(tx, [event]));
    } catch (err) {
      logFailure(req, 'oidc failure audit not written', err);
    }
  };

  app.get(
    '/api/v1/auth/oidc/start',
    {
      config: { permission: 'public', rateLimit },
      schema: { tags: ['auth'], summary: 'Single sign-on: redirects to the identity provider (404 when single sign-on is not configured)' },
    },
    async (req, reply) => {
      const s = settings();
      try {
        const { url, state } = await beginLogin(s, pending);
        reply.setCookie(OIDC_STATE_COOKIE, state, { ...stateCookie, maxAge: 10 * 60 });
        return reply.redirect(url.href, 302);
      } catch (err) {
        // The provider is unreachable or its metadata is unusable: back to the login page, with a message.
        logFailure(req, 'oidc start failed', err);
        return reply.redirect(LOGIN_FAILED, 302);
      }
    },
  );

  app.get(
    '/api/v1/auth/oidc/callback',
    {
      config: { permission: 'public', rateLimit },
      schema: { tags: ['auth'], summary: 'Single sign-on: the identity provider returns here; opens a session for an existing account and redirects' },
    },
    async (req, reply) => {
      const s = settings();
      const cookieState = req.cookies[OIDC_STATE_COOKIE];
      reply.clearCookie(OIDC_STATE_COOKIE, stateCookie);
      const q = req.url.indexOf('?');
      let identity: OidcIdentity;
      try {
        identity = await completeLogin(s, pending, q >= 0 ? req.url.slice(q) : '', cookieState);
      } catch (err) {
        logFailure(req, 'oidc callback refused', err);
        await auditFailure(req, err instanceof OidcLoginError ? `sso-${err.reason}` : 'sso-fout', null);
        return reply.redirect(LOGIN_FAILED, 302);
      }
      try {
        await openSession(req, reply, identity);
        return reply.redirect('/', 302);
      } catch (err) {
        if (err instanceof Refusal) {
          await auditFailure(req, err.uitkomst, err.user);
          return reply.redirect(err.redirect, 302);
        }
        logFailure(req, 'oidc session not opened', err);
        await auditFailure(req, 'sso-fout', null);
        return reply.redirect(LOGIN_FAILED, 302);
      }
    },
  );

  /** Maps the identity to an existing active account and opens its session; throws Refusal otherwise. */
  async function openSession(req: FastifyRequest, reply: FastifyReply, identity: OidcIdentity): Promise<void> {
    let user = await findLoginUser(db, { oidc: { issuer: identity.issuer, subject: identity.subject } });
    let link = false;
    if (!user) {
      // Not linked yet: the account whose e-mail address is the configured claim, unless that account is
      // linked to another identity at this same provider (see linkOidcIdentity).
      const byClaim = await findLoginUser(db, { email: identity.claimValue });
      if (!byClaim) throw new Refusal('sso-onbekend-account', LOGIN_UNKNOWN, null);
      const linked = await oidcLinkOf(db, byClaim.id);
      if (linked?.subject && linked.issuer === identity.issuer) throw new Refusal('sso-ander-account', LOGIN_FAILED, byClaim);
      user = byClaim;
      link = true;
    }
    if (!user.actief) throw new Refusal('sso-inactief', LOGIN_UNKNOWN, user);
    // A lock after failed password or code attempts also holds for single sign-on; it ends by itself or by the functional administrator.
    if (user.geblokkeerd_tot && new Date(user.geblokkeerd_tot) > new Date()) throw new Refusal('sso-geblokkeerd', LOGIN_FAILED, user);

    const u = user;
    const base = {
      regionId: u.region_id,
      actorSoort: 'gebruiker' as const,
      actorId: u.id,
      organisationId: u.organisation_id,
      rol: u.rollen.join(','),
      requestId: req.id,
      clientAdres: req.ip,
      recordType: 'gebruiker',
      recordId: u.id,
    };
    const session = await db.transaction(async (tx) => {
      if (link && !(await linkOidcIdentity(tx, u.id, identity.issuer, identity.subject))) {
        throw new Refusal('sso-ander-account', LOGIN_FAILED, u); // linked or deactivated meanwhile
      }
      // The identity provider is trusted for the second factor: the organisations that use single sign-on
      // require multi-factor authentication at their provider, so the session does not ask for the TOTP
      // code of this application (which an SSO user need not have set up).
      const created = await createSession(tx, u, { secondFactorOk: true, maxHours: config.session.maxHours });
      await recordSuccessfulLogin(tx, u.id);
      await appendAudit(tx, [
        ...(link ? [{ ...base, actie: 'gebruiker.sso-koppelen', doel: `issuer: ${identity.issuer}`, uitkomst: 'ok' }] : []),
        { ...base, actie: 'login.sso', uitkomst: 'ok' },
      ]);
      return created;
    });
    setSessionCookie(reply, session.token, session.expiresAt);
  }
};
