import { describe, expect, it } from 'vitest';
import {
  DEELNEMER_SOORTEN,
  keuzeProbleem,
  MAX_PER_DEELNEMER,
  onderwerpSleutel,
  SCORE_MAX,
  SCORE_MIN,
  stelTop3Voor,
  TOP,
  top3InbrengSchema,
  top3ItemSchema,
  type Vermelding,
} from './top3.js';

let volgorde = 0;
/** A mention of a matter with a score; order of entry follows the order of the calls unless given. */
const v = (onderwerp: string, score: number, deelnemer = `d${volgorde}`, at = ++volgorde): Vermelding => ({ onderwerp, tekst: onderwerp.toUpperCase(), score, deelnemer, volgorde: at });
const ids = (voorstel: readonly { onderwerp: string }[]) => voorstel.map((p) => p.onderwerp);

describe('the constants of the method', () => {
  it('scores run from 1 (most unsafe) to 6 (safe); up to three matters each; a top-3', () => {
    expect([SCORE_MIN, SCORE_MAX, MAX_PER_DEELNEMER, TOP]).toEqual([1, 6, 3, 3]);
    expect(DEELNEMER_SOORTEN).toEqual(['gezinslid', 'kind', 'netwerk', 'professional']);
  });
});

describe('stelTop3Voor: the weights', () => {
  it('weighs each mention 7 − score: a 1 weighs 6, a 6 weighs 1', () => {
    for (let score = SCORE_MIN; score <= SCORE_MAX - 1; score++) {
      expect(stelTop3Voor([v('x', score)])[0]!.gewicht).toBe(7 - score);
    }
  });

  it('adds the weights of all mentions of a matter and reports count, lowest and average score', () => {
    const [p] = stelTop3Voor([v('geld', 1), v('geld', 2), v('geld', 2)]);
    expect(p).toEqual({ onderwerp: 'geld', tekst: 'GELD', gewicht: 6 + 5 + 5, vermeldingen: 3, laagsteScore: 1, gemiddeldeScore: 1.7 });
  });

  it('rounds the average to one decimal', () => {
    expect(stelTop3Voor([v('a', 1), v('a', 2)])[0]!.gemiddeldeScore).toBe(1.5);
    expect(stelTop3Voor([v('a', 2), v('a', 2), v('a', 3)])[0]!.gemiddeldeScore).toBe(2.3);
    expect(stelTop3Voor([v('a', 5), v('a', 5), v('a', 6)])[0]!.gemiddeldeScore).toBe(5.3);
  });

  it('puts the heaviest matter first', () => {
    expect(ids(stelTop3Voor([v('licht', 5), v('zwaar', 1), v('midden', 3)]))).toEqual(['zwaar', 'midden', 'licht']);
  });

  it('lets a matter named often outrank one named once with a lower score', () => {
    // Three times a 4 weighs 9; once a 1 weighs 6.
    const voorstel = stelTop3Voor([v('eenmaal', 1), v('vaak', 4), v('vaak', 4), v('vaak', 4)]);
    expect(ids(voorstel)).toEqual(['vaak', 'eenmaal']);
    expect(voorstel.map((p) => p.gewicht)).toEqual([9, 6]);
  });

  it('lets a very low score outrank a matter named twice with high scores', () => {
    // Once a 1 weighs 6; twice a 5 weighs 4.
    expect(ids(stelTop3Voor([v('tweemaal', 5), v('tweemaal', 5), v('eenmaal', 1)]))).toEqual(['eenmaal', 'tweemaal']);
  });
});

