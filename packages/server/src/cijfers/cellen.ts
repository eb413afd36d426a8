/**
 * The precomputed cells (table cijfer_cel): per period (quarter, half year, year) and area (gemeente,
 * region, installation), every figure that does not depend on the moment of reading, counted in SQL from
 * the facts. Distinct counts (households, persons) and the median are computed per cell, so a cell never
 * needs to be added to another. What depends on the moment (meldingen past their deadline and not yet
 * assessed; whether the 12 months of recidivism have passed) is added when the cells are read.
 */
import { GEWELDSCATEGORIEEN, MELDER_GROEPEN, MELDER_SECTOREN, type PeriodeSoort } from '@samenveilig/domain';
import type { Queryable } from '../db/database.js';

export type Niveau = 'gemeente' | 'regio' | 'installatie';

/** The code of the whole installation. */
export const INSTALLATIE = 'nl';

/** Stored figures of one cell: codes of CIJFERS, and internal keys starting with "_". */
export type CelWaarden = Record<string, number | null>;

// Constant lists from the domain, inlined as SQL literals: check their shape once.
for (const v of [...MELDER_GROEPEN, ...GEWELDSCATEGORIEEN]) if (!/^[a-z0-9.-]+$/.test(v)) throw new Error(`cijfers: onverwachte code ${v}`);

/** The SQL expression of the period key of a quarter key column. */
function periodeExpr(soort: PeriodeSoort, kolom: string): string {
  if (soort === 'kwartaal') return kolom;
  if (soort === 'jaar') return `left(${kolom}, 4)`;
  return `left(${kolom}, 4) || '-H' || CASE WHEN right(${kolom}, 1) IN ('1', '2') THEN '1' ELSE '2' END`;
}

const GEBIED: Record<Niveau, string> = { gemeente: 'gemeente', regio: 'region_id', installatie: `'${INSTALLATIE}'` };
const REGIO_VAN: Record<Niveau, string> = { gemeente: 'min(region_id)', regio: 'region_id', installatie: 'NULL::text' };
const GROEP: Record<Niveau, string> = { gemeente: 'gemeente', regio: 'region_id', installatie: '' };

/** Which cells to count: a level, a kind of period, the quarters to read (null: all) and an area filter. */
export interface CelSelectie {
  niveau: Niveau;
  soort: PeriodeSoort;
  kwartalen: readonly string[] | null;
  /** Only these gemeenten (gemeente level) or regions (region level); null: all. */
  gebieden: readonly string[] | null;
}

function waar(sel: CelSelectie, kolom: string, params: unknown[]): string {
  const w = [`${kolom} IS NOT NULL`];
  if (sel.kwartalen) {
    params.push(sel.kwartalen);
    w.push(`${kolom} = ANY($${params.length}::text[])`);
  }
  if (sel.gebieden && sel.niveau !== 'installatie') {
    params.push(sel.gebieden);
    w.push(`${sel.niveau === 'gemeente' ? 'gemeente' : 'region_id'} = ANY($${params.length}::text[])`);
  }
  return w.join(' AND ');
}

const groupBy = (niveau: Niveau) => (GROEP[niveau] ? `GROUP BY 1, ${GROEP[niveau]}` : 'GROUP BY 1');

export interface TelCel {
  periode: string;
  code: string;
  regionId: string | null;
  waarden: CelWaarden;
}

