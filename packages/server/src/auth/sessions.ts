/**
 * Server-side sessions. The browser holds a random token in an HttpOnly cookie; the database holds
 * only its SHA-256, with a CSRF token, the second-factor state, an idle timeout and an absolute end.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.js';

export const SESSION_COOKIE = 'sv_sessie';

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionRow {
  token_hash: string;
  user_id: string;
  region_id: string;
  csrf_token: string;
  tweede_factor_ok: boolean;
  laatst_gebruikt_op: Date;
  verloopt_op: Date;
}

export async function createSession(
  tx: Queryable,
  user: { id: string; region_id: string },
  opts: { secondFactorOk: boolean; maxHours: number },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + opts.maxHours * 3600_000);
  await tx.query(
    `INSERT INTO user_session (token_hash, user_id, region_id, csrf_token, tweede_factor_ok, verloopt_op) VALUES ($1, $2, $3, $4, $5, $6)`,
    [tokenHash(token), user.id, user.region_id, csrfToken, opts.secondFactorOk, expiresAt.toISOString()],
  );
  return { token, csrfToken, expiresAt };
}

/** The live session for a token: not revoked, not past its end, used within the idle timeout. */
export async function findSession(db: Queryable, token: string, idleMinutes: number, now = new Date()): Promise<SessionRow | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const r = await db.query<SessionRow>(
    `SELECT s.token_hash, s.user_id, s.region_id, s.csrf_token, s.tweede_factor_ok, s.laatst_gebruikt_op, s.verloopt_op
     FROM user_session s JOIN app_user u ON u.id = s.user_id AND u.region_id = s.region_id
     WHERE s.token_hash = $1 AND s.ingetrokken_op IS NULL AND s.verloopt_op > $2
       AND s.laatst_gebruikt_op > $3::timestamptz AND u.actief`,
    [tokenHash(token), now.toISOString(), new Date(now.getTime() - idleMinutes * 60_000).toISOString()],
  );
  return r.rows[0] ?? null;
}

/** Marks the session as used (at most once a minute, to spare the database). */
export async function touchSession(db: Queryable, s: SessionRow, now = new Date()): Promise<void> {
  if (now.getTime() - new Date(s.laatst_gebruikt_op).getTime() < 60_000) return;
  await db.query(`UPDATE user_session SET laatst_gebruikt_op = $2 WHERE token_hash = $1`, [s.token_hash, now.toISOString()]);
}

export async function completeSecondFactor(tx: Queryable, hash: string): Promise<void> {
  await tx.query(`UPDATE user_session SET tweede_factor_ok = true, laatst_gebruikt_op = now() WHERE token_hash = $1`, [hash]);
}

export async function revokeSession(tx: Queryable, hash: string): Promise<void> {
  await tx.query(`UPDATE user_session SET ingetrokken_op = now() WHERE token_hash = $1 AND ingetrokken_op IS NULL`, [hash]);
}

export async function revokeAllSessions(tx: Queryable, userId: string): Promise<number> {
  const r = await tx.query(`UPDATE user_session SET ingetrokken_op = now() WHERE user_id = $1 AND ingetrokken_op IS NULL`, [userId]);
  return r.rowCount;
}
