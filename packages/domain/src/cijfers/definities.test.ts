import { describe, expect, it } from 'vitest';
import { MELDER_SECTOREN } from '../model.js';
import { parseMoment } from '../time.js';
import {
  adviezenIn,
  bekendHuishouden,
  bereidCijfersVoor,
  geweldscategorieen,
  interventies,
  MELDER_GROEPEN,
  mediaan,
  melderGroep,
  melderGroepNaam,
  meldingenIn,
  meldingenPerGeweldscategorie,
  meldingenPerMelderGroep,
  meldingenPerSoort,
  meldingfeitenIn,
  percentage,
  recidive,
  teLaatNu,
  tijdigheid,
  uitkomstEersteBeoordeling,
  uniekeHuishoudens,
  uniekePersonen,
  type CijferBeoordeling,
  type CijferContact,
} from './definities.js';
import { maandenNa, type Periode } from './periode.js';

const at = (s: string) => parseMoment(s)!;
const jaar = (j: number): Periode => ({ soort: 'jaar', jaar: j, nummer: 1 });
const kw = (j: number, n: number): Periode => ({ soort: 'kwartaal', jaar: j, nummer: n });
const APELDOORN = 'GM0200';
const BRUMMEN = 'GM0213';

let seq = 0;
function melding(op: string, extra: Partial<CijferContact> = {}): CijferContact {
  return { id: `m${++seq}`, soort: 'melding', ontvangenOp: at(op), gemeente: APELDOORN, melderType: 'politie', ...extra };
}
function advies(op: string, extra: Partial<CijferContact> = {}): CijferContact {
  return { id: `a${++seq}`, soort: 'advies', ontvangenOp: at(op), gemeente: APELDOORN, melderType: 'niet-beroepsmatig', ...extra };
}
/** An assessment: legal deadline 5 days after receipt here (the rule itself lives in termijnen.ts). */
function beoordeling(c: CijferContact, extra: Partial<CijferBeoordeling> = {}): CijferBeoordeling {
  const op = (c.meldingOp ?? c.ontvangenOp).getTime();
  return {
    contactId: c.id,
    deadlineWettelijk: new Date(op + 5 * 86_400_000),
    deadlineRegionaal: new Date(op + 86_400_000),
    beoordeeldOp: null,
    besluit: null,
    afgerondOp: null,
    ...extra,
  };
}

describe('adviezen and meldingen of a period', () => {
  it('counts an advies converted into a melding as an advies when received and as a melding when converted', () => {
    const c: CijferContact = { ...advies('2024-12-30T10:00'), soort: 'melding', meldingOp: at('2025-01-02T09:00'), omgezetVanAdvies: true };
    expect(adviezenIn([c], { periode: jaar(2024) })).toHaveLength(1);
    expect(meldingenIn([c], { periode: jaar(2024) })).toHaveLength(0);
    expect(adviezenIn([c], { periode: jaar(2025) })).toHaveLength(0);
    expect(meldingenIn([c], { periode: jaar(2025) })).toHaveLength(1);
  });

  it('keeps counting a melding that a decision turned into an advies as a melding, not as an advies', () => {
    const c: CijferContact = { ...melding('2025-03-01T10:00'), soort: 'advies', meldingOp: at('2025-03-01T10:00') };
    expect(meldingenIn([c], { periode: jaar(2025) })).toHaveLength(1);
    expect(adviezenIn([c], { periode: jaar(2025) })).toHaveLength(0);
  });

  it('counts a withdrawn registration nowhere', () => {
    const cs = [melding('2025-03-01T10:00', { ingetrokken: true }), advies('2025-03-01T10:00', { ingetrokken: true })];
    expect(meldingenIn(cs, { periode: jaar(2025) })).toHaveLength(0);
    expect(adviezenIn(cs, { periode: jaar(2025) })).toHaveLength(0);
    expect(bereidCijfersVoor(cs, []).meldingen).toHaveLength(0);
  });

  it('puts a melding at 31 December 23:30 Amsterdam time in that year and its fourth quarter', () => {
    const c = melding('2025-12-31T23:30');
    expect(meldingenIn([c], { periode: jaar(2025) })).toHaveLength(1);
    expect(meldingenIn([c], { periode: kw(2025, 4) })).toHaveLength(1);
    expect(meldingenIn([c], { periode: jaar(2026) })).toHaveLength(0);
  });

  it('filters by the gemeente the contact was registered in', () => {
    const cs = [melding('2025-02-01T10:00'), melding('2025-02-01T10:00', { gemeente: BRUMMEN })];
    expect(meldingenIn(cs, { periode: jaar(2025), gemeenten: [BRUMMEN] }).map((c) => c.gemeente)).toEqual([BRUMMEN]);
    expect(meldingenIn(cs, { periode: jaar(2025) })).toHaveLength(2);
  });
});

