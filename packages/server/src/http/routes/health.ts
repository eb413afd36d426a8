import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { migrationStatus } from '../../db/migrate.js';

export const healthRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/healthz',
    {
      config: { permission: 'public' },
      schema: { tags: ['status'], summary: 'Process is up', response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );

  const ready = z.object({
    status: z.enum(['ready', 'not-ready']),
    database: z.enum(['pglite', 'postgres']),
    reachable: z.boolean(),
    migrations: z.object({ applied: z.number().int(), pending: z.array(z.string()) }),
  });
  app.get(
    '/readyz',
    {
      config: { permission: 'public' },
      schema: { tags: ['status'], summary: 'Database reachable and migrations current', response: { 200: ready, 503: ready } },
    },
    async (_req, reply) => {
      try {
        const s = await migrationStatus(db);
        const ok = s.pending.length === 0;
        return reply.status(ok ? 200 : 503).send({
          status: ok ? 'ready' : 'not-ready',
          database: db.kind,
          reachable: true,
          migrations: { applied: s.applied.length, pending: s.pending },
        });
      } catch {
        return reply.status(503).send({ status: 'not-ready', database: db.kind, reachable: false, migrations: { applied: 0, pending: [] } });
      }
    },
  );
};
