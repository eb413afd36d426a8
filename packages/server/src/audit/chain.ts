/**
 * The audit writer and verifier. Every audit row is written in the transaction of the action it
 * records (for reads: before the response is sent). Rows are chained per region: each row's hash
 * covers its content and the previous row's hash; audit_head holds the latest of each chain and is
 * locked while appending, so appends to one chain are serialised.
 */
import { createHash } from 'node:crypto';
import { auditDigestInput, GENESIS_HASH, type AuditActorSoort, type AuditEntry } from '@samenveilig/domain';
import { NA_ROLLBACK, type Database, type Queryable } from '../db/database.js';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** One thing to record; the writer adds sequence, time and hashes. */
export interface AuditEvent {
  regionId: string;
  actorSoort: AuditActorSoort;
  actorId: string | null;
  organisationId: string | null;
  rol: string | null;
  actie: string;
  recordType?: string | null;
  recordId?: string | null;
  personen?: readonly string[];
  doel?: string | null;
  uitkomst: string;
  requestId?: string | null;
  clientAdres?: string | null;
}

/**
 * A refusal thrown inside a transaction (not found, out of scope, not allowed): the transaction is rolled
 * back, and then the refusal's audit rows are written in a transaction of their own. Writing them in the
 * rolled-back transaction would lose them with it.
 */
export function weigering<E extends Error>(error: E, events: readonly AuditEvent[]): E {
  return Object.assign(error, { [NA_ROLLBACK]: (db: Database) => db.transaction((tx) => appendAudit(tx, events)) });
}

export async function appendAudit(tx: Queryable, events: readonly AuditEvent[], now: Date = new Date()): Promise<void> {
  const byRegion = new Map<string, AuditEvent[]>();
  for (const e of events) byRegion.set(e.regionId, [...(byRegion.get(e.regionId) ?? []), e]);
  // Chains in a fixed order, so two transactions never wait on each other's heads crosswise.
  for (const regionId of [...byRegion.keys()].sort()) {
    // One round trip: create the head of a new chain, or lock the existing head and read it.
    const head = (
      await tx.query<{ seq: number; hash: string }>(
        `INSERT INTO audit_head (region_id, seq, hash) VALUES ($1, 0, $2)
         ON CONFLICT (region_id) DO UPDATE SET seq = audit_head.seq RETURNING seq::int AS seq, hash`,
        [regionId, GENESIS_HASH],
      )
    ).rows[0]!;
    let seq = head.seq;
    let prev = head.hash;
    const rows: (AuditEntry & { vorigeHash: string; hash: string })[] = [];
    for (const e of byRegion.get(regionId)!) {
      const entry: AuditEntry = {
        regionId,
        seq: ++seq,
        op: now.toISOString(),
        actorSoort: e.actorSoort,
        actorId: e.actorId,
        organisationId: e.organisationId,
        rol: e.rol,
        actie: e.actie,
        recordType: e.recordType ?? null,
        recordId: e.recordId ?? null,
        personen: [...new Set(e.personen ?? [])].sort(),
        doel: e.doel ?? null,
        uitkomst: e.uitkomst,
        requestId: e.requestId ?? null,
        clientAdres: e.clientAdres ?? null,
      };
      const hash = sha256(auditDigestInput(entry, prev));
      rows.push({ ...entry, vorigeHash: prev, hash });
      prev = hash;
    }
    // One round trip: the entries, and the head moved to the last of them.
    await tx.query(
      `WITH added AS (INSERT INTO audit_log (region_id, seq, op, actor_soort, actor_id, organisation_id, rol, actie, record_type, record_id, personen,
         doel, uitkomst, request_id, client_adres, vorige_hash, hash)
       SELECT region_id, seq, op, actor_soort, actor_id, organisation_id, rol, actie, record_type, record_id, personen,
         doel, uitkomst, request_id, client_adres, vorige_hash, hash
       FROM json_to_recordset($1::json) AS t(region_id text, seq bigint, op timestamptz, actor_soort text, actor_id text,
         organisation_id uuid, rol text, actie text, record_type text, record_id text, personen uuid[], doel text, uitkomst text,
         request_id text, client_adres text, vorige_hash text, hash text))
       UPDATE audit_head SET seq = $3, hash = $4 WHERE region_id = $2`,
      [
        JSON.stringify(
          rows.map((r) => ({
            region_id: r.regionId,
            seq: r.seq,
            op: r.op,
            actor_soort: r.actorSoort,
            actor_id: r.actorId,
            organisation_id: r.organisationId,
            rol: r.rol,
            actie: r.actie,
            record_type: r.recordType,
            record_id: r.recordId,
            personen: r.personen,
            doel: r.doel,
            uitkomst: r.uitkomst,
            request_id: r.requestId,
            client_adres: r.clientAdres,
            vorige_hash: r.vorigeHash,
            hash: r.hash,
          })),
        ),
        regionId,
        seq,
        prev,
      ],
    );
  }
}

