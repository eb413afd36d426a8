// PLACEHOLDER: replaced by the full list.
import type { OrganisatietypeRef } from './types.js';
export const ORGANISATIETYPEN: readonly OrganisatietypeRef[] = [
  { code: 'veilig-thuis', naam: 'Veilig Thuis', omschrijving: '' },
];
