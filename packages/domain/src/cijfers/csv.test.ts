import { describe, expect, it } from 'vitest';
import { csvDocument, csvRegel, veiligeCel } from './csv.js';

describe('spreadsheet formula injection', () => {
  it('prefixes text starting with =, +, -, @, tab or CR with an apostrophe', () => {
    for (const s of ['=HYPERLINK("http://x")', '+31 6 1234', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(veiligeCel(s)).toBe(`'${s}`);
  });
  it('leaves other text, and numbers as numbers', () => {
    for (const s of ['Apeldoorn', '', ' =1', "'al veilig", '2025-K4']) expect(veiligeCel(s)).toBe(s);
    expect(veiligeCel(-3)).toBe(-3);
    expect(veiligeCel(12.5)).toBe(12.5);
    expect(veiligeCel(Number.NaN)).toBe('');
    expect(veiligeCel(null)).toBe('');
    expect(veiligeCel(true)).toBe('ja');
  });
  it('writes CSV lines with quoting after neutralising', () => {
    expect(csvRegel(['a;b', 'zeg "hoi"', '=1+1', -4, 'x'])).toBe('"a;b";"zeg ""hoi""";\'=1+1;-4;x');
    expect(csvRegel(['r1\nr2'], ',')).toBe('"r1\nr2"');
    expect(csvRegel(['-1', 5])).toBe("'-1;5");
    expect(csvDocument(['Gemeente', 'Meldingen'], [['Apeldoorn', 12]])).toBe('Gemeente;Meldingen\r\nApeldoorn;12\r\n');
  });
  it('never lets a dangerous first character through (property)', () => {
    const tekens = ['=', '+', '-', '@', '\t', '\r', 'a', '1', ' ', '"', ';'];
    for (const a of tekens) for (const b of tekens) {
      const v = veiligeCel(`${a}${b}x`);
      expect(typeof v).toBe('string');
      expect(['=', '+', '-', '@', '\t', '\r']).not.toContain((v as string)[0]);
    }
  });
});
