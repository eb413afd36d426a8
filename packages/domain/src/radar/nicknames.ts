/**
 * Dutch given names and the call names (roepnamen) and short forms used for them. A person
 * registered as "Johannes Cornelis" is called Jan, Hans or Johan; one registration has the
 * official names, another the roepnaam. Written for this project from general knowledge of Dutch
 * naming; the first name of each group is its canonical form. A name may belong to several
 * groups ("Bert" is short for Lambertus, Hubertus, Gijsbert and Albert).
 */
import { dutchPhonetic } from './phonetic.js';
import { fold, lettersOnly } from './text.js';

export const NAME_GROUPS: readonly (readonly string[])[] = [
  ['Johannes', 'Jan', 'Hans', 'Johan', 'Joop', 'Jo', 'Hannes', 'Jean', 'John', 'Johnny', 'Jannes'],
  ['Cornelis', 'Kees', 'Cor', 'Nelis', 'Cees', 'Corné', 'Cornelius'],
  ['Hendrik', 'Henk', 'Rik', 'Hein', 'Rikus', 'Hendrikus', 'Henny', 'Harrie', 'Henri', 'Hendrick'],
  ['Jacobus', 'Jaap', 'Koos', 'Jaco', 'Jacob', 'Co', 'Sjaak', 'Jacques', 'Kobus'],
  ['Adrianus', 'Adrie', 'Arie', 'Ad', 'Aad', 'Adriaan', 'Janus'],
  ['Petrus', 'Piet', 'Peter', 'Peer', 'Pieter', 'Pierre', 'Pietje'],
  ['Theodorus', 'Theo', 'Dorus', 'Ruud'],
  ['Antonius', 'Anton', 'Toon', 'Ton', 'Toine', 'Teun', 'Tony', 'Antoon'],
  ['Franciscus', 'Frans', 'Frank', 'Cis', 'Sjors', 'Francis'],
  ['Gerardus', 'Gerard', 'Gert', 'Gerrit', 'Geert', 'Gerd', 'Gerhard', 'Ger', 'Sjra'],
  ['Wilhelmus', 'Wim', 'Willem', 'Pim', 'Wil', 'Willy', 'Wiel', 'William'],
  ['Bernardus', 'Ben', 'Bernard', 'Bennie', 'Bernd', 'Benno', 'Ber', 'Barend', 'Berend'],
  ['Lambertus', 'Bert', 'Lambert', 'Bertus'],
  ['Albertus', 'Albert', 'Bert', 'Ab', 'Bertus'],
  ['Martinus', 'Martin', 'Tinus', 'Mart', 'Tijn', 'Maarten', 'Marten'],
  ['Hermanus', 'Herman', 'Manus', 'Harm'],
  ['Nicolaas', 'Klaas', 'Nico', 'Niek', 'Claas', 'Klaus', 'Nick', 'Niels'],
  ['Hubertus', 'Huub', 'Bert', 'Huib', 'Hub'],
  ['Everhardus', 'Evert', 'Eef', 'Everard'],
  ['Jozef', 'Jos', 'Sjef', 'Joep', 'Joseph', 'Josef', 'Jef'],
  ['Izaak', 'Sjaak', 'Isaac', 'Isaak', 'Izaäk'],
  ['Gijsbert', 'Gijs', 'Bert', 'Gijsbertus'],
  ['Abraham', 'Bram', 'Brahim', 'Ibrahim'],
  ['Alexander', 'Sander', 'Alex', 'Lex'],
  ['Robert', 'Rob', 'Bob', 'Robbert', 'Robbie'],
  ['Richard', 'Rick', 'Rich', 'Rikkert', 'Ricardo'],
  ['Michael', 'Michaël', 'Michel', 'Mike', 'Michiel', 'Machiel', 'Mich'],
  ['Thomas', 'Tom', 'Tommy', 'Thom'],
  ['Daniel', 'Daniël', 'Daan', 'Danny', 'Dani'],
  ['Sebastiaan', 'Bas', 'Sebas', 'Sebastian'],
  ['Bartholomeus', 'Bart', 'Bartel'],
  ['Frederik', 'Freek', 'Frits', 'Fred', 'Frederick', 'Rik'],
  ['Dirk', 'Dick', 'Dik', 'Diederik', 'Dirck'],
  ['Samuel', 'Sam', 'Sem', 'Sammy'],
  ['Benjamin', 'Ben', 'Benji', 'Benny'],
  ['Stefan', 'Steven', 'Stephan', 'Stef'],
  ['Reinier', 'Rein', 'Reinder', 'Reijer'],
  ['Leendert', 'Leen', 'Leo', 'Lenard', 'Leonard'],
  ['Marinus', 'Rinus', 'Marijn', 'Rien'],
  ['Wouter', 'Wout', 'Walter'],
  ['Mohammed', 'Mohamed', 'Muhammad', 'Mohammad', 'Mehmet', 'Mo', 'Momo'],
  ['Mustafa', 'Mustapha', 'Moestafa'],
  ['Youssef', 'Yusuf', 'Joesoef', 'Yousef', 'Youssouf'],
  ['Maria', 'Marie', 'Ria', 'Mies', 'Marieke', 'Mia', 'Mariëlle', 'Mariëtte', 'Marja', 'Mary', 'Mieke', 'Rie'],
  ['Johanna', 'Jo', 'Hanna', 'Hannah', 'Annie', 'Joke', 'Hannie', 'Jopie', 'Jans', 'Janny', 'Jannie', 'Hanneke', 'Anneke'],
  ['Cornelia', 'Corrie', 'Cor', 'Nel', 'Cora', 'Lia', 'Cokkie', 'Neeltje'],
  ['Hendrika', 'Riek', 'Henny', 'Rika', 'Riekje', 'Hennie', 'Ina', 'Rieky', 'Hendrina'],
  ['Wilhelmina', 'Willemien', 'Mien', 'Wil', 'Mina', 'Mientje', 'Wilma', 'Willy', 'Minke', 'Willemijn'],
  ['Elisabeth', 'Els', 'Lies', 'Bep', 'Betty', 'Elise', 'Lisa', 'Liesbeth', 'Elsje', 'Bettie', 'Elizabeth', 'Liza', 'Beppie', 'Lisette', 'Liesje'],
  ['Catharina', 'Karin', 'Tineke', 'Trees', 'Toos', 'Ine', 'Rina', 'Kitty', 'Katja', 'Catherine', 'Katrien', 'Cato', 'Tiny'],
  ['Geertruida', 'Truus', 'Geertje', 'Ida', 'Trudy', 'Truida', 'Trudie', 'Gertrude'],
  ['Adriana', 'Ada', 'Jannie', 'Adrie', 'Ria', 'Adrienne', 'Janna'],
  ['Petronella', 'Nel', 'Nelleke', 'Ellie', 'Nelly', 'Pietje', 'Nella'],
  ['Jacoba', 'Coby', 'Co', 'Jacqueline', 'Jaqueline', 'Koosje', 'Bep', 'Jacky', 'Cobi', 'Coba'],
  ['Margaretha', 'Greet', 'Margriet', 'Grietje', 'Greetje', 'Margo', 'Gretha', 'Marga', 'Margreet', 'Margreeth', 'Grete', 'Magda'],
  ['Antonia', 'Toos', 'Toni', 'Annie', 'Tonny', 'Teuntje', 'Tonnie', 'Antoinette', 'Netty'],
  ['Theodora', 'Dora', 'Door', 'Thea', 'Doortje', 'Dorothea'],
  ['Gerarda', 'Gerda', 'Gerdie', 'Gerrie', 'Gerrietje', 'Ger', 'Gerritje'],
  ['Berendina', 'Dini', 'Dien', 'Dina', 'Dientje', 'Diny'],
  ['Everdina', 'Dinie', 'Evi', 'Dina', 'Diny'],
  ['Josephina', 'José', 'Fien', 'Josje', 'Fientje', 'Josephine', 'Jozefien', 'Jose'],
  ['Francisca', 'Cis', 'Francien', 'Fran', 'Sjaan', 'Francesca'],
  ['Bernardina', 'Dinie', 'Ina', 'Dientje', 'Bernadette', 'Diny'],
  ['Alida', 'Alie', 'Lida', 'Aleida', 'Aaltje', 'Aletta', 'Letty'],
  ['Christina', 'Stien', 'Tineke', 'Christa', 'Tina', 'Stientje', 'Christine', 'Kristel'],
  ['Helena', 'Lenie', 'Heleen', 'Leni', 'Lena', 'Helen', 'Leentje', 'Lenny', 'Helene', 'Leen'],
  ['Susanna', 'Suzanne', 'Sanne', 'Suus', 'Susan', 'Suze', 'Susanne', 'Zus'],
  ['Anna', 'Anne', 'Anneke', 'Annie', 'Ans', 'Anja', 'Annet', 'Annemieke', 'Anouk'],
  ['Magdalena', 'Lenie', 'Magda', 'Leny', 'Madelon'],
  ['Alexandra', 'Sandra', 'Alex', 'Sandy', 'Xandra'],
  ['Fatima', 'Fatma', 'Fatimah', 'Fatiha'],
  ['Aicha', 'Aisha', 'Ayse', 'Aïcha', 'Ayşe', 'Aischa'],
  ['Khadija', 'Hatice', 'Khadidja', 'Hadija'],
  ['Meryem', 'Mariam', 'Maryam', 'Meriem'],
];

