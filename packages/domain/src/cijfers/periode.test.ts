import { describe, expect, it } from 'vitest';
import { parseMoment } from '../time.js';
import {
  cbsPeriodeCode,
  inPeriode,
  maandenNa,
  natermijnVerstreken,
  parsePeriode,
  PERIODE_SOORTEN,
  periodeGrenzen,
  periodeNaam,
  periodenPerJaar,
  periodenTussen,
  periodeSleutel,
  periodeSleutelVan,
  periodeVan,
  volgendePeriode,
  type Periode,
} from './periode.js';

const at = (s: string) => parseMoment(s)!;
const HOUR = 3_600_000;

describe('period of an instant, in Amsterdam time', () => {
  it('puts 31 December 23:30 Amsterdam time in that year, quarter and half year although it is 22:30 UTC', () => {
    const m = at('2025-12-31T23:30');
    expect(m.toISOString()).toBe('2025-12-31T22:30:00.000Z');
    expect(periodeSleutelVan(m, 'jaar')).toBe('2025');
    expect(periodeSleutelVan(m, 'kwartaal')).toBe('2025-K4');
    expect(periodeSleutelVan(m, 'halfjaar')).toBe('2025-H2');
    // 00:30 on 1 January local is the new year while UTC is still in the old one
    const n = at('2026-01-01T00:30');
    expect(n.getUTCFullYear()).toBe(2025);
    expect(periodeSleutelVan(n, 'jaar')).toBe('2026');
    expect(periodeSleutelVan(n, 'kwartaal')).toBe('2026-K1');
  });

  it('starts each quarter at local midnight, in winter (+01:00) and summer time (+02:00)', () => {
    const k1 = periodeGrenzen({ soort: 'kwartaal', jaar: 2025, nummer: 1 });
    expect(k1.van.toISOString()).toBe('2024-12-31T23:00:00.000Z');
    expect(k1.tot.toISOString()).toBe('2025-03-31T22:00:00.000Z');
    const k4 = periodeGrenzen({ soort: 'kwartaal', jaar: 2025, nummer: 4 });
    expect(k4.van.toISOString()).toBe('2025-09-30T22:00:00.000Z');
    expect(k4.tot.toISOString()).toBe('2025-12-31T23:00:00.000Z');
    // Q1 loses the hour of the change to summer time, Q4 gains the hour back
    expect((k1.tot.getTime() - k1.van.getTime()) / HOUR).toBe(90 * 24 - 1);
    expect((k4.tot.getTime() - k4.van.getTime()) / HOUR).toBe(92 * 24 + 1);
  });

  it('assigns the instants around a DST bound to the right quarter', () => {
    const bound = at('2025-04-01T00:00');
    expect(periodeSleutelVan(new Date(bound.getTime() - 1), 'kwartaal')).toBe('2025-K1');
    expect(periodeSleutelVan(bound, 'kwartaal')).toBe('2025-K2');
    // the night of the change itself (30 March 2025, 02:00 → 03:00) stays in Q1
    expect(periodeSleutelVan(new Date('2025-03-30T01:30:00Z'), 'kwartaal')).toBe('2025-K1');
    // the repeated hour in October (26 October 2025, 02:00-03:00 twice) stays in Q4
    expect(periodeSleutelVan(new Date('2025-10-26T00:30:00Z'), 'kwartaal')).toBe('2025-K4');
    expect(periodeSleutelVan(new Date('2025-10-26T01:30:00Z'), 'kwartaal')).toBe('2025-K4');
  });

  it('always finds an instant inside the bounds of its own period, and outside its neighbours', () => {
    // every 17 hours 13 minutes over two years, crossing every DST change and year end
    for (let t = Date.UTC(2023, 11, 25); t < Date.UTC(2026, 1, 1); t += 17 * HOUR + 13 * 60_000) {
      const m = new Date(t);
      for (const soort of PERIODE_SOORTEN) {
        const p = periodeVan(m, soort);
        expect(inPeriode(m, p)).toBe(true);
        expect(inPeriode(m, volgendePeriode(p))).toBe(false);
      }
    }
  });

  it('makes consecutive periods touch: the end of one is the start of the next', () => {
    for (const soort of PERIODE_SOORTEN) {
      let p: Periode = { soort, jaar: 2019, nummer: 1 };
      for (let i = 0; i < 3 * periodenPerJaar(soort); i++) {
        const q = volgendePeriode(p);
        expect(periodeGrenzen(p).tot.getTime()).toBe(periodeGrenzen(q).van.getTime());
        p = q;
      }
    }
  });
});

