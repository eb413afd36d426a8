// PLACEHOLDER: replaced by the full reference data (see docs/reference-data.md).
import type { GemeenteRef, RegionRef } from './types.js';
export const REGIONS: readonly RegionRef[] = [
  { id: 'noord-veluwe-mijov', naam: 'Noord-Veluwe en Midden-IJssel/Oost-Veluwe', centrumgemeenteCode: 'GM0200', bron: 'seed 001' },
];
export const GEMEENTEN: readonly GemeenteRef[] = [
  { code: 'GM0200', naam: 'Apeldoorn', regionId: 'noord-veluwe-mijov', inwoners: 166000, inwonersPeildatum: '2024-01-01', inwonersBron: 'placeholder', postcodeRanges: [[7300, 7399]], woonplaatsen: ['Apeldoorn'] },
];
