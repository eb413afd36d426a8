/**
 * Veilig Thuis' work after intake: the queue, one contact (the melding page), the veiligheidsbeoordeling
 * with four-eyes decisions, radar decisions, handovers as the receiver sees them, notifications, and the
 * region's deadline settings and team set-up.
 */
import { beoordelingInhoudSchema, besluitSchema, contactSchema, NOTIFICATIE_SOORTEN, ONDERZOEK_UITKOMSTEN, termijnInstellingenSchema } from '@samenveilig/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { beoordeelVoorstel, saveInhoud, stelBesluitVoor, trekVoorstelIn, werkvoorraad, wijsToe } from '../../repositories/beoordelingen.js';
import { getContact, omzettenNaarMelding, trekContactIn } from '../../repositories/contacten.js';
import { getInstellingen, updateInstellingen } from '../../repositories/instellingen.js';
import { updateTeam } from '../../repositories/beheer.js';
import { ketenpartners } from '../../repositories/ketenpartners.js';
import { aantalOngelezen, listNotificaties, markGelezen } from '../../repositories/notificaties.js';
import { beantwoordOverdracht, getOverdracht, listOverdrachten } from '../../repositories/overdrachten.js';
import { beslisKandidaat } from '../../radar/kandidaten.js';
import { AppError } from '../errors.js';
import { actorOf, auditBase } from '../security.js';
import { beoordelingSchema, contactViewSchema, ref } from './schemas.js';

const idParam = z.object({ id: z.string().max(100) });
const versie = z.number().int().min(0);
const notFound = (what: string) => new AppError('niet_gevonden', `${what} niet gevonden.`);

const werkvoorraadItem = z.object({
  beoordelingId: z.string(),
  contactId: z.string(),
  status: z.string(),
  acuut: z.boolean(),
  ontvangenOp: z.string(),
  deadline: z.string(),
  gemeente: z.object({ code: z.string(), naam: z.string() }),
  team: ref.nullable(),
  toegewezenAan: ref.nullable(),
  kanaal: z.string(),
  melderType: z.string(),
  betrokkenen: z.array(z.string()),
  openRadarKandidaten: z.number().int(),
  wachtOp: z.enum(['beoordeling', 'bevestiging', 'onderzoek', 'ontvanger', 'nieuw-besluit']),
});

const overdrachtSchema = z.object({
  id: z.string(),
  status: z.enum(['voorgesteld', 'geaccepteerd', 'geweigerd']),
  soort: z.string().nullable(),
  besluitSoort: z.string(),
  van: z.object({ organisatie: z.string(), contactpersoon: z.string(), email: z.string() }),
  naar: z.object({ organisatie: ref, team: ref.nullable() }),
  gemeente: z.object({ code: z.string(), naam: z.string() }),
  toelichting: z.string(),
  voorwaarden: z.array(z.string()),
  voorgesteldOp: z.string(),
  beantwoordOp: z.string().nullable(),
  reden: z.string().nullable(),
  huishoudenId: z.string(),
  leden: z.array(z.object({ naam: z.string(), geboortedatum: z.string().nullable() })),
  versie: z.number().int(),
  regisseurKandidaten: z.array(ref).optional().describe('one handover only: who of the receiving organisation can become casusregisseur'),
});

const instellingenSchema = z.object({
  acuutMinuten: z.number().int(),
  beoordeling: z.object({ eenheid: z.enum(['werkdagen', 'uren']), aantal: z.number().int() }),
  onderzoekWeken: z.number().int(),
  versie: z.number().int(),
  opgeslagen: z.boolean(),
});

