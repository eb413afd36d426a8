/**
 * `samenveilig link` and `samenveilig dedupe`: the radar's linkage engine on any CSV files.
 * Output: a CSV with header `left_id,right_id,match_probability`, one line per pair at or above
 * the threshold, ordered by left then right record. Progress goes to stderr. The output is
 * written to a temporary file and renamed only when everything succeeded: a bad input stores
 * nothing. See docs/linkage.md.
 */
import { availableParallelism } from 'node:os';
import { createWriteStream } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname, basename, join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import {
  DEFAULT_MODEL,
  EvidenceHistogram,
  compile,
  estimateFromPatterns,
  estimatePrior,
  logit2,
  probabilityOf,
  uFromCounts,
  withPrior,
  type LinkageModel,
  type LinkInput,
} from '@samenveilig/domain';
import { LinkageInputError, parseRoleMap, readRecords, type RoleMap } from './csv.js';
import { prepareDataset, totalPairs, type Mode } from './engine.js';
import { startJob, usesWorkers, type JobSpec } from './job.js';

/** The default threshold: a pair is written when its match probability is at least this. */
export const DEFAULT_THRESHOLD = 0.5;
/** Blocks larger than this are skipped (their pairs are found through other keys). */
export const DEFAULT_MAX_BLOCK = 2000;
const RANDOM_PAIRS = 300_000;

export interface LinkageOptions {
  mode: Mode;
  /** The left file (link) or the only file (dedupe). */
  left: string;
  right?: string;
  roles: RoleMap;
  /** Roles of the right file when its columns differ (default: `roles`). */
  rightRoles?: RoleMap;
  out: string;
  threshold?: number;
  oneToOne?: boolean;
  /** Worker threads that each prepare all records and score a share of them (default 1: this thread). */
  workers?: number;
  /** Estimate m (EM on the candidate pairs) and u (random pairs) from these files first. */
  estimate?: boolean;
  /** Use this model instead of the default (its prior is re-estimated unless `prior` is given). */
  model?: LinkageModel;
  /** Fix λ instead of estimating it. */
  prior?: number;
  /** Write the model used (after estimation) as JSON here. */
  saveModel?: string;
  maxBlock?: number;
  /** Term-frequency adjustment (default true). */
  tf?: boolean;
  log?: (msg: string) => void;
}

export interface LinkageSummary {
  records: number;
  compared: number;
  pairs: number;
  prior: number;
  thresholdBits: number;
  skippedBlocks: number;
  seconds: number;
  model: LinkageModel;
}

const fmt = (s: number) => `${s.toFixed(1)} s`;

