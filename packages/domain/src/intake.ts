/**
 * The channels into Veilig Thuis besides the import: the intake screen (phone and chat), the form for
 * professionals of chain organisations, and the public page for citizens. Each channel has its own input;
 * each becomes the same contact (import-format.ts `contactSchema`) and then takes the same path of
 * validation, radar and deadlines.
 */
import { z } from 'zod';
import { findGemeente } from './reference/index.js';
import { MELDER_SECTOREN, PERSOON_ROLLEN, type MelderSector } from './model.js';
import { persoonSchema, relatieSchema, type Contact } from './import-format.js';
import { normalisePostcode } from './postcode.js';
import { formatAmsterdam } from './time.js';

/** How far in the future a received-at moment may lie (clock differences). */
const KLOKSPELING_MS = 5 * 60_000;

/** A contact cannot have been received after now. */
export function ontvangenOpProbleem(ontvangenOp: Date, now: Date): string | null {
  return ontvangenOp.getTime() > now.getTime() + KLOKSPELING_MS ? 'het tijdstip van ontvangst ligt in de toekomst' : null;
}

const gemeente = z
  .string()
  .min(1, 'kies een gemeente')
  .max(80)
  .refine((v) => findGemeente(v) !== undefined, 'onbekende gemeente');

const sleutel = z.uuid('ongeldige sleutel').describe("the client's id of this submission: sending it twice stores it once");

// ---------------------------------------------------------------------------------------------
// Professionals of chain organisations (logged in)

