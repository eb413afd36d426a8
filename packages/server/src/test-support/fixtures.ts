/**
 * Hand-built import lines for tests, with obviously made-up people. Larger data sets come from
 * the synthetic generator; this is for cases whose every field a test must control.
 */
import type { ImportLine } from '@samenveilig/domain';

let seq = 0;

export function melding(overrides: Partial<ImportLine> = {}): ImportLine {
  seq++;
  return {
    externalId: `TEST-${seq}`,
    type: 'melding',
    ontvangenOp: '2024-03-01T10:15:00+01:00',
    kanaal: 'politie-import',
    gemeente: 'GM0200',
    melder: { type: 'politie', naam: 'Agent Testbeeld', organisatie: 'Politie Oost-Nederland', telefoon: '0900-8844' },
    huishouden: { externalId: `HH-${seq}` },
    personen: [
      {
        ref: 'a',
        externalId: `P-${seq}-a`,
        rol: 'slachtoffer',
        voornamen: 'Fictiva Maria',
        tussenvoegsel: 'van der',
        achternaam: 'Verzonnenveld',
        geboortedatum: '1990-02-14',
        geslacht: 'vrouw',
        bsn: '111222333',
        adres: { straat: 'Proefstraat', huisnummer: 12, postcode: '7311 AB', woonplaats: 'Apeldoorn', geheim: false },
      },
      {
        ref: 'b',
        externalId: `P-${seq}-b`,
        rol: 'pleger',
        voornamen: 'Testus',
        achternaam: 'Bedenkerman',
        geboortedatum: '1988-07-01',
        geslacht: 'man',
      },
      { ref: 'c', rol: 'kind', voornamen: 'Pipa', tussenvoegsel: 'van der', achternaam: 'Verzonnenveld', geboortedatum: '2016-05-05' },
    ],
    relaties: [
      { van: 'b', naar: 'a', type: 'partner' },
      { van: 'a', naar: 'c', type: 'ouder' },
    ],
    geweldsvormen: ['partnergeweld', 'kindermishandeling'],
    omschrijving: 'Buren hoorden geschreeuw; politie ter plaatse.',
    acuutGevaar: false,
    ...overrides,
  };
}

export function advies(overrides: Partial<ImportLine> = {}): ImportLine {
  seq++;
  return {
    externalId: `TEST-${seq}`,
    type: 'advies',
    ontvangenOp: '2024-03-02T14:00:00+01:00',
    kanaal: 'telefoon',
    gemeente: 'Apeldoorn',
    melder: { type: 'niet-beroepsmatig', relatie: 'buren', anoniem: true },
    personen: [],
    relaties: [],
    geweldsvormen: ['kindermishandeling'],
    ...overrides,
  };
}
