/**
 * Names of persons found in this browser tab, so the inzage page can say whom it is about.
 * Only in memory: never in the URL, storage or the page title (they end up in history and logs).
 */
import type { PrivacyPersoon } from './api';

const personen = new Map<string, PrivacyPersoon>();
const gebruikers = new Map<string, string>();

export function onthoudPersonen(lijst: readonly PrivacyPersoon[]): void {
  for (const p of lijst) personen.set(p.id, p);
}

export function bekendePersoon(id: string): PrivacyPersoon | undefined {
  return personen.get(id);
}

export function onthoudGebruiker(id: string, naam: string): void {
  gebruikers.set(id, naam);
}

export function bekendeGebruiker(id: string): string | undefined {
  return gebruikers.get(id);
}
