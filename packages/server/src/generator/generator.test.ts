import { describe, it, expect, beforeAll } from 'vitest';
import {
  GEMEENTEN,
  REGIONS,
  findGemeente,
  formatAmsterdam,
  geweldscategorie,
  isValidBsn,
  parseMoment,
  validateImportLine,
  type ImportLine,
} from '@samenveilig/domain';
import {
  NATIONAL_ADVIEZEN_PER_YEAR,
  NATIONAL_INHABITANTS,
  NATIONAL_MELDINGEN_PER_YEAR,
  generateContacts,
  regionalVolume,
  type GenerateOptions,
} from './index.js';
import { daysFromCivil, civilFromDays, isoDate, weekday } from './calendar.js';
import { syntheticBsn } from './household.js';
import { Rng } from './rng.js';
import { tussenvoegselVariant, typo, withoutDiacritics } from './variation.js';

const REGION = 'noord-veluwe-mijov';

function take(opts: GenerateOptions, max = Infinity): ImportLine[] {
  const out: ImportLine[] = [];
  for (const line of generateContacts(opts)) {
    out.push(line);
    if (out.length >= max) break;
  }
  return out;
}

const meldingen = (lines: ImportLine[]) => lines.filter((l) => l.type === 'melding');
const share = (n: number, d: number) => (d === 0 ? 0 : n / d);
const isKindermishandeling = (l: ImportLine) =>
  l.personen.some((p) => p.rol === 'kind') && (l.geweldsvormen ?? []).some((c) => geweldscategorie(c)?.code === 'kindermishandeling');

describe('generateContacts: determinism', () => {
  const opts: GenerateOptions = { seed: 42, regionIds: [REGION], fromYear: 2022, years: 1, meldingenPerYear: 1500 };

  it('gives byte-identical output for the same seed and options', () => {
    const a = JSON.stringify(take(opts));
    const b = JSON.stringify(take(opts));
    expect(a.length).toBeGreaterThan(100_000);
    expect(a).toBe(b);
  });

  it('gives different output for a different seed', () => {
    const a = JSON.stringify(take(opts, 500));
    const b = JSON.stringify(take({ ...opts, seed: 43 }, 500));
    expect(a).not.toBe(b);
  });

  it('stops at `until` and can be taken lazily', () => {
    const until = new Date('2022-03-01T00:00:00+01:00');
    const lines = take({ ...opts, until });
    expect(lines.length).toBeGreaterThan(0);
    expect(parseMoment(lines.at(-1)!.ontvangenOp)!.getTime()).toBeLessThanOrEqual(until.getTime());
    // The same prefix as the full run, but for assessments not made yet at `until` (those meldingen are open).
    const full = take(opts, lines.length);
    const without = (l: ImportLine) => ({ ...l, beoordeling: undefined });
    expect(JSON.stringify(lines.map(without))).toBe(JSON.stringify(full.map(without)));
    let open = 0;
    lines.forEach((l, i) => {
      const f = full[i]!;
      if (l.beoordeling) expect(l.beoordeling.beoordeeldOp).toBe(f.beoordeling!.beoordeeldOp);
      else if (f.beoordeling) {
        open++;
        expect(parseMoment(f.beoordeling.beoordeeldOp)!.getTime()).toBeGreaterThan(until.getTime());
      }
    });
    expect(open).toBeGreaterThan(0);
  });

  it('assesses every melding of the past, a tenth later than the legal deadline, and leaves the last days open', () => {
    const until = new Date('2022-06-01T00:00:00+02:00');
    const meldingen = take({ ...opts, until }).filter((l) => l.type === 'melding');
    const assessed = meldingen.filter((l) => l.beoordeling);
    const open = meldingen.filter((l) => !l.beoordeling);
    // Open: only meldingen of the last two weeks before `until`.
    for (const l of open) expect(until.getTime() - parseMoment(l.ontvangenOp)!.getTime()).toBeLessThan(15 * 86_400_000);
    expect(open.length).toBeGreaterThan(0);
    const late = assessed.filter((l) => parseMoment(l.beoordeling!.beoordeeldOp)!.getTime() - parseMoment(l.ontvangenOp)!.getTime() > 7 * 86_400_000);
    expect(late.length / assessed.length).toBeGreaterThan(0.04);
    expect(late.length / assessed.length).toBeLessThan(0.16);
    const handedOver = assessed.filter((l) => l.beoordeling!.besluit === 'overdracht').length / assessed.length;
    expect(handedOver).toBeGreaterThan(0.39); // seed 001 annex 5: 39-69% handed over after the first assessment
    expect(handedOver).toBeLessThan(0.69);
    // Every line is valid in the import format, assessments included.
    for (const l of meldingen) expect(validateImportLine(l)).toMatchObject({ ok: true });
  });
});

