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
