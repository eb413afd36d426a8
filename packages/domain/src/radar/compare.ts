/**
 * Comparing two prepared persons: the agreement level of each field, the evidence in bits
 * (Fellegi-Sunter: the sum of log2(m/u), with term-frequency adjustment of exact name
 * agreement), the relatives rule, and a plain Dutch explanation.
 *
 * `levels` and `evidence` are the hot path of a batch: no allocation, no regular expressions.
 * `compare` adds the explanation (strings) and is meant for the few hundred candidates of one
 * radar query.
 */
import { nearlyEqual } from './distance.js';
import { FIELDS, compile, logit2, probabilityOf, type FieldName, type LinkageModel, LEVELS } from './model.js';
import { nameGroups } from './nicknames.js';
import { dutchPhonetic } from './phonetic.js';
import type { Prepared } from './prepare.js';
import { DEFAULT_MODEL } from './default-model.js';

/** Relative frequency in (0, 1] of a value of a field (see `tfValues`), or undefined when unknown. */
export type TermFrequency = (field: string, value: string) => number | undefined;

// Field indexes (order of FIELDS) and level indexes (order of LEVELS).
export const F_BSN = 0;
export const F_SURNAME = 1;
export const F_GIVEN = 2;
export const F_DATE = 3;
export const F_SEX = 4;
export const F_ADDRESS = 5;
export const F_PHONE = 6;

const EXACT = 0;
const S_PHONETIC = 1;
const S_TYPO = 2;
const S_PART = 3;
const S_DIFFERENT = 4;
const G_NICKNAME = 1;
const G_TYPO = 2;
const G_OTHER = 3;
const G_INITIALS = 4;
const G_DIFFERENT = 5;
const D_SWAPPED = 1;
const D_TYPO = 2;
const D_DIFFERENT = 3;
const A_STREET = 1;
const A_PLACE = 2;
const A_DIFFERENT = 3;
const DIFFERENT2 = 1;

/** Flag: given name and surname agree only when swapped. */
export const FLAG_SWAPPED = 1;
/** Flag: the relatives rule applies (clear disagreement on first given name, birth date, sex or BSN; no agreeing BSN). */
export const FLAG_RELATIVES = 2;
/** Flag: a valid BSN agrees. */
export const FLAG_BSN = 4;

/** Given names of at least this length may differ by two typing errors (one in each registration). */
const GIVEN_TWO_TYPOS_FROM = 6;

/** Index in a.firstNames of the name an exact given-name agreement was on (for term frequency), set by givenLevel; -1 when none. */
let agreedGiven = -1;

function intersects(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) if (a[i] === b[j]) return true;
  return false;
}

function surnameLevel(a: Prepared, b: Prepared): number {
  const x = a.surname;
  const y = b.surname;
  if (!x || !y) return -1;
  if (x === y || (a.surnameGlued !== '' && a.surnameGlued === y) || (b.surnameGlued !== '' && b.surnameGlued === x)) return EXACT;
  if (
    a.surnamePhonetic === b.surnamePhonetic ||
    (a.surnameGluedPhonetic !== '' && a.surnameGluedPhonetic === b.surnamePhonetic) ||
    (b.surnameGluedPhonetic !== '' && b.surnameGluedPhonetic === a.surnamePhonetic)
  )
    return S_PHONETIC;
  if (nearlyEqual(x, y) || (a.surnameGlued !== '' && nearlyEqual(a.surnameGlued, y)) || (b.surnameGlued !== '' && nearlyEqual(x, b.surnameGlued))) return S_TYPO;
  const pa = a.surnameParts;
  const pb = b.surnameParts;
  if (pa.length > 0 || pb.length > 0) {
    for (let i = 0; i < pa.length; i++) if (pa[i] === y || pb.includes(pa[i]!)) return S_PART;
    for (let i = 0; i < pb.length; i++) if (pb[i] === x) return S_PART;
  }
  return S_DIFFERENT;
}

