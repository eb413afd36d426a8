/**
 * Several writes in one round trip. Each round trip to the database costs a system call and a wake-up
 * on both sides; a request that writes ten tables in ten statements spends most of its time there.
 * Data-modifying statements in a WITH clause run exactly once each, in one statement, and the foreign
 * keys are checked at its end, so writes whose parents were stored by an earlier statement combine safely.
 */
import type { Queryable } from './database.js';

export interface Statement {
  /** An INSERT, UPDATE or DELETE with its own placeholders $1, $2, ... */
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** Runs the statements as one: numbered placeholders are shifted so each part keeps its own parameters. */
export async function runTogether(tx: Queryable, statements: readonly (Statement | null)[]): Promise<void> {
  const parts = statements.filter((s): s is Statement => s !== null);
  if (parts.length === 0) return;
  if (parts.length === 1) {
    await tx.query(parts[0]!.sql, [...parts[0]!.params]);
    return;
  }
  const params: unknown[] = [];
  const ctes = parts.map((p, i) => {
    const offset = params.length;
    params.push(...p.params);
    return `w${i} AS (${p.sql.replace(/\$(\d+)/g, (_m, n: string) => `$${Number(n) + offset}`)})`;
  });
  await tx.query(`WITH ${ctes.join(',\n')} SELECT 1`, params);
}
