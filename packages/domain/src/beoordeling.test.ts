import { describe, expect, it } from 'vitest';
import {
  BESLUIT_SOORTEN,
  BESLUITEN_NA_ONDERZOEK,
  beoordelingInhoudSchema,
  besluitProblemen,
  besluitSchema,
  bevestigenProbleem,
  faseVoorVoorstel,
  gevolgVanBesluit,
  statusNaOverdracht,
  statusNaTerugsturen,
  BEOORDELING_STATUSSEN,
  type Besluit,
  type BesluitSoort,
  type BeoordelingInhoud,
} from './beoordeling.js';

const ORG = '0190a000-0000-7000-8000-000000000001';
const compleet = (over: Partial<BeoordelingInhoud> = {}): BeoordelingInhoud =>
  beoordelingInhoudSchema.parse({
    acuteOnveiligheid: { oordeel: 'nee', toelichting: 'Geen direct gevaar.' },
    structureleOnveiligheid: { oordeel: 'nee', toelichting: 'Eenmalig incident.' },
    kindcheck: { kinderenAanwezig: 'nee' },
    ...over,
  });
const besluit = (soort: BesluitSoort): Besluit =>
  besluitSchema.parse(
    {
      'einde-bemoeienis': { soort, reden: 'Hulp loopt al.' },
      'omzetten-naar-advies': { soort, reden: 'Melder blijft betrokken.' },
      overdracht: { soort, naar: 'lokaal-team', organisatieId: ORG, toelichting: 'Warme overdracht.' },
      'voorwaarden-en-vervolg': { soort, voorwaarden: ['Geen geweld in het bijzijn van de kinderen'], toelichting: 'VT monitort.' },
      'vt-onderzoek': { soort, reden: 'hulp-geweigerd', toelichting: 'Gezin weigert hulp.' },
      'verzoek-rvdk': { soort, toelichting: 'Zorgen over de kinderen blijven.' },
      'acute-inzet': { soort, maatregelen: ['politie'], toelichting: 'Politie ter plaatse gestuurd.' },
    }[soort],
  );
const paths = (ps: { path: string }[]) => ps.map((p) => p.path);

describe('the assessment content', () => {
  it('accepts a draft with nothing filled in, and each part when valid', () => {
    expect(beoordelingInhoudSchema.parse({})).toEqual({ risicofactoren: [], geraadpleegd: [] });
    expect(beoordelingInhoudSchema.safeParse({ risicofactoren: ['wurging', 'onbekend'] }).success).toBe(false);
    expect(beoordelingInhoudSchema.safeParse({ acuteOnveiligheid: { oordeel: 'misschien', toelichting: 'x' } }).success).toBe(false);
    expect(beoordelingInhoudSchema.safeParse({ acuteOnveiligheid: { oordeel: 'ja', toelichting: '  ' } }).success).toBe(false);
    expect(beoordelingInhoudSchema.safeParse({ samenvatting: 'x'.repeat(10_001) }).success).toBe(false);
    expect(beoordelingInhoudSchema.safeParse({ extra: 1 }).success).toBe(false);
  });
});

