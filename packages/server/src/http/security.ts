/**
 * The one authentication and authorisation path for every request.
 * - onRequest: the session cookie becomes req.auth (actor and session) or stays null.
 * - preHandler: the route's declared permission is enforced: 'public'; 'session' (logged in, also
 *   while the second factor is pending); or { resource, action } (fully logged in and the role may
 *   attempt it, per the domain policy). Record-level checks happen in the data layer, where an
 *   out-of-scope record is "not found".
 * - CSRF: every state-changing request of a logged-in session carries X-CSRF-Token.
 */
import { timingSafeEqual } from 'node:crypto';
import { mayAttempt, requiresSecondFactor, type Action, type Actor, type ResourceType } from '@samenveilig/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { findSession, SESSION_COOKIE, touchSession, type SessionRow } from '../auth/sessions.js';
import { loadSessionInfo, type SessionInfo } from '../repositories/users.js';
import { appendAudit, type AuditEvent } from '../audit/chain.js';
import { AppError } from './errors.js';

/**
 * Who may call a route. Every route declares one; the app refuses to start otherwise.
 * - 'public': anyone;
 * - 'session': logged in, also while the second factor is pending;
 * - 'second-factor': the one step after the password, before the CSRF token is known to the client;
 * - { resource, action }: fully logged in, and the role may attempt this (domain policy).
 */
export type Permission = 'public' | 'session' | 'second-factor' | { readonly resource: ResourceType; readonly action: Action };

export interface RequestAuth {
  session: SessionRow;
  info: SessionInfo;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
  interface FastifyContextConfig {
    permission?: Permission;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hasNul(v: unknown, depth = 0): boolean {
  if (typeof v === 'string') return v.includes('\u0000');
  if (depth > 20 || v === null || typeof v !== 'object') return false;
  return Object.entries(v).some(([k, x]) => k.includes('\u0000') || hasNul(x, depth + 1));
}

export function registerSecurity(app: import('fastify').FastifyInstance, deps: { db: Database; config: Config }) {
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await findSession(deps.db, token, deps.config.session.idleMinutes);
    if (!session) return;
    const info = await loadSessionInfo(deps.db, session.user_id);
    if (!info) return;
    await touchSession(deps.db, session);
    req.auth = { session, info };
  });

  // preValidation: who may call comes before what they sent, so a refused caller learns nothing of the input rules.
  app.addHook('preValidation', async (req) => {
    if (req.is404) return; // the not-found handler answers 404 (or the web app) without data
    const permission = req.routeOptions.config.permission;
    if (permission === undefined) throw new AppError('geen_toegang', 'Geen toegang.'); // only static files: checked at start-up
    if (permission === 'public') return;
    const auth = req.auth;
    if (!auth) throw new AppError('niet_ingelogd', 'U bent niet ingelogd of uw sessie is verlopen. Log opnieuw in.');
    if (STATE_CHANGING.has(req.method) && permission !== 'second-factor') {
      const sent = req.headers['x-csrf-token'];
      const expected = Buffer.from(auth.session.csrf_token);
      const given = Buffer.from(typeof sent === 'string' ? sent : '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new AppError('geen_toegang', 'Dit verzoek mist een geldig CSRF-token. Herlaad de pagina en probeer het opnieuw.');
      }
    }
    if (permission === 'session' || permission === 'second-factor') return;
    if (requiresSecondFactor(auth.info.actor.roles) && !auth.session.tweede_factor_ok) {
      throw new AppError('niet_ingelogd', 'Voer eerst de code van uw authenticator-app in.');
    }
    if (!mayAttempt(auth.info.actor, permission.action, permission.resource)) {
      // A refused attempt by a known user is recorded too.
      await deps.db.transaction((tx) =>
        appendAudit(tx, [
          { ...auditBase(req), actie: 'toegang.geweigerd', recordType: permission.resource, doel: `${req.method} ${req.routeOptions.url}`, uitkomst: 'geweigerd' },
        ]),
      );
      throw new AppError('geen_toegang', 'Uw rol geeft geen toegang tot deze functie.');
    }
  });

  // PostgreSQL text cannot hold NUL; refuse it at the door instead of failing in the database.
  app.addHook('preValidation', async (req) => {
    if (hasNul(req.body) || hasNul(req.query) || hasNul(req.params)) {
      throw new AppError('ongeldige_invoer', 'De invoer bevat een ongeldig teken (NUL).');
    }
  });
}

/** The actor of a request that passed a resource permission. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.auth) throw new AppError('niet_ingelogd', 'U bent niet ingelogd.');
  return req.auth.info.actor;
}

/** Who, from where, for which request: the common part of every audit event of a request. */
export function auditBase(req: FastifyRequest): Pick<AuditEvent, 'actorSoort' | 'actorId' | 'organisationId' | 'rol' | 'requestId' | 'clientAdres' | 'regionId'> {
  const a = req.auth?.info.actor;
  return {
    regionId: a?.regionId ?? '_installatie',
    actorSoort: a ? 'gebruiker' : 'anoniem',
    actorId: a?.id ?? null,
    organisationId: a?.organisationId ?? null,
    rol: a ? a.roles.join(',') : null,
    requestId: req.id,
    clientAdres: req.ip,
  };
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: 'auto', path: '/', expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: 'auto', path: '/' });
}