/** Counts the cells of a selection from the facts. Cells without any fact are absent (all zero). */
export async function telCellen(tx: Queryable, sel: CelSelectie): Promise<TelCel[]> {
  const cellen = new Map<string, TelCel>();
  const cel = (periode: string, code: string, regionId: string | null) => {
    const k = `${periode}|${code}`;
    let c = cellen.get(k);
    if (!c) {
      c = { periode, code, regionId, waarden: {} };
      cellen.set(k, c);
    }
    if (regionId && !c.regionId) c.regionId = regionId;
    return c;
  };
  const gebied = GEBIED[sel.niveau];
  const regio = REGIO_VAN[sel.niveau];

  // Meldingen: every count by melding moment, distinct households, the two middle values of the median.
  {
    const params: unknown[] = [];
    const w = waar(sel, 'melding_kwartaal', params);
    const groepen = MELDER_GROEPEN.map((g, i) => `count(*) FILTER (WHERE melder_groep = '${g}') AS m${i}`).join(', ');
    const geweld = GEWELDSCATEGORIEEN.map((g, i) => `count(*) FILTER (WHERE '${g}' = ANY(geweld)) AS g${i}`).join(', ');
    const rows = (
      await tx.query<Record<string, string | number | null>>(
        `SELECT ${periodeExpr(sel.soort, 'melding_kwartaal')} AS periode, ${gebied} AS code, ${regio} AS region_id,
           count(*) AS meldingen, count(DISTINCT huishouden) AS huishoudens,
           count(*) FILTER (WHERE melding_soort = 'eerste-melding') AS eerste,
           count(*) FILTER (WHERE melding_soort = 'hermelding') AS her,
           count(*) FILTER (WHERE melding_soort = 'vervolgmelding') AS vervolg,
           ${groepen}, ${geweld},
           count(*) FILTER (WHERE beoordeeld_op IS NOT NULL) AS beoordeeld,
           count(*) FILTER (WHERE beoordeeld_op IS NOT NULL AND besluit = 'overdracht') AS overgedragen,
           count(*) FILTER (WHERE beoordeeld_op IS NOT NULL AND besluit IN ('vt-onderzoek', 'voorwaarden-en-vervolg')) AS vervolg_vt,
           count(*) FILTER (WHERE binnen_wettelijk) AS binnen_w,
           count(*) FILTER (WHERE binnen_regionaal) AS binnen_r,
           percentile_disc(0.5) WITHIN GROUP (ORDER BY doorlooptijd_ms) AS med_lo,
           percentile_disc(0.5) WITHIN GROUP (ORDER BY doorlooptijd_ms DESC) AS med_hi
         FROM cijfer_feit WHERE ${w} ${groupBy(sel.niveau)}`,
        params,
      )
    ).rows;
    for (const r of rows) {
      const c = cel(String(r.periode), String(r.code), (r.region_id as string | null) ?? null);
      const n = (k: string) => Number(r[k]);
      const v = c.waarden;
      v.meldingen = n('meldingen');
      v['unieke-huishoudens'] = n('huishoudens');
      v['eerste-meldingen'] = n('eerste');
      v.hermeldingen = n('her');
      v.vervolgmeldingen = n('vervolg');
      v['bekend-huishouden'] = n('her') + n('vervolg');
      MELDER_GROEPEN.forEach((g, i) => (v[`melder.${g}`] = n(`m${i}`)));
      v['melder.beroepskracht'] = MELDER_SECTOREN.reduce((s, sector) => s + v[`melder.beroepskracht.${sector}`]!, 0);
      GEWELDSCATEGORIEEN.forEach((g, i) => (v[`geweld.${g}`] = n(`g${i}`)));
      v.beoordeeld = n('beoordeeld');
      v.overgedragen = n('overgedragen');
      v['vervolg-door-vt'] = n('vervolg_vt');
      v['binnen-wettelijke-termijn'] = n('binnen_w');
      v['binnen-regionale-termijn'] = n('binnen_r');
      v._mediaan_lo = r.med_lo === null ? null : Number(r.med_lo);
      v._mediaan_hi = r.med_hi === null ? null : Number(r.med_hi);
    }
  }

  // Distinct persons named in the meldingen.
  {
    const params: unknown[] = [];
    const w = waar(sel, 'melding_kwartaal', params);
    const rows = (
      await tx.query<{ periode: string; code: string; region_id: string | null; personen: number }>(
        `SELECT ${periodeExpr(sel.soort, 'melding_kwartaal')} AS periode, ${gebied} AS code, ${regio} AS region_id, count(DISTINCT p) AS personen
         FROM cijfer_feit, unnest(personen) AS p WHERE ${w} ${groupBy(sel.niveau)}`,
        params,
      )
    ).rows;
    for (const r of rows) cel(r.periode, r.code, r.region_id).waarden['unieke-personen'] = Number(r.personen);
  }

  // Adviezen, by receipt.
  {
    const params: unknown[] = [];
    const w = waar(sel, 'advies_kwartaal', params);
    const rows = (
      await tx.query<{ periode: string; code: string; region_id: string | null; adviezen: number }>(
        `SELECT ${periodeExpr(sel.soort, 'advies_kwartaal')} AS periode, ${gebied} AS code, ${regio} AS region_id, count(*) AS adviezen
         FROM cijfer_feit WHERE ${w} ${groupBy(sel.niveau)}`,
        params,
      )
    ).rows;
    for (const r of rows) cel(r.periode, r.code, r.region_id).waarden.adviezen = Number(r.adviezen);
  }

  // Recidivism: per area the households whose first intervention in the period started there (the
  // domain's order: start, then melding moment, then id), and of those the ones reported again.
  {
    const params: unknown[] = [];
    const w = waar(sel, 'interventie_kwartaal', params);
    const partitie = GROEP[sel.niveau] ? `, ${GROEP[sel.niveau]}` : '';
    const rows = (
      await tx.query<{ periode: string; code: string; region_id: string | null; cohort: number; opnieuw: number }>(
        `SELECT periode, ${sel.niveau === 'installatie' ? `'${INSTALLATIE}'` : 'code'} AS code, ${sel.niveau === 'installatie' ? 'NULL::text' : 'min(region_id)'} AS region_id,
                count(*) AS cohort, count(*) FILTER (WHERE recidief) AS opnieuw
         FROM (SELECT DISTINCT ON (${periodeExpr(sel.soort, 'interventie_kwartaal')}${partitie}, huishouden)
                 ${periodeExpr(sel.soort, 'interventie_kwartaal')} AS periode, ${gebied} AS code, region_id, recidief
               FROM cijfer_feit WHERE ${w}
               ORDER BY ${periodeExpr(sel.soort, 'interventie_kwartaal')}${partitie}, huishouden, interventie_op, melding_op, contact_id) eerste
         GROUP BY periode${sel.niveau === 'installatie' ? '' : ', code'}`,
        params,
      )
    ).rows;
    for (const r of rows) {
      const c = cel(r.periode, r.code, r.region_id);
      c.waarden._recidive_cohort = Number(r.cohort);
      c.waarden._recidive_opnieuw = Number(r.opnieuw);
    }
  }
  return [...cellen.values()];
}