describe('unique households and persons', () => {
  it('counts a household once however many meldingen, and a melding without a household as its own', () => {
    const cs = [
      melding('2025-01-01T10:00', { huishoudenId: 'h1', persoonIds: ['p1', 'p2'] }),
      melding('2025-02-01T10:00', { huishoudenId: 'h1', persoonIds: ['p2', 'p3'] }),
      melding('2025-03-01T10:00', { huishoudenId: null, persoonIds: ['p9'] }),
      melding('2025-03-02T10:00', { huishoudenId: null, persoonIds: [] }),
    ];
    expect(uniekeHuishoudens(cs)).toBe(3);
    expect(uniekePersonen(cs)).toBe(4);
  });

  it('counts a household that moved in each gemeente once, and once in the region', () => {
    const cs = [
      melding('2025-01-10T10:00', { huishoudenId: 'h1', persoonIds: ['p1'] }),
      melding('2025-08-10T10:00', { huishoudenId: 'h1', persoonIds: ['p1'], gemeente: BRUMMEN }),
    ];
    const f = (g?: string[]) => uniekeHuishoudens(meldingenIn(cs, { periode: jaar(2025), ...(g ? { gemeenten: g } : {}) }));
    expect(f([APELDOORN])).toBe(1);
    expect(f([BRUMMEN])).toBe(1);
    expect(f()).toBe(1);
  });
});

