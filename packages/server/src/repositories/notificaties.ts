/**
 * In-app notifications: written in the transaction of the event they announce, read by their
 * recipient only. A notification holds no personal data: a title about the kind of work and a link.
 */
import type { Actor, NotificatieSoort } from '@samenveilig/domain';
import { appendAudit } from '../audit/chain.js';
import type { Database, Queryable } from '../db/database.js';
import { emailEnabled } from '../notify/instelling.js';
import { isUuid, type AuditBase } from './common.js';

export interface NieuweNotificatie {
  regionId: string;
  userIds: readonly string[];
  soort: NotificatieSoort;
  titel: string;
  link: string | null;
  bronType: string;
  bronId: string;
}

export async function notify(tx: Queryable, n: NieuweNotificatie, now = new Date()): Promise<number> {
  const users = [...new Set(n.userIds)];
  if (users.length === 0) return 0;
  // With e-mail on, the notification also waits in the outbox: notify/email.ts sends it after this commits.
  await tx.query(
    `INSERT INTO notificatie (region_id, user_id, soort, titel, link, bron_type, bron_id, aangemaakt_op, email_status)
     SELECT $1::text, u, $3::text, $4::text, $5::text, $6::text, $7::uuid, $8::timestamptz, $9::text FROM unnest($2::uuid[]) AS u`,
    [n.regionId, users, n.soort, n.titel, n.link, n.bronType, n.bronId, now.toISOString(), emailEnabled() ? 'wachtend' : 'niet-nodig'],
  );
  return users.length;
}

/** Active users of an organisation with one of the roles (and, when given, in the team). */
export async function usersWithRole(tx: Queryable, regionId: string, organisationId: string, roles: readonly string[], teamId?: string | null): Promise<string[]> {
  const r = await tx.query<{ id: string }>(
    `SELECT DISTINCT u.id FROM app_user u JOIN user_role r ON r.user_id = u.id
     WHERE u.region_id = $1 AND u.organisation_id = $2 AND u.actief AND r.rol = ANY($3::text[]) AND ($4::uuid IS NULL OR u.team_id = $4::uuid)`,
    [regionId, organisationId, roles, teamId ?? null],
  );
  return r.rows.map((x) => x.id);
}

export interface Notificatie {
  id: string;
  soort: NotificatieSoort;
  titel: string;
  link: string | null;
  aangemaaktOp: string;
  gelezen: boolean;
}

export async function listNotificaties(db: Database, actor: Actor, audit: AuditBase, opts: { alleenOngelezen: boolean; limit: number }) {
  return db.transaction(async (tx) => {
    const rows = (
      await tx.query<{ id: string; soort: NotificatieSoort; titel: string; link: string | null; aangemaakt_op: Date; gelezen_op: Date | null; ongelezen: number }>(
        `SELECT id, soort, titel, link, aangemaakt_op, gelezen_op,
                (SELECT count(*) FROM notificatie WHERE user_id = $1 AND region_id = $2 AND gelezen_op IS NULL) AS ongelezen
         FROM notificatie WHERE user_id = $1 AND region_id = $2 AND ($3::bool IS FALSE OR gelezen_op IS NULL)
         ORDER BY aangemaakt_op DESC, id LIMIT $4`,
        [actor.id, actor.regionId, opts.alleenOngelezen, opts.limit],
      )
    ).rows;
    const ongelezen =
      rows[0]?.ongelezen ??
      (await tx.query<{ n: number }>(`SELECT count(*) AS n FROM notificatie WHERE user_id = $1 AND region_id = $2 AND gelezen_op IS NULL`, [actor.id, actor.regionId]))
        .rows[0]!.n;
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'notificatie.lijst', recordType: 'notificatie', uitkomst: `ok (${rows.length})` }]);
    return {
      ongelezen,
      items: rows.map(
        (r): Notificatie => ({ id: r.id, soort: r.soort, titel: r.titel, link: r.link, aangemaaktOp: new Date(r.aangemaakt_op).toISOString(), gelezen: r.gelezen_op !== null }),
      ),
    };
  });
}

/** The number of the actor's unread notifications: a count, no personal data, so not audited. */
export async function aantalOngelezen(db: Queryable, actor: Actor): Promise<number> {
  return (await db.query<{ n: number }>(`SELECT count(*) AS n FROM notificatie WHERE user_id = $1 AND region_id = $2 AND gelezen_op IS NULL`, [actor.id, actor.regionId])).rows[0]!.n;
}

/** Marks one (or, with id 'alle', every) notification of the actor as read; false when it is not theirs. */
export async function markGelezen(db: Database, actor: Actor, audit: AuditBase, id: string | 'alle', now = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (id !== 'alle' && !isUuid(id)) return false;
    const r = await tx.query(
      `UPDATE notificatie SET gelezen_op = coalesce(gelezen_op, $4) WHERE user_id = $1 AND region_id = $2 AND ($3::text = 'alle' OR id::text = $3)`,
      [actor.id, actor.regionId, id, now.toISOString()],
    );
    const found = id === 'alle' || r.rowCount > 0;
    await appendAudit(tx, [
      { ...audit, regionId: actor.regionId, actie: 'notificatie.gelezen', recordType: 'notificatie', recordId: id === 'alle' ? null : id, uitkomst: found ? 'ok' : 'niet-gevonden' },
    ]);
    return found;
  });
}
