/**
 * The one loading path for contacts in the JSON Lines import format: used by `samenveilig import`,
 * by the synthetic generator and by the demo region. Lines are validated by the domain schema,
 * then stored in batches; every line is stored whole or not at all, and a contact whose
 * (source, externalId) is already present is skipped, so importing the same file twice changes nothing.
 */
import { setImmediate } from 'node:timers/promises';
import { v7 as uuidv7 } from 'uuid';
import {
  findGemeente,
  parseMoment,
  parseImportLine,
  validateImportLine,
  type ImportIssue,
  type ImportPersoon,
  type ValidImportLine,
} from '@samenveilig/domain';
import type { Database, Queryable } from '../db/database.js';
import { appendAudit, type AuditEvent } from '../audit/chain.js';
import { runTogether } from '../db/statements.js';
import { indexPersons, indexStatements, radarForContact, type RadarPerson } from '../radar/store.js';
import { beoordelingenStatement } from '../repositories/beoordelingen.js';
import { nieuweMeldingBijPlan } from '../repositories/plan.js';

/** Who writes, for the audit trail: a user (HTTP import) or a named system actor (CLI, generator, demo). */
export type ImportActor = Pick<AuditEvent, 'actorSoort' | 'actorId' | 'organisationId' | 'rol' | 'requestId' | 'clientAdres'> & {
  /** The audit action of the write (default "contact.importeren"; the app's channels name their own). */
  actie?: string;
};

export interface LoadOptions {
  /** Sender identifier: external ids are unique per (region, source). */
  source: string;
  /** When set, every line's gemeente must lie in this region. */
  regionId?: string;
  /** Lines per transaction (default 500). */
  batchSize?: number;
  /** Reject a contact externalId that occurred earlier in the same run (default true). */
  checkDuplicates?: boolean;
  /** Batches stored at the same time (default 1: on a PostgreSQL server 2 may help when batches share no households). */
  concurrency?: number;
  /**
   * The organisation that registers these contacts; it becomes involved with their households
   * (need-to-know) and holds their secret addresses. Default: the region's Veilig Thuis organisation.
   */
  registeredBy?: string;
  /** Who is importing (audit); default the system actor "system:import:<source>". */
  actor?: ImportActor;
  /** Called after each stored batch. */
  onProgress?: (p: ImportProgress) => void;
  /**
   * Run the radar for contacts received at or after this moment (default: for every contact). Loading
   * history (the demo region, a migration) sets it, so that years of old contacts do not each get a
   * radar search nobody will look at; their persons are indexed all the same.
   */
  radarVanaf?: Date;
}

export interface ImportProgress {
  read: number;
  stored: number;
  skipped: number;
  rejected: number;
}

export interface LineError extends ImportIssue {
  line: number;
}

export interface ImportSummary extends ImportProgress {
  /** The first errors (at most 1000), each naming its line and field. */
  errors: LineError[];
}

const MAX_ERRORS = 1000;

export interface Prepared {
  lineNo: number;
  line: ValidImportLine;
  regionId: string;
  gemeenteCode: string;
  receivedAt: Date;
  /** Look for known persons and households (radar) for this contact. */
  radar: boolean;
}

/** Accepts raw text lines (a file) or already-parsed objects (the generator). */
export type ImportInput = AsyncIterable<string | unknown> | Iterable<string | unknown>;

