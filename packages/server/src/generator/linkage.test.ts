import { describe, expect, it } from 'vitest';
import { isValidBsn, normalisePostcode } from '@samenveilig/domain';
import { parseDate } from '../linkage/csv.js';
import { LINKAGE_COLUMNS, countTruePairs, csvLine, generateDedupe, generateLinkPair, LinkagePopulation } from './linkage.js';

describe('linkage test data', () => {
  const records = [...generateDedupe({ seed: 3, records: 6000 })];

  it('is deterministic in the seed', () => {
    const again = [...generateDedupe({ seed: 3, records: 6000 })];
    expect(again).toEqual(records);
    const other = [...generateDedupe({ seed: 4, records: 6000 })];
    expect(other.map((r) => r.record.surname)).not.toEqual(records.map((r) => r.record.surname));
  });

  it('gives exactly the records asked for, with unique ids and duplicates of persons', () => {
    expect(records).toHaveLength(6000);
    expect(new Set(records.map((r) => r.record.id)).size).toBe(6000);
    const truePairs = countTruePairs(records.map((r) => r.entity));
    expect(truePairs).toBeGreaterThan(1500);
    // Duplicates are not next to each other.
    let adjacent = 0;
    for (let i = 1; i < records.length; i++) if (records[i]!.entity === records[i - 1]!.entity) adjacent++;
    expect(adjacent).toBeLessThan(records.length * 0.02);
  });

  it('writes only valid values: real dates, BSNs passing the 11-proef, valid postcodes', () => {
    for (const { record: r } of records) {
      if (r.birth_date) expect(['invalid', null]).not.toContain(parseDate(r.birth_date));
      if (r.national_id) expect(isValidBsn(r.national_id)).toBe(true);
      if (r.postcode) expect(normalisePostcode(r.postcode)).not.toBeNull();
      expect(Object.keys(r)).toEqual([...LINKAGE_COLUMNS]);
    }
  });

  it('has every kind of registration noise', () => {
    const rs = records.map((r) => r.record);
    const count = (f: (r: (typeof rs)[number]) => boolean) => rs.filter(f).length;
    expect(count((r) => /^([A-Z]\.)+$/.test(r.given_name))).toBeGreaterThan(100); // initials only
    expect(count((r) => /^(v\.|v\.d\.|vd|v\/d|V|D|T|I)/.test(r.prefix) || /^(Van|De|Ter|Ten|Te|In|Op) /.test(r.prefix))).toBeGreaterThan(10); // tussenvoegsel written otherwise
    expect(count((r) => /^(Vande|Vander|Van|De|Ter|Ten|Te)[a-z]{3,}$/.test(r.surname) && r.prefix === '')).toBeGreaterThan(0); // glued
    expect(count((r) => r.full_name !== '')).toBeGreaterThan(300);
    expect(count((r) => r.full_name.includes(','))).toBeGreaterThan(100);
    expect(count((r) => r.birth_date === '')).toBeGreaterThan(150);
    expect(count((r) => /^\d{8}$/.test(r.birth_date))).toBeGreaterThan(100);
    expect(count((r) => /^\d{2}-\d{2}-\d{4}$/.test(r.birth_date))).toBeGreaterThan(100);
    expect(count((r) => /^\d{4}[a-z]{2}$/.test(r.postcode))).toBeGreaterThan(50);
    expect(count((r) => /^\d{4} [A-Z]{2}$/.test(r.postcode))).toBeGreaterThan(50);
    expect(count((r) => r.surname !== '' && r.surname === r.surname.toUpperCase() && /[A-Z]{3}/.test(r.surname))).toBeGreaterThan(20);
  });

  it('registers the same person differently: roepnaam, swaps of names and of day and month, typos', () => {
    const byEntity = new Map<number, string[][]>();
    for (const r of records) {
      const list = byEntity.get(r.entity) ?? [];
      list.push([r.record.given_name, r.record.surname, r.record.birth_date]);
      byEntity.set(r.entity, list);
    }
    let swappedNames = 0;
    let differentGiven = 0;
    let differentSurname = 0;
    for (const regs of byEntity.values()) {
      for (let i = 1; i < regs.length; i++) {
        const [g0, s0] = regs[0]!;
        const [g, s] = regs[i]!;
        if (g0 && s0 && g === s0 && s === g0) swappedNames++;
        if (g0 && g && g0 !== g) differentGiven++;
        if (s0 && s && s0.toLowerCase() !== s.toLowerCase()) differentSurname++;
      }
    }
    expect(swappedNames).toBeGreaterThan(0);
    expect(differentGiven).toBeGreaterThan(200);
    expect(differentSurname).toBeGreaterThan(100);
  });

  it('has relatives at one address: twins, a junior with his father\'s names, a daughter with her mother\'s initial', () => {
    const kinds = new Set(records.map((r) => r.relative));
    expect(kinds).toContain('twin');
    expect(kinds).toContain('junior');
    expect(kinds).toContain('initial-daughter');
    const population = new LinkagePopulation(3);
    let checked = 0;
    for (let h = 1; h < 3000 && checked < 5; h++) {
      const persons = population.household(h);
      const junior = persons.find((p) => p.relative === 'junior' && p.entity % 8 === 7);
      if (!junior) continue;
      const father = persons.find((p) => p !== junior && p.voornamen === junior.voornamen && p.achternaam === junior.achternaam)!;
      expect(father).toBeDefined();
      expect(father.home).toBe(junior.home);
      expect(junior.birthDay - father.birthDay).toBeGreaterThan(19 * 365);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('two files for link: each person at most once per file, about half in both', () => {
    const { left, right } = generateLinkPair({ seed: 9, size: 2000 });
    expect(left).toHaveLength(2000);
    expect(right).toHaveLength(2000);
    expect(new Set(left.map((r) => r.entity)).size).toBe(2000);
    expect(new Set(right.map((r) => r.entity)).size).toBe(2000);
    const inLeft = new Set(left.map((r) => r.entity));
    const both = right.filter((r) => inLeft.has(r.entity)).length;
    expect(both).toBeGreaterThan(600);
    expect(both).toBeLessThan(1400);
    expect(right.filter((r) => r.record.full_name !== '').length).toBeGreaterThan(400);
    expect(left.every((r) => r.record.id.startsWith('L'))).toBe(true);
  });

  it('quotes CSV fields when needed', () => {
    expect(csvLine(['a', 'b,c', 'd"e', ''])).toBe('a,"b,c","d""e",');
  });
});
