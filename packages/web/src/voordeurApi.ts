/**
 * Typed access to the front door of Veilig Thuis (/api/v1): intake with drafts and live radar, the melding
 * page with its veiligheidsbeoordeling and four-eyes decisions, the work queue, handovers, the forms for
 * professionals and citizens, notifications and the region's deadline settings.
 * Shapes mirror packages/server/src/http/routes/{intake,meldingen,schemas}.ts.
 */
import { getJson, sendJson, type GemeenteRef } from './api';

const enc = encodeURIComponent;

/* ------------------------------------------------------------------------------------------------
 * What a contact looks like when it is entered (the import format without externalId)
 * ---------------------------------------------------------------------------------------------- */

export interface AdresInvoer {
  straat: string;
  huisnummer: number;
  huisnummerToevoeging?: string;
  postcode: string;
  woonplaats: string;
  geheim: boolean;
}

export interface PersoonInvoer {
  ref: string;
  rol: string;
  voornamen?: string;
  roepnaam?: string;
  tussenvoegsel?: string;
  achternaam?: string;
  geboortedatum?: string;
  geslacht?: string;
  bsn?: string;
  adres?: AdresInvoer;
}

export interface RelatieInvoer {
  van: string;
  naar: string;
  type: string;
}

export interface MelderInvoer {
  type: string;
  sector?: string;
  relatie?: string;
  naam?: string;
  organisatie?: string;
  telefoon?: string;
  email?: string;
  anoniem: boolean;
  anoniemReden?: string;
}

export interface ContactInvoer {
  type: 'advies' | 'melding';
  /** "2026-11-29T14:32" (Amsterdam time) or ISO 8601 with offset. */
  ontvangenOp: string;
  kanaal: string;
  /** CBS code, e.g. "GM0200". */
  gemeente: string;
  melder: MelderInvoer;
  personen: PersoonInvoer[];
  relaties: RelatieInvoer[];
  geweldsvormen: string[];
  omschrijving?: string;
  acuutGevaar: boolean;
}

export interface IntakeResultaat {
  contactId: string;
  type: 'advies' | 'melding';
  /** False when the same submission was stored before. */
  nieuw: boolean;
  deadline: string | null;
  acuut: boolean;
  radarKandidaten: number;
}

export interface Concept {
  id: string;
  data: Record<string, unknown>;
  aangemaaktOp: string;
  bijgewerktOp: string;
  versie: number;
}

/* ------------------------------------------------------------------------------------------------
 * Radar
 * ---------------------------------------------------------------------------------------------- */

/** One person as typed on the intake screen, for the live radar. */
export interface RadarZoekPersoon {
  ref: string;
  voornamen?: string;
  roepnaam?: string;
  tussenvoegsel?: string;
  achternaam?: string;
  geboortedatum?: string;
  geslacht?: string;
  bsn?: string;
  straat?: string;
  huisnummer?: number;
  postcode?: string;
  woonplaats?: string;
}

/** How one field agreed; `uitleg` is plain Dutch. */
export interface RadarVeld {
  field: string;
  level: string;
  weight: number;
  uitleg: string;
}

export interface BekendHuishouden {
  id: string;
  /** False: Veilig Thuis is not involved; only organisations and regie are known. */
  inZicht: boolean;
  contacten: { id: string; type: string; ontvangenOp: string; gemeente: string; besluit: string | null; status: string | null }[];
  openWerk: string[];
  regie: { naam: string; organisatie: string; email: string } | null;
  betrokkenOrganisaties: string[];
}

export interface BekendePersoon {
  personId: string;
  naam: string;
  geboortedatum: string | null;
  geslacht: string | null;
  adres: string | null;
  bsn: string | null;
  registraties: number;
  huishoudens: BekendHuishouden[];
}

export interface RadarTreffer {
  kandidaat: BekendePersoon;
  /** Probability 0..1 that it is the same person. */
  kans: number;
  uitleg: RadarVeld[];
}

export interface RadarKandidaat extends RadarTreffer {
  id: string;
  /** The person of this contact. */
  persoon: { id: string; naam: string };
  status: 'open' | 'bevestigd' | 'afgewezen';
  besluit: { door: string; op: string; huishoudenGekoppeld: boolean } | null;
}

/* ------------------------------------------------------------------------------------------------
 * The melding page: contact, assessment, decisions, handovers
 * ---------------------------------------------------------------------------------------------- */

export type Oordeel = { oordeel: 'ja' | 'nee'; toelichting: string };

