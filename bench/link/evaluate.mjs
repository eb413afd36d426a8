// Precision, recall and F1 of an output pairs.csv against the known truth.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** Ids are a letter and the 1-based position ("L00042", "R0000042"). */
const position = (id) => Number(id.slice(1)) - 1;

function countPairs(entities) {
  const counts = new Map();
  for (const e of entities) counts.set(e, (counts.get(e) ?? 0) + 1);
  let n = 0;
  for (const c of counts.values()) n += (c * (c - 1)) / 2;
  return n;
}

/**
 * Reads pairs.csv; a pair is right when both records register the same person. A wrong pair of
 * two persons of one household (entity numbers share the household: entity = household * 8 + k)
 * counts as a relative.
 */
export async function evaluate(pairsPath, leftEntities, rightEntities) {
  const link = rightEntities !== undefined;
  let truth;
  if (link) {
    const inLeft = new Set(leftEntities);
    truth = 0;
    for (const e of rightEntities) if (inLeft.has(e)) truth++;
  } else truth = countPairs(leftEntities);
  let tp = 0;
  let fp = 0;
  let fpRelatives = 0;
  let first = true;
  for await (const line of createInterface({ input: createReadStream(pairsPath), crlfDelay: Infinity })) {
    if (first) {
      first = false;
      continue;
    }
    if (!line) continue;
    const [a, b] = line.split(',');
    const ea = leftEntities[position(a)];
    const eb = (link ? rightEntities : leftEntities)[position(b)];
    if (ea === eb) tp++;
    else {
      fp++;
      if (Math.floor(ea / 8) === Math.floor(eb / 8)) fpRelatives++;
    }
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 1;
  const recall = truth > 0 ? tp / truth : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { truth, tp, fp, fpRelatives, fn: truth - tp, precision, recall, f1 };
}
