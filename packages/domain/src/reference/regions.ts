/**
 * The five regions of the source documents and their gemeenten (today's municipal division).
 *
 * Sources (see docs/reference-data.md for the full account and how to update):
 * - membership: the seeds in /work/shared/seeds (section named per region below), adjusted for
 *   municipal mergers since the seed was written; seeds 000 and 004 name no list, so membership
 *   comes from public regional documents (named in the docs);
 * - codes: CBS gemeentecodes (GM + four digits), gemeentelijke indeling 2024;
 * - inhabitants: state on 1 January 2024; `inwonersBron` says per gemeente whether the figure is
 *   the CBS figure (StatLine 03759ned) or an estimate rounded to 100 that still has to be checked;
 * - postcode ranges: approximate four-digit ranges that lie in the gemeente; a village whose
 *   postcode is shared with a neighbouring gemeente is left out rather than guessed, so a postcode
 *   may match no gemeente, but never two;
 * - woonplaatsen: main place (largest kern or seat of the town hall) first, then the other
 *   principal kernen.
 */
import type { GemeenteRef, RegionRef } from './types.js';

export const REGIONS: readonly RegionRef[] = [
  { id: 'noord-veluwe-mijov', naam: 'Noord-Veluwe en Midden-IJssel/Oost-Veluwe', centrumgemeenteCode: 'GM0200', bron: 'seed 001' },
  { id: 'ijsselland', naam: 'IJsselland', centrumgemeenteCode: 'GM0193', bron: 'seed 002' },
  { id: 'arnhem-achterhoek', naam: 'Centraal Gelderland (Arnhem) en Achterhoek', centrumgemeenteCode: 'GM0202', bron: 'seed 003' },
  { id: 'gooi-en-vechtstreek', naam: 'Gooi en Vechtstreek', centrumgemeenteCode: 'GM0402', bron: 'seed 004' },
  { id: 'west-veluwe-vallei', naam: 'West Veluwe Vallei', centrumgemeenteCode: 'GM0228', bron: 'seed 000' },
];

const PEILDATUM = '2024-01-01';
/** CBS figure for 1 January 2024, checked against a publication that cites CBS. */
const CBS = 'CBS StatLine 03759ned, Bevolking op 1 januari 2024';
/** Best-knowledge estimate, rounded to 100; replace by the CBS figure when updating. */
const SCHATTING = 'Schatting, afgerond op 100 (te controleren met CBS StatLine 03759ned, 1 januari 2024)';

type Range = readonly [number, number];

function gemeente(
  code: string,
  naam: string,
  regionId: string,
  inwoners: number,
  inwonersBron: string,
  postcodeRanges: readonly Range[],
  woonplaatsen: readonly string[],
): GemeenteRef {
  return { code, naam, regionId, inwoners, inwonersPeildatum: PEILDATUM, inwonersBron, postcodeRanges, woonplaatsen };
}

const NV = 'noord-veluwe-mijov';
const IJ = 'ijsselland';
const AA = 'arnhem-achterhoek';
const GV = 'gooi-en-vechtstreek';
const WV = 'west-veluwe-vallei';