export interface BeoordelingInhoud {
  acuteOnveiligheid?: Oordeel;
  structureleOnveiligheid?: Oordeel;
  risicofactoren: string[];
  geraadpleegd: { bron: string; samenvatting: string }[];
  kindcheck?: { kinderenAanwezig: 'ja' | 'nee' | 'onbekend'; toelichting?: string };
  samenvatting?: string;
}

export type BesluitInvoer =
  | { soort: 'einde-bemoeienis'; reden: string }
  | { soort: 'omzetten-naar-advies'; reden: string }
  | { soort: 'overdracht'; naar: string; organisatieId: string; teamId?: string; toelichting: string }
  | { soort: 'voorwaarden-en-vervolg'; voorwaarden: string[]; organisatieId?: string; teamId?: string; toelichting: string }
  | { soort: 'vt-onderzoek'; reden: string; toelichting: string }
  | { soort: 'verzoek-rvdk'; toelichting: string }
  | { soort: 'acute-inzet'; maatregelen: string[]; toelichting: string };

export interface Ref {
  id: string;
  naam: string;
}

export interface BesluitView {
  id: string;
  fase: 'beoordeling' | 'onderzoek';
  soort: string;
  naam: string;
  inhoud: Record<string, unknown>;
  onderzoekUitkomst: string | null;
  status: 'voorgesteld' | 'bevestigd' | 'teruggestuurd' | 'ingetrokken';
  voorgesteldDoor: Ref;
  voorgesteldOp: string;
  beoordeeldDoor: Ref | null;
  beoordeeldOp: string | null;
  toelichting: string | null;
}

export interface OverdrachtKort {
  id: string;
  status: 'voorgesteld' | 'geaccepteerd' | 'geweigerd';
  soort: string | null;
  naarOrganisatie: Ref;
  naarTeam: Ref | null;
  voorgesteldOp: string;
  beantwoordDoor: { naam: string } | null;
  beantwoordOp: string | null;
  reden: string | null;
}

export type BeoordelingStatus = 'open' | 'voorgesteld' | 'onderzoek' | 'overdracht' | 'afgerond';

export interface Beoordeling {
  id: string;
  contactId: string;
  status: BeoordelingStatus;
  acuut: boolean;
  ontvangenOp: string;
  termijnen: { wettelijk: string; regionaal: string; acuut: string | null; deadline: string | null };
  team: Ref | null;
  toegewezenAan: Ref | null;
  acuutAfgehandeldOp: string | null;
  beoordeeldOp: string | null;
  besluitSoort: string | null;
  onderzoek: { gestartOp: string; deadline: string | null; afgerondOp: string | null; uitkomst: string | null } | null;
  afgerondOp: string | null;
  inhoud: BeoordelingInhoud;
  bron: 'app' | 'import';
  versie: number;
  besluiten: BesluitView[];
  overdrachten: OverdrachtKort[];
}

export interface ContactAdres {
  straat: string;
  huisnummer: number;
  huisnummerToevoeging: string | null;
  postcode: string;
  woonplaats: string;
}

export interface ContactPersoon {
  id: string;
  rol: string;
  voornamen: string | null;
  roepnaam: string | null;
  tussenvoegsel: string | null;
  achternaam: string | null;
  geboortedatum: string | null;
  geslacht: string;
  bsn: string | null;
  adres: ContactAdres | null;
  adresAfgeschermd: boolean;
}

export interface ContactDetail {
  id: string;
  type: 'advies' | 'melding';
  status: string;
  ontvangenOp: string;
  meldingOp: string | null;
  kanaal: string;
  gemeente: GemeenteRef;
  melder: {
    type: string;
    sector: string | null;
    relatie: string | null;
    anoniem: boolean;
    anoniemReden: string | null;
    identiteit: { naam: string | null; organisatie: string | null; telefoon: string | null; email: string | null } | null;
  };
  huishoudenId: string | null;
  personen: ContactPersoon[];
  relaties: RelatieInvoer[];
  geweldsvormen: string[];
  omschrijving: string | null;
  acuutGevaar: boolean;
  gebeurtenissen: { soort: string; op: string; door: string | null; toelichting: string | null }[];
  /** Veilig Thuis only; null for an advies. */
  beoordeling: Beoordeling | null;
  /** Veilig Thuis only. */
  radar: RadarKandidaat[] | null;
  versie: number;
}

export interface Ketenpartner {
  id: string;
  naam: string;
  type: string;
  gemeente: string | null;
  teams: Ref[];
}

/* ------------------------------------------------------------------------------------------------
 * Work queue, handovers, notifications, settings
 * ---------------------------------------------------------------------------------------------- */