describe('stelTop3Voor: ties', () => {
  it('on equal weight: the lowest single score first', () => {
    // Both weigh 6: twice a 4 (lowest 4) against once a 1 (lowest 1).
    expect(ids(stelTop3Voor([v('tweemaal', 4), v('tweemaal', 4), v('eenmaal', 1)]))).toEqual(['eenmaal', 'tweemaal']);
  });

  it('on equal weight and lowest score: the most mentions first', () => {
    // Both weigh 6 and have a lowest score of 3: 3+5 (two mentions) against 3+6+6 (three mentions).
    const voorstel = stelTop3Voor([v('twee', 3), v('twee', 5), v('drie', 3), v('drie', 6), v('drie', 6)]);
    expect(ids(voorstel)).toEqual(['drie', 'twee']);
    expect(voorstel.map((p) => [p.gewicht, p.laagsteScore, p.vermeldingen])).toEqual([
      [6, 3, 3],
      [6, 3, 2],
    ]);
  });

  it('on a full tie: the matter named first (lowest volgorde), whatever the order of the list', () => {
    const laat = v('laat', 2, 'a', 9);
    const vroeg = v('vroeg', 2, 'b', 4);
    expect(ids(stelTop3Voor([laat, vroeg]))).toEqual(['vroeg', 'laat']);
    expect(ids(stelTop3Voor([vroeg, laat]))).toEqual(['vroeg', 'laat']);
  });

  it('counts the earliest mention of a matter for "named first", not its first in the list', () => {
    // 'a' appears first in the list, but 'b' was named before any mention of 'a'.
    const voorstel = stelTop3Voor([v('a', 3, 'x', 10), v('b', 3, 'y', 11), v('b', 6, 'z', 1), v('a', 6, 'w', 12)]);
    expect(ids(voorstel)).toEqual(['b', 'a']);
  });
});

