/**
 * Invented Dutch texts of synthetic veiligheidsplannen and TOP-3 sessions: voorwaarden, afspraken,
 * the network around a household, matters with reasons per score, incidents and a short summary.
 * Written after the examples in seed 001 ch. 3 (the phases, "Oma haalt Julia en Tom voorlopig op")
 * and DOMAIN.md (voorwaarden + afspraken with consequences). No text describes a real person.
 *
 * Placeholders, filled from the household (a template is used only when all of its placeholders can be):
 * {pleger} {slachtoffer} {ouder} (an adult who is neither), {ouders} (the adults), {kind} {kinderen}
 * (children, named), {netwerk} (the first network member, e.g. "Oma Ans").
 * Themes: pg (ex-)partnergeweld, km kindermishandeling, oudm ouderenmishandeling, om oudermishandeling;
 * the other categories of the generator use the theme that fits their household.
 */
import type { Fase } from '@samenveilig/domain';

export type Thema = 'pg' | 'km' | 'oudm' | 'om';
const ALLE: readonly Thema[] = ['pg', 'km', 'oudm', 'om'];
const GEZIN: readonly Thema[] = ['pg', 'km'];

export interface VoorwaardeTekst {
  readonly tekst: string;
  readonly eigenaar: string;
  readonly gevolg: string;
  readonly themas: readonly Thema[];
}

export const VOORWAARDEN: readonly VoorwaardeTekst[] = [
  {
    tekst: 'Er wordt niet geslagen, geschopt of gedreigd waar de kinderen bij zijn.',
    eigenaar: '{ouders}',
    gevolg: 'Bij geweld belt {slachtoffer} 112; de casusregisseur meldt het dezelfde dag bij Veilig Thuis.',
    themas: GEZIN,
  },
  {
    tekst: '{pleger} komt alleen op afspraak naar het huis.',
    eigenaar: '{pleger}',
    gevolg: 'Komt {pleger} onaangekondigd, dan belt {slachtoffer} de politie en bespreekt de casusregisseur een contactverbod.',
    themas: ['pg'],
  },
  {
    tekst: 'Contact tussen {pleger} en {slachtoffer} over de kinderen loopt via {netwerk}.',
    eigenaar: '{netwerk}',
    gevolg: 'Lukt dat niet, dan regelt de casusregisseur een overdracht van de kinderen op een neutrale plek.',
    themas: ['pg'],
  },
  {
    tekst: 'Loopt de spanning op, dan gaat {pleger} de deur uit naar de afgesproken plek tot het rustig is.',
    eigenaar: '{pleger}',
    gevolg: 'Gebeurt dat niet, dan volgt dezelfde week een gesprek met de casusregisseur en het netwerk.',
    themas: ['pg', 'om'],
  },
  {
    tekst: 'De kinderen worden niet geslagen of op een andere manier lichamelijk gestraft.',
    eigenaar: '{ouders}',
    gevolg: 'Bij nieuwe signalen van school of opvang neemt de casusregisseur direct contact op met Veilig Thuis.',
    themas: ['km'],
  },
  {
    tekst: '{kind} gaat elke schooldag naar school; bij afwezigheid belt school dezelfde dag de casusregisseur.',
    eigenaar: '{ouders}',
    gevolg: 'Bij verzuim zonder reden gaat de casusregisseur op huisbezoek en wordt leerplicht ingeschakeld.',
    themas: ['km'],
  },
  {
    tekst: 'Er wordt geen alcohol of drugs gebruikt als de kinderen thuis zijn.',
    eigenaar: '{pleger}',
    gevolg: 'Bij gebruik vangt {netwerk} de kinderen op en volgt een gesprek over verslavingszorg.',
    themas: GEZIN,
  },
  {
    tekst: 'Er liggen in huis geen wapens of voorwerpen om mee te dreigen.',
    eigenaar: '{pleger}',
    gevolg: 'De casusregisseur vraagt de wijkagent om een controle.',
    themas: ['pg', 'om'],
  },
  {
    tekst: 'De kinderen hebben elke dag te eten, schone kleren en een eigen bed.',
    eigenaar: '{ouders}',
    gevolg: 'Ziet de opvang of school dat dit niet lukt, dan komt er dezelfde week extra hulp thuis.',
    themas: ['km'],
  },
  {
    tekst: '{slachtoffer} beslist zelf over het eigen geld, of een onafhankelijke bewindvoerder doet dat.',
    eigenaar: 'Casusregisseur',
    gevolg: 'Verdwijnt er geld, dan doet de bewindvoerder aangifte en wordt Veilig Thuis ingelicht.',
    themas: ['oudm'],
  },
  {
    tekst: '{slachtoffer} krijgt elke dag de zorg en medicijnen die nodig zijn.',
    eigenaar: '{pleger}',
    gevolg: 'Lukt dat niet, dan regelt de casusregisseur extra thuiszorg of respijtzorg.',
    themas: ['oudm'],
  },
  {
    tekst: '{pleger} gebruikt geen geweld tegen de ouders en vernielt niets in huis.',
    eigenaar: '{pleger}',
    gevolg: 'Bij geweld bellen de ouders 112 en bespreekt de casusregisseur een time-out buiten huis.',
    themas: ['om'],
  },
];