function givenLevel(a: Prepared, b: Prepared): number {
  const ka = a.firstNames.length > 0 || a.initials !== '';
  const kb = b.firstNames.length > 0 || b.initials !== '';
  if (!ka || !kb) return -1;
  if (!a.initialsOnly && !b.initialsOnly) {
    const fa = a.firstNames;
    const fb = b.firstNames;
    for (let i = 0; i < fa.length; i++)
      for (let j = 0; j < fb.length; j++)
        if (fa[i] === fb[j]) {
          agreedGiven = i;
          return EXACT;
        }
    if (intersects(a.firstGroups, b.firstGroups)) return G_NICKNAME;
    for (let i = 0; i < fa.length; i++)
      for (let j = 0; j < fb.length; j++) if (a.firstPhonetic[i] === b.firstPhonetic[j] || nearlyEqual(fa[i]!, fb[j]!, GIVEN_TWO_TYPOS_FROM)) return G_TYPO;
    // A first name of one is a second or third given name of the other ("Mehmet Ali" called "Ali").
    const ga = a.givenNames;
    const gb = b.givenNames;
    for (let i = 0; i < fa.length; i++) for (let j = 1; j < gb.length; j++) if (fa[i] === gb[j]) return G_OTHER;
    for (let j = 0; j < fb.length; j++) for (let i = 1; i < ga.length; i++) if (fb[j] === ga[i]) return G_OTHER;
    if (intersects(a.firstGroups, b.otherGroups) || intersects(b.firstGroups, a.otherGroups)) return G_OTHER;
    return G_DIFFERENT;
  }
  if (a.initialsOnly && b.initialsOnly) {
    if (a.initials.charCodeAt(0) === b.initials.charCodeAt(0) || (a.initialMask & b.initialMask) !== 0) return G_INITIALS;
    return G_DIFFERENT;
  }
  // One has initials only: they fit when an initial is that of the other's first name (or its canonical form).
  const io = a.initialsOnly ? a : b;
  const full = a.initialsOnly ? b : a;
  return (io.initialMask & full.firstInitialMask) !== 0 ? G_INITIALS : G_DIFFERENT;
}

/** Digits of yyyymmdd that differ: exactly one, or two neighbours swapped ("1987" -> "1978"). */
function dateTypo(x: number, y: number): boolean {
  let diff = 0;
  let first = -1;
  let xs = x;
  let ys = y;
  const dx: number[] = scratchDigits;
  for (let i = 0; i < 8; i++) {
    const a = xs % 10;
    const b = ys % 10;
    dx[i] = a * 16 + b;
    if (a !== b) {
      diff++;
      if (first < 0) first = i;
    }
    xs = (xs - a) / 10;
    ys = (ys - b) / 10;
  }
  if (diff === 1) return true;
  if (diff === 2 && first < 7) {
    const p = dx[first]!;
    const q = dx[first + 1]!;
    // swapped neighbours: x has (p, q) where y has (q, p)
    return (p >> 4) === (q & 15) && (q >> 4) === (p & 15) && (p >> 4) !== (p & 15);
  }
  return false;
}
const scratchDigits: number[] = [0, 0, 0, 0, 0, 0, 0, 0];

function dateLevel(a: Prepared, b: Prepared): number {
  if (a.birthDate === 0 || b.birthDate === 0) return -1;
  if (a.birthDate === b.birthDate) return EXACT;
  if (a.birthDateSwapped === b.birthDate) return D_SWAPPED;
  // One wrong digit, possibly on top of day and month swapped.
  if (dateTypo(a.birthDate, b.birthDate) || (a.birthDateSwapped !== 0 && dateTypo(a.birthDateSwapped, b.birthDate))) return D_TYPO;
  return D_DIFFERENT;
}

function addressLevel(a: Prepared, b: Prepared): number {
  if (a.postcode !== '' && b.postcode !== '') {
    if (a.postcode === b.postcode) {
      if (a.houseNumber !== '' && a.houseNumber === b.houseNumber) {
        if (a.houseAddition !== '' && b.houseAddition !== '' && a.houseAddition !== b.houseAddition) return A_STREET;
        return EXACT;
      }
      return A_STREET;
    }
    if (a.city !== '' && a.city === b.city) return A_PLACE;
    if (a.postcode4 === b.postcode4) return A_PLACE;
    return A_DIFFERENT;
  }
  if (a.street !== '' && b.street !== '') {
    const sameCity = a.city === '' || b.city === '' || a.city === b.city;
    if (a.street === b.street && sameCity) {
      if (a.houseNumber !== '' && a.houseNumber === b.houseNumber) return EXACT;
      return A_STREET;
    }
    return a.city !== '' && a.city === b.city ? A_PLACE : A_DIFFERENT;
  }
  if (a.city !== '' && b.city !== '') return a.city === b.city ? A_PLACE : A_DIFFERENT;
  return -1;
}

