/**
 * An accessible bar chart in plain SVG, in the style of LijnGrafiek: a title and a description for screen
 * readers, horizontal bars with the name above each bar and its number written beside it (never colour or
 * length alone), and the same numbers as a table right below it. A value that is not shown (null) gets no bar,
 * only its sign ("<5", "x", ".") in the place of the bar.
 */
import { TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useId, type ReactNode } from 'react';
import { Tabel } from './Tabel';

export interface Staaf {
  naam: string;
  /** The length of the bar; null for no bar. */
  waarde: number | null;
  /** The number as shown beside the bar and in the table (with its unit, or "<5", "x", "."). */
  tekst: string;
  /** The row header in the table, e.g. a link; default the name. */
  kop?: ReactNode;
}

const BREEDTE = 480;
const MARGE = { links: 22, rechts: 64, boven: 8, onder: 30 };
const RIJ = 34;
const NAAM_MAX = 60;

const kort = (naam: string) => (naam.length > NAAM_MAX ? `${naam.slice(0, NAAM_MAX - 1)}…` : naam);

export function StaafGrafiek({
  titel,
  beschrijving,
  staven,
  max,
  stappen,
  xTekst = String,
  tabelTitel,
  eersteKolom,
  waardeKolom,
  onderschrift,
}: {
  titel: string;
  /** What the chart shows, in words, for screen readers (the table has the numbers). */
  beschrijving: string;
  staven: Staaf[];
  /** The value at the right end of the axis. */
  max: number;
  /** Values with a grid line and a label. */
  stappen: number[];
  xTekst?: (waarde: number) => string;
  tabelTitel: string;
  eersteKolom: string;
  waardeKolom: string;
  /** Shown between the chart and the table. */
  onderschrift?: ReactNode;
}) {
  const id = useId();
  const hoogte = MARGE.boven + staven.length * RIJ + MARGE.onder;
  const breed = BREEDTE - MARGE.links - MARGE.rechts;
  const x = (v: number) => MARGE.links + (max <= 0 ? 0 : (Math.max(0, Math.min(v, max)) / max) * breed);
  const asY = MARGE.boven + staven.length * RIJ;
  return (
    <div className="sv-grafiek sv-staafgrafiek">
      <svg className="sv-grafiek__svg sv-staafgrafiek__svg" viewBox={`0 0 ${BREEDTE} ${hoogte}`} role="img" aria-labelledby={`${id}-titel ${id}-uitleg`} focusable="false">
        <title id={`${id}-titel`}>{titel}</title>
        <desc id={`${id}-uitleg`}>{beschrijving}</desc>
        <g className="sv-grafiek__as">
          {stappen.map((t) => (
            <g key={t}>
              <line x1={x(t)} x2={x(t)} y1={MARGE.boven} y2={asY} className="sv-grafiek__raster" />
              <text x={x(t)} y={asY + 18} textAnchor="middle">
                {xTekst(t)}
              </text>
            </g>
          ))}
        </g>
        {staven.map((s, i) => {
          const boven = MARGE.boven + i * RIJ;
          const balkY = boven + 16;
          const eind = s.waarde === null ? MARGE.links : x(s.waarde);
          return (
            <g key={i} className="sv-staafgrafiek__rij">
              <text x={MARGE.links + 4} y={boven + 11} className="sv-staafgrafiek__naam">
                {kort(s.naam)}
              </text>
              {s.waarde !== null && s.waarde > 0 ? <rect x={MARGE.links} y={balkY} width={Math.max(eind - MARGE.links, 1)} height={12} className="sv-staafgrafiek__balk" /> : null}
              <text x={eind + 6} y={balkY + 10} className={s.waarde === null ? 'sv-staafgrafiek__waarde sv-staafgrafiek__waarde--geen' : 'sv-staafgrafiek__waarde'}>
                {s.tekst}
              </text>
            </g>
          );
        })}
        <line x1={MARGE.links} x2={MARGE.links} y1={MARGE.boven} y2={asY} className="sv-staafgrafiek__basis" />
      </svg>
      {onderschrift}
      <Tabel titel={tabelTitel} kolommen={[eersteKolom, waardeKolom]} className="sv-table--staaf">
        {staven.map((s, i) => (
          <TableRow key={i}>
            <TableHeaderCell scope="row">{s.kop ?? s.naam}</TableHeaderCell>
            <TableCell className="sv-num">{s.tekst}</TableCell>
          </TableRow>
        ))}
      </Tabel>
    </div>
  );
}