describe('eerste melding, hermelding, vervolgmelding', () => {
  it('classifies by earlier involvement of the household or its persons and whether that casus still runs', () => {
    const m1 = melding('2025-01-05T10:00', { huishoudenId: 'h1', persoonIds: ['p1', 'p2'] });
    const m2 = melding('2025-03-05T10:00', { huishoudenId: 'h1', persoonIds: ['p1'] });
    const m3 = melding('2025-03-10T10:00', { huishoudenId: 'h1', persoonIds: ['p2'] });
    const m4 = melding('2025-04-01T10:00', { huishoudenId: 'h7', persoonIds: ['p2', 'p8'] }); // p2 moved to a new household
    const m5 = melding('2025-04-01T10:00', { huishoudenId: 'h9', persoonIds: ['p99'] });
    const b = [
      beoordeling(m1, { afgerondOp: at('2025-02-01T10:00') }),
      beoordeling(m2, { afgerondOp: null }),
      beoordeling(m3, { afgerondOp: at('2025-03-20T10:00') }),
      beoordeling(m4),
      beoordeling(m5),
    ];
    const basis = bereidCijfersVoor([m5, m4, m3, m2, m1], b);
    const soort = new Map(basis.meldingen.map((m) => [m.contact.id, m.soort]));
    expect(soort.get(m1.id)).toBe('eerste-melding');
    expect(soort.get(m2.id)).toBe('hermelding'); // m1's casus was closed
    expect(soort.get(m3.id)).toBe('vervolgmelding'); // m2's casus still runs
    expect(soort.get(m4.id)).toBe('vervolgmelding'); // p2 is in m2's running casus (via m3)
    expect(soort.get(m5.id)).toBe('eerste-melding');
    const feiten = meldingfeitenIn(basis, { periode: jaar(2025) });
    const per = meldingenPerSoort(feiten);
    expect(per['eerste-melding'] + per.hermelding + per.vervolgmelding).toBe(feiten.length);
    expect(bekendHuishouden(feiten)).toEqual({ teller: per.hermelding + per.vervolgmelding, noemer: feiten.length });
  });

  it('treats a casus closed exactly at the moment of the new melding as closed', () => {
    const m1 = melding('2025-01-05T10:00', { huishoudenId: 'h1' });
    const m2 = melding('2025-02-05T10:00', { huishoudenId: 'h1' });
    const basis = bereidCijfersVoor([m1, m2], [beoordeling(m1, { afgerondOp: m2.ontvangenOp })]);
    expect(basis.meldingen[1]!.soort).toBe('hermelding');
  });

  it('knows a household from a melding in another gemeente and an earlier year', () => {
    const m1 = melding('2023-06-01T10:00', { huishoudenId: 'h1', gemeente: BRUMMEN });
    const m2 = melding('2025-06-01T10:00', { huishoudenId: 'h1' });
    const basis = bereidCijfersVoor([m1, m2], [beoordeling(m1, { afgerondOp: at('2023-07-01T10:00') })]);
    expect(meldingenPerSoort(meldingfeitenIn(basis, { periode: jaar(2025), gemeenten: [APELDOORN] })).hermelding).toBe(1);
  });

  it('does not let a withdrawn melding make a household known', () => {
    const m1 = melding('2025-01-05T10:00', { huishoudenId: 'h1', ingetrokken: true });
    const m2 = melding('2025-02-05T10:00', { huishoudenId: 'h1' });
    const basis = bereidCijfersVoor([m1, m2], [beoordeling(m1), beoordeling(m2)]);
    expect(basis.meldingen.map((m) => m.soort)).toEqual(['eerste-melding']);
  });

  it('orders meldingen at the same moment by id, so the classification does not depend on input order', () => {
    const a = { ...melding('2025-01-05T10:00', { huishoudenId: 'h1' }), id: 'x-a' };
    const b = { ...melding('2025-01-05T10:00', { huishoudenId: 'h1' }), id: 'x-b' };
    const bs = [beoordeling(a), beoordeling(b)];
    const r1 = bereidCijfersVoor([a, b], bs).meldingen.map((m) => [m.contact.id, m.soort]);
    const r2 = bereidCijfersVoor([b, a], bs).meldingen.map((m) => [m.contact.id, m.soort]);
    expect(r1).toEqual(r2);
    expect(r1).toEqual([
      ['x-a', 'eerste-melding'],
      ['x-b', 'vervolgmelding'],
    ]);
  });

  it('places a converted advies in the history at its conversion, not at its receipt', () => {
    const adv: CijferContact = { ...advies('2025-01-01T10:00', { huishoudenId: 'h1' }), soort: 'melding', meldingOp: at('2025-03-01T10:00'), omgezetVanAdvies: true };
    const m = melding('2025-02-01T10:00', { huishoudenId: 'h1' });
    const basis = bereidCijfersVoor([adv, m], [beoordeling(m, { afgerondOp: at('2025-02-10T10:00') }), beoordeling(adv)]);
    expect(basis.meldingen.map((x) => [x.contact.id, x.soort])).toEqual([
      [m.id, 'eerste-melding'],
      [adv.id, 'hermelding'],
    ]);
  });
});

