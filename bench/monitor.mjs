// bench/monitor: the figures dashboard (issue 6) at national scale. With 10 years of national volume
// from the generator (about 1.3 M meldingen and 1.4 M adviezen) on PostgreSQL, GET /api/v1/cijfers
// for one region-year and for the national year, cold and warm, over HTTP against the real server;
// and freshness: how long until a melding registered over HTTP shows in the figures.
// Targets: p95 <= 500 ms warm and <= 2 s cold for each view; freshness <= 60 s.
//
//   npm run bench:monitor                                     (builds first; about an hour, mostly the load)
//   BENCH_REUSE_DATABASE=sv_bench_123 node bench/monitor.mjs  (a database loaded before, e.g. by
//                                                              BENCH_KEEP=1 npm run bench:generate)
//
// Environment: BENCH_DATABASE_URL (the server; default the local one), BENCH_YEARS (10),
// BENCH_KEEP=1 (keep the database), BENCH_REUSE_DATABASE=name (skip the load; never dropped),
// BENCH_WARM (30 calls per view), BENCH_COLD (5 restarts per view), BENCH_REGION (default: the
// region with the most meldingen in the year), BENCH_DROP_CACHES=0 (do not drop the OS page cache
// before a cold call; it is dropped when this process may, i.e. runs as root).
//
// What "cold" means here: the first call after a restart of the server process (no application
// cache, new connections, so new PostgreSQL backends with empty catalog, plan and prepared-statement
// caches) and, where this process may, after dropping the operating system's page cache. PostgreSQL's
// own shared buffers (128 MB by default) stay warm: that needs a restart of the database server,
// which a benchmark on a shared server must not do.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Secret, TOTP } from 'otpauth';
import { generateContacts, openPostgres, prepareDatabase } from '../packages/server/dist/index.js';
import { hashPassword, newTotpSecret, randomPassword } from '../packages/server/dist/auth/credentials.js';
import { createDatabase, databaseUrl, dropDatabase, loadNationalVolume, NATIONAL_TABLES } from './national.mjs';

const YEARS = Number(process.env.BENCH_YEARS ?? 10);
const WARM = Number(process.env.BENCH_WARM ?? 30);
const COLD = Number(process.env.BENCH_COLD ?? 5);
const REUSE = process.env.BENCH_REUSE_DATABASE;
const KEEP = process.env.BENCH_KEEP === '1';
const FRESHNESS_TIMEOUT_S = Number(process.env.BENCH_FRESHNESS_TIMEOUT ?? 180);
const TARGET = { warm: 500, cold: 2000, fresh: 60 };
const cli = fileURLToPath(new URL('../packages/server/dist/cli.js', import.meta.url));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => Number(process.hrtime.bigint()) / 1e6;
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const mib = (kb) => Math.round(kb / 1024);
const amsterdamYear = (d = new Date()) => Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(d));

/** Peak resident memory (KiB) of a process so far, from /proc (Linux); 0 when gone. */
function peakRssKiB(pid) {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Drops the OS page cache (clean pages only) when allowed and not switched off. */
function dropOsCache() {
  if (process.env.BENCH_DROP_CACHES === '0') return false;
  try {
    writeFileSync('/proc/sys/vm/drop_caches', '1');
    return true;
  } catch {
    return false;
  }
}

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Runs the built CLI as a user would; resolves with its wall time, peak RSS and output. */
function runCli(args, env) {
  return new Promise((resolve, reject) => {
    const started = now();
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, peakRssKiB(child.pid))), 100);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(sampler);
      const ms = now() - started;
      if (code !== 0) reject(new Error(`samenveilig ${args.join(' ')} exited with ${code}:\n${out}`));
      else resolve({ ms, peakKiB: peak, out });
    });
  });
}

