import { describe, expect, it } from 'vitest';
import {
  findGemeente,
  findRegion,
  gemeenteOfPostcode,
  gemeentenOfRegion,
  geweldscategorie,
  isGeweldsvormCode,
  GEMEENTEN,
  GEWELDSVORMEN,
  ORGANISATIETYPEN,
  REGIONS,
} from './index.js';

describe('regions', () => {
  it('has the five regions of the source documents', () => {
    expect(REGIONS).toHaveLength(5);
    expect(REGIONS.map((r) => r.id).sort()).toEqual(
      ['arnhem-achterhoek', 'gooi-en-vechtstreek', 'ijsselland', 'noord-veluwe-mijov', 'west-veluwe-vallei'].sort(),
    );
  });

  it('uses slug ids, unique', () => {
    for (const r of REGIONS) expect(r.id).toMatch(/^[a-z0-9-]+$/);
    expect(new Set(REGIONS.map((r) => r.id)).size).toBe(REGIONS.length);
  });

  it('names a source document for each region', () => {
    for (const r of REGIONS) expect(r.bron).toMatch(/^seed 00\d$/);
  });

  it('has the gemeente counts of the seeds', () => {
    expect(gemeentenOfRegion('noord-veluwe-mijov')).toHaveLength(14);
    expect(gemeentenOfRegion('ijsselland')).toHaveLength(11);
    // Seed 003 (2014) names 19; Rijnwaarden merged into Zevenaar in 2018.
    expect(gemeentenOfRegion('arnhem-achterhoek')).toHaveLength(18);
    // Weesp merged into Amsterdam in 2022.
    expect(gemeentenOfRegion('gooi-en-vechtstreek')).toHaveLength(7);
    expect(gemeentenOfRegion('west-veluwe-vallei')).toHaveLength(5);
  });

  it('has the gemeenten that seed 001 lists', () => {
    const names = gemeentenOfRegion('noord-veluwe-mijov').map((g) => g.naam).sort();
    expect(names).toEqual(
      ['Apeldoorn', 'Brummen', 'Elburg', 'Epe', 'Ermelo', 'Harderwijk', 'Hattem', 'Heerde', 'Lochem', 'Nunspeet', 'Oldebroek', 'Putten', 'Voorst', 'Zutphen'].sort(),
    );
  });

  it('has the gemeenten that seed 002 lists', () => {
    const names = gemeentenOfRegion('ijsselland').map((g) => g.naam).sort();
    expect(names).toEqual(
      ['Dalfsen', 'Deventer', 'Hardenberg', 'Kampen', 'Olst-Wijhe', 'Ommen', 'Raalte', 'Staphorst', 'Steenwijkerland', 'Zwartewaterland', 'Zwolle'].sort(),
    );
  });

  it('leaves out gemeenten that no longer exist', () => {
    expect(findGemeente('Weesp')).toBeUndefined();
    expect(findGemeente('Rijnwaarden')).toBeUndefined();
  });

  it("has each region's centrumgemeente among its gemeenten", () => {
    for (const r of REGIONS) {
      const centrum = findGemeente(r.centrumgemeenteCode);
      expect(centrum, r.id).toBeDefined();
      expect(centrum!.regionId, r.id).toBe(r.id);
    }
    expect(findGemeente(findRegion('noord-veluwe-mijov')!.centrumgemeenteCode)!.naam).toBe('Apeldoorn');
    expect(findGemeente(findRegion('ijsselland')!.centrumgemeenteCode)!.naam).toBe('Zwolle');
    expect(findGemeente(findRegion('arnhem-achterhoek')!.centrumgemeenteCode)!.naam).toBe('Arnhem');
    expect(findGemeente(findRegion('gooi-en-vechtstreek')!.centrumgemeenteCode)!.naam).toBe('Hilversum');
    expect(findGemeente(findRegion('west-veluwe-vallei')!.centrumgemeenteCode)!.naam).toBe('Ede');
  });
});

