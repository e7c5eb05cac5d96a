import { FigureValue } from '@/components/review/FigureValue';
import { plural } from '@/components/review/format';
import shared from '@/components/review/shared.module.css';
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
      <div className="table-wrap">
        <table className={`table ${styles.table}`}>
          <caption>Relation F1 per annotator pair</caption>
          <thead>
            <tr>
              <th scope="col">Annotators</th>
              <th scope="col" className="numeric">
                Shared documents
              </th>
              <th scope="col">F1, exact endpoints</th>
              <th scope="col">F1, overlapping endpoints</th>
              {types.map((type) => (
                <th key={type} scope="col">
                  {type} (exact)
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {relations.pairs.map((pair) => (
              <tr key={`${pair.a}|${pair.b}`}>
                <th scope="row" className={shared.rowHeader}>
                  {nameOf(pair.a)} × {nameOf(pair.b)}
                </th>
                <td className={shared.numericCell}>{pair.documents}</td>
                <td>
                  <FigureValue figure={pair.f1Exact} />
                </td>
                <td>
                  <FigureValue figure={pair.f1Overlap} />
                </td>
                {types.map((type) => (
                  <td key={type}>{pair.types[type] ? <FigureValue figure={pair.types[type].f1Exact} /> : <span className="muted">none</span>}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
