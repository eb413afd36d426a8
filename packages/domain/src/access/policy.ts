/**
 * The access policy: one function, can(actor, action, resource), used for every decision, and
 * dossierScope(actor), the same rule in the shape the data layer turns into SQL for lists.
 * Deny by default: anything not granted below is refused.
 */
import { AGGREGATE_ONLY_ROLLEN, BREAK_GLASS_ROLLEN, REGIE_ROLLEN, VT_ROLLEN, type Rol } from './roles.js';

export interface Actor {
  readonly kind: 'user' | 'system';
  /** User id, or the name of a background job for the system actor ("system:deadline-job"). */
  readonly id: string;
  readonly regionId: string;
  readonly organisationId: string | null;
  readonly teamId: string | null;
  readonly roles: readonly Rol[];
  /** Households opened through break-glass, each until a moment. */
  readonly breakGlass: readonly { readonly householdId: string; readonly until: Date }[];
}

/** An organisation's involvement with a household: the basis of need-to-know. */
export interface Involvement {
  readonly organisationId: string;
  /** Within the organisation only this team (null: the whole organisation). */
  readonly teamId: string | null;
  /** Within the organisation only this user (an assignment, e.g. casusregisseur). */
  readonly userId: string | null;
}

/** Field classes of notes that need more than being involved. */
export const NOTITIE_KLASSEN = ['algemeen', 'medisch', 'seksueel-geweld'] as const;
export type NotitieKlasse = (typeof NOTITIE_KLASSEN)[number];

const KLASSE_ROLLEN: Record<NotitieKlasse, readonly Rol[]> = {
  algemeen: ['vt-medewerker', 'vt-gedragswetenschapper', 'lokaal-team', 'opvang', 'csg', 'zvh-coordinator'],
  medisch: ['vt-medewerker', 'vt-gedragswetenschapper', 'csg'],
  'seksueel-geweld': ['vt-medewerker', 'vt-gedragswetenschapper', 'csg'],
};

/** Roles that may receive a handover for their organisation (or team). */
export const OVERDRACHT_ONTVANGER_ROLLEN: readonly Rol[] = ['lokaal-team', 'opvang', 'csg', 'zvh-coordinator', 'vt-medewerker', 'vt-gedragswetenschapper'];

/** Roles that may read a household dossier they are involved with (persons, contacts, plan). */
export const DOSSIER_ROLLEN: readonly Rol[] = ['vt-medewerker', 'vt-gedragswetenschapper', 'lokaal-team', 'opvang', 'csg', 'zvh-coordinator'];

export type Resource =
  | { readonly type: 'huishouden'; readonly regionId: string; readonly householdId: string; readonly involvements: readonly Involvement[] }
  | { readonly type: 'melder-identiteit'; readonly regionId: string; readonly householdId: string | null; readonly involvements: readonly Involvement[] }
  | {
      readonly type: 'geheim-adres';
      readonly regionId: string;
      /** The organisation that holds (registered) the secret address. */
      readonly holderOrganisationId: string | null;
      readonly casusregisseurUserId: string | null;
    }
  | {
      readonly type: 'notitie';
      readonly regionId: string;
      readonly householdId: string;
      readonly involvements: readonly Involvement[];
      readonly klasse: NotitieKlasse;
      /** A note private to its organisation is visible only within that organisation. */
      readonly priveVoorOrganisatie: string | null;
    }
  | { readonly type: 'contact-invoer'; readonly regionId: string }
  /**
   * One contact (advies or melding) with its assessment. A contact about a household is in scope like the
   * household; a contact without one (an anonymous advies) belongs to Veilig Thuis, which registered it.
   */
  | { readonly type: 'contact'; readonly regionId: string; readonly householdId: string | null; readonly involvements: readonly Involvement[] }
  /** The work queue and the veiligheidsbeoordeling; 'review' is confirming or sending back a proposed decision. */
  | { readonly type: 'beoordeling'; readonly regionId: string }
  /** Radar: candidates for known persons and households, and the decision on them. */
  | { readonly type: 'radar'; readonly regionId: string }
  /** A handover: the receiving organisation (and team, when named) reads and answers it. */
  | { readonly type: 'overdracht'; readonly regionId: string; readonly naarOrganisationId: string; readonly naarTeamId: string | null }
  /** A draft on the intake screen: its author only. */
  | { readonly type: 'intake-concept'; readonly regionId: string; readonly userId: string }
  /** A JSON Lines import over HTTP. */
  | { readonly type: 'import'; readonly regionId: string }
  /** A user's own notifications. */
  | { readonly type: 'notificatie'; readonly regionId: string; readonly userId: string }
  /**
   * The household's shared veiligheidsplan, its TOP-3 sessions and its regie: every involved
   * professional reads and writes the one plan ('review' is approving a phase change someone else proposed).
   */
  | { readonly type: 'veiligheidsplan'; readonly regionId: string; readonly householdId: string; readonly involvements: readonly Involvement[] }
  /** A proposal to take over regie: its receiver answers it. */
  | { readonly type: 'regie-voorstel'; readonly regionId: string; readonly naarUserId: string }
  | { readonly type: 'audit'; readonly regionId: string }
  | { readonly type: 'beheer'; readonly regionId: string }
  | { readonly type: 'cijfers'; readonly regionId: string }
  | { readonly type: 'break-glass'; readonly regionId: string; readonly householdId: string };

