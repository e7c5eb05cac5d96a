import { FigureValue } from '@/components/review/FigureValue';
import shared from '@/components/review/shared.module.css';
import type { Figure } from '@/lib/review/figure';
import styles from './agreement.module.css';

interface PairRow {
  a: string;
  b: string;
  cohenKappa: Figure;
  documents: number;
  f1Exact: Figure;
  f1Overlap: Figure;
  /** Only layer pairs count tokens; per-label pairs share the layer's. */
  tokens?: number;
}

export function PairTable({ caption, pairs, nameOf }: { caption: string; pairs: PairRow[]; nameOf: (id: string) => string }) {
  const withTokens = pairs.some((p) => p.tokens !== undefined);
  return (
    <div className="table-wrap">
      <table className={`table ${styles.table}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Annotators</th>
            <th scope="col" className="numeric">
              Shared documents
            </th>
            {withTokens && (
              <th scope="col" className="numeric">
                Tokens
              </th>
            )}
            <th scope="col">Cohen’s κ (tokens)</th>
            <th scope="col">Span F1, exact</th>
            <th scope="col">Span F1, overlap</th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((pair) => (
            <tr key={`${pair.a}|${pair.b}`}>
              <th scope="row" className={shared.rowHeader}>
                {nameOf(pair.a)} × {nameOf(pair.b)}
              </th>
              <td className={shared.numericCell}>{pair.documents}</td>
              {withTokens && <td className={shared.numericCell}>{pair.tokens}</td>}
              <td>
                <FigureValue figure={pair.cohenKappa} />
              </td>
              <td>
                <FigureValue figure={pair.f1Exact} />
              </td>
              <td>
                <FigureValue figure={pair.f1Overlap} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