/**
 * When `a` has given name and surname swapped relative to `b`: the levels [surname, given name]
 * the names then have, else null. `a`'s given-name field holds the surname and its surname field
 * the given names ("Dekker" / "Lisa Christina" against "L.C." / "Dekker").
 */
function swappedLevels(a: Prepared, b: Prepared): [number, number] | null {
  const asSurname = a.givenAsSurname;
  if (!asSurname || !b.surname) return null;
  let s: number;
  if (asSurname === b.surname || asSurname === b.surnameGlued) s = EXACT;
  else if (nearlyEqual(asSurname, b.surname) || dutchPhonetic(asSurname) === b.surnamePhonetic) s = S_TYPO;
  else return null;
  // Initials in the surname field ("Dijkstra" / "M.", "Dorreboer" / "T.W.").
  const initials = a.surnameInitials || (a.surnameFirstWord.length === 1 ? a.surnameFirstWord : '');
  if (initials) {
    const bit = 1 << (initials.charCodeAt(0) - 97);
    return (b.firstInitialMask & bit) !== 0 || b.initials.charCodeAt(0) === initials.charCodeAt(0) ? [s, G_INITIALS] : null;
  }
  const asGiven = a.surnameFirstWord;
  if (!asGiven) return null;
  if (b.firstNames.length > 0) {
    for (const n of b.firstNames) {
      if (n === asGiven) return [s, EXACT];
      if (nearlyEqual(n, asGiven)) return [s, G_TYPO];
    }
    return intersects(nameGroups(asGiven), b.firstGroups) ? [s, G_NICKNAME] : null;
  }
  return b.initials !== '' && b.initials.charCodeAt(0) === asGiven.charCodeAt(0) ? [s, G_INITIALS] : null;
}

/**
 * The level of each field (index into LEVELS[field], -1 when unknown on either side) into `out`
 * (length ≥ FIELDS.length); returns FLAG_* bits.
 */
export function levels(a: Prepared, b: Prepared, out: Int8Array): number {
  let flags = 0;
  agreedGiven = -1;
  out[F_BSN] = a.nationalId === '' || b.nationalId === '' ? -1 : a.nationalId === b.nationalId ? EXACT : DIFFERENT2;
  if (out[F_BSN] === EXACT) flags |= FLAG_BSN;
  let s = surnameLevel(a, b);
  let g = givenLevel(a, b);
  if ((s === S_DIFFERENT || s === -1) && (g === G_DIFFERENT || g === -1)) {
    const swapped = swappedLevels(a, b) ?? swappedLevels(b, a);
    if (swapped) {
      [s, g] = swapped;
      flags |= FLAG_SWAPPED;
    }
  }
  out[F_SURNAME] = s;
  out[F_GIVEN] = g;
  const d = dateLevel(a, b);
  out[F_DATE] = d;
  out[F_SEX] = a.sex === 0 || b.sex === 0 ? -1 : a.sex === b.sex ? EXACT : DIFFERENT2;
  out[F_ADDRESS] = addressLevel(a, b);
  out[F_PHONE] = a.phone === '' || b.phone === '' ? -1 : a.phone === b.phone ? EXACT : DIFFERENT2;
  // The relatives rule: a clear disagreement on a field that tells relatives apart.
  if ((flags & FLAG_BSN) === 0 && (g === G_DIFFERENT || d === D_DIFFERENT || out[F_SEX] === DIFFERENT2 || out[F_BSN] === DIFFERENT2)) flags |= FLAG_RELATIVES;
  return flags;
}

const scratch = new Int8Array(FIELDS.length);
const scratchWeights = new Float64Array(FIELDS.length);

