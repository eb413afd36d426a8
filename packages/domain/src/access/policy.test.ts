import { describe, expect, it } from 'vitest';
import { can, dossierScope, isInvolved, type Actor, type Involvement, type Resource } from './policy.js';
import { requiresSecondFactor, ROLLEN, type Rol } from './roles.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const actor = (roles: Rol[], over: Partial<Actor> = {}): Actor => ({
  kind: 'user',
  id: 'u1',
  regionId: 'r1',
  organisationId: 'org-vt',
  teamId: 'team-a',
  roles,
  breakGlass: [],
  ...over,
});
const vtInvolved: Involvement[] = [{ organisationId: 'org-vt', teamId: null, userId: null }];
const household = (involvements: Involvement[], regionId = 'r1'): Resource => ({ type: 'huishouden', regionId, householdId: 'h1', involvements });

describe('need-to-know on a household dossier', () => {
  it.each(ROLLEN)('%s: may read only when the organisation is involved', (rol) => {
    const dossierRole = ['vt-medewerker', 'vt-gedragswetenschapper', 'lokaal-team', 'opvang', 'csg', 'zvh-coordinator'].includes(rol);
    expect(can(actor([rol]), 'read', household(vtInvolved), NOW)).toBe(dossierRole);
    expect(can(actor([rol]), 'read', household([{ organisationId: 'org-other', teamId: null, userId: null }]), NOW)).toBe(false);
    expect(can(actor([rol]), 'read', household(vtInvolved, 'r2'), NOW)).toBe(false);
  });

  it('within an organisation: only the assigned team, or the assigned user', () => {
    const teamB: Involvement[] = [{ organisationId: 'org-vt', teamId: 'team-b', userId: null }];
    expect(can(actor(['lokaal-team']), 'read', household(teamB), NOW)).toBe(false);
    expect(can(actor(['lokaal-team'], { teamId: 'team-b' }), 'read', household(teamB), NOW)).toBe(true);
    const assigned: Involvement[] = [{ organisationId: 'org-vt', teamId: null, userId: 'u2' }];
    expect(can(actor(['lokaal-team']), 'read', household(assigned), NOW)).toBe(false);
    expect(can(actor(['lokaal-team'], { id: 'u2' }), 'read', household(assigned), NOW)).toBe(true);
  });

  it('an actor without an organisation is never involved', () => {
    expect(isInvolved(actor(['vt-medewerker'], { organisationId: null }), vtInvolved)).toBe(false);
  });

  it('break-glass opens one household until it expires, and never another region', () => {
    const bg = actor(['vt-medewerker'], { organisationId: 'org-x', breakGlass: [{ householdId: 'h1', until: new Date('2026-06-01T16:00:00Z') }] });
    expect(can(bg, 'read', household([]), NOW)).toBe(true);
    expect(can(bg, 'read', household([]), new Date('2026-06-01T16:00:01Z'))).toBe(false);
    expect(can(bg, 'read', { ...household([]), householdId: 'h2' } as Resource, NOW)).toBe(false);
    expect(can(bg, 'read', household([], 'r2'), NOW)).toBe(false);
  });

  it('dossierScope matches can(): none for roles without dossier access', () => {
    for (const rol of ROLLEN) {
      const scope = dossierScope(actor([rol]), NOW);
      expect(scope.kind === 'scoped').toBe(can(actor([rol]), 'list', household(vtInvolved), NOW));
    }
    const bg = actor(['vt-medewerker'], {
      breakGlass: [
        { householdId: 'h1', until: new Date('2026-06-01T13:00:00Z') },
        { householdId: 'h-old', until: new Date('2026-06-01T11:00:00Z') },
      ],
    });
    expect(dossierScope(bg, NOW)).toMatchObject({ kind: 'scoped', breakGlassHouseholdIds: ['h1'] });
  });
});