export async function importLines(db: Database, input: ImportInput, opts: LoadOptions): Promise<ImportSummary> {
  const batchSize = opts.batchSize ?? 500;
  const checkDuplicates = opts.checkDuplicates ?? true;
  const seen = new Set<string>();
  const summary: ImportSummary = { read: 0, stored: 0, skipped: 0, rejected: 0, errors: [] };
  const reject = (line: number, issues: ImportIssue[]) => {
    summary.rejected++;
    for (const i of issues) if (summary.errors.length < MAX_ERRORS) summary.errors.push({ line, ...i });
  };
  let batch: Prepared[] = [];
  const registrarCache = new Map<string, string | null>();
  const actor: ImportActor = opts.actor ?? { actorSoort: 'systeem', actorId: `system:import:${opts.source}`, organisationId: null, rol: null };
  // Batches are stored while the next ones are parsed and validated, so the database and the
  // validation overlap.
  const maxInFlight = opts.concurrency ?? 1;
  const inFlight = new Set<Promise<void>>();
  const flush = async () => {
    if (batch.length === 0) return;
    const toStore = batch;
    batch = [];
    while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    const registrars = await registrarsFor(db, toStore, opts.registeredBy, registrarCache);
    const p: Promise<void> = storeBatchSafely(db, toStore, opts.source, registrars, actor).then((result) => {
      inFlight.delete(p);
      summary.stored += result.stored;
      summary.skipped += result.skipped;
      for (const f of result.failed) reject(f, [{ path: '', message: 'regel kon niet worden opgeslagen (databasefout); niets van deze regel is opgeslagen' }]);
      opts.onProgress?.({ read: summary.read, stored: summary.stored, skipped: summary.skipped, rejected: summary.rejected });
    });
    inFlight.add(p);
  };

  let lineNo = 0;
  for await (const item of input as AsyncIterable<string | unknown>) {
    lineNo++;
    // Let the database driver's I/O run now and then: a synchronous source never yields by itself.
    if ((lineNo & 63) === 0) await setImmediate();
    if (typeof item === 'string' && item.trim() === '') continue; // blank lines are allowed
    summary.read++;
    const parsed = typeof item === 'string' ? parseImportLine(item) : validateImportLine(item);
    if (!parsed.ok) {
      reject(lineNo, parsed.issues);
      continue;
    }
    const line = parsed.line;
    const gemeente = findGemeente(line.gemeente)!;
    if (opts.regionId && gemeente.regionId !== opts.regionId) {
      reject(lineNo, [{ path: 'gemeente', message: `gemeente ${gemeente.naam} ligt niet in regio ${opts.regionId}` }]);
      continue;
    }
    if (checkDuplicates) {
      const key = `${gemeente.regionId}\u0000${line.externalId}`;
      if (seen.has(key)) {
        reject(lineNo, [{ path: 'externalId', message: `externalId ${line.externalId} komt eerder in dit bestand voor` }]);
        continue;
      }
      seen.add(key);
    }
    const receivedAt = parseMoment(line.ontvangenOp)!;
    const radar = !line.beoordeling && (opts.radarVanaf === undefined || receivedAt >= opts.radarVanaf);
    batch.push({ lineNo, line, regionId: gemeente.regionId, gemeenteCode: gemeente.code, receivedAt, radar });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await Promise.all(inFlight);
  return summary;
}

interface BatchResult {
  stored: number;
  skipped: number;
  failed: number[];
  /** The id of each line's contact (stored now, or already present), by line number. */
  contactIds: Map<number, string>;
  /** For the contacts stored now: the deadline of a melding's assessment and the radar candidates found. */
  opgeslagen: Map<number, { deadline: Date | null; radar: number }>;
}

/** Another transaction stored some of the same contacts at the same moment; retrying finds them stored. */
export class ConcurrentImportError extends Error {}

/** Per region: the registering organisation (given, or the region's Veilig Thuis organisation). */
async function registrarsFor(db: Database, batch: Prepared[], given: string | undefined, cache: Map<string, string | null>): Promise<Map<string, string | null>> {
  for (const regionId of new Set(batch.map((b) => b.regionId))) {
    if (cache.has(regionId)) continue;
    const r = given
      ? await db.query<{ id: string }>(`SELECT id FROM organisation WHERE id = $1 AND region_id = $2`, [given, regionId])
      : await db.query<{ id: string }>(`SELECT id FROM organisation WHERE region_id = $1 AND type = 'veilig-thuis' ORDER BY created_at, id LIMIT 1`, [regionId]);
    cache.set(regionId, r.rows[0]?.id ?? null);
  }
  return cache;
}

/** Stores a batch in one transaction; on an unexpected database error, line by line to isolate it. */
async function storeBatchSafely(
  db: Database,
  batch: Prepared[],
  source: string,
  registrars: Map<string, string | null>,
  actor: ImportActor,
): Promise<BatchResult> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await db.transaction((tx) => storeBatch(tx, batch, source, registrars, actor));
    } catch (err) {
      if (err instanceof ConcurrentImportError) continue; // another import stored some of these; retry
      break;
    }
  }
  const result: BatchResult = { stored: 0, skipped: 0, failed: [], contactIds: new Map(), opgeslagen: new Map() };
  for (const one of batch) {
    try {
      const r = await db.transaction((tx) => storeBatch(tx, [one], source, registrars, actor));
      result.stored += r.stored;
      result.skipped += r.skipped;
      for (const [k, v] of r.contactIds) result.contactIds.set(k, v);
      for (const [k, v] of r.opgeslagen) result.opgeslagen.set(k, v);
    } catch {
      result.failed.push(one.lineNo);
    }
  }
  return result;
}

