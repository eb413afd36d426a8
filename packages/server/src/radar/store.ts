/**
 * The radar in the database: every registered person gets its identity and its blocking keys
 * (packages/domain/src/radar decides what they are); a new contact's persons are looked up by those
 * keys, scored by the same engine as `samenveilig link`, and the best candidates are stored for a
 * Veilig Thuis worker to confirm or reject. All SQL of the radar lives in this folder.
 */
import {
  compare,
  DEFAULT_MODEL,
  evidence,
  matchProbability,
  prepare,
  queryKeys,
  storedKeys,
  tfValues,
  type LinkInput,
  type MatchResult,
  type Prepared,
} from '@samenveilig/domain';
import type { Queryable } from '../db/database.js';
import { runTogether, type Statement } from '../db/statements.js';

/** Candidates below this probability are not shown: precision matters as much as recall. */
export const RADAR_DREMPEL = 0.5;
/** At most this many candidates per person. */
export const RADAR_MAX_KANDIDATEN = 5;
/** At most this many registrations per blocking key: a very common key cannot flood the search. */
const PER_SLEUTEL = 200;
/**
 * The total per field is kept in TOTAAL_DELEN rows ('*0' … '*15'; no name starts with '*'), each
 * transaction adding to one of them at random: concurrent intakes seldom wait for each other on a
 * single hot row. The total is their sum.
 */
const TOTAAL_DELEN = 16;
const TOTAAL = '*';
const totaalRij = () => `${TOTAAL}${Math.floor(Math.random() * TOTAAL_DELEN)}`;
const TOTAAL_RIJEN = Array.from({ length: TOTAAL_DELEN }, (_, i) => `${TOTAAL}${i}`);
/**
 * Term frequencies are estimated from the region's own registrations once a field has this many
 * values; below it a handful of registrations would make every name look common (or rare), and the
 * model's average u is used instead.
 */
export const TF_MINIMUM_REGISTRATIES = 2000;

/** The person columns the radar reads. */
export interface RadarPerson {
  id: string;
  region_id: string;
  voornamen: string | null;
  roepnaam: string | null;
  tussenvoegsel: string | null;
  achternaam: string | null;
  geboortedatum: string | null;
  geslacht: string | null;
  bsn: string | null;
  straat: string | null;
  huisnummer: number | null;
  huisnummer_toevoeging: string | null;
  postcode: string | null;
  woonplaats: string | null;
}

export const RADAR_PERSON_COLUMNS =
  'p.id, p.region_id, p.voornamen, p.roepnaam, p.tussenvoegsel, p.achternaam, p.geboortedatum, p.geslacht, p.bsn, p.straat, p.huisnummer, p.huisnummer_toevoeging, p.postcode, p.woonplaats';

export function toLinkInput(p: Omit<RadarPerson, 'region_id'>): LinkInput {
  return {
    id: p.id,
    givenNames: p.voornamen,
    callName: p.roepnaam,
    prefix: p.tussenvoegsel,
    surname: p.achternaam,
    birthDate: p.geboortedatum,
    sex: p.geslacht,
    nationalId: p.bsn,
    street: p.straat,
    houseNumber: p.huisnummer === null ? null : `${p.huisnummer}${p.huisnummer_toevoeging ?? ''}`,
    postcode: p.postcode,
    city: p.woonplaats,
  };
}

const byKey = <T>(rows: T[], key: (r: T) => string) => rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/**
 * Registers new persons with the radar: each is its own identity, its blocking keys are stored, and
 * the frequencies of its values are counted. Runs in the transaction that inserted the persons.
 */
export async function indexPersons(tx: Queryable, persons: readonly RadarPerson[]): Promise<void> {
  await runTogether(tx, indexStatements(persons));
}