export interface AfspraakTekst {
  readonly fase: Fase;
  readonly wie: string;
  readonly wat: string;
  readonly gevolg: string;
  readonly bewijs?: string;
  readonly themas: readonly Thema[];
}

export const AFSPRAKEN: readonly AfspraakTekst[] = [
  // Directe veiligheid: the violence stops, now.
  {
    fase: 'directe-veiligheid',
    wie: '{netwerk}',
    wat: 'Haalt {kinderen} op bij school en brengt ze naar de andere ouder.',
    gevolg: 'Kan {netwerk} niet, dan regelt de casusregisseur met de ouders een andere vaste persoon.',
    bewijs: 'Bevestigd door {netwerk} en de school.',
    themas: ['pg', 'km'],
  },
  {
    fase: 'directe-veiligheid',
    wie: '{slachtoffer}',
    wat: 'Maakt met de casusregisseur een noodplan: wie je belt, waar je heen gaat en welke spullen klaarliggen.',
    gevolg: 'Zonder noodplan komt de casusregisseur binnen twee dagen op huisbezoek om het samen te maken.',
    bewijs: 'Het noodplan ligt bij {slachtoffer} en bij de casusregisseur.',
    themas: ['pg', 'oudm'],
  },
  {
    fase: 'directe-veiligheid',
    wie: '{pleger}',
    wat: 'Meldt zich aan voor een intake bij de ggz voor hulp bij agressie.',
    gevolg: 'Zonder aanmelding bespreekt de casusregisseur opschalen in het multidisciplinair overleg.',
    bewijs: 'Intakebrief van de ggz gezien.',
    themas: ['pg', 'km'],
  },
  {
    fase: 'directe-veiligheid',
    wie: 'Casusregisseur',
    wat: 'Informeert de school van {kind} en spreekt af wie zorgen doorgeeft (Handle with Care).',
    gevolg: 'Lukt het contact met school niet, dan neemt de teamleider het over.',
    bewijs: 'Gesprek met de intern begeleider gevoerd.',
    themas: ['pg', 'km'],
  },
  {
    fase: 'directe-veiligheid',
    wie: '{pleger}',
    wat: 'Levert de sleutel van de woning in bij {netwerk}.',
    gevolg: 'Gebeurt dat niet, dan laat {slachtoffer} het slot vervangen en betaalt {pleger} de kosten.',
    bewijs: 'Sleutel ligt bij {netwerk}.',
    themas: ['pg'],
  },
  {
    fase: 'directe-veiligheid',
    wie: '{slachtoffer}',
    wat: 'Vraagt via de vrouwenopvang een alarmknop (Aware) aan.',
    gevolg: 'Lukt de aanvraag niet, dan regelt de casusregisseur het samen met de opvang.',
    bewijs: 'Alarmknop is geplaatst.',
    themas: ['pg'],
  },
  {
    fase: 'directe-veiligheid',
    wie: '{ouders}',
    wat: 'Gaan met {kind} naar de huisarts om de blauwe plekken te laten bekijken.',
    gevolg: 'Zonder bezoek neemt de casusregisseur contact op met de huisarts en Veilig Thuis.',
    bewijs: 'Huisarts heeft het bezoek bevestigd.',
    themas: ['km'],
  },
  {
    fase: 'directe-veiligheid',
    wie: '{netwerk}',
    wat: 'Belt elke avond even met {slachtoffer} om te horen hoe het gaat.',
    gevolg: 'Neemt {slachtoffer} twee avonden niet op, dan gaat {netwerk} langs of belt de casusregisseur.',
    themas: ALLE,
  },
  {
    fase: 'directe-veiligheid',
    wie: '{pleger}',
    wat: 'Stopt met drinken en gaat naar een intake bij de verslavingszorg.',
    gevolg: 'Zonder intake gaat {pleger} niet meer alleen met de kinderen op stap.',
    bewijs: 'Intake bij de verslavingszorg heeft plaatsgevonden.',
    themas: GEZIN,
  },
  {
    fase: 'directe-veiligheid',
    wie: 'Thuiszorg',
    wat: 'Komt elke dag bij {slachtoffer} en let op blauwe plekken, eten en medicijnen.',
    gevolg: 'Ziet de thuiszorg iets zorgelijks, dan belt zij dezelfde dag de casusregisseur.',
    bewijs: 'Thuiszorg rapporteert wekelijks.',
    themas: ['oudm'],
  },
  {
    fase: 'directe-veiligheid',
    wie: '{pleger}',
    wat: 'Geeft de bankpas van {slachtoffer} af aan de bewindvoerder.',
    gevolg: 'Gebeurt dat niet, dan laat de bewindvoerder de pas blokkeren.',
    bewijs: 'Bewindvoerder heeft de pas ontvangen.',
    themas: ['oudm'],
  },
  {
    fase: 'directe-veiligheid',
    wie: '{pleger}',
    wat: 'Gaat bij boosheid naar {netwerk} voor een time-out in plaats van thuis te blijven.',
    gevolg: 'Lukt dat niet, dan zoekt de casusregisseur met de ouders een tijdelijke plek buiten huis.',
    themas: ['om'],
  },
  // Stabiele veiligheid: what makes new violence more likely.
  {
    fase: 'stabiele-veiligheid',
    wie: '{pleger}',
    wat: 'Rondt de training agressieregulatie af (twaalf bijeenkomsten).',
    gevolg: 'Stopt {pleger} voortijdig, dan bespreekt de casusregisseur met de reclassering wat nodig is.',
    bewijs: 'Certificaat van deelname gezien.',
    themas: ['pg', 'km', 'om'],
  },
  {
    fase: 'stabiele-veiligheid',
    wie: '{ouders}',
    wat: 'Volgen samen de cursus Ouderschap na scheiding.',
    gevolg: 'Gaat het niet samen, dan volgen ze de cursus elk apart.',
    bewijs: 'Aanwezigheid bevestigd door de cursusleider.',
    themas: ['pg'],
  },
  {
    fase: 'stabiele-veiligheid',
    wie: '{slachtoffer}',
    wat: 'Gaat naar de schuldhulpverlening van de gemeente voor een budgetplan.',
    gevolg: 'Zonder budgetplan gaat de casusregisseur mee naar het eerste gesprek.',
    bewijs: 'Budgetplan opgesteld.',
    themas: ALLE,
  },
  {
    fase: 'stabiele-veiligheid',
    wie: 'Casusregisseur',
    wat: 'Vraagt een urgentieverklaring aan zodat {slachtoffer} een eigen woning kan krijgen.',
    gevolg: 'Wordt de aanvraag afgewezen, dan zoekt de casusregisseur met de woningcorporatie een tijdelijke oplossing.',
    bewijs: 'Urgentieverklaring ontvangen.',
    themas: ['pg'],
  },
  {
    fase: 'stabiele-veiligheid',
    wie: '{ouders}',
    wat: 'Leggen de omgangsregeling op papier vast met hulp van een mediator.',
    gevolg: 'Lukt dat niet, dan vraagt de casusregisseur advies aan de Raad voor de Kinderbescherming.',
    bewijs: 'Ondertekende omgangsregeling.',
    themas: ['pg', 'km'],
  },
  {
    fase: 'stabiele-veiligheid',
    wie: 'Schoolmaatschappelijk werk',
    wat: 'Heeft elke twee weken een gesprek met {kind}.',
    gevolg: 'Mist {kind} twee gesprekken, dan nemen school en de casusregisseur contact op met de ouders.',
    themas: ['km', 'pg'],
  },
  {
    fase: 'stabiele-veiligheid',
    wie: '{ouders}',
    wat: 'Krijgen thuis opvoedondersteuning van het lokaal team, eens per week.',
    gevolg: 'Zeggen de ouders afspraken af, dan bespreekt de casusregisseur dat in het volgende gezinsgesprek.',
    themas: ['km', 'om'],
  },
  {
    fase: 'stabiele-veiligheid',
    wie: '{pleger}',
    wat: 'Gaat twee dagen per week naar dagbesteding, zodat de zorg thuis lichter wordt.',
    gevolg: 'Lukt dat niet, dan zoekt de casusregisseur respijtzorg.',
    themas: ['oudm'],
  },
  // Duurzame veiligheid: recovery, and keeping it safe.
  {
    fase: 'duurzame-veiligheid',
    wie: '{ouders}',
    wat: 'Melden {kind} aan bij de jeugd-ggz voor traumabehandeling.',
    gevolg: 'Zonder aanmelding vraagt de casusregisseur de huisarts om een verwijzing.',
    bewijs: 'Intakedatum bij de jeugd-ggz bekend.',
    themas: ['pg', 'km'],
  },
  {
    fase: 'duurzame-veiligheid',
    wie: '{slachtoffer}',
    wat: 'Sluit zich aan bij een lotgenotengroep.',
    gevolg: 'Past de groep niet, dan zoekt de casusregisseur samen een andere vorm van steun.',
    themas: ['pg', 'oudm'],
  },
  {
    fase: 'duurzame-veiligheid',
    wie: '{netwerk}',
    wat: 'Blijft na het afschalen van de hulp het vaste aanspreekpunt als het weer spannend wordt.',
    gevolg: 'Kan {netwerk} dat niet meer, dan spreken de ouders een ander vast aanspreekpunt af.',
    themas: ALLE,
  },
  {
    fase: 'duurzame-veiligheid',
    wie: '{ouders}',
    wat: 'Bespreken elke maand met de casusregisseur hoe de omgang loopt.',
    gevolg: 'Loopt de omgang vast, dan komt er een extra gesprek met de mediator.',
    themas: ['pg', 'km'],
  },
  {
    fase: 'duurzame-veiligheid',
    wie: 'Casusregisseur',
    wat: 'Plant een evaluatie met het hele netwerk voordat de hulp wordt afgeschaald.',
    gevolg: 'Is niet iedereen er, dan wordt het afschalen uitgesteld.',
    themas: ALLE,
  },
  {
    fase: 'duurzame-veiligheid',
    wie: '{ouders}',
    wat: 'Maken samen met {kinderen} een signaleringsplan: wat zien we als het weer misgaat en wat doen we dan.',
    gevolg: 'Is het plan er niet, dan maakt de casusregisseur het in het laatste gezinsgesprek.',
    bewijs: 'Signaleringsplan hangt op de koelkast.',
    themas: ['km', 'om'],
  },
];

