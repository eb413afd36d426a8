/**
 * Realistic registration noise for names: typing errors, spelling variants and tussenvoegsels
 * written differently, so that matching the same person across contacts is a real task.
 */
import type { Rng } from './rng.js';

/** Common Dutch spelling confusions, applied in both directions. */
const CONFUSIONS: readonly (readonly [string, string])[] = [
  ['ij', 'y'],
  ['ei', 'ij'],
  ['ss', 's'],
  ['dt', 't'],
  ['ck', 'k'],
  ['ou', 'au'],
  ['ph', 'f'],
  ['th', 't'],
  ['ae', 'aa'],
  ['z', 's'],
  ['c', 'k'],
  ['ie', 'i'],
];

/** One typing error or spelling confusion in a name. */
export function typo(rng: Rng, s: string): string {
  if (s.length < 3) return s;
  const kind = rng.int(5);
  if (kind === 0) {
    for (let tries = 0; tries < 3; tries++) {
      const [a, b] = rng.pick(CONFUSIONS);
      const [from, to] = rng.chance(0.5) ? [a, b] : [b, a];
      const at = s.indexOf(from, 1);
      if (at >= 0) return s.slice(0, at) + to + s.slice(at + from.length);
    }
  }
  // Never touch the first letter: people rarely get that wrong.
  const i = 1 + rng.int(s.length - 2);
  const c = s[i]!;
  if (c === ' ' || c === '-' || c === "'") return s;
  switch (kind) {
    case 1: // swap two letters
      return s.slice(0, i) + s[i + 1]! + c + s.slice(i + 2);
    case 2: // double a letter
      return s.slice(0, i) + c + s.slice(i);
    case 3: // drop a letter
      return s.slice(0, i) + s.slice(i + 1);
    default: {
      // a neighbouring vowel
      const vowels = 'aeiou';
      const v = vowels.indexOf(c);
      return v >= 0 ? s.slice(0, i) + vowels[(v + 1 + rng.int(4)) % 5]! + s.slice(i + 1) : s.slice(0, i) + c + s.slice(i);
    }
  }
}

/** The tussenvoegsel written differently: "v.d.", capitalised, or glued to the surname. */
export function tussenvoegselVariant(rng: Rng, tussenvoegsel: string, achternaam: string): [string | undefined, string] {
  const r = rng.float();
  if (r < 0.35) {
    // In the surname field, as some systems do: "van der Meer" with no tussenvoegsel.
    return [undefined, `${tussenvoegsel} ${achternaam}`];
  }
  if (r < 0.6) return [tussenvoegsel.charAt(0).toUpperCase() + tussenvoegsel.slice(1), achternaam];
  if (r < 0.8) {
    const abbreviation = tussenvoegsel
      .split(' ')
      .map((w) => (w.startsWith("'") ? w : `${w[0]}.`))
      .join('');
    return [abbreviation, achternaam];
  }
  // Abbreviated without dots ("vd", "v/d"), or glued to the surname ("Vandijk").
  if (tussenvoegsel === 'van der' || tussenvoegsel === 'van den' || tussenvoegsel === 'van de') return [rng.chance(0.5) ? 'vd' : 'v/d', achternaam];
  return [undefined, `${tussenvoegsel.replace(/[\s']+/g, '')}${achternaam.toLowerCase()}`.replace(/^./, (c) => c.toUpperCase())];
}

/** "Zoë Çelik" -> "Zoe Celik". */
export function withoutDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .normalize('NFC');
}
