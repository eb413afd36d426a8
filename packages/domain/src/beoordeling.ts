/**
 * The veiligheidsbeoordeling of a melding and the decisions that follow it, as data and rules:
 * what an assessment records, which decisions exist and what each needs, the four-eyes rule, and
 * what a confirmed decision sets in motion. No I/O: the server stores and applies the results.
 *
 * Sources: DOMAIN.md "The process" step 3 and "Facts from public sources" (outcomes of the
 * veiligheidsbeoordeling, CBS outcome categories of onderzoek); seed 003 note 14 (two steps: the
 * safety risk, incl. information from police, and the severity).
 */
import { z } from 'zod';

const tekst = (max: number) => z.string().trim().min(1, 'mag niet leeg zijn').max(max, `maximaal ${max} tekens`);
const uuid = z.uuid('ongeldige id');

/** Risk factors recorded in the assessment (after the RiHG and the DASH checklist; own wording). */
export const RISICOFACTOREN = [
  'eerder-geweld',
  'escalatie',
  'wurging',
  'wapen',
  'doodsbedreiging',
  'scheiding',
  'stalking',
  'zwangerschap',
  'verslaving',
  'psychiatrie',
  'isolement',
  'financiele-problemen',
  'kinderen-getuige',
  'afhankelijkheid',
  'eergerelateerd',
  'overtreding-verbod',
] as const;
export type Risicofactor = (typeof RISICOFACTOREN)[number];

export const RISICOFACTOR_NAMEN: Record<Risicofactor, string> = {
  'eerder-geweld': 'Eerder geweld of eerdere meldingen',
  escalatie: 'Geweld neemt toe in ernst of hoe vaak het gebeurt',
  wurging: 'Poging tot wurging of verstikking',
  wapen: 'Wapen gebruikt of gedreigd met een wapen',
  doodsbedreiging: 'Gedreigd met doden (ook van zichzelf)',
  scheiding: 'Recente of naderende scheiding',
  stalking: 'Stalking of dwingende controle',
  zwangerschap: 'Zwangerschap of een pasgeboren kind',
  verslaving: 'Verslaving (alcohol, drugs, gokken)',
  psychiatrie: 'Ernstige psychiatrische problemen',
  isolement: 'Sociaal isolement',
  'financiele-problemen': 'Ernstige geldproblemen',
  'kinderen-getuige': 'Kinderen zijn getuige van geweld',
  afhankelijkheid: 'Afhankelijkheid (zorg, geld, verblijfsstatus)',
  eergerelateerd: 'Signalen van eergerelateerd geweld',
  'overtreding-verbod': 'Huisverbod, contactverbod of voorwaarden overtreden',
};

/** Whom Veilig Thuis consulted for the assessment. */
export const INFORMATIEBRONNEN = [
  'politie',
  'huisarts',
  'school',
  'kinderopvang',
  'lokaal-team',
  'jeugdzorg',
  'ggz',
  'reclassering',
  'verslavingszorg',
  'raad-voor-de-kinderbescherming',
  'betrokkene',
  'anders',
] as const;
export type Informatiebron = (typeof INFORMATIEBRONNEN)[number];

/** Decisions after a veiligheidsbeoordeling (and after a VT onderzoek). */
export const BESLUIT_SOORTEN = [
  'einde-bemoeienis',
  'omzetten-naar-advies',
  'overdracht',
  'voorwaarden-en-vervolg',
  'vt-onderzoek',
  'verzoek-rvdk',
  'acute-inzet',
] as const;
export type BesluitSoort = (typeof BESLUIT_SOORTEN)[number];

export const BESLUIT_NAMEN: Record<BesluitSoort, string> = {
  'einde-bemoeienis': 'Einde bemoeienis',
  'omzetten-naar-advies': 'Omzetten naar advies',
  overdracht: 'Overdracht',
  'voorwaarden-en-vervolg': 'Voorwaarden en vervolg',
  'vt-onderzoek': 'Onderzoek door Veilig Thuis',
  'verzoek-rvdk': 'Verzoek tot onderzoek aan de Raad voor de Kinderbescherming',
  'acute-inzet': 'Acute inzet',
};

