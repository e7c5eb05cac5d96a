import { DataTable } from '@/components/ui/DataTable';
import { FigureValue } from '@/components/review/FigureValue';
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
    <DataTable
      caption={caption}
      className={styles.table}
      rows={pairs}
      rowKey={(pair) => `${pair.a}|${pair.b}`}
      columns={[
        { header: 'Annotators', rowHeader: true, cell: (pair) => `${nameOf(pair.a)} × ${nameOf(pair.b)}` },
        { header: 'Shared documents', numeric: true, cell: (pair) => pair.documents },
        withTokens && { header: 'Tokens', numeric: true, cell: (pair) => pair.tokens },
        { header: 'Cohen’s κ (tokens)', cell: (pair) => <FigureValue figure={pair.cohenKappa} /> },
        { header: 'Span F1, exact', cell: (pair) => <FigureValue figure={pair.f1Exact} /> },
        { header: 'Span F1, overlap', cell: (pair) => <FigureValue figure={pair.f1Overlap} /> },
      ]}
    />
  );
}
