import { describe, expect, it } from 'vitest';
import { compare, evidence, FLAG_RELATIVES, FLAG_SWAPPED, levels, matchProbability } from './compare.js';
import { DEFAULT_MODEL } from './default-model.js';
import { FIELDS, LEVELS, makeModel, withPrior, type FieldName } from './model.js';
import { prepare, type LinkInput } from './prepare.js';

const person = (over: Partial<LinkInput> & { id?: string }): LinkInput => ({
  id: over.id ?? 'x',
  givenNames: 'Johannes Cornelis',
  prefix: 'van der',
  surname: 'Berg',
  birthDate: '1980-03-14',
  sex: 'man',
  postcode: '1234 AB',
  houseNumber: '12',
  street: 'Dorpsstraat',
  city: 'Ede',
  ...over,
});

const level = (a: LinkInput, b: LinkInput, field: FieldName): string => {
  const out = new Int8Array(FIELDS.length);
  levels(prepare(a), prepare(b), out);
  const l = out[FIELDS.indexOf(field)]!;
  return l < 0 ? 'unknown' : (LEVELS[field] as readonly string[])[l]!;
};

/** The prior of a region: about 100,000 known persons. */
const model = withPrior(DEFAULT_MODEL, 4e-6);
const p = (a: LinkInput, b: LinkInput) => compare(prepare(a), prepare(b), model).probability;

describe('comparison levels per field', () => {
  const base = person({});
  it.each<[Partial<LinkInput>, string]>([
    [{ surname: 'van der Berg', prefix: null }, 'exact'],
    [{ surname: 'Berg', prefix: 'v.d.' }, 'exact'],
    [{ surname: 'Vanderberg', prefix: null }, 'exact'],
    [{ surname: 'BERG', prefix: 'Van Der' }, 'exact'],
    [{ surname: 'Bergh' }, 'phonetic'],
    [{ surname: 'Berk' }, 'typo'],
    [{ surname: 'Breg' }, 'typo'],
    [{ surname: 'Jansen' }, 'different'],
    [{ surname: null, prefix: null }, 'unknown'],
  ])('surname %o: %s', (over, expected) => expect(level(base, person(over), 'surname')).toBe(expected));
  it('surname: phonetic and double-name levels', () => {
    expect(level(person({ surname: 'Meijer', prefix: null }), person({ surname: 'Meyer', prefix: null }), 'surname')).toBe('phonetic');
    expect(level(person({ surname: 'Kok-de Vries', prefix: null }), person({ surname: 'Vries', prefix: 'de' }), 'surname')).toBe('part');
  });
  it.each<[Partial<LinkInput>, string]>([
    [{ givenNames: 'Johannes' }, 'exact'],
    [{ givenNames: 'Johannes Petrus' }, 'exact'],
    [{ givenNames: null, callName: 'Hans' }, 'nickname'],
    [{ givenNames: 'Jan' }, 'nickname'],
    [{ givenNames: 'Johannis' }, 'typo'],
    [{ givenNames: 'Cornelis' }, 'other-name'],
    [{ givenNames: 'J.C.' }, 'initials'],
    [{ givenNames: 'J.' }, 'initials'],
    [{ givenNames: 'Pieter' }, 'different'],
    [{ givenNames: 'P.' }, 'different'],
    [{ givenNames: null }, 'unknown'],
  ])('given name %o: %s', (over, expected) => expect(level(base, person(over), 'givenName')).toBe(expected));
  it('given name: a call name agrees with a call name', () => {
    expect(level(person({ givenNames: 'Johannes', callName: 'Hans' }), person({ givenNames: null, callName: 'Hans' }), 'givenName')).toBe('exact');
  });
  it.each<[string | null, string]>([
    ['1980-03-14', 'exact'],
    ['1980-03-15', 'typo'],
    ['1908-03-14', 'typo'],
    ['1979-03-14', 'different'],
    ['1982-07-01', 'different'],
    [null, 'unknown'],
  ])('birth date %s: %s', (date, expected) => expect(level(base, person({ birthDate: date }), 'birthDate')).toBe(expected));
  it('birth date: day and month swapped, also with a wrong digit on top', () => {
    expect(level(person({ birthDate: '1980-03-04' }), person({ birthDate: '1980-04-03' }), 'birthDate')).toBe('day-month-swapped');
    expect(level(person({ birthDate: '1980-03-04' }), person({ birthDate: '1981-04-03' }), 'birthDate')).toBe('typo');
    expect(level(person({ birthDate: '1980-03-03' }), person({ birthDate: '1980-03-03' }), 'birthDate')).toBe('exact');
  });
  it.each<[Partial<LinkInput>, string]>([
    [{ postcode: '1234ab' }, 'exact'],
    [{ postcode: ' 1234 AB', houseNumber: 12 }, 'exact'],
    [{ postcode: '1234AB', houseNumber: '14' }, 'street'],
    [{ postcode: null }, 'exact'],
    [{ postcode: '1235 XY', houseNumber: '3' }, 'place'],
    [{ postcode: '9999 ZZ', city: 'Zwolle', street: 'Markt' }, 'different'],
    [{ postcode: null, street: null, houseNumber: null, city: null }, 'unknown'],
  ])('address %o: %s', (over, expected) => expect(level(base, person(over), 'address')).toBe(expected));
  it('address: a different addition to the house number is another home in the same building', () => {
    expect(level(person({ houseNumber: '12 A' }), person({ houseNumber: '12b' }), 'address')).toBe('street');
    expect(level(person({ houseNumber: '12 A' }), person({ houseNumber: '12a' }), 'address')).toBe('exact');
  });
  it('sex, BSN and phone', () => {
    expect(level(base, person({ sex: 'M' }), 'sex')).toBe('exact');
    expect(level(base, person({ sex: 'vrouw' }), 'sex')).toBe('different');
    expect(level(base, person({ sex: 'x' }), 'sex')).toBe('unknown');
    expect(level(person({ nationalId: '111222333' }), person({ nationalId: '111.222.333' }), 'nationalId')).toBe('exact');
    expect(level(person({ nationalId: '111222333' }), person({ nationalId: '123456782' }), 'nationalId')).toBe('different');
    // A BSN failing the 11-proef is no BSN.
    expect(level(person({ nationalId: '111222333' }), person({ nationalId: '111222334' }), 'nationalId')).toBe('unknown');
    expect(level(person({ phone: '06-12345678' }), person({ phone: '+31 6 1234 5678' }), 'phone')).toBe('exact');
    expect(level(person({ phone: '0612345678' }), person({ phone: '0612345679' }), 'phone')).toBe('different');
  });
});

