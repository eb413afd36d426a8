/**
 * The samenveilig CLI as a user runs it: the built dist/cli.js in a child process
 * (npm test builds first). Uses the embedded database in a temporary directory, or the
 * PostgreSQL test server for the server-postgres suite.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDb, testDbKind, type TestDb } from './test-support/db.js';
import { advies, melding } from './test-support/fixtures.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

let dir: string;
let t: TestDb | undefined;
let env: Record<string, string>;

function run(args: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env, ...extraEnv }, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('packages/server/dist/cli.js is missing: run `npm run build` (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'sv-cli-'));
  env = { SAMENVEILIG_DATA_DIR: dir, SAMENVEILIG_DEMO: 'false', LOG_LEVEL: 'silent' };
  if (testDbKind() === 'postgres') {
    t = await createEmptyDb();
    env.DATABASE_URL = t.url!;
  }
});
afterAll(async () => {
  await t?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe(`samenveilig CLI (${testDbKind()})`, () => {
  it('migrate is safe to run twice', async () => {
    const first = await run(['migrate']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('Migraties toegepast: 0001');
    const second = await run(['migrate']);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('geen migraties nodig');
  });

  it('import reports a bad line with its number and field, stores the rest, exits 1, and is idempotent', async () => {
    const bad = melding({ externalId: 'CLI-BAD' });
    bad.personen[0]!.bsn = '123456789';
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, [melding({ externalId: 'CLI-1' }), bad, advies({ externalId: 'CLI-2' })].map((l) => JSON.stringify(l)).join('\n'));
    const r = await run(['import', file, '--bron', 'politie']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('3 regels gelezen, 2 opgeslagen, 0 al aanwezig, 1 afgekeurd');
    expect(r.stderr).toMatch(/regel 2, veld personen\.0\.bsn: BSN voldoet niet aan de 11-proef/);
    const again = await run(['import', file, '--bron', 'politie']);
    expect(again.stderr).toContain('3 regels gelezen, 0 opgeslagen, 2 al aanwezig, 1 afgekeurd');
  });

  it('stops with a message naming a bad environment variable', async () => {
    const r = await run(['migrate'], { PORT: 'twelve' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PORT: PORT must be a whole number from 0 to 65535 (got "twelve")');
  });

  it('generate writes the import format deterministically', async () => {
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    const args = ['generate', '--seed', '7', '--regio', 'noord-veluwe-mijov', '--van-jaar', '2023', '--jaren', '1', '--volume', '200'];
    expect((await run([...args, '--output', a])).code).toBe(0);
    expect((await run([...args, '--output', b])).code).toBe(0);
    const { readFileSync } = await import('node:fs');
    const textA = readFileSync(a, 'utf8');
    expect(textA).toBe(readFileSync(b, 'utf8'));
    expect(textA.split('\n').filter(Boolean).length).toBeGreaterThan(200);
    const r = await run(['import', a, '--bron', 'synthetisch']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/0 afgekeurd/);
  });
});
