/**
 * Dutch names for the synthetic data generator. Written for this project from general knowledge
 * of name frequencies in the Netherlands (order of the surname list: frequent first); they are
 * plain common names, never records of real persons.
 */

/** Surnames, roughly from most to least frequent; a tussenvoegsel is part of the string. */
export const NL_SURNAMES: readonly string[] = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer',
  'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer',
  'de Wit', 'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen',
  'van den Heuvel', 'van der Veen', 'van den Broek', 'de Bruijn', 'de Bruin', 'van der Heijden', 'Schouten', 'van Beek', 'Willems', 'van Vliet',
  'van de Ven', 'Hoekstra', 'Maas', 'Verhoeven', 'Koster', 'van Dam', 'van der Wal', 'Prins', 'Blom', 'Huisman',
  'Peeters', 'de Jonge', 'Kuipers', 'van Veen', 'Post', 'Kuiper', 'Veenstra', 'Kramer', 'van den Brink', 'Scholten',
  'van Wijk', 'Postma', 'Martens', 'Vink', 'de Ruiter', 'Timmermans', 'Groen', 'Gerritsen', 'Jonker', 'van Loon',
  'Boer', 'van der Velde', 'Willemsen', 'Smeets', 'de Lange', 'de Vos', 'Bosch', 'van Dongen', 'Schipper', 'de Koning',
  'van der Laan', 'Koning', 'van der Velden', 'Driessen', 'van Doorn', 'Hermans', 'Evers', 'van den Bosch', 'van der Meulen', 'Hofman',
  'Bosman', 'Wolters', 'Sanders', 'van der Horst', 'Mol', 'Kuijpers', 'Molenaar', 'van de Pol', 'de Leeuw', 'Verbeek',
  'Hoogendoorn', 'Dijkman', 'Brink', 'Claassen', 'Teunissen', 'Aarts', 'van Rijn', 'Bouwman', 'Lammers', 'Vermeer',
  'Wouters', 'van Wijngaarden', 'Verheijen', 'Kroon', 'Pieters', 'Verhagen', 'Zwart', 'Hoekman', 'van Dalen', 'Stam',
  'Beekman', 'Hendriksen', 'Dirks', 'Goossens', 'Boon', 'van Rooij', 'Mertens', 'Verschuren', 'Kamphuis', 'Heijnen',
  'Arts', 'Rutten', 'Linssen', 'van Es', 'Broekhuizen', 'Veldman', 'Meijers', 'Jaspers', 'van Gelder', 'Vonk',
  'van Os', 'Roos', 'Franken', 'Nijhuis', 'Hoogland', 'ter Horst', "van 't Hof", "in 't Veld", 'ten Brink', 'ter Haar',
  'ten Hove', 'van Zanten', 'Heemskerk', 'de Wilde', 'Kooistra', 'Bruins', 'Boersma', 'Terpstra', 'Wiersma', 'Sikkema',
  'Hofstra', 'Bijl', 'van Beers', 'Verbruggen', 'de Kok', 'Bouma', 'Wijnen', 'Tromp', 'van Vugt', 'Kuijper',
  'van Ham', 'Ruiter', 'Schreuder', 'Baas', 'Reijnders', 'Wagenaar', 'Pronk', 'Meulenbelt', 'van Schaik', 'van der Zee',
  'Verschoor', 'Sluiter', 'Kamp', 'Groenewegen', 'van Kampen', 'van der Ploeg', 'van Eck', 'Hoogeveen', 'Nieuwenhuis', 'Poot',
  'Bakx', 'Mathijssen', 'Oosterhuis', 'Buijs', 'Bleeker', 'Jongeneel', 'Heijmans', 'Gijsbers', 'van Bommel', 'Ploeg',
  'Klaassen', 'Hoffman', 'van der Steen', 'Laan', 'Geerts', 'Roelofs', 'Visscher', 'Kool', 'Witteveen', 'Dam',
  'van Ommen', 'Schaap', 'Hoogenboom', 'van der Wijk', 'Rijkers', 'van Wijnen', 'Dijk', 'Kroes', 'Brinkman', 'Schoenmaker',
  'Timmer', 'Elzinga', 'Hulshof', 'Kersten', 'Rietveld', 'de Ridder', 'Oostveen', 'Verweij', 'Doornbos', 'van der Pol',
  'Haverkamp', 'Nijland', 'Koopman', 'Oosting', 'Grootveld', 'Zijlstra', 'van Dort', 'Kleverlaan', 'Heuvelmans', 'Cornelissen',
  'Lambregts', 'van Herk', 'Spijkerman', 'Kleinjan', 'Hendrix', 'Veenhuizen', 'Lubbers', 'Overbeek', 'Schuurman', 'Stoffels',
  'van der Ven', 'Lindeman', 'Reinders', 'Wessels', 'Hol', 'Huijbregts', 'van Gils', 'Steenbergen', 'Oudshoorn', 'Hoek',
  'Dros', 'Bekkers', 'Rademaker', 'Zuidema', 'van Hout', 'Jongsma', 'Veldhuis', 'Bisschop', 'Ketelaar', 'Beerens',
  'Adriaanse', 'Eijkelenboom', 'van Noort', 'Tijssen', 'Roelofsen', 'Groenendijk', 'Spaan', 'Bruijnen', 'Hoving', 'Kwakman',
  'Ruijs', 'Donkers', 'Kemper', 'van der Bijl', 'Stevens', 'Knol', 'Sloot', 'Verkerk', 'Hogenboom', 'van Lith',
  'Snijders', 'van Veldhuizen', 'Westerhof', 'Lensink', 'Hamers', 'Zandbergen', 'Oldenburger', 'Kamminga', 'Siebelink', 'Mensink',
  'Wolterink', 'Nijenhuis', 'Lansink', 'Bruggink', 'Hulsbos', 'Klein Gunnewiek', 'Haverkort', 'Wesselink', 'Rouwenhorst', 'ten Dam',
  'te Riele', 'Olthof', 'Wilbrink', 'Kappert', 'Groot Nibbelink', 'Assink', 'Eshuis', 'Stegeman', 'Beumer', 'Schutte',
  'Hilberink', 'Pelgrom', 'Weenink', 'Berendsen', 'Heutink', 'Aalbers', 'van Essen', 'Vreman', 'Dorgelo', 'Zwiers',
  'van der Kolk', 'Hoevenaars', 'Brons', 'Pothoff', 'Schuttenbeld', 'Wolbers', 'Ruessink', 'Harbers', 'Horstink', 'Lubbinge',
  'van de Kamp', 'Vrielink', 'van Heerde', 'Kleinlugtenbelt', 'Marsman', 'Kok-de Vries', 'Huttinga', 'Meester', 'de Zwart', 'Pool',
  'van der Kooij', 'van Wezel', 'Verkaik', 'van Ravenzwaaij', 'Wijnberg', 'van Rossum', 'Doorn', 'Groeneveld', 'Hartog', 'Noordam',
  'Klein', 'Veerman', 'van Baal', 'van Velzen', 'de Rooij', 'Sijbrands', 'Feenstra', 'de Waal', 'van der Sluis', 'van Hees',
  'Kolkman', 'de Heer', 'Keijzer', 'van Amerongen', 'Mostert', 'Otten', 'van Straaten', 'Hagen', 'Rozendaal', 'van Eijk',
  "'t Hart", "van 't Zand", "op 't Hof", 'ter Beek', 'ten Cate', 'op den Kamp', 'van der Aa', 'van Ooijen', 'Blankenstein', 'Pijnenburg',
  'Gerrits', 'van Hulst', 'de Heus', 'Krijnen', 'de Mol', 'Lemmens', 'Coenen', 'Vossen', 'Hendrikx', 'Janssens',
  'Schoonderwoerd', 'van Kessel', 'Zeelenberg', 'van Daalen', 'Vlaar', 'Verhoef', 'van der Linde', 'Quist', 'Uijttewaal', 'IJzerman',
  'IJpelaar', 'van IJperen', 'Geurts', 'Thijssen', 'van Haaren', 'Nooijen', 'Ebbers', 'Reuvers', 'Derksen', 'Peerenboom',
];

