import type { Database } from './database.js';
import { migrate } from './migrate.js';
import { syncReferenceData } from './reference.js';

/** Migrates the schema and syncs reference data: what `samenveilig migrate` and start-up both do. */
export async function prepareDatabase(db: Database): Promise<{ applied: string[] }> {
  const applied = await migrate(db);
  await syncReferenceData(db);
  return { applied };
}
