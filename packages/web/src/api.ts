/**
 * Typed access to the Samen Veilig JSON API (same origin, /api/v1).
 * Every failure becomes an ApiError with a Dutch message that can be shown to the user as is.
 */

export interface Installatie {
  naam: string;
  versie: string;
  demo: boolean;
  database: 'pglite' | 'postgres';
  /** True when single sign-on (OpenID Connect) is configured. */
  sso?: boolean;
}

export interface Gemeente {
  /** CBS gemeentecode, e.g. "GM0200". */
  code: string;
  naam: string;
  inwoners: number;
  /** ISO date, e.g. "2024-01-01". */
  inwonersPeildatum: string;
  inwonersBron: string;
}

export interface Regio {
  id: string;
  naam: string;
  centrumgemeente: { code: string; naam: string };
  bron: string;
  gemeenten: Gemeente[];
  /** Aggregate counts only; never data about persons. */
  totalen: { adviezen: number; meldingen: number };
}

export interface Geweldsvorm {
  code: string;
  naam: string;
  /** Code of the category this form belongs to; null for a category itself. */
  categorie: string | null;
  omschrijving: string;
}

export interface Organisatietype {
  code: string;
  naam: string;
  omschrijving: string;
}

/** A problem with one field of a request, e.g. { path: "body.email", message: "..." }. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** An error with a Dutch message that is safe and useful to show. */
export class ApiError extends Error {
  constructor(
    message: string,
    /** The API error code, or "netwerk" / "onbekend" for failures outside the API. */
    readonly code: string,
    readonly status?: number,
    /** Problems per field, when the server names them. */
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const NETWORK_MESSAGE =
  'De server is niet bereikbaar. Controleer uw internetverbinding en probeer het over een paar minuten opnieuw.';

function isApiErrorBody(body: unknown): body is { error: { code: string; message: string; issues?: unknown } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string' &&
    (error as { message: string }).message.length > 0
  );
}

/** Called when a request made while logged in answers 401: the session ended (expired or logged out elsewhere). */
let onSessionEnded: (() => void) | null = null;
/** The CSRF token of the current session; sent with every state-changing request. */
let csrfToken: string | null = null;

export function setSessionEndedHandler(handler: (() => void) | null): void {
  onSessionEnded = handler;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function toIssues(value: unknown): FieldIssue[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (i): i is FieldIssue =>
      typeof i === 'object' && i !== null && typeof (i as FieldIssue).path === 'string' && typeof (i as FieldIssue).message === 'string',
  );
}

/** Routes whose 401 means "wrong credentials" or "not logged in yet", not "your session ended". */
const isAuthRoute = (path: string) => path.startsWith('/api/v1/auth/');

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function request<T>(method: Method, path: string, body: unknown, signal: AbortSignal | null, expectBody: boolean): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(NETWORK_MESSAGE, 'netwerk');
  }

  let parsed: unknown;
  if (response.status !== 204) {
    try {
      parsed = await response.json();
    } catch {
      parsed = undefined;
    }
  }

  if (!response.ok) {
    if (response.status === 401 && !isAuthRoute(path)) onSessionEnded?.();
    if (isApiErrorBody(parsed)) {
      throw new ApiError(parsed.error.message, parsed.error.code, response.status, toIssues(parsed.error.issues));
    }
    throw new ApiError(
      method === 'GET'
        ? `Er ging iets mis bij het ophalen van de gegevens (foutcode ${response.status}). Probeer het later opnieuw.`
        : `Er ging iets mis bij het opslaan (foutcode ${response.status}). Probeer het later opnieuw.`,
      'onbekend',
      response.status,
    );
  }
  if (parsed === undefined && expectBody) {
    throw new ApiError('De server gaf een antwoord dat deze pagina niet kan lezen. Probeer het later opnieuw.', 'onbekend', response.status);
  }
  return parsed as T;
}

/** GET a JSON document from the API. Throws ApiError on any failure. */
export function getJson<T>(path: string, init?: { signal?: AbortSignal | undefined }): Promise<T> {
  return request<T>('GET', path, undefined, init?.signal ?? null, true);
}

/**
 * POST, PUT, PATCH or DELETE with a JSON body; sends the session's CSRF token. Resolves to the JSON answer,
 * or undefined for 204 No Content. Throws ApiError on any failure.
 */
export function sendJson<T = undefined>(method: Exclude<Method, 'GET'>, path: string, body?: unknown): Promise<T> {
  return request<T>(method, path, body, null, false);
}

export const api = {
  installatie: (signal?: AbortSignal) => getJson<Installatie>('/api/v1/installatie', { signal }),
  regios: (signal?: AbortSignal) => getJson<Regio[]>('/api/v1/regios', { signal }),
  geweldsvormen: (signal?: AbortSignal) => getJson<Geweldsvorm[]>('/api/v1/referentie/geweldsvormen', { signal }),
  organisatietypen: (signal?: AbortSignal) => getJson<Organisatietype[]>('/api/v1/referentie/organisatietypen', { signal }),
};

