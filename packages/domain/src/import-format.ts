/**
 * The JSON Lines import format for contacts (advies or melding) with their persons.
 * One JSON object per line. This is the contract for police feeds, migrations from existing
 * systems and the synthetic generator; docs/import-format.md documents it and
 * docs/import-format.schema.json is generated from this schema.
 */
import { z } from 'zod';
import { isValidBsn } from './bsn.js';

// Users read validation messages: Zod's own messages in Dutch, for every schema in the product.
z.config(z.locales.nl());
import { normalisePostcode } from './postcode.js';
import { amsterdamDate, isValidDate, parseMoment } from './time.js';
import { BESLUIT_SOORTEN, BESLUITEN_NA_ONDERZOEK, ONDERZOEK_UITKOMSTEN, OVERDRACHT_SOORTEN } from './beoordeling.js';
import {
  CONTACT_TYPES,
  GESLACHTEN,
  KANALEN,
  MELDER_RELATIES,
  MELDER_SECTOREN,
  MELDER_TYPES,
  PERSOON_ROLLEN,
  RELATIE_TYPES,
} from './model.js';
import { findGemeente, isGeweldsvormCode } from './reference/index.js';

const text = (max: number) => z.string().trim().min(1, 'mag niet leeg zijn').max(max, `maximaal ${max} tekens`);
const externalId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._:\/-]+$/, 'alleen letters, cijfers en . _ : / -');

const gemeente = z
  .string()
  .min(1)
  .max(80)
  .refine((v) => findGemeente(v) !== undefined, 'onbekende gemeente (gebruik de CBS-code, bijvoorbeeld GM0200, of de naam)');

const postcode = z
  .string()
  .refine((v) => normalisePostcode(v) !== null, 'ongeldige postcode (verwacht 1234 AB)')
  .transform((v) => normalisePostcode(v)!);

export const adresSchema = z
  .object({
    straat: text(120),
    huisnummer: z.number().int().min(1).max(99999),
    huisnummerToevoeging: z.string().trim().max(10).optional(),
    postcode,
    woonplaats: text(80),
    gemeente: gemeente.optional(),
    geheim: z.boolean().default(false).describe('adres geheim: e.g. a shelter address; shown only to those allowed'),
  })
  .strict();

const geboortedatum = z
  .string()
  .refine(isValidDate, 'ongeldige datum (verwacht JJJJ-MM-DD)');

export const persoonSchema = z
  .object({
    ref: z.string().min(1).max(40).describe('reference of this person within the line, used by relaties'),
    externalId: externalId.optional().describe("sender's own id of the person; the same id links registrations"),
    rol: z.enum(PERSOON_ROLLEN),
    voornamen: text(200).optional(),
    roepnaam: text(60).optional(),
    tussenvoegsel: z.string().trim().max(20).optional(),
    achternaam: text(200).optional(),
    geboortedatum: geboortedatum.optional(),
    geslacht: z.enum(GESLACHTEN).default('onbekend'),
    bsn: z
      .string()
      .regex(/^\d{9}$/, 'BSN moet 9 cijfers zijn')
      .refine(isValidBsn, 'BSN voldoet niet aan de 11-proef')
      .optional(),
    adres: adresSchema.optional(),
  })
  .strict();

export const melderSchema = z
  .object({
    type: z.enum(MELDER_TYPES),
    sector: z.enum(MELDER_SECTOREN).optional(),
    relatie: z.enum(MELDER_RELATIES).optional(),
    naam: text(200).optional(),
    organisatie: text(200).optional(),
    telefoon: z.string().trim().max(30).regex(/^[0-9 +()-]*$/, 'ongeldig telefoonnummer').optional(),
    email: z.email('ongeldig e-mailadres').max(200).optional(),
    anoniem: z.boolean().default(false),
    anoniemReden: text(500).optional().describe('required when a professional melder stays anonymous'),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.type === 'beroepskracht' && !m.sector) {
      ctx.addIssue({ code: 'custom', path: ['sector'], message: 'sector is verplicht bij een beroepskracht' });
    }
    if (m.type !== 'beroepskracht' && m.sector) {
      ctx.addIssue({ code: 'custom', path: ['sector'], message: 'sector hoort alleen bij een beroepskracht' });
    }
    if (m.type === 'niet-beroepsmatig' && !m.relatie) {
      ctx.addIssue({ code: 'custom', path: ['relatie'], message: 'relatie is verplicht bij een niet-beroepsmatige melder' });
    }
    if (m.type !== 'niet-beroepsmatig' && m.anoniem && !m.anoniemReden) {
      ctx.addIssue({
        code: 'custom',
        path: ['anoniemReden'],
        message: 'een beroepsmatige melder is herkenbaar; anonimiteit alleen als vastgelegde uitzondering met reden',
      });
    }
    if (m.anoniem && (m.naam || m.telefoon || m.email)) {
      ctx.addIssue({ code: 'custom', path: ['anoniem'], message: 'een anonieme melder heeft geen naam of contactgegevens' });
    }
  });

