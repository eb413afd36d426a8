/**
 * A linkage job over one data set, run in this thread or split over worker threads. Each worker
 * reads the (already checked) files itself, prepares all records and builds the full block index,
 * then scores the candidate pairs of its shard: record numbers ≡ shard (mod workers). Only the
 * kept pairs and a histogram travel back, as transferable typed arrays.
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { randomPairCounts, type LinkageModel, type TermFrequency } from '@samenveilig/domain';
import { buildIndex, prepareDataset, scoreShard, shardPatterns, termFrequencies, type BlockIndex, type Dataset, type Mode, type ShardScore } from './engine.js';
import { LinkageInputError, readRecords, type RoleMap } from './csv.js';

export interface FileSpec {
  path: string;
  roles: RoleMap;
  label: string;
}

export interface JobSpec {
  mode: Mode;
  /** One file (dedupe) or two (link: left, right). */
  files: FileSpec[];
  maxBlock: number;
}

export interface Job {
  readonly records: number;
  readonly nLeft: number;
  /** The id of every record in input order: left then right (link), or all (dedupe). */
  readonly ids: readonly string[];
  /** For each record number used in results, its place in the input (see Dataset.original). */
  readonly original: Int32Array;
  readonly blocks: number;
  readonly largestBlock: number;
  /** Pattern counts of all candidate pairs. */
  patterns(): Promise<Map<number, number>>;
  /** Level counts of random pairs (for u). */
  randomCounts(pairs: number, seed: number): Promise<number[][]>;
  /** Scores all candidate pairs; one result per shard. */
  score(model: LinkageModel, floorBits: number, useTf: boolean): Promise<ShardScore[]>;
  close(): Promise<void>;
}

class LocalJob implements Job {
  private readonly tf: TermFrequency;
  constructor(
    private readonly ds: Dataset,
    private readonly index: BlockIndex,
    private readonly maxBlock: number,
  ) {
    this.tf = termFrequencies(ds);
  }
  get records() {
    return this.ds.prepared.length;
  }
  get nLeft() {
    return this.ds.nLeft;
  }
  get ids() {
    return idsInInputOrder(this.ds);
  }
  get original() {
    return this.ds.original;
  }
  get blocks() {
    return this.index.blocks;
  }
  get largestBlock() {
    return this.index.largestBlock;
  }
  async patterns() {
    const { codes, counts } = shardPatterns(this.ds, this.index, { shard: 0, shards: 1, maxBlock: this.maxBlock });
    return new Map([...codes].map((c, i) => [c, counts[i]!] as [number, number]));
  }
  async randomCounts(pairs: number, seed: number) {
    return randomCountsOf(this.ds, pairs, seed);
  }
  async score(model: LinkageModel, floorBits: number, useTf: boolean) {
    return [scoreShard(this.ds, this.index, model, useTf ? this.tf : undefined, floorBits, { shard: 0, shards: 1, maxBlock: this.maxBlock })];
  }
  async close() {}
}

function idsInInputOrder(ds: Dataset): string[] {
  const ids = new Array<string>(ds.prepared.length);
  ds.prepared.forEach((p, i) => (ids[ds.original[i]!] = p.id));
  return ids;
}

export function randomCountsOf(ds: Dataset, pairs: number, seed: number): number[][] {
  if (ds.prepared.length < 2 || (ds.mode === 'link' && (ds.nLeft === 0 || ds.nLeft === ds.prepared.length))) return [];
  const from = ds.mode === 'link' ? ([ds.prepared.slice(0, ds.nLeft), ds.prepared.slice(ds.nLeft)] as const) : undefined;
  return randomPairCounts(ds.prepared, pairs, seed, from);
}

/** Builds the data set in this thread from records already read. */
export function localJob(ds: Dataset, maxBlock: number): Job {
  return new LocalJob(ds, buildIndex(ds), maxBlock);
}

/** Messages between the job and its workers. */
export type ToWorker =
  | { type: 'patterns' }
  | { type: 'random'; pairs: number; seed: number }
  | { type: 'score'; model: LinkageModel; floorBits: number; useTf: boolean }
  | { type: 'close' };
export type FromWorker =
  | { type: 'ready'; records: number; nLeft: number; blocks: number; largestBlock: number; ids: string[] | null; original: Int32Array | null }
  | { type: 'patterns'; codes: Float64Array; counts: Float64Array }
  | { type: 'random'; counts: number[][] }
  | { type: 'score'; result: ShardScore }
  | { type: 'error'; message: string; problems: string[] | null };

export interface WorkerInit {
  spec: JobSpec;
  shard: number;
  shards: number;
}