describe('generateContacts: two years for one region (about 20,000 lines)', () => {
  let lines: ImportLine[] = [];
  let elapsedMs = 0;
  const gemeentenOfRegion = GEMEENTEN.filter((g) => g.regionId === REGION);

  beforeAll(() => {
    const start = performance.now();
    lines = take({ seed: 2024, regionIds: [REGION], fromYear: 2023, years: 2, meldingenPerYear: 4_700 });
    elapsedMs = performance.now() - start;
  });

  it('generates about 20,000 lines in under 5 seconds', () => {
    expect(lines.length).toBeGreaterThan(19_000);
    expect(lines.length).toBeLessThan(21_000);
    expect(elapsedMs).toBeLessThan(5_000);
  });

  it('yields only lines that pass the import schema', () => {
    const invalid: unknown[] = [];
    for (const line of lines) {
      const result = validateImportLine(line);
      if (!result.ok && invalid.length < 5) invalid.push({ issues: result.issues, line });
    }
    expect(invalid).toEqual([]);
  });

  it('orders lines by received time, with the Amsterdam offset of that moment', () => {
    let previous = -Infinity;
    const disorder: string[] = [];
    const notCanonical: string[] = [];
    for (const line of lines) {
      const moment = parseMoment(line.ontvangenOp)!;
      if (moment.getTime() < previous) disorder.push(line.ontvangenOp);
      previous = moment.getTime();
      // Canonical: formatting the moment in Amsterdam gives the same text (DST handled).
      if (formatAmsterdam(moment) !== line.ontvangenOp) notCanonical.push(line.ontvangenOp);
    }
    expect(disorder).toEqual([]);
    expect(notCanonical).toEqual([]);
    expect(lines[0]!.ontvangenOp.startsWith('2023-01-01')).toBe(true);
    expect(lines.at(-1)!.ontvangenOp.startsWith('2024-12-31')).toBe(true);
  });

  it('gives every contact a unique external id', () => {
    expect(new Set(lines.map((l) => l.externalId)).size).toBe(lines.length);
  });

  it('has about 60% of meldingen from the police, via the police import', () => {
    const m = meldingen(lines);
    const politie = m.filter((l) => l.melder.type === 'politie');
    expect(share(politie.length, m.length)).toBeGreaterThanOrEqual(0.54);
    expect(share(politie.length, m.length)).toBeLessThanOrEqual(0.66);
    expect(politie.every((l) => l.kanaal === 'politie-import')).toBe(true);
    const beroeps = m.filter((l) => l.melder.type === 'beroepskracht');
    expect(share(beroeps.length, m.length)).toBeGreaterThan(0.2);
    expect(new Set(beroeps.map((l) => l.melder.sector)).size).toBeGreaterThanOrEqual(7);
    const prive = m.filter((l) => l.melder.type === 'niet-beroepsmatig');
    expect(share(prive.length, m.length)).toBeGreaterThan(0.1);
    expect(new Set(prive.map((l) => l.melder.relatie))).toEqual(new Set(['familie', 'buren', 'betrokkene-zelf', 'anoniem', 'overig']));
    // Adviezen come mostly from professionals and private persons.
    const adviezen = lines.filter((l) => l.type === 'advies');
    expect(share(adviezen.filter((l) => l.melder.type !== 'politie').length, adviezen.length)).toBeGreaterThan(0.9);
    expect(adviezen.some((l) => l.personen.length === 0)).toBe(true);
    const kanalen = new Set(lines.filter((l) => l.melder.type !== 'politie').map((l) => l.kanaal));
    expect(kanalen).toEqual(new Set(['telefoon', 'chat', 'email', 'formulier']));
  });

  it('has 50-60% of meldingen about kindermishandeling', () => {
    const m = meldingen(lines);
    const km = share(m.filter(isKindermishandeling).length, m.length);
    expect(km).toBeGreaterThanOrEqual(0.5);
    expect(km).toBeLessThanOrEqual(0.6);
  });

  it('has 25-35% of meldingen about a household known from an earlier melding', () => {
    const m = meldingen(lines);
    const seen = new Set<string>();
    let known = 0;
    for (const l of m) {
      const id = l.huishouden?.externalId;
      expect(id).toBeDefined();
      if (seen.has(id!)) known++;
      seen.add(id!);
    }
    expect(share(known, m.length)).toBeGreaterThanOrEqual(0.25);
    expect(share(known, m.length)).toBeLessThanOrEqual(0.35);
  });

  it('keeps the same persons under the same external ids across contacts', () => {
    const byId = new Map<string, { achternaam?: string; geboortedatum?: string; bsn?: string }>();
    let repeated = 0;
    for (const l of lines) {
      for (const p of l.personen) {
        const previous = byId.get(p.externalId!);
        if (previous) {
          repeated++;
          if (previous.achternaam && p.achternaam) expect(p.achternaam).toBe(previous.achternaam);
          if (previous.geboortedatum && p.geboortedatum) expect(p.geboortedatum).toBe(previous.geboortedatum);
          if (previous.bsn && p.bsn) expect(p.bsn).toBe(previous.bsn);
        }
        byId.set(p.externalId!, { ...previous, ...p });
      }
    }
    expect(repeated).toBeGreaterThan(1000);
  });

  it('shows seasonality: fewer contacts per day in the summer holidays than in September', () => {
    const perMonth = new Array<number>(12).fill(0);
    for (const l of lines) perMonth[Number(l.ontvangenOp.slice(5, 7)) - 1]!++;
    // Two years: July and August have 62 days, September 60; 2023 and 2024 have 731 days.
    const july = perMonth[6]! / 62;
    const august = perMonth[7]! / 62;
    const september = perMonth[8]! / 60;
    const average = lines.length / 731;
    expect(august).toBeLessThan(0.93 * average);
    expect(july).toBeLessThan(average);
    expect(september).toBeGreaterThan(1.1 * august);
    // Professionals hardly report in the weekend; the police does.
    const weekend = (l: ImportLine) => weekday(daysFromCivil(...(l.ontvangenOp.slice(0, 10).split('-').map(Number) as [number, number, number]))) >= 5;
    const prof = lines.filter((l) => l.melder.type === 'beroepskracht');
    const pol = lines.filter((l) => l.melder.type === 'politie');
    expect(share(prof.filter(weekend).length, prof.length)).toBeLessThan(0.06);
    expect(share(pol.filter(weekend).length, pol.length)).toBeGreaterThan(0.28);
  });

  it('has about 5% acute danger and a small share of secret (shelter) addresses', () => {
    expect(share(lines.filter((l) => l.acuutGevaar).length, lines.length)).toBeGreaterThan(0.03);
    expect(share(lines.filter((l) => l.acuutGevaar).length, lines.length)).toBeLessThan(0.08);
    const addresses = lines.flatMap((l) => l.personen.flatMap((p) => (p.adres ? [p.adres] : [])));
    const geheim = share(addresses.filter((a) => a.geheim).length, addresses.length);
    expect(geheim).toBeGreaterThan(0.01);
    expect(geheim).toBeLessThan(0.06);
  });

  it('has twins and a father and son with the same names at one address', () => {
    let twins = 0;
    let fatherSon = 0;
    const households = new Set<string>();
    for (const l of lines) {
      const id = l.huishouden?.externalId;
      if (!id || households.has(id)) continue;
      households.add(id);
      const kids = l.personen.filter((p) => p.rol === 'kind' && p.geboortedatum);
      if (kids.some((a, i) => kids.some((b, j) => j > i && a.geboortedatum === b.geboortedatum && a.achternaam === b.achternaam && a.adres?.postcode === b.adres?.postcode)))
        twins++;
      const men = l.personen.filter((p) => p.geslacht === 'man' && p.voornamen && p.geboortedatum && p.adres);
      if (
        men.some((a, i) =>
          men.some(
            (b, j) =>
              j > i &&
              a.voornamen === b.voornamen &&
              a.achternaam === b.achternaam &&
              a.adres!.postcode === b.adres!.postcode &&
              a.adres!.huisnummer === b.adres!.huisnummer &&
              Math.abs(Number(a.geboortedatum!.slice(0, 4)) - Number(b.geboortedatum!.slice(0, 4))) >= 15,
          ),
        )
      )
        fatherSon++;
    }
    expect(twins).toBeGreaterThan(0);
    expect(fatherSon).toBeGreaterThan(0);
  });

  it('places addresses in the gemeenten of the region, with postcodes in their ranges', () => {
    const codes = new Set(gemeentenOfRegion.map((g) => g.code));
    const problems: string[] = [];
    let checked = 0;
    for (const l of lines) {
      if (!codes.has(l.gemeente)) problems.push(`contact gemeente ${l.gemeente}`);
      for (const p of l.personen) {
        if (!p.adres) continue;
        checked++;
        const a = p.adres;
        const g = findGemeente(a.gemeente!);
        const digits = Number(a.postcode.slice(0, 4));
        if (!g || g.regionId !== REGION) problems.push(`gemeente ${a.gemeente}`);
        else if (!g.postcodeRanges.some(([from, to]) => digits >= from && digits <= to)) problems.push(`${a.postcode} not in ${g.naam}`);
        else if (![...g.woonplaatsen, g.naam].includes(a.woonplaats)) problems.push(`${a.woonplaats} not in ${g.naam}`);
        if (!/^\d{4} [A-Z]{2}$/.test(a.postcode) || ['SA', 'SD', 'SS'].includes(a.postcode.slice(5))) problems.push(`postcode ${a.postcode}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
    // Larger gemeenten get more contacts.
    if (gemeentenOfRegion.length > 1) {
      const largest = [...gemeentenOfRegion].sort((a, b) => b.inwoners - a.inwoners)[0]!;
      const smallest = [...gemeentenOfRegion].sort((a, b) => a.inwoners - b.inwoners)[0]!;
      const count = (code: string) => lines.filter((l) => l.gemeente === code).length;
      expect(count(largest.code)).toBeGreaterThan(count(smallest.code));
    }
  });

  it('uses only example.org / example.nl e-mail addresses and 06 numbers', () => {
    const emails = lines.flatMap((l) => (l.melder.email ? [l.melder.email] : []));
    expect(emails.length).toBeGreaterThan(100);
    expect(emails.filter((e) => !/^[a-z0-9.]+@example\.(org|nl)$/.test(e))).toEqual([]);
    const phones = lines.flatMap((l) => (l.melder.telefoon ? [l.melder.telefoon] : []));
    expect(phones.length).toBeGreaterThan(100);
    expect(phones.filter((t) => !/^06-\d{8}$/.test(t))).toEqual([]);
    // Anonymous melders have no identity.
    const anonymous = lines.filter((l) => l.melder.anoniem);
    expect(anonymous.length).toBeGreaterThan(50);
    expect(anonymous.filter((l) => l.melder.naam || l.melder.telefoon || l.melder.email)).toEqual([]);
  });

  it('has realistic persons: valid BSNs for most persons of meldingen, names with diacritics and tussenvoegsels', () => {
    const persons = meldingen(lines).flatMap((l) => l.personen);
    const withBsn = persons.filter((p) => p.bsn);
    expect(share(withBsn.length, persons.length)).toBeGreaterThan(0.5);
    expect(share(withBsn.length, persons.length)).toBeLessThan(0.75);
    expect(withBsn.every((p) => isValidBsn(p.bsn!))).toBe(true);
    const all = lines.flatMap((l) => l.personen);
    expect(all.some((p) => p.tussenvoegsel === 'van der')).toBe(true);
    expect(all.some((p) => /[À-ž]/.test(`${p.voornamen ?? ''}${p.achternaam ?? ''}`))).toBe(true);
    expect(all.some((p) => (p.voornamen ?? '').includes(' ') && p.roepnaam)).toBe(true);
    // Common surnames are frequent, the tail is long.
    const surnames = new Map<string, number>();
    for (const p of all) if (p.achternaam) surnames.set(p.achternaam, (surnames.get(p.achternaam) ?? 0) + 1);
    expect(surnames.size).toBeGreaterThan(500);
    const top = [...surnames].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([n]) => n);
    expect(top).toContain('Jong');
    // Nobody is born after the contact; kinderen are minors when first reported.
    const bornLater = lines.filter((l) => l.personen.some((p) => p.geboortedatum && p.geboortedatum > l.ontvangenOp.slice(0, 10)));
    expect(bornLater).toEqual([]);
    const ages = (rol: string) =>
      lines.flatMap((l) => l.personen.filter((p) => p.rol === rol && p.geboortedatum).map((p) => Number(l.ontvangenOp.slice(0, 4)) - Number(p.geboortedatum!.slice(0, 4))));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    expect(median(ages('kind'))).toBeLessThan(14);
    expect(median(ages('pleger'))).toBeGreaterThan(25);
  });

  it('uses adviezen per melding at the national ratio by default', () => {
    const m = meldingen(lines).length;
    const ratio = (lines.length - m) / m;
    expect(ratio).toBeGreaterThan(1.05);
    expect(ratio).toBeLessThan(1.2);
  });
});

describe('generateContacts: national volume', () => {
  it('has adviezen to meldingen between 0.9 and 1.4 in the first days of a year', () => {
    const lines = take({
      seed: 7,
      regionIds: REGIONS.map((r) => r.id),
      fromYear: 2024,
      years: 1,
      meldingenPerYear: NATIONAL_MELDINGEN_PER_YEAR,
      until: new Date('2024-01-12T00:00:00+01:00'),
    });
    const m = meldingen(lines).length;
    expect(lines.length).toBeGreaterThan(5_000);
    const ratio = (lines.length - m) / m;
    expect(ratio).toBeGreaterThan(0.9);
    expect(ratio).toBeLessThan(1.4);
    const politie = share(meldingen(lines).filter((l) => l.melder.type === 'politie').length, m);
    expect(politie).toBeGreaterThan(0.54);
    expect(politie).toBeLessThan(0.66);
  });
});

describe('generateContacts: without external ids', () => {
  it('leaves out sender ids and still yields valid lines', () => {
    const lines = take({ seed: 5, regionIds: [REGION], fromYear: 2020, years: 1, meldingenPerYear: 1000, externalIds: false });
    expect(lines.length).toBeGreaterThan(1500);
    for (const l of lines) {
      expect(l.huishouden).toBeUndefined();
      for (const p of l.personen) expect(p.externalId).toBeUndefined();
      expect(validateImportLine(l).ok).toBe(true);
    }
  });
});

describe('regionalVolume', () => {
  it('scales the national meldingen by inhabitants', () => {
    const inhabitants = GEMEENTEN.filter((g) => g.regionId === REGION).reduce((s, g) => s + g.inwoners, 0);
    expect(regionalVolume([REGION])).toBe(Math.round((inhabitants / NATIONAL_INHABITANTS) * NATIONAL_MELDINGEN_PER_YEAR));
    expect(regionalVolume([])).toBe(0);
    const all = regionalVolume(REGIONS.map((r) => r.id));
    expect(all).toBeGreaterThanOrEqual(regionalVolume([REGION]));
    expect(all).toBeLessThanOrEqual(NATIONAL_MELDINGEN_PER_YEAR);
    expect(NATIONAL_ADVIEZEN_PER_YEAR / NATIONAL_MELDINGEN_PER_YEAR).toBeCloseTo(1.125, 2);
  });

  it('rejects unknown regions', () => {
    expect(() => take({ seed: 1, regionIds: ['atlantis'], fromYear: 2020, years: 1, meldingenPerYear: 10 })).toThrow(/unknown region/);
  });
});

describe('building blocks', () => {
  it('converts epoch days and calendar dates both ways', () => {
    for (const [y, m, d] of [
      [1970, 1, 1],
      [2000, 2, 29],
      [2024, 12, 31],
      [1931, 7, 15],
    ] as const) {
      const days = daysFromCivil(y, m, d);
      expect(civilFromDays(days)).toEqual([y, m, d]);
      expect(isoDate(days)).toBe(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    }
    expect(weekday(daysFromCivil(2024, 12, 30))).toBe(0); // a Monday
  });

  it('makes unique valid BSNs', () => {
    const seen = new Set<string>();
    let made = 0;
    let invalid = 0;
    for (let i = 0; i < 100_000; i++) {
      const bsn = syntheticBsn(i, 12_345_678);
      if (bsn === undefined) continue;
      made++;
      if (!isValidBsn(bsn)) invalid++;
      seen.add(bsn);
    }
    expect(invalid).toBe(0);
    expect(seen.size).toBe(made);
    expect(made).toBeGreaterThan(88_000);
  });

  it('varies names the way registrations do', () => {
    const rng = Rng.from(1);
    const variants = new Set<string>();
    for (let i = 0; i < 50; i++) variants.add(typo(rng, 'Jansen'));
    expect(variants.size).toBeGreaterThan(3);
    for (const v of variants) expect(v.startsWith('J')).toBe(true);
    const tv = new Set<string>();
    for (let i = 0; i < 50; i++) tv.add(tussenvoegselVariant(rng, 'van der', 'Meer').join('|'));
    expect(tv).toContain('|van der Meer');
    expect(tv).toContain('Van der|Meer');
    expect(tv).toContain('v.d.|Meer');
    expect(withoutDiacritics('Zoë Çelik-Gülşen Öztürk')).toBe('Zoe Celik-Gulsen Ozturk');
  });
});