/** Toelichtingen of a version that updates afspraken after a review. */
export const REVIEW_TOELICHTINGEN: readonly string[] = [
  'Voortgang besproken in het gezinsgesprek.',
  'Afspraken bijgewerkt na het huisbezoek.',
  'Evaluatie met het gezin en het netwerk.',
  'Afspraken nagelopen met de betrokken hulpverleners.',
  'Bijgewerkt na het multidisciplinair overleg.',
];

export interface NetwerkRelatie {
  /** As it stands in the plan, e.g. "oma (moeders kant)". */
  readonly relatie: string;
  /** In a sentence: "Oma Ans". */
  readonly kort: string;
  readonly geslacht: 'man' | 'vrouw';
  /** Age in years, range. */
  readonly leeftijd: readonly [number, number];
  readonly themas: readonly Thema[];
}

export const NETWERK_RELATIES: readonly NetwerkRelatie[] = [
  { relatie: 'oma (moeders kant)', kort: 'Oma', geslacht: 'vrouw', leeftijd: [55, 75], themas: GEZIN },
  { relatie: 'oma (vaders kant)', kort: 'Oma', geslacht: 'vrouw', leeftijd: [55, 75], themas: GEZIN },
  { relatie: 'opa', kort: 'Opa', geslacht: 'man', leeftijd: [58, 78], themas: GEZIN },
  { relatie: 'tante', kort: 'Tante', geslacht: 'vrouw', leeftijd: [28, 55], themas: ['pg', 'km', 'om'] },
  { relatie: 'oom', kort: 'Oom', geslacht: 'man', leeftijd: [28, 55], themas: ['pg', 'km', 'om'] },
  { relatie: 'buurvrouw', kort: 'Buurvrouw', geslacht: 'vrouw', leeftijd: [30, 70], themas: ALLE },
  { relatie: 'buurman', kort: 'Buurman', geslacht: 'man', leeftijd: [30, 70], themas: ALLE },
  { relatie: 'vriendin', kort: 'Vriendin', geslacht: 'vrouw', leeftijd: [25, 50], themas: ['pg', 'km'] },
  { relatie: 'voetbaltrainer', kort: 'Trainer', geslacht: 'man', leeftijd: [25, 55], themas: ['km', 'om'] },
  { relatie: 'dochter', kort: 'Dochter', geslacht: 'vrouw', leeftijd: [40, 60], themas: ['oudm'] },
  { relatie: 'zoon', kort: 'Zoon', geslacht: 'man', leeftijd: [40, 60], themas: ['oudm'] },
  { relatie: 'vrijwilliger van de ouderenbond', kort: 'Vrijwilliger', geslacht: 'vrouw', leeftijd: [60, 75], themas: ['oudm'] },
];

