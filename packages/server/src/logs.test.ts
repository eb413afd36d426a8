/**
 * Logs never contain personal data: a full flow (generate synthetic contacts, load them, read the
 * API, make errors, including requests whose URL holds a name) with every log line captured at
 * debug level, then every name, BSN, postcode, street, phone number and e-mail address of the
 * generated persons and melders is searched for in the logs.
 */
import { Writable } from 'node:stream';
import type { ImportLine } from '@samenveilig/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { generateContacts } from './generator/index.js';
import { buildApp } from './http/app.js';
import { importLines } from './import/loader.js';
import { createTestDb, testDbKind, type TestDb } from './test-support/db.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.drop());

function personalValues(lines: ImportLine[]): Set<string> {
  const values = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === 'string' && v.length >= 5) values.add(v);
  };
  for (const l of lines) {
    add(l.melder.naam);
    add(l.melder.telefoon);
    add(l.melder.email);
    add(l.omschrijving);
    for (const p of l.personen) {
      add(p.voornamen);
      add(p.achternaam);
      add(p.bsn);
      add(p.geboortedatum);
      add(p.adres?.straat);
      if (p.adres) add(p.adres.postcode.replace(/\s/g, ''));
    }
  }
  return values;
}

describe(`logs hold no personal data (${testDbKind()})`, () => {
  it('on a full flow at debug level', async () => {
    const logs: string[] = [];
    const logStream = new Writable({ write: (c, _e, cb) => (logs.push(String(c)), cb()) });
    const config = { ...loadConfig({ SAMENVEILIG_DEMO: 'true' }), logLevel: 'debug' as const };
    const app = await buildApp({ config, db: t.db, webDir: '/nonexistent', logStream });

    const lines = [...generateContacts({ seed: 99, regionIds: ['noord-veluwe-mijov'], fromYear: 2024, years: 1, meldingenPerYear: 150 })];
    const summary = await importLines(t.db, lines, { source: 'synthetisch' });
    expect(summary.rejected).toBe(0);

    const someone = lines.find((l) => l.personen.some((p) => p.achternaam && p.bsn))!.personen.find((p) => p.achternaam && p.bsn)!;
    const urls = [
      '/healthz',
      '/readyz',
      '/api/v1/installatie',
      '/api/v1/regios',
      '/api/v1/referentie/geweldsvormen',
      '/api/openapi.json',
      `/api/v1/personen/${encodeURIComponent(someone.achternaam!)}`,
      `/api/v1/zoek?bsn=${someone.bsn}&naam=${encodeURIComponent(someone.achternaam!)}`,
    ];
    for (const url of urls) await app.inject({ method: 'GET', url });
    await app.inject({ method: 'POST', url: '/api/v1/regios', payload: { naam: someone.achternaam, bsn: someone.bsn } });
    await app.close();

    const text = logs.join('');
    expect(logs.length).toBeGreaterThanOrEqual(urls.length);
    for (const line of logs) expect(() => JSON.parse(line)).not.toThrow();
    const leaked = [...personalValues(lines)].filter((v) => text.includes(v));
    expect(leaked).toEqual([]);
  });
});
