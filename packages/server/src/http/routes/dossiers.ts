/** Household dossiers: list (in scope only), one dossier (out of scope = 404), break-glass. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { getHousehold, listHouseholds, openBreakGlass } from '../../repositories/dossiers.js';
import { AppError } from '../errors.js';
import { actorOf, auditBase } from '../security.js';

const gemeente = z.object({ code: z.string(), naam: z.string() });
const dossier = z.object({
  id: z.string(),
  viaBreakGlass: z.object({ tot: z.string(), reden: z.string() }).nullable(),
  leden: z.array(
    z.object({
      id: z.string(),
      voornamen: z.string().nullable(),
      roepnaam: z.string().nullable(),
      tussenvoegsel: z.string().nullable(),
      achternaam: z.string().nullable(),
      geboortedatum: z.string().nullable(),
      geslacht: z.string(),
      bsn: z.string().nullable(),
      adres: z
        .object({ straat: z.string(), huisnummer: z.number(), huisnummerToevoeging: z.string().nullable(), postcode: z.string(), woonplaats: z.string() })
        .nullable(),
      adresAfgeschermd: z.boolean(),
    }),
  ),
  contacten: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      ontvangenOp: z.string(),
      kanaal: z.string(),
      gemeente,
      melder: z.object({
        type: z.string(),
        sector: z.string().nullable(),
        relatie: z.string().nullable(),
        anoniem: z.boolean(),
        identiteit: z
          .object({ naam: z.string().nullable(), organisatie: z.string().nullable(), telefoon: z.string().nullable(), email: z.string().nullable() })
          .nullable()
          .describe('visible to Veilig Thuis only'),
      }),
      rollen: z.array(z.object({ persoonId: z.string(), rol: z.string() })),
      geweldsvormen: z.array(z.string()),
      omschrijving: z.string().nullable(),
      acuutGevaar: z.boolean(),
    }),
  ),
  notities: z.array(z.object({ id: z.string(), klasse: z.string(), tekst: z.string(), organisatie: z.string(), aangemaaktOp: z.string(), prive: z.boolean() })),
  betrokkenOrganisaties: z.array(z.object({ naam: z.string(), type: z.string(), grondslag: z.string() })),
});
const idParam = z.object({ id: z.string().max(100) });
const notFound = () => new AppError('niet_gevonden', 'Dossier niet gevonden.');

export const dossierRoutes: FastifyPluginAsyncZod<{ db: Database; config: Config }> = async (app, { db, config }) => {
  app.get(
    '/api/v1/huishoudens',
    {
      config: { permission: { resource: 'huishouden', action: 'list' } },
      schema: {
        tags: ['dossiers'],
        summary: 'Households the user may see (need-to-know), newest contact first',
        querystring: z.object({
          pagina: z.coerce.number().int().min(1).max(100_000).default(1),
          perPagina: z.coerce.number().int().min(1).max(100).default(25),
        }).strict(),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                gemeente: gemeente.nullable(),
                leden: z.array(z.object({ id: z.string(), naam: z.string() })),
                aantalContacten: z.number().int(),
                laatsteContactOp: z.string().nullable(),
              }),
            ),
            pagina: z.number().int(),
            perPagina: z.number().int(),
            totaal: z.number().int(),
          }),
        },
      },
    },
    async (req) => {
      const { pagina, perPagina } = req.query;
      const r = await listHouseholds(db, actorOf(req), auditBase(req), { pagina, perPagina });
      return { ...r, pagina, perPagina };
    },
  );

  app.get(
    '/api/v1/huishoudens/:id',
    {
      config: { permission: { resource: 'huishouden', action: 'read' } },
      schema: { tags: ['dossiers'], summary: 'One household dossier; 404 when it does not exist or is out of scope', params: idParam, response: { 200: dossier } },
    },
    async (req) => {
      const d = await getHousehold(db, actorOf(req), auditBase(req), req.params.id);
      if (!d) throw notFound();
      return d;
    },
  );

  app.post(
    '/api/v1/huishoudens/:id/break-glass',
    {
      config: { permission: { resource: 'break-glass', action: 'create' } },
      schema: {
        tags: ['dossiers'],
        summary: 'Open an out-of-scope dossier in a crisis, with a reason; time-boxed and reviewed by the privacy officer',
        params: idParam,
        body: z.object({ reden: z.string().trim().min(10, 'geef een reden van ten minste 10 tekens').max(2000) }).strict(),
        response: { 201: z.object({ tot: z.string() }) },
      },
    },
    async (req, reply) => {
      const r = await openBreakGlass(db, actorOf(req), auditBase(req), req.params.id, req.body.reden, config.breakGlassHours);
      if (!r) throw notFound();
      return reply.status(201).send(r);
    },
  );
};