/* ------------------------------------------------------------------------------------------------
 * Logged-in part of the API: session, dossiers, beheer and privacy.
 * ---------------------------------------------------------------------------------------------- */

export interface Sessie {
  gebruiker: { id: string; naam: string; email: string };
  regio: { id: string; naam: string };
  organisatie: { id: string; naam: string; type: string } | null;
  team: { id: string; naam: string } | null;
  rollen: string[];
  tweedeFactorOk: boolean;
  csrfToken: string;
  /** ISO timestamp. */
  verlooptOp: string;
  breakGlass: { huishoudenId: string; tot: string }[];
}

export type InlogAntwoord = { status: 'tweede-factor-nodig' } | { status: 'ingelogd'; sessie: Sessie };

export interface GemeenteRef {
  code: string;
  naam: string;
}

export interface HuishoudenSamenvatting {
  id: string;
  gemeente: GemeenteRef | null;
  leden: { id: string; naam: string }[];
  aantalContacten: number;
  laatsteContactOp: string | null;
}

export interface Pagina<T> {
  items: T[];
  pagina: number;
  perPagina: number;
  totaal: number;
}

export interface Adres {
  straat: string;
  huisnummer: string | number;
  huisnummerToevoeging: string | null;
  postcode: string;
  woonplaats: string;
}

export interface Lid {
  id: string;
  voornamen: string | null;
  roepnaam?: string | null;
  tussenvoegsel: string | null;
  achternaam: string | null;
  geboortedatum: string | null;
  geslacht: string | null;
  bsn: string | null;
  adres: Adres | null;
  adresAfgeschermd: boolean;
  /** Registrations the radar confirmed to be one person share this id (every registration is kept). */
  identiteitId?: string;
}

export interface Contact {
  id: string;
  /** "advies" or "melding". */
  type: string;
  ontvangenOp: string;
  kanaal: string;
  gemeente: GemeenteRef;
  melder: {
    type: string;
    sector: string | null;
    relatie: string | null;
    anoniem: boolean;
    identiteit: { naam: string | null; organisatie: string | null; telefoon: string | null; email: string | null } | null;
  };
  rollen: { persoonId: string; rol: string }[];
  geweldsvormen: string[];
  omschrijving: string | null;
  acuutGevaar: boolean;
  /** The veiligheidsbeoordeling of a melding (its status and the confirmed decision); null for an advies. */
  beoordeling: { id: string; status: string; besluit: string | null; afgerondOp: string | null } | null;
}

export interface Notitie {
  id: string;
  klasse: string;
  tekst: string;
  organisatie: string;
  aangemaaktOp: string;
  prive: boolean;
}

export type RegieSoort = 'casusregisseur' | 'procesregisseur';

/** Who has regie now and how to reach them. */
export interface Regisseur {
  soort: RegieSoort;
  userId: string;
  naam: string;
  email: string;
  organisatie: string;
  sinds: string;
}

export interface Controlemoment {
  id: string;
  maanden: number;
  /** YYYY-MM-DD */
  geplandOp: string;
  status: 'gepland' | 'afgerond';
  uitkomst: 'veilig' | 'zorgen' | 'onveilig' | null;
}

export interface TijdlijnItem {
  op: string;
  soort: string;
  tekst: string;
  door: string | null;
}

export interface Dossier {
  id: string;
  viaBreakGlass: { tot: string; reden: string } | null;
  /** An active dossier: under regie since the accepted handover; null before. */
  actief: { sinds: string; afgeslotenOp: string | null } | null;
  regie: Regisseur[];
  /** Open proposals to take over (or take up) regie. */
  regieVoorstellen: { id: string; soort: RegieSoort; naar: string; voorgesteldDoor: string; voorgesteldOp: string }[];
  leden: Lid[];
  /** Directed: `van` is <type> of `naar` (e.g. ex-partner, grootouder); `naar` may be someone outside the household. */
  relaties: { van: string; naar: string; type: string }[];
  contacten: Contact[];
  plan: { fase: string; versie: number; faseSinds: string } | null;
  controlemomenten: Controlemoment[];
  notities: Notitie[];
  betrokkenOrganisaties: { naam: string; type: string; grondslag: string; persoon: string | null }[];
  /** Everything that happened, newest first. */
  tijdlijn: TijdlijnItem[];
}

export interface BeheerTeam {
  id: string;
  naam: string;
  /** The user told of overdue work of this team. */
  teamleiderId: string | null;
  /** CBS codes of the gemeenten whose meldingen enter this team's queue. */
  werkgebied: string[];
  /** Version for optimistic concurrency: a team changed by someone else since is a 409. */
  versie: number;
}

export interface BeheerOrganisatie {
  id: string;
  naam: string;
  type: string;
  gemeente: GemeenteRef | null;
  teams: BeheerTeam[];
}

export interface BeheerGebruiker {
  id: string;
  naam: string;
  email: string;
  organisatie: { id: string; naam: string };
  team: { id: string; naam: string } | null;
  rollen: string[];
  actief: boolean;
  geblokkeerd: boolean;
  versie: number;
}

