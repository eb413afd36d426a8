/**
 * The one validated schema for every environment variable the server reads.
 * A bad or missing value stops start-up with a message naming the variable.
 */
import { z } from 'zod';

const bool = (name: string, fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: `${name} must be true or false` })
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1' || v === 'yes'));

const intIn = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

const envSchema = z.object({
  PORT: intIn('PORT', 0, 65535, 3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
    .optional(),
  SAMENVEILIG_DATA_DIR: z.string().min(1).default('./data'),
  SAMENVEILIG_DEMO: z.string().optional(),
  SAMENVEILIG_DEMO_YEARS: intIn('SAMENVEILIG_DEMO_YEARS', 1, 10, 3),
  SAMENVEILIG_DEMO_SEED: intIn('SAMENVEILIG_DEMO_SEED', 0, 2_147_483_647, 20261122),
  SAMENVEILIG_TRUST_PROXY: bool('SAMENVEILIG_TRUST_PROXY', false),
  SAMENVEILIG_BODY_LIMIT: intIn('SAMENVEILIG_BODY_LIMIT', 1024, 64 * 1024 * 1024, 1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Variables whose values may hold credentials. */
const SECRET = new Set(['DATABASE_URL']);

export interface Config {
  readonly port: number;
  readonly host: string;
  /** PostgreSQL server URL; when absent the embedded PGlite database under dataDir is used. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** Demo mode: load a synthetic demo region into an empty database and print demo accounts. */
  readonly demo: boolean;
  readonly demoYears: number;
  readonly demoSeed: number;
  readonly trustProxy: boolean;
  readonly bodyLimit: number;
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => {
        const name = String(i.path[0] ?? '');
        const got = env[name];
        // Values of secret variables are never echoed; others only when short.
        const shown = got === undefined ? ' (not set)' : SECRET.has(name) || got.length > 40 ? '' : ` (got ${JSON.stringify(got)})`;
        return `${name}: ${i.message}${shown}`;
      }),
    );
  }
  const e = result.data;
  const demo = bool('SAMENVEILIG_DEMO', e.DATABASE_URL === undefined).safeParse(e.SAMENVEILIG_DEMO);
  if (!demo.success) throw new ConfigError([`SAMENVEILIG_DEMO: must be true or false (got ${JSON.stringify(e.SAMENVEILIG_DEMO)})`]);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.SAMENVEILIG_DATA_DIR,
    demo: demo.data,
    demoYears: e.SAMENVEILIG_DEMO_YEARS,
    demoSeed: e.SAMENVEILIG_DEMO_SEED,
    trustProxy: e.SAMENVEILIG_TRUST_PROXY,
    bodyLimit: e.SAMENVEILIG_BODY_LIMIT,
    logLevel: e.LOG_LEVEL,
  });
}
