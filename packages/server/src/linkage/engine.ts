/**
 * The batch side of record linkage: blocking over whole files, scoring the candidate pairs of
 * one shard (so two worker threads can split the work), and gathering the results. The
 * comparison itself is the domain's radar engine.
 *
 * Blocking: every record's `queryKeys` (its stored keys plus variants) are hashed to 32 bits and
 * packed with the record number into one float64, so all keys of all records sort natively as one
 * Float64Array; equal hashes form a block. Two records are candidates when they share a block.
 * A record's candidates are gathered from its blocks with a stamp array, so a pair that shares
 * several keys is compared once. Using the query keys on both sides keeps the blocking symmetric.
 */
import {
  EvidenceHistogram,
  evidence,
  FIELDS,
  levels,
  patternCode,
  prepare,
  queryKeys,
  tfValues,
  type LinkInput,
  type LinkageModel,
  type Prepared,
  type TermFrequency,
} from '@samenveilig/domain';

export type Mode = 'link' | 'dedupe';

export interface Dataset {
  readonly mode: Mode;
  /** Left records then right records (link), or all records (dedupe); each side ordered by surname. */
  readonly prepared: readonly Prepared[];
  /** Records before this index are the left file (link); equals prepared.length for dedupe. */
  readonly nLeft: number;
  /** For each record, its place in the input: left 0..nLeft-1 in file order, then right. */
  readonly original: Int32Array;
}

/**
 * Prepares all records. Each side is prepared in the order of its surnames, so that records
 * likely to be compared lie near each other in memory: comparing is then about twice as fast at
 * a million records. `original` maps back to the input order.
 */
export function prepareDataset(mode: Mode, left: readonly LinkInput[], right: readonly LinkInput[] = []): Dataset {
  const n = left.length + right.length;
  const prepared: Prepared[] = new Array<Prepared>(n);
  const original = new Int32Array(n);
  let i = 0;
  const side = (records: readonly LinkInput[], offset: number) => {
    const keys = records.map((r, k) => [(r.surname ?? r.fullName ?? '').toLowerCase(), k] as const);
    keys.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    for (const [, k] of keys) {
      original[i] = offset + k;
      prepared[i++] = prepare(records[k]!);
    }
  };
  side(left, 0);
  side(right, left.length);
  return { mode, prepared, nLeft: left.length, original };
}

/** All pairs of a data set of n records: |left|·|right| or n(n-1)/2. */
export function totalPairs(mode: Mode, n: number, nLeft: number): number {
  return mode === 'link' ? nLeft * (n - nLeft) : (n * (n - 1)) / 2;
}

/** FNV-1a, 32 bits. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface BlockIndex {
  /** Record of each entry, entries sorted by key. */
  readonly recordOf: Int32Array;
  /** Start of each block in the sorted entries; blockStart[blocks] = entries. */
  readonly blockStart: Int32Array;
  /** Per record, the range of its blocks in `recordBlocks`. */
  readonly recordBlockOffset: Int32Array;
  readonly recordBlocks: Int32Array;
  readonly blocks: number;
  readonly largestBlock: number;
}

/** Builds the blocks of a data set from the records' query keys. */
export function buildIndex(ds: Dataset): BlockIndex {
  const n = ds.prepared.length;
  const recordBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const hashBits = Math.min(32, 53 - recordBits);
  const recordScale = 2 ** recordBits;
  const hashShift = 32 - hashBits;
  let packed = new Float64Array(Math.max(16, n * 8));
  let entries = 0;
  for (let r = 0; r < n; r++) {
    const keys = queryKeys(ds.prepared[r]!);
    if (entries + keys.length > packed.length) {
      const grown = new Float64Array(packed.length * 2 + keys.length);
      grown.set(packed.subarray(0, entries));
      packed = grown;
    }
    for (const k of keys) packed[entries++] = (hash32(k) >>> hashShift) * recordScale + r;
  }
  const sorted = packed.subarray(0, entries).sort();
  const recordOf = new Int32Array(entries);
  const blockOfEntry = new Int32Array(entries);
  const starts: number[] = [];
  let prevHash = -1;
  let blocks = -1;
  const perRecord = new Int32Array(n + 1);
  for (let e = 0; e < entries; e++) {
    const v = sorted[e]!;
    const h = Math.floor(v / recordScale);
    const r = v - h * recordScale;
    recordOf[e] = r;
    if (h !== prevHash) {
      blocks++;
      starts.push(e);
      prevHash = h;
    }
    blockOfEntry[e] = blocks;
    perRecord[r + 1]!++;
  }
  blocks++;
  starts.push(entries);
  const blockStart = Int32Array.from(starts);
  let largestBlock = 0;
  for (let b = 0; b < blocks; b++) largestBlock = Math.max(largestBlock, blockStart[b + 1]! - blockStart[b]!);
  for (let r = 0; r < n; r++) perRecord[r + 1]! += perRecord[r]!;
  const fill = perRecord.slice(0, n);
  const recordBlocks = new Int32Array(entries);
  for (let e = 0; e < entries; e++) recordBlocks[fill[recordOf[e]!]!++] = blockOfEntry[e]!;
  return { recordOf, blockStart, recordBlockOffset: perRecord, recordBlocks, blocks, largestBlock };
}

