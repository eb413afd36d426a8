/**
 * Text normalisation for record linkage: case, diacritics, punctuation, Dutch tussenvoegsels
 * (written apart, joined, capitalised or abbreviated) and names split into their parts.
 * Everything here runs once per record (in `prepare`), never per comparison.
 */

/** Letters that NFD does not decompose into a base letter and a mark. */
const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  ı: 'i',
  đ: 'd',
  þ: 'th',
};

/**
 * Lower case, no diacritics, only the letters a-z, digits, spaces, hyphens and dots kept;
 * apostrophes dropped ("'t" -> "t"), other punctuation becomes a space, spaces collapsed.
 * "Çelik" -> "celik", "Zoë" -> "zoe", "IJzerman" -> "ijzerman".
 */
export function fold(s: string): string {
  let out = '';
  const lower = s.toLowerCase();
  // Fast path: plain ASCII needs no decomposition.
  const text = /^[\x20-\x7e]*$/.test(lower) ? lower : lower.normalize('NFD');
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const code = c.charCodeAt(0);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      out += c;
      space = false;
    } else if (code >= 0x300 && code <= 0x36f) {
      // combining mark: dropped
    } else if (c === "'" || c === '\u2019' || c === '`' || c === '\u00b4') {
      // apostrophe: dropped ("'t" -> "t", "d'Ancona" -> "dancona")
    } else if (c === '-' || c === '.') {
      out += c;
      space = false;
    } else if (SPECIAL[c] !== undefined) {
      out += SPECIAL[c];
      space = false;
    } else if (!space) {
      out += ' ';
      space = true;
    }
  }
  return out.trim();
}

/** Only the letters a-z of a folded string ("van der berg" -> "vanderberg"). */
export function lettersOnly(folded: string): string {
  return folded.replace(/[^a-z]/g, '');
}

/**
 * Tussenvoegsel words, folded (apostrophes dropped: "'t" is "t"). A sequence of these at the
 * start of a surname is its tussenvoegsel ("van der", "in t", "op den").
 */
const PREFIX_WORDS = new Set(['van', 'der', 'den', 'de', 'het', 't', 'ter', 'ten', 'te', 'in', 'op', 'aan', 'bij', 'onder', 'over', 'uit', 'vd', 'v', 'd', 'la', 'le', 'du', 'da', 'di', 'del', 'della', 'dos', 'das', 'do', 'von', 'zu', 'vom']);
/** Words that may only continue a tussenvoegsel, never start one alone before a single short name. */
const PREFIX_ONLY_FIRST = new Set(['van', 'de', 'den', 'der', 'het', 't', 'ter', 'ten', 'te', 'in', 'op', 'aan', 'bij', 'onder', 'over', 'uit', 'vd', 'v', 'd', 'la', 'le', 'du', 'da', 'di', 'del', 'della', 'dos', 'das', 'do', 'von', 'vom']);

/** Words that start a surname without being a tussenvoegsel: they stay part of the surname. */
const SURNAME_PARTICLES = new Set(['el', 'al', 'ben', 'bin', 'ibn', 'abu', 'ait', 'ould', 'bou']);

/** Abbreviations of tussenvoegsels as written: "v.d.", "v/d", "vd", "v.", "d'". */
function expandAbbreviation(token: string): string[] | null {
  switch (token.replace(/[./]/g, '')) {
    case 'vd':
    case 'vd.':
      return ['van', 'der'];
    case 'vdn':
      return ['van', 'den'];
    case 'v':
      return ['van'];
    case 'd':
      return ['de'];
    default:
      return null;
  }
}

/** Prefixes that are sometimes glued to the surname ("Vandijk", "Terhorst", "Intveld"), longest first. */
const GLUED_PREFIXES: readonly string[] = ['vanden', 'vander', 'vande', 'vant', 'van', 'inde', 'int', 'opde', 'opt', 'ten', 'ter', 'den', 'der', 'de', 'te'];

