import { describe, expect, it } from 'vitest';
import { formatAmsterdam, parseMoment } from './time.js';
import {
  beoordelingsTermijnen,
  DEFAULT_TERMIJN_INSTELLINGEN,
  eindeNaWerkdagen,
  feestdagen,
  isWerkdag,
  minutenTot,
  onderzoekDeadline,
  paaszondag,
  termijnInstellingenSchema,
  vervolgDeadline,
  werkdagenTussen,
  type TermijnInstellingen,
} from './termijnen.js';

const at = (s: string) => parseMoment(s)!;
const ams = (d: Date) => formatAmsterdam(new Date(Math.floor(d.getTime() / 1000) * 1000));

describe('Easter and the public holidays (Algemene termijnenwet art. 3)', () => {
  it.each([
    [2019, [4, 21]],
    [2024, [3, 31]],
    [2025, [4, 20]],
    [2026, [4, 5]],
    [2027, [3, 28]],
    [2038, [4, 25]],
    [2285, [3, 22]],
  ] as const)('Easter %i is on %j', (year, md) => {
    expect(paaszondag(year)).toEqual(md);
  });

  it('lists the eight holidays of 2026 with their dates', () => {
    expect([...feestdagen(2026)]).toEqual([
      ['2026-01-01', 'Nieuwjaarsdag'],
      ['2026-04-06', 'Tweede Paasdag'],
      ['2026-04-27', 'Koningsdag'],
      ['2026-05-05', 'Bevrijdingsdag'],
      ['2026-05-14', 'Hemelvaartsdag'],
      ['2026-05-25', 'Tweede Pinksterdag'],
      ['2026-12-25', 'Eerste Kerstdag'],
      ['2026-12-26', 'Tweede Kerstdag'],
    ]);
  });

  it('moves Koningsdag to the 26th when the 27th is a Sunday, and uses 30 April before 2014', () => {
    expect(feestdagen(2025).has('2025-04-26')).toBe(true); // 27 April 2025 is a Sunday
    expect(feestdagen(2025).has('2025-04-27')).toBe(false);
    expect(feestdagen(2013).has('2013-04-30')).toBe(true);
  });

  it('does not count Goede Vrijdag as a holiday', () => {
    expect(isWerkdag('2026-04-03')).toBe(true);
  });

  it('knows weekends and holidays are no working days', () => {
    expect(isWerkdag('2026-11-28')).toBe(false); // Saturday
    expect(isWerkdag('2026-11-29')).toBe(false); // Sunday
    expect(isWerkdag('2026-11-30')).toBe(true);
    expect(isWerkdag('2026-05-14')).toBe(false); // Hemelvaartsdag
    expect(isWerkdag('2026-12-25')).toBe(false);
    expect(() => isWerkdag('2026-02-30')).toThrow();
  });
});

describe('working days', () => {
  it('counts from the day after receipt, whatever the hour, to the end of the n-th working day', () => {
    // Monday 10:00 -> end of the next Monday.
    expect(ams(eindeNaWerkdagen(at('2026-11-30T10:00'), 5))).toBe('2026-12-07T23:59:59+01:00');
    // Friday 23:59 -> end of the next Friday.
    expect(ams(eindeNaWerkdagen(at('2026-11-27T23:59'), 5))).toBe('2026-12-04T23:59:59+01:00');
    // Saturday: Monday is the first working day after it.
    expect(ams(eindeNaWerkdagen(at('2026-11-28T03:00'), 1))).toBe('2026-11-30T23:59:59+01:00');
    expect(ams(eindeNaWerkdagen(at('2026-11-30T10:00'), 0))).toBe('2026-11-30T23:59:59+01:00');
  });

  it('skips the Christmas days and New Year', () => {
    // Thursday 24 December 2026: 25 (Fri), 26 (Sat), 27 (Sun) skipped; 28, 29, 30, 31 Dec, 1 Jan skipped, 2 Jan Saturday ... -> Monday 4 January.
    expect(ams(eindeNaWerkdagen(at('2026-12-24T12:00'), 5))).toBe('2027-01-04T23:59:59+01:00');
  });

  it('skips Easter Monday, Hemelvaart and Pinksteren', () => {
    // Thursday 2 April 2026 -> Fri 3, Tue 7, Wed 8, Thu 9, Fri 10 (Monday 6 is Tweede Paasdag).
    expect(ams(eindeNaWerkdagen(at('2026-04-02T09:00'), 5))).toBe('2026-04-10T23:59:59+02:00');
    // Wednesday 13 May 2026 -> Fri 15, Mon 18, Tue 19, Wed 20, Thu 21 (Thursday 14 is Hemelvaart).
    expect(ams(eindeNaWerkdagen(at('2026-05-13T09:00'), 5))).toBe('2026-05-21T23:59:59+02:00');
  });

  it('uses Amsterdam calendar days across a DST change', () => {
    // 23:30 on Saturday 24 October 2026 (CEST) -> Friday 30 October; the clocks go back on the 25th.
    expect(ams(eindeNaWerkdagen(at('2026-10-24T23:30'), 5))).toBe('2026-10-30T23:59:59+01:00');
    // 00:30 Amsterdam on a Tuesday is still Monday 23:30 UTC: the Amsterdam day counts.
    expect(ams(eindeNaWerkdagen(new Date('2026-12-07T23:30:00Z'), 1))).toBe('2026-12-09T23:59:59+01:00');
  });

  it('werkdagenTussen is the inverse of eindeNaWerkdagen', () => {
    const from = at('2026-12-23T08:00');
    for (let n = 0; n <= 12; n++) expect(werkdagenTussen(from, eindeNaWerkdagen(from, n))).toBe(n);
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => eindeNaWerkdagen(new Date(), -1)).toThrow();
    expect(() => eindeNaWerkdagen(new Date(), 1.5)).toThrow();
  });
});

