// bench/intake: intake of meldingen over HTTP on PostgreSQL, next to pgbench on the same server in
// the same run. Each request is a melding with 3 persons through POST /api/v1/intake: validation,
// households and persons, the assessment with its deadlines, the radar (index, search among the
// region's known persons, candidates stored) and the audit chain, in one transaction.
// Prints the sustained rate and p99 latency, pgbench's TPS (TPC-B-like, default script), and the
// ratio; target: intake rate >= 30% of pgbench TPS.
//
//   npm run bench:intake                            (builds first)
//   BENCH_SECONDS=30 BENCH_CLIENTS=8 BENCH_DATABASE_URL=postgres://... node bench/intake.mjs
import { spawn, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createSession, generateContacts, loadDemoRegion, createDemoAccounts, openPostgres, prepareDatabase } from '../packages/server/dist/index.js';

const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const WARMUP_SECONDS = 5;
const HISTORY_YEARS = Number(process.env.BENCH_HISTORY_YEARS ?? 3);
const REGION = 'noord-veluwe-mijov';
const cli = fileURLToPath(new URL('../packages/server/dist/cli.js', import.meta.url));

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** CPU time (ms) used so far by: the server processes, all PostgreSQL processes, this process. Linux /proc. */
function cpuNow(serverPids) {
  const ticks = (pid) => {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return Number(f[11]) + Number(f[12]);
    } catch {
      return 0;
    }
  };
  let pg = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres') pg += ticks(d);
    } catch {}
  }
  const hz = 100;
  return { server: (serverPids.reduce((a, p) => a + ticks(p), 0) * 1000) / hz, postgres: (pg * 1000) / hz, client: (ticks(process.pid) * 1000) / hz };
}

async function createDb(name) {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}
async function dropDb(name) {
  if (process.env.BENCH_KEEP === '1') return;
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
}
const freePort = () =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** pgbench's default TPC-B-like script, 8 clients on 2 threads, on its own database of the same server. */
function pgbenchTps(url) {
  const u = new URL(url);
  const args = ['-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres')];
  const db = u.pathname.slice(1);
  execFileSync('pgbench', [...args, '-i', '-s', '10', '-q', db], { stdio: 'ignore', env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) } });
  const out = execFileSync('pgbench', [...args, '-c', String(CLIENTS), '-j', '2', '-T', String(SECONDS), db], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) },
  });
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
  if (!Number.isFinite(tps)) throw new Error(`pgbench printed no tps:\n${out}`);
  return tps;
}

/** Request bodies: meldingen with 3 persons from the generator, as the intake screen would send them. */
function bodies(n) {
  const out = [];
  for (const line of generateContacts({ seed: 99, regionIds: [REGION], fromYear: 2026, years: 5, meldingenPerYear: 20_000, externalIds: false })) {
    if (line.type !== 'melding' || line.personen.length < 3) continue;
    const { externalId: _e, huishouden: _h, beoordeling: _b, ...contact } = line;
    const personen = line.personen.slice(0, 3);
    const refs = new Set(personen.map((p) => p.ref));
    out.push({ ...contact, personen, relaties: (line.relaties ?? []).filter((r) => refs.has(r.van) && refs.has(r.naar)), kanaal: 'telefoon' });
    if (out.length >= n) break;
  }
  return out;
}