export type Action = 'read' | 'list' | 'create' | 'update' | 'review';

const has = (actor: Actor, roles: readonly Rol[]) => actor.roles.some((r) => roles.includes(r));

export function isInvolved(actor: Actor, involvements: readonly Involvement[]): boolean {
  if (actor.organisationId === null) return false;
  return involvements.some(
    (i) =>
      i.organisationId === actor.organisationId &&
      (i.userId !== null ? i.userId === actor.id : i.teamId === null || i.teamId === actor.teamId),
  );
}

export function hasBreakGlass(actor: Actor, householdId: string, now: Date): boolean {
  return actor.breakGlass.some((b) => b.householdId === householdId && b.until.getTime() > now.getTime());
}

/** In scope for a household: involved, or opened through break-glass that has not expired. */
function inScope(actor: Actor, householdId: string | null, involvements: readonly Involvement[], now: Date): boolean {
  return isInvolved(actor, involvements) || (householdId !== null && hasBreakGlass(actor, householdId, now));
}

/** The one access decision. Region first: nothing crosses regions. */
export function can(actor: Actor, action: Action, resource: Resource, now: Date = new Date()): boolean {
  if (actor.regionId !== resource.regionId) return false;
  if (actor.kind === 'system') return resource.type !== 'break-glass';
  switch (resource.type) {
    case 'huishouden':
      return (action === 'read' || action === 'list') && has(actor, DOSSIER_ROLLEN) && inScope(actor, resource.householdId, resource.involvements, now);
    case 'melder-identiteit':
      return action === 'read' && has(actor, VT_ROLLEN) && inScope(actor, resource.householdId, resource.involvements, now);
    case 'geheim-adres':
      return (
        action === 'read' &&
        has(actor, DOSSIER_ROLLEN) &&
        ((resource.holderOrganisationId !== null && resource.holderOrganisationId === actor.organisationId) ||
          (resource.casusregisseurUserId !== null && resource.casusregisseurUserId === actor.id))
      );
    case 'notitie':
      return (
        (action === 'read' || action === 'create') &&
        has(actor, KLASSE_ROLLEN[resource.klasse]) &&
        (resource.priveVoorOrganisatie === null || resource.priveVoorOrganisatie === actor.organisationId) &&
        inScope(actor, resource.householdId, resource.involvements, now)
      );
    case 'contact':
      if (resource.householdId === null) return (action === 'read' || action === 'update') && has(actor, VT_ROLLEN);
      if (action === 'update') return has(actor, VT_ROLLEN) && inScope(actor, resource.householdId, resource.involvements, now);
      return action === 'read' && has(actor, DOSSIER_ROLLEN) && inScope(actor, resource.householdId, resource.involvements, now);
    case 'beoordeling':
      if (action === 'review') return has(actor, ['vt-gedragswetenschapper']);
      return has(actor, VT_ROLLEN);
    case 'radar':
      return (action === 'read' || action === 'list' || action === 'update') && has(actor, VT_ROLLEN);
    case 'overdracht':
      return (
        (action === 'read' || action === 'list' || action === 'review') &&
        has(actor, OVERDRACHT_ONTVANGER_ROLLEN) &&
        actor.organisationId === resource.naarOrganisationId &&
        (resource.naarTeamId === null || resource.naarTeamId === actor.teamId)
      );
    case 'intake-concept':
      return (action === 'read' || action === 'list' || action === 'create' || action === 'update') && has(actor, VT_ROLLEN) && actor.id === resource.userId;
    case 'import':
      return action === 'create' && has(actor, [...VT_ROLLEN, 'politie', 'functioneel-beheerder']);
    case 'notificatie':
      return (action === 'read' || action === 'list' || action === 'update') && actor.id === resource.userId;
    case 'veiligheidsplan':
      return action !== 'list' && has(actor, DOSSIER_ROLLEN) && inScope(actor, resource.householdId, resource.involvements, now);
    case 'regie-voorstel':
      return (action === 'read' || action === 'list' || action === 'review') && has(actor, REGIE_ROLLEN) && actor.id === resource.naarUserId;
    case 'contact-invoer':
      return action === 'create' && has(actor, [...VT_ROLLEN, 'politie', 'lokaal-team', 'opvang', 'csg', 'zvh-coordinator']);
    case 'audit':
      return (action === 'read' || action === 'list' || action === 'review') && has(actor, ['privacy-officer']);
    case 'beheer':
      return has(actor, ['functioneel-beheerder']);
    case 'cijfers':
      return action === 'read' && has(actor, [...AGGREGATE_ONLY_ROLLEN, ...VT_ROLLEN, 'zvh-coordinator']);
    case 'break-glass':
      return action === 'create' && has(actor, BREAK_GLASS_ROLLEN);
  }
}