describe('deadlines of the veiligheidsbeoordeling', () => {
  const inst = (over: Partial<TermijnInstellingen> = {}): TermijnInstellingen => ({ ...DEFAULT_TERMIJN_INSTELLINGEN, ...over });

  it('by default: the legal 5 working days, equal regional deadline, no acute target', () => {
    const t = beoordelingsTermijnen(at('2026-11-30T10:00'), false, inst());
    expect(ams(t.wettelijk)).toBe('2026-12-07T23:59:59+01:00');
    expect(t.regionaal).toEqual(t.wettelijk);
    expect(t.acuut).toBeNull();
    expect(t.deadline).toEqual(t.wettelijk);
  });

  it('acute: the target in minutes after receipt is the deadline', () => {
    const t = beoordelingsTermijnen(at('2026-11-29T03:00'), true, inst({ acuutMinuten: 30 }));
    expect(ams(t.acuut!)).toBe('2026-11-29T03:30:00+01:00');
    expect(t.deadline).toEqual(t.acuut);
    expect(ams(t.wettelijk)).toBe('2026-12-04T23:59:59+01:00');
  });

  it('a region with a 24-hour ambition (seed 003) gets a regional deadline 24 hours after receipt', () => {
    const t = beoordelingsTermijnen(at('2026-11-27T16:00'), false, inst({ beoordeling: { eenheid: 'uren', aantal: 24 } }));
    expect(ams(t.regionaal)).toBe('2026-11-28T16:00:00+01:00');
    expect(t.deadline).toEqual(t.regionaal);
    expect(t.regionaal.getTime()).toBeLessThan(t.wettelijk.getTime());
  });

  it('a lenient hours setting never passes the legal deadline', () => {
    const t = beoordelingsTermijnen(at('2026-12-24T12:00'), false, inst({ beoordeling: { eenheid: 'uren', aantal: 168 } }));
    expect(ams(t.wettelijk)).toBe('2027-01-04T23:59:59+01:00');
    expect(t.regionaal.getTime()).toBeLessThanOrEqual(t.wettelijk.getTime());
    // Tuesday noon + 168 hours is the next Tuesday noon, before the legal end of that day.
    const t2 = beoordelingsTermijnen(at('2026-12-01T12:00'), false, inst({ beoordeling: { eenheid: 'uren', aantal: 168 } }));
    expect(ams(t2.regionaal)).toBe('2026-12-08T12:00:00+01:00');
    expect(ams(t2.wettelijk)).toBe('2026-12-08T23:59:59+01:00');
  });

  it('regional working days: 2 working days', () => {
    const t = beoordelingsTermijnen(at('2026-11-27T16:00'), false, inst({ beoordeling: { eenheid: 'werkdagen', aantal: 2 } }));
    expect(ams(t.regionaal)).toBe('2026-12-01T23:59:59+01:00');
  });

  it('VT onderzoek: 10 weeks from its start, end of day', () => {
    expect(ams(onderzoekDeadline(at('2026-11-30T10:00'), inst()))).toBe('2027-02-08T23:59:59+01:00');
  });

  it('a refused handover needs a new decision by the end of the next working day', () => {
    expect(ams(vervolgDeadline(at('2026-11-27T16:00')))).toBe('2026-11-30T23:59:59+01:00');
  });

  it('minutes left are negative when overdue', () => {
    const d = at('2026-11-29T10:00');
    expect(minutenTot(d, at('2026-11-29T09:30'))).toBe(30);
    expect(minutenTot(d, at('2026-11-29T10:30'))).toBe(-30);
  });
});

describe('settings validation', () => {
  const ok = { acuutMinuten: 60, beoordeling: { eenheid: 'werkdagen', aantal: 5 }, onderzoekWeken: 10 };
  it('accepts the defaults and a 24-hour ambition', () => {
    expect(termijnInstellingenSchema.safeParse(ok).success).toBe(true);
    expect(termijnInstellingenSchema.safeParse({ ...ok, beoordeling: { eenheid: 'uren', aantal: 24 } }).success).toBe(true);
  });
  it.each([
    [{ ...ok, beoordeling: { eenheid: 'werkdagen', aantal: 6 } }, 'beoordeling.aantal', 'ruimer'],
    [{ ...ok, acuutMinuten: 2 }, 'acuutMinuten', 'minimaal'],
    [{ ...ok, onderzoekWeken: 12 }, 'onderzoekWeken', '10 weken'],
    [{ ...ok, beoordeling: { eenheid: 'uren', aantal: 500 } }, 'beoordeling.aantal', '168'],
  ])('refuses %j naming the field', (value, path, word) => {
    const r = termijnInstellingenSchema.safeParse(value);
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path.join('.') === path);
    expect(issue?.message).toContain(word);
  });
});

describe('the day arithmetic agrees with the calendar', () => {
  it('weekday and holidays for every day of 1999-2041 equal what Luxon says', async () => {
    const { DateTime } = await import('luxon');
    let d = DateTime.fromISO('1999-01-01', { zone: 'Europe/Amsterdam' });
    let checked = 0;
    while (d.year < 2042) {
      const date = d.toISODate()!;
      expect(isWerkdag(date), date).toBe(d.weekday <= 5 && !feestdagen(d.year).has(date));
      d = d.plus({ days: 1 });
      checked++;
    }
    expect(checked).toBeGreaterThan(15_000);
  });
});