/** Common Dutch tussenvoegsels, longest first (used to split "van der Meer"). */
export const TUSSENVOEGSELS: readonly string[] = [
  'van den', 'van der', "van 't", 'van de', "in 't", "op 't", 'op den', 'op de', 'in de', 'ter', 'ten', 'te', 'den', 'der', 'de', 'van', "'t",
];

/** Stems and endings for a long tail of plausible surnames ("Hofstede", "ter Brinke", "Veldkamp"). */
export const NL_SURNAME_STEMS: readonly string[] = [
  'Berg', 'Brink', 'Hof', 'Kamp', 'Veld', 'Hout', 'Wijk', 'Dijk', 'Meer', 'Beek', 'Bosch', 'Hoek', 'Horst', 'Laar', 'Zand',
  'Molen', 'Heide', 'Esch', 'Loo', 'Venne', 'Broek', 'Slot', 'Wind', 'Stroo', 'Eng', 'Haar', 'Bult', 'Koek', 'Kamer', 'Schut',
  'Hage', 'Roze', 'Linde', 'Eike', 'Wiel', 'Kolk', 'Vaart', 'Haven', 'Goor', 'Wold', 'Mars', 'Grift', 'Stee', 'Lamme', 'Dorre',
];
export const NL_SURNAME_ENDINGS: readonly string[] = [
  'man', 'mans', 'stra', 'inga', 'ink', 'sma', 'huis', 'kamp', 'ing', 'ma', 'stede', 'veld', 'hof', 'boer', 'beek', 'link', 'ers', 'ens', 'ema', 'ker',
];
export const NL_SURNAME_PREFIXES: readonly string[] = ['van de', 'van den', 'ter', 'ten', 'te', 'van'];