describe('melder groups and forms of violence', () => {
  it('groups politie, professionals by sector and non-professionals, every melding in exactly one group', () => {
    expect(melderGroep({ melderType: 'politie' })).toBe('politie');
    expect(melderGroep({ melderType: 'beroepskracht', melderSector: 'onderwijs' })).toBe('beroepskracht.onderwijs');
    expect(melderGroep({ melderType: 'beroepskracht', melderSector: null })).toBe('beroepskracht.andere-organisatie');
    expect(melderGroep({ melderType: 'niet-beroepsmatig' })).toBe('niet-beroepsmatig');
    expect(MELDER_GROEPEN).toHaveLength(MELDER_SECTOREN.length + 2);
    for (const g of MELDER_GROEPEN) expect(melderGroepNaam(g).length).toBeGreaterThan(3);
    const cs = [
      melding('2025-01-01T10:00'),
      melding('2025-01-01T10:00', { melderType: 'beroepskracht', melderSector: 'ggz' }),
      melding('2025-01-01T10:00', { melderType: 'beroepskracht', melderSector: 'ggz' }),
      melding('2025-01-01T10:00', { melderType: 'niet-beroepsmatig' }),
    ];
    const per = meldingenPerMelderGroep(cs);
    expect(per.get('beroepskracht.ggz')).toBe(2);
    expect([...per.values()].reduce((a, b) => a + b, 0)).toBe(cs.length);
  });

  it('counts a melding once per category of violence it names, and "onbekend" when it names none', () => {
    expect(geweldscategorieen({ geweldsvormen: ['kindermishandeling.lichamelijk', 'kindermishandeling.verwaarlozing'] })).toEqual(['kindermishandeling']);
    expect(geweldscategorieen({ geweldsvormen: [] })).toEqual(['onbekend']);
    expect(geweldscategorieen({ geweldsvormen: ['bestaat.niet', 'partnergeweld'] })).toEqual(['partnergeweld']);
    const cs = [
      melding('2025-01-01T10:00', { geweldsvormen: ['kindermishandeling.lichamelijk', 'partnergeweld.psychisch'] }),
      melding('2025-01-01T10:00', { geweldsvormen: ['kindermishandeling'] }),
      melding('2025-01-01T10:00'),
    ];
    const per = meldingenPerGeweldscategorie(cs);
    expect(per.get('kindermishandeling')).toBe(2);
    expect(per.get('partnergeweld')).toBe(1);
    expect(per.get('onbekend')).toBe(1);
  });
});

describe('the first assessment and timeliness', () => {
  const now = at('2025-06-30T12:00');
  const m = (op: string) => melding(op);

  it('counts within the legal and the regional deadline, an unassessed melding past its deadline as late, and leaves out what is not yet due', () => {
    const a = m('2025-06-01T10:00'); // assessed after 12 hours: within both
    const b = m('2025-06-02T10:00'); // assessed after 3 days: legal yes, regional no
    const c = m('2025-06-03T10:00'); // assessed after 6 days: neither
    const d = m('2025-06-10T10:00'); // not assessed, both deadlines passed
    const e = m('2025-06-30T10:00'); // not assessed, not yet due
    const hrs = (x: CijferContact, h: number) => new Date(x.ontvangenOp.getTime() + h * 3_600_000);
    const bs = [
      beoordeling(a, { beoordeeldOp: hrs(a, 12), besluit: 'overdracht' }),
      beoordeling(b, { beoordeeldOp: hrs(b, 72), besluit: 'vt-onderzoek' }),
      beoordeling(c, { beoordeeldOp: hrs(c, 144), besluit: 'einde-bemoeienis' }),
      beoordeling(d),
      beoordeling(e),
    ];
    const feiten = meldingfeitenIn(bereidCijfersVoor([a, b, c, d, e], bs), { periode: kw(2025, 2) });
    const t = tijdigheid(feiten, now);
    expect(t.wettelijk).toEqual({ teller: 2, noemer: 4 });
    expect(t.regionaal).toEqual({ teller: 1, noemer: 4 });
    expect(t.mediaanUren).toBe(72);
    expect(t.beoordeeld).toBe(3);
    expect(uitkomstEersteBeoordeling(feiten)).toEqual({ beoordeeld: 3, overgedragen: 1, vervolgDoorVeiligThuis: 1 });
    expect(percentage(t.wettelijk)).toBe(50);
  });

  it('counts overdue meldingen now, of any period, per gemeente', () => {
    const a = m('2025-06-10T10:00');
    const b = { ...m('2025-06-29T20:00'), gemeente: BRUMMEN };
    const c = m('2025-06-01T10:00');
    const basis = bereidCijfersVoor([a, b, c], [beoordeling(a), beoordeling(b), beoordeling(c, { beoordeeldOp: at('2025-06-20T10:00') })]);
    expect(teLaatNu(basis, now)).toEqual({ wettelijk: 1, regionaal: 1 });
    expect(teLaatNu(basis, at('2025-07-05T12:00'))).toEqual({ wettelijk: 2, regionaal: 2 });
    expect(teLaatNu(basis, at('2025-07-05T12:00'), [BRUMMEN])).toEqual({ wettelijk: 1, regionaal: 1 });
  });

  it('takes the median of an odd and an even count', () => {
    expect(mediaan([5, 1, 3])).toBe(3);
    expect(mediaan([4, 1, 3, 2])).toBe(2.5);
    expect(mediaan([])).toBeNull();
    expect(percentage({ teller: 1, noemer: 3 })).toBe(33.3);
    expect(percentage({ teller: 1, noemer: 0 })).toBeNull();
  });
});

