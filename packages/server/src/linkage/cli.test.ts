/**
 * samenveilig link and dedupe as a user runs them: the built dist/cli.js in a child process
 * (npm test builds first), with two worker threads.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINKAGE_COLUMNS, csvLine, generateDedupe, generateLinkPair, type GeneratedRecord } from '../generator/linkage.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
let dir: string;

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '' }, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function writeCsv(name: string, records: readonly GeneratedRecord[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${[LINKAGE_COLUMNS.join(','), ...records.map((r) => csvLine(LINKAGE_COLUMNS.map((c) => r.record[c])))].join('\n')}\n`);
  return path;
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('packages/server/dist/cli.js is missing: run `npm run build` (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'sv-link-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('samenveilig link / dedupe (built CLI)', () => {
  it('link writes pairs, reports progress on stderr and nothing on stdout; two workers give the same pairs as one', async () => {
    const { left, right } = generateLinkPair({ seed: 21, size: 400 });
    const l = writeCsv('left.csv', left);
    const r = writeCsv('right.csv', right);
    const one = join(dir, 'one.csv');
    const two = join(dir, 'two.csv');
    const a = await run(['link', '--left', l, '--right', r, '--out', one, '--workers', '1']);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toBe('');
    expect(a.stderr).toMatch(/Ingelezen: 400 links, 400 rechts/);
    expect(a.stderr).toMatch(/Klaar: \d+ paren met kans ≥ 0.5 naar/);
    const b = await run(['link', '--left', l, '--right', r, '--out', two, '--workers', '2', '--threshold', '0.5']);
    expect(b.code, b.stderr).toBe(0);
    const text = readFileSync(one, 'utf8');
    expect(text.split('\n')[0]).toBe('left_id,right_id,match_probability');
    expect(text.split('\n').length).toBeGreaterThan(100);
    expect(readFileSync(two, 'utf8')).toBe(text);
  });

  it('dedupe with two workers equals dedupe with one', async () => {
    const path = writeCsv('dedupe.csv', [...generateDedupe({ seed: 22, records: 1500 })]);
    const one = join(dir, 'd1.csv');
    const two = join(dir, 'd2.csv');
    expect((await run(['dedupe', '--in', path, '--out', one, '--workers', '1'])).code).toBe(0);
    const r = await run(['dedupe', '--in', path, '--out', two, '--workers', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(two, 'utf8')).toBe(readFileSync(one, 'utf8'));
  });

  it('bad input: exit 1, a Dutch message naming file, line and column, and no output', async () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, 'id,achternaam,geboren,bsn\n1,Jansen,30-02-1990,\n2,Smit,,123456789\n');
    const out = join(dir, 'bad-out.csv');
    const r = await run(['dedupe', '--in', path, '--map', 'id=id,surname=achternaam,birth_date=geboren,national_id=bsn', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("bad.csv regel 2, kolom 'geboren' (geboortedatum): '30-02-1990' is geen bestaande datum");
    expect(r.stderr).toContain("bad.csv regel 3, kolom 'bsn' (BSN): BSN '123456789' voldoet niet aan de 11-proef");
    expect(existsSync(out)).toBe(false);
    const missing = await run(['link', '--left', path, '--right', path, '--map', 'surname=naam', '--out', out]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("kolom 'naam' (rol surname) niet gevonden in de kopregel");
    const threshold = await run(['link', '--left', path, '--right', path, '--out', out, '--threshold', '2']);
    expect(threshold.code).toBe(1);
    expect(threshold.stderr).toContain('--threshold moet een kans tussen 0 en 1 zijn');
  });
});
