/**
 * The database connection: PostgreSQL only, either embedded (PGlite, data under a directory)
 * or a server (node-postgres pool). Everything above this file sees one interface.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Runs one or more statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs fn in one transaction: committed when fn resolves, rolled back when it throws. An error that
   * carries work for after the rollback (see `naRollback`) has it done before the error is passed on.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Work an error asks for once its transaction is rolled back, in a transaction of its own: a refusal
 * still leaves its audit row (audit/chain.ts `weigering`) though nothing else of the action remains.
 */
export const NA_ROLLBACK = Symbol('naRollback');
type NaRollback = (db: Database) => Promise<void>;

async function naRollback(err: unknown, db: Database): Promise<void> {
  const work = (err as { [NA_ROLLBACK]?: NaRollback } | null)?.[NA_ROLLBACK];
  if (typeof work === 'function') await work(db);
}

// Same value types on both drivers: int8 (count(*)) as number, date as 'YYYY-MM-DD' string.
const INT8 = 20;
const DATE = 1082;
const parseInt8 = (v: string) => Number(v);
const keepDate = (v: string) => v;

export async function openPglite(dataDir: string | undefined): Promise<Database> {
  let location: string | undefined;
  if (dataDir !== undefined) {
    location = resolve(dataDir, 'pglite');
    mkdirSync(location, { recursive: true });
  }
  const db = new PGlite({ ...(location ? { dataDir: location } : {}), parsers: { [INT8]: parseInt8, [DATE]: keepDate } });
  await db.waitReady;
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const r = await q.query<T>(sql, params);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const base = wrap(db);
  const database: Database = {
    kind: 'pglite',
    ...base,
    async transaction(fn) {
      try {
        return await db.transaction((tx) => fn(wrap(tx as unknown as Pick<PGlite, 'query' | 'exec'>)));
      } catch (err) {
        await naRollback(err, database);
        throw err;
      }
    },
    close: () => db.close(),
  };
  return database;
}

const statementNames = new Map<string, string>();
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `sv_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    if (statementNames.size < 10_000) statementNames.set(sql, name);
  }
  return name;
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const types = {
    getTypeParser: ((oid: number, format?: string) => {
      if (oid === INT8) return parseInt8;
      if (oid === DATE) return keepDate;
      return pg.types.getTypeParser(oid, format as 'text');
    }) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => undefined);
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      // A statement with parameters is prepared once per connection and its plan reused (named by a
      // hash of its text): planning the same INSERT … unnest(…) for every request costs more than running it.
      const r = params && params.length > 0 ? await c.query({ name: statementName(sql), text: sql, values: params }) : await c.query(sql);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  });
  await pool.query('SELECT 1');
  const database: Database = {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        // Back to the pool first: the work after the rollback takes a connection of its own.
        client.release();
        await naRollback(err, database);
        throw err;
      }
    },
    close: () => pool.end(),
  };
  return database;
}

/** Opens the database the configuration names: a server when databaseUrl is set, else PGlite under dataDir. */
export function openDatabase(cfg: { databaseUrl: string | undefined; dataDir: string }): Promise<Database> {
  return cfg.databaseUrl ? openPostgres(cfg.databaseUrl) : openPglite(cfg.dataDir);
}
