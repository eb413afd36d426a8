/**
 * Street names and (fictitious) organisation names for the synthetic data generator.
 * Street names are built from common Dutch stems and endings, so they exist in many places and
 * point to no one in particular.
 */

/** Complete street names that occur in almost every Dutch town. */
export const COMMON_STREETS: readonly string[] = [
  'Hoofdstraat', 'Dorpsstraat', 'Kerkstraat', 'Nieuwstraat', 'Molenstraat', 'Stationsweg', 'Stationsstraat', 'Schoolstraat',
  'Julianastraat', 'Wilhelminastraat', 'Beatrixstraat', 'Oranjestraat', 'Prins Bernhardlaan', 'Koningin Julianalaan',
  'Prinses Margrietstraat', 'Prins Hendrikstraat', 'Marktstraat', 'Markt', 'Brink', 'Kerkplein', 'Molenweg', 'Dijkweg',
  'Burgemeester Jansenlaan', 'Burgemeester de Withstraat', 'Nieuweweg', 'Oude Rijksweg', 'Grote Kerkstraat', 'Korte Kerkstraat',
  'Lange Nieuwstraat', 'Achterstraat', 'Veldweg', 'Zuiderzeestraatweg', 'Parkweg', 'Sportlaan', 'Industrieweg', 'Spoorstraat',
  "'s-Gravenweg", 'Emmalaan', 'Van Heemstralaan', 'Kastanjelaan', 'Ds. van Dijkweg', 'Karel Doormanstraat', 'Graaf Ottostraat',
];

/** Stems that combine with an ending: "Merel" + "straat". */
export const STREET_STEMS: readonly string[] = [
  'Eiken', 'Beuken', 'Linden', 'Berken', 'Kastanje', 'Esdoorn', 'Wilgen', 'Populieren', 'Iepen', 'Platanen',
  'Meidoorn', 'Hazelaar', 'Vlier', 'Seringen', 'Jasmijn', 'Rozen', 'Tulpen', 'Narcissen', 'Anjer', 'Lelie',
  'Klaver', 'Zonnebloem', 'Madelief', 'Korenbloem', 'Merel', 'Lijster', 'Vinken', 'Specht', 'Zwaluw', 'Reiger',
  'Kievit', 'Leeuwerik', 'Meeuwen', 'Uilen', 'Valken', 'Havik', 'Buizerd', 'Fazant', 'Patrijs', 'Roodborst',
  'Goudvink', 'Spreeuwen', 'Koekoek', 'Zwanen', 'Ooievaar', 'Molen', 'Kerk', 'School', 'Dorps', 'Haven',
  'Sluis', 'Brug', 'Dijk', 'Kade', 'Weide', 'Heide', 'Bos', 'Veld', 'Akker', 'Esch',
  'Hof', 'Kamp', 'Beek', 'Vaart', 'Wal', 'Zand', 'Duin', 'Polder', 'Enk', 'Hoeve',
  'Koren', 'Tarwe', 'Rogge', 'Gersten', 'Haver', 'Vlas', 'Rembrandt', 'Vermeer', 'Van Gogh', 'Mondriaan',
  'Frans Hals', 'Jan Steen', 'Vondel', 'Bilderdijk', 'Multatuli', 'Thorbecke', 'De Ruyter', 'Tromp', 'Piet Hein', 'Van Speijk',
  'Erasmus', 'Spinoza', 'Huygens', 'Lorentz', 'Kamerlingh Onnes', 'Mozart', 'Beethoven', 'Bach', 'Chopin', 'Schubert',
  'Händel', 'Haydn', 'Sweelinck', 'Beatrix', 'Juliana', 'Wilhelmina', 'Irene', 'Margriet', 'Christina', 'Maurits',
  'Saturnus', 'Jupiter', 'Mercurius', 'Orion', 'Poolster', 'Zuider', 'Noorder', 'Ooster', 'Wester', 'Zomer',
  'Winter', 'Lente', 'Herfst', 'Smeden', 'Bakkers', 'Kuipers', 'Schilders', 'Wevers', 'Touwslagers', 'Vissers',
  'IJssel', 'Rijn', 'Maas', 'Waal', 'Vecht', 'Berkel', 'Schipbeek', 'Dinkel', 'Regge', 'Eem',
];

export const STREET_ENDINGS: readonly string[] = [
  'straat', 'straat', 'straat', 'laan', 'laan', 'weg', 'weg', 'pad', 'hof', 'plein', 'singel', 'dreef', 'park', 'erf', 'gaarde', 'kade', 'steeg', 'veld',
];

/** Addition to a house number (huisnummertoevoeging). */
export const TOEVOEGINGEN: readonly (readonly [string, number])[] = [
  ['A', 30],
  ['B', 18],
  ['C', 5],
  ['1', 8],
  ['2', 7],
  ['3', 3],
  ['bis', 4],
  ['2-hoog', 5],
  ['3-hoog', 2],
  ['huis', 2],
  ['I', 2],
  ['II', 2],
  ['rd', 1],
  ['zw', 1],
];

/** Pleasant names that organisations in the social domain give themselves. */
export const ORG_NICE_NAMES: readonly string[] = [
  'De Regenboog', 'De Wegwijzer', 'Het Kompas', 'De Zonnewijzer', 'De Vlinder', 'De Springplank', 'Het Palet', 'De Horizon',
  'De Sterrenkijker', 'De Klimop', 'De Wereldwijzer', 'Het Anker', 'De Bron', 'De Fontein', 'De Kameleon', 'De Linde',
  'De Eik', 'Het Baken', 'De Kastanje', 'Het Klavertje', 'Zonnestraal', 'De Boomgaard', 'Het Kabouterhuis', 'De Dukdalf',
  'De Toekomst', 'Het Mozaïek', "'t Kinderrijk", 'De Vuurvogel', 'De Schakel', 'Het Lichtpunt', 'De Meander', 'Op Koers',
];

export const SCHOOL_KINDS: readonly string[] = ['Basisschool', 'OBS', 'CBS', 'Kindcentrum', 'SBO', 'Daltonschool', 'Montessorischool'];
export const SECONDARY_SCHOOL_KINDS: readonly string[] = ['College', 'Scholengemeenschap', 'Lyceum', 'Praktijkschool', 'Vakcollege'];

export const VT_OTHER_REGIONS: readonly string[] = [
  'Veilig Thuis Utrecht', 'Veilig Thuis Twente', 'Veilig Thuis Rotterdam Rijnmond', 'Veilig Thuis Amsterdam-Amstelland',
  'Veilig Thuis Haaglanden', 'Veilig Thuis Drenthe', 'Veilig Thuis Friesland', 'Veilig Thuis Brabant Noordoost', 'Veilig Thuis Flevoland',
];