/** The compiled worker script next to this module, or null when running from sources (tests). */
export function workerScript(): URL | null {
  const url = new URL('./worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

class WorkerJob implements Job {
  records = 0;
  nLeft = 0;
  ids: readonly string[] = [];
  original: Int32Array = new Int32Array(0);
  blocks = 0;
  largestBlock = 0;
  private constructor(private readonly workers: Worker[]) {}

  static async start(spec: JobSpec, shards: number, script: URL): Promise<WorkerJob> {
    // A larger young generation: preparing a million records makes many short-lived strings.
    const workers = Array.from(
      { length: shards },
      (_, shard) => new Worker(script, { workerData: { spec, shard, shards } satisfies WorkerInit, resourceLimits: { maxYoungGenerationSizeMb: 192 } }),
    );
    const job = new WorkerJob(workers);
    try {
      const ready = await Promise.all(workers.map((w) => job.next(w, 'ready')));
      const first = ready[0]!;
      job.records = first.records;
      job.nLeft = first.nLeft;
      job.blocks = first.blocks;
      job.largestBlock = first.largestBlock;
      job.ids = first.ids ?? [];
      job.original = first.original ?? new Int32Array(0);
    } catch (err) {
      await job.close();
      throw err;
    }
    return job;
  }

  private next<T extends FromWorker['type']>(w: Worker, type: T): Promise<Extract<FromWorker, { type: T }>> {
    return new Promise((resolve, reject) => {
      const onMessage = (m: FromWorker) => {
        cleanup();
        if (m.type === 'error') reject(m.problems ? new LinkageInputError(m.message, m.problems) : new Error(m.message));
        else if (m.type !== type) reject(new Error(`worker: expected ${type}, got ${m.type}`));
        else resolve(m as Extract<FromWorker, { type: T }>);
      };
      const onError = (err: Error) => {
        cleanup();
        reject(err);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`worker stopped unexpectedly (exit code ${code})`));
      };
      const cleanup = () => {
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
      };
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
    });
  }

  private ask<T extends FromWorker['type']>(w: Worker, msg: ToWorker, type: T) {
    const reply = this.next(w, type);
    w.postMessage(msg);
    return reply;
  }

  async patterns() {
    const parts = await Promise.all(this.workers.map((w) => this.ask(w, { type: 'patterns' }, 'patterns')));
    const map = new Map<number, number>();
    for (const p of parts) p.codes.forEach((c, i) => map.set(c, (map.get(c) ?? 0) + p.counts[i]!));
    return map;
  }
  async randomCounts(pairs: number, seed: number) {
    return (await this.ask(this.workers[0]!, { type: 'random', pairs, seed }, 'random')).counts;
  }
  async score(model: LinkageModel, floorBits: number, useTf: boolean) {
    const parts = await Promise.all(this.workers.map((w) => this.ask(w, { type: 'score', model, floorBits, useTf }, 'score')));
    return parts.map((p) => p.result);
  }
  async close() {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Whether a job on this many threads runs in worker threads (not when running from sources). */
export function usesWorkers(workers: number): boolean {
  return workers > 1 && workerScript() !== null;
}

/**
 * Starts a job on `workers` threads: each worker reads and checks the files itself (a bad input
 * rejects with LinkageInputError), so this thread holds only the ids. With one thread (or from
 * sources) it runs here on the data set `loaded` gives.
 */
export async function startJob(spec: JobSpec, workers: number, loaded: () => Promise<Dataset>): Promise<Job> {
  const script = workerScript();
  if (workers > 1 && script) return WorkerJob.start(spec, workers, script);
  return localJob(await loaded(), spec.maxBlock);
}

/** The worker side: read, prepare, index, then answer requests. */
export async function workerMain(init: WorkerInit, post: (m: FromWorker, transfer?: ArrayBuffer[]) => void, onMessage: (h: (m: ToWorker) => void) => void): Promise<void> {
  const { spec, shard, shards } = init;
  let inputs: Awaited<ReturnType<typeof readRecords>>[];
  try {
    inputs = [];
    for (const f of spec.files) inputs.push(await readRecords(f.path, f.roles, { label: f.label }));
  } catch (err) {
    if (err instanceof LinkageInputError) {
      post({ type: 'error', message: err.message, problems: [...err.problems] });
      return;
    }
    throw err;
  }
  const ds = prepareDataset(spec.mode, inputs[0]!, inputs[1] ?? []);
  const index = buildIndex(ds);
  const tf = termFrequencies(ds);
  const opts = { shard, shards, maxBlock: spec.maxBlock };
  onMessage((m) => {
    try {
      if (m.type === 'patterns') {
        const { codes, counts } = shardPatterns(ds, index, opts);
        post({ type: 'patterns', codes, counts }, [codes.buffer as ArrayBuffer, counts.buffer as ArrayBuffer]);
      } else if (m.type === 'random') {
        post({ type: 'random', counts: randomCountsOf(ds, m.pairs, m.seed) });
      } else if (m.type === 'score') {
        const result = scoreShard(ds, index, m.model, m.useTf ? tf : undefined, m.floorBits, opts);
        post({ type: 'score', result }, [result.histogram.buffer, result.left.buffer, result.right.buffer, result.bits.buffer] as ArrayBuffer[]);
      }
    } catch (err) {
      post({ type: 'error', message: err instanceof Error ? err.message : String(err), problems: null });
    }
  });
  post({ type: 'ready', records: ds.prepared.length, nLeft: ds.nLeft, blocks: index.blocks, largestBlock: index.largestBlock, ids: shard === 0 ? idsInInputOrder(ds) : null, original: shard === 0 ? ds.original : null });
}
