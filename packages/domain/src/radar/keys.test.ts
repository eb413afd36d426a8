import { describe, expect, it } from 'vitest';
import { queryKeys, storedKeys, tfValues } from './keys.js';
import { prepare, type LinkInput } from './prepare.js';

const base: LinkInput = {
  id: 'a',
  givenNames: 'Johannes Cornelis',
  prefix: 'van der',
  surname: 'Berg',
  birthDate: '1980-03-04',
  sex: 'man',
  postcode: '1234 AB',
  houseNumber: '12',
  street: 'Dorpsstraat',
  city: 'Ede',
};

/** A new record finds a known one when one of its query keys is one of the known one's stored keys. */
const finds = (query: LinkInput, known: LinkInput) => {
  const stored = new Set(storedKeys(prepare(known)));
  return queryKeys(prepare(query)).some((k) => stored.has(k));
};

describe('blocking keys', () => {
  it('stores few keys, each combining selective fields', () => {
    const keys = storedKeys(prepare(base));
    expect(keys).toEqual(['sd:BERG|19800304', 'id:j|19800304', 'sg:BERG|JOANES', 'a:1234AB|12']);
    expect(storedKeys(prepare({ ...base, nationalId: '111222333' }))).toHaveLength(5);
    expect(storedKeys(prepare({ id: 'empty' }))).toEqual([]);
  });
  it('queries its stored keys plus variants', () => {
    const p = prepare(base);
    const q = queryKeys(p);
    for (const k of storedKeys(p)) expect(q).toContain(k);
    expect(q.length).toBeGreaterThan(storedKeys(p).length);
    expect(new Set(q).size).toBe(q.length);
  });
  const noAddress = { postcode: null, street: null, houseNumber: null, city: null };
  it.each<[string, Partial<LinkInput>]>([
    ['day and month swapped, moved', { birthDate: '1980-04-03', ...noAddress }],
    ['given name and surname swapped, moved', { givenNames: 'Berg', surname: 'Johannes', ...noAddress }],
    ['glued tussenvoegsel, initials, moved', { givenNames: 'J.C.', prefix: null, surname: 'Vanderberg', ...noAddress }],
    ['roepnaam, surname typo, moved', { givenNames: null, callName: 'Hans', surname: 'Breg', ...noAddress }],
    ['no birth date, moved', { birthDate: null, ...noAddress }],
    ['everything but the address written differently', { givenNames: 'Kees', surname: 'Smit', prefix: null, birthDate: '1999-01-01' }],
    ['only the BSN in common', { nationalId: '111222333', givenNames: 'X', surname: 'Y', birthDate: null, ...noAddress }],
  ])('finds the same person: %s', (_, over) => {
    const known = { ...base, nationalId: '111222333' };
    expect(finds({ ...base, id: 'b', ...over }, known)).toBe(true);
  });
  it('finds a known record without postcode by street, number and place', () => {
    expect(finds(base, { ...base, postcode: null, givenNames: 'K.', surname: 'Smit', prefix: null, birthDate: null })).toBe(true);
  });
  it('also finds a known record with a glued tussenvoegsel from the written-apart form', () => {
    expect(finds(base, { ...base, prefix: null, surname: 'Vanderberg', givenNames: 'J.', postcode: null })).toBe(true);
  });
  it('does not make unrelated persons candidates', () => {
    expect(finds(base, { id: 'z', givenNames: 'Fatima', surname: 'El Amrani', birthDate: '1975-11-30', postcode: '9711 AA', houseNumber: '3' })).toBe(false);
  });
  it('gives the same given-name key to official name, roepnaam and typo', () => {
    const key = (g: Partial<LinkInput>) => prepare({ ...base, givenNames: null, ...g }).givenKey;
    expect(key({ givenNames: 'Johannes' })).toBe(key({ callName: 'Hans' }));
    expect(key({ givenNames: 'Jan' })).toBe(key({ givenNames: 'Johanes' }));
    expect(key({ givenNames: 'Pieter' })).not.toBe(key({ givenNames: 'Jan' }));
  });
  it('term-frequency values are the surname and the first names', () => {
    expect(tfValues(prepare({ ...base, callName: 'Hans' }))).toEqual([
      ['surname', 'berg'],
      ['givenName', 'johannes'],
      ['givenName', 'hans'],
      ['name', 'berg johannes'],
      ['name', 'berg hans'],
    ]);
  });
});
