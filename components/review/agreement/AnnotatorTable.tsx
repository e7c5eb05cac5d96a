import { DataTable } from '@/components/ui/DataTable';
import { FigureValue } from '@/components/review/FigureValue';
import { plural } from '@/components/review/format';
import type { AnnotatorDiagnostics } from '@/lib/review/annotator-measures';
import styles from './agreement.module.css';
import { pairAnchor } from './anchors';

interface AnnotatorTableProps {
  layer: string;
  rows: AnnotatorDiagnostics[];
  pairs: { a: string; b: string }[];
  nameOf: (id: string) => string;
}

/** One row per annotator: a coder whose α with the others is low while α without them is high needs retraining. */
export function AnnotatorTable({ layer, rows, pairs, nameOf }: AnnotatorTableProps) {
  return (
    <DataTable
      caption="Per annotator"
      className={styles.table}
      rows={rows}
      columns={[
        { header: 'Annotator', rowHeader: true, cell: (row) => nameOf(row.id) },
        { header: 'Documents', numeric: true, cell: (row) => row.documents },
        { header: 'α with the others', cell: (row) => <FigureValue figure={row.alphaWithOthers} interpret /> },
        { header: 'α without them', cell: (row) => <FigureValue figure={row.alphaWithout} interpret /> },
        {
          header: 'Span F1 vs gold (overlap)',
          cell: (row) => (
            <>
              <FigureValue figure={row.gold.f1Overlap} />
              {row.gold.documents > 0 && <div className="note">over {plural(row.gold.documents, 'adjudicated document')}</div>}
            </>
          ),
        },
        {
          header: 'Confusion matrices',
          cell: (row) => (
            <ul className={styles.inlineList}>
              {pairs
                .filter((pair) => pair.a === row.id || pair.b === row.id)
                .map((pair) => (
                  <li key={`${pair.a}|${pair.b}`}>
                    <a href={`#${pairAnchor(layer, pair.a, pair.b)}`}>with {nameOf(pair.a === row.id ? pair.b : pair.a)}</a>
                  </li>
                ))}
            </ul>
          ),
        },
      ]}
    />
  );
}
