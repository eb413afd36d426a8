import { describe, expect, it } from 'vitest';
import { amsterdamDate, amsterdamYear, formatAmsterdam, isValidDate, parseMoment } from './time.js';

describe('moments in Amsterdam time', () => {
  it('reads a time without offset as Amsterdam local time, winter and summer', () => {
    expect(parseMoment('2024-12-31T23:30')!.toISOString()).toBe('2024-12-31T22:30:00.000Z');
    expect(parseMoment('2024-07-01T12:00:00')!.toISOString()).toBe('2024-07-01T10:00:00.000Z');
  });
  it('takes an explicit offset or Z as given', () => {
    expect(parseMoment('2024-12-31T23:30:00+01:00')!.toISOString()).toBe('2024-12-31T22:30:00.000Z');
    expect(parseMoment('2024-12-31T23:30:00Z')!.toISOString()).toBe('2024-12-31T23:30:00.000Z');
  });
  it('rejects impossible or malformed moments', () => {
    for (const v of ['2024-02-30T10:00', '2024-13-01T10:00', '2024-03-31T02:30', 'gisteren', '2024-01-01', '2024-01-01T25:00']) {
      expect(parseMoment(v), v).toBeNull();
    }
  });
  it('puts 31 December 23:30 local time in that year, though it is 22:30 UTC', () => {
    const m = parseMoment('2024-12-31T23:30:00+01:00')!;
    expect(amsterdamYear(m)).toBe(2024);
    expect(amsterdamDate(m)).toBe('2024-12-31');
    // and 00:30 on 1 January local time is the new year although UTC is still in the old one
    const n = parseMoment('2025-01-01T00:30')!;
    expect(n.getUTCFullYear()).toBe(2024);
    expect(amsterdamYear(n)).toBe(2025);
    expect(formatAmsterdam(n)).toBe('2025-01-01T00:30:00+01:00');
  });
  it('validates calendar dates', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2023-02-29')).toBe(false);
    expect(isValidDate('2024-02-30')).toBe(false);
    expect(isValidDate('24-02-01')).toBe(false);
  });
});
