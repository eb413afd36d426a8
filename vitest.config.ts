import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = { '@samenveilig/domain': fileURLToPath(new URL('./packages/domain/src/index.ts', import.meta.url)) };

/**
 * One test run for the whole repository:
 * - domain: pure unit tests;
 * - server-pglite: integration tests on an embedded PGlite database;
 * - server-postgres: the same integration suite on PostgreSQL, only when TEST_DATABASE_URL is set;
 * - e2e: browser tests against the built server (npm test builds first).
 */
const projects = [
  { resolve: { alias }, test: { name: 'domain', include: ['packages/domain/src/**/*.test.ts'] } },
  {
    resolve: { alias },
    test: {
      name: 'server-pglite',
      include: ['packages/server/src/**/*.test.ts'],
      env: { SV_TEST_DB: 'pglite' },
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  },
  ...(process.env.TEST_DATABASE_URL
    ? [
        {
          resolve: { alias },
          test: {
            name: 'server-postgres',
            include: ['packages/server/src/**/*.test.ts'],
            exclude: ['packages/server/src/generator/**'],
            env: { SV_TEST_DB: 'postgres' },
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
      ]
    : []),
  {
    resolve: { alias },
    test: { name: 'e2e', include: ['e2e/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000, fileParallelism: false },
  },
];

export default defineConfig({ test: { projects } });
