/**
 * Typed access to "one household, one plan, one director" (/api/v1): the shared veiligheidsplan with its
 * versions, phases and print view; regie proposals; Veilig Thuis' check moments; TOP-3 sessions and their
 * trends; the region's plan settings. Shapes mirror packages/server/src/http/routes/{plan,top3}.ts.
 */
import { getJson, sendJson, type RegieSoort } from './api';
import type { Fase } from './labels';

const enc = encodeURIComponent;

/* ------------------------------------------------------------------------------------------------
 * The plan
 * ---------------------------------------------------------------------------------------------- */

export type AfspraakStatus = 'open' | 'nagekomen' | 'niet-nagekomen';

export interface Voorwaarde {
  id: string;
  tekst: string;
  eigenaar: string;
  /** YYYY-MM-DD */
  deadline?: string;
  status: AfspraakStatus;
  bewijs?: string;
  gevolg?: string;
}

export interface Afspraak {
  id: string;
  wie: string;
  wat: string;
  /** YYYY-MM-DD */
  wanneer: string;
  status: AfspraakStatus;
  bewijs?: string;
  gevolg: string;
  voorwaardeId?: string;
}

export interface Netwerklid {
  id: string;
  naam: string;
  relatie: string;
  rol: string;
  telefoon?: string;
}

/** A matter chosen in a TOP-3 session: what the plan works on in a phase. */
export interface Doel {
  id: string;
  tekst: string;
  fase: Fase;
  onderwerpId?: string;
  sessieId?: string;
}

/** Violence after the plan started (not a new melding); it counts for the exit criterion. */
export interface Incident {
  id: string;
  datum: string;
  omschrijving: string;
}

export interface PlanInhoud {
  samenvatting?: string;
  voorwaarden: Voorwaarde[];
  afspraken: Afspraak[];
  netwerk: Netwerklid[];
  doelen: Doel[];
  incidenten: Incident[];
}

export interface FaseVoorstel {
  id: string;
  naar: Fase;
  reden: string;
  voorgesteldDoor: { id: string; naam: string };
  voorgesteldOp: string;
}

export interface Plan {
  id: string;
  huishoudenId: string;
  fase: Fase;
  faseSinds: string;
  inhoud: PlanInhoud;
  versie: number;
  gestartOp: string;
  bijgewerktOp: string;
  bijgewerktDoor: string | null;
  /** The exit criterion of directe veiligheid: days without violence. */
  criterium: { dagenZonderGeweld: number; laatsteGeweld: string | null; dagenGeweldloos: number; gehaald: boolean };
  faseVoorstel: FaseVoorstel | null;
  /** Ids of open afspraken past their date. */
  verlopenAfspraken: string[];
  versies: { versie: number; fase: Fase; op: string; auteur: string | null; toelichting: string | null }[];
}

export interface PlanVersie {
  versie: number;
  fase: Fase;
  op: string;
  auteur: string | null;
  toelichting: string | null;
  inhoud: PlanInhoud;
  vergelekenMet: number | null;
  /** What changed, in readable Dutch lines. */
  verschil: string[];
}

/** The plan as the household gets it on paper: no notes, no melder, first names only. */
export interface PlanAfdruk {
  versie: number;
  datum: string;
  fase: Fase;
  voornamen: string[];
  regie: { soort: RegieSoort; naam: string; organisatie: string; email: string }[];
  voorwaarden: { tekst: string; eigenaar: string; gevolg: string | null }[];
  afspraken: { wie: string; wat: string; wanneer: string; status: string; gevolg: string }[];
  netwerk: { naam: string; relatie: string; rol: string; telefoon: string | null }[];
  doelen: string[];
}

/* ------------------------------------------------------------------------------------------------
 * Regie and check moments
 * ---------------------------------------------------------------------------------------------- */

export interface RegieKandidaat {
  id: string;
  naam: string;
  email: string;
  organisatie: string;
  team: string | null;
}

