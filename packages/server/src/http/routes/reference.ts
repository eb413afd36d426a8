import { GEWELDSVORMEN, ORGANISATIETYPEN } from '@samenveilig/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { regionOverview } from '../../repositories/regions.js';
import { VERSION } from '../../version.js';

const gemeente = z.object({
  code: z.string(),
  naam: z.string(),
  inwoners: z.number().int(),
  inwonersPeildatum: z.string(),
  inwonersBron: z.string(),
});
const regio = z.object({
  id: z.string(),
  naam: z.string(),
  centrumgemeente: z.object({ code: z.string(), naam: z.string() }),
  bron: z.string(),
  gemeenten: z.array(gemeente),
  totalen: z.object({ adviezen: z.number().int(), meldingen: z.number().int() }),
});

export const referenceRoutes: FastifyPluginAsyncZod<{ db: Database; config: Config }> = async (app, { db, config }) => {
  app.get(
    '/api/v1/installatie',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['referentie'],
        summary: 'About this installation',
        response: {
          200: z.object({ naam: z.string(), versie: z.string(), demo: z.boolean(), database: z.enum(['pglite', 'postgres']), sso: z.boolean() }),
        },
      },
    },
    async () => ({ naam: 'Samen Veilig', versie: VERSION, demo: config.demo, database: db.kind, sso: config.oidc !== undefined }),
  );

  app.get(
    '/api/v1/regios',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['referentie'],
        summary: 'Regions with their gemeenten and total numbers of adviezen and meldingen (aggregates only)',
        response: { 200: z.array(regio) },
      },
    },
    async () => regionOverview(db),
  );

  app.get(
    '/api/v1/referentie/geweldsvormen',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['referentie'],
        summary: 'Taxonomy of forms of violence',
        response: { 200: z.array(z.object({ code: z.string(), naam: z.string(), categorie: z.string().nullable(), omschrijving: z.string() })) },
      },
    },
    async () => GEWELDSVORMEN.map((v) => ({ ...v })),
  );

  app.get(
    '/api/v1/referentie/organisatietypen',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['referentie'],
        summary: 'Organisation types of the chain',
        response: { 200: z.array(z.object({ code: z.string(), naam: z.string(), omschrijving: z.string() })) },
      },
    },
    async () => ORGANISATIETYPEN.map((o) => ({ ...o })),
  );
};
