/**
 * Builds the Fastify application: the HTTP API with Zod schemas, the generated OpenAPI document,
 * the API reference page and the web app. Route handlers stay thin; every route declares who may
 * call it (config.permission) and the app refuses to start with a route that does not.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { AppError, errorHandler } from './errors.js';
import { healthRoutes } from './routes/health.js';
import { referenceRoutes } from './routes/reference.js';
import { authRoutes } from './routes/auth.js';
import { oidcRoutes } from './routes/oidc.js';
import { dossierRoutes } from './routes/dossiers.js';
import { beheerRoutes } from './routes/beheer.js';
import { privacyRoutes } from './routes/privacy.js';
import { intakeRoutes } from './routes/intake.js';
import { meldingRoutes } from './routes/meldingen.js';
import { planRoutes } from './routes/plan.js';
import { top3Routes } from './routes/top3.js';
import { cijferRoutes } from './routes/cijfers.js';
import { registerSecurity } from './security.js';
import { VERSION } from '../version.js';

export interface AppDeps {
  config: Config;
  db: Database;
  /** Directory of the built web app; when absent only the API is served. */
  webDir?: string;
  /** Destination for the JSON logs (tests capture them). */
  logStream?: NodeJS.WritableStream;
}

/** Believe X-Forwarded-For only for the given number of proxy hops nearest to us. */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(deps.logStream ? { stream: deps.logStream } : {}),
      // Only what is needed to follow a request; never bodies, query strings or headers.
      serializers: {
        // No URL: a path or query string may hold a name or an id a person could be found by.
        req: (req) => ({ method: req.method, id: req.id }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    },
    // Fastify's own request lines are replaced by the onResponse hook below.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimit,
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    // Ids are at most 100 characters (schemas); longer path parameters reach the schema and get a 400 there.
    maxParamLength: 1000,
    // Router errors (a malformed URL) go through the same error handler as everything else.
    frameworkErrors: (err, req, reply) => {
      // These answers skip the hooks, so they get the security headers here.
      void reply.headers({
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      return errorHandler(err, req as never, reply as never);
    },
    requestIdHeader: false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  app.addHook('onRoute', (route) => {
    const permission = route.config?.permission;
    // The one exception: the static files of the web app (public by nature).
    const isStatic = route.url === '/*' || route.url === '/';
    if (!permission && isStatic) route.config = { ...route.config, permission: 'public' };
    else if (!permission) {
      throw new Error(`Route ${route.method} ${route.url} declares no permission (config.permission)`);
    }
  });
  app.addHook('onResponse', (req, reply, done) => {
    // The route pattern (/api/v1/x/:id), not the URL: no ids or search terms in logs.
    req.log.info({ method: req.method, route: req.routeOptions.url ?? 'unmatched', status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
    done();
  });

  // Security headers: a CSP without 'unsafe-inline', no framing, no sniffing, no referrer; HSTS when served over TLS.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    hsts: false, // set below, only for requests that arrived over TLS
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (req, reply) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  registerSecurity(app, { db: deps.db, config });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Samen Veilig API',
        version: VERSION,
        description: 'HTTP API of Samen Veilig. Errors have the shape { error: { code, message, issues?, requestId } }.',
      },
    },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());
  // The API reference is a page of the web app that renders /api/openapi.json (no third-party UI, so the
  // Content-Security-Policy needs no 'unsafe-inline').
  app.get('/api/docs', { config: { permission: 'public' }, schema: { hide: true } }, async (_req, reply) => reply.redirect('/api-referentie'));
  await app.register(healthRoutes, { db: deps.db });
  await app.register(referenceRoutes, { db: deps.db, config });
  await app.register(authRoutes, { db: deps.db, config });
  await app.register(oidcRoutes, { db: deps.db, config });
  await app.register(dossierRoutes, { db: deps.db, config });
  await app.register(beheerRoutes, { db: deps.db });
  await app.register(privacyRoutes, { db: deps.db });
  await app.register(intakeRoutes, { db: deps.db, config });
  await app.register(meldingRoutes, { db: deps.db });
  await app.register(planRoutes, { db: deps.db });
  await app.register(top3Routes, { db: deps.db });
  await app.register(cijferRoutes, { db: deps.db });

  const webDir = deps.webDir ?? DEFAULT_WEB_DIR;
  const hasWeb = existsSync(`${webDir}/index.html`);
  // One wildcard route serves the built files; an unknown path falls through to the handler below.
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, wildcard: true, index: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    const isApi = path.startsWith('/api/') || path === '/healthz' || path === '/readyz';
    if (hasWeb && (req.method === 'GET' || req.method === 'HEAD') && !isApi && !/\.[a-z0-9]+$/i.test(path)) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return errorHandler(new AppError('niet_gevonden', 'Niet gevonden.'), req, reply);
  });
  return app;
}
