'use client';

import { useMemo, useState, type KeyboardEvent, type Ref } from 'react';
import { SPAN_LAYERS, type SpanLayer } from '@/lib/schema/types';
import { pickerLabels } from '@/lib/editor/picker';
import type { SchemaLabel } from '@/lib/editor/schema';
import { ChoiceList } from './ChoiceList';
import { LabelOption, layerName } from './LabelOption';
import styles from './popover.module.css';

/** The picker's layer tab and name filter, held by its caller (the editor's interaction keeps them for keys typed before it renders). */
export interface PickerFilter {
  layer: SpanLayer;
  setLayer(layer: SpanLayer): void;
  query: string;
  setQuery(query: string): void;
}

/** A picker filter of the caller's own: the first layer, nothing typed. */
export function usePickerFilter(): PickerFilter {
  const [layer, setLayer] = useState<SpanLayer>(SPAN_LAYERS[0]);
  const [query, setQuery] = useState('');
  return { layer, setLayer, query, setQuery };
}

interface LabelPickerProps {
  labels: readonly SchemaLabel[];
  /** What is being labelled, e.g. “Hafiz Gul Bahadur”. */
  title: string;
  filter: PickerFilter;
  onChoose(label: SchemaLabel): void;
  onCancel(): void;
  inputRef: Ref<HTMLInputElement>;
  autoFocus: boolean;
  /** Where hotkeys do not apply (label all), the filter says so instead. */
  placeholder?: string;
}

/**
 * Layer tabs over a type-ahead list of the active span labels. With an empty filter the
 * list is the tab's labels; typing searches every layer, so a label is found without
 * knowing its layer. Hotkeys themselves are handled in the text, where focus stays.
 */
export function LabelPicker({ labels, title, filter, onChoose, onCancel, inputRef, autoFocus, placeholder }: LabelPickerProps) {
  const { layer, query } = filter;
  const searching = query.trim() !== '';
  const items = useMemo(() => pickerLabels(labels, layer, query), [labels, layer, query]);

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = SPAN_LAYERS[(SPAN_LAYERS.indexOf(layer) + step + SPAN_LAYERS.length) % SPAN_LAYERS.length]!;
    filter.setLayer(next);
    (event.currentTarget.parentElement?.querySelector(`[data-layer="${next}"]`) as HTMLElement | null)?.focus();
  };

  return (
    <>
      <p className={styles.title}>{title}</p>
      <div role="tablist" aria-label="Layers" className={styles.tabs}>
        {SPAN_LAYERS.map((l) => (
          <button
            key={l}
            type="button"
            role="tab"
            data-layer={l}
            aria-selected={l === layer && !searching}
            tabIndex={l === layer ? 0 : -1}
            className={`tab-button ${styles.tab}`}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              filter.setLayer(l);
              filter.setQuery('');
            }}
            onKeyDown={onTabKey}
          >
            {layerName(l)}
          </button>
        ))}
      </div>
      <ChoiceList
        label="Labels"
        items={items}
        keyOf={(label) => label.id}
        render={(label) => <LabelOption label={label} showLayer={searching} />}
        hint={(label) => label.description || undefined}
        onChoose={onChoose}
        onCancel={onCancel}
        query={query}
        onQueryChange={filter.setQuery}
        placeholder={placeholder ?? 'A hotkey applies its label; / searches by name'}
        empty="No active label matches."
        inputRef={inputRef}
        autoFocus={autoFocus}
      />
    </>
  );
}
