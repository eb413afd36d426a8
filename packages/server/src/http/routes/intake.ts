/**
 * The channels into Veilig Thuis: the intake screen (with drafts and live radar), the professionals'
 * form, the public page and the JSON Lines import. All end in the same validation, radar and deadlines
 * (repositories/intake.ts). Input rules are the domain's schemas; handlers only pass them on.
 */
import { contactSchema, professionalContactSchema, publiekContactSchema } from '@samenveilig/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { deleteConcept, getConcept, listConcepten, saveConcept } from '../../repositories/concepten.js';
import { importHttp, intakeProfessional, intakePubliek, intakeVeiligThuis } from '../../repositories/intake.js';
import { radarVoorbeeld } from '../../radar/kandidaten.js';
import { AppError } from '../errors.js';
import { actorOf, auditBase } from '../security.js';
import { bekendePersoonSchema, fieldResultSchema } from './schemas.js';

const resultaat = z.object({
  contactId: z.string(),
  type: z.enum(['advies', 'melding']),
  nieuw: z.boolean().describe('false when the same submission was stored before'),
  deadline: z.string().nullable().describe('deadline of the veiligheidsbeoordeling (melding only)'),
  acuut: z.boolean(),
  radarKandidaten: z.number().int(),
});
const concept = z.object({ id: z.string(), data: z.record(z.string(), z.unknown()), aangemaaktOp: z.string(), bijgewerktOp: z.string(), versie: z.number().int() });
const idParam = z.object({ id: z.string().max(100) });
/** The body of a draft is the intake screen's own state; it is checked only when submitted. */
const conceptData = z.record(z.string(), z.unknown()).refine((d) => JSON.stringify(d).length <= 200_000, 'een concept is maximaal 200 kB');

const radarPersoon = z
  .object({
    ref: z.string().min(1).max(40),
    voornamen: z.string().trim().max(200).optional(),
    roepnaam: z.string().trim().max(60).optional(),
    tussenvoegsel: z.string().trim().max(20).optional(),
    achternaam: z.string().trim().max(200).optional(),
    geboortedatum: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'verwacht JJJJ-MM-DD')
      .optional(),
    geslacht: z.string().max(20).optional(),
    bsn: z.string().regex(/^\d{9}$/, 'BSN moet 9 cijfers zijn').optional(),
    straat: z.string().trim().max(120).optional(),
    huisnummer: z.number().int().min(1).max(99999).optional(),
    postcode: z.string().trim().max(10).optional(),
    woonplaats: z.string().trim().max(80).optional(),
  })
  .strict();