/** Given names by generation (birth year < 1960, 1960-1994, from 1995). */
export const NL_MALE_OLD: readonly string[] = [
  'Johannes', 'Cornelis', 'Hendrik', 'Jan', 'Pieter', 'Willem', 'Gerrit', 'Jacobus', 'Adrianus', 'Petrus',
  'Theodorus', 'Antonius', 'Franciscus', 'Gerardus', 'Hendrikus', 'Wilhelmus', 'Dirk', 'Klaas', 'Albert', 'Arie',
  'Bernardus', 'Lambertus', 'Martinus', 'Johan', 'Evert', 'Teunis', 'Hermanus', 'Gijsbert', 'Roelof', 'Harm',
  'Jacob', 'Marinus', 'Leendert', 'Abraham', 'Izaäk', 'Aart', 'Egbert', 'Frederik', 'Gerard', 'Henk',
  'Kees', 'Piet', 'Bertus', 'Jozef', 'Nicolaas', 'Wouter', 'Hubertus', 'Everhardus', 'Reinier', 'Anton',
];
export const NL_FEMALE_OLD: readonly string[] = [
  'Maria', 'Johanna', 'Cornelia', 'Anna', 'Hendrika', 'Wilhelmina', 'Elisabeth', 'Catharina', 'Geertruida', 'Adriana',
  'Petronella', 'Jacoba', 'Aaltje', 'Grietje', 'Neeltje', 'Gerritje', 'Hilletje', 'Trijntje', 'Geertje', 'Dirkje',
  'Margaretha', 'Antonia', 'Theodora', 'Gerarda', 'Berendina', 'Janna', 'Aleida', 'Bertha', 'Hendrina', 'Everdina',
  'Gerda', 'Willemijntje', 'Alida', 'Christina', 'Helena', 'Josephina', 'Francisca', 'Bernardina', 'Lena', 'Riek',
];
export const NL_MALE_MID: readonly string[] = [
  'Mark', 'Dennis', 'Jeroen', 'Martijn', 'Erik', 'Marco', 'Patrick', 'Sander', 'Bas', 'Robert',
  'Michel', 'Peter', 'Richard', 'Rob', 'Remco', 'Niels', 'Bart', 'Wouter', 'Arjan', 'Edwin',
  'Ronald', 'Frank', 'Vincent', 'Stefan', 'Maarten', 'Jasper', 'Tim', 'Kevin', 'Thomas', 'Ruud',
  'René', 'André', 'Mike', 'Sjoerd', 'Koen', 'Joost', 'Paul', 'Hans', 'Gert-Jan', 'Jan-Willem',
  'Michaël', 'Raymond', 'Marcel', 'Ferdi', 'Rick', 'Jordy', 'Danny', 'Roy', 'Jeffrey', 'Ivo',
  'Wessel', 'Gijs', 'Pim', 'Hidde', 'Teun', 'Rutger', 'Joris', 'Menno', 'Jochem', 'Ewout',
];
export const NL_FEMALE_MID: readonly string[] = [
  'Linda', 'Sandra', 'Monique', 'Patricia', 'Marieke', 'Esther', 'Anouk', 'Kim', 'Wendy', 'Nicole',
  'Ingrid', 'Chantal', 'Mirjam', 'Sanne', 'Anne', 'Sarah', 'Lisa', 'Manon', 'Femke', 'Marloes',
  'Ilse', 'Daniëlle', 'Joëlle', 'Priscilla', 'Miranda', 'Jolanda', 'Petra', 'Angelique', 'Saskia', 'Renée',
  'Noëlle', 'Inge', 'Judith', 'Annemarie', 'Marleen', 'Mariëlle', 'Ellen', 'Kirsten', 'Suzanne', 'Debby',
  'Natasja', 'Yvonne', 'Bianca', 'Mandy', 'Jessica', 'Melanie', 'Claudia', 'Marjolein', 'Ilona', 'Simone',
  'Astrid', 'Karin', 'Tamara', 'Romy', 'Iris', 'Eline', 'Loes', 'Hester', 'Maaike', 'Floortje',
];
export const NL_MALE_YOUNG: readonly string[] = [
  'Daan', 'Sem', 'Noah', 'Liam', 'Lucas', 'Finn', 'Levi', 'Luuk', 'Milan', 'Jesse',
  'Bram', 'Lars', 'Thijs', 'Tim', 'Ruben', 'Julian', 'Mees', 'Thomas', 'Sven', 'Max',
  'Gijs', 'Stijn', 'Sam', 'Jens', 'Tygo', 'Niek', 'Dex', 'Jayden', 'Kyan', 'Mats',
  'Siem', 'Hugo', 'Boaz', 'Teun', 'Olivier', 'Loïc', 'Raphaël', 'Joël', 'Gaël', 'Noé',
  'Jurre', 'Ties', 'Owen', 'Morris', 'Guus', 'Floris', 'Job', 'Quinten', 'Tijn', 'Ravi',
];
export const NL_FEMALE_YOUNG: readonly string[] = [
  'Emma', 'Julia', 'Sophie', 'Tess', 'Zoë', 'Mila', 'Sara', 'Anna', 'Eva', 'Lotte',
  'Fleur', 'Lieke', 'Noor', 'Nina', 'Evi', 'Isa', 'Saar', 'Yara', 'Liv', 'Nova',
  'Sanne', 'Femke', 'Roos', 'Jasmijn', 'Lynn', 'Maud', 'Fenna', 'Sofie', 'Lisa', 'Chloë',
  'Noa', 'Anaïs', 'Loïs', 'Naomi', 'Esmee', 'Demi', 'Britt', 'Kiki', 'Floor', 'Amber',
  'Iris', 'Hannah', 'Elin', 'Olivia', 'Feline', 'Juul', 'Benthe', 'Lizzy', 'Maëlle', 'Inaya',
];