/** To whom a household is handed over. */
export const OVERDRACHT_SOORTEN = ['lokaal-team', 'betrokken-hulp', 'multidisciplinair-team'] as const;
export type OverdrachtSoort = (typeof OVERDRACHT_SOORTEN)[number];

export const ACUTE_MAATREGELEN = ['crisisdienst', 'politie', 'huisverbod-advies', 'opvang'] as const;
export type AcuteMaatregel = (typeof ACUTE_MAATREGELEN)[number];

export const ONDERZOEK_REDENEN = ['onduidelijk-of-er-geweld-is', 'hulp-geweigerd', 'anders'] as const;

/** Outcome of a VT onderzoek (CBS Beleidsinformatie Veilig Thuis). */
export const ONDERZOEK_UITKOMSTEN = ['bevestigd', 'niet-bevestigd', 'weerlegd'] as const;
export type OnderzoekUitkomst = (typeof ONDERZOEK_UITKOMSTEN)[number];

/** Decisions that may close a VT onderzoek. */
export const BESLUITEN_NA_ONDERZOEK: readonly BesluitSoort[] = ['einde-bemoeienis', 'overdracht', 'voorwaarden-en-vervolg', 'verzoek-rvdk'];

// ---------------------------------------------------------------------------------------------
// What the assessment records

const oordeel = z.object({ oordeel: z.enum(['ja', 'nee']), toelichting: tekst(4000) }).strict();

/** The assessment as it is being filled in: every part optional, each part valid when present. */
export const beoordelingInhoudSchema = z
  .object({
    acuteOnveiligheid: oordeel.optional().describe('is there acute unsafety now? yes/no with why'),
    structureleOnveiligheid: oordeel.optional().describe('is there structural (recurring) unsafety? yes/no with why'),
    risicofactoren: z.array(z.enum(RISICOFACTOREN)).max(RISICOFACTOREN.length).default([]),
    geraadpleegd: z
      .array(z.object({ bron: z.enum(INFORMATIEBRONNEN), samenvatting: tekst(4000) }).strict())
      .max(30)
      .default([])
      .describe('information from police and others consulted'),
    kindcheck: z
      .object({ kinderenAanwezig: z.enum(['ja', 'nee', 'onbekend']), toelichting: tekst(4000).optional() })
      .strict()
      .optional()
      .describe('are there (unborn) children, and are they safe?'),
    samenvatting: tekst(10000).optional(),
  })
  .strict();
export type BeoordelingInhoud = z.output<typeof beoordelingInhoudSchema>;

export const besluitSchema = z.discriminatedUnion('soort', [
  z.object({ soort: z.literal('einde-bemoeienis'), reden: tekst(4000) }).strict(),
  z.object({ soort: z.literal('omzetten-naar-advies'), reden: tekst(4000) }).strict(),
  z
    .object({
      soort: z.literal('overdracht'),
      naar: z.enum(OVERDRACHT_SOORTEN),
      organisatieId: uuid,
      teamId: uuid.optional(),
      toelichting: tekst(8000).describe('the warm handover: what the receiver needs to know'),
    })
    .strict(),
  z
    .object({
      soort: z.literal('voorwaarden-en-vervolg'),
      voorwaarden: z.array(tekst(1000)).min(1, 'noem ten minste één veiligheidsvoorwaarde').max(30),
      organisatieId: uuid.optional().describe('the partner that turns the conditions into a plan; a handover it must accept'),
      teamId: uuid.optional(),
      toelichting: tekst(8000),
    })
    .strict(),
  z.object({ soort: z.literal('vt-onderzoek'), reden: z.enum(ONDERZOEK_REDENEN), toelichting: tekst(4000) }).strict(),
  z.object({ soort: z.literal('verzoek-rvdk'), toelichting: tekst(8000) }).strict(),
  z
    .object({
      soort: z.literal('acute-inzet'),
      maatregelen: z.array(z.enum(ACUTE_MAATREGELEN)).min(1, 'kies ten minste één maatregel').max(ACUTE_MAATREGELEN.length),
      toelichting: tekst(4000),
    })
    .strict(),
]);
export type Besluit = z.output<typeof besluitSchema>;