export const GEMEENTEN: readonly GemeenteRef[] = [
  // Noord-Veluwe en Midden-IJssel/Oost-Veluwe — seed 001, title page ("14 gemeenten") and ch. 1.
  // Noord-Veluwe: Elburg, Ermelo, Harderwijk, Hattem, Heerde, Nunspeet, Oldebroek, Putten.
  // Midden-IJssel/Oost-Veluwe: Apeldoorn, Brummen, Epe, Lochem, Voorst, Zutphen.
  gemeente('GM0200', 'Apeldoorn', NV, 167_800, SCHATTING, [[3888, 3888], [7300, 7349], [7360, 7364], [7370, 7373]], [
    'Apeldoorn', 'Beekbergen', 'Loenen', 'Ugchelen', 'Uddel', 'Lieren', 'Hoog Soeren',
  ]),
  gemeente('GM0213', 'Brummen', NV, 21_700, SCHATTING, [[6961, 6964], [6971, 6975]], ['Brummen', 'Eerbeek', 'Hall', 'Leuvenheim', 'Tonden']),
  gemeente('GM0230', 'Elburg', NV, 23_906, CBS, [[8081, 8086]], ['Elburg', "'t Harde", 'Doornspijk']),
  gemeente('GM0232', 'Epe', NV, 33_600, SCHATTING, [[8160, 8172]], ['Epe', 'Vaassen', 'Emst', 'Oene']),
  gemeente('GM0233', 'Ermelo', NV, 27_856, CBS, [[3850, 3853]], ['Ermelo', 'Speuld', 'Horst']),
  gemeente('GM0243', 'Harderwijk', NV, 49_387, CBS, [[3840, 3849]], ['Harderwijk', 'Hierden']),
  gemeente('GM0244', 'Hattem', NV, 12_500, SCHATTING, [[8050, 8052]], ['Hattem']),
  gemeente('GM0246', 'Heerde', NV, 19_100, SCHATTING, [[8180, 8182], [8190, 8194]], ['Heerde', 'Wapenveld', 'Veessen', 'Vorchten']),
  gemeente('GM0262', 'Lochem', NV, 34_100, SCHATTING, [[7211, 7218], [7240, 7245]], [
    'Lochem', 'Gorssel', 'Eefde', 'Epse', 'Harfsen', 'Laren', 'Barchem', 'Almen',
  ]),
  gemeente('GM0302', 'Nunspeet', NV, 29_072, CBS, [[8070, 8077]], ['Nunspeet', 'Elspeet', 'Vierhouten', 'Hulshorst']),
  gemeente('GM0269', 'Oldebroek', NV, 24_281, CBS, [[8091, 8097]], ['Wezep', 'Oldebroek', 'Hattemerbroek', 'Oosterwolde', "'t Loo"]),
  gemeente('GM0273', 'Putten', NV, 24_978, CBS, [[3880, 3882]], ['Putten', 'Huinen', 'Krachtighuizen']),
  gemeente('GM0285', 'Voorst', NV, 25_300, SCHATTING, [[7383, 7384], [7390, 7399]], [
    'Twello', 'Voorst', 'Wilp', 'Terwolde', 'Teuge', 'Klarenbeek', 'Empe',
  ]),
  gemeente('GM0301', 'Zutphen', NV, 48_800, SCHATTING, [[7201, 7207], [7231, 7232]], ['Zutphen', 'Warnsveld']),

  // IJsselland — seed 002, note 1 (11 gemeenten).
  gemeente('GM0193', 'Zwolle', IJ, 133_700, SCHATTING, [[8000, 8046]], ['Zwolle', 'Windesheim', 'Wijthmen']),
  gemeente('GM0148', 'Dalfsen', IJ, 29_300, SCHATTING, [[7711, 7711], [7720, 7722], [8151, 8151]], [
    'Dalfsen', 'Nieuwleusen', 'Lemelerveld', 'Hoonhorst', 'Oudleusen',
  ]),
  gemeente('GM0150', 'Deventer', IJ, 102_600, SCHATTING, [[7400, 7439]], [
    'Deventer', 'Bathmen', 'Diepenveen', 'Schalkhaar', 'Lettele', 'Okkenbroek',
  ]),
  gemeente('GM0160', 'Hardenberg', IJ, 62_400, SCHATTING, [[7691, 7692], [7701, 7707], [7770, 7799]], [
    'Hardenberg', 'Dedemsvaart', 'Gramsbergen', 'Bergentheim', 'Slagharen', 'Balkbrug', 'Lutten',
  ]),
  gemeente('GM0166', 'Kampen', IJ, 55_600, SCHATTING, [[8260, 8278]], [
    'Kampen', 'IJsselmuiden', 'Wilsum', 'Zalk', 'Grafhorst', 'Kamperveen', "'s-Heerenbroek",
  ]),
  gemeente('GM1773', 'Olst-Wijhe', IJ, 18_700, SCHATTING, [[8121, 8133], [8196, 8196]], ['Olst', 'Wijhe', 'Boskamp', 'Welsum', 'Den Nul']),
  gemeente('GM0175', 'Ommen', IJ, 18_200, SCHATTING, [[7730, 7739]], ['Ommen', 'Lemele', 'Vilsteren', 'Beerze']),
  gemeente('GM0177', 'Raalte', IJ, 38_600, SCHATTING, [[8100, 8111], [8141, 8141]], [
    'Raalte', 'Heino', 'Heeten', 'Broekland', 'Luttenberg', 'Mariënheem',
  ]),
  gemeente('GM0180', 'Staphorst', IJ, 17_900, SCHATTING, [[7950, 7955]], ['Staphorst', 'Rouveen', 'IJhorst']),
  gemeente('GM1708', 'Steenwijkerland', IJ, 44_900, SCHATTING, [[8330, 8335], [8355, 8356], [8375, 8378]], [
    'Steenwijk', 'Vollenhove', 'Giethoorn', 'Oldemarkt', 'Blokzijl', 'Sint Jansklooster', 'Willemsoord',
  ]),
  gemeente('GM1896', 'Zwartewaterland', IJ, 23_300, SCHATTING, [[8061, 8064], [8280, 8282]], ['Genemuiden', 'Hasselt', 'Zwartsluis']),

  // Centraal Gelderland (Arnhem) en Achterhoek — seed 003, annex 3 ("De vrouwenopvang voor de regio
  // Arnhem bestaat uit ..." and the two jeugdzorgregio's). The seed (2014) names 19 gemeenten; since
  // 2018 Rijnwaarden is part of Zevenaar, so 18 remain.
  gemeente('GM0202', 'Arnhem', AA, 167_600, SCHATTING, [[6800, 6846]], ['Arnhem', 'Schaarsbergen']),
  gemeente('GM0221', 'Doesburg', AA, 11_600, SCHATTING, [[6981, 6984]], ['Doesburg']),
  gemeente('GM0226', 'Duiven', AA, 25_900, SCHATTING, [[6920, 6924]], ['Duiven', 'Groessen', 'Loo']),
  gemeente('GM1705', 'Lingewaard', AA, 48_700, SCHATTING, [[6681, 6681], [6685, 6691], [6851, 6852]], [
    'Huissen', 'Bemmel', 'Gendt', 'Haalderen', 'Doornenburg', 'Angeren',
  ]),
  gemeente('GM1734', 'Overbetuwe', AA, 50_600, SCHATTING, [[6661, 6662], [6664, 6675]], [
    'Elst', 'Zetten', 'Heteren', 'Driel', 'Andelst', 'Randwijk', 'Herveld', 'Valburg', 'Hemmen',
  ]),
  gemeente('GM0274', 'Renkum', AA, 32_200, SCHATTING, [[6861, 6874]], ['Oosterbeek', 'Renkum', 'Heelsum', 'Doorwerth', 'Wolfheze', 'Heveadorp']),
  gemeente('GM0275', 'Rheden', AA, 44_000, SCHATTING, [[6880, 6883], [6950, 6957], [6991, 6994]], [
    'Velp', 'Rheden', 'Dieren', 'De Steeg', 'Ellecom', 'Laag-Soeren', 'Spankeren',
  ]),
  gemeente('GM0277', 'Rozendaal', AA, 1_700, SCHATTING, [[6891, 6891]], ['Rozendaal']),
  gemeente('GM0293', 'Westervoort', AA, 15_200, SCHATTING, [[6931, 6932]], ['Westervoort']),
  gemeente('GM0299', 'Zevenaar', AA, 45_500, SCHATTING, [[6900, 6917], [6986, 6988]], [
    'Zevenaar', 'Babberich', 'Giesbeek', 'Angerlo', 'Lathum', 'Lobith', 'Tolkamer', 'Pannerden', 'Spijk', 'Herwen', 'Aerdt',
  ]),
  gemeente('GM0197', 'Aalten', AA, 27_400, SCHATTING, [[7090, 7095], [7120, 7129]], ['Aalten', 'Dinxperlo', 'Bredevoort', 'IJzerlo', 'De Heurne']),
  gemeente('GM1859', 'Berkelland', AA, 44_600, SCHATTING, [[7150, 7161], [7260, 7275]], [
    'Borculo', 'Eibergen', 'Neede', 'Ruurlo', 'Beltrum', 'Rekken', 'Geesteren', 'Gelselaar', 'Haarlo',
  ]),
  gemeente('GM1876', 'Bronckhorst', AA, 37_500, SCHATTING, [[6996, 6999], [7020, 7025], [7220, 7227], [7233, 7234], [7250, 7256]], [
    'Hengelo', 'Zelhem', 'Vorden', 'Steenderen', 'Hummelo', 'Keijenborg', 'Halle', 'Baak', 'Toldijk', 'Bronkhorst', 'Drempt', 'Wichmond',
  ]),
  gemeente('GM0222', 'Doetinchem', AA, 59_500, SCHATTING, [[7000, 7011], [7031, 7031]], ['Doetinchem', 'Gaanderen', 'Wehl', 'Nieuw-Wehl']),
  gemeente('GM1955', 'Montferland', AA, 36_600, SCHATTING, [[6940, 6942], [7035, 7048]], [
    'Didam', "'s-Heerenberg", 'Zeddam', 'Beek', 'Loerbeek', 'Kilder', 'Stokkum', 'Azewijn', 'Braamt', 'Nieuw-Dijk', 'Lengel',
  ]),
  gemeente('GM1586', 'Oost Gelre', AA, 30_200, SCHATTING, [[7130, 7142]], [
    'Lichtenvoorde', 'Groenlo', 'Harreveld', 'Lievelde', 'Zieuwent', 'Mariënvelde', 'Vragender',
  ]),
  gemeente('GM1509', 'Oude IJsselstreek', AA, 40_100, SCHATTING, [[7050, 7089]], [
    'Ulft', 'Gendringen', 'Terborg', 'Varsseveld', 'Silvolde', 'Sinderen', 'Etten', 'Megchelen', 'Breedenbroek', 'Netterden',
  ]),
  gemeente('GM0294', 'Winterswijk', AA, 29_600, SCHATTING, [[7100, 7109]], ['Winterswijk', 'Meddo', 'Kotten', 'Huppel', 'Henxel', 'Ratum', 'Woold']),

  // Gooi en Vechtstreek — seed 004 (regional action programme of the Regio Gooi en Vechtstreek).
  // Members of the Regio: Blaricum, Eemnes, Gooise Meren, Hilversum, Huizen, Laren, Wijdemeren;
  // Weesp joined Amsterdam on 24 March 2022 and is left out.
  gemeente('GM0402', 'Hilversum', GV, 92_900, SCHATTING, [[1200, 1223]], ['Hilversum']),
  gemeente('GM0376', 'Blaricum', GV, 12_900, SCHATTING, [[1260, 1262]], ['Blaricum']),
  gemeente('GM0317', 'Eemnes', GV, 9_500, SCHATTING, [[3755, 3755]], ['Eemnes']),
  gemeente('GM1942', 'Gooise Meren', GV, 60_700, SCHATTING, [[1398, 1412]], ['Bussum', 'Naarden', 'Muiden', 'Muiderberg']),
  gemeente('GM0406', 'Huizen', GV, 41_600, SCHATTING, [[1270, 1277]], ['Huizen']),
  gemeente('GM0417', 'Laren', GV, 11_600, SCHATTING, [[1250, 1252]], ['Laren']),
  gemeente('GM1696', 'Wijdemeren', GV, 24_600, SCHATTING, [[1230, 1231], [1240, 1244], [1394, 1394]], [
    'Loosdrecht', 'Kortenhoef', 'Nederhorst den Berg', "'s-Graveland", 'Ankeveen', 'Breukeleveen',
  ]),

  // West Veluwe Vallei — seed 000 (action programme "Geweld hoort nergens thuis", centrumgemeente Ede).
  // The seed names no list; the regiovisie 2020-2024 was signed by Barneveld, Ede, Nijkerk,
  // Scherpenzeel and Wageningen.
  gemeente('GM0228', 'Ede', WV, 123_800, SCHATTING, [[6710, 6745], [6877, 6877]], [
    'Ede', 'Bennekom', 'Lunteren', 'Wekerom', 'Ederveen', 'Otterlo', 'Harskamp', 'De Klomp', 'Deelen',
  ]),
  gemeente('GM0203', 'Barneveld', WV, 62_592, CBS, [[3770, 3776], [3780, 3781], [3784, 3785], [3794, 3794], [3886, 3886]], [
    'Barneveld', 'Voorthuizen', 'Kootwijkerbroek', 'Garderen', 'Stroe', 'Kootwijk', 'Terschuur', 'De Glind', 'Zwartebroek',
  ]),
  gemeente('GM0267', 'Nijkerk', WV, 45_361, CBS, [[3860, 3864], [3871, 3871]], ['Nijkerk', 'Hoevelaken', 'Nijkerkerveen']),
  gemeente('GM0279', 'Scherpenzeel', WV, 10_300, SCHATTING, [[3925, 3925]], ['Scherpenzeel']),
  gemeente('GM0289', 'Wageningen', WV, 40_400, SCHATTING, [[6700, 6709]], ['Wageningen']),
];
