/**
 * Drafts of the intake screen: saved while the call goes on, so nothing typed is lost when the browser
 * closes. Only their author sees them (the policy's intake-concept rule, applied in SQL by user id).
 * A draft is not a contact: it has no deadline until it is submitted.
 */
import type { Actor } from '@samenveilig/domain';
import { appendAudit } from '../audit/chain.js';
import type { Database } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { isUuid, type AuditBase } from './common.js';

export interface Concept {
  id: string;
  data: Record<string, unknown>;
  aangemaaktOp: string;
  bijgewerktOp: string;
  versie: number;
}

interface Row {
  id: string;
  data: Record<string, unknown>;
  aangemaakt_op: Date;
  bijgewerkt_op: Date;
  versie: number;
}

const toConcept = (r: Row): Concept => ({
  id: r.id,
  data: r.data,
  aangemaaktOp: new Date(r.aangemaakt_op).toISOString(),
  bijgewerktOp: new Date(r.bijgewerkt_op).toISOString(),
  versie: r.versie,
});

/** The actor's drafts that were not submitted, newest first. */
export async function listConcepten(db: Database, actor: Actor, audit: AuditBase) {
  return db.transaction(async (tx) => {
    const rows = (
      await tx.query<Row>(
        `SELECT id, data, aangemaakt_op, bijgewerkt_op, versie FROM intake_concept
         WHERE user_id = $1 AND region_id = $2 AND ingediend_contact_id IS NULL ORDER BY bijgewerkt_op DESC LIMIT 50`,
        [actor.id, actor.regionId],
      )
    ).rows;
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'intake-concept.lijst', recordType: 'intake_concept', uitkomst: `ok (${rows.length})` }]);
    return rows.map(toConcept);
  });
}

export async function getConcept(db: Database, actor: Actor, audit: AuditBase, id: string) {
  return db.transaction(async (tx) => {
    const row = isUuid(id)
      ? (
          await tx.query<Row>(`SELECT id, data, aangemaakt_op, bijgewerkt_op, versie FROM intake_concept WHERE id = $1 AND user_id = $2 AND region_id = $3`, [
            id,
            actor.id,
            actor.regionId,
          ])
        ).rows[0]
      : undefined;
    await appendAudit(tx, [
      { ...audit, regionId: actor.regionId, actie: 'intake-concept.lezen', recordType: 'intake_concept', recordId: isUuid(id) ? id : null, uitkomst: row ? 'ok' : 'niet-gevonden' },
    ]);
    return row ? toConcept(row) : null;
  });
}

/**
 * Creates (versie 0) or updates a draft under its client-chosen id. A draft changed in another window
 * since it was loaded is a conflict (409), not overwritten; a submitted draft cannot change.
 */
export async function saveConcept(db: Database, actor: Actor, audit: AuditBase, id: string, input: { data: Record<string, unknown>; versie: number }, now = new Date()) {
  return db.transaction(async (tx) => {
    if (!isUuid(id)) throw new AppError('ongeldige_invoer', 'Ongeldige id van het concept.', [{ path: 'params.id', message: 'verwacht een UUID' }]);
    const current = (
      await tx.query<{ user_id: string; versie: number; ingediend_contact_id: string | null }>(
        `SELECT user_id, versie, ingediend_contact_id FROM intake_concept WHERE id = $1 FOR UPDATE`,
        [id],
      )
    ).rows[0];
    if (current && current.user_id !== actor.id) throw new AppError('niet_gevonden', 'Concept niet gevonden.');
    if ((current?.versie ?? 0) !== input.versie) {
      throw new AppError('conflict', 'Dit concept is intussen in een ander venster gewijzigd. Herlaad het concept voordat u verder gaat.');
    }
    if (current?.ingediend_contact_id) throw new AppError('conflict', 'Dit concept is al ingediend.');
    const row = (
      await tx.query<Row>(
        `INSERT INTO intake_concept (id, region_id, user_id, data, aangemaakt_op, bijgewerkt_op, versie) VALUES ($1, $2, $3, $4, $5, $5, 1)
         ON CONFLICT (id, region_id) DO UPDATE SET data = EXCLUDED.data, bijgewerkt_op = EXCLUDED.bijgewerkt_op, versie = intake_concept.versie + 1
         RETURNING id, data, aangemaakt_op, bijgewerkt_op, versie`,
        [id, actor.regionId, actor.id, JSON.stringify(input.data), now.toISOString()],
      )
    ).rows[0]!;
    await appendAudit(tx, [{ ...audit, regionId: actor.regionId, actie: 'intake-concept.opslaan', recordType: 'intake_concept', recordId: id, uitkomst: 'ok' }]);
    return toConcept(row);
  });
}

/** Discards a draft that was not submitted. */
export async function deleteConcept(db: Database, actor: Actor, audit: AuditBase, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const r = isUuid(id)
      ? await tx.query(`DELETE FROM intake_concept WHERE id = $1 AND user_id = $2 AND region_id = $3 AND ingediend_contact_id IS NULL`, [id, actor.id, actor.regionId])
      : { rowCount: 0 };
    await appendAudit(tx, [
      { ...audit, regionId: actor.regionId, actie: 'intake-concept.verwijderen', recordType: 'intake_concept', recordId: isUuid(id) ? id : null, uitkomst: r.rowCount ? 'ok' : 'niet-gevonden' },
    ]);
    return r.rowCount > 0;
  });
}
