/**
 * Blocking: which known records are compared with a new one at all. A known record is stored
 * under a few selective keys; a new record looks up its own keys plus variants that undo common
 * errors. Two records are candidates when they share a key.
 *
 * | key | made of | finds the same person despite |
 * |---|---|---|
 * | `b:` | valid BSN | everything else |
 * | `sd:` | phonetic surname + birth date | given-name variants, initials, moves |
 * | `id:` | initial of the (canonical) first name + birth date | surname typos or changes, initials only, nicknames |
 * | `sg:` | phonetic surname + given-name key | a missing or wrong birth date, moves |
 * | `a:` | postcode + house number (without postcode: `as:` street + number + place) | names written very differently, missing birth date |
 *
 * The given-name key is the phonetic key of the canonical name of its nickname group (Hans,
 * Jan and Johannes all give the key of "johannes"); the initial is that of the canonical name
 * ("Hans" -> j), or the first written initial ("J.C." -> j). Query variants: birth date with day
 * and month swapped; given name and surname swapped; the surname with a glued tussenvoegsel split
 * off ("Vanderberg" -> "berg"); every nickname group and initial of the first names.
 */
import { canonicalName, nameGroups } from './nicknames.js';
import { dutchPhonetic } from './phonetic.js';
import type { Prepared } from './prepare.js';


/** Blocking keys stored for a known record (at most 5, usually 4; each selective). */
export function storedKeys(p: Prepared): string[] {
  const out: string[] = [];
  if (p.nationalId) out.push(`b:${p.nationalId}`);
  const date = p.birthDateText;
  // A surname that may carry a glued tussenvoegsel ("Dejong") is stored under the part after it
  // ("jong"); queries look up both forms.
  const surname = p.surnameGluedPhonetic || p.surnamePhonetic;
  if (surname && date) out.push(`sd:${surname}|${date}`);
  if (p.initialKey && date) out.push(`id:${p.initialKey}|${date}`);
  if (surname && p.givenKey) out.push(`sg:${surname}|${p.givenKey}`);
  if (p.postcode && p.houseNumber) out.push(`a:${p.postcode}|${p.houseNumber}`);
  else if (p.street && p.houseNumber && p.city) out.push(`as:${p.street}|${p.houseNumber}|${p.city}`);
  return out;
}

/** Keys to look up for a new record: its stored keys plus variants (day/month swapped, given/surname swapped, ...). */
export function queryKeys(p: Prepared): string[] {
  const out = new Set(storedKeys(p));
  // The address by street too, to meet a registration without postcode.
  if (p.postcode && p.street && p.houseNumber && p.city) out.add(`as:${p.street}|${p.houseNumber}|${p.city}`);
  const dates: string[] = [];
  if (p.birthDateText) dates.push(p.birthDateText);
  if (p.birthDateSwapped) dates.push(String(p.birthDateSwapped));
  const surnames: string[] = [];
  if (p.surnamePhonetic) surnames.push(p.surnamePhonetic);
  if (p.surnameGluedPhonetic) surnames.push(p.surnameGluedPhonetic);
  const givens = p.givenKeys;
  for (const d of dates) {
    for (const s of surnames) out.add(`sd:${s}|${d}`);
    for (const i of p.initialKeys) out.add(`id:${i}|${d}`);
  }
  for (const s of surnames) for (const g of givens) out.add(`sg:${s}|${g}`);
  // Given name and surname swapped: the surname's first word as given name, the given name as surname.
  if (p.surnameFirstWord && p.firstPhonetic.length > 0) {
    const asSurname = p.firstPhonetic[0]!;
    const groups = nameGroups(p.surnameFirstWord);
    const canonical = groups.length > 0 ? canonicalName(groups[0]!) : p.surnameFirstWord;
    for (const d of dates) {
      out.add(`sd:${asSurname}|${d}`);
      out.add(`id:${canonical[0]!}|${d}`);
    }
    out.add(`sg:${asSurname}|${dutchPhonetic(canonical)}`);
  }
  return [...out];
}

/**
 * Values whose frequency adjusts weights, as [field, value] pairs: 'surname', 'givenName' (the
 * first given name and the call name) and 'name' (surname and first name together, see
 * `compare`). A TermFrequency answers for these fields.
 */
export function tfValues(p: Prepared): [string, string][] {
  const out: [string, string][] = [];
  if (p.surname) out.push(['surname', p.surname]);
  for (const n of p.firstNames) out.push(['givenName', n]);
  for (const k of p.nameKeys) out.push(['name', k]);
  return out;
}