/** Column arrays for an unnest() insert. */
class Columns<K extends string> {
  readonly data: Record<K, unknown[]>;
  constructor(readonly names: readonly K[]) {
    this.data = Object.fromEntries(names.map((n) => [n, []])) as unknown as Record<K, unknown[]>;
  }
  push(row: Record<K, unknown>) {
    for (const n of this.names) this.data[n].push(row[n] ?? null);
  }
  get length() {
    return this.data[this.names[0]!].length;
  }
  params() {
    return this.names.map((n) => this.data[n]);
  }
  /** Reorders all columns by a key of each row. */
  sortBy(key: (row: Record<K, unknown>) => string) {
    const rows = Array.from({ length: this.length }, (_, i) => Object.fromEntries(this.names.map((n) => [n, this.data[n][i]])) as Record<K, unknown>);
    const keyed = rows.map((r) => [key(r), r] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const n of this.names) this.data[n] = keyed.map(([, r]) => r[n]);
  }
}

/**
 * Runs an INSERT … ON CONFLICT (region_id, source, external_id) DO NOTHING RETURNING id, region_id, external_id
 * and finds the ids of the rows that already existed. Returns region+external id → id for all keys.
 * (DO NOTHING plus a lookup avoids rewriting existing rows, which DO UPDATE would do.)
 */
