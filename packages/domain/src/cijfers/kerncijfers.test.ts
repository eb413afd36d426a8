import { describe, expect, it } from 'vitest';
import { MELDER_SECTOREN } from '../model.js';
import { parseMoment } from '../time.js';
import { bereidCijfersVoor, type CijferBeoordeling, type CijferContact } from './definities.js';
import { beschermKerncijfers, cijferDefinitie, CIJFERS, kerncijfers, RELATIES, type Kerncijfers } from './kerncijfers.js';
import { LANGE_KOLOMMEN, langeRijCellen, naarLangFormaat, NEDERLAND_CODE } from './lang.js';
import { celTekst, type Cel } from './onthulling.js';

const at = (s: string) => parseMoment(s)!;
const JAAR_2025 = { soort: 'jaar', jaar: 2025, nummer: 1 } as const;
const NU = at('2026-06-01T00:00');

function dataset(): { contacten: CijferContact[]; beoordelingen: CijferBeoordeling[] } {
  const contacten: CijferContact[] = [];
  const beoordelingen: CijferBeoordeling[] = [];
  const gemeenten = ['GM0200', 'GM0213', 'GM0232'];
  let n = 0;
  for (const [g, aantal] of [
    [0, 40],
    [1, 9],
    [2, 3],
  ] as const) {
    for (let i = 0; i < aantal; i++) {
      const op = new Date(at('2025-01-10T10:00').getTime() + (n % 300) * 86_400_000);
      const c: CijferContact = {
        id: `c${n}`,
        soort: n % 5 === 0 ? 'advies' : 'melding',
        ontvangenOp: op,
        gemeente: gemeenten[g]!,
        huishoudenId: `h${n % 17}`,
        persoonIds: [`p${n % 23}`],
        melderType: n % 3 === 0 ? 'politie' : n % 3 === 1 ? 'beroepskracht' : 'niet-beroepsmatig',
        melderSector: n % 3 === 1 ? MELDER_SECTOREN[n % MELDER_SECTOREN.length]! : null,
        geweldsvormen: n % 2 ? ['kindermishandeling.lichamelijk'] : ['partnergeweld.psychisch'],
      };
      contacten.push(c);
      if (c.soort === 'melding') {
        beoordelingen.push({
          contactId: c.id,
          deadlineWettelijk: new Date(op.getTime() + 5 * 86_400_000),
          deadlineRegionaal: new Date(op.getTime() + 86_400_000),
          beoordeeldOp: new Date(op.getTime() + (n % 7) * 86_400_000),
          besluit: n % 4 === 0 ? 'overdracht' : n % 4 === 1 ? 'voorwaarden-en-vervolg' : 'einde-bemoeienis',
          afgerondOp: new Date(op.getTime() + 20 * 86_400_000),
        });
      }
      n++;
    }
  }
  return { contacten, beoordelingen };
}

