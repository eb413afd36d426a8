import type { Database } from './database.js';
import { migrate } from './migrate.js';
import { syncReferenceData } from './reference.js';
import { indexMissingPersons } from '../radar/store.js';

/**
 * Migrates the schema, syncs reference data, and gives registrations stored before the radar existed
 * their identity and blocking keys: what `samenveilig migrate` and start-up both do.
 */
export async function prepareDatabase(db: Database): Promise<{ applied: string[]; geindexeerd: number }> {
  const applied = await migrate(db);
  await syncReferenceData(db);
  const geindexeerd = await indexMissingPersons(db);
  return { applied, geindexeerd };
}