export interface RegieVoorstel {
  id: string;
  huishoudenId: string;
  soort: RegieSoort;
  status: 'voorgesteld' | 'geaccepteerd' | 'geweigerd' | 'ingetrokken';
  toelichting: string;
  voorgesteldOp: string;
  voorgesteldDoor: { naam: string; email: string; organisatie: string };
  leden: { naam: string; geboortedatum: string | null }[];
  fase: Fase | null;
}

export type ControleUitkomst = 'veilig' | 'zorgen' | 'onveilig';

export interface PlanInstellingen {
  dagenZonderGeweld: number;
  controleMaanden: number[];
  versie: number;
}

/* ------------------------------------------------------------------------------------------------
 * TOP-3
 * ---------------------------------------------------------------------------------------------- */

export type DeelnemerSoort = 'gezinslid' | 'kind' | 'netwerk' | 'professional';

export type DeelnemerInvoer =
  | { soort: 'gezinslid' | 'kind'; personId: string }
  | { soort: 'netwerk'; naam: string }
  | { soort: 'professional'; userId: string };

export interface Top3ItemInvoer {
  onderwerp: string;
  /** A matter named before in this household. */
  onderwerpId?: string;
  score: number;
  reden: string;
}

export interface Top3Deelnemer {
  id: string;
  soort: DeelnemerSoort;
  naam: string;
  personId: string | null;
  userId: string | null;
  inbreng: { onderwerpId: string; tekst: string; score: number; reden: string }[];
}

export interface Onderwerp {
  onderwerpId: string;
  tekst: string;
}

export interface Top3Sessie {
  id: string;
  huishoudenId: string;
  fase: Fase;
  gehoudenOp: string;
  status: 'open' | 'vastgesteld';
  versie: number;
  aangemaaktDoor: { id: string; naam: string };
  vastgesteldDoor: { id: string; naam: string } | null;
  vastgesteldOp: string | null;
  deelnemers: Top3Deelnemer[];
  /** The proposed top-3, most urgent first. */
  voorstel: (Onderwerp & { gewicht: number; vermeldingen: number; laagsteScore: number; gemiddeldeScore: number })[];
  /** The matters that may be chosen. */
  kiesbaar: Onderwerp[];
  /** The confirmed top-3 (empty while open). */
  gekozen: Onderwerp[];
}

export interface Top3Overzicht {
  huishoudenId: string;
  plan: { fase: Fase; versie: number } | null;
  /** The household's matters named in any session. */
  onderwerpen: { id: string; tekst: string; sessies: number; laatstGenoemdOp: string }[];
  /** Newest first. */
  sessies: Top3Sessie[];
}

interface TrendPunt {
  sessieId: string;
  gehoudenOp: string;
  fase: Fase;
}

export interface Top3Trends {
  huishoudenId: string;
  /** Oldest first: the time axis. */
  sessies: (TrendPunt & { status: 'open' | 'vastgesteld' })[];
  onderwerpen: { onderwerpId: string; tekst: string; punten: (TrendPunt & { gemiddelde: number; laagste: number; vermeldingen: number; gekozen: boolean })[] }[];
  deelnemers: {
    sleutel: string;
    soort: DeelnemerSoort;
    naam: string;
    personId: string | null;
    userId: string | null;
    sessies: string[];
    reeksen: { onderwerpId: string; tekst: string; punten: (TrendPunt & { score: number })[] }[];
  }[];
}