describe('12-month recidivism', () => {
  const start = at('2024-03-10T12:00');
  function cohort(later: CijferContact[], besluit: CijferBeoordeling['besluit'] = 'overdracht') {
    const m1 = melding('2024-03-05T10:00', { huishoudenId: 'h1', persoonIds: ['p1'] });
    return bereidCijfersVoor([m1, ...later], [beoordeling(m1, { beoordeeldOp: start, besluit, afgerondOp: start }), ...later.map((l) => beoordeling(l))]);
  }
  const f = { periode: kw(2024, 1) };
  const na = at('2025-04-01T00:00');

  it('is unknown until 12 months after the end of the period have passed', () => {
    expect(recidive(cohort([]), f, at('2025-03-31T23:59'))).toBeNull();
    expect(recidive(cohort([]), f, na)).toEqual({ teller: 0, noemer: 1 });
  });

  it('counts a new melding within 12 months of the start, up to and including the last moment', () => {
    const grens = maandenNa(start, 12);
    const binnen = melding('2024-01-01T00:00', { huishoudenId: 'h1', ontvangenOp: grens });
    const buiten = melding('2024-01-01T00:00', { huishoudenId: 'h1', ontvangenOp: new Date(grens.getTime() + 1) });
    expect(recidive(cohort([binnen]), f, na)).toEqual({ teller: 1, noemer: 1 });
    expect(recidive(cohort([buiten]), f, na)).toEqual({ teller: 0, noemer: 1 });
  });

  it('ignores a melding before the start and a withdrawn one, and follows a person who moved to another household and gemeente', () => {
    const ervoor = melding('2024-03-08T10:00', { huishoudenId: 'h1' });
    const ingetrokken = melding('2024-06-01T10:00', { huishoudenId: 'h1', ingetrokken: true });
    expect(recidive(cohort([ervoor, ingetrokken]), f, na)).toEqual({ teller: 0, noemer: 1 });
    const verhuisd = melding('2024-09-01T10:00', { huishoudenId: 'h2', persoonIds: ['p1'], gemeente: BRUMMEN });
    expect(recidive(cohort([verhuisd]), f, na)).toEqual({ teller: 1, noemer: 1 });
    // the cohort is counted where the intervention started
    expect(recidive(cohort([verhuisd]), { ...f, gemeenten: [BRUMMEN] }, na)).toEqual({ teller: 0, noemer: 0 });
  });

  it('starts no intervention on einde bemoeienis or conversion to advies', () => {
    expect(recidive(cohort([], 'einde-bemoeienis'), f, na)).toEqual({ teller: 0, noemer: 0 });
    expect(recidive(cohort([], 'omzetten-naar-advies'), f, na)).toEqual({ teller: 0, noemer: 0 });
    expect(interventies(cohort([], 'voorwaarden-en-vervolg'))).toHaveLength(1);
  });

  it('counts a household with two interventions in the period once, from the first', () => {
    const m2 = melding('2024-03-20T10:00', { huishoudenId: 'h1' });
    const m1 = melding('2024-03-05T10:00', { huishoudenId: 'h1' });
    const basis = bereidCijfersVoor(
      [m1, m2],
      [beoordeling(m1, { beoordeeldOp: start, besluit: 'overdracht', afgerondOp: start }), beoordeling(m2, { beoordeeldOp: at('2024-03-21T10:00'), besluit: 'acute-inzet' })],
    );
    // m2 came after the first start: the household counts once, and as recidivist
    expect(recidive(basis, f, na)).toEqual({ teller: 1, noemer: 1 });
  });
});

