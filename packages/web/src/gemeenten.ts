import type { Regio } from './api';
import type { Keuze } from './components/Velden';

/** The gemeenten of one region (all regions when `regioId` is null) as choices, sorted by name. */
export function gemeenteKeuzes(regios: Regio[], regioId: string | null): Keuze[] {
  const eigen = regioId ? regios.find((r) => r.id === regioId) : undefined;
  const gemeenten = eigen ? eigen.gemeenten : regios.flatMap((r) => r.gemeenten);
  const uniek = new Map(gemeenten.map((g) => [g.code, g.naam]));
  return [...uniek].sort((a, b) => a[1].localeCompare(b[1], 'nl')).map(([code, naam]) => ({ waarde: code, label: naam }));
}