/** The writes that index new persons, to run together with other writes of the same transaction. */
export function indexStatements(persons: readonly RadarPerson[]): Statement[] {
  if (persons.length === 0) return [];
  const out: Statement[] = [
    {
      sql: `INSERT INTO person_identiteit (person_id, region_id, identiteit_id) SELECT i, r, i FROM unnest($1::uuid[], $2::text[]) AS t(i, r)
            ON CONFLICT (person_id) DO NOTHING`,
      params: [persons.map((p) => p.id), persons.map((p) => p.region_id)],
    },
  ];
  const keyRegion: string[] = [];
  const keys: string[] = [];
  const keyPerson: string[] = [];
  const counts = new Map<string, number>();
  const totaal = totaalRij();
  for (const person of persons) {
    const prepared = prepare(toLinkInput(person));
    for (const k of new Set(storedKeys(prepared))) {
      keyRegion.push(person.region_id);
      keys.push(k);
      keyPerson.push(person.id);
    }
    const fields = new Set<string>();
    for (const [veld, waarde] of tfValues(prepared)) {
      const k = `${person.region_id}\u0000${veld}\u0000${waarde}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
      fields.add(veld);
    }
    for (const veld of fields) {
      const k = `${person.region_id}\u0000${veld}\u0000${totaal}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  if (keys.length > 0) {
    out.push({
      sql: `INSERT INTO radar_sleutel (region_id, sleutel, person_id) SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[]) ON CONFLICT DO NOTHING`,
      params: [keyRegion, keys, keyPerson],
    });
  }
  if (counts.size > 0) {
    // Sorted: concurrent transactions update shared rows in the same order and cannot deadlock.
    const rows = byKey([...counts], ([k]) => k).map(([k, n]) => [...k.split('\u0000'), n] as [string, string, string, number]);
    out.push({
      sql: `INSERT INTO radar_frequentie (region_id, veld, waarde, aantal) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])
            ON CONFLICT (region_id, veld, waarde) DO UPDATE SET aantal = radar_frequentie.aantal + EXCLUDED.aantal`,
      params: [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3])],
    });
  }
  return out;
}

export interface RadarQuery {
  /** A reference for the caller (a person id, or a ref on the intake screen). */
  ref: string;
  input: LinkInput;
  /** The person's own identity when it is a stored registration (excluded, and rejections apply). */
  identiteitId?: string | null;
  /** Registered in this very transaction: its identity is itself and no pair with it was ever judged. */
  nieuw?: boolean;
}

export interface RadarMatch {
  /** The best-scoring registration of the candidate identity. */
  personId: string;
  identiteitId: string;
  result: MatchResult;
}

/**
 * Candidates for each query person among the region's known registrations: blocking keys, then the
 * engine's score with term frequencies of the region; one candidate per identity (its best
 * registration), pairs judged different before left out, best first.
 */
