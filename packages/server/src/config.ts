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

/** An optional variable where an empty value counts as not set; check returns a message when the value is bad. */
const optionalChecked = (name: string, check: (v: string) => string | undefined) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      const problem = check(v);
      if (problem !== undefined) {
        ctx.addIssue({ code: 'custom', message: `${name} ${problem}` });
        return z.NEVER;
      }
      return v;
    });

const parseUrl = (v: string): URL | undefined => {
  try {
    return new URL(v);
  } catch {
    return undefined;
  }
};

// An address, or a display name with the address in angle brackets.
const MAIL_ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;
const isMailbox = (v: string) => {
  const named = /^[^<>\r\n]*<([^<>]+)>$/.exec(v.trim());
  return MAIL_ADDRESS.test(named ? named[1]! : v);
};

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
  SAMENVEILIG_TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx): false | number | string[] => {
      if (v === undefined || v === '' || v === 'false' || v === '0') return false;
      if (v === 'true') return 1; // one reverse proxy in front: trust only its own hop
      if (/^\d+$/.test(v)) return Number(v);
      const list = v.split(',').map((x) => x.trim()).filter(Boolean);
      if (list.length > 0 && list.every((x) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(x))) return list;
      ctx.addIssue({ code: 'custom', message: 'SAMENVEILIG_TRUST_PROXY must be false, true (one proxy), a number of proxy hops, or a comma-separated list of proxy addresses/CIDRs' });
      return z.NEVER;
    }),
  SAMENVEILIG_BODY_LIMIT: intIn('SAMENVEILIG_BODY_LIMIT', 1024, 64 * 1024 * 1024, 1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SAMENVEILIG_SESSION_IDLE_MINUTES: intIn('SAMENVEILIG_SESSION_IDLE_MINUTES', 1, 24 * 60, 30),
  SAMENVEILIG_SESSION_MAX_HOURS: intIn('SAMENVEILIG_SESSION_MAX_HOURS', 1, 7 * 24, 12),
  SAMENVEILIG_BREAK_GLASS_HOURS: intIn('SAMENVEILIG_BREAK_GLASS_HOURS', 1, 24, 4),
  SAMENVEILIG_LOGIN_MAX_FAILURES: intIn('SAMENVEILIG_LOGIN_MAX_FAILURES', 1, 100, 5),
  SAMENVEILIG_LOGIN_LOCK_MINUTES: intIn('SAMENVEILIG_LOGIN_LOCK_MINUTES', 1, 24 * 60, 15),
  SAMENVEILIG_LOGIN_RATE_PER_MINUTE: intIn('SAMENVEILIG_LOGIN_RATE_PER_MINUTE', 1, 10_000, 20),
  SAMENVEILIG_PUBLIEK_PER_UUR: intIn('SAMENVEILIG_PUBLIEK_PER_UUR', 1, 100_000, 10),
  SAMENVEILIG_OIDC_ISSUER: z.url('SAMENVEILIG_OIDC_ISSUER must be a URL').optional(),
  SAMENVEILIG_OIDC_CLIENT_ID: z.string().min(1).optional(),
  SAMENVEILIG_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  SAMENVEILIG_OIDC_REDIRECT_URI: z.url('SAMENVEILIG_OIDC_REDIRECT_URI must be a URL').optional(),
  SAMENVEILIG_OIDC_CLAIM: z.string().min(1).default('email'),
  SAMENVEILIG_SMTP_URL: optionalChecked('SAMENVEILIG_SMTP_URL', (v) => {
    const u = parseUrl(v);
    return u && (u.protocol === 'smtp:' || u.protocol === 'smtps:') && u.hostname !== ''
      ? undefined
      : 'must be an smtp:// or smtps:// URL, e.g. smtps://user:password@mail.example:465';
  }),
  SAMENVEILIG_SMTP_FROM: optionalChecked('SAMENVEILIG_SMTP_FROM', (v) =>
    isMailbox(v) ? undefined : 'must be an e-mail address, e.g. noreply@regio.example or "Samen Veilig <noreply@regio.example>"',
  ),
  SAMENVEILIG_PUBLIEKE_URL: optionalChecked('SAMENVEILIG_PUBLIEKE_URL', (v) => {
    const u = parseUrl(v);
    return u && (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password && !u.search && !u.hash
      ? undefined
      : 'must be the http:// or https:// address users open the app at, without query or fragment, e.g. https://samenveilig.regio.example';
  }),
});

