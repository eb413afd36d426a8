// bench/generate: 10 years of national volume from the synthetic generator into PostgreSQL,
// through the same loading path as `samenveilig import`. Prints rows/s and peak RSS; the last
// line is the figure. Target: under 15 minutes on 2 cores with peak RSS under 1 GiB.
//
//   npm run bench:generate                      (builds first)
//   BENCH_DATABASE_URL=postgres://... BENCH_YEARS=1 node bench/generate.mjs
//
// It creates a fresh database next to the one BENCH_DATABASE_URL names (default: the local
// server at 127.0.0.1:5432) and drops it afterwards unless BENCH_KEEP=1.
import { openPostgres, prepareDatabase } from '../packages/server/dist/index.js';
import { createDatabase, dropDatabase, loadNationalVolume, NATIONAL_MELDINGEN_PER_YEAR, NATIONAL_TABLES } from './national.mjs';

const years = Number(process.env.BENCH_YEARS ?? 10);
const fromYear = 2025 - years + 1;
const name = `sv_bench_${process.pid}`;

const url = await createDatabase(name);
const db = await openPostgres(url.toString(), 2);
let exitCode = 0;
try {
  await prepareDatabase(db);
  console.log(`bench/generate: ${years} years (${fromYear}-${fromYear + years - 1}) of national volume, ${NATIONAL_MELDINGEN_PER_YEAR} meldingen a year, into ${name}`);
  const { summary, seconds } = await loadNationalVolume(db, { years, lastYear: 2025 });
  if (summary.rejected > 0) {
    console.log(`rejected ${summary.rejected} lines, e.g. ${JSON.stringify(summary.errors.slice(0, 3))}`);
    exitCode = 1;
  }
  let rows = 0;
  for (const t of NATIONAL_TABLES) {
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
  if (process.env.BENCH_KEEP !== '1') await dropDatabase(name);
}
process.exit(exitCode);
