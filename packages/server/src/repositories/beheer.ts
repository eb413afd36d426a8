/** Users, organisations and teams of a region, for the functioneel beheerder. Writes are audited. */
import { REGIE_ROLLEN, vertrekProbleem, type Actor, type Rol } from '@samenveilig/domain';
import { appendAudit } from '../audit/chain.js';
import { isUuid, type AuditBase } from './common.js';
import { hashPassword, newTotpSecret, randomPassword, totpUri } from '../auth/credentials.js';
import type { Database, Queryable } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { regieVanGebruiker } from './regie.js';


export async function listOrganisations(db: Queryable, regionId: string) {
  const orgs = (await db.query<{ id: string; naam: string; type: string; gemeente_code: string | null; gemeente_naam: string | null }>(
    `SELECT o.id, o.naam, o.type, o.gemeente_code, g.naam AS gemeente_naam FROM organisation o LEFT JOIN gemeente g ON g.code = o.gemeente_code
     WHERE o.region_id = $1 ORDER BY o.naam`,
    [regionId],
  )).rows;
  const teams = (
    await db.query<{ id: string; naam: string; organisation_id: string; teamleider_id: string | null; werkgebied: string[]; versie: number }>(
      `SELECT t.id, t.naam, t.organisation_id, t.teamleider_id, t.versie,
              coalesce((SELECT array_agg(w.gemeente_code ORDER BY w.gemeente_code) FROM team_werkgebied w WHERE w.team_id = t.id), '{}') AS werkgebied
       FROM team t WHERE t.region_id = $1 ORDER BY t.naam`,
      [regionId],
    )
  ).rows;
  return orgs.map((o) => ({
    id: o.id,
    naam: o.naam,
    type: o.type,
    gemeente: o.gemeente_code ? { code: o.gemeente_code, naam: o.gemeente_naam! } : null,
    teams: teams.filter((t) => t.organisation_id === o.id).map((t) => ({ id: t.id, naam: t.naam, teamleiderId: t.teamleider_id, werkgebied: t.werkgebied, versie: t.versie })),
  }));
}

const uniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

export async function createOrganisation(db: Database, actor: Actor, audit: AuditBase, input: { naam: string; type: string; gemeenteCode?: string | undefined }) {
  return db.transaction(async (tx) => {
    if (input.gemeenteCode) {
      const g = await tx.query(`SELECT 1 FROM gemeente WHERE code = $1 AND region_id = $2`, [input.gemeenteCode, actor.regionId]);
      if (g.rows.length === 0) throw new AppError('ongeldige_invoer', 'Deze gemeente hoort niet bij uw regio.', [{ path: 'body.gemeenteCode', message: 'onbekende gemeente in deze regio' }]);
    }
    const t = await tx.query(`SELECT 1 FROM organisatietype WHERE code = $1`, [input.type]);
    if (t.rows.length === 0) throw new AppError('ongeldige_invoer', 'Onbekend organisatietype.', [{ path: 'body.type', message: 'onbekend organisatietype' }]);
    const r = await tx
      .query<{ id: string }>(`INSERT INTO organisation (region_id, type, naam, gemeente_code) VALUES ($1, $2, $3, $4) RETURNING id`, [
        actor.regionId,
        input.type,
        input.naam,
        input.gemeenteCode ?? null,
      ])
      .catch((e: unknown) => {
        if (uniqueViolation(e)) throw new AppError('conflict', 'Er bestaat al een organisatie met deze naam in uw regio.');
        throw e;
      });
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'organisatie.aanmaken', recordType: 'organisatie', recordId: r.rows[0]!.id, uitkomst: 'ok' }]);
    return { id: r.rows[0]!.id };
  });
}

export async function createTeam(db: Database, actor: Actor, audit: AuditBase, organisationId: string, naam: string) {
  return db.transaction(async (tx) => {
    const o = isUuid(organisationId) ? await tx.query(`SELECT 1 FROM organisation WHERE id = $1 AND region_id = $2`, [organisationId, actor.regionId]) : { rows: [] };
    if (o.rows.length === 0) throw new AppError('niet_gevonden', 'Organisatie niet gevonden.');
    const r = await tx
      .query<{ id: string }>(`INSERT INTO team (region_id, organisation_id, naam) VALUES ($1, $2, $3) RETURNING id`, [actor.regionId, organisationId, naam])
      .catch((e: unknown) => {
        if (uniqueViolation(e)) throw new AppError('conflict', 'Deze organisatie heeft al een team met deze naam.');
        throw e;
      });
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'team.aanmaken', recordType: 'team', recordId: r.rows[0]!.id, uitkomst: 'ok' }]);
    return { id: r.rows[0]!.id };
  });
}

