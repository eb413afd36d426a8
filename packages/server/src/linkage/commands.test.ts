/**
 * samenveilig link / dedupe end to end in this process (one thread): CSV in, pairs out, on
 * generated data with known truth, and every kind of bad input.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINKAGE_COLUMNS, csvLine, generateDedupe, generateLinkPair, type GeneratedRecord } from '../generator/linkage.js';
import { LinkageInputError, parseDate, parseRoleMap } from './csv.js';
import { loadModel, runLinkage, type LinkageOptions } from './commands.js';

let dir: string;
const roles = parseRoleMap(LINKAGE_COLUMNS.map((c) => `${c}=${c}`));

function writeCsv(name: string, records: readonly GeneratedRecord[], header: readonly string[] = LINKAGE_COLUMNS, delimiter = ','): string {
  const path = join(dir, name);
  const lines = [header.join(delimiter), ...records.map((r) => (delimiter === ',' ? csvLine(LINKAGE_COLUMNS.map((c) => r.record[c])) : LINKAGE_COLUMNS.map((c) => r.record[c]).join(delimiter)))];
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function readPairs(path: string): { left: string; right: string; p: number }[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  expect(header).toBe('left_id,right_id,match_probability');
  return lines.filter(Boolean).map((l) => {
    const [left, right, p] = l.split(',');
    return { left: left!, right: right!, p: Number(p) };
  });
}

function score(pairs: { left: string; right: string }[], entityOf: Map<string, number>, truth: number) {
  const tp = pairs.filter((x) => entityOf.get(x.left) === entityOf.get(x.right)).length;
  const precision = tp / Math.max(1, pairs.length);
  const recall = tp / truth;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

const run = (o: Partial<LinkageOptions> & Pick<LinkageOptions, 'mode' | 'left' | 'out'>) => runLinkage({ roles, workers: 1, ...o });

let link: { left: GeneratedRecord[]; right: GeneratedRecord[] };
let leftPath: string;
let rightPath: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sv-link-'));
  link = generateLinkPair({ seed: 11, size: 600 });
  leftPath = writeCsv('left.csv', link.left);
  rightPath = writeCsv('right.csv', link.right);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('samenveilig link', () => {
  it('finds the persons in both files with high precision and recall', async () => {
    const out = join(dir, 'pairs.csv');
    const summary = await run({ mode: 'link', left: leftPath, right: rightPath, out });
    const pairs = readPairs(out);
    expect(pairs.length).toBe(summary.pairs);
    const entityOf = new Map([...link.left, ...link.right].map((r) => [r.record.id, r.entity]));
    const inLeft = new Set(link.left.map((r) => r.entity));
    const truth = link.right.filter((r) => inLeft.has(r.entity)).length;
    expect(truth).toBeGreaterThan(200);
    const s = score(pairs, entityOf, truth);
    expect(s.precision).toBeGreaterThan(0.95);
    expect(s.recall).toBeGreaterThan(0.93);
    for (const x of pairs) {
      expect(x.left).toMatch(/^L/);
      expect(x.right).toMatch(/^R/);
      expect(x.p).toBeGreaterThanOrEqual(0.5);
      expect(x.p).toBeLessThanOrEqual(1);
    }
    // Ordered by left, then right id.
    const keys = pairs.map((x) => `${x.left}|${x.right}`);
    expect(keys).toEqual([...keys].sort());
    expect(summary.prior).toBeGreaterThan(0);
  });
  it('a higher threshold writes a subset; the same input gives the same output', async () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    const c = join(dir, 'c.csv');
    await run({ mode: 'link', left: leftPath, right: rightPath, out: a, threshold: 0.5 });
    await run({ mode: 'link', left: leftPath, right: rightPath, out: b, threshold: 0.99 });
    await run({ mode: 'link', left: leftPath, right: rightPath, out: c, threshold: 0.5 });
    const low = readPairs(a);
    const high = readPairs(b);
    expect(high.length).toBeLessThan(low.length);
    const lowKeys = new Set(low.map((x) => `${x.left}|${x.right}`));
    for (const x of high) expect(lowKeys.has(`${x.left}|${x.right}`)).toBe(true);
    expect(readFileSync(c, 'utf8')).toBe(readFileSync(a, 'utf8'));
  });
  it('--one-to-one puts each record in at most one pair', async () => {
    const out = join(dir, 'one.csv');
    await run({ mode: 'link', left: leftPath, right: rightPath, out, oneToOne: true, threshold: 0.01 });
    const pairs = readPairs(out);
    expect(new Set(pairs.map((x) => x.left)).size).toBe(pairs.length);
    expect(new Set(pairs.map((x) => x.right)).size).toBe(pairs.length);
  });
  it('maps roles to any column names, reads semicolons, and the right file may have its own columns', async () => {
    const dutch = ['nr', 'voornamen', 'tv', 'achternaam', 'naam', 'geboren', 'geslacht', 'bsn', 'straat', 'huisnr', 'pc', 'plaats', 'tel'];
    const left = writeCsv('nl-left.csv', link.left.slice(0, 100), dutch, ';');
    const right = writeCsv('nl-right.csv', link.right.slice(0, 100));
    const out = join(dir, 'nl.csv');
    const map = parseRoleMap(['id=nr,given_name=voornamen,prefix=tv,surname=achternaam', 'full_name=naam', 'birth_date=geboren', 'sex=geslacht,national_id=bsn,street=straat,house_number=huisnr,postcode=pc,city=plaats,phone=tel']);
    const s = await runLinkage({ mode: 'link', left, right, out, roles: map, rightRoles: roles, workers: 1 });
    expect(s.records).toBe(200);
    expect(readPairs(out).length).toBeGreaterThan(0);
  });
  it('--estimate estimates m from pairs with the same BSN; --save-model writes a model --model reads back', async () => {
    const out = join(dir, 'est.csv');
    const saved = join(dir, 'model.json');
    const messages: string[] = [];
    // Enough persons in both files with a BSN in both registrations (about 9% of them) for known matches.
    const big = generateLinkPair({ seed: 12, size: 1500 });
    const bigLeft = writeCsv('big-left.csv', big.left);
    const bigRight = writeCsv('big-right.csv', big.right);
    const s = await run({ mode: 'link', left: bigLeft, right: bigRight, out, estimate: true, saveModel: saved, log: (m) => messages.push(m) });
    expect(messages.join('\n')).toMatch(/Model geschat: m uit \d+ paren met hetzelfde BSN/);
    // With fewer known matches it falls back to EM.
    const small: string[] = [];
    await run({ mode: 'link', left: leftPath, right: rightPath, out: join(dir, 'est-small.csv'), estimate: true, log: (m) => small.push(m) });
    expect(small.join('\n')).toMatch(/Model geschat: m met EM op \d+ kandidaatparen/);
    const model = await loadModel(saved);
    expect(model.prior).toBeCloseTo(s.prior, 12);
    expect(model.source).toContain('--estimate');
    const again = join(dir, 'again.csv');
    await run({ mode: 'link', left: bigLeft, right: bigRight, out: again, model, prior: s.prior });
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(out, 'utf8'));
  });
});

describe('samenveilig dedupe', () => {
  it('finds the duplicates within one file, relatives included in the data', async () => {
    const records = [...generateDedupe({ seed: 5, records: 3000 })];
    expect(records.some((r) => r.relative === 'twin')).toBe(true);
    const path = writeCsv('dedupe.csv', records);
    const out = join(dir, 'dedupe-pairs.csv');
    const messages: string[] = [];
    await run({ mode: 'dedupe', left: path, out, log: (m) => messages.push(m) });
    expect(messages.at(-1)).toMatch(/^Klaar: \d+ paren met kans ≥ 0.5 naar/);
    const pairs = readPairs(out);
    const entityOf = new Map(records.map((r) => [r.record.id, r.entity]));
    const counts = new Map<number, number>();
    for (const r of records) counts.set(r.entity, (counts.get(r.entity) ?? 0) + 1);
    const truth = [...counts.values()].reduce((s, c) => s + (c * (c - 1)) / 2, 0);
    const s = score(pairs, entityOf, truth);
    expect(s.f1).toBeGreaterThan(0.93);
    for (const x of pairs) expect(x.left < x.right).toBe(true);
  });
  it('refuses --one-to-one', async () => {
    await expect(run({ mode: 'dedupe', left: leftPath, out: join(dir, 'x.csv'), oneToOne: true })).rejects.toThrow('--one-to-one hoort bij link');
  });
});

describe('bad input: a clear error naming the field or line, and nothing stored', () => {
  const header = 'id,voornaam,achternaam,geboortedatum,bsn,postcode';
  const map = parseRoleMap(['id=id', 'given_name=voornaam', 'surname=achternaam', 'birth_date=geboortedatum', 'national_id=bsn', 'postcode=postcode']);
  const good = ['1,Jan,Jansen,1980-01-02,111222333,1234 AB', '2,Piet,Smit,02-03-1975,,', '3,Anna,Bakker,19900405,,1234ab'];
  async function refused(lines: string[], expected: RegExp | string, roleMap = map) {
    const path = join(dir, `bad-${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(path, `${lines.join('\n')}\n`);
    const out = join(dir, `bad-out-${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(out, 'earlier output\n');
    const err = await run({ mode: 'dedupe', left: path, out, roles: roleMap }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LinkageInputError);
    expect((err as Error).message).toMatch(expected);
    // Nothing half-stored: the earlier output is untouched and no temporary file is left.
    expect(readFileSync(out, 'utf8')).toBe('earlier output\n');
    expect(readFileSync(path, 'utf8')).toContain(lines[0]);
    return (err as LinkageInputError).problems;
  }
  it('accepts the good lines', async () => {
    const path = join(dir, 'good.csv');
    writeFileSync(path, [header, ...good].join('\n'));
    const s = await run({ mode: 'dedupe', left: path, out: join(dir, 'good-out.csv'), roles: map });
    expect(s.records).toBe(3);
  });
  it('a mapped column that is missing', () =>
    refused([header, ...good], "kolom 'tussenvoegsel' (rol prefix) niet gevonden in de kopregel", parseRoleMap(['surname=achternaam', 'prefix=tussenvoegsel'])));
  it('an impossible date (30 February)', () => refused([header, ...good, '4,Kees,Dekker,30-02-1990,,'], "regel 5, kolom 'geboortedatum' (geboortedatum): '30-02-1990' is geen bestaande datum"));
  it('a date in another form', () => refused([header, '4,Kees,Dekker,1990/02/03,,'], "regel 2, kolom 'geboortedatum' (geboortedatum): '1990/02/03' is geen datum; schrijf JJJJMMDD, JJJJ-MM-DD of DD-MM-JJJJ"));
  it('a BSN failing the 11-proef', () => refused([header, ...good, '4,Kees,Dekker,,123456789,'], "regel 5, kolom 'bsn' (BSN): BSN '123456789' voldoet niet aan de 11-proef"));
  it('a malformed postcode', () => refused([header, '4,Kees,Dekker,,,12345'], "regel 2, kolom 'postcode' (postcode): '12345' is geen geldige postcode"));
  it('a duplicate or empty id', async () => {
    await refused([header, ...good, '2,Kees,Dekker,,,'], "regel 5, kolom 'id' (id): id '2' komt al eerder voor");
    await refused([header, ',Kees,Dekker,,,'], "regel 2, kolom 'id' (id): id is leeg");
  });
  it('a line with the wrong number of fields', () => refused([header, ...good, '4,Kees,Dekker'], /regel 5: het aantal velden klopt niet met de kopregel/));
  it('several problems are all named, each with its line', async () => {
    const problems = await refused([header, '4,Kees,Dekker,31-04-1990,,', '5,Anna,Smit,,111222334,', '6,Mia,Vos,,,9999 SS'], /3 fouten in de invoer; niets opgeslagen/);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('regel 2');
    expect(problems[1]).toContain('regel 3');
    expect(problems[2]).toContain('regel 4');
  });
  it('an empty file, a missing file, an unknown role and a bad --map', async () => {
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    await expect(run({ mode: 'dedupe', left: empty, out: join(dir, 'o.csv'), roles: map })).rejects.toThrow('het bestand is leeg');
    await expect(run({ mode: 'dedupe', left: join(dir, 'nope.csv'), out: join(dir, 'o.csv'), roles: map })).rejects.toThrow(/nope.csv: kan het bestand niet lezen \(ENOENT\)/);
    expect(() => parseRoleMap(['voornaam=given'])).toThrow("onbekende rol 'voornaam'");
    expect(() => parseRoleMap(['surname'])).toThrow('schrijf ROL=KOLOM');
    expect(() => parseRoleMap(['surname=a', 'surname=b'])).toThrow("rol 'surname' staat er twee keer in");
    expect(existsSync(join(dir, 'o.csv'))).toBe(false);
  });
  it('parses the three date forms and refuses others', () => {
    expect(parseDate('19900405')).toBe('1990-04-05');
    expect(parseDate('1990-04-05')).toBe('1990-04-05');
    expect(parseDate('05-04-1990')).toBe('1990-04-05');
    expect(parseDate('5-4-1990')).toBe('1990-04-05');
    expect(parseDate('29-02-2023')).toBe('invalid');
    expect(parseDate('20230229')).toBe('invalid');
    expect(parseDate('04/05/1990')).toBeNull();
    expect(parseDate('1990')).toBeNull();
  });
});