async function insertOrFind(
  tx: Queryable,
  sql: string,
  params: unknown[],
  table: 'household' | 'person',
  source: string,
  keys: [string, string][],
): Promise<{ ids: Map<string, string>; inserted: Set<string> }> {
  const inserted = await tx.query<{ id: string; region_id: string; external_id: string }>(sql, params);
  const ids = new Map(inserted.rows.map((r) => [`${r.region_id}\u0000${r.external_id}`, r.id]));
  const insertedIds = new Set(inserted.rows.map((r) => r.id));
  const missing = keys.filter(([r, e]) => !ids.has(`${r}\u0000${e}`));
  if (missing.length > 0) {
    const found = await tx.query<{ id: string; region_id: string; external_id: string }>(
      `SELECT id, region_id, external_id FROM ${table}
       WHERE source = $1 AND (region_id, external_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
      [source, missing.map(([r]) => r), missing.map(([, e]) => e)],
    );
    for (const r of found.rows) ids.set(`${r.region_id}\u0000${r.external_id}`, r.id);
  }
  return { ids, inserted: insertedIds };
}

const PERSON_COLS = [
  'id', 'region_id', 'external_id', 'voornamen', 'roepnaam', 'tussenvoegsel', 'achternaam', 'geboortedatum', 'geslacht', 'bsn',
  'straat', 'huisnummer', 'huisnummer_toevoeging', 'postcode', 'woonplaats', 'gemeente_code', 'adres_geheim', 'adres_houder',
] as const;
const personCols = PERSON_COLS;

/** One person of an import line as a row of the person table. */
function personRowOf(regionId: string, gemeenteCode: string, holder: string | null, p: ImportPersoon, id: string): Record<(typeof PERSON_COLS)[number], unknown> {
  const g = p.adres?.gemeente ? findGemeente(p.adres.gemeente) : undefined;
  return {
    id,
    region_id: regionId,
    external_id: p.externalId ?? null,
    voornamen: p.voornamen,
    roepnaam: p.roepnaam,
    tussenvoegsel: p.tussenvoegsel || null,
    achternaam: p.achternaam,
    geboortedatum: p.geboortedatum,
    geslacht: p.geslacht,
    bsn: p.bsn,
    straat: p.adres?.straat,
    huisnummer: p.adres?.huisnummer,
    huisnummer_toevoeging: p.adres?.huisnummerToevoeging || null,
    postcode: p.adres?.postcode,
    woonplaats: p.adres?.woonplaats,
    gemeente_code: g ? g.code : p.adres ? gemeenteCode : null,
    adres_geheim: p.adres?.geheim ?? false,
    // The registering organisation holds a secret address it registered.
    adres_houder: p.adres?.geheim ? holder : null,
  };
}

/** INSERT of person rows given as column arrays ($1 source, then the columns of PERSON_COLS), with an optional conflict clause. */
const personInsert = (conflict: string) =>
  `INSERT INTO person (id, region_id, source, external_id, voornamen, roepnaam, tussenvoegsel, achternaam, geboortedatum, geslacht, bsn,
     straat, huisnummer, huisnummer_toevoeging, postcode, woonplaats, gemeente_code, adres_geheim, adres_houder_organisation_id)
   SELECT id, region_id, $1, external_id, voornamen, roepnaam, tussenvoegsel, achternaam, geboortedatum, geslacht, bsn,
     straat, huisnummer, huisnummer_toevoeging, postcode, woonplaats, gemeente_code, adres_geheim, adres_houder
   FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::date[], $10::text[], $11::text[],
     $12::text[], $13::int[], $14::text[], $15::text[], $16::text[], $17::text[], $18::bool[], $19::uuid[])
     AS t(id, region_id, external_id, voornamen, roepnaam, tussenvoegsel, achternaam, geboortedatum, geslacht, bsn,
       straat, huisnummer, huisnummer_toevoeging, postcode, woonplaats, gemeente_code, adres_geheim, adres_houder)
   ${conflict}`;

async function storeBatch(
  tx: Queryable,
  batch: Prepared[],
  source: string,
  registrars: Map<string, string | null>,
  actor: ImportActor,
): Promise<BatchResult> {
  // 1. Which contacts are already stored (idempotency on the sender's external id)?
  const existing = await tx.query<{ id: string; region_id: string; external_id: string }>(
    `SELECT id, region_id, external_id FROM contact
     WHERE source = $1 AND (region_id, external_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
    [source, batch.map((b) => b.regionId), batch.map((b) => b.line.externalId)],
  );
  const present = new Map(existing.rows.map((r) => [`${r.region_id}\u0000${r.external_id}`, r.id]));
  const contactIds = new Map<number, string>();
  for (const b of batch) {
    const id = present.get(`${b.regionId}\u0000${b.line.externalId}`);
    if (id) contactIds.set(b.lineNo, id);
  }
  const fresh = batch.filter((b) => !present.has(`${b.regionId}\u0000${b.line.externalId}`));
  const skipped = batch.length - fresh.length;
  if (fresh.length === 0) return { stored: 0, skipped, failed: [], contactIds, opgeslagen: new Map() };

  // 2. Households: the sender's household id joins contacts; otherwise one new household per contact with persons.
  const householdKey = (b: Prepared) => `${b.regionId}\u0000${b.line.huishouden!.externalId!}`;
  const withHh = fresh.filter((b) => b.line.huishouden?.externalId);
  const hhIds = new Map<string, string>();
  if (withHh.length > 0) {
    // Sorted keys: concurrent batches take row locks in the same order and cannot deadlock.
    const uniq = [...new Map(withHh.map((b) => [householdKey(b), b])).entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    const rows = await insertOrFind(
      tx,
      `INSERT INTO household (id, region_id, source, external_id)
       SELECT i, r, $1, e FROM unnest($2::uuid[], $3::text[], $4::text[]) AS t(i, r, e)
       ON CONFLICT (region_id, source, external_id) DO NOTHING
       RETURNING id, region_id, external_id`,
      [source, uniq.map(() => uuidv7()), uniq.map(([, b]) => b.regionId), uniq.map(([, b]) => b.line.huishouden!.externalId!)],
      'household',
      source,
      uniq.map(([, b]) => [b.regionId, b.line.huishouden!.externalId!]),
    );
    for (const [k, id] of rows.ids) hhIds.set(k, id);
  }
  const newHh = new Columns(['id', 'region_id'] as const);
  const contactHousehold = new Map<Prepared, string | null>();
  for (const b of fresh) {
    if (b.line.huishouden?.externalId) contactHousehold.set(b, hhIds.get(householdKey(b))!);
    else if (b.line.personen.length > 0) {
      const id = uuidv7();
      newHh.push({ id, region_id: b.regionId });
      contactHousehold.set(b, id);
    } else contactHousehold.set(b, null);
  }
  // New households are written with the persons without sender ids, in one round trip (below).

  // 3. Persons: the sender's person id links registrations; otherwise a new registration.
  const personRow = (b: Prepared, p: ImportPersoon, id: string) => personRowOf(b.regionId, b.gemeenteCode, registrars.get(b.regionId) ?? null, p, id);
  const linked = new Columns(personCols);
  const newPersons: RadarPerson[] = [];
  const linkedKeys = new Set<string>();
  const unlinked = new Columns(personCols);
  const personIdOf = new Map<string, string>(); // `${lineNo}/${ref}` -> person id
  const radarRowOf = new Map<string, RadarPerson>(); // person id -> the data entered, for the radar
  const extKey = (b: Prepared, ext: string) => `${b.regionId}\u0000${ext}`;
  for (const b of fresh) {
    for (const p of b.line.personen) {
      if (p.externalId) {
        const k = extKey(b, p.externalId);
        if (!linkedKeys.has(k)) {
          linkedKeys.add(k);
          linked.push(personRow(b, p, uuidv7()));
        }
      } else {
        const id = uuidv7();
        const row = personRow(b, p, id);
        unlinked.push(row);
        personIdOf.set(`${b.lineNo}/${p.ref}`, id);
        radarRowOf.set(id, radarPerson(row));
      }
    }
  }
  if (linked.length > 0) {
    // The first registration under a sender's person id is kept; later contacts refer to it.
    linked.sortBy((row) => `${row.region_id}\u0000${row.external_id}`);
    const byExt = await insertOrFind(
      tx,
      personInsert(`ON CONFLICT (region_id, source, external_id) DO NOTHING RETURNING id, region_id, external_id`),
      [source, ...linked.params()],
      'person',
      source,
      linked.data.region_id.map((r, i) => [r as string, linked.data.external_id[i] as string]),
    );
    for (const b of fresh)
      for (const p of b.line.personen) {
        if (!p.externalId) continue;
        const id = byExt.ids.get(extKey(b, p.externalId))!;
        personIdOf.set(`${b.lineNo}/${p.ref}`, id);
        if (!radarRowOf.has(id)) radarRowOf.set(id, radarPerson(personRow(b, p, id)));
      }
    newPersons.push(...[...byExt.inserted].map((id) => radarRowOf.get(id)!));
  }
  await runTogether(tx, [
    newHh.length > 0 ? { sql: `INSERT INTO household (id, region_id) SELECT * FROM unnest($1::uuid[], $2::text[])`, params: newHh.params() } : null,
    unlinked.length > 0 ? { sql: personInsert(''), params: [source, ...unlinked.params()] } : null,
  ]);
  newPersons.push(...unlinked.data.id.map((id) => radarRowOf.get(id as string)!));

  // 4. Contacts, guarded: a concurrent import of the same ids makes the batch retry.
  const contacts = new Columns([
    'id', 'region_id', 'gemeente_code', 'type', 'ontvangen_op', 'kanaal', 'melder_type', 'melder_sector', 'melder_relatie',
    'melder_anoniem', 'melder_anoniem_reden', 'household_id', 'omschrijving', 'acuut_gevaar', 'external_id', 'melding_op',
  ] as const);
  const melders = new Columns(['contact_id', 'region_id', 'naam', 'organisatie', 'telefoon', 'email'] as const);
  const members = new Columns(['household_id', 'person_id', 'region_id', 'sinds'] as const);
  const roles = new Columns(['contact_id', 'person_id', 'region_id', 'rol'] as const);
  const forms = new Columns(['contact_id', 'code', 'region_id'] as const);
  const relations = new Columns(['van', 'naar', 'region_id', 'type'] as const);
  const memberKeys = new Set<string>();
  const roleKeys = new Set<string>();
  const relationKeys = new Set<string>();
  for (const b of fresh) {
    const l = b.line;
    const id = uuidv7();
    const hh = contactHousehold.get(b) ?? null;
    contacts.push({
      id,
      region_id: b.regionId,
      gemeente_code: b.gemeenteCode,
      type: l.type,
      ontvangen_op: b.receivedAt.toISOString(),
      kanaal: l.kanaal,
      melder_type: l.melder.type,
      melder_sector: l.melder.sector,
      melder_relatie: l.melder.relatie,
      melder_anoniem: l.melder.anoniem,
      melder_anoniem_reden: l.melder.anoniemReden,
      household_id: hh,
      omschrijving: l.omschrijving,
      acuut_gevaar: l.acuutGevaar,
      external_id: l.externalId,
      melding_op: l.type === 'melding' ? b.receivedAt.toISOString() : null,
    });
    contactIds.set(b.lineNo, id);
    const m = l.melder;
    if (m.naam || m.organisatie || m.telefoon || m.email) {
      melders.push({ contact_id: id, region_id: b.regionId, naam: m.naam, organisatie: m.organisatie, telefoon: m.telefoon, email: m.email });
    }
    for (const p of l.personen) {
      const pid = personIdOf.get(`${b.lineNo}/${p.ref}`)!;
      if (!roleKeys.has(`${id}/${pid}`)) {
        roleKeys.add(`${id}/${pid}`);
        roles.push({ contact_id: id, person_id: pid, region_id: b.regionId, rol: p.rol });
      }
      if (hh && !memberKeys.has(`${hh}/${pid}`)) {
        memberKeys.add(`${hh}/${pid}`);
        members.push({ household_id: hh, person_id: pid, region_id: b.regionId, sinds: b.receivedAt.toISOString() });
      }
    }
    for (const code of new Set(l.geweldsvormen)) forms.push({ contact_id: id, code, region_id: b.regionId });
    for (const r of l.relaties) {
      const van = personIdOf.get(`${b.lineNo}/${r.van}`)!;
      const naar = personIdOf.get(`${b.lineNo}/${r.naar}`)!;
      const k = `${van}/${naar}/${r.type}`;
      if (van !== naar && !relationKeys.has(k)) {
        relationKeys.add(k);
        relations.push({ van, naar, region_id: b.regionId, type: r.type });
      }
    }
  }
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO contact (id, region_id, gemeente_code, type, ontvangen_op, kanaal, melder_type, melder_sector, melder_relatie,
       melder_anoniem, melder_anoniem_reden, household_id, omschrijving, acuut_gevaar, source, external_id, melding_op)
     SELECT id, region_id, gemeente_code, type, ontvangen_op, kanaal, melder_type, melder_sector, melder_relatie,
       melder_anoniem, melder_anoniem_reden, household_id, omschrijving, acuut_gevaar, $1, external_id, melding_op
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::text[], $9::text[], $10::text[],
       $11::bool[], $12::text[], $13::uuid[], $14::text[], $15::bool[], $16::text[], $17::timestamptz[])
       AS t(id, region_id, gemeente_code, type, ontvangen_op, kanaal, melder_type, melder_sector, melder_relatie,
         melder_anoniem, melder_anoniem_reden, household_id, omschrijving, acuut_gevaar, external_id, melding_op)
     ON CONFLICT (region_id, source, external_id) DO NOTHING
     RETURNING id`,
    [source, ...contacts.params()],
  );
  if (inserted.rows.length !== fresh.length) throw new ConcurrentImportError();

  // Need-to-know: the registering organisation is involved with every household it registered a contact for.
  const involved = new Map<string, [string, string]>();
  for (const b of fresh) {
    const hh = contactHousehold.get(b);
    const org = registrars.get(b.regionId);
    if (hh && org) involved.set(hh, [b.regionId, org]);
  }
  // Every melding gets its veiligheidsbeoordeling, with its deadlines, at receipt.
  const beoordelingen = await beoordelingenStatement(
    tx,
    fresh
      .filter((b) => b.line.type === 'melding')
      .map((b) => ({
        contactId: contactIds.get(b.lineNo)!,
        regionId: b.regionId,
        gemeenteCode: b.gemeenteCode,
        meldingOp: b.receivedAt,
        acuut: b.line.acuutGevaar,
        registrar: registrars.get(b.regionId) ?? null,
        ...(b.line.beoordeling ? { historisch: b.line.beoordeling } : {}),
      })),
  );
  // Everything that hangs on the contacts and persons, in one round trip; then the radar index of the new persons.
  await runTogether(tx, [
    melders.length > 0
      ? {
          sql: `INSERT INTO melder_identiteit (contact_id, region_id, naam, organisatie, telefoon, email)
                SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
          params: melders.params(),
        }
      : null,
    members.length > 0
      ? {
          sql: `INSERT INTO household_member (household_id, person_id, region_id, sinds)
                SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[])
                ON CONFLICT (household_id, person_id) DO NOTHING`,
          params: members.params(),
        }
      : null,
    roles.length > 0
      ? {
          sql: `INSERT INTO contact_person (contact_id, person_id, region_id, rol) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[])`,
          params: roles.params(),
        }
      : null,
    forms.length > 0
      ? {
          sql: `INSERT INTO contact_geweldsvorm (contact_id, geweldsvorm_code, region_id) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[])`,
          params: forms.params(),
        }
      : null,
    relations.length > 0
      ? {
          sql: `INSERT INTO person_relation (van_person_id, naar_person_id, region_id, type)
                SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[])
                ON CONFLICT DO NOTHING`,
          params: relations.params(),
        }
      : null,
    involved.size > 0
      ? {
          sql: `INSERT INTO household_involvement (household_id, region_id, organisation_id, grondslag)
                SELECT h, r, o, 'registratie' FROM unnest($1::uuid[], $2::text[], $3::uuid[]) AS t(h, r, o)
                ON CONFLICT (household_id, organisation_id) WHERE team_id IS NULL AND user_id IS NULL AND tot IS NULL DO NOTHING`,
          params: [[...involved.keys()], [...involved.values()].map((v) => v[0]), [...involved.values()].map((v) => v[1])],
        }
      : null,
    beoordelingen.statement,
    ...indexStatements(newPersons),
  ]);
  const nieuw = new Set(newPersons.map((p) => p.id));
  const radarFound = new Map<number, number>();
  for (const b of fresh) {
    if (!b.radar || b.line.personen.length === 0) continue;
    const ids = [...new Set(b.line.personen.map((p) => personIdOf.get(`${b.lineNo}/${p.ref}`)!))];
    radarFound.set(b.lineNo, await radarForContact(tx, b.regionId, contactIds.get(b.lineNo)!, ids.map((id) => radarRowOf.get(id)!), nieuw));
  }
  // A new melding about a household with a plan (the sender's household id joined it): back to directe veiligheid.
  // Only a household known before (joined by the sender's id) can have a plan; new ones cannot.
  const known = [...new Set(hhIds.values())];
  const withPlan = new Set(
    known.length
      ? (await tx.query<{ household_id: string }>(`SELECT household_id FROM veiligheidsplan WHERE household_id = ANY($1::uuid[])`, [known])).rows.map((r) => r.household_id)
      : [],
  );
  for (const b of fresh) {
    const hh = contactHousehold.get(b);
    if (hh && withPlan.has(hh) && b.radar) await nieuweMeldingBijPlan(tx, hh, contactIds.get(b.lineNo)!, b.receivedAt);
  }
  // The write is audited in the same transaction: one entry per region per batch, naming every person written.
  const personsByRegion = new Map<string, Set<string>>();
  const contactsByRegion = new Map<string, number>();
  for (const b of fresh) {
    contactsByRegion.set(b.regionId, (contactsByRegion.get(b.regionId) ?? 0) + 1);
    const set = personsByRegion.get(b.regionId) ?? new Set<string>();
    for (const p of b.line.personen) set.add(personIdOf.get(`${b.lineNo}/${p.ref}`)!);
    personsByRegion.set(b.regionId, set);
  }
  const { actie = 'contact.importeren', ...who } = actor;
  await appendAudit(
    tx,
    [...contactsByRegion].map(([regionId, n]) => ({
      ...who,
      regionId,
      actie,
      recordType: 'contact',
      recordId: fresh.length === 1 ? contactIds.get(fresh[0]!.lineNo)! : null,
      personen: [...(personsByRegion.get(regionId) ?? [])],
      doel: `bron ${source}`,
      uitkomst: `ok (${n} contacten)`,
    })),
  );
  const opgeslagen = new Map(fresh.map((b) => [b.lineNo, { deadline: beoordelingen.deadlines.get(contactIds.get(b.lineNo)!) ?? null, radar: radarFound.get(b.lineNo) ?? 0 }]));
  return { stored: fresh.length, skipped, failed: [], contactIds, opgeslagen };
}

