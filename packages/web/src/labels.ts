/** Dutch labels for the codes of the domain model (packages/domain/src/model.ts). Unknown codes get a readable fallback. */
import { codeAlsTekst } from './format';

const KANALEN: Record<string, string> = {
  telefoon: 'Telefoon',
  chat: 'Chat',
  email: 'E-mail',
  formulier: 'Formulier',
  'publiek-formulier': 'Formulier op de website',
  'politie-import': 'Zorgmelding van de politie',
  import: 'Overgenomen uit een ander systeem',
  post: 'Post',
  overig: 'Anders',
};

const MELDER_TYPES: Record<string, string> = {
  politie: 'Politie',
  beroepskracht: 'Beroepskracht',
  'niet-beroepsmatig': 'Niet-beroepsmatig (bijvoorbeeld familie of buren)',
};

const MELDER_SECTOREN: Record<string, string> = {
  gezondheidszorg: 'Gezondheidszorg',
  ggz: 'GGZ',
  kinderopvang: 'Kinderopvang',
  onderwijs: 'Onderwijs',
  leerplicht: 'Leerplicht',
  jeugdzorg: 'Jeugdzorg',
  'justitie-en-veiligheid': 'Justitie en veiligheid',
  'vt-andere-regio': 'Veilig Thuis in een andere regio',
  'andere-organisatie': 'Andere organisatie',
};

const MELDER_RELATIES: Record<string, string> = {
  familie: 'Familie',
  buren: 'Buren',
  'betrokkene-zelf': 'Betrokkene zelf',
  anoniem: 'Anoniem',
  overig: 'Anders',
};

const PERSOON_ROLLEN: Record<string, string> = {
  slachtoffer: 'Slachtoffer',
  pleger: 'Pleger',
  kind: 'Kind',
  getuige: 'Getuige',
  overig: 'Anders',
};

const NOTITIE_KLASSEN: Record<string, string> = {
  algemeen: 'Algemeen',
  medisch: 'Medisch',
  'seksueel-geweld': 'Seksueel geweld',
};

const CONTACT_TYPES: Record<string, string> = { advies: 'Advies', melding: 'Melding' };

const GESLACHTEN: Record<string, string> = { vrouw: 'Vrouw', man: 'Man', anders: 'Anders', onbekend: 'Onbekend' };

const label = (map: Record<string, string>) => (code: string | null | undefined): string =>
  code ? (map[code] ?? codeAlsTekst(code)) : 'Onbekend';

export const kanaalLabel = label(KANALEN);
export const melderTypeLabel = label(MELDER_TYPES);
export const melderSectorLabel = label(MELDER_SECTOREN);
export const melderRelatieLabel = label(MELDER_RELATIES);
export const persoonRolLabel = label(PERSOON_ROLLEN);
export const notitieKlasseLabel = label(NOTITIE_KLASSEN);
export const contactTypeLabel = label(CONTACT_TYPES);
export const geslachtLabel = label(GESLACHTEN);

const AUDIT_ACTIES: Record<string, string> = {
  'huishouden.lezen': 'Dossier bekeken',
  'huishouden.lezen.break-glass': 'Dossier bekeken met noodtoegang',
  'huishouden.lijst': 'Lijst met dossiers bekeken',
  'gebruiker.aanmaken': 'Gebruiker toegevoegd',
  'gebruiker.wijzigen': 'Gebruiker gewijzigd',
  'gebruiker.deblokkeren': 'Blokkade van gebruiker opgeheven',
  'gebruiker.lijst': 'Lijst met gebruikers bekeken',
  'organisatie.aanmaken': 'Organisatie toegevoegd',
  'team.aanmaken': 'Team toegevoegd',
  'privacy.persoon-zoeken': 'Persoon gezocht (inzageverzoek)',
  'privacy.audit-persoon': 'Audittrail van een persoon bekeken',
  'privacy.audit-gebruiker': 'Audittrail van een medewerker bekeken',
  'privacy.audit-verificatie': 'Audittrail gecontroleerd',
  'privacy.break-glass-lijst': 'Aanvragen voor noodtoegang bekeken',
  'privacy.break-glass-beoordelen': 'Noodtoegang beoordeeld',
  login: 'Ingelogd',
  'login.wachtwoord': 'Wachtwoord gecontroleerd',
  'login.mislukt': 'Inloggen mislukt',
  'login.tweede-factor': 'Code uit de app gecontroleerd',
  logout: 'Uitgelogd',
  'logout.overal': 'Overal uitgelogd',
  'break-glass.openen': 'Noodtoegang geopend',
  'break-glass.beoordelen': 'Noodtoegang beoordeeld',
};

