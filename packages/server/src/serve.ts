/** Start-up of the server process: database, migrations, demo data, HTTP. */
import { resolve } from 'node:path';
import type { Config } from './config.js';
import { openDatabase } from './db/database.js';
import { prepareDatabase } from './db/setup.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createDemoAccounts, formatDemoAccounts, isEmpty, loadDemoDossiers, loadDemoRegion, DEMO_REGION, type DemoAccount } from './demo.js';
import { buildApp } from './http/app.js';
import { startTermijnbewaking } from './jobs/termijnbewaking.js';
import { herberekenCijfers, regiosZonderCijfers } from './cijfers/repository.js';
import { startEmailJob } from './notify/email.js';
import { setEmailEnabled } from './notify/instelling.js';

const say = (msg: string) => process.stderr.write(`${msg}\n`);

export async function serve(config: Config): Promise<void> {
  const db = await openDatabase(config);
  say(config.databaseUrl ? 'Database: PostgreSQL-server (DATABASE_URL)' : `Database: ingebouwde PGlite in ${resolve(config.dataDir)}`);
  const { applied, geindexeerd } = await prepareDatabase(db);
  if (applied.length) say(`Migraties toegepast: ${applied.join(', ')}`);
  if (geindexeerd > 0) say(`Radar: ${geindexeerd} bestaande registraties geïndexeerd.`);

  let demoAccounts: DemoAccount[] = [];
  if (config.demo && (await isEmpty(db))) {
    say(`Demoregio laden (${DEMO_REGION}, ${config.demoYears} jaar synthetische gegevens)...`);
    const started = Date.now();
    let last = 0;
    const summary = await loadDemoRegion(db, {
      years: config.demoYears,
      seed: config.demoSeed,
      onProgress: (p) => {
        if (Date.now() - last > 2000) {
          last = Date.now();
          say(`  ${p.stored} contacten geladen`);
        }
      },
    });
    say(`Demoregio geladen: ${summary.stored} contacten in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    if (summary.rejected > 0) throw new Error(`demo data rejected ${summary.rejected} lines: ${JSON.stringify(summary.errors.slice(0, 3))}`);
    demoAccounts = await createDemoAccounts(db);
    const dossiersStarted = Date.now();
    const dossiers = await loadDemoDossiers(db, { seed: config.demoSeed });
    say(
      `Demodossiers: ${dossiers.huishoudens} actieve huishoudens met casusregisseur en veiligheidsplan, ${dossiers.sessies} TOP-3-sessies, ` +
        `${dossiers.controlemomenten.open} controlemomenten te doen (${((Date.now() - dossiersStarted) / 1000).toFixed(1)} s).`,
    );
  }
  // Figures for records that have none yet (a database from before the figures, a load without a rebuild).
  const zonderCijfers = await regiosZonderCijfers(db);
  for (const regio of zonderCijfers) {
    const r = await herberekenCijfers(db, regio);
    say(`Cijfers berekend voor ${regio}: ${r.contacten} contacten.`);
  }
  // The embedded database has no autovacuum: statistics for the query planner are gathered at start-up
  // and every six hours (a server's autovacuum does this by itself).
  let stopAnalyze = () => {};
  if (db.kind === 'pglite') {
    await db.query('ANALYZE');
    const timer = setInterval(() => void db.query('ANALYZE').catch(() => undefined), 6 * 3_600_000);
    timer.unref();
    stopAnalyze = () => clearInterval(timer);
  }

  // E-mail for new notifications from here on (not for the demo's history above); sent by the job below.
  setEmailEnabled(config.email !== undefined);
  say(config.email ? 'E-mail: notificaties gaan ook per e-mail (SAMENVEILIG_SMTP_URL)' : 'E-mail: uit (SAMENVEILIG_SMTP_URL is niet gezet)');
  const app = await buildApp({ config, db });
  // Overdue work is reported to team leads (the deadlines themselves are data in the database); the same
  // loop keeps the figures fresh (a change is in them within one interval).
  const stopWatch = startTermijnbewaking(db, { intervalMs: 30_000, onError: (err) => app.log.error({ err: { type: (err as Error)?.name } }, 'termijnbewaking failed') });
  const stopEmail = config.email ? startEmailJob(db, { ...config.email, publiekeUrl: config.publiekeUrl }, { intervalMs: 15_000, log: app.log }) : async () => {};
  const shutdown = async () => {
    stopAnalyze();
    await stopWatch();
    await stopEmail();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());

  const address = await app.listen({ port: config.port, host: config.host });
  const port = new URL(address).port;
  const url = `http://localhost:${port}`;
  const lines = [
    '',
    `Samen Veilig draait op ${url}`,
    `  API-documentatie: ${url}/api/docs`,
    config.demo ? '  Demonstratie met synthetische gegevens: alle personen en meldingen zijn verzonnen.' : '',
    `  Inloggen: ${url}/inloggen`,
    '',
  ].filter((l, i, a) => l !== '' || i === 0 || i === a.length - 1);
  say(lines.join('\n'));
  if (demoAccounts.length > 0) {
    // Only in demo mode, only at the first start: the synthetic region's accounts, one per role.
    const text = formatDemoAccounts(demoAccounts, url);
    mkdirSync(config.dataDir, { recursive: true });
    const file = resolve(config.dataDir, 'demo-accounts.txt');
    writeFileSync(file, text, { mode: 0o600 });
    say(text);
    say(`(Ook opgeslagen in ${file})`);
  } else if (config.demo) {
    say(`  Demo-accounts: zie ${resolve(config.dataDir, 'demo-accounts.txt')} (aangemaakt bij de eerste start).`);
  }
}
