// bench/link: the record-linkage commands on generated Dutch data with known truth.
//
//   npm run bench:link                          (builds first; dedupe at 1,000,000 records)
//   node bench/link.mjs --records 200000        (a smaller dedupe run)
//   node bench/link.mjs --size 5000 --seed 2026 --records 1000000
//
// 1. generates two files of --size records (default 5,000) for `samenveilig link` and one file
//    of --records records (default 1,000,000) with duplicates for `samenveilig dedupe`, from the
//    synthetic generator (packages/server/src/generator/linkage.ts) with seed --seed (default
//    2026; the default model was estimated on seed 1);
// 2. runs the built CLI on them as a user would (a child process, so Node's start-up counts),
//    timing each run and sampling its peak memory;
// 3. compares the pairs written with the truth: precision, recall, F1, and how many wrong pairs
//    were relatives in one household.
// The last line is the figure. Targets: link 5k x 5k in at most 5 s, dedupe 1 M in at most
// 600 s on 2 cores, F1 at least 0.95.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDedupe, writeLinkPair } from './link/data.mjs';
import { evaluate } from './link/evaluate.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  if (i < 0) return dflt;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 2) throw new Error(`${name} needs a whole number of at least 2`);
  return n;
};
const size = arg('--size', 5000);
const records = arg('--records', 1_000_000);
const seed = arg('--seed', 2026);
const CLI = fileURLToPath(new URL('../packages/server/dist/cli.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sv-bench-link-'));

const k = (n) => (n >= 1_000_000 && n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
const load = () => loadavg()[0].toFixed(1);

/**
 * Runs the CLI; returns wall-clock seconds, CPU seconds (sampled every 250 ms, so the last moments
 * are missing: a lower bound) and the peak resident memory of the process (MiB). The CPU time
 * shows what the run cost when other work shares the two cores.
 */
function runCli(args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let peak = 0;
    let cpu = 0;
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
        // utime and stime (fields 14 and 15, in clock ticks of 1/100 s) of all the process's threads.
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
        cpu = (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        // not on Linux, or already gone
      }
    };
    const timer = setInterval(sample, 250);
    child.stderr.on('data', (d) => {
      stderr += d;
      process.stderr.write(`    ${String(d).trimEnd().replace(/\n/g, '\n    ')}\n`);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) reject(new Error(`samenveilig ${args[0]} failed (exit ${code}):\n${stderr}`));
      else resolve({ seconds, cpu, peakMiB: Math.round(peak) });
    });
  });
}

const fmt = (x) => x.toFixed(3);
const report = (label, e) =>
  console.log(
    `  ${label}: precision ${fmt(e.precision)}, recall ${fmt(e.recall)}, F1 ${fmt(e.f1)} — ${e.tp} right pairs, ${e.fp} wrong (${e.fpRelatives} of them relatives in one household), ${e.fn} missed of ${e.truth}`,
  );

let exitCode = 0;
try {
  console.log(`bench/link: seed ${seed}, link ${k(size)} x ${k(size)}, dedupe ${k(records)}; 2 cores; load average ${load()}`);

  // link
  let t = Date.now();
  const pair = await writeLinkPair(dir, seed, size);
  console.log(`generated link files in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const linkOut = join(dir, 'link-pairs.csv');
  const link = await runCli(['link', '--left', pair.left, '--right', pair.right, '--out', linkOut]);
  const linkEval = await evaluate(linkOut, pair.leftEntities, pair.rightEntities);
  console.log(`link ${k(size)} x ${k(size)}: ${link.seconds.toFixed(1)} s (CPU ≥ ${link.cpu.toFixed(1)} s), peak ${link.peakMiB} MiB; load average ${load()}`);
  report('link', linkEval);
  const oneOut = join(dir, 'link-one.csv');
  await runCli(['link', '--left', pair.left, '--right', pair.right, '--out', oneOut, '--one-to-one']);
  report('link --one-to-one', await evaluate(oneOut, pair.leftEntities, pair.rightEntities));

  // dedupe
  t = Date.now();
  const dd = await writeDedupe(dir, seed, records);
  console.log(`generated dedupe file in ${((Date.now() - t) / 1000).toFixed(1)} s; load average ${load()}`);
  const ddOut = join(dir, 'dedupe-pairs.csv');
  const dedupe = await runCli(['dedupe', '--in', dd.path, '--out', ddOut]);
  const ddEval = await evaluate(ddOut, dd.entities);
  console.log(`dedupe ${k(records)}: ${dedupe.seconds.toFixed(1)} s (CPU ≥ ${dedupe.cpu.toFixed(1)} s), peak ${dedupe.peakMiB} MiB; load average ${load()}`);
  report('dedupe', ddEval);

  const f1 = Math.min(linkEval.f1, ddEval.f1);
  const ok = link.seconds <= 5 && (records < 1_000_000 || dedupe.seconds <= 600) && f1 >= 0.95;
  const scale = records === 1_000_000 ? '' : ` (${k(records)} records, not the 1M of the target)`;
  console.log(
    `link ${k(size)}×${k(size)}: ${link.seconds.toFixed(1)} s (target ≤ 5 s); dedupe ${k(records)}: ${dedupe.seconds.toFixed(0)} s (target ≤ 600 s at 1M)${scale}; F1 link ${linkEval.f1.toFixed(3)}, dedupe ${ddEval.f1.toFixed(3)} (target ≥ 0.95)${ok ? '' : ' — OUTSIDE target'}`,
  );
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  exitCode = 1;
} finally {
  if (process.env.BENCH_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
  else console.error(`kept ${dir}`);
}
process.exit(exitCode);
