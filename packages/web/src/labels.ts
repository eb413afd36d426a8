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

const label = (map: Record<string, string>) => (code: string | null | undefined): string =>
  code ? (map[code] ?? codeAlsTekst(code)) : 'Onbekend';

export const kanaalLabel = label(KANALEN);
export const melderTypeLabel = label(MELDER_TYPES);
export const melderSectorLabel = label(MELDER_SECTOREN);
export const melderRelatieLabel = label(MELDER_RELATIES);
export const persoonRolLabel = label(PERSOON_ROLLEN);
export const notitieKlasseLabel = label(NOTITIE_KLASSEN);
export const contactTypeLabel = label(CONTACT_TYPES);
export const geslachtLabel = label({});

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
