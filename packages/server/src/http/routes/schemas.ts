/**
 * Response schemas shared by several routes (intake, meldingen, radar). A response is serialised
 * through its schema, so a field that is not listed here never leaves the server.
 */
import { BEOORDELING_STATUSSEN, BESLUIT_SOORTEN, beoordelingInhoudSchema, CONTACT_GEBEURTENIS_SOORTEN, ONDERZOEK_UITKOMSTEN } from '@samenveilig/domain';
import { z } from 'zod';

export const ref = z.object({ id: z.string(), naam: z.string() });

export const fieldResultSchema = z.object({
  field: z.string(),
  level: z.string(),
  weight: z.number(),
  uitleg: z.string().describe('plain Dutch: which field agreed, and how'),
});

export const bekendHuishoudenSchema = z.object({
  id: z.string(),
  inZicht: z.boolean().describe('false: Veilig Thuis is not involved; only organisations and regie are shown'),
  contacten: z.array(
    z.object({ id: z.string(), type: z.string(), ontvangenOp: z.string(), gemeente: z.string(), besluit: z.string().nullable(), status: z.string().nullable() }),
  ),
  openWerk: z.array(z.string()),
  regie: z.object({ naam: z.string(), organisatie: z.string(), email: z.string() }).nullable(),
  betrokkenOrganisaties: z.array(z.string()),
});

export const bekendePersoonSchema = z.object({
  personId: z.string(),
  naam: z.string(),
  geboortedatum: z.string().nullable(),
  geslacht: z.string().nullable(),
  adres: z.string().nullable(),
  bsn: z.string().nullable(),
  registraties: z.number().int(),
  huishoudens: z.array(bekendHuishoudenSchema),
});

export const kandidaatSchema = z.object({
  id: z.string(),
  persoon: ref,
  kandidaat: bekendePersoonSchema,
  kans: z.number(),
  uitleg: z.array(fieldResultSchema),
  status: z.enum(['open', 'bevestigd', 'afgewezen']),
  besluit: z.object({ door: z.string(), op: z.string(), huishoudenGekoppeld: z.boolean() }).nullable(),
});

const besluitView = z.object({
  id: z.string(),
  fase: z.enum(['beoordeling', 'onderzoek']),
  soort: z.enum(BESLUIT_SOORTEN),
  naam: z.string(),
  inhoud: z.record(z.string(), z.unknown()),
  onderzoekUitkomst: z.enum(ONDERZOEK_UITKOMSTEN).nullable(),
  status: z.enum(['voorgesteld', 'bevestigd', 'teruggestuurd', 'ingetrokken']),
  voorgesteldDoor: ref,
  voorgesteldOp: z.string(),
  beoordeeldDoor: ref.nullable(),
  beoordeeldOp: z.string().nullable(),
  toelichting: z.string().nullable(),
});

export const beoordelingSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  status: z.enum(BEOORDELING_STATUSSEN),
  acuut: z.boolean(),
  ontvangenOp: z.string(),
  termijnen: z.object({ wettelijk: z.string(), regionaal: z.string(), acuut: z.string().nullable(), deadline: z.string().nullable() }),
  team: ref.nullable(),
  toegewezenAan: ref.nullable(),
  acuutAfgehandeldOp: z.string().nullable(),
  beoordeeldOp: z.string().nullable(),
  besluitSoort: z.enum(BESLUIT_SOORTEN).nullable(),
  onderzoek: z.object({ gestartOp: z.string(), deadline: z.string().nullable(), afgerondOp: z.string().nullable(), uitkomst: z.enum(ONDERZOEK_UITKOMSTEN).nullable() }).nullable(),
  afgerondOp: z.string().nullable(),
  inhoud: beoordelingInhoudSchema,
  bron: z.enum(['app', 'import']),
  versie: z.number().int(),
  besluiten: z.array(besluitView),
  overdrachten: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['voorgesteld', 'geaccepteerd', 'geweigerd']),
      soort: z.string().nullable(),
      naarOrganisatie: ref,
      naarTeam: ref.nullable(),
      voorgesteldOp: z.string(),
      beantwoordDoor: z.object({ naam: z.string() }).nullable(),
      beantwoordOp: z.string().nullable(),
      reden: z.string().nullable(),
    }),
  ),
});

const adres = z.object({ straat: z.string(), huisnummer: z.number(), huisnummerToevoeging: z.string().nullable(), postcode: z.string(), woonplaats: z.string() });

export const contactViewSchema = z.object({
  id: z.string(),
  type: z.enum(['advies', 'melding']),
  status: z.string(),
  ontvangenOp: z.string(),
  meldingOp: z.string().nullable(),
  kanaal: z.string(),
  gemeente: z.object({ code: z.string(), naam: z.string() }),
  melder: z.object({
    type: z.string(),
    sector: z.string().nullable(),
    relatie: z.string().nullable(),
    anoniem: z.boolean(),
    anoniemReden: z.string().nullable(),
    identiteit: z
      .object({ naam: z.string().nullable(), organisatie: z.string().nullable(), telefoon: z.string().nullable(), email: z.string().nullable() })
      .nullable()
      .describe('visible to Veilig Thuis only'),
  }),
  huishoudenId: z.string().nullable(),
  personen: z.array(
    z.object({
      id: z.string(),
      rol: z.string(),
      voornamen: z.string().nullable(),
      roepnaam: z.string().nullable(),
      tussenvoegsel: z.string().nullable(),
      achternaam: z.string().nullable(),
      geboortedatum: z.string().nullable(),
      geslacht: z.string(),
      bsn: z.string().nullable(),
      adres: adres.nullable(),
      adresAfgeschermd: z.boolean(),
    }),
  ),
  relaties: z.array(z.object({ van: z.string(), naar: z.string(), type: z.string() })),
  geweldsvormen: z.array(z.string()),
  omschrijving: z.string().nullable(),
  acuutGevaar: z.boolean(),
  gebeurtenissen: z.array(z.object({ soort: z.enum(CONTACT_GEBEURTENIS_SOORTEN), op: z.string(), door: z.string().nullable(), toelichting: z.string().nullable() })),
  beoordeling: beoordelingSchema.nullable().describe('Veilig Thuis only'),
  radar: z.array(kandidaatSchema).nullable().describe('Veilig Thuis only'),
  versie: z.number().int(),
});
