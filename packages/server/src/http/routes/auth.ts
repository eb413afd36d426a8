/** Login with password and TOTP, the session, logout and logout everywhere. Every step is audited. */
import { INSTALLATIE_CHAIN, requiresSecondFactor } from '@samenveilig/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../audit/chain.js';
import { totpStep, verifyPassword } from '../../auth/credentials.js';
import { completeSecondFactor, createSession, revokeAllSessions, revokeSession } from '../../auth/sessions.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { findLoginUser, loadSessionInfo, recordFailedLogin, recordSuccessfulLogin, useTotpStep } from '../../repositories/users.js';
import { AppError } from '../errors.js';
import { auditBase, clearSessionCookie, setSessionCookie } from '../security.js';

export const sessieSchema = z.object({
  gebruiker: z.object({ id: z.string(), naam: z.string(), email: z.string() }),
  regio: z.object({ id: z.string(), naam: z.string() }),
  organisatie: z.object({ id: z.string(), naam: z.string(), type: z.string() }).nullable(),
  team: z.object({ id: z.string(), naam: z.string() }).nullable(),
  rollen: z.array(z.string()),
  tweedeFactorOk: z.boolean(),
  csrfToken: z.string(),
  verlooptOp: z.string(),
  breakGlass: z.array(z.object({ huishoudenId: z.string(), tot: z.string() })),
});
type Sessie = z.infer<typeof sessieSchema>;

const loginResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('tweede-factor-nodig') }),
  z.object({ status: z.literal('ingelogd'), sessie: sessieSchema }),
]);

const WRONG = 'E-mailadres of wachtwoord onjuist.';
const LOCKED = 'Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het later opnieuw of neem contact op met de functioneel beheerder.';