/**
 * Formal (baptismal) given names and the call names (roepnamen) used for them; a person named
 * "Johannes Cornelis" is usually called Jan, Hans or Johan.
 */
export const ROEPNAMEN: Readonly<Record<string, readonly string[]>> = {
  Johannes: ['Jan', 'Hans', 'Johan', 'Joop'],
  Cornelis: ['Kees', 'Cor', 'Nelis'],
  Hendrik: ['Henk', 'Henk', 'Rik'],
  Hendrikus: ['Henk', 'Rikus', 'Hein'],
  Jacobus: ['Jaap', 'Koos', 'Jaco'],
  Adrianus: ['Adrie', 'Arie', 'Ad'],
  Petrus: ['Piet', 'Peter', 'Peer'],
  Theodorus: ['Theo', 'Dorus', 'Ruud'],
  Antonius: ['Anton', 'Toon', 'Ton'],
  Franciscus: ['Frans', 'Frank', 'Cis'],
  Gerardus: ['Gerard', 'Gert', 'Gerrit'],
  Wilhelmus: ['Wim', 'Willem', 'Pim'],
  Bernardus: ['Ben', 'Bernard', 'Bennie'],
  Lambertus: ['Bert', 'Lambert'],
  Martinus: ['Martin', 'Tinus', 'Mart'],
  Hermanus: ['Herman', 'Manus'],
  Nicolaas: ['Klaas', 'Nico', 'Niek'],
  Hubertus: ['Huub', 'Bert'],
  Everhardus: ['Evert', 'Eef'],
  Jozef: ['Jos', 'Sjef'],
  Izaäk: ['Izaäk', 'Sjaak'],
  Gijsbert: ['Gijs', 'Bert'],
  Maria: ['Marie', 'Ria', 'Mies', 'Marieke'],
  Johanna: ['Jo', 'Hanna', 'Annie', 'Joke'],
  Cornelia: ['Corrie', 'Cor', 'Nel'],
  Hendrika: ['Riek', 'Henny', 'Rika'],
  Wilhelmina: ['Willemien', 'Mien', 'Wil', 'Mina'],
  Elisabeth: ['Els', 'Lies', 'Bep', 'Betty'],
  Catharina: ['Karin', 'Tineke', 'Trees', 'Toos'],
  Geertruida: ['Truus', 'Geertje', 'Ida'],
  Adriana: ['Ada', 'Jannie', 'Adrie'],
  Petronella: ['Nel', 'Nelleke', 'Ellie'],
  Jacoba: ['Coby', 'Co', 'Jacqueline'],
  Margaretha: ['Greet', 'Margriet', 'Grietje'],
  Antonia: ['Toos', 'Toni', 'Annie'],
  Theodora: ['Dora', 'Door'],
  Gerarda: ['Gerda', 'Gerdie'],
  Berendina: ['Dini', 'Dien'],
  Everdina: ['Dinie', 'Evi'],
  Josephina: ['José', 'Fien'],
  Francisca: ['Cis', 'Francien'],
  Bernardina: ['Dinie', 'Ina'],
  Alida: ['Alie', 'Lida'],
  Christina: ['Stien', 'Tineke', 'Christa'],
  Helena: ['Lenie', 'Heleen'],
};