/** Variables whose values may hold credentials. */
const SECRET = new Set(['DATABASE_URL', 'SAMENVEILIG_OIDC_CLIENT_SECRET', 'SAMENVEILIG_SMTP_URL']);

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
  /** Which X-Forwarded-* hops to believe: none, a number of proxy hops, or the proxies' addresses. */
  readonly trustProxy: false | number | string[];
  readonly bodyLimit: number;
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  readonly session: { readonly idleMinutes: number; readonly maxHours: number };
  readonly breakGlassHours: number;
  readonly login: { readonly maxFailures: number; readonly lockMinutes: number; readonly ratePerMinute: number };
  /** Submissions of the public page per client address per hour. */
  readonly publiekPerUur: number;
  /** Single sign-on; present only when issuer, client id, secret and redirect URI are all set. */
  readonly oidc:
    | { readonly issuer: string; readonly clientId: string; readonly clientSecret: string; readonly redirectUri: string; readonly claim: string }
    | undefined;
  /** Notifications also by e-mail; present only when SAMENVEILIG_SMTP_URL is set (the sender address is then required). */
  readonly email: { readonly smtpUrl: string; readonly from: string } | undefined;
  /** The address users open the app at, without a trailing slash: links in e-mails start with it. */
  readonly publiekeUrl: string;
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
  const oidcVars = [e.SAMENVEILIG_OIDC_ISSUER, e.SAMENVEILIG_OIDC_CLIENT_ID, e.SAMENVEILIG_OIDC_CLIENT_SECRET, e.SAMENVEILIG_OIDC_REDIRECT_URI];
  if (oidcVars.some((v) => v !== undefined) && !oidcVars.every((v) => v !== undefined)) {
    throw new ConfigError([
      'SAMENVEILIG_OIDC_*: set all of SAMENVEILIG_OIDC_ISSUER, SAMENVEILIG_OIDC_CLIENT_ID, SAMENVEILIG_OIDC_CLIENT_SECRET and SAMENVEILIG_OIDC_REDIRECT_URI, or none',
    ]);
  }
  if (e.SAMENVEILIG_SMTP_URL !== undefined && e.SAMENVEILIG_SMTP_FROM === undefined) {
    throw new ConfigError(['SAMENVEILIG_SMTP_FROM: required when SAMENVEILIG_SMTP_URL is set (the sender address of notification e-mails)']);
  }
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
    session: { idleMinutes: e.SAMENVEILIG_SESSION_IDLE_MINUTES, maxHours: e.SAMENVEILIG_SESSION_MAX_HOURS },
    breakGlassHours: e.SAMENVEILIG_BREAK_GLASS_HOURS,
    login: {
      maxFailures: e.SAMENVEILIG_LOGIN_MAX_FAILURES,
      lockMinutes: e.SAMENVEILIG_LOGIN_LOCK_MINUTES,
      ratePerMinute: e.SAMENVEILIG_LOGIN_RATE_PER_MINUTE,
    },
    publiekPerUur: e.SAMENVEILIG_PUBLIEK_PER_UUR,
    oidc: e.SAMENVEILIG_OIDC_ISSUER
      ? {
          issuer: e.SAMENVEILIG_OIDC_ISSUER,
          clientId: e.SAMENVEILIG_OIDC_CLIENT_ID!,
          clientSecret: e.SAMENVEILIG_OIDC_CLIENT_SECRET!,
          redirectUri: e.SAMENVEILIG_OIDC_REDIRECT_URI!,
          claim: e.SAMENVEILIG_OIDC_CLAIM,
        }
      : undefined,
    email: e.SAMENVEILIG_SMTP_URL !== undefined ? { smtpUrl: e.SAMENVEILIG_SMTP_URL, from: e.SAMENVEILIG_SMTP_FROM! } : undefined,
    publiekeUrl: (e.SAMENVEILIG_PUBLIEKE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
  });
}
