import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createEmptyDb, createTestDb, testDbKind, type TestDb } from '../test-support/db.js';
import { buildApp } from './app.js';

const config = loadConfig({ SAMENVEILIG_DEMO: 'true', LOG_LEVEL: 'silent' });
let t: TestDb;
let app: FastifyInstance;
beforeAll(async () => {
  t = await createTestDb();
  app = await buildApp({ config, db: t.db, webDir: '/nonexistent' });
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

describe(`HTTP foundation (${testDbKind()})`, () => {
  it('GET /healthz answers while the process is up', async () => {
    const r = await app.inject({ method: 'GET', url: '/healthz' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz is 200 with migrations current', async () => {
    const r = await app.inject({ method: 'GET', url: '/readyz' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'ready', database: testDbKind(), reachable: true, migrations: { pending: [] } });
  });

  it('GET /readyz is 503 on a database that is not migrated', async () => {
    const empty = await createEmptyDb();
    const other = await buildApp({ config, db: empty.db, webDir: '/nonexistent' });
    try {
      const r = await other.inject({ method: 'GET', url: '/readyz' });
      expect(r.statusCode).toBe(503);
      expect(r.json().migrations.pending.length).toBeGreaterThan(0);
    } finally {
      await other.close();
      await empty.drop();
    }
  });

  it('GET /api/openapi.json documents every API route', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toMatch(/^3\./);
    const documented = Object.keys(doc.paths);
    const routes = app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .map((l) => /(\/[^\s(]*)/.exec(l)?.[1])
      .filter((p): p is string => !!p && p.startsWith('/api/v1'))
      .map((p) => p.replace(/:(\w+)/g, '{$1}'));
    for (const p of routes) expect(documented).toContain(p);
    expect(documented).toEqual(expect.arrayContaining(['/healthz', '/readyz', '/api/v1/regios']));
    expect(doc.paths['/api/v1/regios'].get.responses['200']).toBeDefined();
  });

  it('sends /api/docs to the API reference page of the web app', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe('/api-referentie');
  });

  it('lists regions with gemeenten and totals', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/regios' });
    expect(r.statusCode).toBe(200);
    const regions = r.json() as { id: string; gemeenten: { code: string }[]; totalen: { meldingen: number } }[];
    const nv = regions.find((x) => x.id === 'noord-veluwe-mijov')!;
    expect(nv.gemeenten.map((g) => g.code)).toContain('GM0200');
    expect(nv.totalen.meldingen).toBe(0);
  });

  it('answers an unknown API path with a 404 in the error shape, without internals', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/bestaat-niet' });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ error: { code: 'niet_gevonden', message: 'Niet gevonden.' } });
  });

  it('refuses to start with a route that declares no permission', async () => {
    const other = await buildApp({ config, db: t.db, webDir: '/nonexistent' });
    expect(() => other.get('/api/v1/geen-permissie', async () => 'x')).toThrow(/declares no permission/);
    await other.close().catch(() => undefined);
  });

  it('a failing handler gives a 500 with a Dutch message and no stack or internal message', async () => {
    const lines: string[] = [];
    const logStream = new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) });
    const other = await buildApp({ config: { ...config, logLevel: 'info' }, db: t.db, webDir: '/nonexistent', logStream });
    other.get('/api/v1/stuk', { config: { permission: 'public' } }, async () => {
      throw new Error('secret internal detail at /srv/app.js:12');
    });
    const r = await other.inject({ method: 'GET', url: '/api/v1/stuk' });
    expect(r.statusCode).toBe(500);
    expect(r.body).not.toContain('secret internal detail');
    expect(r.body).not.toContain('at ');
    expect(r.json().error.code).toBe('interne_fout');
    expect(lines.join('')).not.toContain('secret internal detail');
    await other.close();
  });
});