const appName = `sv_bench_intake_${process.pid}`;
const pgbName = `sv_bench_pgbench_${process.pid}`;
let server;
try {
  console.log(`bench/intake: ${CLIENTS} clients, ${SECONDS} s each for pgbench and for intake; ${HISTORY_YEARS} years of history in ${REGION}`);
  const appUrl = await createDb(appName);
  const db = await openPostgres(appUrl, 2);
  await prepareDatabase(db);
  const t0 = Date.now();
  const history = await loadDemoRegion(db, { years: HISTORY_YEARS, seed: 7 });
  await createDemoAccounts(db, REGION);
  const persons = (await db.query(`SELECT count(*) AS n FROM person`)).rows[0].n;
  console.log(`  history: ${history.stored} contacts, ${persons} known persons, loaded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const user = (await db.query(`SELECT u.id, u.region_id FROM app_user u JOIN user_role r ON r.user_id = u.id WHERE r.rol = 'vt-medewerker' LIMIT 1`)).rows[0];
  const sessions = [];
  for (let i = 0; i < CLIENTS; i++) sessions.push(await createSession(db, user, { secondFactorOk: true, maxHours: 12 }));
  await db.query('ANALYZE');
  await db.close();

  // pgbench first, alone on the machine.
  const pgbUrl = await createDb(pgbName);
  const tps = pgbenchTps(pgbUrl);
  await dropDb(pgbName);
  console.log(`  pgbench: ${tps.toFixed(0)} TPS`);

  // The real server, as `npm start` runs it, on the same PostgreSQL server.
  const port = await freePort();
  server = spawn(process.execPath, [cli, 'serve'], {
    env: { ...process.env, DATABASE_URL: appUrl, PORT: String(port), SAMENVEILIG_DEMO: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${origin}/readyz`)).status === 200) break;
    } catch {}
    if (i > 600) throw new Error('server not ready');
    await sleep(100);
  }

  const payloads = bodies(40_000);
  let next = 0;
  const latencies = [];
  let ok = 0;
  const failures = new Map();
  let measuring = false;
  let cpuStart;
  const pids = [server.pid];
  const stopAt = Date.now() + (WARMUP_SECONDS + SECONDS) * 1000;
  setTimeout(() => {
    measuring = true;
    cpuStart = cpuNow(pids);
  }, WARMUP_SECONDS * 1000);
  let measuredFrom = 0;
  async function client(s) {
    const headers = { cookie: `sv_sessie=${s.token}`, 'x-csrf-token': s.csrfToken, 'content-type': 'application/json' };
    while (Date.now() < stopAt) {
      const contact = { ...payloads[next++ % payloads.length], ontvangenOp: new Date().toISOString() };
      const started = process.hrtime.bigint();
      const res = await fetch(`${origin}/api/v1/intake`, { method: 'POST', headers, body: JSON.stringify({ conceptId: randomUUID(), contact }) });
      await res.arrayBuffer();
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (!measuring) continue;
      if (!measuredFrom) measuredFrom = Date.now();
      if (res.status === 201) {
        ok++;
        latencies.push(ms);
      } else failures.set(res.status, (failures.get(res.status) ?? 0) + 1);
    }
  }
  await Promise.all(sessions.map(client));
  const cpuEnd = cpuNow(pids);
  const seconds = (Date.now() - measuredFrom) / 1000;
  const per = (k) => ((cpuEnd[k] - cpuStart[k]) / Math.max(1, ok)).toFixed(1);
  console.log(`  CPU per melding: server ${per('server')} ms, PostgreSQL ${per('postgres')} ms, load generator ${per('client')} ms (2 cores: ${(2000 / Math.max(1, ok / seconds)).toFixed(1)} ms of CPU available per melding)`);
  const rate = ok / seconds;
  if (failures.size) console.log(`  failures: ${JSON.stringify(Object.fromEntries(failures))}`);
  console.log(`  intake: ${ok} meldingen in ${seconds.toFixed(1)} s; p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`);
  const ratio = rate / tps;
  console.log(
    `bench/intake: ${rate.toFixed(0)} meldingen/s sustained, p99 ${percentile(latencies, 99).toFixed(0)} ms; pgbench ${tps.toFixed(0)} TPS; ${(ratio * 100).toFixed(0)}% of pgbench (target ≥ 30%${ratio >= 0.3 ? '' : ', MISSED'})`,
  );
} finally {
  server?.kill('SIGTERM');
  await sleep(500);
  await dropDb(appName).catch(() => {});
  await dropDb(pgbName).catch(() => {});
}
process.exit(0);
