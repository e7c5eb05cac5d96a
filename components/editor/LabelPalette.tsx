'use client';

import { memo, useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { paletteOf } from '@/lib/editor/palette';
import { spanLabelForHotkey, type SchemaLabel } from '@/lib/editor/schema';
import { layerName, Swatch } from './LabelOption';
import { KEEPS_SELECTION } from './Popover';
import styles from './palette.module.css';

const COLLAPSED_KEY = 'glossa.palette.collapsed';

interface LabelPaletteProps {
  labels: readonly SchemaLabel[];
  readOnly: boolean;
  /** Applies a label to what is selected in the text, through the same path as the picker. */
  onApply(label: SchemaLabel): void;
  /** Escape with nothing to clear: back to the text. */
  onLeave(): void;
}

/**
 * Every active span label, grouped by layer, always beside the text: click one (or focus it and
 * press Enter) to label the selected text or relabel the selected span. The filter narrows the
 * list; Enter there applies the best match. A toolbar: arrow keys move between labels, one tab stop.
 * Memoised (with stable callbacks): a label applied in the text does not re-render it.
 */
export const LabelPalette = memo(function LabelPalette({ labels, readOnly, onApply, onLeave }: LabelPaletteProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [collapsed, setCollapsed] = useState(false);
  const [focusIndex, setFocusIndex] = useState(0);
  const palette = useMemo(() => paletteOf(labels, query), [labels, query]);
  const shown = palette.groups.flatMap((group) => group.labels);
  const tabStop = Math.min(focusIndex, shown.length - 1);

  // Read after mounting, as the server cannot know it: collapsing is a choice kept across documents.
  useEffect(() => setCollapsed(localStorage.getItem(COLLAPSED_KEY) === '1'), []);
  const toggle = () => {
    localStorage.setItem(COLLAPSED_KEY, collapsed ? '0' : '1');
    setCollapsed(!collapsed);
  };

  const apply = (label: SchemaLabel) => {
    setQuery('');
    onApply(label);
  };
  const focusLabel = (index: number) => {
    const buttons = document.getElementById(`${id}-labels`)?.querySelectorAll<HTMLButtonElement>('button');
    buttons?.[Math.max(0, Math.min(index, buttons.length - 1))]?.focus();
  };

  const onFilterKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && palette.best) apply(palette.best);
    else if (event.key === 'Escape' && query !== '') setQuery('');
    else if (event.key === 'Escape') onLeave();
    else if (event.key === 'ArrowDown') focusLabel(0);
    else return;
    event.preventDefault();
  };

  const onLabelKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowDown: tabStop + 1, ArrowUp: tabStop - 1, Home: 0, End: shown.length - 1 };
    const hotkeyLabel = event.ctrlKey || event.metaKey || event.altKey ? undefined : spanLabelForHotkey(labels, event.key);
    if (event.key in moves) focusLabel(moves[event.key]!);
    else if (hotkeyLabel) apply(hotkeyLabel);
    else if (event.key === 'Escape') onLeave();
    else return;
    event.preventDefault();
  };

  return (
    <section className={`${styles.palette} ${collapsed ? styles.collapsed : ''}`} aria-label="Label palette" {...{ [KEEPS_SELECTION]: '' }}>
      <div className={styles.head}>
        <h2 className={styles.title}>Labels</h2>
        <button
          type="button"
          className={styles.toggle}
          aria-expanded={!collapsed}
          aria-controls={`${id}-labels`}
          title={collapsed ? 'Show label names and the filter' : 'Collapse to a slim column'}
          onClick={toggle}
        >
          <span className="visually-hidden">{collapsed ? 'Show label names' : 'Collapse the palette'}</span>
          <span aria-hidden="true">{collapsed ? '»' : '«'}</span>
        </button>
      </div>
      {readOnly && <p className={styles.note}>Read-only: labels cannot be applied.</p>}
      <input
        type="search"
        className={styles.filter}
        aria-label="Filter labels"
        aria-describedby={`${id}-best`}
        placeholder="Filter; Enter applies"
        value={query}
        disabled={readOnly}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onFilterKey}
      />
      <p id={`${id}-best`} className={styles.note} aria-live="polite">
        {query.trim() === '' ? '' : palette.best ? `Enter applies ${palette.best.name}` : 'No active label matches.'}
      </p>
      <div id={`${id}-labels`} role="toolbar" aria-label="Labels" aria-orientation="vertical" className={styles.groups} onKeyDown={onLabelKey}>
        {palette.groups.map((group) => (
          <div key={group.layer} role="group" aria-labelledby={`${id}-${group.layer}`} className={styles.group}>
            <h3 id={`${id}-${group.layer}`} className={styles.layer}>
              {layerName(group.layer)}
            </h3>
            {group.labels.map((label) => {
              const index = shown.indexOf(label);
              return (
                <button
                  key={label.id}
                  type="button"
                  className={styles.label}
                  data-best={label === palette.best || undefined}
                  disabled={readOnly}
                  tabIndex={index === tabStop ? 0 : -1}
                  aria-keyshortcuts={label.hotkey ?? undefined}
                  title={label.description ? `${label.name}: ${label.description}` : label.name}
                  // Focus and the selection stay in the text when clicking.
                  onMouseDown={(event) => event.preventDefault()}
                  onFocus={() => setFocusIndex(index)}
                  onClick={() => apply(label)}
                >
                  <Swatch color={label.color} />
                  <span className={styles.name}>{label.name}</span>
                  {label.hotkey && <kbd className={styles.kbd}>{label.hotkey}</kbd>}
                </button>
              );
            })}
          </div>
        ))}
      </div>
    </section>
  );
});

/** The palette's column while the editor loads, so the text is laid out at its final width from the start. */
export function PaletteSpace() {
  return <div className={styles.palette} aria-hidden="true" />;
}