describe('stelTop3Voor: which and how many matters', () => {
  it('proposes three at most, the three heaviest', () => {
    const voorstel = stelTop3Voor([v('a', 5), v('b', 1), v('c', 4), v('d', 2), v('e', 3)]);
    expect(ids(voorstel)).toEqual(['b', 'd', 'e']);
  });

  it('does not propose a matter everyone who named it scored 6 (safe), however often it was named', () => {
    const voorstel = stelTop3Voor([v('veilig', 6), v('veilig', 6), v('veilig', 6), v('veilig', 6), v('zorg', 5)]);
    expect(ids(voorstel)).toEqual(['zorg']);
  });

  it('proposes a matter one person still scores below 6, even when others find it safe', () => {
    expect(ids(stelTop3Voor([v('bijna', 6), v('bijna', 6), v('bijna', 5)]))).toEqual(['bijna']);
  });

  it('leaves safe matters out before taking three: the fourth unsafe matter moves up', () => {
    const voorstel = stelTop3Voor([v('veilig', 6), v('veilig', 6), v('veilig', 6), v('veilig', 6), v('veilig', 6), v('a', 4), v('b', 4), v('c', 5), v('d', 5)]);
    expect(ids(voorstel)).toEqual(['a', 'b', 'c']);
  });

  it('proposes fewer than three when fewer matters are not safe', () => {
    expect(ids(stelTop3Voor([v('a', 2), v('b', 3)]))).toEqual(['a', 'b']);
    expect(ids(stelTop3Voor([v('a', 2), v('a', 1)]))).toEqual(['a']);
    expect(stelTop3Voor([v('a', 6), v('b', 6)])).toEqual([]);
    expect(stelTop3Voor([])).toEqual([]);
  });

  it('keeps the text of the first mention in the list', () => {
    const voorstel = stelTop3Voor([
      { onderwerp: 'k', tekst: 'Geldzorgen', score: 2, deelnemer: 'a', volgorde: 2 },
      { onderwerp: 'k', tekst: 'geldzorgen!', score: 2, deelnemer: 'b', volgorde: 1 },
    ]);
    expect(voorstel[0]!.tekst).toBe('Geldzorgen');
  });

  it('groups by the matter, not by who named it: one participant counts once per matter they named', () => {
    const voorstel = stelTop3Voor([v('a', 3, 'p1'), v('b', 3, 'p1'), v('a', 3, 'p2')]);
    expect(voorstel.map((p) => [p.onderwerp, p.vermeldingen])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });

  it('a worked example (docs/top3.md): moeder, vader and two professionals', () => {
    const voorstel = stelTop3Voor([
      // moeder
      v('ruzie', 2, 'moeder'),
      v('drank', 3, 'moeder'),
      v('geld', 4, 'moeder'),
      // vader
      v('geld', 3, 'vader'),
      v('werk', 4, 'vader'),
      v('ruzie', 5, 'vader'),
      // wijkteam
      v('ruzie', 1, 'wijkteam'),
      v('drank', 2, 'wijkteam'),
      v('kinderen', 3, 'wijkteam'),
      // school
      v('kinderen', 2, 'school'),
      v('slapen', 6, 'school'),
    ]);
    expect(voorstel.map((p) => [p.onderwerp, p.gewicht, p.vermeldingen, p.laagsteScore, p.gemiddeldeScore])).toEqual([
      ['ruzie', 5 + 2 + 6, 3, 1, 2.7],
      // drank and kinderen both weigh 9, have a lowest score of 2 and two mentions: drank was named
      // first. geld (3 + 4 = 7) and werk (3) stay out; slapen (a 6 only) is not proposed at all.
      ['drank', 4 + 5, 2, 2, 2.5],
      ['kinderen', 4 + 5, 2, 2, 2.5],
    ]);
  });
});

describe('keuzeProbleem: the chosen top-3', () => {
  const genoemd = new Set(['a', 'b', 'c', 'd', 'e']);

  it('accepts three distinct named matters, in any order', () => {
    expect(keuzeProbleem(['a', 'b', 'c'], genoemd)).toBeNull();
    expect(keuzeProbleem(['e', 'c', 'a'], genoemd)).toBeNull();
  });

  it('refuses an empty choice', () => {
    expect(keuzeProbleem([], genoemd)).toBe('kies ten minste één onderwerp');
    expect(keuzeProbleem([], new Set())).toBe('kies ten minste één onderwerp');
  });

  it('refuses more than three', () => {
    expect(keuzeProbleem(['a', 'b', 'c', 'd'], genoemd)).toBe('kies ten hoogste 3 onderwerpen');
  });

  it('refuses a matter chosen twice', () => {
    expect(keuzeProbleem(['a', 'a', 'b'], genoemd)).toBe('een onderwerp staat er twee keer in');
  });

  it('refuses a matter nobody named', () => {
    expect(keuzeProbleem(['a', 'b', 'x'], genoemd)).toBe('kies uit de genoemde onderwerpen');
  });

  it('asks for three when three or more were named', () => {
    expect(keuzeProbleem(['a', 'b'], genoemd)).toBe('kies 3 onderwerpen (de top-3)');
    expect(keuzeProbleem(['a'], new Set(['a', 'b', 'c']))).toBe('kies 3 onderwerpen (de top-3)');
  });

  it('accepts fewer only when fewer were named', () => {
    expect(keuzeProbleem(['a', 'b'], new Set(['a', 'b']))).toBeNull();
    expect(keuzeProbleem(['a'], new Set(['a', 'b']))).toBe('kies 2 onderwerpen (de top-3)');
    expect(keuzeProbleem(['a'], new Set(['a']))).toBeNull();
  });

  it('lets the participants change the proposal: any named matter may be chosen', () => {
    const voorstel = ids(stelTop3Voor([v('a', 1), v('b', 2), v('c', 3), v('d', 4)]));
    expect(voorstel).toEqual(['a', 'b', 'c']);
    expect(keuzeProbleem(['a', 'b', 'd'], new Set(['a', 'b', 'c', 'd']))).toBeNull();
  });

  it('checks the count before membership, so four unknown matters are "too many"', () => {
    expect(keuzeProbleem(['w', 'x', 'y', 'z'], genoemd)).toBe('kies ten hoogste 3 onderwerpen');
  });

  describe('with the proposal (the server passes the matters not scored safe by everyone as "genoemd")', () => {
    const onveilig = (vs: readonly Vermelding[]) => {
      const laagste = new Map<string, number>();
      for (const m of vs) laagste.set(m.onderwerp, Math.min(laagste.get(m.onderwerp) ?? SCORE_MAX, m.score));
      return new Set([...laagste].filter(([, s]) => s < SCORE_MAX).map(([o]) => o));
    };
    const alleGenoemd = (vs: readonly Vermelding[]) => new Set(vs.map((m) => m.onderwerp));

    it('the proposal as it stands is always a valid choice (600 generated sessions)', () => {
      let seed = 20261122;
      const rnd = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % n;
      };
      for (let sessie = 0; sessie < 600; sessie++) {
        const vs: Vermelding[] = [];
        const deelnemers = 1 + rnd(6);
        for (let d = 0; d < deelnemers; d++) {
          const gekozen = new Set<string>();
          const aantal = rnd(MAX_PER_DEELNEMER + 1);
          while (gekozen.size < aantal) gekozen.add(`o${rnd(7)}`);
          for (const o of gekozen) vs.push(v(o, SCORE_MIN + rnd(SCORE_MAX), `d${d}`));
        }
        const voorstel = ids(stelTop3Voor(vs));
        const kiesbaar = onveilig(vs);
        if (voorstel.length === 0) {
          expect(kiesbaar.size).toBe(0);
          continue;
        }
        expect(keuzeProbleem(voorstel, kiesbaar), JSON.stringify(vs)).toBeNull();
        expect(voorstel.length).toBe(Math.min(TOP, kiesbaar.size));
      }
    });

    it('would not be with every named matter as "genoemd" when a named matter is safe', () => {
      // Why the server passes only the matters that are not safe: with all named matters, confirming
      // a proposal of one unsafe matter among three named would be refused.
      const vs = [v('veilig1', 6), v('zorg', 2), v('veilig2', 6)];
      const voorstel = ids(stelTop3Voor(vs));
      expect(voorstel).toEqual(['zorg']);
      expect(keuzeProbleem(voorstel, alleGenoemd(vs))).toBe('kies 3 onderwerpen (de top-3)');
      expect(keuzeProbleem(voorstel, onveilig(vs))).toBeNull();
    });
  });
});

