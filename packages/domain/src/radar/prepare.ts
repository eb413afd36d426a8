/**
 * `prepare`: a person as entered (any channel, any spelling) turned once into the normalised
 * fields, phonetic keys and nickname groups that blocking and comparison need, so that `compare`
 * does no parsing, no regular expressions and almost no allocation.
 */
import { normaliseBsn } from '../bsn.js';
import { normalisePostcode } from '../postcode.js';
import { canonicalName, nameGroups } from './nicknames.js';
import { dutchPhonetic } from './phonetic.js';
import { fold, lettersOnly, parseFullName, parseGiven, parseSurname, withoutPrefixWords } from './text.js';

/** A person as the app stores it (Dutch field names from the import format) or as CSV roles give it. */
export interface LinkInput {
  id: string;
  /** voornamen, e.g. "Johannes Cornelis"; initials ("J.C.") are recognised. */
  givenNames?: string | null;
  /** roepnaam, e.g. "Hans". */
  callName?: string | null;
  /** tussenvoegsel, e.g. "van der", "v.d.". */
  prefix?: string | null;
  /** achternaam; may hold the tussenvoegsel too ("van der Berg", "Vanderberg"). */
  surname?: string | null;
  /** "Jan van der Berg" or "Berg, Jan van der"; used for the fields that are not given separately. */
  fullName?: string | null;
  /** YYYY-MM-DD, already validated (the CSV layer parses YYYYMMDD and DD-MM-YYYY). */
  birthDate?: string | null;
  /** 'man' | 'vrouw' | 'm' | 'v' | 'f' | 'male' | 'female' | ... */
  sex?: string | null;
  /** BSN; used only when it passes the 11-proef. */
  nationalId?: string | null;
  street?: string | null;
  houseNumber?: string | number | null;
  postcode?: string | null;
  city?: string | null;
  phone?: string | null;
}

/** Sex after normalisation: 1 man, 2 vrouw, 0 unknown. */
export type SexCode = 0 | 1 | 2;

/** The normalised person. Strings are folded (lower case a-z, no diacritics); '' means unknown. */
export interface Prepared {
  readonly id: string;
  /** The input, for explanations. */
  readonly source: LinkInput;

  // Given names
  /** Full given names in order ("johannes", "cornelis"); [] when only initials or nothing. */
  readonly givenNames: readonly string[];
  /** The call name (roepnaam), '' when none. */
  readonly callName: string;
  /** The name the person is primarily known by: the first given name, else the call name. */
  readonly firstName: string;
  /** Names that count as "the first name": the first given name and the call name (1-2 entries). */
  readonly firstNames: readonly string[];
  /** Nickname groups of the first names (see nicknames.ts). */
  readonly firstGroups: readonly number[];
  /** Nickname groups of the second and later given names. */
  readonly otherGroups: readonly number[];
  /** Phonetic keys of the first names. */
  readonly firstPhonetic: readonly string[];
  /** All initials in order ("jc"); from the names or as written ("J.C."). */
  readonly initials: string;
  /** Only initials are known (no full given name, no call name). */
  readonly initialsOnly: boolean;
  /** Bit per letter a-z: initials of the first names and of their canonical forms (Kees -> c, k). */
  readonly firstInitialMask: number;
  /** Bit per letter of all initials. */
  readonly initialMask: number;
  /** Blocking key of the given name: phonetic key of its canonical form. '' when unknown. */
  readonly givenKey: string;
  /** Blocking keys of every group and spelling of the first names (for query variants). */
  readonly givenKeys: readonly string[];
  /** Blocking initial: the first letter of the canonical form of the first name, else of the first initial; '' when unknown. */
  readonly initialKey: string;
  /** Every initial the first name may be known by: its own, its groups' canonical forms, the written initials (for query variants). */
  readonly initialKeys: readonly string[];

  // Surname
  /** The surname without tussenvoegsel, letters only ("berg"). */
  readonly surname: string;
  /** The tussenvoegsel in canonical words ("van der"); '' when none. */
  readonly prefix: string;
  /** Possible surname when a tussenvoegsel was glued to it ("Dejong" -> "jong"); else ''. */
  readonly surnameGlued: string;
  /** Parts of a double surname ("kok", "vries"); [] when single. */
  readonly surnameParts: readonly string[];
  readonly surnamePhonetic: string;
  readonly surnameGluedPhonetic: string;
  /** "surname firstName" for each of the first names (term frequency of the full name). */
  readonly nameKeys: readonly string[];
  /** Initials written in the surname field ("Dorreboer" / "T.W.": swapped), else ''. */
  readonly surnameInitials: string;
  /** The given-name field read as a surname ("van der Laan" -> "laan"); for swapped names. */
  readonly givenAsSurname: string;
  /** First word of the surname after its tussenvoegsel ("Michel Hendrik" in the surname field -> "michel"); for swapped names. */
  readonly surnameFirstWord: string;