/** What a network member does for safety. */
export const NETWERK_ROLLEN: Readonly<Record<Thema, readonly string[]>> = {
  pg: [
    'Vangt de kinderen op als het thuis spannend wordt.',
    'Eerste aanspreekpunt van {slachtoffer} als het misgaat; kent het noodplan.',
    'Haalt de kinderen op en brengt ze naar de andere ouder.',
    'Time-out plek voor {pleger} als de spanning oploopt.',
    'Gaat mee naar afspraken bij de rechtbank en de advocaat.',
  ],
  km: [
    'Vangt de kinderen op als het thuis spannend wordt.',
    'Let op signalen bij de kinderen en belt de casusregisseur bij zorgen.',
    'Haalt de kinderen twee keer per week uit school.',
    'Helpt de ouders in de ochtend met het klaarmaken voor school.',
  ],
  oudm: [
    'Komt elke week langs en let op hoe het met {slachtoffer} gaat.',
    'Neemt de boodschappen over zodat het geld bij {slachtoffer} blijft.',
    'Eerste aanspreekpunt van de thuiszorg.',
  ],
  om: [
    'Time-out plek voor {pleger} als de boosheid oploopt.',
    'Gaat samen met {pleger} sporten, twee keer per week.',
    'Eerste aanspreekpunt van de ouders als het thuis misgaat.',
  ],
};

