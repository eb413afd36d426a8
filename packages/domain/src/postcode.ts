/** Dutch postcodes: four digits (first not 0) and two letters; SA, SD and SS are never issued. */
const POSTCODE = /^([1-9]\d{3})\s?([A-Za-z]{2})$/;

/** Normalises "1234 ab", "1234AB", " 1234ab " to "1234AB"; returns null when not a valid postcode. */
export function normalisePostcode(value: string): string | null {
  const m = POSTCODE.exec(value.trim());
  if (!m) return null;
  const letters = m[2]!.toUpperCase();
  if (letters === 'SA' || letters === 'SD' || letters === 'SS') return null;
  return `${m[1]}${letters}`;
}

/** The four-digit part of a normalised postcode, as a number. */
export function postcodeDigits(postcode: string): number {
  return Number(postcode.slice(0, 4));
}
