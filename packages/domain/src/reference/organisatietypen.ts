/**
 * Types of organisation in the regional chain (keten), from DOMAIN.md "The actors" (seed 001 ch. 2,
 * seed 003 §2, seed 004); see docs/reference-data.md. Codes are stable: organisations in the
 * database refer to them, so never rename or remove a code, only add new ones.
 * Descriptions are one Dutch sentence at language level B1.
 */
import type { OrganisatietypeRef } from './types.js';

export const ORGANISATIETYPEN: readonly OrganisatietypeRef[] = [
  {
    code: 'veilig-thuis',
    naam: 'Veilig Thuis',
    omschrijving:
      'Het regionale advies- en meldpunt huiselijk geweld en kindermishandeling, dag en nacht bereikbaar voor slachtoffers, plegers, omstanders en professionals.',
  },
  {
    code: 'lokaal-team',
    naam: 'Lokaal (wijk)team',
    omschrijving:
      'Het team van de gemeente dat inwoners dichtbij helpt (ook gebiedsteam, CJG of toegangsteam) en na Veilig Thuis zicht houdt op veiligheid.',
  },
  {
    code: 'politie',
    naam: 'Politie',
    omschrijving: 'Grijpt in bij acuut geweld, maakt meldingen bij Veilig Thuis en bereidt een tijdelijk huisverbod voor.',
  },
  {
    code: 'openbaar-ministerie',
    naam: 'Openbaar Ministerie',
    omschrijving: 'Beslist of een pleger van huiselijk geweld wordt vervolgd en welke voorwaarden of straf daarbij horen.',
  },
  {
    code: 'reclassering',
    naam: 'Reclassering',
    omschrijving: 'Begeleidt en controleert verdachten en veroordeelde plegers en adviseert de rechter en het Openbaar Ministerie.',
  },
  {
    code: 'vrouwenopvang',
    naam: 'Vrouwenopvang',
    omschrijving:
      'Biedt slachtoffers en hun kinderen een veilige plek (nood-, crisis- en vervolgopvang) en ambulante hulp, zoals Moviera, Kadera of het Oranjehuis.',
  },
  {
    code: 'daderopvang',
    naam: 'Daderopvang',
    omschrijving: 'Biedt tijdelijk onderdak en hulp aan een pleger met een huisverbod die nergens anders heen kan.',
  },
  {
    code: 'centrum-seksueel-geweld',
    naam: 'Centrum Seksueel Geweld',
    omschrijving:
      'Helpt slachtoffers van seksueel geweld dag en nacht met medische, psychische en forensische zorg, vooral in de eerste 7 dagen.',
  },
  {
    code: 'zorg-en-veiligheidshuis',
    naam: 'Zorg- en Veiligheidshuis',
    omschrijving:
      'Brengt zorg- en strafpartners samen rond complexe situaties, bijvoorbeeld in de veiligheidskamer of het casusoverleg.',
  },
  {
    code: 'raad-voor-de-kinderbescherming',
    naam: 'Raad voor de Kinderbescherming',
    omschrijving: 'Onderzoekt of een kind beschermd moet worden en vraagt de kinderrechter zo nodig om een maatregel.',
  },
  {
    code: 'gecertificeerde-instelling',
    naam: 'Gecertificeerde instelling',
    omschrijving:
      'Voert een kinderbeschermingsmaatregel van de rechter uit, zoals ondertoezichtstelling of voogdij (jeugdbescherming en jeugdreclassering).',
  },
  {
    code: 'gemeente',
    naam: 'Gemeente',
    omschrijving:
      'Is wettelijk verantwoordelijk voor de aanpak van huiselijk geweld, maakt beleid, houdt toezicht op de meldcode en legt een tijdelijk huisverbod op.',
  },
  {
    code: 'onderwijs',
    naam: 'Onderwijs',
    omschrijving: 'Scholen en leerplicht, die signalen bij leerlingen opmerken en de meldcode moeten gebruiken.',
  },
  {
    code: 'huisarts',
    naam: 'Huisarts',
    omschrijving: 'De huisartsenpraktijk, die signalen opmerkt tijdens een consult en de meldcode moet gebruiken.',
  },
  {
    code: 'kinderopvang',
    naam: 'Kinderopvang',
    omschrijving: 'Kinderdagverblijf, buitenschoolse opvang of gastouder, die signalen bij jonge kinderen opmerken en de meldcode moeten gebruiken.',
  },
  {
    code: 'ggz',
    naam: 'Geestelijke gezondheidszorg (ggz)',
    omschrijving: 'Behandelt psychische problemen en trauma bij slachtoffers, plegers en kinderen, en moet de meldcode gebruiken.',
  },
  {
    code: 'ouderenzorg',
    naam: 'Ouderenzorg',
    omschrijving: 'Thuiszorg, verpleeghuizen en dagbesteding voor ouderen, die signalen van ouderenmishandeling opmerken en de meldcode moeten gebruiken.',
  },
  {
    code: 'jeugdhulp',
    naam: 'Jeugdhulp',
    omschrijving: 'Biedt hulp aan kinderen, jongeren en hun ouders bij opgroei- en opvoedproblemen, en moet de meldcode gebruiken.',
  },
  {
    code: 'overig',
    naam: 'Overige organisatie',
    omschrijving: 'Een andere organisatie in de keten, zoals een woningcorporatie, verslavingszorg, sportclub of vrijwilligersorganisatie.',
  },
];
