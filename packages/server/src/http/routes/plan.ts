/**
 * The household's shared veiligheidsplan (content, versions, phases, print), its regie (proposals the
 * receiver accepts), Veilig Thuis' check moments after a handover, and the region's plan settings.
 */
import { FASEN, planInhoudSchema, planInstellingenSchema, REGIE_SOORTEN, REGIE_VOORSTEL_STATUSSEN } from '@samenveilig/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { rondControlemomentAf } from '../../repositories/controle.js';
import { getInstellingen, updatePlanInstellingen, type Instellingen } from '../../repositories/instellingen.js';
import { beoordeelFaseVoorstel, getPlan, planAfdruk, planVersie, savePlan, wijzigFase } from '../../repositories/plan.js';
import {
  beantwoordRegieVoorstel,
  beeindigProcesregie,
  getRegieVoorstel,
  mijnRegieVoorstellen,
  regieKandidaten,
  stelRegieVoor,
  trekRegieVoorstelIn,
} from '../../repositories/regie.js';
import { AppError } from '../errors.js';
import { actorOf, auditBase } from '../security.js';
import { ref } from './schemas.js';

const idParam = z.object({ id: z.string().max(100) });
const versie = z.number().int().min(0);
const fase = z.enum(FASEN);
const notFound = (what: string) => new AppError('niet_gevonden', `${what} niet gevonden.`);

const planSchema = z.object({
  id: z.string(),
  huishoudenId: z.string(),
  fase,
  faseSinds: z.string(),
  inhoud: planInhoudSchema,
  versie: z.number().int(),
  gestartOp: z.string(),
  bijgewerktOp: z.string(),
  bijgewerktDoor: z.string().nullable(),
  criterium: z
    .object({ dagenZonderGeweld: z.number().int(), laatsteGeweld: z.string().nullable(), dagenGeweldloos: z.number().int(), gehaald: z.boolean() })
    .describe('the exit criterion of directe veiligheid: days without violence since the last melding, incident or the start of the plan'),
  faseVoorstel: z.object({ id: z.string(), naar: fase, reden: z.string(), voorgesteldDoor: ref, voorgesteldOp: z.string() }).nullable(),
  verlopenAfspraken: z.array(z.string()).describe('ids of open afspraken past their date'),
  versies: z.array(z.object({ versie: z.number().int(), fase, op: z.string(), auteur: z.string().nullable(), toelichting: z.string().nullable() })),
});

const voorstelSchema = z.object({
  id: z.string(),
  huishoudenId: z.string(),
  soort: z.enum(REGIE_SOORTEN),
  status: z.enum(REGIE_VOORSTEL_STATUSSEN),
  toelichting: z.string(),
  voorgesteldOp: z.string(),
  voorgesteldDoor: z.object({ naam: z.string(), email: z.string(), organisatie: z.string() }),
  leden: z.array(z.object({ naam: z.string(), geboortedatum: z.string().nullable() })),
  fase: fase.nullable(),
});

const planInstellingen = planInstellingenSchema.extend({ versie: z.number().int() });
const planVelden = (i: Instellingen) => ({ dagenZonderGeweld: i.dagenZonderGeweld, controleMaanden: [...i.controleMaanden], versie: i.versie });

