import { describe, expect, it } from 'vitest';
import { isValidBsn, normaliseBsn } from './bsn.js';

describe('BSN 11-proef', () => {
  it.each(['111222333', '123456782', '999999990'])('accepts %s', (bsn) => expect(isValidBsn(bsn)).toBe(true));
  it.each(['123456789', '111222334', '000000000', '12345678', '1234567890', 'abcdefghi', ''])('rejects %s', (bsn) =>
    expect(isValidBsn(bsn)).toBe(false),
  );
  it('normalises typed forms and an 8-digit number missing its leading zero', () => {
    expect(normaliseBsn('111.222.333')).toBe('111222333');
    expect(normaliseBsn(' 1112 22333')).toBe('111222333');
    expect(normaliseBsn('12345678')).toBe(isValidBsn('012345678') ? '012345678' : null);
    expect(normaliseBsn('123456789')).toBeNull();
  });
});
