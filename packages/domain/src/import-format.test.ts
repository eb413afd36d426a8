import { describe, expect, it } from 'vitest';
import { parseImportLine, validateImportLine, type ImportLine } from './import-format.js';

const base = (): ImportLine => ({
  externalId: 'X-1',
  type: 'melding',
  ontvangenOp: '2024-05-01T09:00:00+02:00',
  kanaal: 'telefoon',
  gemeente: 'GM0200',
  melder: { type: 'beroepskracht', sector: 'onderwijs', naam: 'Juf Proef', organisatie: 'Basisschool De Test' },
  personen: [{ ref: 'k', rol: 'kind', voornamen: 'Testje', achternaam: 'Fictief', geboortedatum: '2015-01-01' }],
  geweldsvormen: ['kindermishandeling'],
});
const issues = (line: unknown) => {
  const r = validateImportLine(line);
  return r.ok ? [] : r.issues;
};

describe('import format', () => {
  it('accepts a complete melding and fills defaults', () => {
    const r = validateImportLine(base());
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.line.relaties).toEqual([]);
      expect(r.line.acuutGevaar).toBe(false);
      expect(r.line.personen[0]!.geslacht).toBe('onbekend');
    }
  });

  it('normalises the postcode of an address', () => {
    const line = base();
    line.personen[0]!.adres = { straat: 'Laan', huisnummer: 1, postcode: '7311 ab', woonplaats: 'Apeldoorn' };
    const r = validateImportLine(line);
    expect(r.ok && r.line.personen[0]!.adres!.postcode).toBe('7311AB');
  });

  it('lets an advies leave the persons out, but a melding must name them', () => {
    expect(issues({ ...base(), type: 'advies', personen: [] })).toEqual([]);
    expect(issues({ ...base(), personen: [] })).toEqual([{ path: 'personen', message: expect.stringContaining('ten minste één') }]);
    expect(issues({ ...base(), personen: [{ ref: 'x', rol: 'kind' }] })[0]!.path).toBe('personen.0.achternaam');
  });

  it('requires a professional melder to be identifiable unless the exception is recorded', () => {
    const anon = { ...base(), melder: { type: 'beroepskracht', sector: 'onderwijs', anoniem: true } };
    expect(issues(anon)[0]!.path).toBe('melder.anoniemReden');
    expect(issues({ ...anon, melder: { ...anon.melder, anoniemReden: 'Melder vreest represailles; besproken met gedragswetenschapper.' } })).toEqual([]);
    expect(issues({ ...base(), melder: { type: 'beroepskracht' } })[0]!.path).toBe('melder.sector');
    expect(issues({ ...base(), melder: { type: 'niet-beroepsmatig', relatie: 'buren', anoniem: true, naam: 'Buurman' } })[0]!.path).toBe('melder.anoniem');
  });

  it.each([
    [{ gemeente: 'Atlantis' }, 'gemeente'],
    [{ ontvangenOp: '2024-02-30T10:00' }, 'ontvangenOp'],
    [{ geweldsvormen: ['geen-bestaande-vorm'] }, 'geweldsvormen.0'],
    [{ kanaal: 'duif' }, 'kanaal'],
    [{ externalId: 'met spatie' }, 'externalId'],
    [{ omschrijving: 'x'.repeat(20001) }, 'omschrijving'],
    [{ onbekendVeld: 1 }, ''],
  ])('names the field of a bad value %o', (patch, path) => {
    expect(issues({ ...base(), ...patch }).map((i) => i.path)).toContain(path);
  });

  it('checks relation refs and duplicate person refs', () => {
    const line = base();
    line.personen.push({ ref: 'k', rol: 'pleger', achternaam: 'Dubbel' });
    line.relaties = [{ van: 'k', naar: 'zz', type: 'ouder' }];
    const paths = issues(line).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['personen.1.ref', 'relaties.0.naar']));
  });

  it('reports malformed JSON as such', () => {
    expect(parseImportLine('{"a":')).toEqual({ ok: false, issues: [{ path: '', message: 'geen geldige JSON' }] });
  });
});