export const authRoutes: FastifyPluginAsyncZod<{ db: Database; config: Config }> = async (app, { db, config }) => {
  const sessie = async (userId: string, csrfToken: string, secondFactorOk: boolean, expiresAt: Date): Promise<Sessie> => {
    const info = (await loadSessionInfo(db, userId))!;
    return {
      gebruiker: { id: info.actor.id, naam: info.naam, email: info.email },
      regio: info.regio,
      organisatie: info.organisatie,
      team: info.team,
      rollen: [...info.actor.roles],
      tweedeFactorOk: secondFactorOk,
      csrfToken,
      verlooptOp: expiresAt.toISOString(),
      breakGlass: info.breakGlass.map((b) => ({ huishoudenId: b.huishoudenId, tot: b.tot.toISOString() })),
    };
  };
  const rateLimit = { max: config.login.ratePerMinute, timeWindow: '1 minute' };

  app.post(
    '/api/v1/auth/inloggen',
    {
      config: { permission: 'public', rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Log in with e-mail address and password; a second factor follows for roles that see personal data',
        body: z.object({ email: z.string().trim().min(1).max(200), wachtwoord: z.string().min(1).max(200) }).strict(),
        response: { 200: loginResult },
      },
    },
    async (req, reply) => {
      const user = await findLoginUser(db, { email: req.body.email });
      const now = new Date();
      const locked = user?.geblokkeerd_tot && new Date(user.geblokkeerd_tot) > now;
      const passwordOk = await verifyPassword(user?.password_hash ?? null, req.body.wachtwoord);
      const base = { ...auditBase(req), recordType: 'gebruiker' };
      if (!user || !user.actief || locked || !passwordOk) {
        const nowLocked = await db.transaction(async (tx) => {
          const l = user && user.actief && !locked && !passwordOk ? await recordFailedLogin(tx, user.id, config.login.maxFailures, config.login.lockMinutes) : false;
          await appendAudit(tx, [
            {
              ...base,
              regionId: user?.region_id ?? INSTALLATIE_CHAIN,
              actorSoort: 'anoniem',
              actorId: user?.id ?? null,
              organisationId: null,
              rol: null,
              recordId: user?.id ?? null,
              actie: 'login.mislukt',
              uitkomst: locked ? 'geblokkeerd' : !user ? 'onbekend-account' : !user.actief ? 'inactief' : l ? 'mislukt-nu-geblokkeerd' : 'mislukt',
            },
          ]);
          return l;
        });
        // The lock is told only to whoever knows the password, so the message does not reveal that an account exists.
        throw new AppError('niet_ingelogd', (locked && passwordOk) || nowLocked ? LOCKED : WRONG);
      }
      const needs2fa = requiresSecondFactor(user.rollen);
      const s = await db.transaction(async (tx) => {
        const created = await createSession(tx, user, { secondFactorOk: !needs2fa, maxHours: config.session.maxHours });
        if (!needs2fa) await recordSuccessfulLogin(tx, user.id);
        await appendAudit(tx, [
          { ...base, regionId: user.region_id, actorSoort: 'gebruiker', actorId: user.id, organisationId: user.organisation_id, rol: user.rollen.join(','), recordId: user.id, actie: needs2fa ? 'login.wachtwoord' : 'login', uitkomst: 'ok' },
        ]);
        return created;
      });
      setSessionCookie(reply, s.token, s.expiresAt);
      if (needs2fa) return { status: 'tweede-factor-nodig' as const };
      return { status: 'ingelogd' as const, sessie: await sessie(user.id, s.csrfToken, true, s.expiresAt) };
    },
  );

  app.post(
    '/api/v1/auth/tweede-factor',
    {
      config: { permission: 'second-factor', rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Complete the login with the 6-digit code of the authenticator app (TOTP)',
        body: z.object({ code: z.string().trim().regex(/^\d{6}$/, 'de code bestaat uit 6 cijfers') }).strict(),
        response: { 200: loginResult },
      },
    },
    async (req) => {
      const auth = req.auth!;
      const user = (await findLoginUser(db, { id: auth.session.user_id }))!;
      const now = new Date();
      const locked = user.geblokkeerd_tot && new Date(user.geblokkeerd_tot) > now;
      const step = locked ? null : totpStep(user.totp_secret, req.body.code);
      const base = { ...auditBase(req), recordType: 'gebruiker', recordId: user.id };
      // A code counts once: the step is claimed in its own statement, so two requests cannot both use it.
      const ok = step !== null && (await db.transaction((tx) => useTotpStep(tx, user.id, step)));
      if (!ok) {
        const nowLocked = await db.transaction(async (tx) => {
          const l = locked ? true : await recordFailedLogin(tx, user.id, config.login.maxFailures, config.login.lockMinutes);
          if (l) await revokeSession(tx, auth.session.token_hash);
          await appendAudit(tx, [{ ...base, actie: 'login.tweede-factor', uitkomst: l ? 'mislukt-nu-geblokkeerd' : 'mislukt' }]);
          return l;
        });
        throw new AppError('niet_ingelogd', nowLocked ? LOCKED : 'De code klopt niet. Controleer de tijd op uw telefoon en probeer het opnieuw.');
      }
      await db.transaction(async (tx) => {
        await completeSecondFactor(tx, auth.session.token_hash);
        await recordSuccessfulLogin(tx, user.id);
        await appendAudit(tx, [{ ...base, actie: 'login', uitkomst: 'ok' }]);
      });
      return { status: 'ingelogd' as const, sessie: await sessie(user.id, auth.session.csrf_token, true, new Date(auth.session.verloopt_op)) };
    },
  );

  app.get(
    '/api/v1/auth/sessie',
    { config: { permission: 'session' }, schema: { tags: ['auth'], summary: 'The current session', response: { 200: sessieSchema } } },
    async (req) => {
      const s = req.auth!.session;
      return sessie(s.user_id, s.csrf_token, s.tweede_factor_ok, new Date(s.verloopt_op));
    },
  );

  app.post(
    '/api/v1/auth/uitloggen',
    { config: { permission: 'session' }, schema: { tags: ['auth'], summary: 'Log out (this session)' } },
    async (req, reply) => {
      await db.transaction(async (tx) => {
        await revokeSession(tx, req.auth!.session.token_hash);
        await appendAudit(tx, [{ ...auditBase(req), recordType: 'gebruiker', recordId: req.auth!.session.user_id, actie: 'logout', uitkomst: 'ok' }]);
      });
      clearSessionCookie(reply);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/auth/overal-uitloggen',
    { config: { permission: 'session' }, schema: { tags: ['auth'], summary: 'Log out everywhere: end every session of this user' } },
    async (req, reply) => {
      await db.transaction(async (tx) => {
        const n = await revokeAllSessions(tx, req.auth!.session.user_id);
        await appendAudit(tx, [{ ...auditBase(req), recordType: 'gebruiker', recordId: req.auth!.session.user_id, actie: 'logout.overal', uitkomst: `ok (${n} sessies)` }]);
      });
      clearSessionCookie(reply);
      return reply.status(204).send();
    },
  );
};