export const intakeRoutes: FastifyPluginAsyncZod<{ db: Database; config: Config }> = async (app, { db, config }) => {
  app.post(
    '/api/v1/intake',
    {
      // The intake screen is Veilig Thuis' own: it creates the melding's assessment.
      config: { permission: { resource: 'beoordeling', action: 'create' } },
      schema: {
        tags: ['intake'],
        summary: 'Register an advies or melding from the intake screen (phone, chat); a draft id makes it idempotent',
        body: z.object({ conceptId: z.uuid().optional(), contact: contactSchema.describe('a contact: the import format without externalId') }).strict(),
        response: { 201: resultaat, 200: resultaat },
      },
    },
    async (req, reply) => {
      const r = await intakeVeiligThuis(db, actorOf(req), auditBase(req), { conceptId: req.body.conceptId, contact: req.body.contact });
      return reply.status(r.nieuw ? 201 : 200).send(r);
    },
  );

  app.get(
    '/api/v1/intake/concepten',
    {
      config: { permission: { resource: 'intake-concept', action: 'list' } },
      schema: { tags: ['intake'], summary: 'My drafts on the intake screen that were not submitted', response: { 200: z.array(concept) } },
    },
    async (req) => listConcepten(db, actorOf(req), auditBase(req)),
  );

  app.get(
    '/api/v1/intake/concepten/:id',
    {
      config: { permission: { resource: 'intake-concept', action: 'read' } },
      schema: { tags: ['intake'], summary: 'One of my drafts', params: idParam, response: { 200: concept } },
    },
    async (req) => {
      const c = await getConcept(db, actorOf(req), auditBase(req), req.params.id);
      if (!c) throw new AppError('niet_gevonden', 'Concept niet gevonden.');
      return c;
    },
  );

  app.put(
    '/api/v1/intake/concepten/:id',
    {
      config: { permission: { resource: 'intake-concept', action: 'update' } },
      schema: {
        tags: ['intake'],
        summary: 'Save a draft (create with versie 0); a draft changed elsewhere since versie is a 409',
        params: idParam,
        body: z.object({ data: conceptData, versie: z.number().int().min(0) }).strict(),
        response: { 200: concept },
      },
    },
    async (req) => saveConcept(db, actorOf(req), auditBase(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/intake/concepten/:id',
    {
      config: { permission: { resource: 'intake-concept', action: 'update' } },
      schema: { tags: ['intake'], summary: 'Discard a draft', params: idParam, response: { 204: z.null() } },
    },
    async (req, reply) => {
      if (!(await deleteConcept(db, actorOf(req), auditBase(req), req.params.id))) throw new AppError('niet_gevonden', 'Concept niet gevonden.');
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/radar/zoeken',
    {
      config: { permission: { resource: 'radar', action: 'read' } },
      schema: {
        tags: ['radar'],
        summary: 'Known persons and households for the persons typed so far (nothing is stored)',
        body: z.object({ personen: z.array(radarPersoon).min(1).max(30) }).strict(),
        response: {
          200: z.array(
            z.object({
              ref: z.string(),
              kandidaten: z.array(z.object({ kandidaat: bekendePersoonSchema, kans: z.number(), uitleg: z.array(fieldResultSchema) })),
            }),
          ),
        },
      },
    },
    async (req) =>
      radarVoorbeeld(
        db,
        actorOf(req),
        auditBase(req),
        req.body.personen.map(({ ref, ...p }) => ({
          ref,
          persoon: {
            voornamen: p.voornamen ?? null,
            roepnaam: p.roepnaam ?? null,
            tussenvoegsel: p.tussenvoegsel ?? null,
            achternaam: p.achternaam ?? null,
            geboortedatum: p.geboortedatum ?? null,
            geslacht: p.geslacht ?? null,
            bsn: p.bsn ?? null,
            straat: p.straat ?? null,
            huisnummer: p.huisnummer ?? null,
            huisnummer_toevoeging: null,
            postcode: p.postcode ?? null,
            woonplaats: p.woonplaats ?? null,
          },
        })),
      ),
  );

  app.post(
    '/api/v1/contacten/professional',
    {
      config: { permission: { resource: 'contact-invoer', action: 'create' } },
      schema: {
        tags: ['intake'],
        summary: 'A professional of a chain organisation asks for advice or reports (identifiable; Veilig Thuis registers it)',
        body: professionalContactSchema,
        response: { 201: resultaat, 200: resultaat },
      },
    },
    async (req, reply) => {
      const info = req.auth!.info;
      const r = await intakeProfessional(
        db,
        actorOf(req),
        auditBase(req),
        { naam: info.naam, email: info.email, organisatie: info.organisatie?.naam ?? '', organisatieType: info.organisatie?.type ?? 'overig' },
        req.body,
      );
      return reply.status(r.nieuw ? 201 : 200).send(r);
    },
  );

  app.post(
    '/api/v1/publiek/contact',
    {
      config: { permission: 'public', rateLimit: { max: config.publiekPerUur, timeWindow: '1 hour' } },
      schema: {
        tags: ['publiek'],
        summary: 'A citizen reports or asks for advice (no login; anonymous allowed; rate limited)',
        body: publiekContactSchema,
        response: { 201: z.object({ referentie: z.string(), soort: z.enum(['advies', 'melding']) }) },
      },
    },
    async (req, reply) => {
      // A form filled in by a robot (the hidden field) is answered like any other, and stored nowhere.
      if (req.body.website) return reply.status(201).send({ referentie: req.body.sleutel.slice(0, 8).toUpperCase(), soort: req.body.soort });
      const r = await intakePubliek(db, auditBase(req), req.body);
      return reply.status(201).send({ referentie: r.contactId.slice(-8).toUpperCase(), soort: r.type });
    },
  );

  // JSON Lines arrive as text; the parser keeps them as one string for the import to read line by line.
  app.addContentTypeParser(['application/x-ndjson', 'application/jsonl', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.post(
    '/api/v1/import',
    {
      config: { permission: { resource: 'import', action: 'create' } },
      schema: {
        tags: ['intake'],
        summary: 'Import contacts as JSON Lines (application/x-ndjson): all lines are checked first; with any error nothing is stored',
        querystring: z.object({ bron: z.string().regex(/^[A-Za-z0-9._:-]{1,60}$/, 'alleen letters, cijfers en . _ : -').default('http-import') }).strict(),
        body: z.string().max(64 * 1024 * 1024),
        response: {
          200: z.object({
            opgeslagen: z.number().int(),
            alAanwezig: z.number().int(),
            aantalFouten: z.number().int(),
            fouten: z.array(z.object({ line: z.number().int(), path: z.string(), message: z.string() })),
          }),
          400: z.object({
            error: z.object({ code: z.string(), message: z.string(), requestId: z.string(), issues: z.array(z.object({ path: z.string(), message: z.string() })).optional() }),
          }),
        },
      },
    },
    async (req, reply) => {
      const r = await importHttp(db, actorOf(req), auditBase(req), req.body, { bron: req.query.bron });
      if (r.aantalFouten > 0) {
        throw new AppError(
          'ongeldige_invoer',
          `Niets geïmporteerd: ${r.aantalFouten} fout(en). ${r.fouten
            .slice(0, 5)
            .map((f) => `regel ${f.line}${f.path ? `, ${f.path}` : ''}: ${f.message}`)
            .join('; ')}`,
          r.fouten.map((f) => ({ path: `regel ${f.line}${f.path ? `.${f.path}` : ''}`, message: f.message })),
        );
      }
      return reply.send(r);
    },
  );
};

