import { describe, expect, it } from 'vitest';
import { dateNumber, isRealDate, phoneDigits, prepare, sexCode, splitHouseNumber } from './prepare.js';
import { canonicalName, nameGroups } from './nicknames.js';

describe('prepare', () => {
  it('normalises every field', () => {
    const p = prepare({
      id: '1',
      givenNames: 'Jóhannes  Cornelis',
      callName: 'Hans',
      prefix: 'V.D.',
      surname: 'BERG',
      birthDate: '1980-03-04',
      sex: 'M',
      nationalId: '111.222.333',
      street: 'Ds. van Dijkweg',
      houseNumber: '12-a',
      postcode: '1234ab',
      city: "'s-Hertogenbosch",
      phone: '+31 6 1234 5678',
    });
    expect(p).toMatchObject({
      givenNames: ['johannes', 'cornelis'],
      callName: 'hans',
      firstName: 'johannes',
      firstNames: ['johannes', 'hans'],
      initials: 'jc',
      initialsOnly: false,
      surname: 'berg',
      prefix: 'van der',
      birthDate: 19800304,
      birthDateSwapped: 19800403,
      sex: 1,
      nationalId: '111222333',
      postcode: '1234AB',
      postcode4: '1234',
      houseNumber: '12',
      houseAddition: 'a',
      street: 'dsvandijkweg',
      city: 'shertogenbosch',
      phone: '612345678',
    });
  });
  it('treats invalid values as unknown', () => {
    const p = prepare({ id: '2', nationalId: '123456789', postcode: '0123 AB', birthDate: '1990-02-30', sex: 'onbekend', phone: '12' });
    expect(p).toMatchObject({ nationalId: '', postcode: '', birthDate: 0, sex: 0, phone: '' });
  });
  it('takes missing parts from the full name', () => {
    const p = prepare({ id: '3', fullName: 'Berg, J.C. van der' });
    expect(p).toMatchObject({ surname: 'berg', prefix: 'van der', initials: 'jc', initialsOnly: true, firstName: '' });
  });
  it('has no swapped date when day equals month or the swap does not exist', () => {
    expect(prepare({ id: '4', birthDate: '1980-03-03' }).birthDateSwapped).toBe(0);
    expect(prepare({ id: '5', birthDate: '1980-03-14' }).birthDateSwapped).toBe(0);
  });
  it('reads the surname field as given names for swapped names', () => {
    expect(prepare({ id: '6', givenNames: 'van der Laan', surname: 'Lisa Johanna' })).toMatchObject({ givenAsSurname: 'laan', surnameFirstWord: 'lisa' });
  });
});

describe('helpers', () => {
  it('dates', () => {
    expect(dateNumber('2024-02-29')).toBe(20240229);
    expect(dateNumber('2023-02-29')).toBe(0);
    expect(dateNumber('20240229')).toBe(0);
    expect(isRealDate(1900, 2, 29)).toBe(false);
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(2021, 4, 31)).toBe(false);
  });
  it('sex', () => {
    expect(['man', 'M', 'male', 'Man'].map(sexCode)).toEqual([1, 1, 1, 1]);
    expect(['vrouw', 'V', 'f', 'female'].map(sexCode)).toEqual([2, 2, 2, 2]);
    expect(['x', '', 'onbekend'].map(sexCode)).toEqual([0, 0, 0]);
  });
  it('phones and house numbers', () => {
    expect(phoneDigits('0031 6 12345678')).toBe('612345678');
    expect(phoneDigits('020-1234567')).toBe('201234567');
    expect(splitHouseNumber('12 bis')).toEqual(['12', 'bis']);
    expect(splitHouseNumber('007')).toEqual(['7', '']);
    expect(splitHouseNumber('A12')).toEqual(['', '']);
  });
  it('nickname groups', () => {
    expect(nameGroups('hans').map(canonicalName)).toContain('johannes');
    expect(nameGroups('bert').map(canonicalName)).toEqual(expect.arrayContaining(['lambertus', 'hubertus', 'gijsbert', 'albertus']));
    expect(nameGroups('cees').map(canonicalName)).toContain('cornelis');
    expect(nameGroups('zzyzx')).toEqual([]);
  });
});