export interface NieuweGebruikerAntwoord {
  gebruiker: BeheerGebruiker;
  tijdelijkWachtwoord: string;
  totpSecret: string;
  totpUri: string;
}

export interface GebruikerWijziging {
  naam?: string;
  teamId?: string | null;
  rollen?: string[];
  actief?: boolean;
  versie: number;
}

export interface PrivacyPersoon {
  id: string;
  naam: string;
  geboortedatum: string | null;
}

export interface AuditRegel {
  op: string;
  actor: { id: string; naam: string } | null;
  organisatie: string | null;
  rol: string | null;
  actie: string;
  recordType: string | null;
  recordId: string | null;
  doel: string | null;
  uitkomst: string | null;
}

export interface BreakGlassVerzoek {
  id: string;
  gebruiker: { id: string; naam: string };
  huishoudenId: string;
  reden: string;
  geopendOp: string;
  tot: string;
  beoordeling: string | { beoordeling: string; toelichting?: string | null } | null;
}

export interface AuditVerificatie {
  ok: boolean;
  ketens?: { regionId: string; entries: number }[];
  regel?: number;
  reden?: string;
}

const enc = encodeURIComponent;

export const authApi = {
  sessie: () => getJson<Sessie>('/api/v1/auth/sessie'),
  inloggen: (email: string, wachtwoord: string) => sendJson<InlogAntwoord>('POST', '/api/v1/auth/inloggen', { email, wachtwoord }),
  tweedeFactor: (code: string) => sendJson<{ status: 'ingelogd'; sessie: Sessie }>('POST', '/api/v1/auth/tweede-factor', { code }),
  uitloggen: () => sendJson('POST', '/api/v1/auth/uitloggen'),
  overalUitloggen: () => sendJson('POST', '/api/v1/auth/overal-uitloggen'),
};

export const dossierApi = {
  lijst: (pagina: number) => getJson<Pagina<HuishoudenSamenvatting>>(`/api/v1/huishoudens?pagina=${pagina}`),
  dossier: (id: string) => getJson<Dossier>(`/api/v1/huishoudens/${enc(id)}`),
  breakGlass: (id: string, reden: string) => sendJson<{ tot: string }>('POST', `/api/v1/huishoudens/${enc(id)}/break-glass`, { reden }),
  notitie: (id: string, notitie: { klasse: string; tekst: string; prive: boolean }) =>
    sendJson<{ id: string; aangemaaktOp: string }>('POST', `/api/v1/huishoudens/${enc(id)}/notities`, notitie),
};

export const beheerApi = {
  organisaties: () => getJson<BeheerOrganisatie[]>('/api/v1/beheer/organisaties'),
  organisatieToevoegen: (body: { naam: string; type: string; gemeenteCode?: string }) =>
    sendJson<BeheerOrganisatie>('POST', '/api/v1/beheer/organisaties', body),
  teamToevoegen: (organisatieId: string, naam: string) =>
    sendJson<unknown>('POST', `/api/v1/beheer/organisaties/${enc(organisatieId)}/teams`, { naam }),
  gebruikers: () => getJson<BeheerGebruiker[]>('/api/v1/beheer/gebruikers'),
  gebruikerToevoegen: (body: { naam: string; email: string; organisatieId: string; teamId?: string; rollen: string[] }) =>
    sendJson<NieuweGebruikerAntwoord>('POST', '/api/v1/beheer/gebruikers', body),
  gebruikerWijzigen: (id: string, body: GebruikerWijziging) => sendJson<BeheerGebruiker>('PATCH', `/api/v1/beheer/gebruikers/${enc(id)}`, body),
  deblokkeren: (id: string) => sendJson('POST', `/api/v1/beheer/gebruikers/${enc(id)}/deblokkeren`),
  teamInstellen: (id: string, body: { teamleiderId: string | null; werkgebied: string[]; versie: number }) =>
    sendJson<{ id: string; teamleiderId: string | null; werkgebied: string[]; versie: number }>('PUT', `/api/v1/beheer/teams/${enc(id)}`, body),
};

export const privacyApi = {
  personen: (zoek: string) => getJson<PrivacyPersoon[]>(`/api/v1/privacy/personen?zoek=${enc(zoek)}`),
  auditPersoon: (id: string) => getJson<AuditRegel[]>(`/api/v1/privacy/audit/persoon/${enc(id)}`),
  auditGebruiker: (id: string) => getJson<AuditRegel[]>(`/api/v1/privacy/audit/gebruiker/${enc(id)}`),
  breakGlass: (status: 'open' | 'alle') => getJson<BreakGlassVerzoek[]>(`/api/v1/privacy/break-glass?status=${status}`),
  beoordelen: (id: string, beoordeling: 'terecht' | 'onterecht', toelichting: string) =>
    sendJson<unknown>('POST', `/api/v1/privacy/break-glass/${enc(id)}/beoordeling`, { beoordeling, toelichting }),
  verificatie: () => getJson<AuditVerificatie>('/api/v1/privacy/audit/verificatie'),
};