/** Runs link or dedupe end to end; throws LinkageInputError on bad input (nothing written). */
export async function runLinkage(o: LinkageOptions): Promise<LinkageSummary> {
  const started = Date.now();
  const log = o.log ?? (() => {});
  const since = () => fmt((Date.now() - started) / 1000);
  const threshold = o.threshold ?? DEFAULT_THRESHOLD;
  if (!(threshold > 0 && threshold < 1)) throw new LinkageInputError(`--threshold moet tussen 0 en 1 liggen (niet ${threshold})`);
  if (o.oneToOne && o.mode !== 'link') throw new LinkageInputError('--one-to-one hoort bij link, niet bij dedupe');
  if (o.mode === 'link' && !o.right) throw new LinkageInputError('link heeft --left en --right nodig');
  if (o.prior !== undefined && !(o.prior > 0 && o.prior < 1)) throw new LinkageInputError(`--prior moet tussen 0 en 1 liggen (niet ${o.prior})`);
  const maxBlock = o.maxBlock ?? DEFAULT_MAX_BLOCK;

  // 1. Read and check everything before any work (and before writing anything): here, or in
  //    each worker thread for large inputs.
  const leftLabel = basename(o.left);
  const rightLabel = o.right ? basename(o.right) : '';
  const files: JobSpec['files'] = [{ path: o.left, roles: o.roles, label: leftLabel === rightLabel ? `links (${o.left})` : leftLabel }];
  if (o.mode === 'link') files.push({ path: o.right!, roles: o.rightRoles ?? o.roles, label: leftLabel === rightLabel ? `rechts (${o.right})` : rightLabel });
  // One thread by default: each worker thread must prepare every record itself (objects cannot
  // be shared between threads), and measured on two cores that costs more than splitting the
  // comparisons saves (docs/linkage.md).
  const workers = Math.max(1, Math.min(o.workers ?? 1, availableParallelism(), 16));
  const spec: JobSpec = { mode: o.mode, files, maxBlock };
  if (usesWorkers(workers)) log(`Inlezen, controleren en voorbereiden in ${workers} threads ...`);
  const job = await startJob(spec, workers, async () => {
    const inputs: LinkInput[][] = [];
    for (const f of files) inputs.push(await readRecords(f.path, f.roles, { label: f.label, onProgress: (n) => log(`${f.label}: ${n} regels gelezen (${since()})`) }));
    return prepareDataset(o.mode, inputs[0]!, inputs[1] ?? []);
  });
  const records = job.records;
  const ids = job.ids;
  log(o.mode === 'link' ? `Ingelezen: ${job.nLeft} links, ${records - job.nLeft} rechts (${since()})` : `Ingelezen: ${records} records (${since()})`);
  try {
    log(`Blokken: ${job.blocks} sleutels, grootste blok ${job.largestBlock} records${job.largestBlock > maxBlock ? ` (blokken boven ${maxBlock} overgeslagen)` : ''} (${since()})`);
    let model = o.model ?? DEFAULT_MODEL;
    const allPairs = totalPairs(o.mode, records, job.nLeft);
    if (o.estimate) {
      const patterns = await job.patterns();
      const counts = await job.randomCounts(RANDOM_PAIRS, 1);
      const report = estimateFromPatterns(patterns, counts.length > 0 ? uFromCounts(counts) : undefined, {
        base: model,
        randomPairs: RANDOM_PAIRS,
        totalPairs: allPairs,
      });
      model = { ...report.model, source: `samenveilig ${o.mode} --estimate on ${basename(o.left)}${o.right ? ` and ${basename(o.right)}` : ''}: ${report.model.source}` };
      log(
        report.method === 'bsn'
          ? `Model geschat: m uit ${report.knownMatches} paren met hetzelfde BSN, u uit ${RANDOM_PAIRS} willekeurige paren (${since()})`
          : `Model geschat: m met EM op ${report.candidatePairs} kandidaatparen (${report.iterations} iteraties${report.converged ? '' : ', niet geconvergeerd'}), u uit ${RANDOM_PAIRS} willekeurige paren (${since()})`,
      );
    }
    compile(model);
    const floorBits = logit2(threshold);
    const shards = await job.score(model, floorBits, o.tf ?? true);
    const histogram = new EvidenceHistogram();
    let compared = 0;
    let skippedBlocks = 0;
    for (const s of shards) {
      histogram.merge(s.histogram);
      compared += s.compared;
      skippedBlocks = Math.max(skippedBlocks, s.skippedBlocks);
    }
    const prior = o.prior ?? (compared > 0 && allPairs > 0 ? estimatePrior(histogram, allPairs, model.prior) : model.prior);
    const priorBits = logit2(prior);
    const thresholdBits = floorBits - priorBits;
    if (skippedBlocks > 0) log(`${skippedBlocks} (of meer) blokken met meer dan ${maxBlock} records overgeslagen; hun paren worden via andere sleutels gevonden`);
    log(`Vergeleken: ${compared} kandidaatparen; a-priorikans λ = ${prior.toExponential(3)}${o.prior === undefined ? ' (geschat)' : ''}; drempel ${threshold} = ${thresholdBits.toFixed(1)} bits bewijs (${since()})`);

    // 3. The pairs at or above the threshold.
    let n = 0;
    for (const s of shards) for (let k = 0; k < s.bits.length; k++) if (s.bits[k]! >= thresholdBits) n++;
    // Record numbers back to input order (dedupe: the earlier record on the left).
    const original = job.original;
    let L = new Int32Array(n);
    let R = new Int32Array(n);
    let P = new Float64Array(n);
    let k = 0;
    for (const s of shards)
      for (let i = 0; i < s.bits.length; i++)
        if (s.bits[i]! >= thresholdBits) {
          const a = original[s.left[i]!]!;
          const b = original[s.right[i]!]!;
          L[k] = o.mode === 'dedupe' && b < a ? b : a;
          R[k] = o.mode === 'dedupe' && b < a ? a : b;
          P[k] = probabilityOf(priorBits + s.bits[i]!);
          k++;
        }
    if (o.oneToOne) {
      // Greedy: the most probable pair first; each record in at most one pair.
      const byProbability = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => P[b]! - P[a]! || L[a]! - L[b]! || R[a]! - R[b]!);
      const used = new Uint8Array(records);
      const keep: number[] = [];
      for (const i of byProbability) {
        if (used[L[i]!] || used[R[i]!]) continue;
        used[L[i]!] = 1;
        used[R[i]!] = 1;
        keep.push(i);
      }
      L = Int32Array.from(keep, (i) => L[i]!);
      R = Int32Array.from(keep, (i) => R[i]!);
      P = Float64Array.from(keep, (i) => P[i]!);
      n = keep.length;
    }
    const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => L[a]! - L[b]! || R[a]! - R[b]!);

    // 4. Write to a temporary file, then rename.
    const tmp = join(dirname(o.out), `.${basename(o.out)}.${process.pid}.tmp`);
    try {
      const out = createWriteStream(tmp, { encoding: 'utf8' });
      const failed = new Promise<never>((_, reject) => out.once('error', reject));
      const write = async (text: string) => {
        if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
      };
      await write('left_id,right_id,match_probability\n');
      let chunk = '';
      for (const i of order) {
        chunk += `${csvField(ids[L[i]!]!)},${csvField(ids[R[i]!]!)},${P[i]!.toFixed(4)}\n`;
        if (chunk.length > 65536) {
          await write(chunk);
          chunk = '';
        }
      }
      await write(chunk);
      out.end();
      await Promise.race([once(out, 'finish'), failed]);
      await rename(tmp, o.out);
    } catch (err) {
      await rm(tmp, { force: true });
      throw new LinkageInputError(`kan ${o.out} niet schrijven: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const finalModel = withPrior(model, prior);
    if (o.saveModel) await writeFile(o.saveModel, `${JSON.stringify(finalModel, null, 2)}\n`);
    const seconds = (Date.now() - started) / 1000;
    log(`Klaar: ${n} paren met kans ≥ ${threshold} naar ${o.out} (${fmt(seconds)}).`);
    return { records, compared, pairs: n, prior, thresholdBits, skippedBlocks, seconds, model: finalModel };
  } finally {
    await job.close();
  }
}

function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Reads a model written by --save-model (or by hand); checks its shape. */
export async function loadModel(path: string): Promise<LinkageModel> {
  let model: LinkageModel;
  try {
    model = JSON.parse(await readFile(path, 'utf8')) as LinkageModel;
  } catch (err) {
    throw new LinkageInputError(`--model ${path}: ${err instanceof SyntaxError ? 'geen geldige JSON' : ((err as NodeJS.ErrnoException).code ?? (err as Error).message)}`);
  }
  try {
    compile(model);
  } catch (err) {
    throw new LinkageInputError(`--model ${path}: ${(err as Error).message}`);
  }
  return model;
}

const probability = (name: string) => (v: string) => {
  const n = Number(v);
  if (!(n > 0 && n < 1)) throw new InvalidArgumentError(`${name} moet een kans tussen 0 en 1 zijn`);
  return n;
};
const positive = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} moet een positief geheel getal zijn`);
  return n;
};
const collect = (v: string, prev: string[]) => [...prev, v];

