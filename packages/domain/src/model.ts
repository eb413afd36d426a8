/**
 * The core vocabulary of the domain. Terms of art stay Dutch (see docs/glossary.md);
 * each list is the single source for validation, the database check constraints and the UI.
 */

/** advies: a consultation, the asker stays responsible; melding: a report, VT becomes responsible. */
export const CONTACT_TYPES = ['advies', 'melding'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

/** How a contact reached Veilig Thuis. */
export const KANALEN = ['telefoon', 'chat', 'email', 'formulier', 'publiek-formulier', 'politie-import', 'import', 'post', 'overig'] as const;
export type Kanaal = (typeof KANALEN)[number];

/** Who reported (CBS Beleidsinformatie Veilig Thuis: politie, beroepsmatig, niet-beroepsmatig). */
export const MELDER_TYPES = ['politie', 'beroepskracht', 'niet-beroepsmatig'] as const;
export type MelderType = (typeof MELDER_TYPES)[number];

/** Sector of a professional melder (CBS categories; politie has its own melder type). */
export const MELDER_SECTOREN = [
  'gezondheidszorg',
  'ggz',
  'kinderopvang',
  'onderwijs',
  'leerplicht',
  'jeugdzorg',
  'justitie-en-veiligheid',
  'vt-andere-regio',
  'andere-organisatie',
] as const;
export type MelderSector = (typeof MELDER_SECTOREN)[number];

/** Relation of a non-professional melder to the household. */
export const MELDER_RELATIES = ['familie', 'buren', 'betrokkene-zelf', 'anoniem', 'overig'] as const;
export type MelderRelatie = (typeof MELDER_RELATIES)[number];

/** Role of a person in one contact. */
export const PERSOON_ROLLEN = ['slachtoffer', 'pleger', 'kind', 'getuige', 'overig'] as const;
export type PersoonRol = (typeof PERSOON_ROLLEN)[number];

export const GESLACHTEN = ['man', 'vrouw', 'anders', 'onbekend'] as const;
export type Geslacht = (typeof GESLACHTEN)[number];

/**
 * Relations between persons of a household (directed: `van` is partner/ouder/... of `naar`).
 * A huishouden is every form of living together, including ex-partners who live apart.
 */
export const RELATIE_TYPES = ['partner', 'ex-partner', 'ouder', 'grootouder', 'broer-zus', 'verzorger', 'overig'] as const;
export type RelatieType = (typeof RELATIE_TYPES)[number];

/** Life cycle of a registered contact; an erroneous registration is withdrawn, never deleted. */
export const CONTACT_STATUSSEN = ['actief', 'ingetrokken'] as const;
export type ContactStatus = (typeof CONTACT_STATUSSEN)[number];

/** What can happen to a contact after its registration; recorded, never rewritten. */
export const CONTACT_GEBEURTENIS_SOORTEN = ['omgezet-naar-melding', 'omgezet-naar-advies', 'ingetrokken'] as const;
export type ContactGebeurtenisSoort = (typeof CONTACT_GEBEURTENIS_SOORTEN)[number];