/** Folded letters-only form of a name, the key of the lookup. */
const key = (name: string) => lettersOnly(fold(name));

const byName = new Map<string, number[]>();
const byPhonetic = new Map<string, number[]>();
NAME_GROUPS.forEach((group, id) => {
  for (const name of group) {
    const k = key(name);
    const list = byName.get(k) ?? [];
    if (!list.includes(id)) list.push(id);
    byName.set(k, list);
    const p = dutchPhonetic(k);
    const plist = byPhonetic.get(p) ?? [];
    if (!plist.includes(id)) plist.push(id);
    byPhonetic.set(p, plist);
  }
});

const NONE: readonly number[] = [];

/**
 * The groups a folded given name belongs to: by its spelling, else by its Dutch phonetic key
 * (so "Kees" and "Cees", or "Johanes" with one n, find their group). Empty when unknown.
 */
export function nameGroups(folded: string): readonly number[] {
  if (!folded) return NONE;
  const known = byName.get(folded);
  if (known) return known;
  if (folded.length < 3) return NONE;
  let found = misses.get(folded);
  if (found === undefined) {
    found = byPhonetic.get(dutchPhonetic(folded)) ?? NONE;
    // A bounded memo: names repeat, and prepare looks each up several times.
    if (misses.size >= 50_000) misses.clear();
    misses.set(folded, found);
  }
  return found;
}
const misses = new Map<string, readonly number[]>();

/** The canonical (first) name of a group, folded: nameGroups('hans') -> [0] -> 'johannes'. */
export function canonicalName(group: number): string {
  return CANONICAL[group]!;
}
const CANONICAL = NAME_GROUPS.map((g) => key(g[0]!));
