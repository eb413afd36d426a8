/**
 * Short Dutch descriptions (omschrijving) of synthetic contacts, composed of an opening that
 * fits the melder, a sentence about the situation and a closing that fits advies or melding.
 * Placeholders: {kind} {kindLft} {slachtoffer} {pleger} {plegerLft} {oudere} {oudereLft} {jongere} {jongereLft}
 * {woonplaats}; a template is used only when the persons its placeholders name exist.
 */
import type { Categorie } from '../categories.js';

export const OPENINGS: Readonly<Record<string, readonly string[]>> = {
  politie: [
    'Zorgmelding politie na inzet in de nacht.',
    'Politie is ter plaatse geweest na een 112-melding over geschreeuw in de woning.',
    'Zorgmelding uit de politieregistratie.',
    'Politie werd gebeld door buren vanwege harde ruzie.',
    'Na aangifte op het bureau is deze zorgmelding opgemaakt.',
  ],
  onderwijs: [
    'De leerkracht van {kind} neemt contact op.',
    'Intern begeleider van de school van {kind} belt.',
    'Mentor van {kind} ({kindLft} jaar) meldt zorgen.',
    'Aandachtsfunctionaris van de school neemt contact op.',
  ],
  leerplicht: ['Leerplichtambtenaar neemt contact op na veel ongeoorloofd verzuim van {kind}.', 'Leerplicht meldt zorgen rond {kind} ({kindLft} jaar).'],
  kinderopvang: ['Pedagogisch medewerker van de opvang van {kind} belt.', 'Locatiemanager kinderopvang meldt zorgen over {kind}.'],
  gezondheidszorg: [
    'Huisarts belt na een consult.',
    'Jeugdverpleegkundige van het consultatiebureau neemt contact op.',
    'SEH-arts meldt een opvallend letselpatroon.',
    'Wijkverpleegkundige neemt contact op.',
    'Verloskundige belt over zorgen rond de bevalling.',
  ],
  ggz: ['Behandelaar ggz neemt contact op.', 'Psycholoog van de cliënt belt na een gesprek.', 'Medewerker FACT-team meldt zorgen.'],
  jeugdzorg: ['Jeugdhulpverlener van het gezin neemt contact op.', 'Gezinsvoogd belt over een nieuwe zorg.', 'Ambulant hulpverlener meldt zorgen.'],
  'justitie-en-veiligheid': ['Reclasseringswerker van {pleger} neemt contact op.', 'Medewerker Zorg- en Veiligheidshuis belt.', 'Raadsonderzoeker meldt zorgen.'],
  'vt-andere-regio': ['Veilig Thuis uit een andere regio draagt over: het gezin is verhuisd naar {woonplaats}.'],
  'andere-organisatie': [
    'Medewerker van het sociaal wijkteam neemt contact op.',
    'Consulent schuldhulpverlening belt.',
    'Woonconsulent van de corporatie meldt zorgen na een huisbezoek.',
    'Maatschappelijk werker neemt contact op.',
  ],
  familie: ['Een familielid belt.', 'Oma van {kind} neemt contact op.', 'Zus van {slachtoffer} belt.', 'Een tante neemt contact op.'],
  buren: ['Buurvrouw belt.', 'Een buurman neemt contact op.', 'Iemand uit de straat belt.'],
  'betrokkene-zelf': ['{slachtoffer} belt zelf.', '{slachtoffer} neemt zelf contact op via de chat.', '{jongere} neemt zelf contact op.'],
  anoniem: ['Anonieme melder.', 'Melder wil anoniem blijven.'],
  overig: ['Een kennis van het gezin neemt contact op.', 'Sportcoach van {kind} belt.', 'Een collega van {slachtoffer} neemt contact op.'],
};

