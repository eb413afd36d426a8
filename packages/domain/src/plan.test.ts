import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  DEFAULT_PLAN_INSTELLINGEN,
  FASEN,
  faseOordeel,
  LEEG_PLAN,
  laatsteGeweld,
  planInhoudSchema,
  planInstellingenSchema,
  planVerschil,
  verlopenAfspraken,
  type Fase,
  type PlanInhoud,
} from './plan.js';

const dag = 86_400_000;
const now = new Date('2026-11-29T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * dag);
const afspraak = (id: string, wanneer: string, status: 'open' | 'nagekomen' | 'niet-nagekomen' = 'open') => ({
  id,
  wie: 'Oma',
  wat: 'Haalt de kinderen op',
  wanneer,
  status,
  gevolg: 'Het lokaal team belt',
});
const plan = (over: z.input<typeof planInhoudSchema> = {}): PlanInhoud => planInhoudSchema.parse({ ...over });

describe('faseOordeel: moving between phases', () => {
  const opts = (dagen: number, extra: Partial<Parameters<typeof faseOordeel>[2]> = {}) => ({ laatsteGeweld: daysAgo(dagen), planGestart: daysAgo(400), now, dagenZonderGeweld: 91, ...extra });

  it('the same phase is nothing to decide', () => {
    for (const f of FASEN) expect(faseOordeel(f, f, opts(0))).toEqual({ soort: 'toegestaan', reden: 'gelijk' });
  });

  it('back is always allowed, whatever happened', () => {
    for (const [van, naar] of [['stabiele-veiligheid', 'directe-veiligheid'], ['duurzame-veiligheid', 'directe-veiligheid'], ['duurzame-veiligheid', 'stabiele-veiligheid']] as [Fase, Fase][]) {
      expect(faseOordeel(van, naar, opts(0))).toEqual({ soort: 'toegestaan', reden: 'terug' });
    }
  });

  it('forward one phase: allowed from exactly the criterion on, otherwise a reason and approval', () => {
    expect(faseOordeel('directe-veiligheid', 'stabiele-veiligheid', opts(91))).toEqual({ soort: 'toegestaan', reden: 'criterium-gehaald' });
    const r = faseOordeel('directe-veiligheid', 'stabiele-veiligheid', opts(90));
    expect(r.soort).toBe('goedkeuring-nodig');
    expect(r.soort === 'goedkeuring-nodig' && r.reden).toMatch(/^90 van de 91 dagen zonder geweld/);
    expect(faseOordeel('stabiele-veiligheid', 'duurzame-veiligheid', opts(200)).soort).toBe('toegestaan');
  });

  it('skipping a phase is refused, even with the criterion met', () => {
    const r = faseOordeel('directe-veiligheid', 'duurzame-veiligheid', opts(1000));
    expect(r).toEqual({ soort: 'geweigerd', reden: 'eerst stabiele veiligheid: een fase overslaan kan niet' });
  });

  it('counts from the start of the plan when no violence is known since, and from the later of the two', () => {
    expect(faseOordeel('directe-veiligheid', 'stabiele-veiligheid', opts(0, { laatsteGeweld: null, planGestart: daysAgo(91) })).soort).toBe('toegestaan');
    expect(faseOordeel('directe-veiligheid', 'stabiele-veiligheid', opts(0, { laatsteGeweld: null, planGestart: daysAgo(10) })).soort).toBe('goedkeuring-nodig');
    // Violence before the plan started does not shorten the wait: the plan's start counts.
    expect(faseOordeel('directe-veiligheid', 'stabiele-veiligheid', opts(500, { planGestart: daysAgo(30) })).soort).toBe('goedkeuring-nodig');
  });

  it('a region may set the criterion: 0 days lets the plan move at once', () => {
    expect(faseOordeel('directe-veiligheid', 'stabiele-veiligheid', opts(0, { dagenZonderGeweld: 0 })).soort).toBe('toegestaan');
    expect(faseOordeel('directe-veiligheid', 'stabiele-veiligheid', opts(29, { dagenZonderGeweld: 30 })).soort).toBe('goedkeuring-nodig');
  });
});

describe('laatsteGeweld: the latest melding or recorded incident', () => {
  it('is null when nothing is known', () => expect(laatsteGeweld([], [])).toBeNull());
  it('takes the latest of meldingen and incidents (an incident counts at noon of its date)', () => {
    expect(laatsteGeweld([daysAgo(10), daysAgo(3)], [])).toEqual(daysAgo(3));
    expect(laatsteGeweld([daysAgo(10)], [{ id: 'i', datum: '2026-11-28', omschrijving: 'x' }])).toEqual(new Date('2026-11-28T12:00:00Z'));
    expect(laatsteGeweld([daysAgo(1)], [{ id: 'i', datum: '2026-01-01', omschrijving: 'x' }])).toEqual(daysAgo(1));
  });
});

describe('verlopenAfspraken', () => {
  it('open afspraken before today only; kept or broken ones are not overdue', () => {
    const p = plan({ afspraken: [afspraak('a', '2026-11-28'), afspraak('b', '2026-11-29'), afspraak('c', '2026-11-01', 'nagekomen'), afspraak('d', '2026-11-01', 'niet-nagekomen'), afspraak('e', '2027-01-01')] });
    expect(verlopenAfspraken(p, '2026-11-29').map((a) => a.id)).toEqual(['a']);
    expect(verlopenAfspraken(p, '2026-11-30').map((a) => a.id)).toEqual(['a', 'b']);
    expect(verlopenAfspraken(LEEG_PLAN, '2026-11-29')).toEqual([]);
  });
});

describe('planInhoudSchema', () => {
  const issues = (input: unknown) => {
    const r = planInhoudSchema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  it('fills empty lists and open statuses', () => {
    expect(planInhoudSchema.parse({})).toEqual(LEEG_PLAN);
    expect(planInhoudSchema.parse({ afspraken: [{ ...afspraak('a', '2026-12-01'), status: undefined }] }).afspraken[0]!.status).toBe('open');
  });
  it('refuses duplicate ids, unknown voorwaarden, bad dates, empty texts, unknown fields and bad ids', () => {
    expect(issues({ netwerk: [{ id: 'n', naam: 'Oma', relatie: 'oma', rol: 'x' }, { id: 'n', naam: 'Opa', relatie: 'opa', rol: 'y' }] })).toEqual(['netwerk.1.id: id komt dubbel voor']);
    expect(issues({ afspraken: [{ ...afspraak('a', '2026-12-01'), voorwaardeId: 'v9' }] })).toEqual(['afspraken.0.voorwaardeId: onbekende voorwaarde']);
    expect(issues({ afspraken: [afspraak('a', '2026-02-30')] })[0]).toMatch(/afspraken\.0\.wanneer: ongeldige datum/);
    expect(issues({ voorwaarden: [{ id: 'v', tekst: '   ', eigenaar: 'x' }] })[0]).toMatch(/voorwaarden\.0\.tekst: mag niet leeg zijn/);
    expect(issues({ geheim: 'x' }).length).toBe(1);
    expect(issues({ voorwaarden: [{ id: 'v 1', tekst: 'x', eigenaar: 'y' }] })[0]).toMatch(/ongeldige id/);
    expect(issues({ voorwaarden: Array.from({ length: 51 }, (_, i) => ({ id: `v${i}`, tekst: 'x', eigenaar: 'y' })) }).length).toBe(1);
  });
  it('accepts an afspraak that serves a voorwaarde of the plan', () => {
    expect(issues({ voorwaarden: [{ id: 'v1', tekst: 'Geen geweld', eigenaar: 'Ouders' }], afspraken: [{ ...afspraak('a', '2026-12-01'), voorwaardeId: 'v1' }] })).toEqual([]);
  });
});

describe('planVerschil: what changed, in words', () => {
  const basis = plan({
    voorwaarden: [{ id: 'v1', tekst: 'Geen geweld waar de kinderen bij zijn', eigenaar: 'Ouders' }],
    afspraken: [afspraak('a1', '2026-12-01')],
    netwerk: [{ id: 'n1', naam: 'Oma Jansen', relatie: 'oma', rol: 'Haalt op' }],
  });

  it('nothing changed: no lines', () => expect(planVerschil(basis, basis)).toEqual([]));

  it('names additions, removals and changed fields with old and new values', () => {
    const nieuw = plan({
      ...basis,
      samenvatting: 'Moeder woont bij oma.',
      afspraken: [{ ...afspraak('a1', '2026-12-01'), status: 'nagekomen' }, afspraak('a2', '2026-12-15')],
      netwerk: [],
      incidenten: [{ id: 'i1', datum: '2026-11-20', omschrijving: 'Duw in de gang' }],
    });
    expect(planVerschil(basis, nieuw)).toEqual([
      'Samenvatting toegevoegd: Moeder woont bij oma.',
      'Afspraak toegevoegd: Oma: Haalt de kinderen op',
      'Afspraak "Oma: Haalt de kinderen op": status van open naar nagekomen',
      'Netwerklid verwijderd: Oma Jansen (oma)',
      'Incident toegevoegd: 2026-11-20: Duw in de gang',
    ]);
  });

  it('an optional field set or cleared shows as (leeg); a phase change comes first', () => {
    const nieuw = plan({ ...basis, voorwaarden: [{ ...basis.voorwaarden[0]!, gevolg: 'Veilig Thuis wordt ingeschakeld' }] });
    expect(planVerschil(basis, nieuw, { oud: 'stabiele-veiligheid', nieuw: 'directe-veiligheid' })).toEqual([
      'Fase gewijzigd van stabiele veiligheid naar directe veiligheid',
      'Voorwaarde "Geen geweld waar de kinderen bij zijn": gevolg bij niet nakomen van (leeg) naar Veilig Thuis wordt ingeschakeld',
    ]);
    expect(planVerschil(nieuw, basis)).toEqual(['Voorwaarde "Geen geweld waar de kinderen bij zijn": gevolg bij niet nakomen van Veilig Thuis wordt ingeschakeld naar (leeg)']);
  });

  it('a long summary is shortened; a removed one is named', () => {
    const lang = 'x'.repeat(500);
    const [line] = planVerschil(basis, plan({ ...basis, samenvatting: lang }));
    expect(line!.length).toBeLessThan(240);
    expect(planVerschil(plan({ ...basis, samenvatting: 'a' }), basis)).toEqual(['Samenvatting verwijderd']);
    expect(planVerschil(plan({ ...basis, samenvatting: 'a' }), plan({ ...basis, samenvatting: 'b' }))).toEqual(['Samenvatting gewijzigd in: b']);
  });
});

describe('planInstellingenSchema', () => {
  const ok = (v: unknown) => planInstellingenSchema.safeParse(v).success;
  it('accepts the defaults and the bounds', () => {
    expect(ok(DEFAULT_PLAN_INSTELLINGEN)).toBe(true);
    expect(ok({ dagenZonderGeweld: 0, controleMaanden: [1] })).toBe(true);
    expect(ok({ dagenZonderGeweld: 730, controleMaanden: [1, 2, 3, 6, 12, 36] })).toBe(true);
  });
  it('refuses out of range, duplicates, none, too many, fractions and extra fields', () => {
    for (const bad of [
      { dagenZonderGeweld: -1, controleMaanden: [3] },
      { dagenZonderGeweld: 731, controleMaanden: [3] },
      { dagenZonderGeweld: 1.5, controleMaanden: [3] },
      { dagenZonderGeweld: 91, controleMaanden: [] },
      { dagenZonderGeweld: 91, controleMaanden: [3, 3] },
      { dagenZonderGeweld: 91, controleMaanden: [0] },
      { dagenZonderGeweld: 91, controleMaanden: [37] },
      { dagenZonderGeweld: 91, controleMaanden: [1, 2, 3, 4, 5, 6, 7] },
      { dagenZonderGeweld: 91, controleMaanden: [3], extra: 1 },
    ]) {
      expect(ok(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});