interface CommonOpts {
  map: string[];
  out: string;
  threshold: number;
  workers?: number;
  estimate?: boolean;
  model?: string;
  prior?: number;
  saveModel?: string;
  maxBlock: number;
  tf: boolean;
}

function addCommon(cmd: Command): Command {
  return cmd
    .option('--map <ROLE=COLUMN>', `which column plays which role (repeat, or comma-separate); roles: id, given_name, call_name, prefix, surname, full_name, birth_date, sex, national_id, street, house_number, postcode, city, phone. Default: columns named like the roles`, collect, [])
    .requiredOption('--out <file>', 'output CSV: left_id,right_id,match_probability')
    .option('--threshold <p>', `write pairs with a match probability of at least p`, probability('--threshold'), DEFAULT_THRESHOLD)
    .option('--estimate', 'estimate m (from pairs with the same BSN, else by EM on the candidate pairs) and u (from random pairs) on these files instead of using the default model')
    .option('--model <file>', 'use the model in this JSON file (as written by --save-model)')
    .option('--save-model <file>', 'write the model used, with its estimated prior, as JSON')
    .option('--prior <p>', 'fix λ, the probability that two random records are the same person (default: estimated)', probability('--prior'))
    .option('--workers <n>', 'worker threads, each preparing all records and scoring a share (default 1: measured fastest on 2 cores)', positive('--workers'))
    .option('--max-block <n>', 'skip blocks with more records than this', positive('--max-block'), DEFAULT_MAX_BLOCK)
    .option('--no-tf', 'no term-frequency adjustment of name weights');
}