describe('gemeenten', () => {
  it('have CBS codes GM + four digits, unique', () => {
    for (const g of GEMEENTEN) expect(g.code).toMatch(/^GM\d{4}$/);
    expect(new Set(GEMEENTEN.map((g) => g.code)).size).toBe(GEMEENTEN.length);
  });

  it('have unique names', () => {
    expect(new Set(GEMEENTEN.map((g) => g.naam)).size).toBe(GEMEENTEN.length);
  });

  it('have the known CBS codes of the centrumgemeenten', () => {
    expect(findGemeente('Apeldoorn')?.code).toBe('GM0200');
    expect(findGemeente('Zwolle')?.code).toBe('GM0193');
    expect(findGemeente('Arnhem')?.code).toBe('GM0202');
    expect(findGemeente('Hilversum')?.code).toBe('GM0402');
    expect(findGemeente('Ede')?.code).toBe('GM0228');
  });

  it('belong to an existing region', () => {
    for (const g of GEMEENTEN) expect(findRegion(g.regionId), g.naam).toBeDefined();
  });

  it('have a plausible number of inhabitants with date and source', () => {
    for (const g of GEMEENTEN) {
      expect(Number.isInteger(g.inwoners), g.naam).toBe(true);
      expect(g.inwoners, g.naam).toBeGreaterThan(1_000);
      expect(g.inwoners, g.naam).toBeLessThan(250_000);
      expect(g.inwonersPeildatum, g.naam).toBe('2024-01-01');
      expect(g.inwonersBron, g.naam).toMatch(/03759ned/);
    }
    const apeldoorn = findGemeente('Apeldoorn')!;
    expect(apeldoorn.inwoners).toBeGreaterThanOrEqual(160_000);
    expect(apeldoorn.inwoners).toBeLessThanOrEqual(175_000);
    // Plausibility: in each of these regions the centrumgemeente is also the largest gemeente.
    for (const r of REGIONS) {
      const largest = [...gemeentenOfRegion(r.id)].sort((a, b) => b.inwoners - a.inwoners)[0]!;
      expect(largest.code, r.id).toBe(r.centrumgemeenteCode);
    }
  });

  it('have woonplaatsen, main place first', () => {
    for (const g of GEMEENTEN) {
      expect(g.woonplaatsen.length, g.naam).toBeGreaterThan(0);
      expect(new Set(g.woonplaatsen).size, g.naam).toBe(g.woonplaatsen.length);
      for (const w of g.woonplaatsen) expect(w.trim(), g.naam).toBe(w);
    }
    expect(findGemeente('Apeldoorn')!.woonplaatsen[0]).toBe('Apeldoorn');
    expect(findGemeente('Gooise Meren')!.woonplaatsen).toContain('Bussum');
  });

  it('have valid postcode ranges', () => {
    for (const g of GEMEENTEN) {
      expect(g.postcodeRanges.length, g.naam).toBeGreaterThan(0);
      for (const [from, to] of g.postcodeRanges) {
        expect(Number.isInteger(from) && Number.isInteger(to), g.naam).toBe(true);
        expect(from, g.naam).toBeGreaterThanOrEqual(1000);
        expect(to, g.naam).toBeLessThanOrEqual(9999);
        expect(from, g.naam).toBeLessThanOrEqual(to);
      }
    }
  });

  it('have postcode ranges that do not overlap across gemeenten', () => {
    const all = GEMEENTEN.flatMap((g) => g.postcodeRanges.map(([from, to]) => ({ from, to, naam: g.naam })));
    const overlaps: string[] = [];
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        const a = all[i]!;
        const b = all[j]!;
        if (a.naam !== b.naam && a.from <= b.to && b.from <= a.to) {
          overlaps.push(`${a.naam} ${a.from}-${a.to} / ${b.naam} ${b.from}-${b.to}`);
        }
      }
    }
    expect(overlaps).toEqual([]);
  });

  it('finds a gemeente by postcode', () => {
    expect(gemeenteOfPostcode(7311)?.naam).toBe('Apeldoorn');
    expect(gemeenteOfPostcode(8011)?.naam).toBe('Zwolle');
    expect(gemeenteOfPostcode(6811)?.naam).toBe('Arnhem');
    expect(gemeenteOfPostcode(1211)?.naam).toBe('Hilversum');
    expect(gemeenteOfPostcode(6711)?.naam).toBe('Ede');
    expect(gemeenteOfPostcode(7311, 'ijsselland')).toBeUndefined();
    expect(gemeenteOfPostcode(1011)).toBeUndefined(); // Amsterdam: outside the regions
  });
});

describe('findGemeente', () => {
  it('finds the same gemeente by name, by code and by digits', () => {
    const byName = findGemeente('Apeldoorn');
    expect(byName?.code).toBe('GM0200');
    expect(findGemeente('gm0200')).toBe(byName);
    expect(findGemeente('GM0200')).toBe(byName);
    expect(findGemeente('0200')).toBe(byName);
    expect(findGemeente('200')).toBe(byName);
    expect(findGemeente('  apeldoorn ')).toBe(byName);
  });

  it('ignores case, spaces and punctuation in names', () => {
    expect(findGemeente('olst wijhe')?.code).toBe('GM1773');
    expect(findGemeente('Oude IJsselstreek')?.code).toBe('GM1509');
    expect(findGemeente('oost-gelre')?.code).toBe('GM1586');
  });

  it('returns undefined for unknown gemeenten', () => {
    expect(findGemeente('Atlantis')).toBeUndefined();
    expect(findGemeente('GM9999')).toBeUndefined();
  });
});

