/**
 * Downloads of the figures: CSV and XLSX (one row per area, one column per figure) and the CBS-style long
 * format (one row per area × period × variable). The same answer as the dashboard, so the same protection;
 * text cells are made safe against spreadsheet formulas (the domain's veiligeCel), protected cells show
 * "<5", "x" or ".". Every export is audited ('cijfers.exporteren').
 */
import { celTekst, CIJFERS, csvDocument, LANGE_KOLOMMEN, langeRijCellen, naarLangFormaat, NEDERLAND_CODE, parsePeriode, veiligeCel, type Cel } from '@samenveilig/domain';
import writeXlsxFile from 'write-excel-file/node';
import type { Database } from '../db/database.js';
import type { Actor } from '@samenveilig/domain';
import type { AuditBase } from '../repositories/common.js';
import { cijfersVoor, INSTALLATIE, type CijfersAntwoord, type CijfersVraag } from './repository.js';

export const EXPORT_FORMATEN = ['csv', 'xlsx', 'cbs'] as const;
export type ExportFormaat = (typeof EXPORT_FORMATEN)[number];

export interface Download {
  bestandsnaam: string;
  contentType: string;
  inhoud: Buffer;
}

/** UTF-8 byte order mark: a spreadsheet then reads the CSV as UTF-8 (ë, é). */
const BOM = '\uFEFF';

const celWaarde = (c: Cel | undefined): string | number => (c && c.status === 'zichtbaar' ? c.waarde : celTekst(c ?? { status: 'nvt' }));

/** The table of an answer: a header and one row per area (the total first, then its parts). */
export function tabel(a: CijfersAntwoord): { kop: string[]; rijen: (string | number)[][] } {
  const kop = ['Gebied', 'Code', 'Soort gebied', 'Periode', ...CIJFERS.map((c) => c.naam)];
  const rij = (naam: string, code: string, soort: string, cijfers: Record<string, Cel>) => [naam, code, soort, a.periode.sleutel, ...CIJFERS.map((c) => celWaarde(cijfers[c.code]))];
  return {
    kop,
    rijen: [rij(a.gebied.naam, a.gebied.code, a.gebied.soort, a.totaal), ...a.delen.map((d) => rij(d.naam, d.code, d.soort, d.cijfers))],
  };
}

/** The RegioS code of an area in the long format: the CBS gemeentecode, our region id, or NL01. */
const regioS = (soort: string, code: string) => (soort === 'installatie' || code === INSTALLATIE ? NEDERLAND_CODE : code);

export async function exporteerCijfers(db: Database, actor: Actor, audit: AuditBase, vraag: CijfersVraag & { formaat: ExportFormaat }, now = new Date()): Promise<Download> {
  const a = await cijfersVoor(db, actor, audit, vraag, now, { actie: 'cijfers.exporteren', doel: `formaat ${vraag.formaat}` });
  const naam = `cijfers-${a.gebied.code}-${a.periode.sleutel}`;
  if (vraag.formaat === 'cbs') {
    const periode = parsePeriode(a.periode.sleutel)!;
    const rijen = naarLangFormaat([
      { regioS: regioS(a.gebied.soort, a.gebied.code), periode, cijfers: a.totaal },
      ...a.delen.map((d) => ({ regioS: regioS(d.soort, d.code), periode, cijfers: d.cijfers })),
    ]);
    return { bestandsnaam: `${naam}-cbs.csv`, contentType: 'text/csv; charset=utf-8', inhoud: Buffer.from(BOM + csvDocument([...LANGE_KOLOMMEN], rijen.map(langeRijCellen)), 'utf8') };
  }
  const t = tabel(a);
  if (vraag.formaat === 'csv') {
    return { bestandsnaam: `${naam}.csv`, contentType: 'text/csv; charset=utf-8', inhoud: Buffer.from(BOM + csvDocument(t.kop, t.rijen), 'utf8') };
  }
  // XLSX: numbers as numbers, every text an explicit string cell (never a formula), made safe like the CSV.
  const cel = (v: string | number) => (typeof v === 'number' ? { type: Number, value: v } : { type: String, value: String(veiligeCel(v)) });
  const data = [t.kop.map((k) => ({ type: String, value: String(veiligeCel(k)), fontWeight: 'bold' as const })), ...t.rijen.map((r) => r.map(cel))];
  const inhoud = await writeXlsxFile(data, { sheet: 'Cijfers' }).toBuffer();
  return { bestandsnaam: `${naam}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', inhoud };
}
