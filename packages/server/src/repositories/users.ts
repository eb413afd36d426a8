/** SQL for accounts: lookup for login, the actor of a session, failed-login bookkeeping. */
import type { Actor, Rol } from '@samenveilig/domain';
import type { Queryable } from '../db/database.js';

export interface LoginUser {
  id: string;
  region_id: string;
  organisation_id: string;
  naam: string;
  actief: boolean;
  password_hash: string | null;
  totp_secret: string | null;
  mislukte_pogingen: number;
  geblokkeerd_tot: Date | null;
  rollen: Rol[];
}

export async function findLoginUser(db: Queryable, by: { email: string } | { oidc: { issuer: string; subject: string } } | { id: string }): Promise<LoginUser | null> {
  const [where, params] =
    'email' in by ? ['u.email = $1', [by.email.trim().toLowerCase()]] : 'id' in by ? ['u.id = $1', [by.id]] : ['u.oidc_issuer = $1 AND u.oidc_subject = $2', [by.oidc.issuer, by.oidc.subject]];
  const r = await db.query<LoginUser>(
    `SELECT u.id, u.region_id, u.organisation_id, u.naam, u.actief, u.password_hash, u.totp_secret, u.mislukte_pogingen, u.geblokkeerd_tot,
            coalesce(array_agg(r.rol ORDER BY r.rol) FILTER (WHERE r.rol IS NOT NULL), '{}') AS rollen
     FROM app_user u LEFT JOIN user_role r ON r.user_id = u.id
     WHERE ${where} GROUP BY u.id, u.region_id`,
    params,
  );
  return r.rows[0] ?? null;
}

/** Counts a failed login; locks the account for lockMinutes at maxFailures. Returns whether it is now locked. */
export async function recordFailedLogin(tx: Queryable, userId: string, maxFailures: number, lockMinutes: number): Promise<boolean> {
  // After a lock has expired, counting starts again from this failure.
  const r = await tx.query<{ locked: boolean }>(
    `WITH c AS (
       SELECT CASE WHEN geblokkeerd_tot IS NOT NULL AND geblokkeerd_tot <= now() THEN 1 ELSE mislukte_pogingen + 1 END AS n
       FROM app_user WHERE id = $1)
     UPDATE app_user SET mislukte_pogingen = c.n,
       geblokkeerd_tot = CASE WHEN c.n >= $2 THEN now() + make_interval(mins => $3)
                              WHEN geblokkeerd_tot IS NOT NULL AND geblokkeerd_tot <= now() THEN NULL ELSE geblokkeerd_tot END
     FROM c WHERE id = $1 RETURNING geblokkeerd_tot IS NOT NULL AND geblokkeerd_tot > now() AS locked`,
    [userId, maxFailures, lockMinutes],
  );
  return r.rows[0]?.locked ?? false;
}

/** Records the TOTP step as used; false when it (or a later one) was used before: a code counts once. */
export async function useTotpStep(tx: Queryable, userId: string, step: number): Promise<boolean> {
  const r = await tx.query(`UPDATE app_user SET totp_laatste_stap = $2 WHERE id = $1 AND (totp_laatste_stap IS NULL OR totp_laatste_stap < $2)`, [userId, step]);
  return r.rowCount === 1;
}

export async function recordSuccessfulLogin(tx: Queryable, userId: string): Promise<void> {
  await tx.query(`UPDATE app_user SET mislukte_pogingen = 0, geblokkeerd_tot = NULL, laatst_ingelogd_op = now() WHERE id = $1`, [userId]);
}

export interface SessionInfo {
  actor: Actor;
  naam: string;
  email: string;
  regio: { id: string; naam: string };
  organisatie: { id: string; naam: string; type: string } | null;
  team: { id: string; naam: string } | null;
  breakGlass: { huishoudenId: string; tot: Date; reden: string }[];
}

/** The actor behind a session: active user, roles, organisation, team and live break-glass grants. */
export async function loadSessionInfo(db: Queryable, userId: string, now = new Date()): Promise<SessionInfo | null> {
  // One round trip: it runs for every request of a logged-in user.
  const u = (
    await db.query<{
      id: string; region_id: string; region_naam: string; organisation_id: string; org_naam: string; org_type: string;
      team_id: string | null; team_naam: string | null; naam: string; email: string; rollen: Rol[];
      break_glass: { household_id: string; tot: string; reden: string }[];
    }>(
      `SELECT u.id, u.region_id, rg.naam AS region_naam, u.organisation_id, o.naam AS org_naam, o.type AS org_type,
              u.team_id, t.naam AS team_naam, u.naam, u.email,
              coalesce((SELECT array_agg(r.rol ORDER BY r.rol) FROM user_role r WHERE r.user_id = u.id), '{}') AS rollen,
              coalesce((SELECT json_agg(json_build_object('household_id', b.household_id, 'tot', b.tot, 'reden', b.reden) ORDER BY b.tot)
                        FROM break_glass b WHERE b.user_id = u.id AND b.region_id = u.region_id AND b.tot > $2), '[]') AS break_glass
       FROM app_user u
       JOIN region rg ON rg.id = u.region_id
       JOIN organisation o ON o.id = u.organisation_id AND o.region_id = u.region_id
       LEFT JOIN team t ON t.id = u.team_id AND t.region_id = u.region_id
       WHERE u.id = $1 AND u.actief`,
      [userId, now.toISOString()],
    )
  ).rows[0];
  if (!u) return null;
  const bg = u.break_glass.map((b) => ({ household_id: b.household_id, tot: new Date(b.tot), reden: b.reden }));
  return {
    actor: {
      kind: 'user',
      id: u.id,
      regionId: u.region_id,
      organisationId: u.organisation_id,
      teamId: u.team_id,
      roles: u.rollen,
      breakGlass: bg.map((b) => ({ householdId: b.household_id, until: b.tot })),
    },
    naam: u.naam,
    email: u.email,
    regio: { id: u.region_id, naam: u.region_naam },
    organisatie: { id: u.organisation_id, naam: u.org_naam, type: u.org_type },
    team: u.team_id ? { id: u.team_id, naam: u.team_naam! } : null,
    breakGlass: bg.map((b) => ({ huishoudenId: b.household_id, tot: b.tot, reden: b.reden })),
  };
}
