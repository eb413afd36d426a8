/**
 * The figures (issue 6): the dashboard answer, its downloads, and the region's disclosure setting. Thin:
 * validation here, everything else in src/cijfers (definitions in the domain).
 */
import { PERIODE_SOORTEN } from '@samenveilig/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EXPORT_FORMATEN, exporteerCijfers } from '../../cijfers/export.js';
import { cijfersVoor, getCijferInstellingen, updateCijferInstellingen } from '../../cijfers/repository.js';
import type { Database } from '../../db/database.js';
import { actorOf, auditBase } from '../security.js';

const periode = z.string().trim().regex(/^\d{4}(-[KH]\d)?$/, 'gebruik een jaar (2025), een halfjaar (2025-H1) of een kwartaal (2025-K3)').describe('"2025", "2025-H1" or "2025-K3"');
const vraag = z
  .object({
    periode,
    regio: z.string().trim().regex(/^[a-z0-9-]{1,60}$/, 'een regio-id of "nl"').optional().describe('a region id or "nl" (the whole installation); default the own region'),
    gemeente: z.string().trim().regex(/^GM\d{4}$/, 'een CBS-gemeentecode zoals GM0200').optional().describe('a CBS gemeentecode of the region'),
  })
  .strict();

const cel = z.union([
  z.object({ status: z.literal('zichtbaar'), waarde: z.number() }),
  z.object({ status: z.literal('klein') }),
  z.object({ status: z.literal('geheim') }),
  z.object({ status: z.literal('nvt') }),
]);
const cijfers = z.record(z.string(), cel);

const antwoord = z.object({
  periode: z.object({ sleutel: z.string(), soort: z.enum(PERIODE_SOORTEN), naam: z.string(), van: z.string(), tot: z.string() }),
  gebied: z.object({ soort: z.enum(['installatie', 'regio', 'gemeente']), code: z.string(), naam: z.string() }),
  beschermd: z.boolean().describe('true for aggregate-only roles: small cells "<5" (klein), secondary suppression "x" (geheim)'),
  afronden: z.boolean().describe('visible counts are rounded to multiples of 5'),
  bijgewerktOp: z.string().describe('every change before this instant is in the figures'),
  definities: z.array(z.object({ code: z.string(), naam: z.string(), eenheid: z.string(), variabele: z.string(), cbs: z.string().nullable() })),
  totaal: cijfers,
  delen: z.array(z.object({ soort: z.enum(['regio', 'gemeente']), code: z.string(), naam: z.string(), cijfers })),
  reeks: z.array(z.object({ periode: z.string(), naam: z.string(), cijfers })),
});

const instellingen = z.object({ afronden: z.boolean(), versie: z.number().int() });

export const cijferRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/v1/cijfers',
    {
      config: { permission: { resource: 'cijfers', action: 'read' } },
      schema: {
        tags: ['cijfers'],
        summary: 'Monitoring figures of a period for the installation ("nl"), the own region or one of its gemeenten, with the areas one level down and five years of the same kind of period',
        querystring: vraag,
        response: { 200: antwoord },
      },
    },
    async (req) => cijfersVoor(db, actorOf(req), auditBase(req), req.query),
  );

  app.get(
    '/api/v1/cijfers/export',
    {
      config: { permission: { resource: 'cijfers', action: 'read' } },
      schema: {
        tags: ['cijfers'],
        summary: 'The same figures as a download: csv or xlsx (one row per area), or cbs (the CBS-style long format as CSV); audited',
        querystring: vraag.extend({ formaat: z.enum(EXPORT_FORMATEN) }).strict(),
      },
    },
    async (req, reply) => {
      const d = await exporteerCijfers(db, actorOf(req), auditBase(req), req.query);
      return reply.header('content-type', d.contentType).header('content-disposition', `attachment; filename="${d.bestandsnaam}"`).send(d.inhoud);
    },
  );

  app.get(
    '/api/v1/beheer/instellingen/cijfers',
    {
      config: { permission: { resource: 'beheer', action: 'read' } },
      schema: { tags: ['beheer'], summary: 'The region’s disclosure setting of the figures: round visible counts to multiples of 5 for aggregate-only roles', response: { 200: instellingen } },
    },
    async (req) => getCijferInstellingen(db, actorOf(req).regionId),
  );

  app.put(
    '/api/v1/beheer/instellingen/cijfers',
    {
      config: { permission: { resource: 'beheer', action: 'update' } },
      schema: {
        tags: ['beheer'],
        summary: 'Change the disclosure setting; versie guards against a concurrent change (409)',
        body: z.object({ afronden: z.boolean(), versie: z.number().int().min(0) }).strict(),
        response: { 200: instellingen },
      },
    },
    async (req) => updateCijferInstellingen(db, actorOf(req), auditBase(req), req.body),
  );
};