export interface UserView {
  id: string;
  naam: string;
  email: string;
  organisatie: { id: string; naam: string };
  team: { id: string; naam: string } | null;
  rollen: Rol[];
  actief: boolean;
  geblokkeerd: boolean;
  versie: number;
}

async function usersOf(db: Queryable, regionId: string, id?: string): Promise<UserView[]> {
  const r = await db.query<{
    id: string; naam: string; email: string; org_id: string; org_naam: string; team_id: string | null; team_naam: string | null;
    rollen: Rol[]; actief: boolean; geblokkeerd: boolean; versie: number;
  }>(
    `SELECT u.id, u.naam, u.email, o.id AS org_id, o.naam AS org_naam, t.id AS team_id, t.naam AS team_naam,
            coalesce(array_agg(r.rol ORDER BY r.rol) FILTER (WHERE r.rol IS NOT NULL), '{}') AS rollen,
            u.actief, coalesce(u.geblokkeerd_tot > now(), false) AS geblokkeerd, u.versie
     FROM app_user u JOIN organisation o ON o.id = u.organisation_id AND o.region_id = u.region_id
     LEFT JOIN team t ON t.id = u.team_id AND t.region_id = u.region_id
     LEFT JOIN user_role r ON r.user_id = u.id
     WHERE u.region_id = $1 ${id ? 'AND u.id = $2' : ''}
     GROUP BY u.id, u.region_id, o.id, o.naam, t.id, t.naam ORDER BY u.naam`,
    id ? [regionId, id] : [regionId],
  );
  return r.rows.map((u) => ({
    id: u.id,
    naam: u.naam,
    email: u.email,
    organisatie: { id: u.org_id, naam: u.org_naam },
    team: u.team_id ? { id: u.team_id, naam: u.team_naam! } : null,
    rollen: u.rollen,
    actief: u.actief,
    geblokkeerd: u.geblokkeerd,
    versie: u.versie,
  }));
}

export async function listUsers(db: Database, actor: Actor, audit: AuditBase) {
  return db.transaction(async (tx) => {
    const users = await usersOf(tx, actor.regionId);
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'gebruiker.lijst', recordType: 'gebruiker', uitkomst: `ok (${users.length})` }]);
    return users;
  });
}

async function checkTeam(tx: Queryable, regionId: string, organisationId: string, teamId: string | null | undefined) {
  if (!teamId) return;
  const t = isUuid(teamId) ? await tx.query(`SELECT 1 FROM team WHERE id = $1 AND organisation_id = $2 AND region_id = $3`, [teamId, organisationId, regionId]) : { rows: [] };
  if (t.rows.length === 0) throw new AppError('ongeldige_invoer', 'Dit team hoort niet bij de organisatie van de gebruiker.', [{ path: 'body.teamId', message: 'onbekend team' }]);
}