  // Birth date
  /** yyyymmdd as a number, 0 when unknown. */
  readonly birthDate: number;
  /** The date with day and month swapped (when that is a valid, different date), else 0. */
  readonly birthDateSwapped: number;
  /** "yyyymmdd", '' when unknown. */
  readonly birthDateText: string;

  readonly sex: SexCode;
  /** Valid BSN (11-proef), '' when none. */
  readonly nationalId: string;

  // Address
  /** Postcode "1234AB", '' when unknown or invalid. */
  readonly postcode: string;
  /** The four digits of the postcode, '' when unknown. */
  readonly postcode4: string;
  /** House number digits ("12"), '' when unknown. */
  readonly houseNumber: string;
  /** Addition to the house number, folded letters and digits ("a", "2"), '' when none. */
  readonly houseAddition: string;
  readonly street: string;
  readonly city: string;
  /** Phone digits in national form without the leading 0 (last 9 digits), '' when unknown. */
  readonly phone: string;
}

const NO_STRINGS: readonly string[] = [];
const NO_NUMBERS: readonly number[] = [];

function text(v: string | number | null | undefined): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

function letterBit(c: string | undefined): number {
  if (!c) return 0;
  const code = c.charCodeAt(0) - 97;
  return code >= 0 && code < 26 ? 1 << code : 0;
}

/** "1990-03-04" -> 19900304; 0 when not a real date. */
export function dateNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return 0;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isRealDate(y, mo, d) ? y * 10000 + mo * 100 + d : 0;
}

/** True for an existing calendar date (proleptic Gregorian). */
export function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
}

/** Normalises the many ways sex is written; 0 when unknown. */
export function sexCode(v: string): SexCode {
  switch (fold(v)) {
    case 'm':
    case 'man':
    case 'male':
    case 'mannelijk':
    case 'jongen':
      return 1;
    case 'v':
    case 'f':
    case 'vrouw':
    case 'female':
    case 'vrouwelijk':
    case 'meisje':
      return 2;
    default:
      return 0;
  }
}

/** Phone digits: "+31 6 1234 5678", "0031612345678", "06-12345678" -> "612345678"; '' when too short. */
export function phoneDigits(v: string): string {
  let d = v.replace(/\D/g, '');
  if (d.startsWith('0031')) d = d.slice(4);
  else if (d.startsWith('31') && d.length === 11) d = d.slice(2);
  d = d.replace(/^0+/, '');
  return d.length >= 8 ? d.slice(-9) : '';
}

/** Splits "12", "12a", "12 A", "12-2", "12 bis" into number and addition. */
export function splitHouseNumber(v: string): [string, string] {
  const m = /^\s*(\d+)\s*[-/]?\s*(.*)$/.exec(v);
  if (!m) return ['', ''];
  return [String(Number(m[1])), lettersOnly(fold(m[2]!)) || fold(m[2]!).replace(/[^a-z0-9]/g, '')];
}

/** The initials of a text that holds only initials ("T.W."), else ''. */
function initialsIn(text: string): string {
  const g = parseGiven(text);
  return g.names.length === 0 ? g.initials : '';
}

