/**
 * String distances for comparing names, allocation-free (module-level scratch buffers): they run
 * inside `compare`, which is called millions of times in a batch.
 */

const MAX = 64;
let row0 = new Int32Array(MAX + 1);
let row1 = new Int32Array(MAX + 1);
let row2 = new Int32Array(MAX + 1);

/**
 * Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions, each
 * substring edited once): insertions, deletions, substitutions and swaps of two neighbours cost 1.
 * Stops early and returns `limit + 1` once the distance is known to exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = 3): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  if (n === 0) return m;
  if (m === 0) return n;
  if (m > MAX || n > MAX) {
    // Names this long are rare; compare their first MAX letters.
    return editDistance(a.slice(0, MAX), b.slice(0, MAX), limit);
  }
  // row2 = i-2, row1 = i-1, row0 = i
  for (let j = 0; j <= m; j++) row1[j] = j;
  for (let i = 1; i <= n; i++) {
    row0[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = row1[j - 1]! + cost;
      const del = row1[j]! + 1;
      if (del < v) v = del;
      const ins = row0[j - 1]! + 1;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const t = row2[j - 2]! + 1;
        if (t < v) v = t;
      }
      row0[j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    const tmp = row2;
    row2 = row1;
    row1 = row0;
    row0 = tmp;
  }
  return row1[m]!;
}

const matchedA = new Uint8Array(MAX);
const matchedB = new Uint8Array(MAX);

/** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, up to 4 letters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length > 0 ? 1 : 0;
  const n = Math.min(a.length, MAX);
  const m = Math.min(b.length, MAX);
  if (n === 0 || m === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(n, m) / 2) - 1);
  matchedA.fill(0, 0, n);
  matchedB.fill(0, 0, m);
  let matches = 0;
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(m - 1, i + window);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (matchedB[j] === 0 && b.charCodeAt(j) === c) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const jaro = (matches / n + matches / m + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < n && prefix < m && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * True when two names are the same but for one typing error (length ≥ 4) or two (length ≥ `twoFrom`);
 * a three-letter name only with one letter added ("Joe" ~ "Jose"), as changing one letter of
 * a short name mostly gives another name (Jan, Jon; Sem, Sam).
 */
export function nearlyEqual(a: string, b: string, twoFrom = 9): boolean {
  const len = Math.min(a.length, b.length);
  if (len === 3 && Math.abs(a.length - b.length) === 1) return editDistance(a, b, 1) <= 1;
  if (len < 4) return false;
  const limit = len >= twoFrom ? 2 : 1;
  return editDistance(a, b, limit) <= limit;
}
