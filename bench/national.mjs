// Shared by the benchmarks that need a bench database or national volume: bench/generate.mjs
// (which measures the load itself) and bench/monitor.mjs (which loads it and then measures the
// figures). One place for what "10 years of national volume from the generator" means.
import pg from 'pg';
import { generateContacts, importLines, NATIONAL_MELDINGEN_PER_YEAR } from '../packages/server/dist/index.js';
import { REGIONS } from '../packages/domain/dist/index.js';

/** The PostgreSQL server to use; the bench databases are created next to the one it names. */
export const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of database `name` on the same server as BASE_URL. */
export function databaseUrl(name) {
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sql) {
  const c = new pg.Client({ connectionString: BASE_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Creates database `name` (a plain identifier chosen by the bench) and returns its URL. */
export async function createDatabase(name) {
  await admin(`CREATE DATABASE ${name}`);
  return databaseUrl(name);
}

export async function dropDatabase(name) {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** The tables the national load fills, for a row count. */
export const NATIONAL_TABLES = ['contact', 'person', 'household', 'household_member', 'contact_person', 'contact_geweldsvorm', 'person_relation', 'melder_identiteit'];

/**
 * Loads `years` years of national volume ending with `lastYear` (127,340 meldingen a year and their
 * adviezen, households and persons over the five regions; seed 2026) through the same loading path
 * as `samenveilig import`. Prints progress every 30 s with `prefix`. Returns the import summary and
 * the seconds it took.
 */
export async function loadNationalVolume(db, { years, lastYear = 2025, prefix = '  ' }) {
  const fromYear = lastYear - years + 1;
  const started = process.hrtime.bigint();
  let lastPrint = 0;
  const summary = await importLines(
    db,
    generateContacts({
      seed: 2026,
      regionIds: REGIONS.map((r) => r.id),
      fromYear,
      years,
      meldingenPerYear: NATIONAL_MELDINGEN_PER_YEAR,
    }),
    {
      source: 'synthetisch',
      checkDuplicates: false,
      batchSize: 4000,
      onProgress: (p) => {
        const s = Number(process.hrtime.bigint() - started) / 1e9;
        if (s - lastPrint >= 30) {
          lastPrint = s;
          console.log(`${prefix}${p.stored} contacts after ${s.toFixed(0)} s (${Math.round(p.stored / s)} contacts/s), RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
        }
      },
    },
  );
  return { summary, seconds: Number(process.hrtime.bigint() - started) / 1e9, fromYear };
}

export { NATIONAL_MELDINGEN_PER_YEAR };
