import { describe, expect, it } from 'vitest';
import { contactSchema } from './import-format.js';
import {
  ontvangenOpProbleem,
  professionalContactSchema,
  professionalNaarContact,
  publiekContactSchema,
  publiekNaarContact,
  SECTOR_VAN_ORGANISATIETYPE,
} from './intake.js';
import { MELDER_SECTOREN } from './model.js';
import { ORGANISATIETYPEN } from './reference/index.js';

const NOW = new Date('2026-11-29T03:00:00Z');
const SLEUTEL = '0190a000-0000-7000-8000-0000000000aa';
const leraar = { naam: 'Lia Leraar', email: 'lia@school.example', organisatie: 'Basisschool De Proef', organisatieType: 'onderwijs' };

describe('received-at', () => {
  it('may not lie in the future beyond a small clock difference', () => {
    expect(ontvangenOpProbleem(new Date(NOW.getTime() + 4 * 60_000), NOW)).toBeNull();
    expect(ontvangenOpProbleem(new Date(NOW.getTime() + 6 * 60_000), NOW)).toMatch(/toekomst/);
    expect(ontvangenOpProbleem(new Date('2020-01-01'), NOW)).toBeNull();
  });
});

describe('the professionals form', () => {
  const input = professionalContactSchema.parse({
    sleutel: SLEUTEL,
    type: 'melding',
    gemeente: 'Apeldoorn',
    personen: [{ ref: 'a', rol: 'kind', voornamen: 'Noor', achternaam: 'Proefkind' }],
    omschrijving: 'Blauwe plekken.',
  });

  it('makes the logged-in professional the identifiable melder, sector from the organisation', () => {
    const c = contactSchema.parse(professionalNaarContact(input, leraar, NOW));
    expect(c.melder).toEqual({ type: 'beroepskracht', sector: 'onderwijs', naam: 'Lia Leraar', organisatie: 'Basisschool De Proef', email: 'lia@school.example', anoniem: false });
    expect(c.kanaal).toBe('formulier');
    expect(c.ontvangenOp).toBe('2026-11-29T04:00:00+01:00');
  });

  it('a police officer is melder type politie', () => {
    expect(contactSchema.parse(professionalNaarContact(input, { ...leraar, organisatieType: 'politie' }, NOW)).melder.type).toBe('politie');
  });

  it('the professional may choose another sector', () => {
    expect(professionalNaarContact({ ...input, sector: 'ggz' }, leraar, NOW).melder.sector).toBe('ggz');
  });

  it('anonymity drops the identity and needs a reason (checked by the contact rules)', () => {
    const anon = professionalNaarContact({ ...input, anoniem: true }, leraar, NOW);
    expect(anon.melder).toEqual({ type: 'beroepskracht', sector: 'onderwijs', anoniem: true });
    const r = contactSchema.safeParse(anon);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain('melder.anoniemReden');
    expect(contactSchema.safeParse(professionalNaarContact({ ...input, anoniem: true, anoniemReden: 'Dreiging' }, leraar, NOW)).success).toBe(true);
  });

  it('maps every organisation type to a CBS sector', () => {
    for (const t of ORGANISATIETYPEN) if (t.code !== 'politie') expect(MELDER_SECTOREN, t.code).toContain(SECTOR_VAN_ORGANISATIETYPE[t.code]);
  });
});