export async function searchCandidates(
  tx: Queryable,
  regionId: string,
  queries: readonly RadarQuery[],
  opts: { excludePersonIds?: readonly string[]; threshold?: number; max?: number } = {},
): Promise<Map<string, RadarMatch[]>> {
  const result = new Map<string, RadarMatch[]>(queries.map((q) => [q.ref, []]));
  const prepared = queries.map((q) => ({ q, p: prepare(q.input) }));
  const allKeys = [...new Set(prepared.flatMap(({ p }) => queryKeys(p)))];
  if (allKeys.length === 0) return result;
  // One query: the registrations under any of the keys (at most PER_SLEUTEL per key), with their identity.
  const exclude = opts.excludePersonIds ?? [];
  const candidates = (
    await tx.query<RadarPerson & { identiteit_id: string }>(
      `SELECT ${RADAR_PERSON_COLUMNS}, i.identiteit_id
       FROM (SELECT DISTINCT s.person_id FROM unnest($2::text[]) AS k(sleutel)
             CROSS JOIN LATERAL (SELECT person_id FROM radar_sleutel WHERE region_id = $1 AND sleutel = k.sleutel LIMIT ${PER_SLEUTEL}) s) h
       JOIN person p ON p.id = h.person_id AND p.region_id = $1
       JOIN person_identiteit i ON i.person_id = p.id
       WHERE NOT (p.id = ANY($3::uuid[]))`,
      [regionId, allKeys, exclude],
    )
  ).rows.map((c) => ({ row: c, p: prepare(toLinkInput(c)) }));
  if (candidates.length === 0) return result;

  const tf = await termFrequencies(tx, regionId, prepared.map(({ p }) => p));
  // A person registered just now has no rejections yet; only known registrations are looked up.
  const ownIdentities = queries.filter((q) => q.identiteitId && !q.nieuw).map((q) => q.identiteitId!);
  const rejected = await rejectedIdentityPairs(tx, ownIdentities);
  const threshold = opts.threshold ?? RADAR_DREMPEL;
  const max = opts.max ?? RADAR_MAX_KANDIDATEN;
  for (const { q, p } of prepared) {
    const best = new Map<string, { probability: number; candidate: (typeof candidates)[number] }>();
    for (const c of candidates) {
      if (q.identiteitId && (c.row.identiteit_id === q.identiteitId || rejected.has(`${q.identiteitId}/${c.row.identiteit_id}`))) continue;
      // The fast score for every candidate; the full comparison with its explanation only for those shown.
      const probability = matchProbability(evidence(p, c.p, DEFAULT_MODEL, tf), DEFAULT_MODEL.prior);
      if (probability < threshold) continue;
      const prev = best.get(c.row.identiteit_id);
      if (!prev || probability > prev.probability) best.set(c.row.identiteit_id, { probability, candidate: c });
    }
    result.set(
      q.ref,
      [...best.values()]
        .sort((a, b) => b.probability - a.probability || (a.candidate.row.id < b.candidate.row.id ? -1 : 1))
        .slice(0, max)
        .map(({ candidate: c }) => ({ personId: c.row.id, identiteitId: c.row.identiteit_id, result: compare(p, c.p, DEFAULT_MODEL, tf) })),
    );
  }
  return result;
}

