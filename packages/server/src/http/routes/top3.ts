/**
 * TOP-3 sessions of a household's veiligheidsplan: start a session with its participants, each participant's
 * matters with scores and reasons, the proposed and the chosen top-3 (which become the plan's goals of the
 * phase), and the score trends for charts. The rule of the proposal: packages/domain/src/top3.ts and docs/top3.md.
 */
import { DEELNEMER_SOORTEN, FASEN, top3InbrengSchema } from '@samenveilig/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { listSessies, startSessie, stelVast, trends, zetInbreng } from '../../repositories/top3.js';
import { actorOf, auditBase } from '../security.js';
import { ref } from './schemas.js';

const idParam = z.object({ id: z.string().max(100) });
const sessieParam = z.object({ sessieId: z.string().max(100) });
const versie = z.number().int().min(0).describe('the version of the session the change was made on; another one is a 409');
const fase = z.enum(FASEN);
const status = z.enum(['open', 'vastgesteld']);
const onderwerpRef = z.object({ onderwerpId: z.string(), tekst: z.string() });

const deelnemerInvoer = z.discriminatedUnion('soort', [
  z.object({ soort: z.literal('gezinslid'), personId: z.uuid('ongeldige id') }).strict().describe('a member of the household (a person id of the dossier)'),
  z.object({ soort: z.literal('kind'), personId: z.uuid('ongeldige id') }).strict().describe('a child of the household, where appropriate'),
  z.object({ soort: z.literal('netwerk'), naam: z.string().trim().min(1, 'noem de naam').max(200, 'maximaal 200 tekens') }).strict().describe('someone of the network, by name'),
  z.object({ soort: z.literal('professional'), userId: z.uuid('ongeldige id') }).strict().describe('an active user of the region'),
]);

const deelnemerSchema = z.object({
  id: z.string(),
  soort: z.enum(DEELNEMER_SOORTEN),
  naam: z.string(),
  personId: z.string().nullable(),
  userId: z.string().nullable(),
  inbreng: z.array(z.object({ onderwerpId: z.string(), tekst: z.string(), score: z.number().int(), reden: z.string() })).describe('in the order named'),
});

export const sessieSchema = z.object({
  id: z.string(),
  huishoudenId: z.string(),
  fase,
  gehoudenOp: z.string(),
  status,
  versie: z.number().int(),
  aangemaaktDoor: ref,
  vastgesteldDoor: ref.nullable(),
  vastgesteldOp: z.string().nullable(),
  deelnemers: z.array(deelnemerSchema).describe('household members, children, network, professionals; by name within each'),
  voorstel: z
    .array(
      z.object({
        onderwerpId: z.string(),
        tekst: z.string(),
        gewicht: z.number().int().describe('the sum of 7 − score over all mentions'),
        vermeldingen: z.number().int(),
        laagsteScore: z.number().int(),
        gemiddeldeScore: z.number(),
      }),
    )
    .describe('the proposed top-3 over all entries so far, most urgent first (docs/top3.md)'),
  kiesbaar: z.array(onderwerpRef).describe('the matters that may be chosen: named in this session and not scored 6 (safe) by everyone'),
  gekozen: z.array(onderwerpRef).describe('the confirmed top-3 (empty while open)'),
});

const punt = { sessieId: z.string(), gehoudenOp: z.string(), fase };

const trendsSchema = z.object({
  huishoudenId: z.string(),
  sessies: z.array(z.object({ ...punt, status })).describe('every session, oldest first: the time axis'),
  onderwerpen: z
    .array(
      z.object({
        onderwerpId: z.string(),
        tekst: z.string(),
        punten: z.array(
          z.object({
            ...punt,
            gemiddelde: z.number().describe('average score of the session, one decimal'),
            laagste: z.number().int(),
            vermeldingen: z.number().int(),
            gekozen: z.boolean().describe('in the top-3 the session confirmed'),
          }),
        ),
      }),
    )
    .describe('per matter (in the order first named), one point per session that named it, oldest first'),
  deelnemers: z
    .array(
      z.object({
        sleutel: z.string().describe("'persoon:<person id>', 'gebruiker:<user id>' or 'netwerk:<name>': the same participant across sessions"),
        soort: z.enum(DEELNEMER_SOORTEN),
        naam: z.string().describe('as in their latest session'),
        personId: z.string().nullable(),
        userId: z.string().nullable(),
        sessies: z.array(z.string()).describe('the sessions they took part in, oldest first'),
        reeksen: z.array(z.object({ onderwerpId: z.string(), tekst: z.string(), punten: z.array(z.object({ ...punt, score: z.number().int() })) })).describe('per matter they scored, oldest first'),
      }),
    )
    .describe('per participant'),
});