export interface Probleem {
  /** Dotted path, e.g. "inhoud.kindcheck" or "besluit.soort". */
  readonly path: string;
  readonly message: string;
}

/**
 * May this decision be proposed on this assessment? Returns every problem (empty: yes).
 * `fase`: 'beoordeling' for the first decision(s) on a melding, 'onderzoek' to close a VT onderzoek.
 */
export function besluitProblemen(
  inhoud: BeoordelingInhoud,
  besluit: Besluit,
  fase: 'beoordeling' | 'onderzoek',
  onderzoekUitkomst?: OnderzoekUitkomst,
): Probleem[] {
  const p: Probleem[] = [];
  if (!inhoud.acuteOnveiligheid) p.push({ path: 'inhoud.acuteOnveiligheid', message: 'beoordeel of er acute onveiligheid is (ja of nee, met toelichting)' });
  if (!inhoud.structureleOnveiligheid)
    p.push({ path: 'inhoud.structureleOnveiligheid', message: 'beoordeel of er structurele onveiligheid is (ja of nee, met toelichting)' });
  if (!inhoud.kindcheck) p.push({ path: 'inhoud.kindcheck', message: 'doe de kindcheck: zijn er kinderen (of is er een zwangerschap)?' });
  else if (inhoud.kindcheck.kinderenAanwezig === 'ja' && !inhoud.kindcheck.toelichting)
    p.push({ path: 'inhoud.kindcheck.toelichting', message: 'beschrijf hoe het met de veiligheid van de kinderen is' });
  const onveilig = inhoud.acuteOnveiligheid?.oordeel === 'ja' || inhoud.structureleOnveiligheid?.oordeel === 'ja';
  if (onveilig && (besluit.soort === 'einde-bemoeienis' || besluit.soort === 'omzetten-naar-advies')) {
    p.push({
      path: 'besluit.soort',
      message: 'bij acute of structurele onveiligheid kan Veilig Thuis de bemoeienis niet beëindigen of omzetten naar advies',
    });
  }
  if (besluit.soort === 'acute-inzet' && inhoud.acuteOnveiligheid?.oordeel !== 'ja') {
    p.push({ path: 'besluit.soort', message: 'acute inzet past alleen bij acute onveiligheid' });
  }
  if (fase === 'onderzoek') {
    if (!BESLUITEN_NA_ONDERZOEK.includes(besluit.soort)) {
      p.push({ path: 'besluit.soort', message: 'een onderzoek wordt afgesloten met einde bemoeienis, overdracht, voorwaarden en vervolg of een verzoek aan de Raad' });
    }
    if (!onderzoekUitkomst) p.push({ path: 'onderzoekUitkomst', message: 'geef de uitkomst van het onderzoek: bevestigd, niet bevestigd of weerlegd' });
  } else if (onderzoekUitkomst) {
    p.push({ path: 'onderzoekUitkomst', message: 'een uitkomst hoort alleen bij het afsluiten van een onderzoek' });
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Life cycle and four eyes

/**
 * open: to be assessed (or a new decision is needed); voorgesteld: a decision awaits confirmation;
 * onderzoek: VT onderzoek running; overdracht: waiting for the receiver to accept; afgerond: done.
 */
export const BEOORDELING_STATUSSEN = ['open', 'voorgesteld', 'onderzoek', 'overdracht', 'afgerond'] as const;
export type BeoordelingStatus = (typeof BEOORDELING_STATUSSEN)[number];

/** A proposal is confirmed or sent back by a second person, or withdrawn by its proposer before that. */
export const BESLUIT_STATUSSEN = ['voorgesteld', 'bevestigd', 'teruggestuurd', 'ingetrokken'] as const;
export type BesluitStatus = (typeof BESLUIT_STATUSSEN)[number];

export const OVERDRACHT_STATUSSEN = ['voorgesteld', 'geaccepteerd', 'geweigerd'] as const;
export type OverdrachtStatus = (typeof OVERDRACHT_STATUSSEN)[number];

/** The phase a decision belongs to, from the assessment's status when it is proposed; null: no decision can be proposed now. */
export function faseVoorVoorstel(status: BeoordelingStatus): 'beoordeling' | 'onderzoek' | null {
  if (status === 'open') return 'beoordeling';
  if (status === 'onderzoek') return 'onderzoek';
  return null;
}

/**
 * Four eyes: a proposed decision takes effect only after a second, qualified person confirms it.
 * Returns why this user may not confirm, or null when they may.
 */
export function bevestigenProbleem(bevestiger: { id: string; isGedragswetenschapper: boolean }, voorgesteldDoor: string | null): string | null {
  if (!bevestiger.isGedragswetenschapper) return 'alleen een gedragswetenschapper van Veilig Thuis kan een besluit bevestigen';
  if (voorgesteldDoor !== null && bevestiger.id === voorgesteldDoor) return 'een besluit wordt bevestigd door een tweede persoon, niet door wie het voorstelde';
  return null;
}

/** What a confirmed decision sets in motion; the server carries it out in the same transaction. */
export interface Gevolg {
  /** The assessment's new status. */
  readonly status: BeoordelingStatus;
  /** The veiligheidsbeoordeling counts as done now (for timeliness), unless it was done before. */
  readonly beoordeeld: boolean;
  /** Acute action was taken: the acute target is met; the regular deadline applies next. */
  readonly acuutAfgehandeld: boolean;
  readonly onderzoekStarten: boolean;
  readonly onderzoekAfronden: boolean;
  /** A handover proposal to the receiver (who must accept). */
  readonly overdrachtVoorstellen: boolean;
  /** The melding becomes an advies again (responsibility back with the melder). */
  readonly contactNaarAdvies: boolean;
}

export function gevolgVanBesluit(besluit: Besluit, fase: 'beoordeling' | 'onderzoek'): Gevolg {
  const base = { beoordeeld: true, acuutAfgehandeld: false, onderzoekStarten: false, onderzoekAfronden: fase === 'onderzoek', overdrachtVoorstellen: false, contactNaarAdvies: false };
  switch (besluit.soort) {
    case 'acute-inzet':
      return { ...base, status: 'open', beoordeeld: false, acuutAfgehandeld: true };
    case 'vt-onderzoek':
      return { ...base, status: 'onderzoek', onderzoekStarten: true };
    case 'overdracht':
      return { ...base, status: 'overdracht', overdrachtVoorstellen: true };
    case 'voorwaarden-en-vervolg':
      return besluit.organisatieId ? { ...base, status: 'overdracht', overdrachtVoorstellen: true } : { ...base, status: 'afgerond' };
    case 'omzetten-naar-advies':
      return { ...base, status: 'afgerond', contactNaarAdvies: true };
    case 'einde-bemoeienis':
    case 'verzoek-rvdk':
      return { ...base, status: 'afgerond' };
  }
}

/** The assessment's status after the receiver answered a handover. */
export function statusNaOverdracht(antwoord: 'geaccepteerd' | 'geweigerd'): BeoordelingStatus {
  return antwoord === 'geaccepteerd' ? 'afgerond' : 'open';
}

/** The assessment's status when a proposed decision is sent back: the phase it was proposed in. */
export function statusNaTerugsturen(fase: 'beoordeling' | 'onderzoek'): BeoordelingStatus {
  return fase === 'onderzoek' ? 'onderzoek' : 'open';
}