/** Term frequencies of surnames, first names and full names over the data set. */
export function termFrequencies(ds: Dataset): TermFrequency {
  const maps = new Map<string, Map<string, number>>();
  for (const p of ds.prepared) {
    for (const [field, value] of tfValues(p)) {
      let m = maps.get(field);
      if (!m) maps.set(field, (m = new Map()));
      m.set(value, (m.get(value) ?? 0) + 1);
    }
  }
  const n = Math.max(1, ds.prepared.length);
  const surname = maps.get('surname');
  const given = maps.get('givenName');
  const name = maps.get('name');
  return (field, value) => {
    const c = (field === 'surname' ? surname : field === 'givenName' ? given : field === 'name' ? name : undefined)?.get(value);
    return c === undefined ? undefined : c / n;
  };
}

export interface ShardOptions {
  shard: number;
  shards: number;
  /** Blocks with more records than this are skipped (other keys still find their pairs). */
  maxBlock: number;
}

/**
 * Calls `visit(r, s)` once for every candidate pair of the shard: r runs over the shard's
 * records (record numbers ≡ shard mod shards; in link mode only left records), s over the
 * records sharing a block with r (dedupe: s > r; link: s a right record).
 */
export function forEachCandidate(ds: Dataset, index: BlockIndex, opts: ShardOptions, visit: (r: number, s: number) => void): { skippedBlocks: number } {
  const n = ds.prepared.length;
  const seen = new Int32Array(n).fill(-1);
  const rEnd = ds.mode === 'link' ? ds.nLeft : n;
  const skipped = new Set<number>();
  const { recordBlockOffset, recordBlocks, blockStart, recordOf } = index;
  for (let r = opts.shard; r < rEnd; r += opts.shards) {
    seen[r] = r;
    for (let k = recordBlockOffset[r]!; k < recordBlockOffset[r + 1]!; k++) {
      const b = recordBlocks[k]!;
      const from = blockStart[b]!;
      const to = blockStart[b + 1]!;
      if (to - from > opts.maxBlock) {
        skipped.add(b);
        continue;
      }
      for (let e = from; e < to; e++) {
        const s = recordOf[e]!;
        if (seen[s] === r) continue;
        seen[s] = r;
        if (ds.mode === 'link' ? s < ds.nLeft : s <= r) continue;
        visit(r, s);
      }
    }
  }
  return { skippedBlocks: skipped.size };
}

/** Pairs kept for output, in growable typed arrays (transferable between threads). */
export class PairBuffer {
  left = new Int32Array(1024);
  right = new Int32Array(1024);
  bits = new Float64Array(1024);
  length = 0;
  push(l: number, r: number, b: number): void {
    if (this.length === this.left.length) {
      const size = this.length * 2;
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T) => {
        const next = make(size);
        next.set(a);
        return next;
      };
      this.left = grow(this.left, (k) => new Int32Array(k));
      this.right = grow(this.right, (k) => new Int32Array(k));
      this.bits = grow(this.bits, (k) => new Float64Array(k));
    }
    this.left[this.length] = l;
    this.right[this.length] = r;
    this.bits[this.length] = b;
    this.length++;
  }
}

export interface ShardScore {
  histogram: Float64Array;
  left: Int32Array;
  right: Int32Array;
  bits: Float64Array;
  compared: number;
  skippedBlocks: number;
}

/**
 * Scores the candidate pairs of one shard: the evidence of every pair goes into the histogram
 * (for estimating the prior); pairs with at least `floorBits` of evidence are kept.
 */
export function scoreShard(ds: Dataset, index: BlockIndex, model: LinkageModel, tf: TermFrequency | undefined, floorBits: number, opts: ShardOptions): ShardScore {
  const hist = new EvidenceHistogram();
  const kept = new PairBuffer();
  let compared = 0;
  const p = ds.prepared;
  const { skippedBlocks } = forEachCandidate(ds, index, opts, (r, s) => {
    const bits = evidence(p[r]!, p[s]!, model, tf);
    compared++;
    hist.add(bits);
    if (bits >= floorBits) kept.push(r, s, bits);
  });
  return {
    histogram: hist.counts,
    left: kept.left.slice(0, kept.length),
    right: kept.right.slice(0, kept.length),
    bits: kept.bits.slice(0, kept.length),
    compared,
    skippedBlocks,
  };
}

/** Pattern counts of the shard's candidate pairs (for EM), as parallel arrays. */
export function shardPatterns(ds: Dataset, index: BlockIndex, opts: ShardOptions): { codes: Float64Array; counts: Float64Array } {
  const lv = new Int8Array(FIELDS.length);
  const map = new Map<number, number>();
  const p = ds.prepared;
  forEachCandidate(ds, index, opts, (r, s) => {
    levels(p[r]!, p[s]!, lv);
    const code = patternCode(lv);
    map.set(code, (map.get(code) ?? 0) + 1);
  });
  return { codes: Float64Array.from(map.keys()), counts: Float64Array.from(map.values()) };
}
