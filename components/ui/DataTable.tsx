import type { ReactNode } from 'react';

/** One column of a DataTable: its header and how a row fills its cell. */
export interface Column<Row> {
  /** The header's text, also the column's React key (unique within a table). */
  header: string;
  /** Read by screen readers only: a column of buttons or links needs a name, not a visible heading. */
  hideHeader?: boolean;
  /** Numbers: right-aligned in tabular figures, never wrapped. */
  numeric?: boolean;
  /** The cell names the row's subject: a `<th scope="row">`, so screen readers announce it with every cell of the row. */
  rowHeader?: boolean;
  /** A class for the header and every cell of the column. */
  className?: string;
  /** Cells of user text in any script (Urdu beside English): each takes the direction of its own content. */
  autoDirection?: boolean;
  cell: (row: Row) => ReactNode;
}

/** A row's React key. */
export type RowKey<Row> = (row: Row, index: number) => string | number;

export interface DataTableBase<Row> {
  /** What the table shows; `hideCaption` when a visible heading already says it. Omitted: the section's heading names the table. */
  caption?: string;
  hideCaption?: boolean;
  /** A class beside the global `table` one. */
  className?: string;
  /** Without the app's table look and scrolling wrapper: a table inside a chart's disclosure, styled by the chart. */
  plain?: boolean;
  /** `false` entries are columns left out for this viewer or this data (e.g. a review link only curators get). */
  columns: readonly (Column<Row> | false)[];
  rows: readonly Row[];
}

/** The app's data table: a scrolling wrapper, a caption, column headers with scope, and one row per item. Rows with an `id` are keyed by it. */
export function DataTable<Row extends { id: string | number }>(props: DataTableBase<Row> & { rowKey?: RowKey<Row> }): ReactNode;
/** Rows without an `id` say what identifies them. */
export function DataTable<Row>(props: DataTableBase<Row> & { rowKey: RowKey<Row> }): ReactNode;
export function DataTable<Row>({
  caption,
  hideCaption = false,
  className,
  plain = false,
  columns,
  rows,
  rowKey = byId,
}: DataTableBase<Row> & { rowKey?: RowKey<Row> }) {
  const shown = columns.filter((column): column is Column<Row> => column !== false);
  const table = (
    <table className={[plain ? '' : 'table', className ?? ''].join(' ').trim() || undefined}>
      {caption !== undefined && <caption className={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>}
      <thead>
        <tr>
          {shown.map((column) => (
            <th key={column.header} scope="col" className={classes(column)}>
              {column.hideHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)}>
            {shown.map((column) =>
              column.rowHeader ? (
                <th key={column.header} scope="row" className={classes(column, 'row-header')}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={column.header} className={classes(column)} dir={column.autoDirection ? 'auto' : undefined}>
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return plain ? table : <div className="table-wrap">{table}</div>;
}

/** The default key. Only the overloads' first form may leave `rowKey` out, whose rows have an `id`. */
export const byId = (row: unknown) => (row as { id: string | number }).id;

function classes(column: Pick<Column<unknown>, 'numeric' | 'className'>, ...more: string[]): string | undefined {
  const names = [...(column.numeric ? ['numeric'] : []), ...(column.className ? [column.className] : []), ...more];
  return names.length > 0 ? names.join(' ') : undefined;
}