const AUDIT_UITKOMSTEN: Record<string, string> = {
  ok: 'Gelukt',
  geweigerd: 'Geweigerd',
  'niet-gevonden': 'Niet gevonden of geen toegang',
  mislukt: 'Mislukt',
  geblokkeerd: 'Account geblokkeerd',
  'mislukt-nu-geblokkeerd': 'Mislukt, account nu geblokkeerd',
  'onbekend-account': 'Onbekend account',
  inactief: 'Account niet actief',
  intact: 'In orde',
  gebroken: 'Niet in orde',
  terecht: 'Beoordeeld als terecht',
  onterecht: 'Beoordeeld als onterecht',
};

/** "huishouden.lezen" → "Dossier bekeken"; unknown actions become readable ("Contact: aanmaken"). */
export function auditActieLabel(actie: string): string {
  const bekend = AUDIT_ACTIES[actie];
  if (bekend) return bekend;
  const [onderwerp, ...rest] = actie.split('.');
  return rest.length > 0 ? `${codeAlsTekst(onderwerp ?? '')}: ${rest.join(' ').replace(/-/g, ' ')}` : codeAlsTekst(actie);
}

export function auditUitkomstLabel(uitkomst: string | null): string {
  if (!uitkomst) return 'Onbekend';
  // "ok (25)": a list with 25 results.
  const aantal = /^ok \((\d+)( sessies)?\)$/.exec(uitkomst);
  if (aantal) return aantal[2] ? `Gelukt (${aantal[1]} sessies beëindigd)` : `Gelukt (${aantal[1]} resultaten)`;
  return AUDIT_UITKOMSTEN[uitkomst] ?? codeAlsTekst(uitkomst);
}

const RECORD_TYPES: Record<string, string> = {
  huishouden: 'Dossier',
  persoon: 'Persoon',
  gebruiker: 'Gebruiker',
  organisatie: 'Organisatie',
  team: 'Team',
  contact: 'Advies of melding',
  notitie: 'Notitie',
  'break-glass': 'Noodtoegang',
};

export const recordTypeLabel = label(RECORD_TYPES);

/* ------------------------------------------------------------------------------------------------
 * The front door of Veilig Thuis: intake, veiligheidsbeoordeling, decisions, handovers.
 * Mirrors packages/domain/src/{model,beoordeling,intake,notificaties}.ts.
 * ---------------------------------------------------------------------------------------------- */

/** A list of choices for a form, in the order of the map. */
export function keuzesUit(map: Record<string, string>): { waarde: string; label: string }[] {
  return Object.entries(map).map(([waarde, tekst]) => ({ waarde, label: tekst }));
}

/** Kanalen a Veilig Thuis worker enters on the intake screen. */
export const INTAKE_KANALEN: Record<string, string> = {
  telefoon: 'Telefoon',
  chat: 'Chat',
  email: 'E-mail',
  post: 'Post',
  overig: 'Anders',
};

export const MELDER_TYPE_NAMEN = MELDER_TYPES;
export const MELDER_SECTOR_NAMEN = MELDER_SECTOREN;
export const PERSOON_ROL_NAMEN = PERSOON_ROLLEN;
export const GESLACHT_NAMEN = GESLACHTEN;

