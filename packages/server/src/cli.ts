#!/usr/bin/env node
/**
 * The samenveilig command line: serve, migrate, import, generate.
 * Human-readable progress goes to stderr; the server's structured logs go to stdout.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Command, InvalidArgumentError } from 'commander';
import { importLineJsonSchema, REGIONS } from '@samenveilig/domain';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { Database } from './db/database.js';
import type { ImportProgress, ImportSummary } from './import/loader.js';
import { VERSION } from './version.js';

// The server's modules are loaded by the command that needs them: `link` and `--version` start fast.
const database = () => import('./db/database.js');
const setup = () => import('./db/setup.js');
const loader = () => import('./import/loader.js');
import { registerLinkageCommands } from './linkage/commands.js';

const say = (msg: string) => process.stderr.write(`${msg}\n`);

function progressPrinter(label: string) {
  const started = Date.now();
  let last = 0;
  return (p: ImportProgress) => {
    const now = Date.now();
    if (now - last < 1000) return;
    last = now;
    const rate = Math.round(p.read / Math.max(0.001, (now - started) / 1000));
    say(`${label}: ${p.read} gelezen, ${p.stored} opgeslagen, ${p.skipped} al aanwezig, ${p.rejected} afgekeurd (${rate} regels/s)`);
  };
}

function printSummary(s: ImportSummary, seconds: number) {
  say(
    `Klaar in ${seconds.toFixed(1)} s: ${s.read} regels gelezen, ${s.stored} opgeslagen, ${s.skipped} al aanwezig, ${s.rejected} afgekeurd.`,
  );
  for (const e of s.errors) say(`  regel ${e.line}${e.path ? `, veld ${e.path}` : ''}: ${e.message}`);
  if (s.rejected > s.errors.length) say(`  ... en meer fouten (${s.rejected - s.errors.length} regels niet getoond)`);
}

async function withDatabase<T>(fn: (db: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await (await database()).openDatabase(config);
  try {
    await (await setup()).prepareDatabase(db);
    return await fn(db, config);
  } finally {
    await db.close();
  }
}

const int = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new InvalidArgumentError(`${name} moet een geheel getal zijn`);
  return n;
};
const regionList = (v: string) => {
  const ids = v.split(',').map((s) => s.trim());
  for (const id of ids)
    if (!REGIONS.some((r) => r.id === id)) throw new InvalidArgumentError(`onbekende regio ${id}; kies uit ${REGIONS.map((r) => r.id).join(', ')}`);
  return ids;
};

const program = new Command()
  .name('samenveilig')
  .description('Samen Veilig: regional chain software for the Dutch approach to domestic violence')
  .version(VERSION);

program
  .command('serve')
  .description('migrate, load the demo region into an empty database (demo mode) and serve web app and API')
  .action(async () => {
    await (await import('./serve.js')).serve(loadConfig());
  });

program
  .command('migrate')
  .description('apply pending database migrations and sync reference data (safe to run twice)')
  .action(async () => {
    const config = loadConfig();
    const db = await (await database()).openDatabase(config);
    try {
      const { applied, geindexeerd } = await (await setup()).prepareDatabase(db);
      say(applied.length ? `Migraties toegepast: ${applied.join(', ')}` : 'Database is al bij; geen migraties nodig.');
      if (geindexeerd > 0) say(`Radar: ${geindexeerd} bestaande registraties geïndexeerd.`);
    } finally {
      await db.close();
    }
  });

program
  .command('import')
  .argument('<file>', 'JSON Lines file (docs/import-format.md); - reads standard input')
  .description('import contacts with their persons; idempotent on the sender external id')
  .option('--bron <source>', 'sender identifier: external ids are unique per sender', 'import')
  .option('--regio <region>', 'refuse lines whose gemeente is outside this region')
  .action(async (file: string, opts: { bron: string; regio?: string }) => {
    if (opts.regio) regionList(opts.regio);
    const started = Date.now();
    const { importLines } = await loader();
    const summary = await withDatabase(async (db) => {
      // The reader is made when it is read at once: lines read before the loop starts would be lost.
      const input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
      const lines = createInterface({ input, crlfDelay: Infinity });
      const s = await importLines(db, lines, {
        source: opts.bron,
        ...(opts.regio ? { regionId: opts.regio } : {}),
        onProgress: progressPrinter('Import'),
      });
      if (s.stored > 0) await herbereken(db);
      return s;
    });
    printSummary(summary, (Date.now() - started) / 1000);
    if (summary.rejected > 0) process.exitCode = 1;
  });

program
  .command('generate')
  .description('generate synthetic contacts (deterministic); into the database, or to a JSON Lines file with --output')
  .option('--seed <n>', 'seed; the same seed gives the same data', int('--seed'), 1)
  .option('--regio <ids>', 'comma-separated region ids (default: all regions)', regionList)
  .option('--van-jaar <year>', 'first year', int('--van-jaar'), new Date().getFullYear() - 2)
  .option('--jaren <n>', 'number of years', int('--jaren'), 3)
  .option('--volume <v>', "meldingen per year: 'regio' (by inhabitants), 'nationaal' or a number", 'regio')
  .option('--output <file>', 'write JSON Lines here instead of loading into the database')
  .option('--bron <source>', 'sender identifier used when loading', 'synthetisch')
  .action(async (opts: { seed: number; regio?: string[]; vanJaar: number; jaren: number; volume: string; output?: string; bron: string }) => {
    const regionIds = opts.regio ?? REGIONS.map((r) => r.id);
    let perYear: number;
    const { generateContacts, NATIONAL_MELDINGEN_PER_YEAR, regionalVolume } = await import('./generator/index.js');
    if (opts.volume === 'regio') perYear = regionalVolume(regionIds);
    else if (opts.volume === 'nationaal') perYear = NATIONAL_MELDINGEN_PER_YEAR;
    else if (/^\d+$/.test(opts.volume)) perYear = Number(opts.volume);
    else throw new InvalidArgumentError("--volume moet 'regio', 'nationaal' of een getal zijn");
    const lines = generateContacts({ seed: opts.seed, regionIds, fromYear: opts.vanJaar, years: opts.jaren, meldingenPerYear: perYear });
    const started = Date.now();
    if (opts.output) {
      const out = createWriteStream(opts.output, { encoding: 'utf8' });
      let n = 0;
      for (const line of lines) {
        if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
        if (++n % 100_000 === 0) say(`Genereren: ${n} regels`);
      }
      out.end();
      await once(out, 'finish');
      say(`Klaar: ${n} regels naar ${opts.output} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      return;
    }
    const { importLines } = await loader();
    const summary = await withDatabase(async (db) => {
      const s = await importLines(db, lines, {
        source: opts.bron,
        checkDuplicates: false,
        // Generated history is loaded as history: only its last two weeks get a radar search to decide on.
        radarVanaf: new Date(Date.UTC(opts.vanJaar + opts.jaren, 0, 1) - 14 * 86_400_000),
        onProgress: progressPrinter('Genereren'),
      });
      if (s.stored > 0) await herbereken(db);
      return s;
    });
    printSummary(summary, (Date.now() - started) / 1000);
    if (summary.rejected > 0) process.exitCode = 1;
  });

/** Rebuilds the figures after a bulk load (the background job would take long over every mark). */
async function herbereken(db: Database, regio?: string) {
  const started = Date.now();
  const { herberekenCijfers } = await import('./cijfers/repository.js');
  const r = await herberekenCijfers(db, regio);
  say(`Cijfers herberekend: ${r.contacten} contacten in ${r.regios} regio('s), ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

const cijfers = program.command('cijfers').description('the monitoring figures (docs/cijfers.md)');
cijfers
  .command('herberekenen')
  .description('rebuild the figures (facts per contact, cells per period and area) from the records; after a bulk load or an upgrade')
  .option('--regio <id>', 'only this region (default: all, and the installation)', (v) => regionList(v)[0]!)
  .action(async (opts: { regio?: string }) => {
    await withDatabase((db) => herbereken(db, opts.regio));
  });

const audit = program.command('audit').description('the tamper-evident audit trail');
audit
  .command('verify')
  .description('recompute the hash chains; exit 0 when intact, 1 naming the first broken entry')
  .option('--region <id>', 'only this region')
  .action(async (opts: { region?: string }) => {
    const { verifyAudit } = await import('./audit/chain.js');
    const result = await withDatabase((db) => verifyAudit(db, opts.region));
    if (result.ok) {
      for (const c of result.chains) say(`Audit ${c.regionId}: ${c.entries} regels, keten intact.`);
      if (result.chains.length === 0) say('Geen auditregels gevonden.');
    } else {
      say(`Audit ${result.regionId}: keten gebroken bij regel ${result.seq}: ${result.reason}`);
      process.exitCode = 1;
    }
  });

const radar = program.command('radar').description('the radar: recognising known persons');
radar
  .command('herindexeren')
  .description("rebuild the radar's blocking keys and term frequencies from the registrations (after an engine update)")
  .option('--regio <id>', 'only this region (default: all)', (v) => regionList(v)[0]!)
  .action(async (opts: { regio?: string }) => {
    const { reindexRegion } = await import('./radar/store.js');
    await withDatabase(async (db) => {
      for (const region of opts.regio ? [opts.regio] : REGIONS.map((r) => r.id)) {
        const started = Date.now();
        const n = await reindexRegion(db, region, (k) => {
          if (k % 100_000 === 0) say(`Radar ${region}: ${k} registraties`);
        });
        say(`Radar ${region}: ${n} registraties geïndexeerd in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      }
    });
  });

program
  .command('schema')
  .description('print the JSON Schema of one import line (published as docs/import-format.schema.json)')
  .action(() => {
    process.stdout.write(`${JSON.stringify(importLineJsonSchema(), null, 2)}\n`);
  });

registerLinkageCommands(program);
program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof ConfigError || (err instanceof Error && err.name === 'MigrationError')) {
    say(err.message);
  } else {
    say(`Fout: ${err instanceof Error ? err.message : String(err)}`);
  }
  process.exit(1);
});