function radarPerson(row: {
  id: unknown; region_id: unknown; voornamen?: unknown; roepnaam?: unknown; tussenvoegsel?: unknown; achternaam?: unknown; geboortedatum?: unknown;
  geslacht?: unknown; bsn?: unknown; straat?: unknown; huisnummer?: unknown; huisnummer_toevoeging?: unknown; postcode?: unknown; woonplaats?: unknown;
}): RadarPerson {
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return {
    id: row.id as string,
    region_id: row.region_id as string,
    voornamen: str(row.voornamen),
    roepnaam: str(row.roepnaam),
    tussenvoegsel: str(row.tussenvoegsel),
    achternaam: str(row.achternaam),
    geboortedatum: str(row.geboortedatum),
    geslacht: str(row.geslacht),
    bsn: str(row.bsn),
    straat: str(row.straat),
    huisnummer: typeof row.huisnummer === 'number' ? row.huisnummer : null,
    huisnummer_toevoeging: str(row.huisnummer_toevoeging),
    postcode: str(row.postcode),
    woonplaats: str(row.woonplaats),
  };
}

/**
 * Stores contacts entered in the app (intake screen, professional form, public page, HTTP import) in the
 * caller's transaction, through the same path as every import: validation done by the caller with the
 * domain schema, then households, persons, the melding's assessment and deadlines, radar and audit.
 * Idempotent on (source, externalId): a contact stored before is not stored again. Returns each contact's id.
 */