describe('protected fields', () => {
  it('melder identity: Veilig Thuis only, and only in scope', () => {
    const res: Resource = { type: 'melder-identiteit', regionId: 'r1', householdId: 'h1', involvements: vtInvolved };
    for (const rol of ROLLEN) expect(can(actor([rol]), 'read', res, NOW)).toBe(rol === 'vt-medewerker' || rol === 'vt-gedragswetenschapper');
    expect(can(actor(['vt-medewerker'], { organisationId: 'org-other' }), 'read', res, NOW)).toBe(false);
  });

  it('geheim adres: the holding organisation and the casusregisseur only', () => {
    const res: Resource = { type: 'geheim-adres', regionId: 'r1', holderOrganisationId: 'org-opvang', casusregisseurUserId: 'u-regie' };
    expect(can(actor(['opvang'], { organisationId: 'org-opvang' }), 'read', res, NOW)).toBe(true);
    expect(can(actor(['lokaal-team'], { organisationId: 'org-lt', id: 'u-regie' }), 'read', res, NOW)).toBe(true);
    expect(can(actor(['vt-medewerker']), 'read', res, NOW)).toBe(false);
    expect(can(actor(['privacy-officer'], { organisationId: 'org-opvang' }), 'read', res, NOW)).toBe(false);
  });

  it('note classes: medical and sexual-violence details need a role of that class; private notes stay in the organisation', () => {
    const note = (klasse: 'algemeen' | 'medisch' | 'seksueel-geweld', prive: string | null = null): Resource => ({
      type: 'notitie',
      regionId: 'r1',
      householdId: 'h1',
      involvements: [...vtInvolved, { organisationId: 'org-lt', teamId: null, userId: null }],
      klasse,
      priveVoorOrganisatie: prive,
    });
    const lt = actor(['lokaal-team'], { organisationId: 'org-lt' });
    expect(can(lt, 'read', note('algemeen'), NOW)).toBe(true);
    expect(can(lt, 'read', note('medisch'), NOW)).toBe(false);
    expect(can(lt, 'read', note('seksueel-geweld'), NOW)).toBe(false);
    expect(can(actor(['vt-medewerker']), 'read', note('medisch'), NOW)).toBe(true);
    expect(can(lt, 'read', note('algemeen', 'org-vt'), NOW)).toBe(false);
    expect(can(actor(['vt-medewerker']), 'read', note('algemeen', 'org-vt'), NOW)).toBe(true);
  });
});

describe('administrative resources', () => {
  it.each([
    ['audit', 'read', ['privacy-officer']],
    ['beheer', 'update', ['functioneel-beheerder']],
    ['cijfers', 'read', ['beleidsmedewerker', 'vt-medewerker', 'vt-gedragswetenschapper', 'zvh-coordinator']],
  ] as const)('%s is for %j only', (type, action, allowed) => {
    for (const rol of ROLLEN) expect(can(actor([rol]), action, { type, regionId: 'r1' } as Resource, NOW)).toBe((allowed as readonly string[]).includes(rol));
    expect(can(actor([allowed[0]]), action, { type, regionId: 'r2' } as Resource, NOW)).toBe(false);
  });

  it('functioneel beheerder and privacy officer have no dossier access by default', () => {
    expect(can(actor(['functioneel-beheerder']), 'read', household(vtInvolved), NOW)).toBe(false);
    expect(can(actor(['privacy-officer']), 'read', household(vtInvolved), NOW)).toBe(false);
  });

  it('break-glass is for VT and crisis roles', () => {
    for (const rol of ROLLEN)
      expect(can(actor([rol]), 'create', { type: 'break-glass', regionId: 'r1', householdId: 'h1' }, NOW)).toBe(
        ['vt-medewerker', 'vt-gedragswetenschapper', 'zvh-coordinator'].includes(rol),
      );
  });

  it('the system actor of background jobs stays in its region and cannot break glass', () => {
    const sys: Actor = { kind: 'system', id: 'system:test', regionId: 'r1', organisationId: null, teamId: null, roles: [], breakGlass: [] };
    expect(can(sys, 'read', household([]), NOW)).toBe(true);
    expect(can(sys, 'read', household([], 'r2'), NOW)).toBe(false);
    expect(can(sys, 'create', { type: 'break-glass', regionId: 'r1', householdId: 'h1' }, NOW)).toBe(false);
  });
});

