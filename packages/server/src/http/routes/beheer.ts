/** Administration of organisations, teams and users, for the functioneel beheerder. */
import { ROLLEN } from '@samenveilig/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { createOrganisation, createTeam, createUser, listOrganisations, listUsers, unblockUser, updateUser } from '../../repositories/beheer.js';
import { actorOf, auditBase } from '../security.js';

const perm = (action: 'read' | 'list' | 'create' | 'update') => ({ permission: { resource: 'beheer' as const, action } });
const ref = z.object({ id: z.string(), naam: z.string() });
const user = z.object({
  id: z.string(),
  naam: z.string(),
  email: z.string(),
  organisatie: ref,
  team: ref.nullable(),
  rollen: z.array(z.enum(ROLLEN)),
  actief: z.boolean(),
  geblokkeerd: z.boolean(),
  versie: z.number().int(),
});
const idParam = z.object({ id: z.string().max(100) });

export const beheerRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/v1/beheer/organisaties',
    {
      config: perm('list'),
      schema: {
        tags: ['beheer'],
        summary: 'Organisations of the region with their teams',
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              naam: z.string(),
              type: z.string(),
              gemeente: z.object({ code: z.string(), naam: z.string() }).nullable(),
              teams: z.array(ref.extend({ teamleiderId: z.string().nullable(), werkgebied: z.array(z.string()), versie: z.number().int() })),
            }),
          ),
        },
      },
    },
    async (req) => listOrganisations(db, actorOf(req).regionId),
  );

  app.post(
    '/api/v1/beheer/organisaties',
    {
      config: perm('create'),
      schema: {
        tags: ['beheer'],
        summary: 'Add an organisation to the region',
        body: z.object({ naam: z.string().trim().min(2).max(200), type: z.string().min(1).max(60), gemeenteCode: z.string().regex(/^GM\d{4}$/).optional() }).strict(),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await createOrganisation(db, actorOf(req), auditBase(req), req.body)),
  );

  app.post(
    '/api/v1/beheer/organisaties/:id/teams',
    {
      config: perm('create'),
      schema: { tags: ['beheer'], summary: 'Add a team to an organisation', params: idParam, body: z.object({ naam: z.string().trim().min(2).max(200) }).strict(), response: { 201: z.object({ id: z.string() }) } },
    },
    async (req, reply) => reply.status(201).send(await createTeam(db, actorOf(req), auditBase(req), req.params.id, req.body.naam)),
  );

  app.get(
    '/api/v1/beheer/gebruikers',
    { config: perm('list'), schema: { tags: ['beheer'], summary: 'Users of the region', response: { 200: z.array(user) } } },
    async (req) => listUsers(db, actorOf(req), auditBase(req)),
  );

  app.post(
    '/api/v1/beheer/gebruikers',
    {
      config: perm('create'),
      schema: {
        tags: ['beheer'],
        summary: 'Create a user; the temporary password and TOTP secret are returned once',
        body: z
          .object({
            naam: z.string().trim().min(2).max(200),
            email: z.email('ongeldig e-mailadres').max(200),
            organisatieId: z.string().max(100),
            teamId: z.string().max(100).optional(),
            rollen: z.array(z.enum(ROLLEN)).min(1, 'kies ten minste één rol').max(ROLLEN.length),
          })
          .strict(),
        response: { 201: z.object({ gebruiker: user, tijdelijkWachtwoord: z.string(), totpSecret: z.string(), totpUri: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await createUser(db, actorOf(req), auditBase(req), req.body)),
  );

  app.patch(
    '/api/v1/beheer/gebruikers/:id',
    {
      config: perm('update'),
      schema: {
        tags: ['beheer'],
        summary: 'Change a user; versie must be the version read (409 when someone else changed it)',
        params: idParam,
        body: z
          .object({
            naam: z.string().trim().min(2).max(200).optional(),
            teamId: z.string().max(100).nullable().optional(),
            rollen: z.array(z.enum(ROLLEN)).min(1).max(ROLLEN.length).optional(),
            actief: z.boolean().optional(),
            versie: z.number().int().min(1),
          })
          .strict(),
        response: { 200: user },
      },
    },
    async (req) => updateUser(db, actorOf(req), auditBase(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/beheer/gebruikers/:id/deblokkeren',
    { config: perm('update'), schema: { tags: ['beheer'], summary: 'Lift a lockout after failed logins', params: idParam } },
    async (req, reply) => {
      await unblockUser(db, actorOf(req), auditBase(req), req.params.id);
      return reply.status(204).send();
    },
  );
};