export const relatieSchema = z
  .object({
    van: z.string().min(1).max(40),
    naar: z.string().min(1).max(40),
    type: z.enum(RELATIE_TYPES),
  })
  .strict();

/** The fields of a contact, whatever channel it came through (the import adds the sender's externalId). */
const contactVelden = {
  type: z.enum(CONTACT_TYPES),
  ontvangenOp: z
    .string()
    .refine((v) => parseMoment(v) !== null, 'ongeldig tijdstip (verwacht ISO 8601, bijvoorbeeld 2024-12-31T23:30:00+01:00)')
    .describe('received-at; without an offset it is Amsterdam local time'),
  kanaal: z.enum(KANALEN),
  gemeente: gemeente.describe('gemeente the contact is about (CBS code or name)'),
  melder: melderSchema,
  huishouden: z
    .object({ externalId: externalId.optional() })
    .strict()
    .optional()
    .describe("sender's household id: contacts with the same id join one household"),
  personen: z.array(persoonSchema).max(30),
  relaties: z.array(relatieSchema).max(100).default([]),
  geweldsvormen: z
    .array(z.string().refine(isGeweldsvormCode, 'onbekende geweldsvorm'))
    .max(20)
    .default([]),
  omschrijving: z.string().trim().max(20000, 'maximaal 20000 tekens').optional(),
  acuutGevaar: z.boolean().default(false),
};

type ContactFields = z.output<z.ZodObject<typeof contactVelden>>;

/** The rules across fields of every contact, whatever its channel. */
function checkContact(line: ContactFields, ctx: z.core.$RefinementCtx<ContactFields>): void {
  const refs = new Set<string>();
  line.personen.forEach((p, i) => {
    if (refs.has(p.ref)) ctx.addIssue({ code: 'custom', path: ['personen', i, 'ref'], message: 'ref komt dubbel voor' });
    refs.add(p.ref);
    if (line.type === 'melding' && !p.achternaam && !p.bsn) {
      ctx.addIssue({
        code: 'custom',
        path: ['personen', i, 'achternaam'],
        message: 'een melding noemt de betrokkenen: achternaam of BSN is verplicht',
      });
    }
  });
  if (line.type === 'melding' && line.personen.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['personen'], message: 'een melding noemt ten minste één betrokkene' });
  }
  line.relaties.forEach((r, i) => {
    if (!refs.has(r.van)) ctx.addIssue({ code: 'custom', path: ['relaties', i, 'van'], message: 'onbekende ref' });
    if (!refs.has(r.naar)) ctx.addIssue({ code: 'custom', path: ['relaties', i, 'naar'], message: 'onbekende ref' });
    if (r.van === r.naar) ctx.addIssue({ code: 'custom', path: ['relaties', i], message: 'een relatie verbindt twee personen' });
  });
  const received = parseMoment(line.ontvangenOp);
  line.personen.forEach((p, i) => {
    if (p.geboortedatum && received && p.geboortedatum > amsterdamDate(received)) {
      ctx.addIssue({ code: 'custom', path: ['personen', i, 'geboortedatum'], message: 'geboortedatum ligt na de ontvangstdatum' });
    }
  });
}

/**
 * The outcome of an assessment made before the contact reached this system (a migration from an
 * earlier system, or the synthetic history): stored as a confirmed decision of the sender.
 */
