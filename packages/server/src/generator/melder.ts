/**
 * Synthetic melders: police units, professionals by sector with a fictitious organisation, and
 * private persons (often anonymous). Phone numbers are 06-numbers, e-mail addresses only at
 * example.org / example.nl.
 */
import type { ImportLine, MelderRelatie, MelderSector } from '@samenveilig/domain';
import { ORG_NICE_NAMES, SCHOOL_KINDS, SECONDARY_SCHOOL_KINDS, VT_OTHER_REGIONS } from './lists/places.js';
import { ANONIEM_REDENEN } from './lists/templates.js';
import type { Person } from './household.js';
import { asciiSlug, givenNames, surname, type Origin, type Sex } from './names.js';
import { Weighted, type Rng } from './rng.js';

export type Melder = ImportLine['melder'];

/** Professional sectors (CBS categories) for contacts with and without children. */
const SECTORS_WITH_CHILDREN = Weighted.of<MelderSector>([
  ['onderwijs', 22],
  ['jeugdzorg', 20],
  ['gezondheidszorg', 18],
  ['andere-organisatie', 12],
  ['kinderopvang', 5],
  ['ggz', 6],
  ['justitie-en-veiligheid', 7],
  ['leerplicht', 4],
  ['vt-andere-regio', 6],
]);
const SECTORS_ADULTS = Weighted.of<MelderSector>([
  ['gezondheidszorg', 32],
  ['ggz', 20],
  ['andere-organisatie', 24],
  ['justitie-en-veiligheid', 14],
  ['vt-andere-regio', 6],
  ['jeugdzorg', 4],
]);

export const RELATIES_MELDING = Weighted.of<MelderRelatie>([
  ['familie', 34],
  ['buren', 26],
  ['betrokkene-zelf', 20],
  ['anoniem', 12],
  ['overig', 8],
]);
export const RELATIES_ADVIES = Weighted.of<MelderRelatie>([
  ['betrokkene-zelf', 34],
  ['familie', 30],
  ['buren', 14],
  ['anoniem', 10],
  ['overig', 12],
]);

const MELDER_ORIGINS = Weighted.of<Origin>([
  ['nl', 82],
  ['tr', 4],
  ['ma', 4],
  ['sr', 4],
  ['cw', 2],
  ['pl', 2],
  ['sy', 1],
  ['mol', 1],
]);

export interface NamedPerson {
  readonly roepnaam: string;
  readonly full: string;
  readonly slug: string;
}

/** A synthetic adult (a professional or a relative) who is not part of the household. */
export function syntheticAdult(rng: Rng, birthYear: number, family?: { tussenvoegsel: string | undefined; achternaam: string }): NamedPerson {
  const origin = MELDER_ORIGINS.pick(rng);
  const sex: Sex = rng.chance(0.7) ? 'vrouw' : 'man';
  const given = givenNames(rng, origin, sex, birthYear);
  const name = family ?? surname(rng, origin);
  const roepnaam = given.roepnaam ?? given.voornamen.split(' ')[0]!;
  const last = name.tussenvoegsel ? `${name.tussenvoegsel} ${name.achternaam}` : name.achternaam;
  return { roepnaam, full: `${roepnaam} ${last}`, slug: `${asciiSlug(roepnaam).slice(0, 1)}.${asciiSlug(last)}` };
}

export function mobile(rng: Rng): string {
  return `06-${rng.range(10_000_000, 65_999_999)}`;
}

