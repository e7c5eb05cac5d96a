'use client';

import { useMemo, useState } from 'react';
import { layerOf, shortQuote, type Catalog } from '@/lib/editor/catalog';
import type { Span, SpanTarget } from '@/lib/editor/model';
import { filterByQuery } from '@/lib/editor/picker';
import { ChoiceList } from './ChoiceList';
import { Swatch } from './LabelOption';
import styles from './popover.module.css';

type Choice = { kind: 'target'; id: string; name: string; aliases: readonly string[] } | { kind: 'span'; span: Span; labelName: string; color: string };

interface TargetChooserProps {
  catalog: Catalog;
  spans: ReadonlyMap<string, Span>;
  title: string;
  onChoose(target: SpanTarget): void;
  onCancel(): void;
}

function textsOf(choice: Choice): string[] {
  return choice.kind === 'target' ? [choice.name, ...choice.aliases] : [choice.span.quote, choice.labelName];
}

/** What a stance is about: a project target (found by name or alias) or one of the caller's entity spans. */
export function TargetChooser({ catalog, spans, title, onChoose, onCancel }: TargetChooserProps) {
  const [query, setQuery] = useState('');
  const choices = useMemo<Choice[]>(() => {
    const targets = [...catalog.targets.values()]
      .filter((t) => !t.retired)
      .map((t) => ({ kind: 'target' as const, id: t.id, name: t.name, aliases: t.aliases }));
    const entities = [...spans.values()]
      .filter((span) => layerOf(catalog, span) === 'ENTITY')
      .sort((a, b) => a.start - b.start)
      .map((span) => {
        const label = catalog.labels.get(span.labelId);
        return { kind: 'span' as const, span, labelName: label?.name ?? '', color: label?.color ?? '#888888' };
      });
    return [...targets, ...entities];
  }, [catalog, spans]);
  const items = useMemo(() => filterByQuery(choices, query, textsOf), [choices, query]);

  return (
    <>
      <p className={styles.title}>{title}</p>
      <ChoiceList
        label="Stance targets"
        items={items}
        keyOf={(choice) => (choice.kind === 'target' ? `t:${choice.id}` : `s:${choice.span.key}`)}
        render={(choice) =>
          choice.kind === 'target' ? (
            <span className={styles.optionText}>
              <span>
                <span className={styles.badge}>Target </span>
                <span className={styles.optionName}>{choice.name}</span>
              </span>
              {choice.aliases.length > 0 && <span className={styles.optionDetail}>also: {choice.aliases.join(', ')}</span>}
            </span>
          ) : (
            <>
              <Swatch color={choice.color} />
              <span className={styles.optionText}>
                <span>
                  <span className={styles.badge}>Span </span>
                  <span className={styles.optionName}>“{shortQuote(choice.span.quote)}”</span>
                </span>
                <span className={styles.optionDetail}>{choice.labelName}</span>
              </span>
            </>
          )
        }
        onChoose={(choice) => onChoose(choice.kind === 'target' ? { kind: 'target', id: choice.id } : { kind: 'span', key: choice.span.key })}
        onCancel={onCancel}
        query={query}
        onQueryChange={setQuery}
        placeholder="Type a target, alias or entity"
        empty="No target or entity span matches."
        autoFocus
      />
    </>
  );
}