export const meldingRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/v1/werkvoorraad',
    {
      config: { permission: { resource: 'beoordeling', action: 'list' } },
      schema: {
        tags: ['beoordeling'],
        summary: "Veilig Thuis' open work, most urgent first: a team (with work that has no team), 'geen' or 'alle'",
        querystring: z.object({ team: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }).strict(),
        response: {
          200: z.object({
            items: z.array(werkvoorraadItem),
            totaal: z.number().int(),
            controles: z
              .array(
                z.object({
                  id: z.string(),
                  huishoudenId: z.string(),
                  contactId: z.string().nullable(),
                  maanden: z.number().int(),
                  geplandOp: z.string(),
                  deadline: z.string(),
                  team: ref.nullable(),
                  overgedragenAan: z.string().nullable(),
                  betrokkenen: z.array(z.string()),
                }),
              )
              .describe('check moments after a handover that are due: verify that safety was reached'),
            teams: z.array(ref),
            nu: z.string(),
          }),
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return werkvoorraad(db, actor, auditBase(req), { team: req.query.team ?? actor.teamId ?? 'alle', limit: req.query.limit });
    },
  );

  app.get(
    '/api/v1/contacten/:id',
    {
      config: { permission: { resource: 'contact', action: 'read' } },
      schema: { tags: ['beoordeling'], summary: 'One advies or melding with its persons, assessment and radar; 404 when out of scope', params: idParam, response: { 200: contactViewSchema } },
    },
    async (req) => {
      const c = await getContact(db, actorOf(req), auditBase(req), req.params.id);
      if (!c) throw notFound('Contact');
      return c;
    },
  );

  app.post(
    '/api/v1/contacten/:id/omzetten-naar-melding',
    {
      config: { permission: { resource: 'contact', action: 'update' } },
      schema: {
        tags: ['beoordeling'],
        summary: 'Convert an advies into a melding, naming the persons it left anonymous; its history is kept',
        params: idParam,
        body: z
          .object({
            reden: z.string().trim().min(5, 'geef kort de reden').max(4000),
            personen: contactSchema.shape.personen,
            relaties: contactSchema.shape.relaties,
            acuutGevaar: z.boolean().optional(),
            versie,
          })
          .strict(),
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (req) => {
      const r = await omzettenNaarMelding(db, actorOf(req), auditBase(req), req.params.id, req.body);
      if (!r) throw notFound('Contact');
      return r;
    },
  );

  app.post(
    '/api/v1/contacten/:id/intrekken',
    {
      config: { permission: { resource: 'contact', action: 'update' } },
      schema: {
        tags: ['beoordeling'],
        summary:
          'Withdraw an erroneous registration (registered twice, wrong household): it is kept but counts nowhere, and its assessment stops; already withdrawn is a 409',
        params: idParam,
        body: z
          .object({
            reden: z
              .string({ error: 'geef de reden van de intrekking' })
              .trim()
              .min(10, 'geef de reden van de intrekking (ten minste 10 tekens)')
              .max(4000, 'maximaal 4000 tekens'),
          })
          .strict(),
        response: { 200: z.object({ id: z.string(), status: z.literal('ingetrokken'), ingetrokkenOp: z.string() }) },
      },
    },
    async (req) => trekContactIn(db, actorOf(req), auditBase(req), req.params.id, req.body),
  );

  app.put(
    '/api/v1/beoordelingen/:id/inhoud',
    {
      config: { permission: { resource: 'beoordeling', action: 'update' } },
      schema: {
        tags: ['beoordeling'],
        summary: 'Save the assessment being filled in; a version changed elsewhere is a 409',
        params: idParam,
        body: z.object({ inhoud: beoordelingInhoudSchema, versie }).strict(),
        response: { 200: beoordelingSchema },
      },
    },
    async (req) => saveInhoud(db, actorOf(req), auditBase(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/beoordelingen/:id/toewijzing',
    {
      config: { permission: { resource: 'beoordeling', action: 'update' } },
      schema: {
        tags: ['beoordeling'],
        summary: 'Take a melding on (aanMij), release it, or move it to another team',
        params: idParam,
        body: z.object({ aanMij: z.boolean().optional(), teamId: z.uuid().nullable().optional(), versie }).strict(),
        response: { 200: beoordelingSchema },
      },
    },
    async (req) => wijsToe(db, actorOf(req), auditBase(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/beoordelingen/:id/besluit',
    {
      config: { permission: { resource: 'beoordeling', action: 'create' } },
      schema: {
        tags: ['beoordeling'],
        summary: 'Propose a decision; it takes effect when a second, qualified person confirms it',
        params: idParam,
        body: z.object({ besluit: besluitSchema, onderzoekUitkomst: z.enum(ONDERZOEK_UITKOMSTEN).optional(), versie }).strict(),
        response: { 200: beoordelingSchema },
      },
    },
    async (req) => stelBesluitVoor(db, actorOf(req), auditBase(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/beoordelingen/:id/besluit/intrekken',
    {
      config: { permission: { resource: 'beoordeling', action: 'update' } },
      schema: { tags: ['beoordeling'], summary: 'The proposer withdraws a proposal nobody decided on yet', params: idParam, body: z.object({ versie }).strict(), response: { 200: beoordelingSchema } },
    },
    async (req) => trekVoorstelIn(db, actorOf(req), auditBase(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/besluiten/:id/beoordeling',
    {
      config: { permission: { resource: 'beoordeling', action: 'review' } },
      schema: {
        tags: ['beoordeling'],
        summary: 'Four eyes: a gedragswetenschapper (not the proposer) confirms a proposed decision or sends it back',
        params: idParam,
        body: z
          .object({ antwoord: z.enum(['bevestigen', 'terugsturen']), toelichting: z.string().trim().min(1).max(4000).optional() })
          .strict(),
        response: { 200: beoordelingSchema },
      },
    },
    async (req) => beoordeelVoorstel(db, actorOf(req), auditBase(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/radar/kandidaten/:id/besluit',
    {
      config: { permission: { resource: 'radar', action: 'update' } },
      schema: {
        tags: ['radar'],
        summary: 'Confirm (same person; optionally join the known household) or reject (remembered) a radar candidate',
        params: idParam,
        body: z.object({ besluit: z.enum(['bevestigen', 'afwijzen']), huishoudenId: z.uuid().optional() }).strict(),
        response: { 200: z.object({ status: z.enum(['bevestigd', 'afgewezen']), huishoudenId: z.string().nullable() }) },
      },
    },
    async (req) => beslisKandidaat(db, actorOf(req), auditBase(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/ketenpartners',
    {
      config: { permission: { resource: 'beoordeling', action: 'read' } },
      schema: {
        tags: ['beoordeling'],
        summary: 'Organisations and teams of the region a melding can be handed over to',
        response: { 200: z.array(z.object({ id: z.string(), naam: z.string(), type: z.string(), gemeente: z.string().nullable(), teams: z.array(ref) })) },
      },
    },
    async (req) => ketenpartners(db, actorOf(req).regionId),
  );

  app.get(
    '/api/v1/overdrachten',
    {
      config: { permission: { resource: 'overdracht', action: 'list' } },
      schema: {
        tags: ['overdracht'],
        summary: 'Handovers to my organisation (or team): open ones, or all',
        querystring: z.object({ status: z.enum(['open', 'alle']).default('open') }).strict(),
        response: { 200: z.array(overdrachtSchema) },
      },
    },
    async (req) => listOverdrachten(db, actorOf(req), auditBase(req), { status: req.query.status }),
  );

  app.get(
    '/api/v1/overdrachten/:id',
    {
      config: { permission: { resource: 'overdracht', action: 'read' } },
      schema: { tags: ['overdracht'], summary: 'One handover as its receiver sees it; 404 for anyone else', params: idParam, response: { 200: overdrachtSchema } },
    },
    async (req) => {
      const o = await getOverdracht(db, actorOf(req), auditBase(req), req.params.id);
      if (!o) throw notFound('Overdracht');
      return o;
    },
  );

  app.post(
    '/api/v1/overdrachten/:id/antwoord',
    {
      config: { permission: { resource: 'overdracht', action: 'review' } },
      schema: {
        tags: ['overdracht'],
        summary:
          'Accept a handover (the household becomes an active dossier with its casusregisseur — the acceptor or a named colleague — and its plan) or refuse it with a reason (back to Veilig Thuis)',
        params: idParam,
        body: z
          .object({ antwoord: z.enum(['accepteren', 'weigeren']), reden: z.string().trim().min(1).max(4000).optional(), casusregisseurId: z.uuid().optional(), versie })
          .strict(),
        response: { 200: overdrachtSchema },
      },
    },
    async (req) => {
      const o = await beantwoordOverdracht(db, actorOf(req), auditBase(req), req.params.id, req.body);
      if (!o) throw notFound('Overdracht');
      return o;
    },
  );

  app.get(
    '/api/v1/notificaties',
    {
      config: { permission: { resource: 'notificatie', action: 'list' } },
      schema: {
        tags: ['notificaties'],
        summary: 'My notifications, newest first',
        querystring: z.object({ ongelezen: z.enum(['true', 'false']).default('false'), limit: z.coerce.number().int().min(1).max(200).default(50) }).strict(),
        response: {
          200: z.object({
            ongelezen: z.number().int(),
            items: z.array(z.object({ id: z.string(), soort: z.enum(NOTIFICATIE_SOORTEN), titel: z.string(), link: z.string().nullable(), aangemaaktOp: z.string(), gelezen: z.boolean() })),
          }),
        },
      },
    },
    async (req) => listNotificaties(db, actorOf(req), auditBase(req), { alleenOngelezen: req.query.ongelezen === 'true', limit: req.query.limit }),
  );

  app.get(
    '/api/v1/notificaties/aantal',
    {
      config: { permission: { resource: 'notificatie', action: 'read' } },
      schema: {
        tags: ['notificaties'],
        summary: 'How many of my notifications are unread (for the badge; a number, no personal data, not audited)',
        response: { 200: z.object({ ongelezen: z.number().int() }) },
      },
    },
    async (req) => ({ ongelezen: await aantalOngelezen(db, actorOf(req)) }),
  );

  app.post(
    '/api/v1/notificaties/:id/gelezen',
    {
      config: { permission: { resource: 'notificatie', action: 'update' } },
      schema: { tags: ['notificaties'], summary: "Mark one of my notifications read ('alle': all of them)", params: idParam, response: { 204: z.null() } },
    },
    async (req, reply) => {
      if (!(await markGelezen(db, actorOf(req), auditBase(req), req.params.id))) throw notFound('Notificatie');
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/beheer/instellingen/termijnen',
    {
      config: { permission: { resource: 'beheer', action: 'read' } },
      schema: { tags: ['beheer'], summary: "The region's deadline settings", response: { 200: instellingenSchema } },
    },
    async (req) => getInstellingen(db, actorOf(req).regionId),
  );

  app.put(
    '/api/v1/beheer/instellingen/termijnen',
    {
      config: { permission: { resource: 'beheer', action: 'update' } },
      schema: {
        tags: ['beheer'],
        summary: "Change the region's deadline settings; open meldingen get new deadlines at once",
        body: termijnInstellingenSchema.extend({ versie }),
        response: { 200: z.object({ instellingen: instellingenSchema, herberekend: z.number().int() }) },
      },
    },
    async (req) => updateInstellingen(db, actorOf(req), auditBase(req), req.body),
  );

  app.put(
    '/api/v1/beheer/teams/:id',
    {
      config: { permission: { resource: 'beheer', action: 'update' } },
      schema: {
        tags: ['beheer'],
        summary: "A team's lead (told of overdue work) and the gemeenten it serves (their meldingen enter its queue)",
        params: idParam,
        body: z
          .object({ teamleiderId: z.uuid().nullable(), werkgebied: z.array(z.string().regex(/^GM\d{4}$/, 'verwacht een CBS-gemeentecode')).max(100), versie })
          .strict(),
        response: { 200: z.object({ id: z.string(), teamleiderId: z.string().nullable(), werkgebied: z.array(z.string()), versie: z.number().int() }) },
      },
    },
    async (req) => updateTeam(db, actorOf(req), auditBase(req), req.params.id, req.body),
  );
};