describe('second factor', () => {
  it('is mandatory for every role that can see personal data', () => {
    for (const rol of ROLLEN) expect(requiresSecondFactor([rol])).toBe(rol !== 'beleidsmedewerker');
    expect(requiresSecondFactor(['beleidsmedewerker', 'vt-medewerker'])).toBe(true);
  });
});

describe('mayAttempt: the role part of can()', () => {
  it('agrees with can() on an involved record for every role, action and type', async () => {
    const { mayAttempt } = await import('./policy.js');
    for (const rol of ROLLEN) {
      const a = actor([rol]);
      expect(mayAttempt(a, 'read', 'huishouden')).toBe(can(a, 'read', household(vtInvolved), NOW));
      expect(mayAttempt(a, 'read', 'audit')).toBe(can(a, 'read', { type: 'audit', regionId: 'r1' }, NOW));
      expect(mayAttempt(a, 'update', 'beheer')).toBe(can(a, 'update', { type: 'beheer', regionId: 'r1' }, NOW));
      expect(mayAttempt(a, 'create', 'break-glass')).toBe(can(a, 'create', { type: 'break-glass', regionId: 'r1', householdId: 'h' }, NOW));
    }
  });
});

describe('the front door resources', () => {
  const VT = ['vt-medewerker', 'vt-gedragswetenschapper'];

  it('the queue and the assessment are for Veilig Thuis; confirming (review) for its gedragswetenschapper only', () => {
    for (const rol of ROLLEN) {
      for (const action of ['read', 'list', 'create', 'update'] as const)
        expect(can(actor([rol]), action, { type: 'beoordeling', regionId: 'r1' }, NOW), `${rol} ${action}`).toBe(VT.includes(rol));
      expect(can(actor([rol]), 'review', { type: 'beoordeling', regionId: 'r1' }, NOW), rol).toBe(rol === 'vt-gedragswetenschapper');
      expect(can(actor([rol]), 'update', { type: 'radar', regionId: 'r1' }, NOW), rol).toBe(VT.includes(rol));
    }
    expect(can(actor(['vt-gedragswetenschapper']), 'review', { type: 'beoordeling', regionId: 'r2' }, NOW)).toBe(false);
  });

  it('a contact is in scope like its household; one without a household belongs to Veilig Thuis', () => {
    const withHh = { type: 'contact', regionId: 'r1', householdId: 'h1', involvements: vtInvolved } as const;
    const noHh = { type: 'contact', regionId: 'r1', householdId: null, involvements: [] } as const;
    for (const rol of ROLLEN) {
      const dossierRole = ['vt-medewerker', 'vt-gedragswetenschapper', 'lokaal-team', 'opvang', 'csg', 'zvh-coordinator'].includes(rol);
      expect(can(actor([rol]), 'read', withHh, NOW), rol).toBe(dossierRole);
      expect(can(actor([rol]), 'update', withHh, NOW), rol).toBe(VT.includes(rol));
      expect(can(actor([rol]), 'read', noHh, NOW), rol).toBe(VT.includes(rol));
    }
    expect(can(actor(['vt-medewerker'], { organisationId: 'org-x' }), 'read', withHh, NOW)).toBe(false);
  });

  it('a handover is read and answered by the receiving organisation, and its team when one is named', () => {
    const o = (teamId: string | null) => ({ type: 'overdracht', regionId: 'r1', naarOrganisationId: 'org-lt', naarTeamId: teamId }) as const;
    const lt = actor(['lokaal-team'], { organisationId: 'org-lt', teamId: 'team-a' });
    expect(can(lt, 'review', o(null), NOW)).toBe(true);
    expect(can(lt, 'review', o('team-a'), NOW)).toBe(true);
    expect(can(lt, 'review', o('team-b'), NOW)).toBe(false);
    expect(can(actor(['lokaal-team'], { organisationId: 'org-other' }), 'read', o(null), NOW)).toBe(false);
    expect(can(actor(['politie'], { organisationId: 'org-lt' }), 'read', o(null), NOW)).toBe(false);
    expect(can(actor(['beleidsmedewerker'], { organisationId: 'org-lt' }), 'read', o(null), NOW)).toBe(false);
  });

  it('drafts and notifications belong to their user', () => {
    expect(can(actor(['vt-medewerker']), 'update', { type: 'intake-concept', regionId: 'r1', userId: 'u1' }, NOW)).toBe(true);
    expect(can(actor(['vt-medewerker']), 'read', { type: 'intake-concept', regionId: 'r1', userId: 'u2' }, NOW)).toBe(false);
    expect(can(actor(['lokaal-team']), 'read', { type: 'intake-concept', regionId: 'r1', userId: 'u1' }, NOW)).toBe(false);
    for (const rol of ROLLEN) {
      expect(can(actor([rol]), 'read', { type: 'notificatie', regionId: 'r1', userId: 'u1' }, NOW)).toBe(true);
      expect(can(actor([rol]), 'read', { type: 'notificatie', regionId: 'r1', userId: 'u2' }, NOW)).toBe(false);
    }
  });

  it('the HTTP import: Veilig Thuis, police and the functioneel beheerder', () => {
    for (const rol of ROLLEN)
      expect(can(actor([rol]), 'create', { type: 'import', regionId: 'r1' }, NOW), rol).toBe([...VT, 'politie', 'functioneel-beheerder'].includes(rol));
  });

  it('mayAttempt agrees with can() for the new resources', async () => {
    const { mayAttempt } = await import('./policy.js');
    for (const rol of ROLLEN) {
      const a = actor([rol]);
      expect(mayAttempt(a, 'review', 'beoordeling')).toBe(can(a, 'review', { type: 'beoordeling', regionId: 'r1' }, NOW));
      expect(mayAttempt(a, 'update', 'radar')).toBe(can(a, 'update', { type: 'radar', regionId: 'r1' }, NOW));
      expect(mayAttempt(a, 'create', 'import')).toBe(can(a, 'create', { type: 'import', regionId: 'r1' }, NOW));
      expect(mayAttempt(a, 'list', 'notificatie')).toBe(true);
    }
  });
});

