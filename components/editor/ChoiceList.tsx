'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import styles from './popover.module.css';

/** Long lists (entity spans of a big document) show this many; typing narrows them. */
const SHOWN = 100;

interface ChoiceListProps<T> {
  /** Accessible name of the filter and the list, e.g. "Labels". */
  label: string;
  /** The items matching `query`, best first. */
  items: readonly T[];
  keyOf(item: T): string;
  render(item: T): ReactNode;
  /** A longer explanation of the highlighted item. */
  hint?(item: T): string | undefined;
  onChoose(item: T): void;
  onCancel(): void;
  query: string;
  onQueryChange(query: string): void;
  placeholder: string;
  empty: string;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
}

/** A filter box driving a list (the ARIA combobox pattern): arrows move, Enter chooses, Escape cancels. */
export function ChoiceList<T>(props: ChoiceListProps<T>) {
  const { label, items, keyOf, render, hint, onChoose, onCancel, query, onQueryChange, placeholder, empty, inputRef, autoFocus } = props;
  const id = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const [queryShown, setQueryShown] = useState(query);
  if (queryShown !== query) {
    // A new query starts again at the best match.
    setQueryShown(query);
    setActiveIndex(0);
  }
  const shown = items.slice(0, SHOWN);
  const index = Math.max(0, Math.min(activeIndex, shown.length - 1));
  const active = shown[index];

  // biome-ignore lint/correctness/useExhaustiveDependencies: the DOM read follows the active index, which moves the aria-selected option.
  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [index]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const move = (by: number) => setActiveIndex(Math.max(0, Math.min(index + by, shown.length - 1)));
    switch (event.key) {
      case 'ArrowDown':
        move(1);
        break;
      case 'ArrowUp':
        move(-1);
        break;
      case 'PageDown':
        move(8);
        break;
      case 'PageUp':
        move(-8);
        break;
      case 'Enter':
        if (active) onChoose(active);
        break;
      case 'Escape':
        onCancel();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  const optionId = (i: number) => `${id}-option-${i}`;
  const hintText = active && hint?.(active);
  return (
    <>
      <input
        ref={inputRef}
        type="text"
        role="combobox"
        aria-label={`Filter ${label.toLowerCase()}`}
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={active ? optionId(index) : undefined}
        className={styles.filter}
        value={query}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        onChange={(event) => onQueryChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <ul id={`${id}-list`} ref={listRef} role="listbox" aria-label={label} className={styles.list}>
        {shown.map((item, i) => (
          <li
            key={keyOf(item)}
            id={optionId(i)}
            role="option"
            aria-selected={i === index}
            className={styles.option}
            // Keep focus where it is (the text or the filter) when choosing with the mouse.
            onMouseDown={(event) => event.preventDefault()}
            onMouseMove={() => i !== index && setActiveIndex(i)}
            onClick={() => onChoose(item)}
          >
            {render(item)}
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className={styles.empty}>{empty}</p>}
      {items.length > shown.length && <p className={styles.hint}>{items.length - shown.length} more — type to narrow the list.</p>}
      {hintText && <p className={styles.hint}>{hintText}</p>}
    </>
  );
}
