import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults: embedded database under ./data, port 3000, demo on', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, dataDir: './data', databaseUrl: undefined, demo: true, logLevel: 'info' });
  });

  it('turns demo off by default when a PostgreSQL server is configured', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@localhost/db' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@localhost/db', SAMENVEILIG_DEMO: 'true' }).demo).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT: PORT must be a whole number from 0 to 65535 \(got "abc"\)/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL: DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ SAMENVEILIG_DEMO: 'maybe' }, /SAMENVEILIG_DEMO: must be true or false/],
    [{ SAMENVEILIG_DEMO_YEARS: '11' }, /SAMENVEILIG_DEMO_YEARS/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes the value of DATABASE_URL (it holds a password)', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://user:hunter2@host/db' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://user:hunter2@host/db' })).not.toThrow(/hunter2/);
  });
});