describe('the same person written differently is found', () => {
  const official = person({ id: 'a', phone: '0612345678' });
  it.each<[string, Partial<LinkInput>]>([
    ['roepnaam and abbreviated tussenvoegsel', { givenNames: null, callName: 'Hans', prefix: 'v.d.' }],
    ['full name, surname first', { givenNames: null, prefix: null, surname: null, fullName: 'Berg, Jan van der' }],
    ['initials and glued tussenvoegsel', { givenNames: 'J.C.', prefix: null, surname: 'Vanderberg' }],
    ['day and month swapped, postcode in lower case', { birthDate: '1980-14-03'.replace('1980-14-03', '1980-03-14'), postcode: '1234ab' }],
    ['typing error in the surname and no address', { surname: 'Breg', postcode: null, street: null, houseNumber: null, city: null }],
    ['given name and surname swapped', { givenNames: 'Berg', prefix: 'van der', surname: 'Johannes' }],
    ['swapped, with initials in the surname field', { givenNames: 'Berg', prefix: 'van der', surname: 'J.C.' }],
    ['capitals and no diacritics', { givenNames: 'JOHANNES CORNELIS', surname: 'BERG', prefix: 'VAN DER' }],
  ])('%s', (_, over) => {
    const other = person({ id: 'b', ...over });
    expect(p(official, other)).toBeGreaterThan(0.9);
  });
  it('a moved person with the same name and birth date', () => {
    expect(p(official, person({ postcode: '9711 AA', houseNumber: '3', street: 'Markt', city: 'Groningen' }))).toBeGreaterThan(0.9);
  });
  it('the swap is reported', () => {
    const r = compare(prepare(official), prepare(person({ givenNames: 'Berg', surname: 'Johannes' })), model);
    expect(r.namesSwapped).toBe(true);
    expect(r.fields.find((f) => f.field === 'surname')!.uitleg).toContain('verwisseld');
  });
  it('diacritics dropped', () => {
    expect(p(person({ givenNames: 'Gülşen', surname: 'Öztürk', prefix: null }), person({ givenNames: 'Gulsen', surname: 'Ozturk', prefix: null }))).toBeGreaterThan(0.99);
  });
});

