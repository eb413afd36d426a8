/**
 * The audit trail's hash chain, as data: what an entry holds and exactly which bytes its hash
 * covers. Hashing itself (SHA-256) is done by the server; this module has no I/O.
 */

export const AUDIT_ACTOR_SOORTEN = ['gebruiker', 'systeem', 'anoniem'] as const;
export type AuditActorSoort = (typeof AUDIT_ACTOR_SOORTEN)[number];

/** The chain of events that belong to no region (e.g. a failed login for an unknown account). */
export const INSTALLATIE_CHAIN = '_installatie';

/** The "previous hash" of the first entry of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  readonly regionId: string;
  readonly seq: number;
  /** ISO 8601 UTC with milliseconds, as stored. */
  readonly op: string;
  readonly actorSoort: AuditActorSoort;
  readonly actorId: string | null;
  readonly organisationId: string | null;
  readonly rol: string | null;
  /** What happened, e.g. "huishouden.lezen", "login.mislukt", "break-glass.openen". */
  readonly actie: string;
  readonly recordType: string | null;
  readonly recordId: string | null;
  /** Ids of the persons whose data was read or changed (for the AVG inzage answer). */
  readonly personen: readonly string[];
  /** Purpose or reason given by the user, where given. */
  readonly doel: string | null;
  /** "ok", "geweigerd", "niet-gevonden", "mislukt", ... */
  readonly uitkomst: string;
  readonly requestId: string | null;
  readonly clientAdres: string | null;
}

/**
 * The exact text the hash of an entry covers: every field in a fixed order, persons sorted,
 * and the previous entry's hash. Changing, removing or reordering any entry breaks the chain.
 */
export function auditDigestInput(e: AuditEntry, vorigeHash: string): string {
  return JSON.stringify([
    e.regionId,
    e.seq,
    e.op,
    e.actorSoort,
    e.actorId,
    e.organisationId,
    e.rol,
    e.actie,
    e.recordType,
    e.recordId,
    [...e.personen].sort(),
    e.doel,
    e.uitkomst,
    e.requestId,
    e.clientAdres,
    vorigeHash,
  ]);
}