export const historischeBeoordelingSchema = z
  .object({
    beoordeeldOp: z.string().refine((v) => parseMoment(v) !== null, 'ongeldig tijdstip (verwacht ISO 8601)'),
    besluit: z
      .enum(BESLUIT_SOORTEN)
      .refine((b) => b !== 'acute-inzet', 'acute inzet is geen afronding van de beoordeling; geef acuutAfgehandeldOp en het besluit daarna')
      .describe('the decision that completed the assessment'),
    acuutAfgehandeldOp: z
      .string()
      .refine((v) => parseMoment(v) !== null, 'ongeldig tijdstip (verwacht ISO 8601)')
      .optional()
      .describe('when acute action was taken, for an acute melding'),
    overdrachtNaar: z.enum(OVERDRACHT_SOORTEN).optional().describe('required when besluit is overdracht'),
    acuteOnveiligheid: z.boolean().optional(),
    structureleOnveiligheid: z.boolean().optional(),
    onderzoek: z
      .object({
        afgerondOp: z.string().refine((v) => parseMoment(v) !== null, 'ongeldig tijdstip (verwacht ISO 8601)'),
        uitkomst: z.enum(ONDERZOEK_UITKOMSTEN),
        vervolg: z.enum(BESLUIT_SOORTEN),
        overdrachtNaar: z.enum(OVERDRACHT_SOORTEN).optional(),
      })
      .strict()
      .optional()
      .describe('a finished VT onderzoek; only with besluit vt-onderzoek'),
  })
  .strict();

export const importLineSchema = z
  .object({
    externalId: externalId.describe("sender's id of this contact; importing it again changes nothing"),
    ...contactVelden,
    beoordeling: historischeBeoordelingSchema.optional().describe('only for a melding already assessed elsewhere'),
  })
  .strict()
  .superRefine((line, ctx) => {
    checkContact(line, ctx as unknown as z.core.$RefinementCtx<ContactFields>);
    const b = line.beoordeling;
    if (!b) return;
    const at = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path: ['beoordeling', ...path], message });
    if (line.type !== 'melding') at([], 'alleen een melding heeft een veiligheidsbeoordeling');
    const received = parseMoment(line.ontvangenOp);
    const assessed = parseMoment(b.beoordeeldOp);
    if (received && assessed && assessed < received) at(['beoordeeldOp'], 'beoordeeld vóór de ontvangst');
    const acute = b.acuutAfgehandeldOp ? parseMoment(b.acuutAfgehandeldOp) : null;
    if (acute && received && acute < received) at(['acuutAfgehandeldOp'], 'acuut afgehandeld vóór de ontvangst');
    if (b.acuutAfgehandeldOp && !line.acuutGevaar) at(['acuutAfgehandeldOp'], 'hoort alleen bij een melding met acuut gevaar');
    if ((b.besluit === 'overdracht') !== (b.overdrachtNaar !== undefined)) at(['overdrachtNaar'], 'overdrachtNaar hoort bij (en alleen bij) een overdracht');
    if (b.onderzoek && b.besluit !== 'vt-onderzoek') at(['onderzoek'], 'een onderzoek hoort alleen bij besluit vt-onderzoek');
    if (b.onderzoek) {
      const done = parseMoment(b.onderzoek.afgerondOp);
      if (assessed && done && done < assessed) at(['onderzoek', 'afgerondOp'], 'onderzoek afgerond vóór de beoordeling');
      if (!BESLUITEN_NA_ONDERZOEK.includes(b.onderzoek.vervolg)) at(['onderzoek', 'vervolg'], 'geen besluit dat een onderzoek afsluit');
      if ((b.onderzoek.vervolg === 'overdracht') !== (b.onderzoek.overdrachtNaar !== undefined))
        at(['onderzoek', 'overdrachtNaar'], 'overdrachtNaar hoort bij (en alleen bij) een overdracht');
    }
  });

/** A contact entered in the app (intake screen, professional form, public page): no sender id, no history. */
export const contactSchema = z.object(contactVelden).strict().superRefine(checkContact);
export type Contact = z.input<typeof contactSchema>;
export type ValidContact = z.output<typeof contactSchema>;

export type ImportLine = z.input<typeof importLineSchema>;
export type ValidImportLine = z.output<typeof importLineSchema>;
export type ImportPersoon = z.output<typeof persoonSchema>;

export interface ImportIssue {
  /** Dotted path of the field, e.g. "personen.0.bsn"; empty for the line as a whole. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; line: ValidImportLine } | { ok: false; issues: ImportIssue[] };

/** Parses one raw line of text (JSON) into a validated import line, or the issues naming each field. */
export function parseImportLine(raw: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, issues: [{ path: '', message: 'geen geldige JSON' }] };
  }
  return validateImportLine(json);
}

export function validateImportLine(value: unknown): ParseResult {
  const result = importLineSchema.safeParse(value);
  if (result.success) return { ok: true, line: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  };
}