/**
 * The dossier rule of can() in the shape of a SQL filter: which households an actor may list.
 * `none`: no household at all. `scoped`: households of the region where the organisation is involved
 * (whole organisation, the actor's team, or the actor personally), plus break-glass households.
 */
export type DossierScope =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'scoped';
      readonly regionId: string;
      readonly organisationId: string | null;
      readonly teamId: string | null;
      readonly userId: string;
      readonly breakGlassHouseholdIds: readonly string[];
    };

export function dossierScope(actor: Actor, now: Date = new Date()): DossierScope {
  if (actor.kind !== 'user' || !has(actor, DOSSIER_ROLLEN)) return { kind: 'none' };
  return {
    kind: 'scoped',
    regionId: actor.regionId,
    organisationId: actor.organisationId,
    teamId: actor.teamId,
    userId: actor.id,
    breakGlassHouseholdIds: actor.breakGlass.filter((b) => b.until.getTime() > now.getTime()).map((b) => b.householdId),
  };
}

export type ResourceType = Resource['type'];

/**
 * The role part of can(): could this actor be allowed this action on some resource of this type in
 * its region? Used before a record is loaded (a route's declared permission); the record itself is
 * then checked with can(), and out of scope is "not found".
 */
export function mayAttempt(actor: Actor, action: Action, type: ResourceType): boolean {
  const everything: Involvement = { organisationId: actor.organisationId ?? '', teamId: null, userId: null };
  const probe: Record<ResourceType, Resource> = {
    huishouden: { type: 'huishouden', regionId: actor.regionId, householdId: '', involvements: [everything] },
    'melder-identiteit': { type: 'melder-identiteit', regionId: actor.regionId, householdId: null, involvements: [everything] },
    'geheim-adres': { type: 'geheim-adres', regionId: actor.regionId, holderOrganisationId: actor.organisationId, casusregisseurUserId: actor.id },
    notitie: { type: 'notitie', regionId: actor.regionId, householdId: '', involvements: [everything], klasse: 'algemeen', priveVoorOrganisatie: null },
    'contact-invoer': { type: 'contact-invoer', regionId: actor.regionId },
    contact: { type: 'contact', regionId: actor.regionId, householdId: '', involvements: [everything] },
    beoordeling: { type: 'beoordeling', regionId: actor.regionId },
    radar: { type: 'radar', regionId: actor.regionId },
    overdracht: { type: 'overdracht', regionId: actor.regionId, naarOrganisationId: actor.organisationId ?? '', naarTeamId: null },
    'intake-concept': { type: 'intake-concept', regionId: actor.regionId, userId: actor.id },
    import: { type: 'import', regionId: actor.regionId },
    notificatie: { type: 'notificatie', regionId: actor.regionId, userId: actor.id },
    veiligheidsplan: { type: 'veiligheidsplan', regionId: actor.regionId, householdId: '', involvements: [everything] },
    'regie-voorstel': { type: 'regie-voorstel', regionId: actor.regionId, naarUserId: actor.id },
    audit: { type: 'audit', regionId: actor.regionId },
    beheer: { type: 'beheer', regionId: actor.regionId },
    cijfers: { type: 'cijfers', regionId: actor.regionId },
    'break-glass': { type: 'break-glass', regionId: actor.regionId, householdId: '' },
  };
  return can(actor, action, probe[type]);
}