export interface ParsedSurname {
  /** The tussenvoegsel in canonical words ("van der"), '' when none. */
  readonly prefix: string;
  /** The surname without tussenvoegsel, letters only ("berg"; "El Amrani" -> "elamrani"). */
  readonly core: string;
  /**
   * When the surname may have its tussenvoegsel glued to it ("Vanderberg", "Dejong"): the part
   * after it ("berg", "jong"); else ''. A guess, used only as an alternative.
   */
  readonly glued: string;
  /** The cores of the parts of a double surname ("Kok-de Vries" -> ["kok", "vries"]); [] when single. */
  readonly parts: readonly string[];
  /** The first word after the tussenvoegsel, letters only ("Lisa Johanna" -> "lisa"); for swapped names. */
  readonly firstWord: string;
}

/** Splits a folded token list into the leading tussenvoegsel and the rest. */
function splitPrefix(tokens: readonly string[]): { prefix: string[]; rest: string[] } {
  const prefix: string[] = [];
  let i = 0;
  for (; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    const expanded = expandAbbreviation(t);
    if (expanded && (t.includes('.') || t.includes('/') || t === 'vd' || t === 'vdn')) {
      prefix.push(...expanded);
      continue;
    }
    const w = t.replace(/\./g, '');
    if (PREFIX_WORDS.has(w) && (prefix.length > 0 || PREFIX_ONLY_FIRST.has(w))) {
      prefix.push(w);
      continue;
    }
    break;
  }
  return { prefix, rest: tokens.slice(i) };
}

function tokensOf(folded: string): string[] {
  return folded.split(' ').filter((t) => t.length > 0);
}