describe('geweldsvormen', () => {
  const categories = GEWELDSVORMEN.filter((v) => v.categorie === null);

  it('has unique codes', () => {
    expect(new Set(GEWELDSVORMEN.map((v) => v.code)).size).toBe(GEWELDSVORMEN.length);
  });

  it('has the seven categories of DOMAIN.md', () => {
    expect(categories.map((c) => c.code).sort()).toEqual(
      ['kindermishandeling', 'mensenhandel', 'oudermishandeling', 'ouderenmishandeling', 'partnergeweld', 'schadelijke-praktijken', 'seksueel-geweld'].sort(),
    );
  });

  it('puts every form under an existing category, with a code <categorie>.<form>', () => {
    for (const v of GEWELDSVORMEN.filter((f) => f.categorie !== null)) {
      const cat = GEWELDSVORMEN.find((c) => c.code === v.categorie);
      expect(cat, v.code).toBeDefined();
      expect(cat!.categorie, v.code).toBeNull();
      expect(v.code.startsWith(`${v.categorie}.`), v.code).toBe(true);
      expect(v.code, v.code).toMatch(/^[a-z-]+\.[a-z-]+$/);
    }
    for (const c of categories) {
      expect(c.code).toMatch(/^[a-z-]+$/);
      expect(GEWELDSVORMEN.some((v) => v.categorie === c.code), c.code).toBe(true);
    }
  });

  it('has a Dutch name and a one-sentence description for each', () => {
    for (const v of GEWELDSVORMEN) {
      expect(v.naam.length, v.code).toBeGreaterThan(0);
      expect(v.omschrijving.length, v.code).toBeGreaterThan(20);
      expect(v.omschrijving.endsWith('.'), v.code).toBe(true);
    }
  });

  it('contains the forms the brief names', () => {
    for (const code of [
      'partnergeweld.stalking',
      'partnergeweld.complexe-scheiding',
      'kindermishandeling.getuige-huiselijk-geweld',
      'kindermishandeling.shaken-baby',
      'ouderenmishandeling.ontspoorde-mantelzorg',
      'schadelijke-praktijken.vrouwelijke-genitale-verminking',
      'mensenhandel.jeugdprostitutie',
      'oudermishandeling.financieel',
      'seksueel-geweld.overig',
    ]) {
      expect(isGeweldsvormCode(code), code).toBe(true);
    }
    expect(isGeweldsvormCode('partnergeweld.onbekend')).toBe(false);
  });

  it('gives the category of a form', () => {
    expect(geweldscategorie('kindermishandeling.verwaarlozing')?.code).toBe('kindermishandeling');
    expect(geweldscategorie('kindermishandeling')?.code).toBe('kindermishandeling');
    expect(geweldscategorie('bestaat-niet')).toBeUndefined();
  });
});

describe('organisatietypen', () => {
  it('has unique slug codes with name and description', () => {
    expect(new Set(ORGANISATIETYPEN.map((o) => o.code)).size).toBe(ORGANISATIETYPEN.length);
    for (const o of ORGANISATIETYPEN) {
      expect(o.code).toMatch(/^[a-z-]+$/);
      expect(o.naam.length, o.code).toBeGreaterThan(0);
      expect(o.omschrijving.length, o.code).toBeGreaterThan(20);
    }
  });

  it('contains the actors of DOMAIN.md', () => {
    const codes = new Set(ORGANISATIETYPEN.map((o) => o.code));
    for (const code of [
      'veilig-thuis',
      'lokaal-team',
      'politie',
      'openbaar-ministerie',
      'reclassering',
      'vrouwenopvang',
      'daderopvang',
      'centrum-seksueel-geweld',
      'zorg-en-veiligheidshuis',
      'raad-voor-de-kinderbescherming',
      'gecertificeerde-instelling',
      'gemeente',
      'onderwijs',
      'huisarts',
      'kinderopvang',
      'ggz',
      'ouderenzorg',
      'jeugdhulp',
      'overig',
    ]) {
      expect(codes.has(code), code).toBe(true);
    }
  });
});