export const SITUATIONS: Readonly<Record<Categorie, readonly string[]>> = {
  km: [
    '{kind} ({kindLft} jaar) heeft opnieuw blauwe plekken op de armen en zegt dat een ouder boos werd.',
    '{kind} komt vaak zonder ontbijt en in vuile kleren op school; ouders zijn moeilijk bereikbaar.',
    'Er zijn al maanden harde ruzies tussen de ouders waar {kind} ({kindLft} jaar) bij is.',
    '{kind} vertelt over klappen thuis en is bang om naar huis te gaan.',
    'Zorgen over verwaarlozing: de woning is vervuild en {kind} krijgt geen medische zorg.',
    'De ouders zitten in een vechtscheiding; {kind} wordt tussen hen in gezet.',
    'Moeder is ernstig depressief en {kind} ({kindLft} jaar) zorgt voor de jongere kinderen.',
    '{kind} ({kindLft} jaar) heeft een verklaring voor het letsel die niet past bij de verwonding.',
  ],
  pg: [
    '{pleger} heeft {slachtoffer} tijdens een ruzie geslagen en gedreigd.',
    '{slachtoffer} wordt door de ex-partner gestalkt en bedreigd via berichten.',
    '{slachtoffer} vertelt dat {pleger} alles controleert en geld afneemt.',
    'Na een ruzie over de scheiding heeft {pleger} de deur ingetrapt.',
    'Er is sprake van wederzijds geweld tussen de partners; alcohol speelt een rol.',
    '{slachtoffer} heeft letsel aan het gezicht en durft niet naar huis.',
  ],
  oudm: [
    '{oudere} ({oudereLft} jaar) lijkt geld kwijt te raken; een familielid beheert de rekening.',
    'De mantelzorger van {oudere} is overbelast en reageert steeds agressiever.',
    '{oudere} heeft onverklaarbare blauwe plekken en is angstig bij bezoek.',
    '{oudere} krijgt niet de zorg die nodig is en zit vaak alleen zonder eten.',
  ],
  om: [
    '{pleger} ({plegerLft} jaar) slaat en bedreigt de moeder bij ruzies over geld en schermtijd.',
    'Ouders zijn bang voor {pleger}, die spullen vernielt en hen duwt.',
    '{pleger} ({plegerLft} jaar) eist geld en dreigt met geweld als het niet gegeven wordt.',
  ],
  sp: [
    '{jongere} ({jongereLft} jaar) vertelt dat zij in de zomer uitgehuwelijkt zal worden.',
    '{jongere} vreest voor achterlating in het land van herkomst tijdens de vakantie.',
    'Er zijn zorgen over eergerelateerd geweld: {jongere} wordt thuis streng gecontroleerd en bedreigd.',
    'Zorgen over een mogelijke besnijdenis van {jongere} tijdens een reis naar familie.',
  ],
  mh: [
    '{jongere} ({jongereLft} jaar) heeft een veel oudere vriend, nieuwe kleding en dure telefoons; vermoeden loverboyproblematiek.',
    '{jongere} is meerdere nachten weg geweest en wordt met een auto opgehaald.',
    'Vermoeden van seksuele uitbuiting van {jongere} via sociale media.',
  ],
  sg: [
    '{slachtoffer} vertelt over seksueel geweld door {pleger}.',
    '{slachtoffer} is na een feest seksueel misbruikt en wil geen aangifte doen.',
    '{slachtoffer} wordt door de partner gedwongen tot seksuele handelingen.',
  ],
};

export const CLOSINGS: Readonly<Record<'advies' | 'melding', readonly string[]>> = {
  advies: [
    'Melder vraagt advies over de volgende stappen in de meldcode.',
    'Vraag of een melding nodig is of dat de eigen hulp volstaat.',
    'Advies gegeven over het gesprek met de ouders.',
    'Melder wil weten hoe het gesprek aan te gaan.',
    'Besproken welke signalen nog nodig zijn om te melden.',
  ],
  melding: [
    'Melder schat de situatie in als onveilig en draagt de zorg over aan Veilig Thuis.',
    'Het gezin is op de hoogte van de melding.',
    'Ouders weten niet van de melding; melder vreest voor escalatie.',
    'Er is al hulp betrokken maar die is onvoldoende.',
    'Kinderen waren aanwezig tijdens het incident.',
    '',
  ],
};

export const ANONIEM_REDENEN: readonly string[] = [
  'Melder vreest voor de eigen veiligheid bij bekendmaking.',
  'Melder woont in hetzelfde kleine dorp en vreest represailles.',
  'Vastgelegd na overleg met de aandachtsfunctionaris: dreiging richting de melder.',
];