export const planApi = {
  plan: (id: string) => getJson<Plan>(`/api/v1/huishoudens/${enc(id)}/plan`),
  opslaan: (id: string, inhoud: PlanInhoud, versie: number, toelichting?: string) =>
    sendJson<Plan>('PUT', `/api/v1/huishoudens/${enc(id)}/plan`, { inhoud, versie, ...(toelichting ? { toelichting } : {}) }),
  versie: (id: string, versie: number, van?: number) =>
    getJson<PlanVersie>(`/api/v1/huishoudens/${enc(id)}/plan/versies/${versie}${van ? `?van=${van}` : ''}`),
  fase: (id: string, naar: Fase, versie: number, reden?: string) =>
    sendJson<Plan>('POST', `/api/v1/huishoudens/${enc(id)}/plan/fase`, { naar, versie, ...(reden ? { reden } : {}) }),
  faseBeoordelen: (voorstelId: string, antwoord: 'goedkeuren' | 'afwijzen', toelichting?: string) =>
    sendJson<Plan>('POST', `/api/v1/fasevoorstellen/${enc(voorstelId)}/beoordeling`, { antwoord, ...(toelichting ? { toelichting } : {}) }),
  afdruk: (id: string) => getJson<PlanAfdruk>(`/api/v1/huishoudens/${enc(id)}/plan/afdruk`),

  regieKandidaten: (id: string, zoek: string) =>
    getJson<RegieKandidaat[]>(`/api/v1/huishoudens/${enc(id)}/regie/kandidaten${zoek ? `?zoek=${enc(zoek)}` : ''}`),
  regieVoorstellen: (id: string, body: { soort: RegieSoort; naarUserId: string; toelichting: string }) =>
    sendJson<{ id: string }>('POST', `/api/v1/huishoudens/${enc(id)}/regie/voorstellen`, body),
  procesregieBeeindigen: (id: string) => sendJson<{ status: 'beeindigd' }>('POST', `/api/v1/huishoudens/${enc(id)}/procesregie/beeindigen`),
  mijnRegieVoorstellen: () => getJson<RegieVoorstel[]>('/api/v1/regie/voorstellen'),
  regieVoorstel: (id: string) => getJson<RegieVoorstel>(`/api/v1/regie/voorstellen/${enc(id)}`),
  regieAntwoord: (id: string, antwoord: 'accepteren' | 'weigeren', reden?: string) =>
    sendJson<{ status: 'geaccepteerd' | 'geweigerd'; huishoudenId: string }>('POST', `/api/v1/regie/voorstellen/${enc(id)}/antwoord`, {
      antwoord,
      ...(reden ? { reden } : {}),
    }),
  regieIntrekken: (id: string) => sendJson<{ status: 'ingetrokken' }>('POST', `/api/v1/regie/voorstellen/${enc(id)}/intrekken`),

  controleAfronden: (id: string, uitkomst: ControleUitkomst, toelichting: string) =>
    sendJson<{ id: string; uitkomst: ControleUitkomst }>('POST', `/api/v1/controlemomenten/${enc(id)}/afronden`, { uitkomst, toelichting }),

  instellingen: () => getJson<PlanInstellingen>('/api/v1/beheer/instellingen/plan'),
  instellingenOpslaan: (body: PlanInstellingen) => sendJson<PlanInstellingen>('PUT', '/api/v1/beheer/instellingen/plan', body),

  top3: (id: string) => getJson<Top3Overzicht>(`/api/v1/huishoudens/${enc(id)}/top3`),
  top3Starten: (id: string, deelnemers: DeelnemerInvoer[], gehoudenOp?: string) =>
    sendJson<Top3Sessie>('POST', `/api/v1/huishoudens/${enc(id)}/top3`, { deelnemers, ...(gehoudenOp ? { gehoudenOp } : {}) }),
  top3Inbreng: (sessieId: string, deelnemerId: string, inbreng: Top3ItemInvoer[], versie: number) =>
    sendJson<Top3Sessie>('PUT', `/api/v1/top3/${enc(sessieId)}/inbreng/${enc(deelnemerId)}`, { inbreng, versie }),
  top3Vaststellen: (sessieId: string, gekozen: string[], versie: number, toelichting?: string) =>
    sendJson<{ sessie: Top3Sessie; plan: { fase: Fase; versie: number } }>('POST', `/api/v1/top3/${enc(sessieId)}/vaststellen`, {
      gekozen,
      versie,
      ...(toelichting ? { toelichting } : {}),
    }),
  top3Trends: (id: string) => getJson<Top3Trends>(`/api/v1/huishoudens/${enc(id)}/top3/trends`),
};