export type WachtOp = 'beoordeling' | 'bevestiging' | 'onderzoek' | 'ontvanger' | 'nieuw-besluit';

export interface WerkvoorraadItem {
  beoordelingId: string;
  contactId: string;
  status: BeoordelingStatus;
  acuut: boolean;
  ontvangenOp: string;
  deadline: string;
  gemeente: GemeenteRef;
  team: Ref | null;
  toegewezenAan: Ref | null;
  kanaal: string;
  melderType: string;
  betrokkenen: string[];
  openRadarKandidaten: number;
  wachtOp: WachtOp;
}

/** A check moment after a handover that is due: Veilig Thuis verifies that safety was reached. */
export interface ControleTaak {
  id: string;
  huishoudenId: string;
  contactId: string | null;
  maanden: number;
  /** YYYY-MM-DD */
  geplandOp: string;
  deadline: string;
  team: Ref | null;
  /** The organisation the household was handed over to. */
  overgedragenAan: string | null;
  betrokkenen: string[];
}

export interface Werkvoorraad {
  items: WerkvoorraadItem[];
  totaal: number;
  /** Due check moments after a handover. */
  controles: ControleTaak[];
  /** The teams of the user's organisation. */
  teams: Ref[];
  /** The server's clock when the list was made. */
  nu: string;
}

export interface Overdracht {
  id: string;
  status: 'voorgesteld' | 'geaccepteerd' | 'geweigerd';
  soort: string | null;
  besluitSoort: string;
  van: { organisatie: string; contactpersoon: string; email: string };
  naar: { organisatie: Ref; team: Ref | null };
  gemeente: GemeenteRef;
  /** The warm handover: what the receiver needs to know. */
  toelichting: string;
  voorwaarden: string[];
  voorgesteldOp: string;
  beantwoordOp: string | null;
  reden: string | null;
  huishoudenId: string;
  leden: { naam: string; geboortedatum: string | null }[];
  versie: number;
  /** One handover only: who of the receiving organisation can become casusregisseur. */
  regisseurKandidaten?: Ref[];
}

export interface Notificatie {
  id: string;
  soort: string;
  titel: string;
  /** A path inside this app, e.g. "/meldingen/…". */
  link: string | null;
  aangemaaktOp: string;
  gelezen: boolean;
}

export interface Notificaties {
  ongelezen: number;
  items: Notificatie[];
}

export interface TermijnInstellingen {
  acuutMinuten: number;
  beoordeling: { eenheid: 'werkdagen' | 'uren'; aantal: number };
  onderzoekWeken: number;
  versie: number;
  /** False while the region uses the defaults. */
  opgeslagen: boolean;
}

/* ------------------------------------------------------------------------------------------------
 * The forms of professionals and citizens
 * ---------------------------------------------------------------------------------------------- */

export interface ProfessionalContact {
  /** Client-chosen UUID: sending the same form twice stores it once. */
  sleutel: string;
  type: 'advies' | 'melding';
  gemeente: string;
  sector?: string;
  telefoon?: string;
  anoniem: boolean;
  anoniemReden?: string;
  personen: PersoonInvoer[];
  relaties: RelatieInvoer[];
  geweldsvormen: string[];
  omschrijving: string;
  acuutGevaar: boolean;
}

export interface PubliekContact {
  sleutel: string;
  soort: 'advies' | 'melding';
  gemeente: string;
  overWie: { rol: string; voornaam?: string; achternaam?: string; leeftijd?: number; adres?: AdresInvoer }[];
  watIsEr: string;
  kinderen: 'ja' | 'nee' | 'weet-ik-niet';
  nuInGevaar: boolean;
  melder: { relatie: string; anoniem: boolean; naam?: string; telefoon?: string; email?: string };
  /** Honeypot: always empty when a person fills in the form. */
  website: string;
}