export interface Top3OnderwerpTekst {
  readonly fase: Fase;
  readonly tekst: string;
  readonly themas: readonly Thema[];
  /** Children (8 and older) name this matter too. */
  readonly kinderen?: true;
  /** Reasons for a score of 1-2, 3-4 and 5-6, worded so that anyone at the table can give them. */
  readonly redenen: readonly [readonly string[], readonly string[], readonly string[]];
}

export const TOP3_ONDERWERPEN: readonly Top3OnderwerpTekst[] = [
  {
    fase: 'directe-veiligheid',
    tekst: 'Harde ruzies waar de kinderen bij zijn',
    themas: GEZIN,
    kinderen: true,
    redenen: [
      ['Vorige week was er weer harde ruzie terwijl de kinderen thuis waren.', 'De kinderen hoorden alles vanaf boven en waren bang.'],
      ['Er is nog ruzie, maar minder vaak en er gaat niets meer kapot.', 'Het gaat beter, maar harde stemmen maken de kinderen nog steeds bang.'],
      ['Al weken geen harde ruzie meer; bij spanning gaat iemand even naar buiten.', 'Het is rustig in huis en de kinderen merken dat.'],
    ],
  },
  {
    fase: 'directe-veiligheid',
    tekst: 'Drank bij spanning in huis',
    themas: ALLE,
    redenen: [
      ['Als er gedronken wordt, loopt het uit de hand.', 'In het weekend wordt er nog veel gedronken.'],
      ['Er wordt minder gedronken, maar nog niet helemaal niet.', 'Sinds de intake minder drank, nog wel af en toe.'],
      ['Al een paar maanden geen drank meer in huis.', 'Drank is geen probleem meer; de afspraak wordt nagekomen.'],
    ],
  },
  {
    fase: 'directe-veiligheid',
    tekst: 'Dreigen met geweld',
    themas: ['pg', 'om', 'oudm'],
    redenen: [
      ['Er werd gedreigd met geweld als er iets verteld zou worden.', 'De dreigementen via de telefoon gaan door.'],
      ['Er wordt niet meer gedreigd, maar de angst is er nog.', 'Af en toe nog een boze opmerking, geen echte dreiging.'],
      ['Er wordt niet meer gedreigd; er wordt weer normaal gepraat.', 'Geen dreiging meer sinds de afspraken.'],
    ],
  },
  {
    fase: 'directe-veiligheid',
    tekst: 'Onverwacht langskomen van de ex-partner',
    themas: ['pg'],
    redenen: [
      ['De ex-partner stond vorige week weer onaangekondigd voor de deur.', 'Bij elke bel aan de deur is er angst om open te doen.'],
      ['Bezoek gaat nu op afspraak, maar er wordt nog vaak gebeld.', 'Het ging één keer mis, verder wordt de afspraak nagekomen.'],
      ['Alle contact gaat nu via het netwerk en dat gaat goed.', 'Er komt niemand meer onverwacht langs.'],
    ],
  },
  {
    fase: 'directe-veiligheid',
    tekst: 'Overdracht van de kinderen bij de omgang',
    themas: ['pg', 'km'],
    kinderen: true,
    redenen: [
      ['Bij het ophalen ontstaat steeds ruzie waar de kinderen bij staan.', 'De kinderen huilen als ze weg moeten.'],
      ['De overdracht gaat via het netwerk, maar het blijft gespannen.', 'Meestal gaat het goed, soms nog een woordenwisseling.'],
      ['De overdracht gaat rustig via het netwerk.', 'De kinderen gaan graag en komen vrolijk terug.'],
    ],
  },
  {
    fase: 'directe-veiligheid',
    tekst: 'Lichamelijk straffen van de kinderen',
    themas: ['km'],
    kinderen: true,
    redenen: [
      ['Als het te veel wordt, krijgen de kinderen nog een klap.', 'School zag opnieuw een blauwe plek.'],
      ['Er wordt niet meer geslagen, wel nog hard geschreeuwd.', 'Het gaat vaker anders dan vroeger, maar nog niet altijd.'],
      ['Er wordt niet meer geslagen; de time-out werkt.', 'Geen signalen meer van school of opvang.'],
    ],
  },
  {
    fase: 'directe-veiligheid',
    tekst: 'Zorg voor de jongste kinderen: eten, kleding en toezicht',
    themas: ['km'],
    redenen: [
      ['De kinderen komen zonder ontbijt en in vieze kleren op school.', 'De jongste is vaak alleen thuis.'],
      ['Het gaat beter met eten en kleding, maar niet elke dag.', 'Met hulp uit het netwerk lukt het meestal.'],
      ['De kinderen zijn goed verzorgd, ook volgens school.', 'Er is een vast dagritme en dat lukt.'],
    ],
  },
  {
    fase: 'directe-veiligheid',
    tekst: 'Geld dat van de rekening verdwijnt',
    themas: ['oudm'],
    redenen: [
      ['Er is weer geld opgenomen zonder dat het bekend was.', 'Er is niet genoeg geld voor boodschappen.'],
      ['De bewindvoerder houdt het bij; er verdwijnt minder.', 'Nog één keer iets opgenomen, daarna niet meer.'],
      ['Het geld staat veilig; de bewindvoerder regelt alles.', 'Er verdwijnt niets meer.'],
    ],
  },
  {
    fase: 'directe-veiligheid',
    tekst: 'Overbelaste mantelzorger',
    themas: ['oudm'],
    redenen: [
      ['De mantelzorger is op en wordt snel boos bij elke vraag om hulp.', 'Er is geen moment rust, ook niet in de nacht.'],
      ['De thuiszorg neemt een deel over; het is iets rustiger.', 'Nog zwaar, maar er is nu een dag per week vrij.'],
      ['Met dagbesteding en thuiszorg is de zorg vol te houden.', 'Er is weer tijd voor rust en dat is te merken.'],
    ],
  },
  {
    fase: 'directe-veiligheid',
    tekst: 'Woede-uitbarstingen tegen de ouders',
    themas: ['om'],
    kinderen: true,
    redenen: [
      ['Vorige week ging er een deur kapot en werd een ouder geduwd.', 'De ouders zijn bang voor de boosheid.'],
      ['De boosheid is er nog, maar dan volgt een time-out op de eigen kamer of buiten.', 'Minder uitbarstingen, wel veel spanning.'],
      ['De time-out wordt gebruikt; er is geen geweld meer.', 'Het is weken rustig gebleven.'],
    ],
  },
  {
    fase: 'directe-veiligheid',
    tekst: 'Berichten en telefoontjes van de ex-partner',
    themas: ['pg'],
    redenen: [
      ['Elke dag tientallen berichten, ook midden in de nacht.', 'Via sociale media wordt in de gaten gehouden waar de ander is.'],
      ['Minder berichten sinds de afspraak, maar nog wel boze.', 'Af en toe nog een bericht dat niet over de kinderen gaat.'],
      ['Alleen nog berichten over de kinderen, via de afgesproken app.', 'Geen ongewenste berichten meer.'],
    ],
  },
  {
    fase: 'stabiele-veiligheid',
    tekst: 'Schulden en geldzorgen',
    themas: ALLE,
    redenen: [
      ['De schulden lopen op en dat geeft elke dag stress.', 'Er komen steeds aanmaningen binnen.'],
      ['Er is een budgetplan, maar het is nog krap.', 'De schuldhulp is gestart; het overzicht helpt.'],
      ['De schulden zitten in een regeling; er is rust.', 'Er is elke maand genoeg geld.'],
    ],
  },
  {
    fase: 'stabiele-veiligheid',
    tekst: 'Woonruimte: te klein en geen eigen plek',
    themas: ['pg', 'km'],
    kinderen: true,
    redenen: [
      ['Te veel mensen in een te kleine woning.', 'Er is nog geen eigen woning na de scheiding.'],
      ['Er is een urgentieverklaring; het wachten is op een woning.', 'Tijdelijk bij familie, dat is te doen.'],
      ['Er is een eigen woning en de kinderen hebben een eigen kamer.', 'De nieuwe woning geeft rust.'],
    ],
  },
  {
    fase: 'stabiele-veiligheid',
    tekst: 'Opvoeden zonder te schreeuwen',
    themas: ['km', 'om'],
    kinderen: true,
    redenen: [
      ['Bij drukte wordt er nog vaak geschreeuwd.', 'De ouders weten nog niet goed wat ze anders kunnen doen.'],
      ['De tips van de opvoedondersteuning helpen soms.', 'Het lukt vaker om rustig te blijven.'],
      ['Er is een vaste aanpak en die werkt.', 'Ook als het druk is, blijft het rustig.'],
    ],
  },
  {
    fase: 'stabiele-veiligheid',
    tekst: 'Schoolverzuim',
    themas: ['km', 'om'],
    kinderen: true,
    redenen: [
      ['Deze maand vaker niet dan wel op school.', 'School heeft leerplicht ingeschakeld.'],
      ['Het verzuim is minder, maar nog niet weg.', 'Met de afspraken met school gaat het beter.'],
      ['Elke dag op school.', 'Geen verzuim meer volgens school.'],
    ],
  },
  {
    fase: 'stabiele-veiligheid',
    tekst: 'Behandeling voor agressie',
    themas: ['pg', 'km', 'om'],
    redenen: [
      ['De behandeling is nog niet gestart; er is een wachtlijst.', 'De training is voortijdig gestopt.'],
      ['De training loopt en wordt meestal gevolgd.', 'Halverwege de behandeling; het helpt een beetje.'],
      ['De training is afgerond en wat er geleerd is, wordt gebruikt.', 'Spanning wordt nu op tijd herkend.'],
    ],
  },
  {
    fase: 'stabiele-veiligheid',
    tekst: 'Overleg tussen de ouders over de kinderen',
    themas: ['pg', 'km'],
    redenen: [
      ['Elk gesprek over de kinderen loopt uit op ruzie.', 'Er is geen overleg mogelijk.'],
      ['Met de mediator lukt het overleg soms.', 'Zakelijk overleg via de app gaat redelijk.'],
      ['De ouders maken samen afspraken over de kinderen.', 'Het overleg gaat rustig en zakelijk.'],
    ],
  },
  {
    fase: 'stabiele-veiligheid',
    tekst: 'Zware zorg thuis',
    themas: ['oudm'],
    redenen: [
      ['De zorg is te zwaar voor één persoon.', 'Er is geen hulp van buiten.'],
      ['Dagbesteding helpt, maar de nachten zijn zwaar.', 'Er is nu wat hulp, nog niet genoeg.'],
      ['De zorg is goed verdeeld en vol te houden.', 'Met respijtzorg gaat het goed.'],
    ],
  },
  {
    fase: 'duurzame-veiligheid',
    tekst: 'Verwerken van wat de kinderen hebben meegemaakt',
    themas: ['pg', 'km'],
    kinderen: true,
    redenen: [
      ['De kinderen slapen slecht en hebben nachtmerries.', 'De oudste praat er niet over en trekt zich terug.'],
      ['De behandeling is gestart; de kinderen praten er meer over.', 'Het gaat beter, maar sommige dingen blijven moeilijk.'],
      ['De kinderen slapen weer goed en zijn vrolijker.', 'De behandeling is afgerond.'],
    ],
  },
  {
    fase: 'duurzame-veiligheid',
    tekst: 'Vertrouwen tussen de ouders',
    themas: ['pg'],
    redenen: [
      ['Het vertrouwen is er nog niet; elke afspraak voelt spannend.', 'De angst dat het weer misgaat is groot.'],
      ['Het vertrouwen groeit, stap voor stap.', 'Afspraken worden nagekomen en dat helpt.'],
      ['Afspraken worden nagekomen; er is vertrouwen.', 'Er is rust tussen de ouders.'],
    ],
  },
  {
    fase: 'duurzame-veiligheid',
    tekst: 'Steun van familie en vrienden',
    themas: ALLE,
    kinderen: true,
    redenen: [
      ['Weinig contact met familie; het gezin staat er alleen voor.', 'Bijna niemand weet wat er speelt.'],
      ['Een paar mensen weten het nu en helpen mee.', 'Het netwerk is er, maar nog klein.'],
      ['Er is een vaste groep mensen om het gezin heen.', 'Iedereen weet wie ze kunnen bellen.'],
    ],
  },
  {
    fase: 'duurzame-veiligheid',
    tekst: 'Zelfvertrouwen en eigen regie',
    themas: ['pg', 'oudm'],
    redenen: [
      ['Eigen beslissingen nemen lukt nog niet.', 'Het voelt alsof alles nog door anderen wordt bepaald.'],
      ['Dingen worden weer zelf opgepakt, met hulp.', 'Meer zelfvertrouwen dan een half jaar geleden.'],
      ['Zaken worden zelf geregeld, met eigen plannen.', 'Er is weer werk en een eigen ritme.'],
    ],
  },
  {
    fase: 'duurzame-veiligheid',
    tekst: 'Terugval voorkomen na het afschalen van de hulp',
    themas: ALLE,
    redenen: [
      ['Zonder hulp is de angst groot dat het weer misgaat.', 'Nog niet duidelijk wat te doen als het weer spannend wordt.'],
      ['Er is een signaleringsplan, maar het is nog niet geoefend.', 'Ongeveer duidelijk wat er dan moet gebeuren.'],
      ['De signalen worden herkend en iedereen weet wie te bellen.', 'Het signaleringsplan werkt.'],
    ],
  },
];

