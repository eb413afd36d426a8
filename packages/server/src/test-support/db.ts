/**
 * Test databases: a fresh, migrated database per call, on PGlite (in memory) or, when the
 * suite runs as server-postgres, on a new database of the TEST_DATABASE_URL server.
 * No mocks of our own database.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../db/database.js';
import { prepareDatabase } from '../db/setup.js';

export const testDbKind = (): 'pglite' | 'postgres' => (process.env.SV_TEST_DB === 'postgres' ? 'postgres' : 'pglite');

export interface TestDb {
  db: Database;
  /** Connection URL when on PostgreSQL (for a second connection or a child process). */
  url: string | undefined;
  drop(): Promise<void>;
}

/** Creates an empty database (not migrated). */
export async function createEmptyDb(): Promise<TestDb> {
  if (testDbKind() === 'pglite') {
    const db = await openPglite(undefined);
    return { db, url: undefined, drop: () => db.close() };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is required for the server-postgres suite');
  const name = `sv_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), 5);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Creates a migrated database with reference data. */
export async function createTestDb(): Promise<TestDb> {
  const t = await createEmptyDb();
  await prepareDatabase(t.db);
  return t;
}
