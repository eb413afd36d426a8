import { describe, expect, it } from 'vitest';
import { fold, parseFullName, parseGiven, parseSurname } from './text.js';
import { dutchPhonetic } from './phonetic.js';
import { editDistance, jaroWinkler, nearlyEqual } from './distance.js';

describe('fold', () => {
  it.each([
    ['Çelik', 'celik'],
    ['Zoë', 'zoe'],
    ['  Gülşen   Öztürk ', 'gulsen ozturk'],
    ["van 't Hof", 'van t hof'],
    ['Straße', 'strasse'],
    ['Kok-de Vries', 'kok-de vries'],
    ['IJzerman', 'ijzerman'],
  ])('%s -> %s', (input, out) => expect(fold(input)).toBe(out));
});

describe('parseSurname: tussenvoegsels written apart, joined, capitalised or abbreviated', () => {
  it.each([
    ['Berg', 'van der'],
    ['van der Berg', ''],
    ['Van Der Berg', ''],
    ['Berg', 'v.d.'],
    ['Berg', 'V.D.'],
    ['v.d. Berg', ''],
    ['Berg', 'vd'],
    ['Berg', 'v/d'],
  ])('%s with tussenvoegsel "%s" has core "berg"', (surname, prefix) => {
    expect(parseSurname(surname, prefix).core).toBe('berg');
  });
  it('keeps the tussenvoegsel in canonical words', () => {
    expect(parseSurname('v.d. Berg').prefix).toBe('van der');
    expect(parseSurname("van 't Hof").prefix).toBe('van t');
    expect(parseSurname('Hof', "van 't").prefix).toBe('van t');
  });
  it('offers the part after a glued tussenvoegsel as an alternative', () => {
    expect(parseSurname('Vanderberg')).toMatchObject({ core: 'vanderberg', glued: 'berg' });
    expect(parseSurname('Dejong')).toMatchObject({ core: 'dejong', glued: 'jong' });
    expect(parseSurname('Terhorst').glued).toBe('horst');
    // A name that merely starts like a tussenvoegsel keeps its core; the guess is only an alternative.
    expect(parseSurname('Dekker').core).toBe('dekker');
    // Too short a remainder is no guess.
    expect(parseSurname('Devos').glued).toBe('vos');
    expect(parseSurname('Debo').glued).toBe('');
  });
  it('does not take a surname that is a tussenvoegsel word for one', () => {
    expect(parseSurname('de Vries').core).toBe('vries');
    expect(parseSurname('Van').core).toBe('van');
  });
  it('splits double surnames into parts', () => {
    expect(parseSurname('Kok-de Vries')).toMatchObject({ core: 'kokvries', parts: ['kok', 'vries'] });
    expect(parseSurname('El Amrani')).toMatchObject({ core: 'elamrani', parts: [] });
  });
  it('gives an empty core for an empty surname', () => expect(parseSurname('  ').core).toBe(''));
});

describe('parseFullName', () => {
  it.each([
    ['Jan van der Berg', { given: 'Jan', prefix: 'van der', surname: 'Berg' }],
    ['Berg, Jan van der', { given: 'Jan', prefix: 'van der', surname: 'Berg' }],
    ['Johannes Cornelis de Vries', { given: 'Johannes Cornelis', prefix: 'de', surname: 'Vries' }],
    ['J.C. de Vries', { given: 'J.C.', prefix: 'de', surname: 'Vries' }],
    ['Mehmet Yılmaz', { given: 'Mehmet', prefix: '', surname: 'Yılmaz' }],
    ['Vries, J.', { given: 'J.', prefix: '', surname: 'Vries' }],
    ['Z. El Hadioui', { given: 'Z.', prefix: '', surname: 'El Hadioui' }],
    ['Youssef Ben Haddou', { given: 'Youssef', prefix: '', surname: 'Ben Haddou' }],
    ['Jansen', { given: '', prefix: '', surname: 'Jansen' }],
  ])('%s', (full, parsed) => expect(parseFullName(full)).toEqual(parsed));
});

describe('parseGiven', () => {
  it('recognises initials in their written forms', () => {
    expect(parseGiven('J.C.')).toEqual({ names: [], initials: 'jc', call: '' });
    expect(parseGiven('J. C.')).toEqual({ names: [], initials: 'jc', call: '' });
    expect(parseGiven('JC')).toEqual({ names: [], initials: 'jc', call: '' });
    expect(parseGiven('Th.')).toEqual({ names: [], initials: 't', call: '' });
  });
  it('keeps full names, joins hyphenated ones, mixes with initials and reads a call name in parentheses', () => {
    expect(parseGiven('Johannes Cornelis')).toEqual({ names: ['johannes', 'cornelis'], initials: 'jc', call: '' });
    expect(parseGiven('Jan-Willem')).toEqual({ names: ['janwillem'], initials: 'j', call: '' });
    expect(parseGiven('J. Cornelis')).toEqual({ names: ['cornelis'], initials: 'jc', call: '' });
    expect(parseGiven('Johannes (Hans)')).toEqual({ names: ['johannes'], initials: 'j', call: 'hans' });
    expect(parseGiven('Zoë')).toEqual({ names: ['zoe'], initials: 'z', call: '' });
  });
});

describe('dutchPhonetic', () => {
  it.each([
    ['meijer', 'meyer'],
    ['meijer', 'meier'],
    ['bosch', 'bos'],
    ['cornelis', 'kornelis'],
    ['claassen', 'klaasen'],
    ['janssen', 'jansen'],
    ['huisman', 'huysman'],
    ['bouwman', 'bauman'],
    ['smidt', 'smit'],
    ['thijs', 'tijs'],
    ['vos', 'fos'],
    ['zwart', 'swart'],
    ['philips', 'filips'],
    ['johannes', 'joannes'],
    ['gerritsen', 'cherritsen'],
  ])('%s sounds like %s', (a, b) => expect(dutchPhonetic(a)).toBe(dutchPhonetic(b)));
  it.each([
    ['bakker', 'bekker'],
    ['boer', 'buur'],
    ['jong', 'jonk'],
    ['visser', 'vissers'],
    ['schouten', 'souten'],
  ])('%s does not sound like %s', (a, b) => expect(dutchPhonetic(a)).not.toBe(dutchPhonetic(b)));
  it('ignores anything but letters', () => expect(dutchPhonetic('de-jong')).toBe(dutchPhonetic('dejong')));
});

describe('string distances', () => {
  it('counts edits, with adjacent swaps as one', () => {
    expect(editDistance('berg', 'berg')).toBe(0);
    expect(editDistance('berg', 'breg')).toBe(1);
    expect(editDistance('jansen', 'jansne')).toBe(1);
    expect(editDistance('jansen', 'janssen')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('stops past the limit', () => expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3));
  it('gives Jaro-Winkler similarities in [0, 1]', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('same', 'same')).toBe(1);
  });
  it('calls names nearly equal for one typing error from four letters on, two for long names', () => {
    expect(nearlyEqual('jansen', 'jansne')).toBe(true);
    expect(nearlyEqual('jan', 'jon')).toBe(false);
    expect(nearlyEqual('joe', 'jose')).toBe(true);
    expect(nearlyEqual('maryam', 'maryom')).toBe(true);
    expect(nearlyEqual('maryyam', 'maryom')).toBe(false);
    expect(nearlyEqual('maryyam', 'maryom', 6)).toBe(true);
    expect(nearlyEqual('hendriksen', 'hendrikson')).toBe(true);
  });
});