function organisation(rng: Rng, sector: MelderSector, woonplaats: string, gemeenteNaam: string): string {
  const nice = () => rng.pick(ORG_NICE_NAMES);
  switch (sector) {
    case 'onderwijs':
      return rng.chance(0.7) ? `${rng.pick(SCHOOL_KINDS)} ${nice()}` : `${rng.pick(SECONDARY_SCHOOL_KINDS)} ${woonplaats}`;
    case 'gezondheidszorg':
      return rng.pick([
        `Huisartsenpraktijk ${nice()}`,
        `Huisartsenpraktijk ${woonplaats}`,
        `Jeugdgezondheidszorg ${gemeenteNaam}`,
        `Spoedeisende hulp ziekenhuis ${woonplaats}`,
        `Verloskundigenpraktijk ${nice()}`,
        `Thuiszorg ${woonplaats}`,
      ]);
    case 'ggz':
      return rng.pick([`GGZ-team ${woonplaats}`, `FACT-team ${woonplaats}`, `Praktijk voor psychotherapie ${nice()}`, 'Verslavingszorg regio']);
    case 'kinderopvang':
      return rng.pick([`Kinderdagverblijf ${nice()}`, `BSO ${nice()}`, `Peuteropvang ${nice()}`, `Gastouderbureau ${gemeenteNaam}`]);
    case 'leerplicht':
      return rng.pick([`Leerplicht ${gemeenteNaam}`, `Bureau Leerplicht en RMC ${gemeenteNaam}`]);
    case 'jeugdzorg':
      return rng.pick([`Ambulante jeugdhulp ${nice()}`, `Gezinshuis ${nice()}`, 'Gecertificeerde instelling jeugdbescherming', `Pleegzorg ${gemeenteNaam}`]);
    case 'justitie-en-veiligheid':
      return rng.pick(['Reclassering', 'Openbaar Ministerie', 'Raad voor de Kinderbescherming', 'Zorg- en Veiligheidshuis', 'Slachtofferhulp']);
    case 'vt-andere-regio':
      return rng.pick(VT_OTHER_REGIONS);
    case 'andere-organisatie':
      return rng.pick([
        `Sociaal wijkteam ${woonplaats}`,
        `Schuldhulpverlening ${gemeenteNaam}`,
        `Woningcorporatie ${nice()}`,
        `Maatschappelijk werk ${woonplaats}`,
        `Wmo-loket ${gemeenteNaam}`,
        `Vluchtelingenwerk ${woonplaats}`,
      ]);
  }
}

export function policeMelder(rng: Rng, gemeenteNaam: string, year: number): Melder {
  const melder: Melder = { type: 'politie', organisatie: `Politie, basisteam ${gemeenteNaam}` };
  if (rng.chance(0.5)) {
    const agent = syntheticAdult(rng, year - 25 - rng.int(30));
    melder.naam = agent.full;
    if (rng.chance(0.25)) melder.email = `${agent.slug}@example.nl`;
  }
  return melder;
}

export function professionalMelder(rng: Rng, withChildren: boolean, woonplaats: string, gemeenteNaam: string, year: number): Melder {
  const sector = (withChildren ? SECTORS_WITH_CHILDREN : SECTORS_ADULTS).pick(rng);
  if (rng.chance(0.01)) {
    return { type: 'beroepskracht', sector, anoniem: true, anoniemReden: rng.pick(ANONIEM_REDENEN) };
  }
  const person = syntheticAdult(rng, year - 24 - rng.int(40));
  const melder: Melder = { type: 'beroepskracht', sector, naam: person.full, organisatie: organisation(rng, sector, woonplaats, gemeenteNaam) };
  if (rng.chance(0.7)) melder.telefoon = mobile(rng);
  if (rng.chance(0.55)) melder.email = `${person.slug}@${rng.chance(0.6) ? 'example.org' : 'example.nl'}`;
  return melder;
}

/** A private melder; `self` is the person who reports about themselves (betrokkene-zelf). */
export function privateMelder(
  rng: Rng,
  relatie: MelderRelatie,
  self: Person | undefined,
  family: { tussenvoegsel: string | undefined; achternaam: string } | undefined,
  year: number,
): Melder {
  const anonymous = relatie === 'anoniem' || (relatie === 'buren' && rng.chance(0.35)) || (relatie === 'familie' && rng.chance(0.08));
  if (anonymous) return { type: 'niet-beroepsmatig', relatie, anoniem: true };
  let person: NamedPerson;
  if (relatie === 'betrokkene-zelf' && self) {
    const roepnaam = self.call;
    const last = self.tussenvoegsel ? `${self.tussenvoegsel} ${self.achternaam}` : self.achternaam;
    person = { roepnaam, full: `${roepnaam} ${last}`, slug: `${asciiSlug(roepnaam)}.${asciiSlug(last)}` };
  } else {
    person = syntheticAdult(rng, year - 20 - rng.int(50), relatie === 'familie' && family && rng.chance(0.4) ? family : undefined);
  }
  const melder: Melder = { type: 'niet-beroepsmatig', relatie, naam: person.full };
  if (rng.chance(0.8)) melder.telefoon = mobile(rng);
  if (rng.chance(0.25)) melder.email = `${person.slug}${rng.range(1, 99)}@${rng.chance(0.5) ? 'example.nl' : 'example.org'}`;
  return melder;
}
