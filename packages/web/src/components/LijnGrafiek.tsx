/**
 * An accessible line chart in plain SVG: a title and a description for screen readers, lines told apart by
 * colour AND by dash pattern and marker shape (never colour alone), a legend, and the same data as a table
 * right below it — a chart alone is not accessible.
 */
import { TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useId } from 'react';
import { Tabel } from './Tabel';

export interface Reeks {
  naam: string;
  /** One value per point of the x-axis; null where the series has no value. */
  waarden: (number | null)[];
}

const BREEDTE = 640;
const HOOGTE = 280;
const MARGE = { links: 56, rechts: 28, boven: 16, onder: 44 };
/** Colours, dash patterns and markers cycle through this many styles (styles.css: .sv-grafiek__reeks--N). */
const STIJLEN = 6;
/** At most this many labels on the x-axis. */
const MAX_X_LABELS = 8;

/** A marker of a given shape, centred on (x, y). */
function Markering({ vorm, x, y }: { vorm: number; x: number; y: number }) {
  switch (vorm % 4) {
    case 0:
      return <circle cx={x} cy={y} r={4.5} />;
    case 1:
      return <rect x={x - 4} y={y - 4} width={8} height={8} />;
    case 2:
      return <polygon points={`${x},${y - 5.5} ${x + 5},${y + 4} ${x - 5},${y + 4}`} />;
    default:
      return <polygon points={`${x},${y - 5.5} ${x + 5.5},${y} ${x},${y + 5.5} ${x - 5.5},${y}`} />;
  }
}

/** The runs of consecutive points with a value (a line breaks where a value is missing). */
function stukken(waarden: (number | null)[]): { i: number; v: number }[][] {
  const uit: { i: number; v: number }[][] = [];
  let huidig: { i: number; v: number }[] = [];
  waarden.forEach((v, i) => {
    if (v === null) {
      if (huidig.length) uit.push(huidig);
      huidig = [];
    } else huidig.push({ i, v });
  });
  if (huidig.length) uit.push(huidig);
  return uit;
}

export function LijnGrafiek({
  titel,
  beschrijving,
  xLabels,
  reeksen,
  yMin,
  yMax,
  yTitel,
  tabelTitel,
  eersteKolom,
  cel = (v) => (v === null ? '–' : String(v)),
  yStappen,
  yTekst = String,
}: {
  titel: string;
  /** What the chart shows, in words, for screen readers (the table has the numbers). */
  beschrijving: string;
  xLabels: string[];
  reeksen: Reeks[];
  yMin: number;
  yMax: number;
  yTitel: string;
  tabelTitel: string;
  /** Header of the first column of the table (what a series is). */
  eersteKolom: string;
  cel?: (waarde: number | null, reeks: number, punt: number) => string;
  /** The values with a grid line and a label; default every whole number from yMin to yMax. */
  yStappen?: number[];
  /** The label of a grid line (e.g. "40%"). */
  yTekst?: (waarde: number) => string;
}) {
  const id = useId();
  const breed = BREEDTE - MARGE.links - MARGE.rechts;
  const hoog = HOOGTE - MARGE.boven - MARGE.onder;
  const x = (i: number) => MARGE.links + (xLabels.length <= 1 ? breed / 2 : (i * breed) / (xLabels.length - 1));
  const y = (v: number) => MARGE.boven + ((yMax - v) / (yMax - yMin)) * hoog;
  const ticks = yStappen ?? Array.from({ length: yMax - yMin + 1 }, (_, k) => yMin + k);
  // With many points, label every n-th on the axis so labels do not overlap (the table has them all).
  const elk = Math.max(1, Math.ceil(xLabels.length / MAX_X_LABELS));
  return (
    <div className="sv-grafiek">
      <svg className="sv-grafiek__svg" viewBox={`0 0 ${BREEDTE} ${HOOGTE}`} role="img" aria-labelledby={`${id}-titel ${id}-uitleg`} focusable="false">
        <title id={`${id}-titel`}>{titel}</title>
        <desc id={`${id}-uitleg`}>{beschrijving}</desc>
        <g className="sv-grafiek__as">
          {ticks.map((t) => (
            <g key={t}>
              <line x1={MARGE.links} x2={BREEDTE - MARGE.rechts} y1={y(t)} y2={y(t)} className="sv-grafiek__raster" />
              <text x={MARGE.links - 8} y={y(t) + 4} textAnchor="end">
                {yTekst(t)}
              </text>
            </g>
          ))}
          {xLabels.map((l, i) =>
            (xLabels.length - 1 - i) % elk === 0 ? (
              <text key={i} x={x(i)} y={HOOGTE - MARGE.onder + 18} textAnchor="middle">
                {l}
              </text>
            ) : null,
          )}
          <text x={12} y={MARGE.boven + hoog / 2} textAnchor="middle" transform={`rotate(-90 12 ${MARGE.boven + hoog / 2})`}>
            {yTitel}
          </text>
        </g>
        {reeksen.map((r, n) => (
          <g key={n} className={`sv-grafiek__reeks sv-grafiek__reeks--${n % STIJLEN}`}>
            {stukken(r.waarden).map((stuk, k) => (
              <polyline key={k} points={stuk.map((p) => `${x(p.i)},${y(p.v)}`).join(' ')} />
            ))}
            {r.waarden.map((v, i) => (v === null ? null : <Markering key={i} vorm={n} x={x(i)} y={y(v)} />))}
          </g>
        ))}
      </svg>
      <ul className="sv-grafiek__legenda" aria-label={`Legenda bij ${titel.toLowerCase()}`}>
        {reeksen.map((r, n) => (
          <li key={n}>
            <svg className={`sv-grafiek__monster sv-grafiek__reeks sv-grafiek__reeks--${n % STIJLEN}`} viewBox="0 0 40 12" aria-hidden="true" focusable="false">
              <polyline points="2,6 38,6" />
              <Markering vorm={n} x={20} y={6} />
            </svg>
            {r.naam}
          </li>
        ))}
      </ul>
      <Tabel titel={tabelTitel} kolommen={[eersteKolom, ...xLabels]}>
        {reeksen.map((r, n) => (
          <TableRow key={n}>
            <TableHeaderCell scope="row">{r.naam}</TableHeaderCell>
            {r.waarden.map((v, i) => (
              <TableCell key={i}>{cel(v, n, i)}</TableCell>
            ))}
          </TableRow>
        ))}
      </Tabel>
    </div>
  );
}
