/**
 * A Dutch phonetic key for names ("klinkt als"), written for this project: no maintained library
 * exists for Dutch (Soundex and Double Metaphone are built for English and, for example, keep
 * "ij" and "ei" or "ch" and "g" apart, which sound alike in Dutch).
 *
 * Input is a folded name (lower case a-z, see `fold`); the key is upper case. Rules, applied left
 * to right, longest match first:
 *
 * | written | key | examples |
 * |---|---|---|
 * | ij, ei, eij, ey, y | Y | Meijer = Meier = Meyer |
 * | au, ou, auw, ouw | 3 | Bouwman = Bauman |
 * | ui, uy | 4 | Huisman = Huysman |
 * | eu | 5 | Beuker |
 * | oe | 6 | Boer |
 * | aa, ae, a | A | Claassen = Claessen = Clasen |
 * | ee, e | E | |
 * | ie, ii, i | I | Hendriks = Hendrieks |
 * | oo, o | O | |
 * | uu, u | U | |
 * | sch at the end | S | Bosch = Bos |
 * | sch | SG | Schouten |
 * | ch, g, gh | G | Gerritsen, Chiel |
 * | c, ck, k, q | K | Cornelis = Kornelis, Dekker |
 * | qu | KW | |
 * | x | KS | |
 * | ph, f, v | F | Vos = Fos, Philips = Filips |
 * | w | W | |
 * | th, dt, t, d at the end | T | Thijs = Tijs, Smidt = Smit |
 * | z, s | S | Zwart = Swart |
 * | h (not first) | dropped | Johannes = Joannes |
 *
 * Then runs of the same code collapse (Janssen = Jansen). Differences of single letters that
 * change the sound (a typo like "Bekker" for "Bakker") are left to the string distances of the
 * comparison.
 */
export function dutchPhonetic(folded: string): string {
  const s = folded;
  const n = s.length;
  let out = '';
  let last = '';
  const emit = (code: string) => {
    for (let k = 0; k < code.length; k++) {
      const c = code[k]!;
      if (c !== last) out += c;
      last = c;
    }
  };
  let i = 0;
  while (i < n) {
    const c = s[i]!;
    const c1 = i + 1 < n ? s[i + 1]! : '';
    const c2 = i + 2 < n ? s[i + 2]! : '';
    if (c < 'a' || c > 'z') {
      i++;
      continue;
    }
    switch (c) {
      case 'a':
        if (c1 === 'u') {
          emit('3');
          i += c2 === 'w' ? 3 : 2;
        } else {
          emit('A');
          i += c1 === 'a' || c1 === 'e' ? 2 : 1;
        }
        break;
      case 'e':
        if (c1 === 'i' || c1 === 'y') {
          emit('Y');
          // "eij" is the same sound as "ij": Meijer = Meier = Meyer.
          i += c1 === 'i' && c2 === 'j' ? 3 : 2;
        } else if (c1 === 'u') {
          emit('5');
          i += 2;
        } else {
          emit('E');
          i += c1 === 'e' ? 2 : 1;
        }
        break;
      case 'i':
        if (c1 === 'j') {
          emit('Y');
          i += 2;
        } else {
          emit('I');
          i += c1 === 'e' || c1 === 'i' ? 2 : 1;
        }
        break;
      case 'o':
        if (c1 === 'u') {
          emit('3');
          i += c2 === 'w' ? 3 : 2;
        } else if (c1 === 'e') {
          emit('6');
          i += 2;
        } else {
          emit('O');
          i += c1 === 'o' ? 2 : 1;
        }
        break;
      case 'u':
        if (c1 === 'i' || c1 === 'y') {
          emit('4');
          i += 2;
        } else {
          emit('U');
          i += c1 === 'u' ? 2 : 1;
        }
        break;
      case 'y':
        emit('Y');
        i++;
        break;
      case 's':
        if (c1 === 'c' && c2 === 'h') {
          emit(i + 3 >= n ? 'S' : 'SG');
          i += 3;
        } else {
          emit('S');
          i++;
        }
        break;
      case 'c':
        if (c1 === 'h') {
          emit('G');
          i += 2;
        } else {
          emit('K');
          i += c1 === 'k' ? 2 : 1;
        }
        break;
      case 'g':
        emit('G');
        i += c1 === 'h' ? 2 : 1;
        break;
      case 'k':
        emit('K');
        i++;
        break;
      case 'q':
        emit(c1 === 'u' ? 'KW' : 'K');
        i += c1 === 'u' ? 2 : 1;
        break;
      case 'x':
        emit('KS');
        i++;
        break;
      case 'p':
        if (c1 === 'h') {
          emit('F');
          i += 2;
        } else {
          emit('P');
          i++;
        }
        break;
      case 'f':
      case 'v':
        emit('F');
        i++;
        break;
      case 't':
        emit('T');
        i += c1 === 'h' ? 2 : 1;
        break;
      case 'd':
        if (c1 === 't') {
          emit('T');
          i += 2;
        } else {
          emit(i + 1 >= n ? 'T' : 'D');
          i++;
        }
        break;
      case 'z':
        emit('S');
        i++;
        break;
      case 'h':
        if (out === '') emit('H');
        i++;
        break;
      default:
        emit(c.toUpperCase());
        i++;
    }
  }
  return out;
}
