/**
 * For the privacy officer (FG): find a person for an inzage request, who saw or changed a person's
 * data (the AVG inzage answer), what a user did, and the break-glass review queue. Reads are audited.
 */
import type { Actor } from '@samenveilig/domain';
import { appendAudit } from '../audit/chain.js';
import { isUuid, type AuditBase } from './common.js';
import type { Database } from '../db/database.js';
import { AppError } from '../http/errors.js';


export async function findPersons(db: Database, actor: Actor, audit: AuditBase, zoek: string) {
  return db.transaction(async (tx) => {
    const q = zoek.trim();
    const rows = (
      await tx.query<{ id: string; voornamen: string | null; tussenvoegsel: string | null; achternaam: string | null; geboortedatum: string | null }>(
        /^\d{9}$/.test(q)
          ? `SELECT id, voornamen, tussenvoegsel, achternaam, geboortedatum FROM person WHERE region_id = $1 AND bsn = $2 ORDER BY achternaam, id LIMIT 50`
          : `SELECT id, voornamen, tussenvoegsel, achternaam, geboortedatum FROM person WHERE region_id = $1 AND lower(achternaam) = lower($2) ORDER BY geboortedatum, id LIMIT 50`,
        [actor.regionId, q],
      )
    ).rows;
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'privacy.persoon-zoeken', recordType: 'persoon', personen: rows.map((r) => r.id), doel: 'inzageverzoek', uitkomst: `ok (${rows.length})` }]);
    return rows.map((r) => ({ id: r.id, naam: [r.voornamen, r.tussenvoegsel, r.achternaam].filter(Boolean).join(' '), geboortedatum: r.geboortedatum }));
  });
}

export async function auditTrail(db: Database, actor: Actor, audit: AuditBase, by: { persoon: string } | { gebruiker: string }) {
  const id = 'persoon' in by ? by.persoon : by.gebruiker;
  if (!isUuid(id)) throw new AppError('niet_gevonden', 'Niet gevonden.');
  return db.transaction(async (tx) => {
    // Only persons and users of the privacy officer's own region; anything else is "not found".
    const exists = await tx.query(
      'persoon' in by ? `SELECT 1 FROM person WHERE id = $1 AND region_id = $2` : `SELECT 1 FROM app_user WHERE id = $1 AND region_id = $2`,
      [id, actor.regionId],
    );
    if (exists.rows.length === 0) throw new AppError('niet_gevonden', 'Niet gevonden.');
    const rows = (
      await tx.query<{ op: Date; actor_id: string | null; actor_naam: string | null; org_naam: string | null; rol: string | null; actie: string; record_type: string | null; record_id: string | null; doel: string | null; uitkomst: string }>(
        `SELECT a.op, a.actor_id, u.naam AS actor_naam, o.naam AS org_naam, a.rol, a.actie, a.record_type, a.record_id, a.doel, a.uitkomst
         FROM audit_log a
         LEFT JOIN app_user u ON u.id::text = a.actor_id AND u.region_id = a.region_id
         LEFT JOIN organisation o ON o.id = a.organisation_id AND o.region_id = a.region_id
         WHERE a.region_id = $1 AND ${'persoon' in by ? 'a.personen @> ARRAY[$2::uuid]' : 'a.actor_id = $2'}
         ORDER BY a.seq DESC LIMIT 1000`,
        [actor.regionId, id],
      )
    ).rows;
    await appendAudit(tx, [
      {
        ...audit,
        regionId: actor.regionId,
        actie: 'persoon' in by ? 'privacy.audit-persoon' : 'privacy.audit-gebruiker',
        recordType: 'persoon' in by ? 'persoon' : 'gebruiker',
        recordId: id,
        personen: 'persoon' in by ? [id] : [],
        doel: 'inzage',
        uitkomst: `ok (${rows.length})`,
      },
    ]);
    return rows.map((r) => ({
      op: new Date(r.op).toISOString(),
      actor: r.actor_id ? { id: r.actor_id, naam: r.actor_naam ?? r.actor_id } : null,
      organisatie: r.org_naam,
      rol: r.rol,
      actie: r.actie,
      recordType: r.record_type,
      recordId: r.record_id,
      doel: r.doel,
      uitkomst: r.uitkomst,
    }));
  });
}

export async function breakGlassQueue(db: Database, actor: Actor, audit: AuditBase, status: 'open' | 'alle') {
  return db.transaction(async (tx) => {
    const rows = (
      await tx.query<{ id: string; user_id: string; naam: string; household_id: string; reden: string; geopend_op: Date; tot: Date; beoordeling: string }>(
        `SELECT b.id, b.user_id, u.naam, b.household_id, b.reden, b.geopend_op, b.tot, b.beoordeling
         FROM break_glass b JOIN app_user u ON u.id = b.user_id AND u.region_id = b.region_id
         WHERE b.region_id = $1 ${status === 'open' ? "AND b.beoordeling = 'open'" : ''} ORDER BY b.geopend_op DESC LIMIT 500`,
        [actor.regionId],
      )
    ).rows;
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'privacy.break-glass-lijst', recordType: 'break-glass', uitkomst: `ok (${rows.length})` }]);
    return rows.map((r) => ({
      id: r.id,
      gebruiker: { id: r.user_id, naam: r.naam },
      huishoudenId: r.household_id,
      reden: r.reden,
      geopendOp: new Date(r.geopend_op).toISOString(),
      tot: new Date(r.tot).toISOString(),
      beoordeling: r.beoordeling,
    }));
  });
}

export async function reviewBreakGlass(db: Database, actor: Actor, audit: AuditBase, id: string, beoordeling: 'terecht' | 'onterecht', toelichting: string) {
  return db.transaction(async (tx) => {
    const r = isUuid(id)
      ? await tx.query(
          `UPDATE break_glass SET beoordeling = $3, beoordeeld_door = $4, beoordeeld_op = now(), beoordeling_toelichting = $5
           WHERE id = $1 AND region_id = $2 AND beoordeling = 'open'`,
          [id, actor.regionId, beoordeling, actor.id, toelichting],
        )
      : { rowCount: 0 };
    if (r.rowCount === 0) throw new AppError('niet_gevonden', 'Geen open noodtoegang met dit nummer.');
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'privacy.break-glass-beoordelen', recordType: 'break-glass', recordId: id, doel: toelichting, uitkomst: beoordeling }]);
  });
}