export function prepare(r: LinkInput): Prepared {
  let givenText = text(r.givenNames);
  let surnameText = text(r.surname);
  let prefixText = text(r.prefix);
  const full = text(r.fullName);
  if (full && (!givenText || !surnameText)) {
    const parsed = parseFullName(full);
    if (!givenText) givenText = parsed.given;
    if (!surnameText) {
      surnameText = parsed.surname;
      if (!prefixText) prefixText = parsed.prefix;
    }
  }

  // Given names and call name.
  const given = parseGiven(givenText);
  let callName = lettersOnly(fold(text(r.callName))) || given.call;
  const givenNames = given.names;
  if (callName && givenNames[0] === callName) callName = '';
  const firstName = givenNames[0] ?? callName;
  const firstNames = firstName ? (callName && callName !== firstName ? [firstName, callName] : [firstName]) : NO_STRINGS;
  const firstGroups: number[] = [];
  for (const n of firstNames) for (const g of nameGroups(n)) if (!firstGroups.includes(g)) firstGroups.push(g);
  const otherGroups: number[] = [];
  for (let i = 1; i < givenNames.length; i++) for (const g of nameGroups(givenNames[i]!)) if (!otherGroups.includes(g)) otherGroups.push(g);
  const initials = given.initials || (callName ? callName[0]! : '');
  const initialsOnly = firstNames.length === 0 && initials !== '';
  let firstInitialMask = 0;
  for (const n of firstNames) firstInitialMask |= letterBit(n[0]);
  for (const g of firstGroups) firstInitialMask |= letterBit(canonicalName(g)[0]);
  let initialMask = 0;
  for (let i = 0; i < initials.length; i++) initialMask |= letterBit(initials[i]);
  const keyOf = (name: string) => {
    const groups = nameGroups(name);
    return dutchPhonetic(groups.length > 0 ? canonicalName(groups[0]!) : name);
  };
  const givenKey = firstName ? keyOf(firstName) : '';
  const givenKeys: string[] = [];
  if (givenKey) givenKeys.push(givenKey);
  for (const n of firstNames) {
    const k = dutchPhonetic(n);
    if (!givenKeys.includes(k)) givenKeys.push(k);
    for (const g of nameGroups(n)) {
      const gk = dutchPhonetic(canonicalName(g));
      if (!givenKeys.includes(gk)) givenKeys.push(gk);
    }
  }

  const firstGroup = firstName ? nameGroups(firstName)[0] : undefined;
  const initialKey = firstName ? (firstGroup !== undefined ? canonicalName(firstGroup)[0]! : firstName[0]!) : (initials[0] ?? '');
  const initialKeys: string[] = [];
  if (initialKey) initialKeys.push(initialKey);
  for (const n of firstNames) {
    if (!initialKeys.includes(n[0]!)) initialKeys.push(n[0]!);
    for (const g of nameGroups(n)) {
      const c = canonicalName(g)[0]!;
      if (!initialKeys.includes(c)) initialKeys.push(c);
    }
  }

  // Surname.
  const sn = parseSurname(surnameText, prefixText);

  // Birth date.
  const birthDate = dateNumber(text(r.birthDate));
  let birthDateSwapped = 0;
  if (birthDate) {
    const y = Math.floor(birthDate / 10000);
    const mo = Math.floor(birthDate / 100) % 100;
    const d = birthDate % 100;
    if (d !== mo && isRealDate(y, d, mo)) birthDateSwapped = y * 10000 + d * 100 + mo;
  }

  // Address.
  const postcode = normalisePostcode(text(r.postcode)) ?? '';
  const [houseNumber, houseAddition] = splitHouseNumber(text(r.houseNumber));
  const bsn = text(r.nationalId);

  return {
    id: r.id,
    source: r,
    givenNames: givenNames.length > 0 ? givenNames : NO_STRINGS,
    callName,
    firstName,
    firstNames,
    firstGroups: firstGroups.length > 0 ? firstGroups : NO_NUMBERS,
    otherGroups: otherGroups.length > 0 ? otherGroups : NO_NUMBERS,
    firstPhonetic: firstNames.map(dutchPhonetic),
    initials,
    initialsOnly,
    firstInitialMask,
    initialMask,
    givenKey,
    givenKeys,
    initialKey,
    initialKeys,
    surname: sn.core,
    prefix: sn.prefix,
    surnameGlued: sn.glued,
    surnameParts: sn.parts.length > 0 ? sn.parts : NO_STRINGS,
    surnamePhonetic: sn.core ? dutchPhonetic(sn.core) : '',
    surnameGluedPhonetic: sn.glued ? dutchPhonetic(sn.glued) : '',
    nameKeys: sn.core ? firstNames.map((n) => `${sn.core} ${n}`) : NO_STRINGS,
    surnameFirstWord: sn.firstWord,
    givenAsSurname: withoutPrefixWords(givenNames),
    surnameInitials: surnameText.includes('.') ? initialsIn(surnameText) : '',
    birthDate,
    birthDateSwapped,
    birthDateText: birthDate ? String(birthDate) : '',
    sex: sexCode(text(r.sex)),
    nationalId: bsn ? (normaliseBsn(bsn) ?? '') : '',
    postcode,
    postcode4: postcode.slice(0, 4),
    houseNumber,
    houseAddition,
    street: lettersOnly(fold(text(r.street))),
    city: lettersOnly(fold(text(r.city))),
    phone: phoneDigits(text(r.phone)),
  };
}
