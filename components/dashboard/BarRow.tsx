import type { ReactNode } from 'react';

/** Where the bars of a horizontal bar chart start: the names stand right-aligned before it. */
export const BAR_START = 180;
/** The height of one bar row. */
export const BAR_ROW = 28;

/** Long names would run into the bars; the full name stays in the description and the table. */
function shorten(name: string, length = 24): string {
  return name.length > length ? `${name.slice(0, length - 1)}…` : name;
}

/** Row `index` of a horizontal bar chart: its name, the bars `children` draw from BAR_START, and `count` at `countAt`. */
export function BarRow({
  index,
  name,
  count,
  countAt,
  children,
}: {
  index: number;
  name: string;
  count: string | number;
  countAt: number;
  children: ReactNode;
}) {
  return (
    <g transform={`translate(0 ${index * BAR_ROW})`}>
      <text x={BAR_START - 8} y={BAR_ROW / 2} textAnchor="end" dominantBaseline="middle">
        {shorten(name)}
      </text>
      {children}
      <text x={countAt + 6} y={BAR_ROW / 2} dominantBaseline="middle">
        {count}
      </text>
    </g>
  );
}
