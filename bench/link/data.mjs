// Writes the generated linkage data sets (packages/server/src/generator/linkage.ts) as CSV and
// keeps the truth (the person of each record) in memory for the evaluation.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { LINKAGE_COLUMNS, csvLine, generateDedupe, generateLinkPair } from '../../packages/server/dist/generator/linkage.js';

async function writeCsv(path, items) {
  const out = createWriteStream(path, { encoding: 'utf8' });
  let chunk = `${LINKAGE_COLUMNS.join(',')}\n`;
  const entities = [];
  const relatives = [];
  for (const item of items) {
    chunk += `${csvLine(LINKAGE_COLUMNS.map((c) => item.record[c]))}\n`;
    entities.push(item.entity);
    relatives.push(item.relative);
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.write(chunk);
  out.end();
  await once(out, 'finish');
  return { entities: Int32Array.from(entities), relatives };
}

/** Two files of `size` records; returns the entity of each left and right record (by position). */
export async function writeLinkPair(dir, seed, size) {
  const { left, right } = generateLinkPair({ seed, size });
  const l = await writeCsv(`${dir}/left.csv`, left);
  const r = await writeCsv(`${dir}/right.csv`, right);
  return { left: `${dir}/left.csv`, right: `${dir}/right.csv`, leftEntities: l.entities, rightEntities: r.entities };
}

/** One file of `records` records with duplicates; returns the entity of each record (by position). */
export async function writeDedupe(dir, seed, records) {
  const path = `${dir}/dedupe-${records}.csv`;
  const { entities } = await writeCsv(path, generateDedupe({ seed, records }));
  return { path, entities };
}
