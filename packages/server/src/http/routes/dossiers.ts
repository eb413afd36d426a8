/** Household dossiers: list (in scope only), one dossier (out of scope = 404), notes of an organisation, break-glass. */
import { FASEN, NOTITIE_KLASSEN, REGIE_SOORTEN, RELATIE_TYPES } from '@samenveilig/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { addNotitie, getHousehold, listHouseholds, openBreakGlass } from '../../repositories/dossiers.js';
import { AppError } from '../errors.js';
import { actorOf, auditBase } from '../security.js';

const gemeente = z.object({ code: z.string(), naam: z.string() });
const dossier = z.object({
  id: z.string(),
  viaBreakGlass: z.object({ tot: z.string(), reden: z.string() }).nullable(),
  actief: z.object({ sinds: z.string(), afgeslotenOp: z.string().nullable() }).nullable().describe('an active dossier: under regie since the accepted handover'),
  regie: z
    .array(z.object({ soort: z.enum(REGIE_SOORTEN), userId: z.string(), naam: z.string(), email: z.string(), organisatie: z.string(), sinds: z.string() }))
    .describe('who has regie now and how to reach them'),
  regieVoorstellen: z.array(z.object({ id: z.string(), soort: z.enum(REGIE_SOORTEN), naar: z.string(), voorgesteldDoor: z.string(), voorgesteldOp: z.string() })),
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
      identiteitId: z.string().describe('registrations the radar confirmed to be one person share this id; every registration is kept'),
    }),
  ),
  relaties: z.array(z.object({ van: z.string(), naar: z.string(), type: z.enum(RELATIE_TYPES) })).describe('van is <type> of naar, e.g. ouder, ex-partner'),
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
      beoordeling: z.object({ id: z.string(), status: z.string(), besluit: z.string().nullable(), afgerondOp: z.string().nullable() }).nullable(),
    }),
  ),
  plan: z.object({ fase: z.enum(FASEN), versie: z.number().int(), faseSinds: z.string() }).nullable(),
  controlemomenten: z.array(
    z.object({ id: z.string(), maanden: z.number().int(), geplandOp: z.string(), status: z.enum(['gepland', 'afgerond']), uitkomst: z.enum(['veilig', 'zorgen', 'onveilig']).nullable() }),
  ),
  notities: z.array(z.object({ id: z.string(), klasse: z.string(), tekst: z.string(), organisatie: z.string(), aangemaaktOp: z.string(), prive: z.boolean() })),
  betrokkenOrganisaties: z.array(z.object({ naam: z.string(), type: z.string(), grondslag: z.string(), persoon: z.string().nullable() })),
  tijdlijn: z.array(
    z.object({ op: z.string(), soort: z.enum(['contact', 'besluit', 'overdracht', 'regie', 'plan', 'fase', 'controle', 'top3']), tekst: z.string(), door: z.string().nullable() }),
  ),
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

  app.post(
    '/api/v1/huishoudens/:id/notities',
    {
      config: { permission: { resource: 'notitie', action: 'create' } },
      schema: {
        tags: ['dossiers'],
        summary: "A note of the user's organisation on a household; never part of the shared plan or its print",
        description: 'klasse medisch and seksueel-geweld are readable only by the roles the access policy names; prive: only the own organisation reads it.',
        params: idParam,
        body: z
          .object({
            klasse: z.enum(NOTITIE_KLASSEN, { error: 'kies algemeen, medisch of seksueel-geweld' }).default('algemeen'),
            tekst: z.string().trim().min(1, 'vul de notitie in').max(4000, 'de notitie is langer dan 4000 tekens'),
            prive: z.boolean().default(false),
          })
          .strict(),
        response: { 201: z.object({ id: z.string(), aangemaaktOp: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await addNotitie(db, actorOf(req), auditBase(req), req.params.id, req.body)),
  );
};