/** Parses a surname with an optional separate tussenvoegsel field. */
export function parseSurname(surname: string, prefixField = ''): ParsedSurname {
  const folded = fold(surname);
  if (!folded) return { prefix: '', core: '', glued: '', parts: [], firstWord: '' };
  const foldedPrefix = fold(prefixField);
  const fieldPrefix: string[] = [];
  for (const t of tokensOf(foldedPrefix)) {
    const expanded = expandAbbreviation(t);
    if (expanded && (t.includes('.') || t.includes('/') || t.length <= 3)) fieldPrefix.push(...expanded);
    else fieldPrefix.push(t.replace(/\./g, ''));
  }
  // Double surnames: "Kok-de Vries", "Kok - de Vries".
  const pieces = folded
    .split(/\s*-\s*/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const coreOf = (piece: string) => {
    const { prefix, rest } = splitPrefix(tokensOf(piece));
    return { prefix, core: lettersOnly(rest.join('')) };
  };
  const firstTokens = splitPrefix(tokensOf(pieces[0] ?? ''));
  const first = { prefix: firstTokens.prefix, core: lettersOnly(firstTokens.rest.join('')) };
  const firstWord = lettersOnly(firstTokens.rest[0] ?? '');
  const allPrefix = fieldPrefix.length > 0 ? fieldPrefix : first.prefix;
  let core = first.core;
  let parts: string[] = [];
  if (pieces.length > 1) {
    parts = pieces.map((p) => coreOf(p).core).filter((c) => c.length > 0);
    core = parts.join('');
  }
  let glued = '';
  if (allPrefix.length === 0 && pieces.length === 1 && !folded.includes(' ')) {
    for (const g of GLUED_PREFIXES) {
      if (core.length >= g.length + 3 && core.startsWith(g)) {
        glued = core.slice(g.length);
        break;
      }
    }
  }
  return { prefix: allPrefix.join(' '), core, glued, parts, firstWord };
}

/** Folded names with leading tussenvoegsel words dropped, joined: ["van", "der", "laan"] -> "laan". */
export function withoutPrefixWords(names: readonly string[]): string {
  let i = 0;
  while (i < names.length - 1 && PREFIX_WORDS.has(names[i]!)) i++;
  return names.slice(i).join('');
}

export interface ParsedName {
  readonly given: string;
  readonly prefix: string;
  readonly surname: string;
}

/**
 * Splits a full name: "Berg, Jan van der" (surname first, comma) or "Jan van der Berg"
 * (given names, tussenvoegsel, surname). Without a tussenvoegsel the last word is the surname.
 */
export function parseFullName(full: string): ParsedName {
  const comma = full.indexOf(',');
  if (comma >= 0) {
    const surname = full.slice(0, comma).trim();
    const rest = tokensOf(full.slice(comma + 1).trim().replace(/\s+/g, ' '));
    // Trailing tussenvoegsel words after the given names: "Jan van der".
    let cut = rest.length;
    while (cut > 0 && PREFIX_WORDS.has(fold(rest[cut - 1]!).replace(/\./g, '')) && cut - 1 > 0) cut--;
    if (cut < rest.length && !PREFIX_ONLY_FIRST.has(fold(rest[cut]!).replace(/\./g, '')) && !expandAbbreviation(fold(rest[cut]!))) cut = rest.length;
    return { given: rest.slice(0, cut).join(' '), prefix: rest.slice(cut).join(' '), surname };
  }
  const words = full.trim().split(/\s+/).filter((w) => w.length > 0);
  if (words.length <= 1) return { given: '', prefix: '', surname: words[0] ?? '' };
  // The first word that starts a tussenvoegsel, or a particle that belongs to the surname
  // ("El Amrani", "Ben Haddou", "Aït Taleb"), after at least one given name.
  for (let i = 1; i < words.length - 1; i++) {
    const f = fold(words[i]!);
    const w = f.replace(/\./g, '');
    if (SURNAME_PARTICLES.has(w)) return { given: words.slice(0, i).join(' '), prefix: '', surname: words.slice(i).join(' ') };
    if (PREFIX_ONLY_FIRST.has(w) || (expandAbbreviation(f) !== null && /[./]/.test(f))) {
      let j = i;
      while (j < words.length - 1) {
        const fj = fold(words[j]!);
        if (PREFIX_WORDS.has(fj.replace(/\./g, '')) || (expandAbbreviation(fj) !== null && /[./]/.test(fj))) j++;
        else break;
      }
      return { given: words.slice(0, i).join(' '), prefix: words.slice(i, j).join(' '), surname: words.slice(j).join(' ') };
    }
  }
  return { given: words.slice(0, -1).join(' '), prefix: '', surname: words[words.length - 1]! };
}

export interface ParsedGiven {
  /** Full given names, folded letters only, in order ("johannes", "cornelis"); hyphenated names joined ("gertjan"). */
  readonly names: readonly string[];
  /** Initials of all given names, in order ("jc"). */
  readonly initials: string;
  /** A call name written in parentheses after the given names ("Johannes (Hans)"), folded; '' when none. */
  readonly call: string;
}

/** Parses given names as written: "Johannes Cornelis", "J.C.", "J. Cornelis", "Jan-Willem", "Johannes (Hans)". */
export function parseGiven(given: string): ParsedGiven {
  let text = given;
  let call = '';
  const paren = /\(([^)]*)\)/.exec(text);
  if (paren) {
    call = lettersOnly(fold(paren[1]!));
    text = text.replace(paren[0], ' ');
  }
  const names: string[] = [];
  let initials = '';
  for (const raw of text.split(/\s+/)) {
    if (!raw) continue;
    const f = fold(raw);
    if (!f) continue;
    const letters = lettersOnly(f);
    if (!letters) continue;
    // "J.C." or "J." or "J" or "JC" (upper case, no vowels): initials.
    const dotted = f.includes('.') && f.split('.').every((p) => p.length <= 2);
    const single = letters.length === 1;
    const capsInitials = letters.length <= 3 && raw === raw.toUpperCase() && !/[aeiouy]/i.test(raw);
    if (capsInitials && !dotted) {
      initials += letters;
      continue;
    }
    if (dotted || single) {
      for (const part of f.split(/[.\s-]+/)) {
        const l = lettersOnly(part);
        // "Th." stands for one name (Theodorus); its initial is the first letter.
        if (l) initials += l[0]!;
      }
      continue;
    }
    names.push(letters);
    initials += letters[0]!;
  }
  return { names, initials, call };
}
