// bench/generate: 10 years of national volume from the synthetic generator into PostgreSQL,
// through the same loading path as `samenveilig import`. Prints rows/s and peak RSS; the last
// line is the figure. Target: under 15 minutes on 2 cores with peak RSS under 1 GiB.
//
//   npm run bench:generate                      (builds first)
//   BENCH_DATABASE_URL=postgres://... BENCH_YEARS=1 node bench/generate.mjs
//
// It creates a fresh database next to the one BENCH_DATABASE_URL names (default: the local
// server at 127.0.0.1:5432) and drops it afterwards unless BENCH_KEEP=1.
import pg from 'pg';
import {
  generateContacts,
  importLines,
  NATIONAL_MELDINGEN_PER_YEAR,
  openPostgres,
  prepareDatabase,
} from '../packages/server/dist/index.js';
import { REGIONS } from '../packages/domain/dist/index.js';

const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const years = Number(process.env.BENCH_YEARS ?? 10);
const fromYear = 2025 - years + 1;
const name = `sv_bench_${process.pid}`;

const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
const url = new URL(base);
url.pathname = `/${name}`;

const db = await openPostgres(url.toString(), 2);
let exitCode = 0;
try {
  await prepareDatabase(db);
  console.log(`bench/generate: ${years} years (${fromYear}-${fromYear + years - 1}) of national volume, ${NATIONAL_MELDINGEN_PER_YEAR} meldingen a year, into ${name}`);
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
          console.log(`  ${p.stored} contacts after ${s.toFixed(0)} s (${Math.round(p.stored / s)} contacts/s), RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
        }
      },
    },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (summary.rejected > 0) {
    console.log(`rejected ${summary.rejected} lines, e.g. ${JSON.stringify(summary.errors.slice(0, 3))}`);
    exitCode = 1;
  }
  const tables = ['contact', 'person', 'household', 'household_member', 'contact_person', 'contact_geweldsvorm', 'person_relation', 'melder_identiteit'];
  let rows = 0;
  for (const t of tables) {
    const n = (await db.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n;
    rows += n;
    console.log(`  ${t.padEnd(20)} ${String(n).padStart(10)}`);
  }
  const types = (await db.query(`SELECT type, count(*) AS n FROM contact GROUP BY type ORDER BY type`)).rows;
  console.log(`  ${types.map((r) => `${r.type}: ${r.n}`).join(', ')}`);
  const peakMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  // The target (15 min, 1 GiB) is for the full 10 years; a shorter run only samples the rate.
  const verdict =
    years < 10 ? `${years}-year sample; the target is for 10 years` : seconds <= 900 && peakMiB < 1024 ? 'within target' : 'OUTSIDE target (15 min, 1 GiB)';
  console.log(
    `bench/generate: ${rows} rows (${summary.stored} contacts) in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds)} rows/s, peak RSS ${peakMiB} MiB — ${verdict}`,
  );
} finally {
  await db.close();
  if (process.env.BENCH_KEEP !== '1') {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  }
}
process.exit(exitCode);