/** Toelichtingen on a TOP-3 choice that differs from the proposal. */
export const KEUZE_TOELICHTINGEN: readonly string[] = [
  'het gezin wil eerst werken aan wat het zelf het belangrijkst vindt',
  'dit onderwerp hangt samen met de andere twee en pakken we daarom nu op',
  'de professionals zien hier het grootste risico',
];

export interface IncidentTekst {
  readonly omschrijving: string;
  readonly themas: readonly Thema[];
}

export const INCIDENTEN: readonly IncidentTekst[] = [
  { omschrijving: 'Harde ruzie over geld; {pleger} heeft een deur dichtgesmeten. Geen letsel, de kinderen sliepen.', themas: GEZIN },
  { omschrijving: '{pleger} stond onaangekondigd voor de deur en werd boos; {netwerk} is erbij gekomen en de situatie kalmeerde.', themas: ['pg'] },
  { omschrijving: '{kind} vertelde op school dat er thuis weer geschreeuwd en geduwd is.', themas: ['km', 'pg'] },
  { omschrijving: 'Na drankgebruik is {slachtoffer} door {pleger} geduwd; {slachtoffer} heeft het zelf gemeld bij het huisbezoek.', themas: ['pg'] },
  { omschrijving: 'Opnieuw geld opgenomen van de rekening van {slachtoffer}; de bewindvoerder heeft het ontdekt.', themas: ['oudm'] },
  { omschrijving: '{pleger} heeft in een woede-uitbarsting een raam vernield; de ouders hebben de wijkagent gebeld.', themas: ['om'] },
  { omschrijving: 'Bij het ophalen van de kinderen liep een ruzie op tot duwen, waar de kinderen bij waren.', themas: ['pg', 'km'] },
];