describe('consistency over random data (property)', () => {
  function rng(seed: number) {
    let s = seed >>> 0;
    return () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  it('sums quarters to the year and gemeenten to the region for additive counts, never for distinct households', () => {
    for (let run = 0; run < 20; run++) {
      const r = rng(run + 1);
      const cs: CijferContact[] = [];
      const bs: CijferBeoordeling[] = [];
      for (let i = 0; i < 80; i++) {
        const t = new Date(Date.UTC(2024, 0, 1) + Math.floor(r() * 366 * 86_400_000) - 3_600_000);
        const c: CijferContact = {
          id: `r${run}-${i}`,
          soort: r() < 0.6 ? 'melding' : 'advies',
          ontvangenOp: t,
          gemeente: r() < 0.5 ? APELDOORN : BRUMMEN,
          huishoudenId: `h${Math.floor(r() * 25)}`,
          persoonIds: [`p${Math.floor(r() * 40)}`],
          melderType: (['politie', 'beroepskracht', 'niet-beroepsmatig'] as const)[Math.floor(r() * 3)]!,
          melderSector: 'onderwijs',
          ingetrokken: r() < 0.05,
        };
        cs.push(c);
        if (c.soort === 'melding') bs.push(beoordeling(c, { afgerondOp: r() < 0.5 ? new Date(t.getTime() + r() * 90 * 86_400_000) : null }));
      }
      const basis = bereidCijfersVoor(cs, bs);
      const jaarFeiten = meldingfeitenIn(basis, { periode: jaar(2024) });
      const kwartalen = [1, 2, 3, 4].map((n) => meldingfeitenIn(basis, { periode: kw(2024, n) }));
      expect(kwartalen.reduce((s, k) => s + k.length, 0)).toBe(jaarFeiten.length);
      const perG = [APELDOORN, BRUMMEN].map((g) => meldingfeitenIn(basis, { periode: jaar(2024), gemeenten: [g] }));
      expect(perG[0]!.length + perG[1]!.length).toBe(jaarFeiten.length);
      const soort = meldingenPerSoort(jaarFeiten);
      expect(soort['eerste-melding'] + soort.hermelding + soort.vervolgmelding).toBe(jaarFeiten.length);
      for (const k of ['eerste-melding', 'hermelding', 'vervolgmelding'] as const) {
        expect(perG[0]!.filter((m) => m.soort === k).length + perG[1]!.filter((m) => m.soort === k).length).toBe(soort[k]);
      }
      const uniekRegio = uniekeHuishoudens(jaarFeiten.map((m) => m.contact));
      const uniekSom = perG.reduce((s, g) => s + uniekeHuishoudens(g.map((m) => m.contact)), 0);
      expect(uniekRegio).toBeLessThanOrEqual(uniekSom);
      expect(uniekRegio).toBeLessThanOrEqual(jaarFeiten.length);
      // the first melding of each household (by key) is never a hermelding or vervolgmelding
      const gezien = new Set<string>();
      for (const m of basis.meldingen) {
        const keys = [`h:${m.contact.huishoudenId}`, ...(m.contact.persoonIds ?? []).map((p) => `p:${p}`)];
        if (keys.every((k) => !gezien.has(k))) expect(m.soort).toBe('eerste-melding');
        else expect(m.soort).not.toBe('eerste-melding');
        keys.forEach((k) => gezien.add(k));
      }
    }
  });
});
