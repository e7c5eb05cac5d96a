import type { ReactNode } from 'react';
import { byId, DataTable, type DataTableBase, type RowKey } from '@/components/ui/DataTable';
import styles from './charts.module.css';

/** The charts' drawing width, in SVG units (they scale to the figure's width). */
export const CHART_WIDTH = 640;

interface ChartFigureProps<Row> extends Pick<DataTableBase<Row>, 'columns' | 'rows'> {
  rowKey?: RowKey<Row>;
  /** Names the chart: its SVG's data-chart, and the ids its title and description are referred to by. */
  id: string;
  title: string;
  legend?: string | undefined;
  /** What the chart shows, in words: the SVG's description for screen readers. */
  description: string;
  height: number;
  /** The drawing inside the SVG. */
  children: ReactNode;
}

/**
 * One chart with its text alternatives: the SVG names itself through <title>/<desc>, and the
 * figures behind it (`columns` of `rows`) sit in a table behind a native disclosure, which the
 * keyboard reaches without any script.
 */
export function ChartFigure<Row extends { id: string | number }>(props: ChartFigureProps<Row>): ReactNode;
/** Rows without an `id` say what identifies them, as in DataTable. */
export function ChartFigure<Row>(props: ChartFigureProps<Row> & { rowKey: RowKey<Row> }): ReactNode;
export function ChartFigure<Row>({ id, title, legend, description, height, children, columns, rows, rowKey = byId }: ChartFigureProps<Row>) {
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>{title}</figcaption>
      {legend && <p className={styles.legend}>{legend}</p>}
      <svg className={styles.chart} viewBox={`0 0 ${CHART_WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} data-chart={id}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {children}
      </svg>
      <details className={styles.data}>
        <summary>Show the figures as a table</summary>
        <DataTable plain columns={columns} rows={rows} rowKey={rowKey} />
      </details>
    </figure>
  );
}