describe('onderwerpSleutel: the same matter in other words', () => {
  it('ignores case, spaces and punctuation', () => {
    const k = onderwerpSleutel('Drank en drugs');
    expect(k).toBe('drank en drugs');
    for (const other of ['drank en drugs', 'DRANK EN DRUGS', '  Drank   en drugs  ', 'Drank-en-drugs!', 'drank, en drugs.', '"Drank" en (drugs)', 'drank\ten\ndrugs']) {
      expect(onderwerpSleutel(other), other).toBe(k);
    }
  });

  it('ignores accents (diacritics), in composed and decomposed form', () => {
    expect(onderwerpSleutel('Ruzië thuis')).toBe('ruzie thuis');
    expect(onderwerpSleutel('Ruzie\u0308 thuis')).toBe('ruzie thuis');
    expect(onderwerpSleutel('Café, bezoek')).toBe(onderwerpSleutel('cafe bezoek'));
  });

  it('keeps digits and word boundaries: other words are other matters', () => {
    expect(onderwerpSleutel('2 banen, weinig slaap')).toBe('2 banen weinig slaap');
    expect(onderwerpSleutel('geld zorgen')).not.toBe(onderwerpSleutel('geldzorgen'));
    expect(onderwerpSleutel('drank')).not.toBe(onderwerpSleutel('drugs'));
  });

  it('keeps letters of every script: matters in other scripts are their own matters, not one', () => {
    expect(onderwerpSleutel('Пьянство дома')).toBe('пьянство дома');
    expect(onderwerpSleutel('ПЬЯНСТВО, дома!')).toBe(onderwerpSleutel('пьянство дома'));
    expect(onderwerpSleutel('عنف في البيت')).not.toBe('');
    expect(onderwerpSleutel('عنف في البيت')).not.toBe(onderwerpSleutel('Пьянство дома'));
  });

  it('is empty for a text without letters or digits (the server refuses such a matter)', () => {
    expect(onderwerpSleutel('?!')).toBe('');
    expect(onderwerpSleutel(' -- ')).toBe('');
  });

  it('is idempotent', () => {
    for (const t of ['Drank en drugs', 'Ruzië!', '  a  b  ']) expect(onderwerpSleutel(onderwerpSleutel(t))).toBe(onderwerpSleutel(t));
  });
});

