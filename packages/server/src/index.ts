export { loadConfig, ConfigError, type Config } from './config.js';
export { openDatabase, openPglite, openPostgres, type Database, type Queryable } from './db/database.js';
export { migrate, migrationStatus, readMigrations } from './db/migrate.js';
export { prepareDatabase } from './db/setup.js';
export { importLines, type ImportSummary, type LoadOptions } from './import/loader.js';
export { buildApp } from './http/app.js';
export { generateContacts, regionalVolume, NATIONAL_MELDINGEN_PER_YEAR } from './generator/index.js';
