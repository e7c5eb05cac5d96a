import { FigureValue } from '@/components/review/FigureValue';
import { plural } from '@/components/review/format';
import shared from '@/components/review/shared.module.css';
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
    <div className="table-wrap">
      <table className={`table ${styles.table}`}>
        <caption>Per annotator</caption>
        <thead>
          <tr>
            <th scope="col">Annotator</th>
            <th scope="col" className="numeric">
              Documents
            </th>
            <th scope="col">α with the others</th>
            <th scope="col">α without them</th>
            <th scope="col">Span F1 vs gold (overlap)</th>
            <th scope="col">Confusion matrices</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className={shared.rowHeader}>
                {nameOf(row.id)}
              </th>
              <td className={shared.numericCell}>{row.documents}</td>
              <td>
                <FigureValue figure={row.alphaWithOthers} interpret />
              </td>
              <td>
                <FigureValue figure={row.alphaWithout} interpret />
              </td>
              <td>
                <FigureValue figure={row.gold.f1Overlap} />
                {row.gold.documents > 0 && <div className="note">over {plural(row.gold.documents, 'adjudicated document')}</div>}
              </td>
              <td>
                <ul className={styles.inlineList}>
                  {pairs
                    .filter((pair) => pair.a === row.id || pair.b === row.id)
                    .map((pair) => (
                      <li key={`${pair.a}|${pair.b}`}>
                        <a href={`#${pairAnchor(layer, pair.a, pair.b)}`}>with {nameOf(pair.a === row.id ? pair.b : pair.a)}</a>
                      </li>
                    ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
