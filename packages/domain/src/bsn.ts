/**
 * Burgerservicenummer (BSN) validation with the 11-proef:
 * 9 digits d1..d9, sum of 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 must be divisible by 11 and not 0.
 */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(value[i]) * (9 - i);
  sum -= Number(value[8]);
  return sum !== 0 && sum % 11 === 0;
}

/** Normalises a BSN as typed (spaces, dots, 8-digit form without leading zero) to 9 digits, or null. */
export function normaliseBsn(value: string): string | null {
  const digits = value.replace(/[\s.\-]/g, '');
  if (!/^\d{8,9}$/.test(digits)) return null;
  const padded = digits.padStart(9, '0');
  return isValidBsn(padded) ? padded : null;
}