describe('top3ItemSchema: one matter with its score and reason', () => {
  const item = { onderwerp: 'Ruzie', score: 3, reden: 'Ze schreeuwen elke avond.' };
  const message = (input: unknown) => {
    const r = top3ItemSchema.safeParse(input);
    return r.success ? null : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts scores 1 to 6 and trims the texts', () => {
    for (let score = 1; score <= 6; score++) expect(message({ ...item, score })).toBeNull();
    expect(top3ItemSchema.parse({ onderwerp: '  Ruzie ', score: 1, reden: ' omdat ' })).toEqual({ onderwerp: 'Ruzie', score: 1, reden: 'omdat' });
  });

  it('refuses a score outside 1-6 or not whole', () => {
    expect(message({ ...item, score: 0 })).toEqual(['score: 1 is het onveiligst']);
    expect(message({ ...item, score: 7 })).toEqual(['score: 6 is veilig']);
    expect(message({ ...item, score: 2.5 })).toEqual(['score: een heel getal van 1 tot 6']);
    expect(message({ ...item, score: '3' })).not.toBeNull();
  });

  it('needs a reason and a matter (spaces alone are empty)', () => {
    expect(message({ ...item, reden: '   ' })).toEqual(['reden: geef een reden voor het cijfer']);
    expect(message({ ...item, onderwerp: '' })).toEqual(['onderwerp: noem het onderwerp']);
    const { reden: _reden, ...zonderReden } = item;
    expect(message(zonderReden)).not.toBeNull();
  });

  it('limits the lengths and refuses unknown fields', () => {
    expect(message({ ...item, onderwerp: 'x'.repeat(300) })).toBeNull();
    expect(message({ ...item, onderwerp: 'x'.repeat(301) })).toEqual(['onderwerp: maximaal 300 tekens']);
    expect(message({ ...item, reden: 'x'.repeat(2001) })).toEqual(['reden: maximaal 2000 tekens']);
    expect(message({ ...item, extra: true })).not.toBeNull();
  });

  it('takes an optional id of a matter named before', () => {
    expect(top3ItemSchema.parse({ ...item, onderwerpId: 'abc' }).onderwerpId).toBe('abc');
  });
});

describe("top3InbrengSchema: one participant's entry", () => {
  const item = (onderwerp: string, score = 3) => ({ onderwerp, score, reden: 'omdat' });

  it('accepts none to three matters', () => {
    expect(top3InbrengSchema.safeParse([]).success).toBe(true);
    expect(top3InbrengSchema.safeParse([item('a'), item('b'), item('c')]).success).toBe(true);
  });

  it('refuses a fourth matter', () => {
    const r = top3InbrengSchema.safeParse([item('a'), item('b'), item('c'), item('d')]);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toEqual(['ten hoogste 3 onderwerpen per deelnemer']);
  });

  it('refuses the same matter twice, also in other words, naming the later one', () => {
    const r = top3InbrengSchema.safeParse([item('Drank'), item('geld'), item('DRANK!')]);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['2.onderwerp', 'dit onderwerp staat er al']]);
  });

  it('names the field of a bad item', () => {
    const r = top3InbrengSchema.safeParse([item('a'), item('b', 7)]);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['1.score']);
  });
});
