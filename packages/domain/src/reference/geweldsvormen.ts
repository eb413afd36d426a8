/**
 * Taxonomy of forms of violence in dependency relations (geweld in afhankelijkheidsrelaties).
 *
 * Sources: seed 001 fig. 2 ("Vormen van huiselijk geweld"), seed 002 annex 1 ("Definities") and
 * seed 003 §1.1 (definitions); see docs/reference-data.md. A category has `categorie: null`; a form
 * has the code `<categorie>.<form>`. Codes are stable: they are stored with every advies/melding,
 * so never rename or remove a code, only add new ones (or reword naam/omschrijving).
 * Descriptions are one Dutch sentence at language level B1.
 */
import type { GeweldsvormRef } from './types.js';

const categorie = (code: string, naam: string, omschrijving: string): GeweldsvormRef => ({ code, naam, categorie: null, omschrijving });
const vorm = (cat: string, sub: string, naam: string, omschrijving: string): GeweldsvormRef => ({
  code: `${cat}.${sub}`,
  naam,
  categorie: cat,
  omschrijving,
});

export const GEWELDSVORMEN: readonly GeweldsvormRef[] = [
  // (Ex-)partnergeweld — seed 001 fig. 2, seed 002 annex 1, seed 003 §1.1
  categorie(
    'partnergeweld',
    '(Ex-)partnergeweld',
    'Geweld door een partner of ex-partner, ook als zij niet (meer) samenwonen.',
  ),
  vorm('partnergeweld', 'lichamelijk', 'Lichamelijk geweld', 'De (ex-)partner slaat, schopt, duwt, knijpt of doet op een andere manier het lichaam pijn.'),
  vorm('partnergeweld', 'seksueel', 'Seksueel geweld', 'De (ex-)partner dwingt tot seks of seksuele handelingen die de ander niet wil.'),
  vorm(
    'partnergeweld',
    'psychisch',
    'Psychisch geweld',
    'De (ex-)partner bedreigt, vernedert, kleineert of beperkt de ander steeds, bijvoorbeeld in contact met familie of in geld.',
  ),
  vorm(
    'partnergeweld',
    'stalking',
    'Stalking (belaging)',
    'De (ex-)partner achtervolgt, bespiedt of benadert de ander steeds opnieuw terwijl die dat niet wil.',
  ),
  vorm(
    'partnergeweld',
    'online-seksuele-intimidatie',
    'Online seksuele intimidatie',
    'De (ex-)partner verspreidt seksuele foto’s of berichten van de ander of dreigt daarmee via internet of telefoon.',
  ),
  vorm(
    'partnergeweld',
    'complexe-scheiding',
    'Complexe scheiding (conflictscheiding)',
    'Ouders blijven tijdens of na de scheiding zo hevig ruziën dat zij en hun kinderen daar schade van hebben.',
  ),

  // Kindermishandeling — seed 001 fig. 2, seed 002 annex 1 (Jeugdwet), seed 003 §1.1
  categorie(
    'kindermishandeling',
    'Kindermishandeling',
    'Geweld of verwaarlozing door een ouder of andere volwassene van wie een kind (tot 18 jaar) afhankelijk is.',
  ),
  vorm('kindermishandeling', 'lichamelijk', 'Lichamelijke mishandeling', 'Een volwassene slaat, schopt, knijpt of verwondt een kind op een andere manier.'),
  vorm(
    'kindermishandeling',
    'psychisch',
    'Psychische (emotionele) mishandeling',
    'Een volwassene scheldt een kind steeds uit, bedreigt het, maakt het bang of wijst het af.',
  ),
  vorm(
    'kindermishandeling',
    'verwaarlozing',
    'Verwaarlozing',
    'Een kind krijgt niet de zorg, het eten, de kleding, de aandacht of de medische hulp die het nodig heeft.',
  ),
  vorm(
    'kindermishandeling',
    'getuige-huiselijk-geweld',
    'Getuige van huiselijk geweld',
    'Een kind ziet of hoort geweld tussen volwassenen in het gezin, en dat is voor het kind ook mishandeling.',
  ),
  vorm(
    'kindermishandeling',
    'seksueel-misbruik',
    'Seksueel misbruik',
    'Een volwassene of ouder kind doet seksuele dingen met een kind of laat een kind seksuele dingen doen.',
  ),
  vorm(
    'kindermishandeling',
    'ongeboren-kind',
    'Geweld tegen het ongeboren kind',
    'Het ongeboren kind loopt schade op, bijvoorbeeld door geweld tegen de zwangere moeder of door drugs- of alcoholgebruik.',
  ),
  vorm(
    'kindermishandeling',
    'shaken-baby',
    'Shaken baby syndroom',
    'Een baby (vaak 3 tot 8 maanden oud) wordt hard door elkaar geschud, wat ernstig hersenletsel kan geven.',
  ),
  vorm(
    'kindermishandeling',
    'kinderpornografie',
    'Kinderpornografie',
    'Iemand maakt, verspreidt of bezit seksuele beelden van een kind.',
  ),

  // Ouderenmishandeling — seed 001 fig. 2, seed 002 annex 1 (five kinds plus ontspoorde mantelzorg)
  categorie(
    'ouderenmishandeling',
    'Ouderenmishandeling',
    'Geweld, verwaarlozing of misbruik van een oudere (65 jaar of ouder) die afhankelijk is van de pleger.',
  ),
  vorm('ouderenmishandeling', 'lichamelijk', 'Lichamelijke mishandeling', 'Iemand slaat, duwt of knijpt een oudere of bindt de oudere vast zonder reden.'),
  vorm(
    'ouderenmishandeling',
    'psychisch',
    'Psychische mishandeling',
    'Iemand scheldt een oudere uit, bedreigt of negeert de oudere of let niet op diens privacy.',
  ),
  vorm(
    'ouderenmishandeling',
    'verwaarlozing',
    'Verwaarlozing',
    'Een oudere krijgt niet de zorg, het eten of de hulp die hij of zij nodig heeft.',
  ),
  vorm(
    'ouderenmishandeling',
    'financieel',
    'Financieel misbruik',
    'Iemand neemt zonder toestemming geld of spullen van een oudere of dwingt de oudere om te betalen.',
  ),
  vorm('ouderenmishandeling', 'seksueel', 'Seksueel misbruik', 'Iemand doet seksuele dingen met een oudere die dat niet wil of niet kan weigeren.'),
  vorm(
    'ouderenmishandeling',
    'ontspoorde-mantelzorg',
    'Ontspoorde mantelzorg',
    'Een overbelaste mantelzorger kan de zorg niet meer aan en doet de oudere daardoor (vaak onbedoeld) pijn of tekort.',
  ),

  // Oudermishandeling — seed 001 fig. 2, seed 002, seed 003 §1.1 ("geweld tegen ouders")
  categorie(
    'oudermishandeling',
    'Oudermishandeling',
    'Geweld van een (tiener)kind tegen een of beide ouders.',
  ),
  vorm('oudermishandeling', 'lichamelijk', 'Lichamelijk geweld', 'Een kind slaat, schopt of duwt een ouder of gooit met spullen naar een ouder.'),
  vorm('oudermishandeling', 'psychisch', 'Psychisch geweld', 'Een kind bedreigt, vernedert of maakt een ouder bang.'),
  vorm('oudermishandeling', 'financieel', 'Financieel misbruik', 'Een kind neemt geld of spullen van een ouder af of dwingt een ouder om te betalen.'),

  // Schadelijke (traditionele) praktijken — seed 001 fig. 2, seed 003 §1.1
  categorie(
    'schadelijke-praktijken',
    'Schadelijke (traditionele) praktijken',
    'Geweld dat gebeurt vanuit tradities of opvattingen over familie-eer, huwelijk of het lichaam.',
  ),
  vorm(
    'schadelijke-praktijken',
    'vrouwelijke-genitale-verminking',
    'Vrouwelijke genitale verminking (meisjesbesnijdenis)',
    'De uitwendige geslachtsdelen van een meisje of vrouw worden zonder medische reden beschadigd of verwijderd.',
  ),
  vorm(
    'schadelijke-praktijken',
    'huwelijksdwang',
    'Huwelijksdwang',
    'Iemand wordt onder druk gezet of gedwongen om te trouwen of om getrouwd te blijven.',
  ),
  vorm(
    'schadelijke-praktijken',
    'achterlating',
    'Achterlating',
    'Iemand wordt tegen de eigen wil achtergelaten in het land van herkomst en kan niet terug naar Nederland.',
  ),
  vorm(
    'schadelijke-praktijken',
    'eergerelateerd-geweld',
    'Eergerelateerd geweld',
    'Familie of gemeenschap gebruikt geweld omdat zij vinden dat iemand de eer van de familie heeft geschonden.',
  ),
  vorm(
    'schadelijke-praktijken',
    'gedwongen-zelfdoding',
    'Gedwongen zelfdoding',
    'Familie zet iemand zo onder druk dat die persoon zichzelf doodt, vaak om de eer van de familie te herstellen.',
  ),

  // Mensenhandel — seed 001 fig. 2 and annex 5 (jeugdprostitutie < 23 jaar)
  categorie(
    'mensenhandel',
    'Mensenhandel',
    'Iemand wordt geronseld, vastgehouden of gedwongen om te werken of diensten te leveren waar een ander aan verdient.',
  ),
  vorm(
    'mensenhandel',
    'loverboys',
    'Loverboys (pooierboys)',
    'Iemand maakt een jong persoon verliefd of afhankelijk en dwingt die daarna tot seks voor geld of ander werk.',
  ),
  vorm(
    'mensenhandel',
    'jeugdprostitutie',
    'Jeugdprostitutie',
    'Een jongere onder de 23 jaar heeft seks tegen betaling of een tegenprestatie, ook via grooming of sextortion.',
  ),
  vorm(
    'mensenhandel',
    'seksuele-uitbuiting',
    'Seksuele uitbuiting',
    'Iemand wordt gedwongen tot prostitutie of ander seksueel werk waar een ander aan verdient.',
  ),
  vorm(
    'mensenhandel',
    'arbeidsuitbuiting',
    'Arbeidsuitbuiting',
    'Iemand moet onder dwang of slechte omstandigheden werken voor weinig of geen loon.',
  ),
  vorm(
    'mensenhandel',
    'criminele-uitbuiting',
    'Criminele uitbuiting',
    'Iemand wordt gedwongen om strafbare feiten te plegen, zoals drugs vervoeren of stelen.',
  ),

  // Seksueel geweld — seed 001 (Centrum Seksueel Geweld), seed 002, seed 003 §1.1; also outside the household
  categorie(
    'seksueel-geweld',
    'Seksueel geweld',
    'Seksuele handelingen die iemand tegen de eigen wil moet ondergaan, binnen of buiten het gezin.',
  ),
  vorm(
    'seksueel-geweld',
    'verkrachting',
    'Verkrachting',
    'Iemand wordt gedwongen tot seks waarbij het lichaam wordt binnengedrongen.',
  ),
  vorm(
    'seksueel-geweld',
    'aanranding',
    'Aanranding',
    'Iemand wordt tegen de eigen wil seksueel betast of gedwongen tot andere seksuele handelingen.',
  ),
  vorm(
    'seksueel-geweld',
    'overig',
    'Ander seksueel grensoverschrijdend gedrag',
    'Andere seksuele handelingen of opmerkingen die iemand niet wil, zoals ongewenste seksuele berichten of exhibitionisme.',
  ),
];