export async function registerContacts(
  tx: Queryable,
  lines: readonly ValidImportLine[],
  opts: { source: string; registrar: string | null; actor: ImportActor },
): Promise<{ contacts: { id: string; nieuw: boolean; deadline: Date | null; radar: number }[]; stored: number }> {
  const prepared: Prepared[] = lines.map((line, i) => {
    const g = findGemeente(line.gemeente)!;
    return { lineNo: i + 1, line, regionId: g.regionId, gemeenteCode: g.code, receivedAt: parseMoment(line.ontvangenOp)!, radar: !line.beoordeling };
  });
  const registrars = new Map(prepared.map((p) => [p.regionId, opts.registrar]));
  const r = await storeBatch(tx, prepared, opts.source, registrars, opts.actor);
  return {
    contacts: prepared.map((p) => {
      const stored = r.opgeslagen.get(p.lineNo);
      return { id: r.contactIds.get(p.lineNo)!, nieuw: stored !== undefined, deadline: stored?.deadline ?? null, radar: stored?.radar ?? 0 };
    }),
    stored: r.stored,
  };
}

/**
 * Adds persons (and relations between them) to a stored contact: an advies that becomes a melding names
 * the persons it left anonymous. Persons are registered, join the contact's household (created when the
 * contact had none, with the registering organisation involved), are indexed and looked up by the radar.
 * Returns the contact's household id. Runs in the caller's transaction, which audits the change.
 */