/** Bit in the result of fieldWeights: the surname weight is term-frequency adjusted. */
const TF_SURNAME = 1;
/** The given-name weight is term-frequency adjusted. */
const TF_GIVEN = 2;
/** Surname and given name are adjusted by the frequency of the two together (the full name). */
const TF_NAME = 4;

/**
 * The weight of each field of a compared pair into `out`, with term-frequency adjustment of exact
 * name agreement: log2(m / frequency of the value) instead of log2(m / u). When surname and
 * first name both agree and the frequency of the two together is known, that joint frequency is
 * used: names are not independent (families of one origin draw from one pool of names, sons
 * are named after fathers), so the product of the two frequencies would overstate the evidence.
 * Returns TF_* bits.
 */
function fieldWeights(a: Prepared, b: Prepared, model: LinkageModel, tf: TermFrequency | undefined, lv: Int8Array, flags: number, out: Float64Array): number {
  const c = compile(model);
  for (let f = 0; f < FIELDS.length; f++) {
    const l = lv[f]!;
    out[f] = l < 0 ? 0 : c.weights[f]![l]!;
  }
  if (!tf || (flags & FLAG_SWAPPED) !== 0) return 0;
  let adjusted = 0;
  const surnameExact = lv[F_SURNAME] === EXACT && c.tf[F_SURNAME];
  const givenExact = lv[F_GIVEN] === EXACT && c.tf[F_GIVEN] && agreedGiven >= 0;
  if (surnameExact) {
    const value = a.surname === b.surname || a.surnameGlued === '' ? a.surname : a.surnameGlued;
    const freq = tf('surname', value);
    if (freq !== undefined) {
      out[F_SURNAME] = c.log2mExact[F_SURNAME]! - Math.log2(Math.max(freq, model.tfMinimum));
      adjusted |= TF_SURNAME;
    }
  }
  if (givenExact) {
    const freq = tf('givenName', a.firstNames[agreedGiven]!);
    if (freq !== undefined) {
      out[F_GIVEN] = c.log2mExact[F_GIVEN]! - Math.log2(Math.max(freq, model.tfMinimum));
      adjusted |= TF_GIVEN;
    }
  }
  if (surnameExact && givenExact && a.surname === b.surname) {
    const joint = tf('name', a.nameKeys[agreedGiven]!);
    if (joint !== undefined) {
      // Both weights together: log2(m_surname · m_given / frequency of the full name), never
      // more than the two weights apart; the given name carries the correction.
      const together = c.log2mExact[F_SURNAME]! + c.log2mExact[F_GIVEN]! - Math.log2(Math.max(joint, model.tfMinimum));
      const apart = out[F_SURNAME]! + out[F_GIVEN]!;
      if (together < apart) {
        out[F_GIVEN] = together - out[F_SURNAME]!;
        adjusted |= TF_NAME;
      }
    }
  }
  return adjusted;
}

/**
 * The evidence for "same person" in bits (log2 of the Bayes factor), without the prior: the
 * quantity that is added to logit2(prior) to get the log2 odds. Fast: for batches.
 */
export function evidence(a: Prepared, b: Prepared, model: LinkageModel = DEFAULT_MODEL, tf?: TermFrequency): number {
  const flags = levels(a, b, scratch);
  fieldWeights(a, b, model, tf, scratch, flags, scratchWeights);
  let w = 0;
  for (let f = 0; f < FIELDS.length; f++) w += scratchWeights[f]!;
  if (flags & FLAG_BSN) return Math.max(w, model.nationalIdMinWeight);
  if (flags & FLAG_RELATIVES) return Math.min(w, model.relativesMaxWeight);
  return w;
}

export interface FieldResult {
  field: FieldName;
  /** The level (see LEVELS), or 'unknown'. */
  level: string;
  /** Bits of evidence this field adds. */
  weight: number;
  /** Plain Dutch explanation. */
  uitleg: string;
}

export interface MatchResult {
  /** Probability that the two records are the same person. */
  probability: number;
  /** log2 odds including the prior: logit2(prior) + evidence (after the rules). */
  weight: number;
  /** The evidence in bits, without the prior, after the rules. */
  evidence: number;
  fields: FieldResult[];
  /** The relatives rule capped the evidence. */
  relativesRule: boolean;
  /** A valid BSN agrees and decided. */
  nationalIdRule: boolean;
  /** Given name and surname agree only when swapped. */
  namesSwapped: boolean;
  /** One Dutch sentence on the outcome. */
  uitleg: string;
}