async function common(o: CommonOpts): Promise<Pick<LinkageOptions, 'roles' | 'out' | 'threshold' | 'workers' | 'estimate' | 'model' | 'prior' | 'saveModel' | 'maxBlock' | 'tf' | 'log'>> {
  return {
    roles: parseRoleMap(o.map),
    out: o.out,
    threshold: o.threshold,
    ...(o.workers !== undefined ? { workers: o.workers } : {}),
    estimate: o.estimate === true,
    ...(o.model ? { model: await loadModel(o.model) } : {}),
    ...(o.prior !== undefined ? { prior: o.prior } : {}),
    ...(o.saveModel ? { saveModel: o.saveModel } : {}),
    maxBlock: o.maxBlock,
    tf: o.tf,
    log: (msg: string) => process.stderr.write(`${msg}\n`),
  };
}

/** Adds `link` and `dedupe` to the samenveilig command line. */
export function registerLinkageCommands(program: Command): void {
  addCommon(
    program
      .command('link')
      .description('find records of the same person in two CSV files (Fellegi-Sunter record linkage; see docs/linkage.md)')
      .requiredOption('--left <file>', 'left CSV file (with a header line)')
      .requiredOption('--right <file>', 'right CSV file (with a header line)')
      .option('--map-right <ROLE=COLUMN>', 'roles of the right file when its columns differ from the left', collect, [])
      .option('--one-to-one', 'each record in at most one pair (the most probable first)'),
  ).action(async (o: CommonOpts & { left: string; right: string; mapRight: string[]; oneToOne?: boolean }) => {
    await runLinkage({
      mode: 'link',
      left: o.left,
      right: o.right,
      ...(await common(o)),
      ...(o.mapRight.length > 0 ? { rightRoles: parseRoleMap(o.mapRight) } : {}),
      oneToOne: o.oneToOne === true,
    });
  });
  addCommon(
    program
      .command('dedupe')
      .description('find records of the same person within one CSV file (see docs/linkage.md)')
      .requiredOption('--in <file>', 'CSV file (with a header line)'),
  ).action(async (o: CommonOpts & { in: string }) => {
    await runLinkage({ mode: 'dedupe', left: o.in, ...(await common(o)) });
  });
}
