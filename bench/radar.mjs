// bench/radar: the radar for one new melding with 4 persons, against many known persons.
//   PostgreSQL with 2,000,000 known persons in one region: target p95 <= 50 ms.
//   PGlite (embedded) with 200,000 known persons:          target p95 <= 150 ms.
//
//   npm run bench:radar                                  (builds first)
//   BENCH_PERSONS=200000 BENCH_PGLITE_PERSONS=50000 node bench/radar.mjs   (a quicker look)
//
// Known persons are loaded from the synthetic generator through the one loading path
// (validation, households, persons, radar index), all into one region: the worst case, since the
// radar searches a region. Registrations carry no sender ids and have registration noise, so the
// same people come back with small differences. The queries are the meldingen the generator makes
// next (about 30% about known households). What is timed, per melding: indexing its 4 new persons,
// the search (blocking keys, candidates, term frequencies, rejected pairs), scoring, and storing
// the candidates: everything the radar does at intake, in one transaction (rolled back after).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { generateContacts, importLines, indexPersons, openPglite, openPostgres, prepareDatabase, radarForContact } from '../packages/server/dist/index.js';
import { findGemeente } from '../packages/domain/dist/index.js';

const REGION = 'arnhem-achterhoek';
const PG_PERSONS = Number(process.env.BENCH_PERSONS ?? 2_000_000);
const PGLITE_PERSONS = Number(process.env.BENCH_PGLITE_PERSONS ?? 200_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 300);
const WARMUP = 20;
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/** Contacts of the region until `persons` registrations were yielded; then the next ones, for queries. */
function* contacts(seed) {
  yield* generateContacts({ seed, regionIds: [REGION], fromYear: 2010, years: 40, meldingenPerYear: 127_340, externalIds: false });
}

async function load(db, persons) {
  const it = contacts(7)[Symbol.iterator]();
  let count = 0;
  const started = Date.now();
  let last = 0;
  function* upTo() {
    for (;;) {
      const { value, done } = it.next();
      if (done) return;
      count += value.personen.length;
      yield value;
      if (count >= persons) return;
    }
  }
  const s = await importLines(db, upTo(), {
    source: 'bench',
    checkDuplicates: false,
    batchSize: 2000,
    concurrency: db.kind === 'postgres' ? 2 : 1,
    radarVanaf: new Date('2100-01-01'), // history: indexed, no radar searches while loading
    onProgress: (p) => {
      if (Date.now() - last > 30_000) {
        last = Date.now();
        console.log(`  ${db.kind}: ${p.stored} contacts, ${count} persons after ${Math.round((Date.now() - started) / 1000)} s`);
      }
    },
  });
  if (s.rejected > 0) throw new Error(`load rejected ${s.rejected}: ${JSON.stringify(s.errors.slice(0, 2))}`);
  const known = (await db.query(`SELECT count(*) AS n FROM person WHERE region_id = $1`, [REGION])).rows[0].n;
  console.log(`  ${db.kind}: loaded ${s.stored} contacts, ${known} known persons in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return it;
}

/** The next meldingen's persons, four at a time (a melding with 4 persons). */
function* queries(it) {
  let pending = [];
  for (;;) {
    const { value, done } = it.next();
    if (done) return;
    if (value.type !== 'melding') continue;
    for (const p of value.personen) {
      pending.push({ p, gemeente: value.gemeente });
      if (pending.length === 4) {
        yield pending;
        pending = [];
      }
    }
  }
}

async function measure(db, it) {
  const times = [];
  let candidates = 0;
  let n = 0;
  for (const four of queries(it)) {
    if (n++ >= QUERIES + WARMUP) break;
    const g = findGemeente(four[0].gemeente);
    try {
      await db.transaction(async (tx) => {
        // The melding and its four persons as intake stores them (not timed: that is intake, not radar).
        const contact = uuidv7();
        await tx.query(
          `INSERT INTO contact (id, region_id, gemeente_code, type, ontvangen_op, kanaal, melder_type, melder_relatie, source, external_id, melding_op)
           VALUES ($1, $2, $3, 'melding', now(), 'telefoon', 'niet-beroepsmatig', 'buren', 'bench-query', $4, now())`,
          [contact, REGION, g.code, contact],
        );
        const persons = four.map(({ p }) => ({
          id: uuidv7(), region_id: REGION, voornamen: p.voornamen ?? null, roepnaam: p.roepnaam ?? null, tussenvoegsel: p.tussenvoegsel ?? null,
          achternaam: p.achternaam ?? null, geboortedatum: p.geboortedatum ?? null, geslacht: p.geslacht ?? null, bsn: p.bsn ?? null,
          straat: p.adres?.straat ?? null, huisnummer: p.adres?.huisnummer ?? null, huisnummer_toevoeging: null, postcode: p.adres?.postcode?.replace(/\s/g, '').toUpperCase() ?? null,
          woonplaats: p.adres?.woonplaats ?? null,
        }));
        await tx.query(
          `INSERT INTO person (id, region_id, voornamen, roepnaam, tussenvoegsel, achternaam, geboortedatum, geslacht, bsn)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[], $9::text[])`,
          [persons.map((x) => x.id), persons.map(() => REGION), persons.map((x) => x.voornamen), persons.map((x) => x.roepnaam), persons.map((x) => x.tussenvoegsel),
           persons.map((x) => x.achternaam), persons.map((x) => x.geboortedatum), persons.map((x) => x.geslacht ?? 'onbekend'), persons.map((x) => x.bsn)],
        );
        const t0 = process.hrtime.bigint();
        await indexPersons(tx, persons);
        const found = await radarForContact(tx, REGION, contact, persons, new Set(persons.map((x) => x.id)));
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (n > WARMUP) {
          times.push(ms);
          candidates += found;
        }
        throw new Rollback();
      });
    } catch (e) {
      if (!(e instanceof Rollback)) throw e;
    }
  }
  return { times, candidates };
}
class Rollback extends Error {}

async function run(kind, persons) {
  let db;
  let cleanup = async () => {};
  if (kind === 'postgres') {
    const name = `sv_bench_radar_${process.pid}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    db = await openPostgres(url.toString(), 3);
    cleanup = async () => {
      await db.close();
      if (process.env.BENCH_KEEP === '1') return;
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'sv-bench-radar-'));
    db = await openPglite(dir);
    cleanup = async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  try {
    await prepareDatabase(db);
    const it = await load(db, persons);
    // Fresh statistics, as autovacuum keeps them on a server and start-up does for PGlite.
    await db.query('ANALYZE');
    const { times, candidates } = await measure(db, it);
    const r = { kind, persons, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), n: times.length, candidates };
    console.log(`  ${kind}: ${r.n} meldingen of 4 persons: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms; ${(candidates / r.n).toFixed(2)} candidates per melding`);
    return r;
  } finally {
    await cleanup();
  }
}

console.log(`bench/radar: ${PG_PERSONS} known persons on PostgreSQL, ${PGLITE_PERSONS} on PGlite, region ${REGION}`);
const lite = await run('pglite', PGLITE_PERSONS);
const server = await run('postgres', PG_PERSONS);
const verdict = (r, target) => `${r.p95.toFixed(1)} ms (target ≤ ${target} ms${r.p95 <= target ? '' : ', MISSED'})`;
console.log(
  `bench/radar: p95 PostgreSQL ${server.persons.toLocaleString('en')} persons ${verdict(server, 50)}; PGlite ${lite.persons.toLocaleString('en')} persons ${verdict(lite, 150)}`,
);
process.exit(0);