const FIELD_NL: Record<FieldName, string> = {
  nationalId: 'BSN',
  surname: 'achternaam',
  givenName: 'voornaam',
  birthDate: 'geboortedatum',
  sex: 'geslacht',
  address: 'adres',
  phone: 'telefoonnummer',
};

const q = (s: string) => `'${s}'`;

function shown(...parts: (string | null | undefined)[]): string {
  return parts
    .map((p) => (p ?? '').trim())
    .filter((p) => p.length > 0)
    .join(' ');
}

function surnameShown(p: Prepared): string {
  const s = p.source;
  return shown(s.prefix, s.surname) || shown(s.fullName) || p.surname;
}
function givenShown(p: Prepared): string {
  const s = p.source;
  const g = shown(s.givenNames);
  const c = shown(s.callName);
  if (g && c) return `${g} (${c})`;
  return g || c || shown(s.fullName) || p.firstName;
}
function dateShown(p: Prepared): string {
  const t = p.birthDateText;
  return t ? `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6)}` : '';
}
function addressShown(p: Prepared): string {
  const s = p.source;
  return shown(s.street, s.houseNumber === null || s.houseNumber === undefined ? '' : String(s.houseNumber), p.postcode ? `${p.postcode.slice(0, 4)} ${p.postcode.slice(4)}` : '', s.city);
}

function pairText(x: string, y: string, same: string): string {
  return x === y ? `${same} (${q(x)})` : `${same} (na normalisatie: ${q(x)} = ${q(y)})`;
}

function explainField(f: number, level: number, a: Prepared, b: Prepared, swapped: boolean, tfNote: boolean | 2): string {
  const name = FIELD_NL[FIELDS[f]!];
  if (level < 0) return `${name} onbekend bij een van beide: telt niet mee`;
  const levelName = (LEVELS[FIELDS[f]!] as readonly string[])[level]!;
  switch (f) {
    case F_BSN:
      return level === EXACT ? `BSN gelijk (${a.nationalId}): beslissend` : 'BSN verschilt: sterk bewijs tegen';
    case F_SURNAME: {
      const x = surnameShown(a);
      const y = surnameShown(b);
      if (swapped) return `voor- en achternaam verwisseld: ${q(shown(givenShown(a), x))} ~ ${q(shown(givenShown(b), y))}`;
      const note = tfNote ? '; veelvoorkomende naam, telt minder' : '';
      switch (levelName) {
        case 'exact':
          return pairText(x, y, 'achternaam gelijk') + note;
        case 'phonetic':
          return `achternaam klinkt gelijk: ${q(x)} ~ ${q(y)}`;
        case 'typo':
          return `achternaam bijna gelijk (tikfout?): ${q(x)} ~ ${q(y)}`;
        case 'part':
          return `deel van een dubbele achternaam gelijk: ${q(x)} ~ ${q(y)}`;
        default:
          return `achternaam verschilt: ${q(x)} ≠ ${q(y)}`;
      }
    }
    case F_GIVEN: {
      const x = givenShown(a);
      const y = givenShown(b);
      if (swapped) return 'voornaam gelijk na het terugwisselen van voor- en achternaam';
      const note = tfNote === 2 ? '; voor- en achternaam samen komen vaak voor, telt minder' : tfNote ? '; veelvoorkomende naam, telt minder' : '';
      switch (levelName) {
        case 'exact':
          return pairText(x, y, 'voornaam gelijk') + note;
        case 'nickname':
          return `roepnaam hoort bij voornaam: ${q(x)} ~ ${q(y)}`;
        case 'typo':
          return `voornaam bijna gelijk (tikfout of spelling): ${q(x)} ~ ${q(y)}`;
        case 'other-name':
          return `voornaam komt voor als andere voornaam: ${q(x)} ~ ${q(y)}`;
        case 'initials':
          return `voorletters passen: ${q(x)} ~ ${q(y)}`;
        default:
          return `voornaam duidelijk anders: ${q(x)} ≠ ${q(y)}`;
      }
    }
    case F_DATE: {
      const x = dateShown(a);
      const y = dateShown(b);
      switch (levelName) {
        case 'exact':
          return `geboortedatum gelijk (${x})`;
        case 'day-month-swapped':
          return `geboortedatum met dag en maand verwisseld: ${x} ~ ${y}`;
        case 'typo':
          return `geboortedatum wijkt één cijfer af: ${x} ~ ${y}`;
        default:
          return `geboortedatum verschilt: ${x} ≠ ${y}`;
      }
    }
    case F_SEX:
      return level === EXACT ? 'geslacht gelijk' : 'geslacht verschilt';
    case F_ADDRESS: {
      const x = addressShown(a);
      const y = addressShown(b);
      switch (levelName) {
        case 'exact':
          return pairText(x, y, 'adres gelijk');
        case 'street':
          return `zelfde postcode of straat, ander huisnummer: ${q(x)} ~ ${q(y)}`;
        case 'place':
          return `zelfde woonplaats of postcodegebied: ${q(x)} ~ ${q(y)}`;
        default:
          return `adres verschilt: ${q(x)} ≠ ${q(y)}`;
      }
    }
    default:
      return level === EXACT ? 'telefoonnummer gelijk' : 'telefoonnummer verschilt';
  }
}

