import type { AuditEvent } from '../audit/chain.js';

/** Who acts, from where, for which request: what every audited repository method needs. */
export type AuditBase = Pick<AuditEvent, 'actorSoort' | 'actorId' | 'organisationId' | 'rol' | 'requestId' | 'clientAdres'>;

/** Ids are UUIDs; anything else is "not found" before it reaches SQL. */
export const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