/** The first sentence of a plan's summary: what brought the household here. */
export const SAMENVATTING_AANLEIDING: Readonly<Record<Thema, readonly string[]>> = {
  pg: [
    'Na een zorgmelding van de politie over geweld van {pleger} tegen {slachtoffer} heeft Veilig Thuis de zorg overgedragen.',
    'Er is al langer spanning tussen {pleger} en {slachtoffer}; de laatste ruzie liep uit op geweld.',
    '{slachtoffer} heeft na de scheiding last van dreiging en onverwachte bezoeken van {pleger}.',
  ],
  km: [
    'School maakt zich zorgen over {kind}: blauwe plekken en een kind dat niet naar huis wil.',
    'Veilig Thuis heeft zorgen over de veiligheid van {kinderen} thuis en droeg de zorg over aan het lokaal team.',
    'De ouders raken bij spanning de controle kwijt; de kinderen krijgen dan klappen.',
  ],
  oudm: [
    '{slachtoffer} is afhankelijk van de zorg van {pleger}; die zorg is te zwaar geworden en er is geweld en geld verdwenen.',
    'De thuiszorg zag blauwe plekken bij {slachtoffer} en maakt zich zorgen over de geldzaken.',
  ],
  om: [
    '{pleger} is thuis steeds vaker agressief tegen de ouders; er ging al meermaals iets kapot.',
    'De ouders durven {pleger} bijna niets meer te vragen uit angst voor een uitbarsting.',
  ],
};