describe('relatives at one address are kept apart', () => {
  const home = { postcode: '1234 AB', houseNumber: '12', street: 'Dorpsstraat', city: 'Ede', prefix: 'de', surname: 'Vries' };
  it('twins: same surname, address and birth date, other first name', () => {
    const a = { id: 'a', givenNames: 'Daan', birthDate: '2015-06-01', sex: 'man', ...home };
    const b = { id: 'b', givenNames: 'Sem', birthDate: '2015-06-01', sex: 'man', ...home };
    const r = compare(prepare(a), prepare(b), model);
    expect(r.relativesRule).toBe(true);
    expect(r.probability).toBeLessThan(0.01);
    expect(r.uitleg).toContain('familielid');
    // Without the rule the agreements would have added up to a match: the rule is what decides.
    const sum = r.fields.reduce((s, f) => s + f.weight, 0);
    expect(matchProbability(sum, model.prior)).toBeGreaterThan(0.5);
  });
  it('twins of opposite sex, one registered by initial only', () => {
    const a = { id: 'a', givenNames: 'Ivanka', birthDate: '2015-08-22', sex: 'vrouw', ...home };
    const b = { id: 'b', givenNames: 'I.', birthDate: '2015-08-22', sex: 'M', ...home };
    expect(p(a, b)).toBeLessThan(0.01);
  });
  it('father and son with the same names ("junior")', () => {
    const father = { id: 'f', givenNames: 'Jan Pieter', birthDate: '1960-02-11', sex: 'man', ...home };
    const son = { id: 's', givenNames: 'Jan Pieter', birthDate: '1991-09-30', sex: 'man', ...home };
    const r = compare(prepare(father), prepare(son), model);
    expect(r.relativesRule).toBe(true);
    expect(r.probability).toBeLessThan(0.01);
    expect(r.fields.find((f) => f.field === 'birthDate')!.uitleg).toContain('verschilt');
  });
  it('mother and daughter with the same initials', () => {
    const mother = { id: 'm', givenNames: 'M.', birthDate: '1965-04-02', sex: 'vrouw', ...home };
    const daughter = { id: 'd', givenNames: 'Marieke', birthDate: '1992-12-20', sex: 'vrouw', ...home };
    expect(p(mother, daughter)).toBeLessThan(0.01);
    expect(p({ ...mother, givenNames: 'M.A.' }, { ...daughter, givenNames: 'M.J.' })).toBeLessThan(0.01);
  });
  it('siblings', () => {
    const a = { id: 'a', givenNames: 'Lotte', birthDate: '2010-01-05', sex: 'vrouw', ...home };
    const b = { id: 'b', givenNames: 'Fleur', birthDate: '2012-07-19', sex: 'vrouw', ...home };
    expect(p(a, b)).toBeLessThan(0.001);
  });
  it('two persons with different valid BSNs', () => {
    const a = { id: 'a', givenNames: 'Volkan', nationalId: '111222333', ...home };
    const b = { id: 'b', givenNames: 'Volkan', nationalId: '123456782', ...home };
    expect(p(a, b)).toBeLessThan(0.01);
  });
  it('while the same person at that address, written differently, still matches', () => {
    const a = { id: 'a', givenNames: 'Daan', birthDate: '2015-06-01', sex: 'man', ...home };
    const b = { ...a, id: 'b', givenNames: 'Dann', prefix: 'De', postcode: '1234ab' };
    expect(p(a, b)).toBeGreaterThan(0.99);
  });
});