export async function createUser(
  db: Database,
  actor: Actor,
  audit: AuditBase,
  input: { naam: string; email: string; organisatieId: string; teamId?: string | undefined; rollen: Rol[] },
) {
  const wachtwoord = randomPassword();
  const totpSecret = newTotpSecret();
  const hash = await hashPassword(wachtwoord);
  return db.transaction(async (tx) => {
    const o = isUuid(input.organisatieId) ? await tx.query(`SELECT 1 FROM organisation WHERE id = $1 AND region_id = $2`, [input.organisatieId, actor.regionId]) : { rows: [] };
    if (o.rows.length === 0) throw new AppError('ongeldige_invoer', 'Deze organisatie hoort niet bij uw regio.', [{ path: 'body.organisatieId', message: 'onbekende organisatie' }]);
    await checkTeam(tx, actor.regionId, input.organisatieId, input.teamId);
    const email = input.email.trim().toLowerCase();
    const r = await tx
      .query<{ id: string }>(
        `INSERT INTO app_user (region_id, organisation_id, team_id, naam, email, password_hash, totp_secret) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [actor.regionId, input.organisatieId, input.teamId ?? null, input.naam, email, hash, totpSecret],
      )
      .catch((e: unknown) => {
        if (uniqueViolation(e)) throw new AppError('conflict', 'Er bestaat al een account met dit e-mailadres.');
        throw e;
      });
    const id = r.rows[0]!.id;
    await tx.query(`INSERT INTO user_role (user_id, region_id, rol) SELECT $1, $2, unnest($3::text[])`, [id, actor.regionId, [...new Set(input.rollen)]]);
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'gebruiker.aanmaken', recordType: 'gebruiker', recordId: id, doel: `rollen: ${input.rollen.join(',')}`, uitkomst: 'ok' }]);
    const gebruiker = (await usersOf(tx, actor.regionId, id))[0]!;
    return { gebruiker, tijdelijkWachtwoord: wachtwoord, totpSecret, totpUri: totpUri(totpSecret, email) };
  });
}

export async function updateUser(
  db: Database,
  actor: Actor,
  audit: AuditBase,
  id: string,
  input: { naam?: string | undefined; teamId?: string | null | undefined; rollen?: Rol[] | undefined; actief?: boolean | undefined; versie: number },
) {
  return db.transaction(async (tx) => {
    const current = isUuid(id)
      ? (await tx.query<{ organisation_id: string; versie: number }>(`SELECT organisation_id, versie FROM app_user WHERE id = $1 AND region_id = $2 FOR UPDATE`, [id, actor.regionId])).rows[0]
      : undefined;
    if (!current) throw new AppError('niet_gevonden', 'Gebruiker niet gevonden.');
    if (current.versie !== input.versie) {
      throw new AppError('conflict', 'Iemand anders heeft deze gebruiker intussen gewijzigd. Herlaad de gegevens en probeer het opnieuw.');
    }
    if (input.teamId !== undefined) await checkTeam(tx, actor.regionId, current.organisation_id, input.teamId);
    // Separation of duties: nobody changes their own roles or deactivates themselves (a beheerder giving
    // itself a dossier role would read every dossier of its organisation). Another beheerder must do it.
    if (id === actor.id && (input.actief !== undefined || input.rollen !== undefined)) {
      throw new AppError('geen_toegang', 'U kunt uw eigen rollen en status niet wijzigen; vraag een andere functioneel beheerder.');
    }
    // Regie is never left without a holder: deactivating, or taking away every role that can hold it,
    // waits until a successor accepted the user's regie (the database refuses it as well).
    if (input.actief === false || (input.rollen && !input.rollen.some((r) => REGIE_ROLLEN.includes(r)))) {
      const probleem = vertrekProbleem(await regieVanGebruiker(tx, id));
      if (probleem) throw new AppError('conflict', `${probleem.charAt(0).toUpperCase()}${probleem.slice(1)}.`);
    }
    await tx.query(
      `UPDATE app_user SET naam = coalesce($3, naam), team_id = CASE WHEN $4 THEN $5::uuid ELSE team_id END, actief = coalesce($6, actief), versie = versie + 1
       WHERE id = $1 AND region_id = $2`,
      [id, actor.regionId, input.naam ?? null, input.teamId !== undefined, input.teamId ?? null, input.actief ?? null],
    );
    let rolesChange = '';
    if (input.rollen) {
      const before = (await tx.query<{ rol: string }>(`SELECT rol FROM user_role WHERE user_id = $1 ORDER BY rol`, [id])).rows.map((r) => r.rol);
      const after = [...new Set(input.rollen)].sort();
      const granted = after.filter((r) => !before.includes(r as string));
      const revoked = before.filter((r) => !(after as string[]).includes(r));
      rolesChange = `; rollen erbij: ${granted.join(',') || '-'}; rollen eraf: ${revoked.join(',') || '-'}`;
      await tx.query(`DELETE FROM user_role WHERE user_id = $1`, [id]);
      await tx.query(`INSERT INTO user_role (user_id, region_id, rol) SELECT $1, $2, unnest($3::text[])`, [id, actor.regionId, [...new Set(input.rollen)]]);
    }
    if (input.actief === false) await tx.query(`UPDATE user_session SET ingetrokken_op = now() WHERE user_id = $1 AND ingetrokken_op IS NULL`, [id]);
    const changed = Object.keys(input).filter((k) => k !== 'versie').join(',') + rolesChange;
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'gebruiker.wijzigen', recordType: 'gebruiker', recordId: id, doel: changed, uitkomst: 'ok' }]);
    return (await usersOf(tx, actor.regionId, id))[0]!;
  });
}

export async function unblockUser(db: Database, actor: Actor, audit: AuditBase, id: string) {
  return db.transaction(async (tx) => {
    const r = isUuid(id)
      ? await tx.query(`UPDATE app_user SET geblokkeerd_tot = NULL, mislukte_pogingen = 0, versie = versie + 1 WHERE id = $1 AND region_id = $2`, [id, actor.regionId])
      : { rowCount: 0 };
    if (r.rowCount === 0) throw new AppError('niet_gevonden', 'Gebruiker niet gevonden.');
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'gebruiker.deblokkeren', recordType: 'gebruiker', recordId: id, uitkomst: 'ok' }]);
  });
}


/** A team's lead and the gemeenten it serves (replacing the previous set). */
export async function updateTeam(
  db: Database,
  actor: Actor,
  audit: AuditBase,
  id: string,
  input: { teamleiderId: string | null; werkgebied: string[]; versie: number },
) {
  return db.transaction(async (tx) => {
    const team = isUuid(id)
      ? (await tx.query<{ organisation_id: string; versie: number }>(`SELECT organisation_id, versie FROM team WHERE id = $1 AND region_id = $2 FOR UPDATE`, [id, actor.regionId])).rows[0]
      : undefined;
    if (!team) throw new AppError('niet_gevonden', 'Team niet gevonden.');
    if (team.versie !== input.versie) throw new AppError('conflict', 'Dit team is intussen door iemand anders gewijzigd. Herlaad de pagina; er is niets opgeslagen.');
    if (input.teamleiderId) {
      const u = await tx.query(`SELECT 1 FROM app_user WHERE id = $1 AND region_id = $2 AND organisation_id = $3 AND actief`, [input.teamleiderId, actor.regionId, team.organisation_id]);
      if (u.rows.length === 0)
        throw new AppError('ongeldige_invoer', 'De teamleider moet een actieve gebruiker van dezelfde organisatie zijn.', [{ path: 'body.teamleiderId', message: 'onbekende gebruiker' }]);
    }
    const gemeenten = [...new Set(input.werkgebied)];
    if (gemeenten.length > 0) {
      const known = (await tx.query<{ code: string }>(`SELECT code FROM gemeente WHERE code = ANY($1::text[]) AND region_id = $2`, [gemeenten, actor.regionId])).rows.map((r) => r.code);
      const unknown = gemeenten.filter((g) => !known.includes(g));
      if (unknown.length > 0)
        throw new AppError('ongeldige_invoer', `Deze gemeenten horen niet bij uw regio: ${unknown.join(', ')}.`, [{ path: 'body.werkgebied', message: 'onbekende gemeente in deze regio' }]);
    }
    await tx.query(`UPDATE team SET teamleider_id = $2, versie = versie + 1 WHERE id = $1`, [id, input.teamleiderId]);
    await tx.query(`DELETE FROM team_werkgebied WHERE team_id = $1`, [id]);
    if (gemeenten.length > 0) {
      await tx
        .query(`INSERT INTO team_werkgebied (team_id, region_id, organisation_id, gemeente_code) SELECT $1::uuid, $2::text, $3::uuid, g FROM unnest($4::text[]) AS g`, [
          id,
          actor.regionId,
          team.organisation_id,
          gemeenten,
        ])
        .catch((e: unknown) => {
          if (uniqueViolation(e)) throw new AppError('conflict', 'Een van deze gemeenten hoort al bij een ander team van deze organisatie.');
          throw e;
        });
    }
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'team.wijzigen', recordType: 'team', recordId: id, uitkomst: 'ok' }]);
    return { id, teamleiderId: input.teamleiderId, werkgebied: gemeenten, versie: team.versie + 1 };
  });
}
