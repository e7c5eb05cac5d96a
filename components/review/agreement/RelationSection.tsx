import { DataTable } from '@/components/ui/DataTable';
import { FigureValue } from '@/components/review/FigureValue';
import { plural } from '@/components/review/format';
import type { RelationReport } from '@/lib/review/relation-measures';
import styles from './agreement.module.css';

/** Relation F1 per annotator pair and type, and α on the relation type, with the matching rule stated. */
export function RelationSection({ relations, nameOf }: { relations: RelationReport; nameOf: (id: string) => string }) {
  const types = [...new Set(relations.pairs.flatMap((pair) => Object.keys(pair.types)))];
  return (
    <section aria-labelledby="relations-heading" className="panel">
      <h2 id="relations-heading">Relations</h2>
      <p className="note">
        A relation matches when both endpoints match (exact: same offsets and label; overlap: same label and a shared character) and the type agrees.
      </p>
      <p>
        α on the relation type over {plural(relations.typeAlpha.units, 'pair')} of spans related by two or more annotators:{' '}
        <FigureValue figure={relations.typeAlpha} interpret />
      </p>
      <DataTable
        caption="Relation F1 per annotator pair"
        className={styles.table}
        rows={relations.pairs}
        rowKey={(pair) => `${pair.a}|${pair.b}`}
        columns={[
          { header: 'Annotators', rowHeader: true, cell: (pair) => `${nameOf(pair.a)} × ${nameOf(pair.b)}` },
          { header: 'Shared documents', numeric: true, cell: (pair) => pair.documents },
          { header: 'F1, exact endpoints', cell: (pair) => <FigureValue figure={pair.f1Exact} /> },
          { header: 'F1, overlapping endpoints', cell: (pair) => <FigureValue figure={pair.f1Overlap} /> },
          ...types.map((type) => ({
            header: `${type} (exact)`,
            cell: (pair: RelationReport['pairs'][number]) =>
              pair.types[type] ? <FigureValue figure={pair.types[type].f1Exact} /> : <span className="muted">none</span>,
          })),
        ]}
      />
    </section>
  );
}