/** The region's relative frequency of each value the query persons carry. */
async function termFrequencies(tx: Queryable, regionId: string, persons: readonly Prepared[]) {
  const pairs = [...new Set(persons.flatMap((p) => tfValues(p).map(([f, v]) => `${f}\u0000${v}`)))].map((k) => k.split('\u0000') as [string, string]);
  const fields = [...new Set(pairs.map(([f]) => f))];
  const freq = new Map<string, number>();
  if (pairs.length > 0) {
    const rows = (
      await tx.query<{ veld: string; waarde: string; aantal: number }>(
        `SELECT veld, waarde, aantal FROM radar_frequentie
         WHERE region_id = $1 AND (veld, waarde) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
        // The values asked for and the rows of each field's total: one probe of the primary key each.
        [regionId, [...pairs.map(([f]) => f), ...fields.flatMap((f) => TOTAAL_RIJEN.map(() => f))], [...pairs.map(([, v]) => v), ...fields.flatMap(() => TOTAAL_RIJEN)]],
      )
    ).rows;
    const totals = new Map<string, number>();
    for (const r of rows) if (r.waarde.startsWith(TOTAAL)) totals.set(r.veld, (totals.get(r.veld) ?? 0) + r.aantal);
    for (const r of rows) {
      const total = totals.get(r.veld);
      if (!r.waarde.startsWith(TOTAAL) && total && total >= TF_MINIMUM_REGISTRATIES && r.aantal > 0) freq.set(`${r.veld}\u0000${r.waarde}`, r.aantal / total);
    }
  }
  return (field: string, value: string) => freq.get(`${field}\u0000${value}`);
}

/** Identity pairs (both directions, "a/b") with a rejection between any of their registrations. */
async function rejectedIdentityPairs(tx: Queryable, identities: readonly string[]): Promise<Set<string>> {
  if (identities.length === 0) return new Set();
  const rows = (
    await tx.query<{ a: string; b: string }>(
      `SELECT ia.identiteit_id AS a, ib.identiteit_id AS b FROM radar_afwijzing r
       JOIN person_identiteit ia ON ia.person_id = r.person_a JOIN person_identiteit ib ON ib.person_id = r.person_b
       WHERE ia.identiteit_id = ANY($1::uuid[]) OR ib.identiteit_id = ANY($1::uuid[])`,
      [identities],
    )
  ).rows;
  const set = new Set<string>();
  for (const r of rows) {
    set.add(`${r.a}/${r.b}`);
    set.add(`${r.b}/${r.a}`);
  }
  return set;
}

/**
 * The radar for the persons of one stored contact: candidates among the region's other registrations,
 * stored for a decision. Returns the number of candidates stored.
 */
export async function radarForContact(
  tx: Queryable,
  regionId: string,
  contactId: string,
  persons: readonly RadarPerson[],
  nieuw: ReadonlySet<string> = new Set(),
): Promise<number> {
  if (persons.length === 0) return 0;
  const known = persons.filter((p) => !nieuw.has(p.id)).map((p) => p.id);
  const identities = known.length
    ? (await tx.query<{ person_id: string; identiteit_id: string }>(`SELECT person_id, identiteit_id FROM person_identiteit WHERE person_id = ANY($1::uuid[])`, [known])).rows
    : [];
  const identityOf = new Map(identities.map((r) => [r.person_id, r.identiteit_id]));
  const found = await searchCandidates(
    tx,
    regionId,
    persons.map((p) => ({ ref: p.id, input: toLinkInput(p), identiteitId: identityOf.get(p.id) ?? p.id, nieuw: nieuw.has(p.id) })),
    { excludePersonIds: persons.map((p) => p.id) },
  );
  const rows: [string, string, number, number, string][] = [];
  for (const [personId, matches] of found) {
    for (const m of matches) rows.push([personId, m.personId, m.result.probability, m.result.weight, JSON.stringify(m.result.fields)]);
  }
  if (rows.length === 0) return 0;
  await tx.query(
    `INSERT INTO radar_kandidaat (region_id, contact_id, person_id, kandidaat_person_id, kans, gewicht, uitleg)
     SELECT $1::text, $2::uuid, p, k, kans, g, u::jsonb FROM unnest($3::uuid[], $4::uuid[], $5::float8[], $6::float8[], $7::text[]) AS t(p, k, kans, g, u)
     ON CONFLICT (person_id, kandidaat_person_id) DO NOTHING`,
    [regionId, contactId, rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3]), rows.map((r) => r[4])],
  );
  return rows.length;
}

/**
 * Gives every registration without an identity its identity, keys and counts (a database that existed
 * before the radar, or rows written by hand). Cheap when there is nothing to do. Returns how many.
 */
export async function indexMissingPersons(db: Queryable & { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> }, batch = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const rows = (
        await tx.query<RadarPerson>(
          `SELECT ${RADAR_PERSON_COLUMNS} FROM person p WHERE NOT EXISTS (SELECT 1 FROM person_identiteit i WHERE i.person_id = p.id) ORDER BY p.id LIMIT ${batch}`,
        )
      ).rows;
      await indexPersons(tx, rows);
      return rows.length;
    });
    total += n;
    if (n < batch) return total;
  }
}

/**
 * Rebuilds the blocking keys and term frequencies of a region from its registrations (after the
 * engine's keys changed), in one transaction: the radar sees the old index or the new one, never half.
 * Identities and decisions are kept.
 */
export async function reindexRegion(db: Queryable & { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> }, regionId: string, onProgress?: (n: number) => void): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query(`DELETE FROM radar_sleutel WHERE region_id = $1`, [regionId]);
    await tx.query(`DELETE FROM radar_frequentie WHERE region_id = $1`, [regionId]);
    let after = '00000000-0000-0000-0000-000000000000';
    let total = 0;
    for (;;) {
      const rows = (
        await tx.query<RadarPerson>(`SELECT ${RADAR_PERSON_COLUMNS} FROM person p WHERE p.region_id = $1 AND p.id > $2 ORDER BY p.id LIMIT 5000`, [regionId, after])
      ).rows;
      if (rows.length === 0) return total;
      await indexPersons(tx, rows);
      total += rows.length;
      after = rows[rows.length - 1]!.id;
      onProgress?.(total);
    }
  });
}