describe('kerncijfers', () => {
  const { contacten, beoordelingen } = dataset();
  const basis = bereidCijfersVoor(contacten, beoordelingen);
  const regio = kerncijfers(basis, { periode: JAAR_2025 }, NU);
  const perG = ['GM0200', 'GM0213', 'GM0232'].map((g) => kerncijfers(basis, { periode: JAAR_2025, gemeenten: [g] }, NU));

  it('fills every figure of CIJFERS, each with a Dutch label and a unique variable', () => {
    for (const c of CIJFERS) expect(c.code in regio, c.code).toBe(true);
    expect(new Set(CIJFERS.map((c) => c.variabele)).size).toBe(CIJFERS.length);
    expect(new Set(CIJFERS.map((c) => c.code)).size).toBe(CIJFERS.length);
    expect(cijferDefinitie('meldingen')!.naam).toBe('Meldingen');
    for (const c of CIJFERS.filter((x) => x.eenheid === 'procent')) {
      expect(cijferDefinitie(c.teller!), c.code).toBeDefined();
      expect(cijferDefinitie(c.noemer!), c.code).toBeDefined();
    }
  });

  it('keeps the additive relations within an area and over the gemeenten', () => {
    for (const k of [regio, ...perG]) {
      for (const rel of RELATIES) expect(rel.delen.reduce((s, d) => s + k[d]!, 0), rel.totaal).toBe(k[rel.totaal]);
    }
    for (const c of CIJFERS.filter((x) => x.eenheid === 'aantal' && x.optelbaar && regio[x.code] !== null)) {
      expect(perG.reduce((s, k) => s + k[c.code]!, 0), c.code).toBe(regio[c.code]);
    }
    expect(regio['unieke-huishoudens']!).toBeLessThanOrEqual(perG.reduce((s, k) => s + k['unieke-huishoudens']!, 0));
    expect(regio['pct-melder-politie']).toBeCloseTo((100 * regio['melder.politie']!) / regio.meldingen!, 1);
    expect(regio['huisverbod-beoordelingen']).toBeNull();
  });

  it('gives recidivism only for a period whose 12 months have passed', () => {
    expect(kerncijfers(basis, { periode: JAAR_2025 }, at('2026-12-31T23:00'))['pct-recidive']).toBeNull();
    expect(regio['recidive-cohort']).toBeNull();
    const k = kerncijfers(basis, { periode: JAAR_2025 }, at('2027-01-01T00:00'));
    expect(k['recidive-cohort']!).toBeGreaterThan(0);
    expect(k['recidive-opnieuw-gemeld']!).toBeLessThanOrEqual(k['recidive-cohort']!);
  });

  it('protects gemeenten and region together so that no hidden cell follows from a line', () => {
    const b = beschermKerncijfers(perG, regio);
    const klein = perG[2]!; // 3 contacts: everything small
    expect(klein.meldingen).toBeLessThan(5);
    expect(b.gebieden[2]!.meldingen!.status).toBe('klein');
    // the hidden gemeente total is not recoverable from the region total minus the other gemeenten
    const zichtbaarOf = (c: Cel) => c.status === 'zichtbaar';
    const meldingenCellen = [...b.gebieden.map((g) => g.meldingen!), b.totaal!.meldingen!];
    expect(meldingenCellen.filter((c) => !zichtbaarOf(c)).length).toBeGreaterThanOrEqual(2);
    // within every area, no relation has exactly one hidden member
    for (const g of [...b.gebieden, b.totaal!]) {
      for (const rel of RELATIES) expect([...rel.delen, rel.totaal].filter((d) => !zichtbaarOf(g[d]!)).length, rel.totaal).not.toBe(1);
      // a share of a hidden count is hidden
      for (const c of CIJFERS.filter((x) => x.eenheid === 'procent')) {
        if (!zichtbaarOf(g[c.teller!]!) || !zichtbaarOf(g[c.noemer!]!)) expect(zichtbaarOf(g[c.code]!), c.code).toBe(false);
      }
    }
    // visible counts are the true ones (no rounding asked)
    expect(b.totaal!.adviezen).toEqual({ status: 'zichtbaar', waarde: regio.adviezen });
    expect(beschermKerncijfers(perG, regio, { afronden: true }).totaal!.adviezen).toEqual({ status: 'zichtbaar', waarde: Math.round(regio.adviezen! / 5) * 5 });
  });
});

describe('the CBS-style long format', () => {
  it('writes one row per area × period × figure with CBS codes, hiding protected values', () => {
    const k: Kerncijfers = Object.fromEntries(CIJFERS.map((c, i) => [c.code, c.code === 'pct-recidive' ? null : i]));
    const p: Record<string, Cel> = { meldingen: { status: 'klein' }, adviezen: { status: 'zichtbaar', waarde: 25 } };
    const rijen = naarLangFormaat([
      { regioS: 'GM0200', periode: JAAR_2025, cijfers: k },
      { regioS: NEDERLAND_CODE, periode: { soort: 'halfjaar', jaar: 2025, nummer: 2 }, cijfers: p },
    ]);
    expect(rijen).toHaveLength(2 * CIJFERS.length);
    const m = rijen.find((r) => r.regioS === 'GM0200' && r.code === 'meldingen')!;
    expect(m).toMatchObject({ perioden: '2025JJ00', periode: '2025', variabele: 'OntvangenMeldingen', waarde: k.meldingen, teken: '' });
    expect(rijen.find((r) => r.regioS === 'GM0200' && r.code === 'pct-recidive')).toMatchObject({ waarde: null, teken: '.' });
    const nl = rijen.filter((r) => r.regioS === NEDERLAND_CODE);
    expect(nl.find((r) => r.code === 'meldingen')).toMatchObject({ perioden: '2025HJ02', waarde: null, teken: '<5' });
    expect(nl.find((r) => r.code === 'adviezen')).toMatchObject({ waarde: 25, teken: '' });
    expect(nl.find((r) => r.code === 'hermeldingen')).toMatchObject({ waarde: null, teken: celTekst({ status: 'nvt' }) });
    expect(langeRijCellen(m)).toHaveLength(LANGE_KOLOMMEN.length);
    expect(typeof langeRijCellen(m)[4]).toBe('number');
  });
});