/** The quarter keys of a period key ("2025" → its four quarters). */
export function kwartalenVan(periode: string): string[] {
  const jaar = periode.slice(0, 4);
  if (periode.length === 4) return [1, 2, 3, 4].map((k) => `${jaar}-K${k}`);
  if (periode[5] === 'H') return periode[6] === '1' ? [`${jaar}-K1`, `${jaar}-K2`] : [`${jaar}-K3`, `${jaar}-K4`];
  return [periode];
}

/** The periods of each kind that hold these quarters. */
export function periodenVanKwartalen(kwartalen: Iterable<string>): Record<PeriodeSoort, string[]> {
  const k = new Set<string>();
  const h = new Set<string>();
  const j = new Set<string>();
  for (const q of kwartalen) {
    k.add(q);
    const jaar = q.slice(0, 4);
    h.add(`${jaar}-H${Number(q.slice(-1)) <= 2 ? 1 : 2}`);
    j.add(jaar);
  }
  return { kwartaal: [...k], halfjaar: [...h], jaar: [...j] };
}

/**
 * Recounts and replaces the cells of a level for these periods (of one kind) and areas (null: all of the
 * level). Stale cells of the selection are removed first, so a cell whose last fact went away disappears.
 */
export async function herberekenCellen(tx: Queryable, niveau: Niveau, soort: PeriodeSoort, perioden: readonly string[] | null, gebieden: readonly string[] | null, now: Date): Promise<number> {
  if (perioden && perioden.length === 0) return 0;
  if (gebieden && gebieden.length === 0) return 0;
  const kwartalen = perioden ? [...new Set(perioden.flatMap(kwartalenVan))] : null;
  const cellen = await telCellen(tx, { niveau, soort, kwartalen, gebieden });
  const params: unknown[] = [niveau];
  let w = `soort = $1`;
  if (perioden) {
    params.push(perioden);
    w += ` AND periode = ANY($${params.length}::text[])`;
  } else {
    // All periods of this kind.
    w += soort === 'jaar' ? ` AND length(periode) = 4` : soort === 'halfjaar' ? ` AND periode LIKE '%-H_'` : ` AND periode LIKE '%-K_'`;
  }
  if (gebieden && niveau !== 'installatie') {
    params.push(gebieden);
    w += ` AND code = ANY($${params.length}::text[])`;
  }
  await tx.query(`DELETE FROM cijfer_cel WHERE ${w}`, params);
  const soortNaam = niveau;
  for (let s = 0; s < cellen.length; s += 2_000) {
    const part = cellen.slice(s, s + 2_000);
    await tx.query(
      `INSERT INTO cijfer_cel (periode, soort, code, region_id, waarden, berekend_op)
       SELECT t.periode, $2, t.code, t.region_id, t.waarden, $3 FROM jsonb_to_recordset($1::jsonb) AS t(periode text, code text, region_id text, waarden jsonb)`,
      [JSON.stringify(part.map((c) => ({ periode: c.periode, code: c.code, region_id: c.regionId, waarden: c.waarden }))), soortNaam, now.toISOString()],
    );
  }
  return cellen.length;
}