describe('which decision fits the assessment', () => {
  it('needs both safety judgements and the kindcheck before any decision', () => {
    const p = besluitProblemen(beoordelingInhoudSchema.parse({}), besluit('overdracht'), 'beoordeling');
    expect(paths(p)).toEqual(['inhoud.acuteOnveiligheid', 'inhoud.structureleOnveiligheid', 'inhoud.kindcheck']);
    expect(besluitProblemen(compleet(), besluit('overdracht'), 'beoordeling')).toEqual([]);
  });

  it('with children present the kindcheck needs to say how they are', () => {
    expect(paths(besluitProblemen(compleet({ kindcheck: { kinderenAanwezig: 'ja' } }), besluit('overdracht'), 'beoordeling'))).toEqual(['inhoud.kindcheck.toelichting']);
    expect(besluitProblemen(compleet({ kindcheck: { kinderenAanwezig: 'ja', toelichting: 'Kinderen bij oma.' } }), besluit('overdracht'), 'beoordeling')).toEqual([]);
  });

  it.each(['einde-bemoeienis', 'omzetten-naar-advies'] as const)('%s is refused with acute or structural unsafety', (soort) => {
    const acuut = compleet({ acuteOnveiligheid: { oordeel: 'ja', toelichting: 'Dreiging.' } });
    const structureel = compleet({ structureleOnveiligheid: { oordeel: 'ja', toelichting: 'Herhaling.' } });
    expect(paths(besluitProblemen(acuut, besluit(soort), 'beoordeling'))).toEqual(['besluit.soort']);
    expect(paths(besluitProblemen(structureel, besluit(soort), 'beoordeling'))).toEqual(['besluit.soort']);
    expect(besluitProblemen(compleet(), besluit(soort), 'beoordeling')).toEqual([]);
  });

  it('acute inzet only with acute unsafety', () => {
    expect(paths(besluitProblemen(compleet(), besluit('acute-inzet'), 'beoordeling'))).toEqual(['besluit.soort']);
    expect(besluitProblemen(compleet({ acuteOnveiligheid: { oordeel: 'ja', toelichting: 'Nu gevaar.' } }), besluit('acute-inzet'), 'beoordeling')).toEqual([]);
  });

  it('closing an onderzoek needs an outcome and one of the closing decisions', () => {
    for (const soort of BESLUIT_SOORTEN) {
      const p = paths(besluitProblemen(compleet({ acuteOnveiligheid: { oordeel: 'ja', toelichting: 'x' } }), besluit(soort), 'onderzoek', 'bevestigd'));
      const closing = BESLUITEN_NA_ONDERZOEK.includes(soort) && soort !== 'einde-bemoeienis';
      expect(p.includes('besluit.soort'), soort).toBe(!closing);
    }
    expect(paths(besluitProblemen(compleet(), besluit('overdracht'), 'onderzoek'))).toEqual(['onderzoekUitkomst']);
    expect(paths(besluitProblemen(compleet(), besluit('overdracht'), 'beoordeling', 'weerlegd'))).toEqual(['onderzoekUitkomst']);
  });

  it('the decision schema needs what each decision needs', () => {
    expect(besluitSchema.safeParse({ soort: 'overdracht', naar: 'lokaal-team', toelichting: 'x' }).success).toBe(false); // no receiver
    expect(besluitSchema.safeParse({ soort: 'voorwaarden-en-vervolg', voorwaarden: [], toelichting: 'x' }).success).toBe(false);
    expect(besluitSchema.safeParse({ soort: 'acute-inzet', maatregelen: [], toelichting: 'x' }).success).toBe(false);
    expect(besluitSchema.safeParse({ soort: 'acute-inzet', maatregelen: ['huisverbod-advies'], toelichting: 'x' }).success).toBe(true);
    expect(besluitSchema.safeParse({ soort: 'wegkijken', toelichting: 'x' }).success).toBe(false);
    expect(besluitSchema.safeParse({ soort: 'overdracht', naar: 'lokaal-team', organisatieId: 'geen-uuid', toelichting: 'x' }).success).toBe(false);
  });
});

describe('four eyes', () => {
  it('only a gedragswetenschapper, and never the proposer, confirms', () => {
    expect(bevestigenProbleem({ id: 'u2', isGedragswetenschapper: true }, 'u1')).toBeNull();
    expect(bevestigenProbleem({ id: 'u1', isGedragswetenschapper: true }, 'u1')).toMatch(/tweede persoon/);
    expect(bevestigenProbleem({ id: 'u2', isGedragswetenschapper: false }, 'u1')).toMatch(/gedragswetenschapper/);
  });

  it('a decision can be proposed only when the melding waits for one', () => {
    const fases = Object.fromEntries(BEOORDELING_STATUSSEN.map((s) => [s, faseVoorVoorstel(s)]));
    expect(fases).toEqual({ open: 'beoordeling', voorgesteld: null, onderzoek: 'onderzoek', overdracht: null, afgerond: null });
  });

  it('sent back or withdrawn, the melding returns to the phase it was in', () => {
    expect(statusNaTerugsturen('beoordeling')).toBe('open');
    expect(statusNaTerugsturen('onderzoek')).toBe('onderzoek');
  });
});

describe('what a confirmed decision sets in motion', () => {
  it.each([
    ['einde-bemoeienis', { status: 'afgerond', beoordeeld: true }],
    ['omzetten-naar-advies', { status: 'afgerond', beoordeeld: true, contactNaarAdvies: true }],
    ['overdracht', { status: 'overdracht', beoordeeld: true, overdrachtVoorstellen: true }],
    ['voorwaarden-en-vervolg', { status: 'afgerond', beoordeeld: true, overdrachtVoorstellen: false }],
    ['vt-onderzoek', { status: 'onderzoek', beoordeeld: true, onderzoekStarten: true }],
    ['verzoek-rvdk', { status: 'afgerond', beoordeeld: true }],
    ['acute-inzet', { status: 'open', beoordeeld: false, acuutAfgehandeld: true }],
  ] as const)('%s → %j', (soort, expected) => {
    expect(gevolgVanBesluit(besluit(soort), 'beoordeling')).toMatchObject({ ...expected, onderzoekAfronden: false });
  });

  it('voorwaarden en vervolg with a partner hands over to that partner', () => {
    const b = besluitSchema.parse({ soort: 'voorwaarden-en-vervolg', voorwaarden: ['x'], organisatieId: ORG, toelichting: 'y' });
    expect(gevolgVanBesluit(b, 'beoordeling')).toMatchObject({ status: 'overdracht', overdrachtVoorstellen: true });
  });

  it('in the onderzoek phase every decision also closes the onderzoek', () => {
    expect(gevolgVanBesluit(besluit('overdracht'), 'onderzoek')).toMatchObject({ onderzoekAfronden: true, status: 'overdracht' });
  });

  it('the receiver settles a handover, or sends the melding back for a new decision', () => {
    expect(statusNaOverdracht('geaccepteerd')).toBe('afgerond');
    expect(statusNaOverdracht('geweigerd')).toBe('open');
  });
});