export const top3Routes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.post(
    '/api/v1/huishoudens/:id/top3',
    {
      config: { permission: { resource: 'veiligheidsplan', action: 'create' } },
      schema: {
        tags: ['veiligheidsplan'],
        summary: "A new TOP-3 session for the plan's current phase with its participants; 409 when the household has no plan",
        params: idParam,
        body: z
          .object({
            deelnemers: z.array(deelnemerInvoer).min(1, 'noem ten minste één deelnemer').max(40, 'ten hoogste 40 deelnemers'),
            gehoudenOp: z.iso.datetime({ offset: true, message: 'verwacht een moment (ISO 8601)' }).optional().describe('when the session was held; default now'),
          })
          .strict(),
        response: { 201: sessieSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await startSessie(db, actorOf(req), auditBase(req), req.params.id, req.body)),
  );

  app.get(
    '/api/v1/huishoudens/:id/top3',
    {
      config: { permission: { resource: 'veiligheidsplan', action: 'read' } },
      schema: {
        tags: ['veiligheidsplan'],
        summary: "The household's TOP-3 sessions (newest first) with participants, entries, proposal and choice, and the matters named so far",
        params: idParam,
        response: {
          200: z.object({
            huishoudenId: z.string(),
            plan: z.object({ fase, versie: z.number().int() }).nullable().describe('null: no plan yet, so no sessions'),
            onderwerpen: z
              .array(z.object({ id: z.string(), tekst: z.string(), sessies: z.number().int(), laatstGenoemdOp: z.string() }))
              .describe("the household's matters named in any session, by text: pass the id as onderwerpId to name one again"),
            sessies: z.array(sessieSchema),
          }),
        },
      },
    },
    async (req) => listSessies(db, actorOf(req), auditBase(req), req.params.id),
  );

  app.put(
    '/api/v1/top3/:sessieId/inbreng/:deelnemerId',
    {
      config: { permission: { resource: 'veiligheidsplan', action: 'update' } },
      schema: {
        tags: ['veiligheidsplan'],
        summary: "A participant's matters (up to three, each with a score 1-6 and a reason), replacing their previous entry, while the session is open",
        params: z.object({ sessieId: z.string().max(100), deelnemerId: z.string().max(100) }),
        body: z
          .object({
            inbreng: top3InbrengSchema.describe('each item: a matter named before (onderwerpId; its text is kept) or a new text, matched to a known matter by its key'),
            versie,
          })
          .strict(),
        response: { 200: sessieSchema },
      },
    },
    async (req) => zetInbreng(db, actorOf(req), auditBase(req), req.params.sessieId, req.params.deelnemerId, req.body),
  );

  app.post(
    '/api/v1/top3/:sessieId/vaststellen',
    {
      config: { permission: { resource: 'veiligheidsplan', action: 'update' } },
      schema: {
        tags: ['veiligheidsplan'],
        summary: "The participants' top-3 (the proposal or their own choice): closes the session and makes the chosen matters the plan's goals of the phase",
        params: sessieParam,
        body: z
          .object({
            gekozen: z.array(z.uuid('ongeldige id')).max(10).describe('onderwerp ids, most urgent first'),
            toelichting: z.string().trim().min(1).max(1000, 'maximaal 1000 tekens').optional().describe('why, e.g. when the proposal was changed; kept with the plan version'),
            versie,
          })
          .strict(),
        response: { 200: z.object({ sessie: sessieSchema, plan: z.object({ fase, versie: z.number().int().describe("the plan's new version") }) }) },
      },
    },
    async (req) => stelVast(db, actorOf(req), auditBase(req), req.params.sessieId, req.body),
  );

  app.get(
    '/api/v1/huishoudens/:id/top3/trends',
    {
      config: { permission: { resource: 'veiligheidsplan', action: 'read' } },
      schema: {
        tags: ['veiligheidsplan'],
        summary: 'Scores over time for charts: per matter the average and lowest score per session, per participant their score per matter per session',
        params: idParam,
        response: { 200: trendsSchema },
      },
    },
    async (req) => trends(db, actorOf(req), auditBase(req), req.params.id),
  );
};