describe('an assessment made before the contact reached the system (history)', () => {
  const assessed = (beoordeling: Record<string, unknown>, over: Partial<ImportLine> = {}) => issues({ ...base(), ...over, beoordeling });

  it('accepts a completed assessment and a finished onderzoek', () => {
    expect(assessed({ beoordeeldOp: '2024-05-02T09:00:00+02:00', besluit: 'overdracht', overdrachtNaar: 'lokaal-team', acuteOnveiligheid: false })).toEqual([]);
    expect(
      assessed({
        beoordeeldOp: '2024-05-02T09:00:00+02:00',
        besluit: 'vt-onderzoek',
        onderzoek: { afgerondOp: '2024-07-01T12:00:00+02:00', uitkomst: 'bevestigd', vervolg: 'overdracht', overdrachtNaar: 'betrokken-hulp' },
      }),
    ).toEqual([]);
    expect(assessed({ beoordeeldOp: '2024-05-02T09:00:00+02:00', besluit: 'vt-onderzoek' })).toEqual([]); // still running
  });

  it.each([
    [{ beoordeeldOp: '2024-04-30T09:00:00+02:00', besluit: 'einde-bemoeienis' }, {}, 'beoordeling.beoordeeldOp'],
    [{ beoordeeldOp: '2024-05-02T09:00:00+02:00', besluit: 'overdracht' }, {}, 'beoordeling.overdrachtNaar'],
    [{ beoordeeldOp: '2024-05-02T09:00:00+02:00', besluit: 'einde-bemoeienis', overdrachtNaar: 'lokaal-team' }, {}, 'beoordeling.overdrachtNaar'],
    [{ beoordeeldOp: '2024-05-02T09:00:00+02:00', besluit: 'acute-inzet' }, { acuutGevaar: true }, 'beoordeling.besluit'],
    [{ beoordeeldOp: '2024-05-02T09:00:00+02:00', besluit: 'einde-bemoeienis', acuutAfgehandeldOp: '2024-05-01T09:30:00+02:00' }, {}, 'beoordeling.acuutAfgehandeldOp'],
    [{ beoordeeldOp: '2024-05-02T09:00:00+02:00', besluit: 'einde-bemoeienis', onderzoek: { afgerondOp: '2024-06-01T09:00:00+02:00', uitkomst: 'weerlegd', vervolg: 'einde-bemoeienis' } }, {}, 'beoordeling.onderzoek'],
    [{ beoordeeldOp: '2024-05-02T09:00:00+02:00', besluit: 'vt-onderzoek', onderzoek: { afgerondOp: '2024-05-01T09:00:00+02:00', uitkomst: 'weerlegd', vervolg: 'einde-bemoeienis' } }, {}, 'beoordeling.onderzoek.afgerondOp'],
    [{ beoordeeldOp: '2024-05-02T09:00:00+02:00', besluit: 'vt-onderzoek', onderzoek: { afgerondOp: '2024-06-01T09:00:00+02:00', uitkomst: 'weerlegd', vervolg: 'vt-onderzoek' } }, {}, 'beoordeling.onderzoek.vervolg'],
    [{ beoordeeldOp: '2024-05-02T09:00:00+02:00', besluit: 'einde-bemoeienis' }, { type: 'advies' }, 'beoordeling'],
    [{ beoordeeldOp: '31-02-2024', besluit: 'einde-bemoeienis' }, {}, 'beoordeling.beoordeeldOp'],
  ] as const)('refuses %j naming the field', (b, over, path) => {
    expect(assessed(b, over as Partial<ImportLine>).map((i) => i.path)).toContain(path);
  });

  it('acute action before the decision belongs to an acute melding', () => {
    expect(assessed({ beoordeeldOp: '2024-05-02T09:00:00+02:00', besluit: 'overdracht', overdrachtNaar: 'lokaal-team', acuutAfgehandeldOp: '2024-05-01T09:30:00+02:00' }, { acuutGevaar: true })).toEqual([]);
  });
});
