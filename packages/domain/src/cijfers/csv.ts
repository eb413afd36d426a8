/**
 * CSV (and spreadsheet) cells that a spreadsheet cannot mistake for a formula: a text starting with
 * "=", "+", "-", "@", a tab or a carriage return gets a leading apostrophe (OWASP "CSV injection").
 * Numbers stay numbers, so sums in the spreadsheet keep working.
 */

const GEVAARLIJK = new Set(['=', '+', '-', '@', '\t', '\r']);

/** A safe cell value: numbers as they are (non-finite ones empty), text neutralised. */
export function veiligeCel(waarde: string | number | boolean | null | undefined): string | number {
  if (waarde === null || waarde === undefined) return '';
  if (typeof waarde === 'number') return Number.isFinite(waarde) ? waarde : '';
  if (typeof waarde === 'boolean') return waarde ? 'ja' : 'nee';
  return waarde.length > 0 && GEVAARLIJK.has(waarde[0]!) ? `'${waarde}` : waarde;
}

/**
 * One CSV line of safe cells, separated by `scheiding` (";" by default: what a Dutch spreadsheet
 * expects). A field holding the separator, a quote or a line break is quoted, quotes doubled.
 * Numbers are written with a decimal point.
 */
export function csvRegel(cellen: readonly (string | number | boolean | null | undefined)[], scheiding = ';'): string {
  return cellen
    .map((c) => {
      const v = veiligeCel(c);
      if (typeof v === 'number') return String(v);
      return v.includes(scheiding) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(scheiding);
}

/** A whole CSV document: a header and rows, CRLF line ends (RFC 4180). */
export function csvDocument(kop: readonly string[], rijen: readonly (readonly (string | number | boolean | null | undefined)[])[], scheiding = ';'): string {
  return [kop, ...rijen].map((r) => csvRegel(r, scheiding)).join('\r\n') + '\r\n';
}
