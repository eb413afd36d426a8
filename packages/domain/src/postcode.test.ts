import { describe, expect, it } from 'vitest';
import { normalisePostcode, postcodeDigits } from './postcode.js';

describe('postcode', () => {
  it.each([
    ['1234AB', '1234AB'],
    ['1234 ab', '1234AB'],
    [' 7311 xk ', '7311XK'],
  ])('normalises %j to %s', (input, expected) => expect(normalisePostcode(input)).toBe(expected));
  it.each(['0123AB', '123AB', '1234A', '1234 SS', '1234SA', '1234SD', '12345AB', 'ABCD12', '1234  AB'])('rejects %j', (v) =>
    expect(normalisePostcode(v)).toBeNull(),
  );
  it('gives the four digits', () => expect(postcodeDigits('7311AB')).toBe(7311));
});