export const planRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/v1/huishoudens/:id/plan',
    {
      config: { permission: { resource: 'veiligheidsplan', action: 'read' } },
      schema: { tags: ['veiligheidsplan'], summary: "The household's one veiligheidsplan, shared by every involved organisation", params: idParam, response: { 200: planSchema } },
    },
    async (req) => getPlan(db, actorOf(req), auditBase(req), req.params.id),
  );

  app.put(
    '/api/v1/huishoudens/:id/plan',
    {
      config: { permission: { resource: 'veiligheidsplan', action: 'update' } },
      schema: {
        tags: ['veiligheidsplan'],
        summary: 'Save the plan as a new version; a change made on an older version is a 409 that lists what the other person changed',
        params: idParam,
        body: z.object({ inhoud: planInhoudSchema, versie, toelichting: z.string().trim().max(500).optional() }).strict(),
        response: { 200: planSchema },
      },
    },
    async (req) => savePlan(db, actorOf(req), auditBase(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/huishoudens/:id/plan/versies/:versie',
    {
      config: { permission: { resource: 'veiligheidsplan', action: 'read' } },
      schema: {
        tags: ['veiligheidsplan'],
        summary: 'One version of the plan, with a readable list of what changed from the version before (or from ?van=)',
        params: z.object({ id: z.string().max(100), versie: z.coerce.number().int().min(1).max(1_000_000) }),
        querystring: z.object({ van: z.coerce.number().int().min(1).max(1_000_000).optional() }).strict(),
        response: {
          200: z.object({
            versie: z.number().int(),
            fase,
            op: z.string(),
            auteur: z.string().nullable(),
            toelichting: z.string().nullable(),
            inhoud: planInhoudSchema,
            vergelekenMet: z.number().int().nullable(),
            verschil: z.array(z.string()),
          }),
        },
      },
    },
    async (req) => planVersie(db, actorOf(req), auditBase(req), req.params.id, req.params.versie, req.query.van),
  );

  app.post(
    '/api/v1/huishoudens/:id/plan/fase',
    {
      config: { permission: { resource: 'veiligheidsplan', action: 'update' } },
      schema: {
        tags: ['veiligheidsplan'],
        summary: 'Change the phase: back always; forward when the exit criterion is met, otherwise with a reason that a second professional approves',
        params: idParam,
        body: z.object({ naar: fase, reden: z.string().trim().max(2000).optional(), versie }).strict(),
        response: { 200: planSchema },
      },
    },
    async (req) => wijzigFase(db, actorOf(req), auditBase(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/fasevoorstellen/:id/beoordeling',
    {
      config: { permission: { resource: 'veiligheidsplan', action: 'update' } },
      schema: {
        tags: ['veiligheidsplan'],
        summary: 'A second professional (not the proposer) approves or rejects a phase change without the exit criterion',
        params: idParam,
        body: z.object({ antwoord: z.enum(['goedkeuren', 'afwijzen']), toelichting: z.string().trim().max(2000).optional() }).strict(),
        response: { 200: planSchema },
      },
    },
    async (req) => beoordeelFaseVoorstel(db, actorOf(req), auditBase(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/huishoudens/:id/plan/afdruk',
    {
      config: { permission: { resource: 'veiligheidsplan', action: 'read' } },
      schema: {
        tags: ['veiligheidsplan'],
        summary: 'The plan as the household gets it on paper: no organisation notes, no melder, first names only',
        params: idParam,
        response: {
          200: z.object({
            versie: z.number().int(),
            datum: z.string(),
            fase,
            voornamen: z.array(z.string()),
            regie: z.array(z.object({ soort: z.enum(REGIE_SOORTEN), naam: z.string(), organisatie: z.string(), email: z.string() })),
            voorwaarden: z.array(z.object({ tekst: z.string(), eigenaar: z.string(), gevolg: z.string().nullable() })),
            afspraken: z.array(z.object({ wie: z.string(), wat: z.string(), wanneer: z.string(), status: z.string(), gevolg: z.string() })),
            netwerk: z.array(z.object({ naam: z.string(), relatie: z.string(), rol: z.string(), telefoon: z.string().nullable() })),
            doelen: z.array(z.string()),
          }),
        },
      },
    },
    async (req) => planAfdruk(db, actorOf(req), auditBase(req), req.params.id),
  );

  app.get(
    '/api/v1/huishoudens/:id/regie/kandidaten',
    {
      config: { permission: { resource: 'veiligheidsplan', action: 'update' } },
      schema: {
        tags: ['regie'],
        summary: 'Professionals of the region who can hold regie (to propose one); ?zoek= narrows by name, organisation or e-mail',
        params: idParam,
        querystring: z.object({ zoek: z.string().trim().max(100).optional() }).strict(),
        response: { 200: z.array(z.object({ id: z.string(), naam: z.string(), email: z.string(), organisatie: z.string(), team: z.string().nullable() })) },
      },
    },
    async (req) => regieKandidaten(db, actorOf(req), auditBase(req), req.params.id, req.query.zoek),
  );

  app.post(
    '/api/v1/huishoudens/:id/regie/voorstellen',
    {
      config: { permission: { resource: 'veiligheidsplan', action: 'update' } },
      schema: {
        tags: ['regie'],
        summary: 'Propose that another professional takes over casusregie (or takes up procesregie); regie passes only when they accept',
        params: idParam,
        body: z
          .object({
            soort: z.enum(REGIE_SOORTEN),
            naarUserId: z.string().max(100),
            toelichting: z.string().trim().min(10, 'vertel de ontvanger in ten minste 10 tekens waarom (warme overdracht)').max(4000),
          })
          .strict(),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await stelRegieVoor(db, actorOf(req), auditBase(req), req.params.id, req.body)),
  );

  app.post(
    '/api/v1/huishoudens/:id/procesregie/beeindigen',
    {
      config: { permission: { resource: 'veiligheidsplan', action: 'update' } },
      schema: { tags: ['regie'], summary: 'The procesregisseur ends procesregie when it is no longer needed', params: idParam, response: { 200: z.object({ status: z.literal('beeindigd') }) } },
    },
    async (req) => beeindigProcesregie(db, actorOf(req), auditBase(req), req.params.id),
  );

  app.get(
    '/api/v1/regie/voorstellen',
    {
      config: { permission: { resource: 'regie-voorstel', action: 'list' } },
      schema: { tags: ['regie'], summary: 'Open regie proposals to me, with what I need to decide (not the dossier)', response: { 200: z.array(voorstelSchema) } },
    },
    async (req) => mijnRegieVoorstellen(db, actorOf(req), auditBase(req)),
  );

  app.get(
    '/api/v1/regie/voorstellen/:id',
    {
      config: { permission: { resource: 'regie-voorstel', action: 'read' } },
      schema: { tags: ['regie'], summary: 'One regie proposal to me; 404 for anyone else', params: idParam, response: { 200: voorstelSchema } },
    },
    async (req) => {
      const v = await getRegieVoorstel(db, actorOf(req), auditBase(req), req.params.id);
      if (!v) throw notFound('Voorstel');
      return v;
    },
  );

  app.post(
    '/api/v1/regie/voorstellen/:id/antwoord',
    {
      config: { permission: { resource: 'regie-voorstel', action: 'review' } },
      schema: {
        tags: ['regie'],
        summary: 'Accept (regie passes to me now, my organisation becomes involved) or refuse with a reason (regie stays where it was)',
        params: idParam,
        body: z.object({ antwoord: z.enum(['accepteren', 'weigeren']), reden: z.string().trim().min(1).max(4000).optional() }).strict(),
        response: { 200: z.object({ status: z.enum(['geaccepteerd', 'geweigerd']), huishoudenId: z.string() }) },
      },
    },
    async (req) => {
      const r = await beantwoordRegieVoorstel(db, actorOf(req), auditBase(req), req.params.id, req.body);
      if (!r) throw notFound('Voorstel');
      return r;
    },
  );

  app.post(
    '/api/v1/regie/voorstellen/:id/intrekken',
    {
      config: { permission: { resource: 'veiligheidsplan', action: 'update' } },
      schema: { tags: ['regie'], summary: 'The proposer withdraws a proposal not yet answered', params: idParam, response: { 200: z.object({ status: z.literal('ingetrokken') }) } },
    },
    async (req) => {
      const r = await trekRegieVoorstelIn(db, actorOf(req), auditBase(req), req.params.id);
      if (!r) throw notFound('Voorstel');
      return r;
    },
  );

  app.post(
    '/api/v1/controlemomenten/:id/afronden',
    {
      config: { permission: { resource: 'beoordeling', action: 'update' } },
      schema: {
        tags: ['beoordeling'],
        summary: "Veilig Thuis closes a check moment after a handover with its outcome; 'zorgen' and 'onveilig' tell the regisseurs",
        params: idParam,
        body: z.object({ uitkomst: z.enum(['veilig', 'zorgen', 'onveilig']), toelichting: z.string().trim().min(5, 'beschrijf kort wat u heeft nagegaan').max(4000) }).strict(),
        response: { 200: z.object({ id: z.string(), uitkomst: z.enum(['veilig', 'zorgen', 'onveilig']) }) },
      },
    },
    async (req) => rondControlemomentAf(db, actorOf(req), auditBase(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/beheer/instellingen/plan',
    {
      config: { permission: { resource: 'beheer', action: 'read' } },
      schema: { tags: ['beheer'], summary: "The region's plan settings: the exit criterion of directe veiligheid and the check moments after a handover", response: { 200: planInstellingen } },
    },
    async (req) => planVelden(await getInstellingen(db, actorOf(req).regionId)),
  );

  app.put(
    '/api/v1/beheer/instellingen/plan',
    {
      config: { permission: { resource: 'beheer', action: 'update' } },
      schema: {
        tags: ['beheer'],
        summary: "Change the region's plan settings; check moments already planned keep their date",
        body: planInstellingenSchema.extend({ versie }).strict(),
        response: { 200: planInstellingen },
      },
    },
    async (req) => planVelden(await updatePlanInstellingen(db, actorOf(req), auditBase(req), req.body)),
  );
};