describe('rules, weights and explanation', () => {
  it('a valid BSN that agrees decides, even against other fields', () => {
    const a = person({ nationalId: '111222333' });
    const b = person({ nationalId: '111222333', givenNames: 'Pieter', birthDate: '1990-01-01' });
    const r = compare(prepare(a), prepare(b), model);
    expect(r.nationalIdRule).toBe(true);
    expect(r.probability).toBeGreaterThan(0.999);
    expect(r.uitleg).toContain('BSN');
  });
  it('term frequencies: a common surname weighs less than a rare one', () => {
    const a = prepare(person({}));
    const b = prepare(person({ givenNames: 'Pieter', birthDate: null }));
    const common = compare(a, b, model, (field, value) => (field === 'surname' && value === 'berg' ? 0.02 : undefined));
    const rare = compare(a, b, model, (field, value) => (field === 'surname' && value === 'berg' ? 0.00001 : undefined));
    const w = (r: typeof common) => r.fields.find((f) => f.field === 'surname')!.weight;
    expect(w(common)).toBeLessThan(w(rare));
    expect(w(common)).toBeCloseTo(Math.log2(model.fields[1]!.levels[0]!.m / 0.02), 6);
    expect(common.fields.find((f) => f.field === 'surname')!.uitleg).toContain('veelvoorkomende');
  });
  it('term frequencies: a common full name weighs less than its two names apart', () => {
    const a = prepare(person({}));
    const b = prepare(person({ givenNames: 'Johannes', birthDate: null }));
    const apart = (field: string) => (field === 'surname' ? 0.001 : field === 'givenName' ? 0.002 : undefined);
    const together = (field: string) => (field === 'name' ? 0.0005 : apart(field));
    const r1 = compare(a, b, model, apart);
    const r2 = compare(a, b, model, together);
    expect(r2.evidence).toBeLessThan(r1.evidence);
    const m = (f: number) => model.fields[f]!.levels[0]!.m;
    const names = r2.fields[1]!.weight + r2.fields[2]!.weight;
    expect(names).toBeCloseTo(Math.log2((m(1) * m(2)) / 0.0005), 6);
    expect(r2.fields[2]!.uitleg).toContain('samen komen vaak voor');
    // A rare full name never weighs more than its two names apart.
    const rare = compare(a, b, model, (field: string) => (field === 'name' ? 1e-12 : apart(field)));
    expect(rare.evidence).toBeCloseTo(r1.evidence, 9);
  });
  it('evidence() equals compare().evidence, with and without term frequencies', () => {
    const tf = (field: string, value: string) => (field === 'givenName' && value === 'johannes' ? 0.05 : field === 'name' ? 0.04 : field === 'surname' ? 0.1 : undefined);
    const pairs: [LinkInput, LinkInput][] = [
      [person({}), person({ callName: 'Hans', givenNames: null })],
      [person({}), person({ givenNames: 'Johannes' })],
      [person({}), person({ givenNames: 'Pieter' })],
      [person({ nationalId: '111222333' }), person({ nationalId: '111222333', surname: 'Smit' })],
    ];
    for (const [x, y] of pairs) {
      const a = prepare(x);
      const b = prepare(y);
      expect(evidence(a, b, model)).toBeCloseTo(compare(a, b, model).evidence, 9);
      expect(evidence(a, b, model, tf)).toBeCloseTo(compare(a, b, model, tf).evidence, 9);
    }
  });
  it('the probability follows the prior', () => {
    const a = prepare(person({}));
    const b = prepare(person({ birthDate: null, postcode: null, street: null, houseNumber: null }));
    const small = compare(a, b, withPrior(DEFAULT_MODEL, 1e-9)).probability;
    const large = compare(a, b, withPrior(DEFAULT_MODEL, 1e-3)).probability;
    expect(small).toBeLessThan(large);
  });
  it('explains every field in Dutch', () => {
    const r = compare(prepare(person({})), prepare(person({ surname: 'Berg', prefix: 'v.d.', callName: 'Hans', givenNames: null, phone: '0612345678' })), model);
    expect(r.fields.map((f) => f.field)).toEqual([...FIELDS]);
    const byField = Object.fromEntries(r.fields.map((f) => [f.field, f.uitleg]));
    expect(byField.surname).toBe("achternaam gelijk (na normalisatie: 'van der Berg' = 'v.d. Berg')");
    expect(byField.givenName).toBe("roepnaam hoort bij voornaam: 'Johannes Cornelis' ~ 'Hans'");
    expect(byField.birthDate).toBe('geboortedatum gelijk (1980-03-14)');
    expect(byField.phone).toBe('telefoonnummer onbekend bij een van beide: telt niet mee');
    expect(r.uitleg).toMatch(/^\d+% kans op dezelfde persoon; overeen: achternaam, voornaam, geboortedatum/);
  });
  it('a configured model is used as given', () => {
    const flat = makeModel(
      Object.fromEntries(FIELDS.map((f) => [f, LEVELS[f].map(() => [0.5, 0.5] as const)])) as unknown as Parameters<typeof makeModel>[0],
      { prior: 0.5, source: 'test', relativesMaxWeight: 100 },
    );
    const r = compare(prepare(person({})), prepare(person({ givenNames: 'Pieter' })), flat);
    expect(r.evidence).toBe(0);
    expect(r.probability).toBeCloseTo(0.5, 9);
  });
  it('flags swapped names and relatives', () => {
    const out = new Int8Array(FIELDS.length);
    expect(levels(prepare(person({})), prepare(person({ givenNames: 'Berg', surname: 'Johannes' })), out) & FLAG_SWAPPED).toBeTruthy();
    expect(levels(prepare(person({})), prepare(person({ givenNames: 'Pieter' })), out) & FLAG_RELATIVES).toBeTruthy();
    expect(levels(prepare(person({})), prepare(person({ givenNames: 'Jan' })), out) & FLAG_RELATIVES).toBeFalsy();
  });
});