describe('period keys', () => {
  it('writes and reads every kind', () => {
    for (const p of [
      { soort: 'kwartaal', jaar: 2025, nummer: 4 },
      { soort: 'halfjaar', jaar: 2025, nummer: 2 },
      { soort: 'jaar', jaar: 2025, nummer: 1 },
    ] as const) {
      expect(parsePeriode(periodeSleutel(p))).toEqual(p);
    }
    expect(periodeSleutel({ soort: 'kwartaal', jaar: 2025, nummer: 4 })).toBe('2025-K4');
    expect(periodeSleutel({ soort: 'halfjaar', jaar: 2025, nummer: 2 })).toBe('2025-H2');
  });
  it('rejects what is no period', () => {
    for (const s of ['2025-K5', '2025-H3', '2025-K0', '25', '2025-Q1', 'jaar', '2025-']) expect(parsePeriode(s), s).toBeNull();
    expect(() => periodeSleutel({ soort: 'kwartaal', jaar: 2025, nummer: 5 })).toThrow();
    expect(() => periodeGrenzen({ soort: 'halfjaar', jaar: 2025, nummer: 0 })).toThrow();
  });
  it('gives the CBS StatLine period codes and Dutch names', () => {
    expect(cbsPeriodeCode({ soort: 'jaar', jaar: 2023, nummer: 1 })).toBe('2023JJ00');
    expect(cbsPeriodeCode({ soort: 'halfjaar', jaar: 2023, nummer: 2 })).toBe('2023HJ02');
    expect(cbsPeriodeCode({ soort: 'kwartaal', jaar: 2023, nummer: 3 })).toBe('2023KW03');
    expect(periodeNaam({ soort: 'kwartaal', jaar: 2023, nummer: 3 })).toBe('3e kwartaal 2023');
  });
});

describe('periods in a range', () => {
  it('lists every period that holds an instant of [van, tot)', () => {
    const jaar = periodeGrenzen({ soort: 'jaar', jaar: 2024, nummer: 1 });
    expect(periodenTussen('kwartaal', jaar.van, jaar.tot).map(periodeSleutel)).toEqual(['2024-K1', '2024-K2', '2024-K3', '2024-K4']);
    expect(periodenTussen('halfjaar', jaar.van, jaar.tot).map(periodeSleutel)).toEqual(['2024-H1', '2024-H2']);
    // one millisecond more reaches into the next year
    expect(periodenTussen('jaar', jaar.van, new Date(jaar.tot.getTime() + 1)).map(periodeSleutel)).toEqual(['2024', '2025']);
    expect(periodenTussen('kwartaal', at('2024-05-10T12:00'), at('2024-08-01T00:00')).map(periodeSleutel)).toEqual(['2024-K2', '2024-K3']);
    expect(periodenTussen('kwartaal', jaar.tot, jaar.van)).toEqual([]);
  });
});

describe('the 12-month follow-up of a period', () => {
  it('has passed exactly 12 calendar months after the end of the period, in Amsterdam time', () => {
    const k4 = { soort: 'kwartaal', jaar: 2024, nummer: 4 } as const;
    const einde = at('2025-12-31T00:00'); // not yet: the period ends 1 January 2025 00:00
    expect(natermijnVerstreken(k4, einde)).toBe(false);
    const precies = at('2026-01-01T00:00');
    expect(natermijnVerstreken(k4, new Date(precies.getTime() - 1))).toBe(false);
    expect(natermijnVerstreken(k4, precies)).toBe(true);
    // a summer bound: 2024-K2 ends 1 July 2024 00:00 (+02:00), the follow-up 1 July 2025 00:00 (+02:00)
    const k2 = { soort: 'kwartaal', jaar: 2024, nummer: 2 } as const;
    expect(natermijnVerstreken(k2, new Date('2025-06-30T21:59:59.999Z'))).toBe(false);
    expect(natermijnVerstreken(k2, new Date('2025-06-30T22:00:00.000Z'))).toBe(true);
  });
  it('adds calendar months in local time (month ends clamp, wall-clock time stays)', () => {
    expect(maandenNa(at('2024-02-29T10:00'), 12).toISOString()).toBe(at('2025-02-28T10:00').toISOString());
    expect(maandenNa(at('2025-03-15T10:00'), 12).toISOString()).toBe(at('2026-03-15T10:00').toISOString());
    expect(maandenNa(at('2025-01-31T10:00'), 1).toISOString()).toBe(at('2025-02-28T10:00').toISOString());
  });
});