describe('the household plan and regie proposals', () => {
  const plan = (involvements: Involvement[], regionId = 'r1'): Resource => ({ type: 'veiligheidsplan', regionId, householdId: 'h1', involvements });
  const DOSSIER = ['vt-medewerker', 'vt-gedragswetenschapper', 'lokaal-team', 'opvang', 'csg', 'zvh-coordinator'];

  it.each(ROLLEN)('%s: reads and changes the shared plan only when involved; nobody lists plans', (rol) => {
    for (const action of ['read', 'update', 'create'] as const) {
      expect(can(actor([rol]), action, plan(vtInvolved), NOW), action).toBe(DOSSIER.includes(rol));
      expect(can(actor([rol]), action, plan([{ organisationId: 'org-other', teamId: null, userId: null }]), NOW)).toBe(false);
      expect(can(actor([rol]), action, plan(vtInvolved, 'r2'), NOW)).toBe(false);
    }
    expect(can(actor([rol]), 'list', plan(vtInvolved), NOW)).toBe(false);
  });

  it('break-glass opens the plan of that household too', () => {
    const bg = actor(['zvh-coordinator'], { breakGlass: [{ householdId: 'h1', until: new Date(NOW.getTime() + 3_600_000) }] });
    expect(can(bg, 'read', plan([]), NOW)).toBe(true);
    expect(can(bg, 'read', plan([]), new Date(NOW.getTime() + 7_200_000))).toBe(false);
  });

  it.each(ROLLEN)('%s: a regie proposal is seen and answered by its receiver only, with a regie role', (rol) => {
    const aanMij: Resource = { type: 'regie-voorstel', regionId: 'r1', naarUserId: 'u1' };
    const aanAnder: Resource = { type: 'regie-voorstel', regionId: 'r1', naarUserId: 'u2' };
    const regie = REGIE.includes(rol);
    for (const action of ['read', 'list', 'review'] as const) {
      expect(can(actor([rol]), action, aanMij, NOW)).toBe(regie);
      expect(can(actor([rol]), action, aanAnder, NOW)).toBe(false);
    }
    expect(can(actor([rol]), 'update', aanMij, NOW)).toBe(false);
  });
});
const REGIE: string[] = ['lokaal-team', 'vt-medewerker', 'vt-gedragswetenschapper', 'opvang', 'csg', 'zvh-coordinator'];