/** The sector a professional melder reports from, by the type of their organisation (they may choose another). */
export const SECTOR_VAN_ORGANISATIETYPE: Readonly<Record<string, MelderSector>> = {
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

export const professionalContactSchema = z
  .object({
    sleutel,
    type: z.enum(['advies', 'melding']),
    gemeente,
    sector: z.enum(MELDER_SECTOREN).optional().describe('default: by the type of the organisation'),
    telefoon: z.string().trim().max(30).regex(/^[0-9 +()-]*$/, 'ongeldig telefoonnummer').optional(),
    anoniem: z.boolean().default(false),
    anoniemReden: z.string().trim().min(1).max(500).optional(),
    personen: z.array(persoonSchema).max(30),
    relaties: z.array(relatieSchema).max(100).default([]),
    geweldsvormen: z.array(z.string()).max(20).default([]),
    omschrijving: z.string().trim().min(1, 'beschrijf wat u zag of hoorde').max(20000, 'maximaal 20000 tekens'),
    acuutGevaar: z.boolean().default(false),
  })
  .strict();
export type ProfessionalContact = z.output<typeof professionalContactSchema>;

/** The professional's submission as a contact; the melder is the logged-in professional (identifiable). */
export function professionalNaarContact(
  input: ProfessionalContact,
  melder: { naam: string; email: string; organisatie: string; organisatieType: string },
  now: Date,
): Contact {
  const politie = melder.organisatieType === 'politie';
  return {
    type: input.type,
    ontvangenOp: formatAmsterdam(now),
    kanaal: 'formulier',
    gemeente: input.gemeente,
    melder: politie
      ? { type: 'politie', ...identiteit(input, melder) }
      : { type: 'beroepskracht', sector: input.sector ?? SECTOR_VAN_ORGANISATIETYPE[melder.organisatieType] ?? 'andere-organisatie', ...identiteit(input, melder) },
    personen: input.personen,
    relaties: input.relaties,
    geweldsvormen: input.geweldsvormen,
    omschrijving: input.omschrijving,
    acuutGevaar: input.acuutGevaar,
  };
}

function identiteit(input: ProfessionalContact, m: { naam: string; email: string; organisatie: string }) {
  // Anonymity of a professional is a recorded exception: no name or contact details, a reason instead.
  if (input.anoniem) return { anoniem: true, ...(input.anoniemReden ? { anoniemReden: input.anoniemReden } : {}) };
  return { naam: m.naam, organisatie: m.organisatie, email: m.email, ...(input.telefoon ? { telefoon: input.telefoon } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Citizens (the public page, no login; messages in plain Dutch, B1)

export const PUBLIEK_RELATIES = ['familie', 'buren', 'betrokkene-zelf', 'overig'] as const;

/** An address as a citizen gives it: the import format's address, with plain-Dutch messages. */
const publiekAdresSchema = z
  .object({
    straat: z.string('Vul de straat in.').trim().min(1, 'Vul de straat in.').max(120, 'De straatnaam is te lang.'),
    huisnummer: z.number('Vul het huisnummer in cijfers in.').int('Vul alleen het huisnummer in, zonder letters.').min(1, 'Vul het huisnummer in.').max(99999, 'Dit huisnummer klopt niet.'),
    huisnummerToevoeging: z.string().trim().max(10, 'De toevoeging is te lang.').optional(),
    postcode: z
      .string('Vul de postcode in.')
      .refine((v) => normalisePostcode(v) !== null, 'Vul een postcode in zoals 1234 AB.')
      .transform((v) => normalisePostcode(v)!),
    woonplaats: z.string('Vul de woonplaats in.').trim().min(1, 'Vul de woonplaats in.').max(80, 'De naam van de woonplaats is te lang.'),
  })
  .strict();

const kortTekst = (max: number, leeg: string) => z.string().trim().min(1, leeg).max(max, `Dit is te lang. Gebruik maximaal ${max} tekens.`);

export const publiekContactSchema = z
  .object({
    sleutel,
    soort: z.enum(['advies', 'melding'], 'Kies of u advies wilt of iets wilt melden.'),
    gemeente: z
      .string('Kies de gemeente waar het gebeurt.')
      .min(1, 'Kies de gemeente waar het gebeurt.')
      .max(80)
      .refine((v) => findGemeente(v) !== undefined, 'Kies een gemeente uit de lijst.'),
    overWie: z
      .array(
        z
          .object({
            rol: z.enum(PERSOON_ROLLEN, 'Kies wie deze persoon is.'),
            voornaam: kortTekst(100, 'Vul een voornaam in of laat het veld leeg.').optional(),
            achternaam: kortTekst(200, 'Vul een achternaam in of laat het veld leeg.').optional(),
            leeftijd: z.number('Vul een leeftijd in cijfers in.').int('Vul een leeftijd in hele jaren in.').min(0, 'Een leeftijd kan niet negatief zijn.').max(120, 'Vul een leeftijd tot 120 in.').optional(),
            adres: publiekAdresSchema.optional(),
          })
          .strict(),
      )
      .max(10, 'U kunt maximaal 10 personen noemen.')
      .default([]),
    watIsEr: z
      .string('Vertel wat er aan de hand is.')
      .trim()
      .min(10, 'Vertel in een paar zinnen wat er aan de hand is.')
      .max(5000, 'Dit is te lang. Gebruik maximaal 5000 tekens.'),
    kinderen: z.enum(['ja', 'nee', 'weet-ik-niet'], 'Geef aan of er kinderen bij zijn.'),
    nuInGevaar: z.boolean().default(false),
    melder: z
      .object({
        relatie: z.enum(PUBLIEK_RELATIES, 'Kies wie u bent voor deze mensen.'),
        anoniem: z.boolean().default(false),
        naam: kortTekst(200, 'Vul uw naam in of laat het veld leeg.').optional(),
        telefoon: z.string().trim().max(30).regex(/^[0-9 +()-]*$/, 'Vul een telefoonnummer in met alleen cijfers.').optional(),
        email: z.email('Vul een geldig e-mailadres in.').max(200).optional(),
      })
      .strict(),
    /** Left empty by people; filled in by robots. */
    website: z.string().max(200).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.soort === 'melding') {
      if (v.overWie.length === 0) ctx.addIssue({ code: 'custom', path: ['overWie'], message: 'Bij een melding noemt u ten minste één persoon. Weet u geen namen? Kies dan "Ik wil advies".' });
      v.overWie.forEach((p, i) => {
        if (!p.achternaam)
          ctx.addIssue({ code: 'custom', path: ['overWie', i, 'achternaam'], message: 'Bij een melding hebben we de achternaam nodig. Weet u die niet? Kies dan "Ik wil advies".' });
      });
    }
    if (v.melder.anoniem && (v.melder.naam || v.melder.telefoon || v.melder.email)) {
      ctx.addIssue({ code: 'custom', path: ['melder', 'anoniem'], message: 'U wilt anoniem blijven. Laat dan uw naam, telefoon en e-mail leeg.' });
    }
  });
export type PubliekContact = z.output<typeof publiekContactSchema>;

const KINDEREN_TEKST = { ja: 'Volgens de melder zijn er kinderen bij betrokken.', nee: 'Volgens de melder zijn er geen kinderen bij betrokken.', 'weet-ik-niet': 'De melder weet niet of er kinderen bij betrokken zijn.' };

/** The citizen's submission as a contact: melder niet-beroepsmatig, anonymous when asked. */
export function publiekNaarContact(input: PubliekContact, now: Date): Contact {
  const leeftijden = input.overWie
    .map((p, i) => (p.leeftijd !== undefined ? `persoon ${i + 1} (${p.voornaam ?? p.rol}): ${p.leeftijd} jaar` : null))
    .filter((x): x is string => x !== null);
  const omschrijving = [input.watIsEr, KINDEREN_TEKST[input.kinderen], leeftijden.length ? `Leeftijden volgens de melder: ${leeftijden.join('; ')}.` : null]
    .filter(Boolean)
    .join('\n\n');
  return {
    type: input.soort,
    ontvangenOp: formatAmsterdam(now),
    kanaal: 'publiek-formulier',
    gemeente: input.gemeente,
    melder: input.melder.anoniem
      ? { type: 'niet-beroepsmatig', relatie: 'anoniem', anoniem: true }
      : {
          type: 'niet-beroepsmatig',
          relatie: input.melder.relatie,
          ...(input.melder.naam ? { naam: input.melder.naam } : {}),
          ...(input.melder.telefoon ? { telefoon: input.melder.telefoon } : {}),
          ...(input.melder.email ? { email: input.melder.email } : {}),
        },
    personen: input.overWie.map((p, i) => ({
      ref: `p${i + 1}`,
      rol: p.rol,
      ...(p.voornaam ? { voornamen: p.voornaam } : {}),
      ...(p.achternaam ? { achternaam: p.achternaam } : {}),
      ...(p.adres ? { adres: p.adres } : {}),
    })),
    relaties: [],
    geweldsvormen: [],
    omschrijving: omschrijving.slice(0, 20000),
    acuutGevaar: input.nuInGevaar,
  };
}
