import type { ReactNode } from 'react';
import styles from './charts.module.css';

/**
 * One chart with its text alternatives: the SVG names itself through <title>/<desc> (given by the
 * chart), and the figures behind it sit in a table behind a native disclosure, which the keyboard
 * reaches without any script.
 */
export function ChartFigure({ title, legend, chart, table }: { title: string; legend?: string; chart: ReactNode; table: ReactNode }) {
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>{title}</figcaption>
      {legend && <p className={styles.legend}>{legend}</p>}
      {chart}
      <details className={styles.data}>
        <summary>Show the figures as a table</summary>
        {table}
      </details>
    </figure>
  );
}

/** Long label names would run into the bars; the full name stays in the description and the table. */
export function shorten(name: string, length = 24): string {
  return name.length > length ? `${name.slice(0, length - 1)}…` : name;
}