/** Relation of a non-professional melder (without "anoniem": that is a separate choice). */
export const MELDER_RELATIE_NAMEN: Record<string, string> = {
  familie: 'Familie',
  buren: 'Buren',
  'betrokkene-zelf': 'Betrokkene zelf',
  overig: 'Anders',
};

/** Relations between persons (directed: `van` is partner/ouder/… of `naar`). */
export const RELATIE_NAMEN: Record<string, string> = {
  partner: 'Partner',
  'ex-partner': 'Ex-partner',
  ouder: 'Ouder',
  grootouder: 'Grootouder',
  'broer-zus': 'Broer of zus',
  verzorger: 'Verzorger',
  overig: 'Andere relatie',
};
export const relatieLabel = label(RELATIE_NAMEN);

/** "Anna is ex-partner van Bob"; "Anna heeft een andere relatie met Bob". */
export function relatieZin(van: string, type: string, naar: string): string {
  return type === 'overig' ? `${van} heeft een andere relatie met ${naar}` : `${van} is ${relatieLabel(type).toLowerCase()} van ${naar}`;
}

export const RISICOFACTOR_NAMEN: Record<string, string> = {
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
export const risicofactorLabel = label(RISICOFACTOR_NAMEN);

export const INFORMATIEBRON_NAMEN: Record<string, string> = {
  politie: 'Politie',
  huisarts: 'Huisarts',
  school: 'School',
  kinderopvang: 'Kinderopvang',
  'lokaal-team': 'Lokaal team',
  jeugdzorg: 'Jeugdzorg',
  ggz: 'GGZ',
  reclassering: 'Reclassering',
  verslavingszorg: 'Verslavingszorg',
  'raad-voor-de-kinderbescherming': 'Raad voor de Kinderbescherming',
  betrokkene: 'Betrokkene zelf',
  anders: 'Anders',
};
export const informatiebronLabel = label(INFORMATIEBRON_NAMEN);

export const BESLUIT_NAMEN: Record<string, string> = {
  'einde-bemoeienis': 'Einde bemoeienis',
  'omzetten-naar-advies': 'Omzetten naar advies',
  overdracht: 'Overdracht',
  'voorwaarden-en-vervolg': 'Voorwaarden en vervolg',
  'vt-onderzoek': 'Onderzoek door Veilig Thuis',
  'verzoek-rvdk': 'Verzoek tot onderzoek aan de Raad voor de Kinderbescherming',
  'acute-inzet': 'Acute inzet',
};
export const besluitLabel = label(BESLUIT_NAMEN);

/** Decisions that may close a VT onderzoek. */
export const BESLUITEN_NA_ONDERZOEK = ['einde-bemoeienis', 'overdracht', 'voorwaarden-en-vervolg', 'verzoek-rvdk'];

export const OVERDRACHT_SOORT_NAMEN: Record<string, string> = {
  'lokaal-team': 'Lokaal team',
  'betrokken-hulp': 'Hulp die al betrokken is',
  'multidisciplinair-team': 'Multidisciplinair team',
};
export const overdrachtSoortLabel = label(OVERDRACHT_SOORT_NAMEN);

export const ACUTE_MAATREGEL_NAMEN: Record<string, string> = {
  crisisdienst: 'Crisisdienst inschakelen',
  politie: 'Politie inschakelen',
  'huisverbod-advies': 'Advies over een tijdelijk huisverbod',
  opvang: 'Opvang regelen',
};
export const acuteMaatregelLabel = label(ACUTE_MAATREGEL_NAMEN);

export const ONDERZOEK_REDEN_NAMEN: Record<string, string> = {
  'onduidelijk-of-er-geweld-is': 'Het is onduidelijk of er geweld is',
  'hulp-geweigerd': 'Het huishouden weigert hulp',
  anders: 'Andere reden',
};
export const onderzoekRedenLabel = label(ONDERZOEK_REDEN_NAMEN);

export const ONDERZOEK_UITKOMST_NAMEN: Record<string, string> = {
  bevestigd: 'Bevestigd',
  'niet-bevestigd': 'Niet bevestigd',
  weerlegd: 'Weerlegd',
};
export const onderzoekUitkomstLabel = label(ONDERZOEK_UITKOMST_NAMEN);

const BEOORDELING_STATUSSEN: Record<string, string> = {
  open: 'Te beoordelen',
  voorgesteld: 'Besluit wacht op bevestiging',
  onderzoek: 'Onderzoek loopt',
  overdracht: 'Overdracht wacht op de ontvanger',
  afgerond: 'Afgerond',
};
export const beoordelingStatusLabel = label(BEOORDELING_STATUSSEN);

const WACHT_OP: Record<string, string> = {
  beoordeling: 'Wacht op veiligheidsbeoordeling',
  bevestiging: 'Wacht op bevestiging',
  onderzoek: 'Onderzoek loopt',
  ontvanger: 'Wacht op ontvanger',
  'nieuw-besluit': 'Nieuw besluit nodig',
};
export const wachtOpLabel = label(WACHT_OP);

const BESLUIT_STATUSSEN: Record<string, string> = {
  voorgesteld: 'Wacht op bevestiging',
  bevestigd: 'Bevestigd',
  teruggestuurd: 'Teruggestuurd',
  ingetrokken: 'Ingetrokken',
};
export const besluitStatusLabel = label(BESLUIT_STATUSSEN);

const OVERDRACHT_STATUSSEN: Record<string, string> = {
  voorgesteld: 'Wacht op antwoord',
  geaccepteerd: 'Geaccepteerd',
  geweigerd: 'Geweigerd',
};
export const overdrachtStatusLabel = label(OVERDRACHT_STATUSSEN);

const GEBEURTENISSEN: Record<string, string> = {
  'omgezet-naar-melding': 'Omgezet naar melding',
  'omgezet-naar-advies': 'Omgezet naar advies',
  ingetrokken: 'Ingetrokken',
};
export const gebeurtenisLabel = label(GEBEURTENISSEN);

/** Fields the radar compares (packages/domain/src/radar). */
const RADAR_VELDEN: Record<string, string> = {
  surname: 'Achternaam',
  givenName: 'Voornaam',
  birthDate: 'Geboortedatum',
  address: 'Adres',
  sex: 'Geslacht',
  nationalId: 'BSN',
  phone: 'Telefoon',
};
export const radarVeldLabel = label(RADAR_VELDEN);

/** The sector a professional reports from by default, by the type of their organisation (mirrors SECTOR_VAN_ORGANISATIETYPE). */
export const SECTOR_VAN_ORGANISATIETYPE: Record<string, string> = {
  'veilig-thuis': 'vt-andere-regio',
  'lokaal-team': 'jeugdzorg',
  'openbaar-ministerie': 'justitie-en-veiligheid',
  reclassering: 'justitie-en-veiligheid',
  vrouwenopvang: 'andere-organisatie',
  daderopvang: 'andere-organisatie',
  'centrum-seksueel-geweld': 'gezondheidszorg',
  'zorg-en-veiligheidshuis': 'justitie-en-veiligheid',
  'raad-voor-de-kinderbescherming': 'jeugdzorg',
  'gecertificeerde-instelling': 'jeugdzorg',
  gemeente: 'andere-organisatie',
  onderwijs: 'onderwijs',
  huisarts: 'gezondheidszorg',
  kinderopvang: 'kinderopvang',
  ggz: 'ggz',
  ouderenzorg: 'gezondheidszorg',
  jeugdhulp: 'jeugdzorg',
  overig: 'andere-organisatie',
};

/* ------------------------------------------------------------------------------------------------
 * One household, one plan, one director: the veiligheidsplan, regie, TOP-3 and check moments.
 * Mirrors packages/domain/src/{plan,regie,top3}.ts and the check moments of the server.
 * ---------------------------------------------------------------------------------------------- */

/** The phases of the plan, in order (FASEN). */
export const FASEN = ['directe-veiligheid', 'stabiele-veiligheid', 'duurzame-veiligheid'] as const;
export type Fase = (typeof FASEN)[number];

export const FASE_NAMEN: Record<Fase, string> = {
  'directe-veiligheid': 'Directe veiligheid',
  'stabiele-veiligheid': 'Stabiele veiligheid',
  'duurzame-veiligheid': 'Duurzame veiligheid',
};
export const faseLabel = label(FASE_NAMEN);

/** What each phase is about, in plain Dutch (FASE_UITLEG). */
export const FASE_UITLEG: Record<Fase, string> = {
  'directe-veiligheid': 'Eerst stopt het geweld. We maken afspraken zodat iedereen nu veilig is.',
  'stabiele-veiligheid': 'Het geweld is gestopt. We pakken aan wat de kans op nieuw geweld groter maakt.',
  'duurzame-veiligheid': 'Het blijft veilig. Er is ruimte voor herstel en voor wat er is gebeurd.',
};

/** Status of a voorwaarde or afspraak, for professionals. */
export const AFSPRAAK_STATUS_NAMEN: Record<string, string> = { open: 'Open', nagekomen: 'Nagekomen', 'niet-nagekomen': 'Niet nagekomen' };
export const afspraakStatusLabel = label(AFSPRAAK_STATUS_NAMEN);

/** The same status in B1 Dutch, for the household's printed plan. */
const AFSPRAAK_STATUS_B1: Record<string, string> = { open: 'Nog te doen', nagekomen: 'Gedaan', 'niet-nagekomen': 'Niet gelukt' };
export const afspraakStatusB1 = label(AFSPRAAK_STATUS_B1);

export const REGIE_NAMEN: Record<string, string> = { casusregisseur: 'Casusregisseur', procesregisseur: 'Procesregisseur' };
export const regieLabel = label(REGIE_NAMEN);

const REGIE_VOORSTEL_STATUSSEN: Record<string, string> = {
  voorgesteld: 'Wacht op antwoord',
  geaccepteerd: 'Geaccepteerd',
  geweigerd: 'Geweigerd',
  ingetrokken: 'Ingetrokken',
};
export const regieVoorstelStatusLabel = label(REGIE_VOORSTEL_STATUSSEN);

export const CONTROLE_UITKOMST_NAMEN: Record<string, string> = { veilig: 'Veilig', zorgen: 'Er zijn zorgen', onveilig: 'Niet veilig' };
export const controleUitkomstLabel = label(CONTROLE_UITKOMST_NAMEN);

const CONTROLE_STATUSSEN: Record<string, string> = { gepland: 'Gepland', afgerond: 'Afgerond' };
export const controleStatusLabel = label(CONTROLE_STATUSSEN);

/** Kinds of participants of a TOP-3 session (DEELNEMER_SOORTEN). */
export const DEELNEMER_SOORT_NAMEN: Record<string, string> = { gezinslid: 'Gezinslid', kind: 'Kind', netwerk: 'Netwerk', professional: 'Professional' };
export const deelnemerSoortLabel = label(DEELNEMER_SOORT_NAMEN);

/** Kinds of events on the dossier's timeline. */
const TIJDLIJN_SOORTEN: Record<string, string> = {
  contact: 'Contact',
  besluit: 'Besluit',
  overdracht: 'Overdracht',
  regie: 'Regie',
  plan: 'Plan',
  fase: 'Fase',
  controle: 'Controle',
  top3: 'TOP-3',
};
export const tijdlijnSoortLabel = label(TIJDLIJN_SOORTEN);
