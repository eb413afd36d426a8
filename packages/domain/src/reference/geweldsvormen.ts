// PLACEHOLDER: replaced by the full taxonomy.
import type { GeweldsvormRef } from './types.js';
export const GEWELDSVORMEN: readonly GeweldsvormRef[] = [
  { code: 'kindermishandeling', naam: 'Kindermishandeling', categorie: null, omschrijving: '' },
  { code: 'partnergeweld', naam: '(Ex-)partnergeweld', categorie: null, omschrijving: '' },
];