export type VerifyResult =
  | { ok: true; chains: { regionId: string; entries: number }[] }
  | { ok: false; regionId: string; seq: number; reason: string };

interface Row {
  region_id: string;
  seq: number;
  op: Date;
  actor_soort: AuditActorSoort;
  actor_id: string | null;
  organisation_id: string | null;
  rol: string | null;
  actie: string;
  record_type: string | null;
  record_id: string | null;
  personen: string[];
  doel: string | null;
  uitkomst: string;
  request_id: string | null;
  client_adres: string | null;
  vorige_hash: string;
  hash: string;
}

/** Recomputes every chain (or one region's) and reports the first entry that does not fit. */
export async function verifyAudit(db: Queryable, regionId?: string): Promise<VerifyResult> {
  const heads = (
    await db.query<{ region_id: string; seq: number; hash: string }>(
      `SELECT region_id, seq::int AS seq, hash FROM audit_head ${regionId ? 'WHERE region_id = $1' : ''} ORDER BY region_id`,
      regionId ? [regionId] : [],
    )
  ).rows;
  const chains: { regionId: string; entries: number }[] = [];
  const logged = (
    await db.query<{ region_id: string }>(`SELECT DISTINCT region_id FROM audit_log ${regionId ? 'WHERE region_id = $1' : ''}`, regionId ? [regionId] : [])
  ).rows.map((r) => r.region_id);
  for (const r of logged) if (!heads.some((h) => h.region_id === r)) return { ok: false, regionId: r, seq: 1, reason: 'keten zonder kop (audit_head ontbreekt)' };

  for (const head of heads) {
    let expectedSeq = 1;
    let prev = GENESIS_HASH;
    const PAGE = 5000;
    for (;;) {
      const rows = (
        await db.query<Row>(
          `SELECT region_id, seq::int AS seq, op, actor_soort, actor_id, organisation_id, rol, actie, record_type, record_id, personen,
                  doel, uitkomst, request_id, client_adres, vorige_hash, hash
           FROM audit_log WHERE region_id = $1 AND seq >= $2 ORDER BY seq LIMIT ${PAGE}`,
          [head.region_id, expectedSeq],
        )
      ).rows;
      for (const r of rows) {
        const fail = (reason: string): VerifyResult => ({ ok: false, regionId: head.region_id, seq: expectedSeq, reason });
        if (r.seq !== expectedSeq) return fail(`regel ${expectedSeq} ontbreekt (volgende gevonden: ${r.seq})`);
        if (r.vorige_hash !== prev) return fail('vorige hash klopt niet (regel verwijderd, ingevoegd of verplaatst)');
        const entry: AuditEntry = {
          regionId: r.region_id,
          seq: r.seq,
          op: new Date(r.op).toISOString(),
          actorSoort: r.actor_soort,
          actorId: r.actor_id,
          organisationId: r.organisation_id,
          rol: r.rol,
          actie: r.actie,
          recordType: r.record_type,
          recordId: r.record_id,
          personen: r.personen ?? [],
          doel: r.doel,
          uitkomst: r.uitkomst,
          requestId: r.request_id,
          clientAdres: r.client_adres,
        };
        if (sha256(auditDigestInput(entry, prev)) !== r.hash) return fail('inhoud gewijzigd (hash klopt niet)');
        prev = r.hash;
        expectedSeq++;
      }
      if (rows.length < PAGE) break;
    }
    if (expectedSeq - 1 !== head.seq || prev !== head.hash) {
      return { ok: false, regionId: head.region_id, seq: expectedSeq, reason: `laatste regel(s) ontbreken: kop staat op ${head.seq}, gevonden t/m ${expectedSeq - 1}` };
    }
    chains.push({ regionId: head.region_id, entries: head.seq });
  }
  return { ok: true, chains };
}