export const voordeurApi = {
  intake: (contact: ContactInvoer, conceptId: string) => sendJson<IntakeResultaat>('POST', '/api/v1/intake', { conceptId, contact }),
  concepten: () => getJson<Concept[]>('/api/v1/intake/concepten'),
  concept: (id: string) => getJson<Concept>(`/api/v1/intake/concepten/${enc(id)}`),
  conceptOpslaan: (id: string, data: Record<string, unknown>, versie: number) =>
    sendJson<Concept>('PUT', `/api/v1/intake/concepten/${enc(id)}`, { data, versie }),
  conceptVerwijderen: (id: string) => sendJson('DELETE', `/api/v1/intake/concepten/${enc(id)}`),
  radarZoeken: (personen: RadarZoekPersoon[]) =>
    sendJson<{ ref: string; kandidaten: RadarTreffer[] }[]>('POST', '/api/v1/radar/zoeken', { personen }),

  contact: (id: string) => getJson<ContactDetail>(`/api/v1/contacten/${enc(id)}`),
  omzettenNaarMelding: (id: string, body: { reden: string; personen: PersoonInvoer[]; relaties: RelatieInvoer[]; acuutGevaar: boolean; versie: number }) =>
    sendJson<{ id: string }>('POST', `/api/v1/contacten/${enc(id)}/omzetten-naar-melding`, body),
  intrekken: (id: string, reden: string) =>
    sendJson<{ id: string; status: 'ingetrokken'; ingetrokkenOp: string }>('POST', `/api/v1/contacten/${enc(id)}/intrekken`, { reden }),
  kandidaatBesluit: (id: string, besluit: 'bevestigen' | 'afwijzen', huishoudenId?: string) =>
    sendJson<{ status: string; huishoudenId: string | null }>('POST', `/api/v1/radar/kandidaten/${enc(id)}/besluit`, {
      besluit,
      ...(huishoudenId ? { huishoudenId } : {}),
    }),
  inhoudOpslaan: (id: string, inhoud: BeoordelingInhoud, versie: number) =>
    sendJson<Beoordeling>('PUT', `/api/v1/beoordelingen/${enc(id)}/inhoud`, { inhoud, versie }),
  toewijzen: (id: string, body: { aanMij?: boolean; teamId?: string | null; versie: number }) =>
    sendJson<Beoordeling>('POST', `/api/v1/beoordelingen/${enc(id)}/toewijzing`, body),
  besluitVoorstellen: (id: string, besluit: BesluitInvoer, versie: number, onderzoekUitkomst?: string) =>
    sendJson<Beoordeling>('POST', `/api/v1/beoordelingen/${enc(id)}/besluit`, {
      besluit,
      versie,
      ...(onderzoekUitkomst ? { onderzoekUitkomst } : {}),
    }),
  voorstelIntrekken: (id: string, versie: number) => sendJson<Beoordeling>('POST', `/api/v1/beoordelingen/${enc(id)}/besluit/intrekken`, { versie }),
  voorstelBeoordelen: (besluitId: string, antwoord: 'bevestigen' | 'terugsturen', toelichting?: string) =>
    sendJson<Beoordeling>('POST', `/api/v1/besluiten/${enc(besluitId)}/beoordeling`, { antwoord, ...(toelichting ? { toelichting } : {}) }),
  ketenpartners: () => getJson<Ketenpartner[]>('/api/v1/ketenpartners'),

  werkvoorraad: (team: string | null) => getJson<Werkvoorraad>(team ? `/api/v1/werkvoorraad?team=${enc(team)}` : '/api/v1/werkvoorraad'),

  overdrachten: (status: 'open' | 'alle') => getJson<Overdracht[]>(`/api/v1/overdrachten?status=${status}`),
  overdracht: (id: string) => getJson<Overdracht>(`/api/v1/overdrachten/${enc(id)}`),
  overdrachtBeantwoorden: (id: string, antwoord: 'accepteren' | 'weigeren', versie: number, opties: { reden?: string; casusregisseurId?: string } = {}) =>
    sendJson<Overdracht>('POST', `/api/v1/overdrachten/${enc(id)}/antwoord`, {
      antwoord,
      versie,
      ...(opties.reden ? { reden: opties.reden } : {}),
      ...(opties.casusregisseurId ? { casusregisseurId: opties.casusregisseurId } : {}),
    }),

  professional: (body: ProfessionalContact) => sendJson<IntakeResultaat>('POST', '/api/v1/contacten/professional', body),
  publiek: (body: PubliekContact) => sendJson<{ referentie: string; soort: 'advies' | 'melding' }>('POST', '/api/v1/publiek/contact', body),

  notificaties: () => getJson<Notificaties>('/api/v1/notificaties?limit=100'),
  /** The unread count for the badge (not audited: a number, no personal data). */
  aantalOngelezen: () => getJson<{ ongelezen: number }>('/api/v1/notificaties/aantal'),
  gelezen: (id: string) => sendJson('POST', `/api/v1/notificaties/${enc(id)}/gelezen`),

  termijnen: () => getJson<TermijnInstellingen>('/api/v1/beheer/instellingen/termijnen'),
  termijnenOpslaan: (body: Omit<TermijnInstellingen, 'opgeslagen'>) =>
    sendJson<{ instellingen: TermijnInstellingen; herberekend: number }>('PUT', '/api/v1/beheer/instellingen/termijnen', body),
};
