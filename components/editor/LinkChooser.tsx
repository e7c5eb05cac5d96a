'use client';

import { useMemo, useState } from 'react';
import { shortQuote, type Catalog } from '@/lib/editor/catalog';
import type { Span } from '@/lib/editor/model';
import { filterByQuery, labelTexts } from '@/lib/editor/picker';
import { relationTypesFor, type SchemaLabel } from '@/lib/editor/schema';
import { ChoiceList } from './ChoiceList';
import { LabelOption, Swatch } from './LabelOption';
import styles from './popover.module.css';

function labelKey(catalog: Catalog, span: Span): string {
  return catalog.labels.get(span.labelId)?.key ?? '';
}

interface LinkChooserProps {
  catalog: Catalog;
  spans: ReadonlyMap<string, Span>;
  source: Span;
  /** Chosen so far: null while the target span is being picked. */
  target: Span | null;
  onTarget(span: Span): void;
  onType(label: SchemaLabel): void;
  onCancel(): void;
}

/**
 * Relations in two steps: the target span (from this list, or by clicking it in the text),
 * then a relation type allowed between the two spans' labels.
 */
export function LinkChooser({ catalog, spans, source, target, onTarget, onType, onCancel }: LinkChooserProps) {
  const [query, setQuery] = useState('');
  const labels = useMemo(() => [...catalog.labels.values()], [catalog]);
  const keyOf = (span: Span) => labelKey(catalog, span);
  const candidates = useMemo(
    () =>
      [...spans.values()]
        .filter((span) => span.key !== source.key && relationTypesFor(labels, labelKey(catalog, source), labelKey(catalog, span)).length > 0)
        .sort((a, b) => a.start - b.start),
    [catalog, labels, spans, source],
  );
  const from = `“${shortQuote(source.quote, 30)}”`;

  if (!target) {
    const items = filterByQuery(candidates, query, (span) => [span.quote, catalog.labels.get(span.labelId)?.name ?? '']);
    return (
      <>
        <p className={styles.title}>Link {from} to… click a span in the text or choose one</p>
        <ChoiceList
          label="Spans to link to"
          items={items}
          keyOf={(span) => span.key}
          render={(span) => {
            const label = catalog.labels.get(span.labelId);
            return (
              <>
                <Swatch color={label?.color ?? '#888888'} />
                <span className={styles.optionText}>
                  <span className={styles.optionName}>“{shortQuote(span.quote)}”</span>
                  <span className={styles.optionDetail}>{label?.name}</span>
                </span>
              </>
            );
          }}
          onChoose={(span) => {
            setQuery('');
            onTarget(span);
          }}
          onCancel={onCancel}
          query={query}
          onQueryChange={setQuery}
          placeholder="Type to find a span"
          empty="No span can be linked from this one."
          autoFocus
        />
      </>
    );
  }

  const types = filterByQuery(relationTypesFor(labels, keyOf(source), keyOf(target)), query, labelTexts);
  return (
    <>
      <p className={styles.title}>
        {from} → ? → “{shortQuote(target.quote, 30)}”
      </p>
      <ChoiceList
        // A new list, focused, also when the target was clicked in the text.
        key="types"
        label="Relation types"
        items={types}
        keyOf={(label) => label.id}
        render={(label) => <LabelOption label={label} />}
        hint={(label) => label.description || undefined}
        onChoose={onType}
        onCancel={onCancel}
        query={query}
        onQueryChange={setQuery}
        placeholder="Type to find a relation type"
        empty={`No relation type links ${keyOf(source)} to ${keyOf(target)}.`}
        autoFocus
      />
    </>
  );
}