describe('the public page', () => {
  const advies = { sleutel: SLEUTEL, soort: 'advies', gemeente: 'Apeldoorn', watIsEr: 'Ik hoor de buren vaak schreeuwen.', kinderen: 'weet-ik-niet', melder: { relatie: 'buren', anoniem: true } };
  const messages = (v: unknown) => {
    const r = publiekContactSchema.safeParse(v);
    return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
  };

  it('accepts an anonymous advice without names', () => {
    const c = contactSchema.parse(publiekNaarContact(publiekContactSchema.parse(advies), NOW));
    expect(c).toMatchObject({ type: 'advies', kanaal: 'publiek-formulier', melder: { type: 'niet-beroepsmatig', relatie: 'anoniem', anoniem: true }, personen: [] });
    expect(c.omschrijving).toContain('weet niet of er kinderen');
  });

  it('a melding needs someone with a surname, in plain Dutch', () => {
    expect(messages({ ...advies, soort: 'melding' })).toEqual([['overWie', expect.stringContaining('ten minste één persoon')]]);
    expect(messages({ ...advies, soort: 'melding', overWie: [{ rol: 'kind', voornaam: 'Sam', leeftijd: 6 }] })).toEqual([
      ['overWie.0.achternaam', expect.stringContaining('achternaam')],
    ]);
  });

  it('speaks B1 to citizens about bad input', () => {
    expect(messages({ ...advies, watIsEr: 'kort' })).toEqual([['watIsEr', 'Vertel in een paar zinnen wat er aan de hand is.']]);
    expect(messages({ ...advies, gemeente: 'Atlantis' })).toEqual([['gemeente', 'Kies een gemeente uit de lijst.']]);
    expect(messages({ ...advies, overWie: [{ rol: 'kind', leeftijd: -1 }] })).toEqual([['overWie.0.leeftijd', 'Een leeftijd kan niet negatief zijn.']]);
    expect(messages({ ...advies, melder: { relatie: 'buren', anoniem: true, naam: 'Piet' } })).toEqual([['melder.anoniem', expect.stringContaining('anoniem')]]);
  });

  it('a melding with names becomes a valid melding; ages and children go into the description', () => {
    const input = publiekContactSchema.parse({
      ...advies,
      soort: 'melding',
      kinderen: 'ja',
      nuInGevaar: true,
      overWie: [{ rol: 'slachtoffer', voornaam: 'Eva', achternaam: 'Proefvrouw', leeftijd: 34 }],
      melder: { relatie: 'familie', anoniem: false, naam: 'Zus van Eva', telefoon: '06 12345678' },
    });
    const c = contactSchema.parse(publiekNaarContact(input, NOW));
    expect(c).toMatchObject({ type: 'melding', acuutGevaar: true, melder: { relatie: 'familie', naam: 'Zus van Eva', telefoon: '06 12345678' } });
    expect(c.personen).toEqual([expect.objectContaining({ rol: 'slachtoffer', voornamen: 'Eva', achternaam: 'Proefvrouw' })]);
    expect(c.omschrijving).toMatch(/Eva\): 34 jaar/);
    expect(c.omschrijving).toMatch(/wel kinderen|zijn er kinderen bij betrokken/);
  });
});

describe('the public page: addresses in plain Dutch', () => {
  const base = { sleutel: SLEUTEL, soort: 'advies', gemeente: 'Apeldoorn', watIsEr: 'Ik maak me zorgen om mijn zus.', kinderen: 'nee', melder: { relatie: 'familie', anoniem: true } };
  it('names what is wrong with an address the way a citizen understands', () => {
    const r = publiekContactSchema.safeParse({ ...base, overWie: [{ rol: 'slachtoffer', adres: { straat: '', huisnummer: 12, postcode: '12345', woonplaats: 'Apeldoorn' } }] });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['overWie.0.adres.straat', 'Vul de straat in.'],
      ['overWie.0.adres.postcode', 'Vul een postcode in zoals 1234 AB.'],
    ]);
  });
  it('a valid address becomes the contact address, postcode normalised', () => {
    const input = publiekContactSchema.parse({ ...base, overWie: [{ rol: 'slachtoffer', adres: { straat: 'Dorpsstraat', huisnummer: 3, postcode: '7311 ab', woonplaats: 'Apeldoorn' } }] });
    expect(contactSchema.parse(publiekNaarContact(input, NOW)).personen[0]!.adres).toMatchObject({ postcode: '7311AB', geheim: false });
  });
});