/** The second sentence: how things are now. */
export const SAMENVATTING_NU: readonly string[] = [
  '{pleger} woont tijdelijk bij familie.',
  'De ouders wonen sinds kort apart.',
  'Het gezin woont nog samen en wil dat het rustig blijft.',
  '{netwerk} helpt mee en is het vaste aanspreekpunt.',
  'Er is hulp gestart vanuit het lokaal team.',
];

/** The last sentence: what everyone wants. */
export const SAMENVATTING_DOEL: readonly string[] = [
  'Iedereen wil dat het geweld stopt en dat de kinderen zich thuis weer veilig voelen.',
  'Het doel is een huis zonder geweld en zonder dreiging.',
  'Samen werken we eerst aan directe veiligheid, daarna aan wat het geweld veroorzaakt.',
];

/** Toelichting of a check moment by Veilig Thuis, per outcome. */
export const CONTROLE_TOELICHTINGEN: Readonly<Record<'veilig' | 'zorgen' | 'onveilig', readonly string[]>> = {
  veilig: [
    'Gesproken met de casusregisseur en het gezin: geen nieuw geweld, de afspraken lopen.',
    'Politieregistratie nagekeken en casusregisseur gebeld: geen nieuwe incidenten, het plan wordt gevolgd.',
  ],
  zorgen: [
    'Geen nieuw geweld bekend, maar de hulp komt niet goed op gang; besproken met de casusregisseur.',
    'Afspraken uit het plan worden deels nagekomen; de casusregisseur houdt vinger aan de pols.',
  ],
  onveilig: ['Er is een nieuw incident bekend; met de casusregisseur afgesproken op te schalen.'],
};
