/** Screens of the privacy officer: inzage per person and per user, break-glass review, chain verification. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit, verifyAudit } from '../../audit/chain.js';
import type { Database } from '../../db/database.js';
import { auditTrail, breakGlassQueue, findPersons, reviewBreakGlass } from '../../repositories/privacy.js';
import { actorOf, auditBase } from '../security.js';

const perm = (action: 'read' | 'list' | 'review') => ({ permission: { resource: 'audit' as const, action } });
const trailRow = z.object({
  op: z.string(),
  actor: z.object({ id: z.string(), naam: z.string() }).nullable(),
  organisatie: z.string().nullable(),
  rol: z.string().nullable(),
  actie: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  doel: z.string().nullable(),
  uitkomst: z.string(),
});
const idParam = z.object({ id: z.string().max(100) });

export const privacyRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/v1/privacy/personen',
    {
      config: perm('read'),
      schema: {
        tags: ['privacy'],
        summary: 'Find a person (exact surname or BSN) for an inzage request',
        querystring: z.object({ zoek: z.string().trim().min(2).max(100) }).strict(),
        response: { 200: z.array(z.object({ id: z.string(), naam: z.string(), geboortedatum: z.string().nullable() })) },
      },
    },
    async (req) => findPersons(db, actorOf(req), auditBase(req), req.query.zoek),
  );

  app.get(
    '/api/v1/privacy/audit/persoon/:id',
    { config: perm('read'), schema: { tags: ['privacy'], summary: 'Who saw or changed this person’s data, when and why', params: idParam, response: { 200: z.array(trailRow) } } },
    async (req) => auditTrail(db, actorOf(req), auditBase(req), { persoon: req.params.id }),
  );

  app.get(
    '/api/v1/privacy/audit/gebruiker/:id',
    { config: perm('read'), schema: { tags: ['privacy'], summary: 'What this user did', params: idParam, response: { 200: z.array(trailRow) } } },
    async (req) => auditTrail(db, actorOf(req), auditBase(req), { gebruiker: req.params.id }),
  );

  app.get(
    '/api/v1/privacy/break-glass',
    {
      config: perm('list'),
      schema: {
        tags: ['privacy'],
        summary: 'Break-glass review queue',
        querystring: z.object({ status: z.enum(['open', 'alle']).default('open') }).strict(),
        response: {
          200: z.array(
            z.object({ id: z.string(), gebruiker: z.object({ id: z.string(), naam: z.string() }), huishoudenId: z.string(), reden: z.string(), geopendOp: z.string(), tot: z.string(), beoordeling: z.string() }),
          ),
        },
      },
    },
    async (req) => breakGlassQueue(db, actorOf(req), auditBase(req), req.query.status),
  );

  app.post(
    '/api/v1/privacy/break-glass/:id/beoordeling',
    {
      config: perm('review'),
      schema: {
        tags: ['privacy'],
        summary: 'Decide on a break-glass access',
        params: idParam,
        body: z.object({ beoordeling: z.enum(['terecht', 'onterecht']), toelichting: z.string().trim().min(3).max(2000) }).strict(),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      await reviewBreakGlass(db, actorOf(req), auditBase(req), req.params.id, req.body.beoordeling, req.body.toelichting);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/privacy/audit/verificatie',
    {
      config: perm('read'),
      schema: {
        tags: ['privacy'],
        summary: 'Verify the hash chain of this region’s audit trail',
        response: {
          200: z.object({ ok: z.boolean(), ketens: z.array(z.object({ regionId: z.string(), entries: z.number().int() })).optional(), regel: z.number().int().optional(), reden: z.string().optional() }),
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const r = await verifyAudit(db, actor.regionId);
      await db.transaction((tx) => appendAudit(tx, [{ ...auditBase(req), regionId: actor.regionId, actie: 'privacy.audit-verificatie', uitkomst: r.ok ? 'intact' : 'gebroken' }]));
      return r.ok ? { ok: true, ketens: r.chains } : { ok: false, regel: r.seq, reden: r.reason };
    },
  );
};