export async function addPersonsToContact(
  tx: Queryable,
  contact: { id: string; regionId: string; gemeenteCode: string; householdId: string | null; registrar: string | null },
  persons: readonly ImportPersoon[],
  relations: ValidImportLine['relaties'],
  now = new Date(),
): Promise<string | null> {
  if (persons.length === 0) return contact.householdId;
  let householdId = contact.householdId;
  if (!householdId) {
    householdId = uuidv7();
    await tx.query(`INSERT INTO household (id, region_id) VALUES ($1, $2)`, [householdId, contact.regionId]);
    if (contact.registrar)
      await tx.query(`INSERT INTO household_involvement (household_id, region_id, organisation_id, grondslag) VALUES ($1, $2, $3, 'registratie')`, [
        householdId,
        contact.regionId,
        contact.registrar,
      ]);
  }
  const cols = new Columns(personCols);
  const idOf = new Map<string, string>();
  for (const p of persons) {
    const id = uuidv7();
    idOf.set(p.ref, id);
    // Persons named at conversion are the app's own registrations: no sender ids.
    cols.push(personRowOf(contact.regionId, contact.gemeenteCode, contact.registrar, { ...p, externalId: undefined }, id));
  }
  await tx.query(personInsert(''), ['app', ...cols.params()]);
  const ids = [...idOf.values()];
  await tx.query(
    `INSERT INTO household_member (household_id, person_id, region_id, sinds) SELECT $1::uuid, p, $2::text, $3::timestamptz FROM unnest($4::uuid[]) AS p ON CONFLICT DO NOTHING`,
    [householdId, contact.regionId, now.toISOString(), ids],
  );
  await tx.query(`INSERT INTO contact_person (contact_id, person_id, region_id, rol) SELECT $1::uuid, p, $2::text, r FROM unnest($3::uuid[], $4::text[]) AS t(p, r)`, [
    contact.id,
    contact.regionId,
    ids,
    persons.map((p) => p.rol),
  ]);
  const rel = relations.filter((r) => idOf.has(r.van) && idOf.has(r.naar));
  if (rel.length > 0)
    await tx.query(
      `INSERT INTO person_relation (van_person_id, naar_person_id, region_id, type) SELECT v, n, $1::text, t FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS x(v, n, t) ON CONFLICT DO NOTHING`,
      [contact.regionId, rel.map((r) => idOf.get(r.van)), rel.map((r) => idOf.get(r.naar)), rel.map((r) => r.type)],
    );
  const rows = cols.data.id.map((_, i) => radarPerson(Object.fromEntries(personCols.map((c) => [c, cols.data[c][i]])) as Parameters<typeof radarPerson>[0]));
  await indexPersons(tx, rows);
  await radarForContact(tx, contact.regionId, contact.id, rows, new Set(ids));
  return householdId;
}