/** The server as `npm start` runs it (`samenveilig serve` with DATABASE_URL). */
class Server {
  constructor(url) {
    this.url = url;
    this.log = '';
  }
  async start() {
    const port = await freePort();
    this.origin = `http://127.0.0.1:${port}`;
    this.log = '';
    this.child = spawn(process.execPath, [cli, 'serve'], {
      env: { ...process.env, DATABASE_URL: this.url, PORT: String(port), SAMENVEILIG_DEMO: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (d) => (this.log = (this.log + d).slice(-20_000));
    this.child.stdout.on('data', keep);
    this.child.stderr.on('data', keep);
    const exited = new Promise((r) => this.child.once('exit', r));
    this.exited = exited;
    const started = now();
    for (;;) {
      try {
        if ((await fetch(`${this.origin}/readyz`)).status === 200) break;
      } catch {}
      if (this.child.exitCode !== null) throw new Error(`server exited:\n${this.log}`);
      if (now() - started > 120_000) throw new Error(`server not ready after 120 s:\n${this.log}`);
      await sleep(50);
    }
    return now() - started;
  }
  peakKiB() {
    return peakRssKiB(this.child.pid);
  }
  async stop() {
    if (!this.child || this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    await Promise.race([this.exited, sleep(10_000)]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** Cookie and CSRF header of a session, as a browser would hold them. */
function sessionHeaders(cookie, csrf) {
  return { cookie, 'x-csrf-token': csrf };
}

/** Logs in over HTTP as the web app does: e-mail and password, then the TOTP code when the role needs one. */
async function login(origin, account) {
  const post = (path, body, headers = {}) =>
    fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const r1 = await post('/api/v1/auth/inloggen', { email: account.email, wachtwoord: account.wachtwoord });
  const b1 = await r1.json();
  if (r1.status !== 200) throw new Error(`login ${account.email}: ${r1.status} ${JSON.stringify(b1)}`);
  const cookie = r1.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('sv_sessie='));
  if (b1.status === 'ingelogd') return { ...sessionHeaders(cookie, b1.sessie.csrfToken), rollen: b1.sessie.rollen, tweedeFactor: false };
  const code = new TOTP({ secret: Secret.fromBase32(account.totpSecret) }).generate();
  const r2 = await post('/api/v1/auth/tweede-factor', { code }, { cookie });
  const b2 = await r2.json();
  if (r2.status !== 200 || b2.status !== 'ingelogd') throw new Error(`second factor ${account.email}: ${r2.status} ${JSON.stringify(b2)}`);
  return { ...sessionHeaders(cookie, b2.sessie.csrfToken), rollen: b2.sessie.rollen, tweedeFactor: true };
}

/**
 * A user with one role in an organisation of the given type in the region, with a password and TOTP
 * secret to log in with (the columns createDemoAccounts fills; that function makes every role with
 * fixed e-mail addresses and hands households to a lokaal team, which a reused database cannot take).
 */
async function createAccount(db, regionId, rol, orgType) {
  const org = (
    await db.query(
      `INSERT INTO organisation (region_id, type, naam) VALUES ($1, $2, $3)
       ON CONFLICT (region_id, naam) DO UPDATE SET naam = EXCLUDED.naam RETURNING id`,
      [regionId, orgType, `Bench ${orgType}`],
    )
  ).rows[0];
  const account = { email: `bench-${rol}-${process.pid}-${Date.now()}@bench.samenveilig.example`, wachtwoord: randomPassword(), totpSecret: newTotpSecret() };
  await db.transaction(async (tx) => {
    const u = await tx.query(
      `INSERT INTO app_user (region_id, organisation_id, naam, email, password_hash, totp_secret) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [regionId, org.id, `Bench ${rol}`, account.email, await hashPassword(account.wachtwoord), account.totpSecret],
    );
    await tx.query(`INSERT INTO user_role (user_id, region_id, rol) VALUES ($1, $2, $3)`, [u.rows[0].id, regionId, rol]);
  });
  return account;
}

/** GET a figures view with a session; resolves with the milliseconds until the whole body was read. */
async function timedGet(origin, path, session) {
  const started = now();
  const res = await fetch(`${origin}${path}`, { headers: { cookie: session.cookie } });
  const text = await res.text();
  const ms = now() - started;
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 500)}`);
  return { ms, bytes: Buffer.byteLength(text), body: JSON.parse(text) };
}

/** A figure of the area in a figures response (`totaal[code]`: a number, "<5", "x" or "."), as text. */
function figureOf(body, code) {
  const cel = body?.totaal?.[code];
  if (!cel) return undefined;
  return cel.status === 'zichtbaar' ? String(cel.waarde) : { klein: '<5', geheim: 'x', nvt: '.' }[cel.status] ?? JSON.stringify(cel);
}

/** A melding for the intake screen in the region, from the generator (as bench/intake.mjs builds them). */
function intakeBody(regionId, year, ontvangenOp) {
  for (const line of generateContacts({ seed: 4242, regionIds: [regionId], fromYear: year, years: 1, meldingenPerYear: 5000, externalIds: false })) {
    if (line.type !== 'melding' || line.personen.length < 2) continue;
    const { externalId: _e, huishouden: _h, beoordeling: _b, ...contact } = line;
    return { conceptId: randomUUID(), contact: { ...contact, kanaal: 'telefoon', ontvangenOp } };
  }
  throw new Error('no melding generated');
}

const stats = (xs) => ({ n: xs.length, p50: percentile(xs, 50), p95: percentile(xs, 95), max: Math.max(...xs) });
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

// ---------------------------------------------------------------------------------------------

const name = REUSE ?? `sv_bench_monitor_${process.pid}`;
const server = { current: null };
let exitCode = 0;
const year = amsterdamYear() - 1; // the last complete year
let region, beleid, vt;
try {
  console.log(`bench/monitor: ${REUSE ? `reused database ${name}` : `${YEARS} years (${year - YEARS + 1}-${year}) of national volume into ${name}`}; region-year and national year ${year}`);
  let url;
  const facts = { generation: null, rebuild: null };
  if (REUSE) {
    url = databaseUrl(name);
  } else {
    url = await createDatabase(name);
  }
  const db = await openPostgres(url, 2);
  try {
    await prepareDatabase(db);
    if (!REUSE) {
      const { summary, seconds } = await loadNationalVolume(db, { years: YEARS, lastYear: year });
      if (summary.rejected > 0) throw new Error(`the load rejected ${summary.rejected} lines: ${JSON.stringify(summary.errors.slice(0, 3))}`);
      let rows = 0;
      for (const t of NATIONAL_TABLES) rows += (await db.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n;
      facts.generation = { seconds, rows, contacts: summary.stored, peakKiB: process.resourceUsage().maxRSS };
    }
    // Planner statistics after the bulk load, as autovacuum would gather them on a default server (it may be off).
    const autovacuum = (await db.query(`SHOW autovacuum`)).rows[0].autovacuum;
    const analyzeStarted = now();
    await db.query('ANALYZE');
    console.log(`  ANALYZE after the load: ${((now() - analyzeStarted) / 1000).toFixed(1)} s (autovacuum is ${autovacuum} on this server)`);
    const types = (await db.query(`SELECT type, count(*) AS n FROM contact GROUP BY type ORDER BY type`)).rows;
    console.log(`  data: ${types.map((r) => `${r.n} ${r.type}`).join(', ')}${facts.generation ? `; loaded ${facts.generation.rows} rows (${facts.generation.contacts} contacts) in ${facts.generation.seconds.toFixed(0)} s = ${Math.round(facts.generation.rows / facts.generation.seconds)} rows/s, peak RSS ${mib(facts.generation.peakKiB)} MiB` : ''}`);

    // The region with the most meldingen in the year: the largest regional view.
    region =
      process.env.BENCH_REGION ??
      (
        await db.query(
          `SELECT region_id FROM contact WHERE type = 'melding' AND ontvangen_op >= $1 AND ontvangen_op < $2 GROUP BY region_id ORDER BY count(*) DESC LIMIT 1`,
          [`${year}-01-01T00:00:00+01:00`, `${year + 1}-01-01T00:00:00+01:00`],
        )
      ).rows[0].region_id;
    beleid = await createAccount(db, region, 'beleidsmedewerker', 'gemeente');
    vt = await createAccount(db, region, 'vt-medewerker', 'veilig-thuis');
  } finally {
    await db.close();
  }

  // The full rebuild of the precomputed figures, as an operator runs it.
  const rebuild = await runCli(['cijfers', 'herberekenen'], { DATABASE_URL: url, LOG_LEVEL: 'warn' });
  facts.rebuild = rebuild;
  const rebuildSaid = rebuild.out.trim().split('\n').filter(Boolean).at(-1) ?? '';
  console.log(`  rebuild (samenveilig cijfers herberekenen): ${(rebuild.ms / 1000).toFixed(1)} s, peak RSS ${mib(rebuild.peakKiB)} MiB${rebuildSaid ? ` — "${rebuildSaid.slice(0, 160)}"` : ''}`);
  {
    const db2 = await openPostgres(url, 1);
    const t = now();
    await db2.query('ANALYZE cijfer_feit, cijfer_cel');
    await db2.close();
    console.log(`  ANALYZE of the rebuilt figures: ${((now() - t) / 1000).toFixed(1)} s`);
  }

  server.current = new Server(url);
  const startMs = await server.current.start();
  console.log(`  server ready in ${fmt(startMs)}`);
  const sBeleid = await login(server.current.origin, beleid);
  const sVt = await login(server.current.origin, vt);
  console.log(`  logged in over HTTP: beleidsmedewerker (${sBeleid.tweedeFactor ? 'password + TOTP' : 'password; aggregate-only role, no second factor'}), vt-medewerker (${sVt.tweedeFactor ? 'password + TOTP' : 'password'}) in ${region}`);

  const views = [
    { key: 'region', label: `region-year (${region}, ${year})`, path: `/api/v1/cijfers?periode=${year}&regio=${encodeURIComponent(region)}` },
    { key: 'national', label: `national year (nl, ${year})`, path: `/api/v1/cijfers?periode=${year}&regio=nl` },
  ];
  for (const v of views) {
    const r = await timedGet(server.current.origin, v.path, sBeleid);
    v.bytes = r.bytes;
    v.meldingen = figureOf(r.body, 'meldingen');
    v.adviezen = figureOf(r.body, 'adviezen');
  }

  // Cold: a new server process for every cold call, and the OS page cache dropped where allowed.
  let dropped = false;
  for (const v of views) v.cold = [];
  for (let i = 0; i < COLD; i++) {
    for (const v of views) {
      await server.current.stop();
      await server.current.start();
      dropped = dropOsCache() || dropped;
      v.cold.push((await timedGet(server.current.origin, v.path, sBeleid)).ms);
    }
  }
  // Warm: the same server, after 3 calls to warm up.
  for (const v of views) {
    for (let i = 0; i < 3; i++) await timedGet(server.current.origin, v.path, sBeleid);
    v.warm = [];
    for (let i = 0; i < WARM; i++) v.warm.push((await timedGet(server.current.origin, v.path, sBeleid)).ms);
  }

  // Freshness: Veilig Thuis registers a melding over HTTP, received on the last day of the year measured
  // (registered late: the update then recounts periods holding a full year of national volume, as it
  // would for a melding of today in a database that runs up to today); the region-year is polled every
  // 0.5 s until it includes it. Polled as the Veilig Thuis user, who sees exact counts (a
  // beleidsmedewerker sees "<5" or counts rounded to 5, in which one melding need not show).
  const freshPath = views[0].path;
  const before = figureOf((await timedGet(server.current.origin, freshPath, sVt)).body, 'meldingen');
  const res = await fetch(`${server.current.origin}/api/v1/intake`, {
    method: 'POST',
    headers: { cookie: sVt.cookie, 'x-csrf-token': sVt['x-csrf-token'], 'content-type': 'application/json' },
    body: JSON.stringify(intakeBody(region, year, `${year}-12-31T12:00:00+01:00`)),
  });
  if (res.status !== 201) throw new Error(`intake: ${res.status} ${(await res.text()).slice(0, 500)}`);
  await res.arrayBuffer();
  const registered = now();
  let freshness = null;
  let after = before;
  while (now() - registered < FRESHNESS_TIMEOUT_S * 1000) {
    after = figureOf((await timedGet(server.current.origin, freshPath, sVt)).body, 'meldingen');
    if (after !== before) {
      freshness = (now() - registered) / 1000;
      break;
    }
    await sleep(500);
  }
  const serverPeak = server.current.peakKiB();

  // The table.
  console.log('');
  console.log(`  ${'view'.padEnd(44)} ${'cold p50'.padStart(9)} ${'cold p95'.padStart(9)} ${'warm p50'.padStart(9)} ${'warm p95'.padStart(9)} ${'warm max'.padStart(9)} ${'response'.padStart(10)}`);
  for (const v of views) {
    const c = stats(v.cold);
    const w = stats(v.warm);
    console.log(
      `  ${v.label.padEnd(44)} ${fmt(c.p50).padStart(9)} ${fmt(c.p95).padStart(9)} ${fmt(w.p50).padStart(9)} ${fmt(w.p95).padStart(9)} ${fmt(w.max).padStart(9)} ${`${(v.bytes / 1024).toFixed(0)} KiB`.padStart(10)}`,
    );
  }
  console.log(
    `  cold: ${COLD} calls per view, each the first after a server restart (new connections)${dropped ? ' and after dropping the OS page cache' : ''}; PostgreSQL's shared buffers stay warm. Warm: ${WARM} calls per view.`,
  );
  console.log(`  figures ${year} as the beleidsmedewerker sees them: ${views.map((v) => `${v.key} ${v.meldingen ?? '?'} meldingen, ${v.adviezen ?? '?'} adviezen`).join('; ')}; server peak RSS ${mib(serverPeak)} MiB`);
  console.log(
    `  freshness: melding of 31 December ${year} registered over POST /api/v1/intake; meldingen ${year} ${region} (exact, as Veilig Thuis sees them): ${before ?? '?'} -> ${after ?? '?'} ${freshness === null ? `not within ${FRESHNESS_TIMEOUT_S} s` : `after ${freshness.toFixed(1)} s`}`,
  );

  const [r, n] = views;
  const miss = [];
  for (const v of views) {
    if (percentile(v.warm, 95) > TARGET.warm) miss.push(`${v.key} warm`);
    if (percentile(v.cold, 95) > TARGET.cold) miss.push(`${v.key} cold`);
  }
  if (freshness === null || freshness > TARGET.fresh) miss.push('freshness');
  const ms = (x) => `${Math.round(x)} ms`;
  console.log(
    `monitor: region-year p95 warm ${ms(percentile(r.warm, 95))}, cold ${ms(percentile(r.cold, 95))}; national-year p95 warm ${ms(percentile(n.warm, 95))}, cold ${ms(percentile(n.cold, 95))}; ` +
      `freshness ${freshness === null ? `> ${FRESHNESS_TIMEOUT_S}` : freshness.toFixed(1)} s; rebuild ${(facts.rebuild.ms / 1000).toFixed(0)} s (targets 500 ms / 2 s / 60 s${miss.length ? `; MISSED: ${miss.join(', ')}` : ', all met'})`,
  );
} catch (err) {
  exitCode = 1;
  console.error(err);
  if (server.current?.log) console.error(`--- server output ---\n${server.current.log}`);
} finally {
  await server.current?.stop().catch(() => {});
  if (!REUSE && !KEEP) await dropDatabase(name).catch((e) => console.error(`drop ${name}: ${e.message}`));
}
process.exit(exitCode);
