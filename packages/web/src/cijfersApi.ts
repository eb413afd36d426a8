/**
 * Typed access to the figures (docs/cijfers.md): GET /api/v1/cijfers for one area and period, and the
 * export links. The web app does not import the domain: labels and units come from `definities` in the answer.
 */
import { getJson, sendJson } from './api';
import { formatAantal, formatCijfer } from './format';

/** One cell of a figure: a number, or why it is not shown (disclosure control, or not applicable). */
export type Cel = { status: 'zichtbaar'; waarde: number } | { status: 'klein' } | { status: 'geheim' } | { status: 'nvt' };

export type PeriodeSoort = 'jaar' | 'halfjaar' | 'kwartaal';

export type Eenheid = 'aantal' | 'procent' | 'uren';

export interface CijferDefinitie {
  code: string;
  naam: string;
  eenheid: Eenheid;
  /** Variable name in the CBS-style export. */
  variabele: string;
  /** The CBS item it follows; null for a figure of our own. */
  cbs: string | null;
}

export interface CijferGebied {
  soort: 'installatie' | 'regio' | 'gemeente';
  code: string;
  naam: string;
}

export interface Cijfers {
  periode: { sleutel: string; soort: PeriodeSoort; naam: string; van: string; tot: string };
  gebied: CijferGebied;
  /** True when disclosure control applies (aggregate-only roles): small counts show as "<5", others as "x". */
  beschermd: boolean;
  /** True when visible counts are rounded to multiples of 5. */
  afronden: boolean;
  /** ISO moment up to which the figures include the records. */
  bijgewerktOp: string;
  definities: CijferDefinitie[];
  totaal: Record<string, Cel>;
  /** The parts of the area: the gemeenten of a region, the regions of the installation; empty for a gemeente. */
  delen: { soort: 'regio' | 'gemeente'; code: string; naam: string; cijfers: Record<string, Cel> }[];
  /** The same area over consecutive periods of the same kind, oldest first. */
  reeks: { periode: string; naam: string; cijfers: Record<string, Cel> }[];
}

/** The filters of the dashboard, as in the URL and the API: `regio` is a region id or "nl" (the installation). */
export interface CijferFilter {
  periode: string;
  regio: string;
  gemeente: string | null;
}

export type ExportFormaat = 'csv' | 'xlsx' | 'cbs';

/** "periode=2025&regio=…&gemeente=…" */
export function cijferQuery(f: CijferFilter): string {
  const q = new URLSearchParams({ periode: f.periode, regio: f.regio });
  if (f.gemeente) q.set('gemeente', f.gemeente);
  return q.toString();
}

/** The region's disclosure setting: round visible counts to multiples of 5 for aggregate-only roles. */
export interface CijferInstellingen {
  afronden: boolean;
  versie: number;
}

export const cijfersApi = {
  instellingen: () => getJson<CijferInstellingen>('/api/v1/beheer/instellingen/cijfers'),
  instellingenOpslaan: (body: CijferInstellingen) => sendJson<CijferInstellingen>('PUT', '/api/v1/beheer/instellingen/cijfers', body),
  cijfers: (f: CijferFilter) => getJson<Cijfers>(`/api/v1/cijfers?${cijferQuery(f)}`),
  exportUrl: (formaat: ExportFormaat, f: CijferFilter) => `/api/v1/cijfers/export?formaat=${formaat}&${cijferQuery(f)}`,
};

/* ------------------------------------------------------------------------------------------------
 * Showing a cell
 * ---------------------------------------------------------------------------------------------- */

/** The sign of a cell that is not shown, as in the exports and the CBS tables. */
export const TEKENS: Record<Exclude<Cel['status'], 'zichtbaar'>, string> = { klein: '<5', geheim: 'x', nvt: '.' };

/** The explanation of each sign, in plain Dutch (B1). */
export const TEKEN_UITLEG: Record<Exclude<Cel['status'], 'zichtbaar'>, string> = {
  klein: 'minder dan 5',
  geheim: 'afgeschermd zodat een klein aantal niet terug te rekenen is',
  nvt: 'niet van toepassing of nog niet bekend',
};

/** A number in the unit of its figure: "1.234", "45,3%", "12,5 uur". */
export function formatWaarde(waarde: number, eenheid: Eenheid): string {
  switch (eenheid) {
    case 'aantal':
      return formatAantal(waarde);
    case 'procent':
      return `${formatCijfer(waarde)}%`;
    case 'uren':
      return `${formatCijfer(waarde)} uur`;
  }
}

/** The text of a cell: the value with its unit, or "<5", "x" or ".". */
export function celTekst(cel: Cel | undefined, eenheid: Eenheid): string {
  if (!cel) return TEKENS.nvt;
  return cel.status === 'zichtbaar' ? formatWaarde(cel.waarde, eenheid) : TEKENS[cel.status];
}

/** The value of a cell for a chart; null when it is not shown (a gap in a line, no bar). */
export function celWaarde(cel: Cel | undefined): number | null {
  return cel?.status === 'zichtbaar' ? cel.waarde : null;
}
