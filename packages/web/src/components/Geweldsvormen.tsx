/**
 * Forms of violence (reference data): their Dutch names, and a keyboard-friendly choice grouped per
 * category. Each category is a closed <details>, so Tab passes the 40-odd checkboxes unless one is opened.
 */
import type { Geweldsvorm } from '../api';
import { Vinkjes } from './Velden';

/** "partnergeweld.psychisch" → "(Ex-)partnergeweld: psychisch geweld" */
export function geweldsvormNamen(lijst: readonly Geweldsvorm[]): Map<string, string> {
  const naamVan = new Map(lijst.map((g) => [g.code, g.naam]));
  const namen = new Map<string, string>();
  for (const g of lijst) {
    const categorie = g.categorie ? naamVan.get(g.categorie) : undefined;
    namen.set(g.code, categorie ? `${categorie}: ${g.naam.charAt(0).toLowerCase()}${g.naam.slice(1)}` : g.naam);
  }
  return namen;
}

export function GeweldsvormenKeuze({
  id,
  vormen,
  gekozen,
  onWijzig,
  fout,
}: {
  id: string;
  vormen: readonly Geweldsvorm[];
  gekozen: readonly string[];
  onWijzig: (codes: string[]) => void;
  fout?: string | undefined;
}) {
  const categorieen = vormen.filter((g) => g.categorie === null);
  return (
    <div id={id} className="sv-geweldsvormen">
      {categorieen.map((c) => {
        const codes = [c.code, ...vormen.filter((g) => g.categorie === c.code).map((g) => g.code)];
        const hier = gekozen.filter((g) => codes.includes(g));
        return (
          <details key={c.code} className="sv-uitklap" open={hier.length > 0}>
            <summary>
              {c.naam}
              {hier.length > 0 ? ` (${hier.length} gekozen)` : ''}
            </summary>
            <Vinkjes
              id={`${id}-${c.code.replace(/\./g, '-')}`}
              legenda={c.naam}
              fout={fout}
              keuzes={[
                { waarde: c.code, label: `${c.naam}, de precieze vorm is nog niet bekend` },
                ...vormen.filter((g) => g.categorie === c.code).map((g) => ({ waarde: g.code, label: g.naam })),
              ]}
              gekozen={hier}
              onWijzig={(nieuw) => onWijzig([...gekozen.filter((g) => !codes.includes(g)), ...nieuw])}
            />
          </details>
        );
      })}
    </div>
  );
}