/**
 * Compares two prepared persons: the probability that they are the same person, the evidence per
 * field and a plain Dutch explanation of which fields agreed.
 */
export function compare(a: Prepared, b: Prepared, model: LinkageModel = DEFAULT_MODEL, tf?: TermFrequency): MatchResult {
  const c = compile(model);
  const lv = new Int8Array(FIELDS.length);
  const flags = levels(a, b, lv);
  const weights = new Float64Array(FIELDS.length);
  const adjusted = fieldWeights(a, b, model, tf, lv, flags, weights);
  const swapped = (flags & FLAG_SWAPPED) !== 0;
  const fields: FieldResult[] = [];
  let sum = 0;
  for (let f = 0; f < FIELDS.length; f++) {
    const l = lv[f]!;
    const w = weights[f]!;
    const plain = l < 0 ? 0 : c.weights[f]![l]!;
    const note = f === F_SURNAME ? (adjusted & TF_SURNAME) !== 0 && w < plain - 0.5 : f === F_GIVEN ? (adjusted & TF_NAME) !== 0 ? 2 : (adjusted & TF_GIVEN) !== 0 && w < plain - 0.5 : false;
    sum += w;
    fields.push({ field: FIELDS[f]!, level: l < 0 ? 'unknown' : (LEVELS[FIELDS[f]!] as readonly string[])[l]!, weight: w, uitleg: explainField(f, l, a, b, swapped, note) });
  }
  let ev = sum;
  const bsn = (flags & FLAG_BSN) !== 0;
  const relatives = !bsn && (flags & FLAG_RELATIVES) !== 0 && sum > model.relativesMaxWeight;
  if (bsn) ev = Math.max(sum, model.nationalIdMinWeight);
  else if (relatives) ev = model.relativesMaxWeight;
  const weight = c.priorWeight + ev;
  const probability = probabilityOf(weight);
  const agreed = fields.filter((r) => r.weight > 0 && r.level !== 'unknown').map((r) => FIELD_NL[r.field]);
  let uitleg: string;
  if (bsn) uitleg = 'Zelfde BSN: dezelfde persoon.';
  else if (relatives)
    uitleg = `Waarschijnlijk een familielid, niet dezelfde persoon: ${lv[F_GIVEN] === G_DIFFERENT ? 'de voornaam' : 'de geboortedatum'} is duidelijk anders, ook al komen ${agreed.join(', ') || 'andere gegevens'} overeen.`;
  else uitleg = `${Math.round(probability * 100)}% kans op dezelfde persoon; overeen: ${agreed.join(', ') || 'niets'}.`;
  return { probability, weight, evidence: ev, fields, relativesRule: relatives, nationalIdRule: bsn, namesSwapped: swapped, uitleg };
}

/** The probability for an evidence (bits) under a prior. */
export function matchProbability(evidenceBits: number, prior: number): number {
  return probabilityOf(logit2(prior) + evidenceBits);
}
