/**
 * The CBS-style long format: one row per area (CBS gemeentecode or region code) × period ×
 * variable, like the CBS StatLine tables (RegioS × Perioden × onderwerp). Variable names follow the
 * CBS Beleidsinformatie Veilig Thuis labels where the figures overlap (CIJFERS, docs/cijfers.md).
 */
import { CIJFERS, type Kerncijfers, type BeschermdeKerncijfers } from './kerncijfers.js';
import { celTekst, type Cel } from './onthulling.js';
import { cbsPeriodeCode, periodeSleutel, type Periode } from './periode.js';

/** CBS code of the Netherlands as a whole, for an installation-wide (national) total. */
export const NEDERLAND_CODE = 'NL01';

export interface LangeRij {
  /** CBS gemeentecode ("GM0200"), a region code, or NEDERLAND_CODE. */
  readonly regioS: string;
  /** CBS period code ("2025JJ00", "2025HJ02", "2025KW04"). */
  readonly perioden: string;
  /** Our period key ("2025", "2025-H2", "2025-K4"). */
  readonly periode: string;
  readonly variabele: string;
  /** Our figure code (CIJFERS). */
  readonly code: string;
  /** The value; null when hidden or not known. */
  readonly waarde: number | null;
  /** "" for a value; "<5", "x" or "." otherwise (CBS-like symbols). */
  readonly teken: string;
}

export interface LangeInvoer {
  readonly regioS: string;
  readonly periode: Periode;
  /** Raw figures (for roles that may see them) or protected ones (for aggregate-only roles). */
  readonly cijfers: Kerncijfers | BeschermdeKerncijfers;
}

function alsCel(v: number | null | Cel | undefined): Cel {
  if (v === null || v === undefined) return { status: 'nvt' };
  if (typeof v === 'number') return { status: 'zichtbaar', waarde: v };
  return v;
}

/** Rows in CIJFERS order, per input in input order. A code missing from the input is ".". */
export function naarLangFormaat(invoer: readonly LangeInvoer[]): LangeRij[] {
  const rijen: LangeRij[] = [];
  for (const i of invoer) {
    const perioden = cbsPeriodeCode(i.periode);
    const periode = periodeSleutel(i.periode);
    for (const c of CIJFERS) {
      const cel = alsCel((i.cijfers as Record<string, number | null | Cel>)[c.code]);
      rijen.push({
        regioS: i.regioS,
        perioden,
        periode,
        variabele: c.variabele,
        code: c.code,
        waarde: cel.status === 'zichtbaar' ? cel.waarde : null,
        teken: cel.status === 'zichtbaar' ? '' : celTekst(cel),
      });
    }
  }
  return rijen;
}

/** The column headers of the long format, in order. */
export const LANGE_KOLOMMEN = ['RegioS', 'Perioden', 'Periode', 'Variabele', 'Waarde', 'Teken'] as const;

/** A row as cells in LANGE_KOLOMMEN order (numbers stay numbers). */
export function langeRijCellen(r: LangeRij): (string | number)[] {
  return [r.regioS, r.perioden, r.periode, r.variabele, r.waarde ?? '', r.teken];
}
