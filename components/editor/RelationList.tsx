import { shortQuote, type Catalog } from '@/lib/editor/catalog';
import type { Relation, Span } from '@/lib/editor/model';
import styles from './panel.module.css';

interface RelationListProps {
  catalog: Catalog;
  spans: ReadonlyMap<string, Span>;
  relations: ReadonlyMap<string, Relation>;
  readOnly: boolean;
  onFocusSpan(key: string): void;
  onDelete(key: string): void;
}

/** Each relation as "source → TYPE → target"; the quotes lead to the spans in the text. */
export function RelationList({ catalog, spans, relations, readOnly, onFocusSpan, onDelete }: RelationListProps) {
  if (relations.size === 0) {
    return <p className={styles.empty}>No relations yet. Select a span, press r (or “Link…”), then pick the other span.</p>;
  }
  const end = (key: string) => {
    const span = spans.get(key);
    return (
      <button type="button" className={styles.rowMain} onClick={() => onFocusSpan(key)} disabled={!span}>
        <span className={styles.rowQuote} dir="auto">
          {span ? `“${shortQuote(span.quote, 28)}”` : '(deleted span)'}
        </span>
      </button>
    );
  };
  return (
    <ul className={styles.list}>
      {[...relations.values()].map((relation) => {
        const label = catalog.labels.get(relation.labelId);
        return (
          <li key={relation.key} className={`${styles.row} ${styles.relation}`}>
            {end(relation.sourceKey)}
            <span aria-hidden="true">→</span>
            <span className={styles.relationType} title={label?.name}>
              {label?.key ?? '?'}
            </span>
            <span aria-hidden="true">→</span>
            {end(relation.targetKey)}
            <button
              type="button"
              className={`${styles.rowAction} ${styles.rowDanger}`}
              disabled={readOnly}
              aria-label={
                `Delete relation ${label?.key ?? ''} from ` +
                `“${shortQuote(spans.get(relation.sourceKey)?.quote ?? '', 28)}” to ` +
                `“${shortQuote(spans.get(relation.targetKey)?.quote ?? '', 28)}”`
              }
              onClick={() => onDelete(relation.key)}
            >
              Delete
            </button>
          </li>
        );
      })}
    </ul>
  );
}
