'use client';

import type { KeyboardEvent } from 'react';
import type { FindOptions } from '@/lib/editor/find';
import type { Find } from './useFind';
import styles from './find.module.css';

interface FindBarProps {
  find: Find;
  /** Absent on read-only documents: nothing can be labelled there. */
  onLabelAll?: () => void;
}

/** "3 of 17", "No matches", "1 of 5000+" when the search stopped at its limit. */
function countText(find: Find): string {
  const { result, current, query } = find;
  if (query === '') return '';
  if (result.matches.length === 0) return 'No matches';
  return `${current + 1} of ${result.matches.length}${result.truncated ? '+' : ''}`;
}

/** The find bar under the editor's toolbar: the query, its options, the count, previous/next, label all, close. */
export function FindBar({ find, onLabelAll }: FindBarProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') find.step(event.shiftKey ? -1 : 1);
    else if (event.key === 'Escape') find.close();
    else return;
    event.preventDefault();
  };
  const option = (name: keyof FindOptions, text: string) => (
    <label className={styles.option}>
      <input type="checkbox" checked={find.options[name]} onChange={(event) => find.setOptions({ ...find.options, [name]: event.target.checked })} />
      {text}
    </label>
  );
  const none = find.result.matches.length === 0;
  return (
    <div role="search" className={styles.bar} aria-label="Find in the document">
      <input
        ref={find.input}
        type="search"
        className={styles.input}
        aria-label="Find in the document"
        placeholder="Find in the document"
        aria-keyshortcuts="Control+F Meta+F"
        value={find.query}
        onChange={(event) => find.setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <span className={styles.count} aria-live="polite">
        {countText(find)}
      </span>
      <button type="button" className="button button--secondary" onClick={() => find.step(-1)} disabled={none} title="Previous match (Shift+Enter, Shift+F3)">
        Previous
      </button>
      <button type="button" className="button button--secondary" onClick={() => find.step(1)} disabled={none} title="Next match (Enter, F3)">
        Next
      </button>
      {option('matchCase', 'Match case')}
      {option('wholeWord', 'Whole word')}
      {onLabelAll && (
        <button type="button" className="button button--secondary" onClick={onLabelAll} disabled={none}>
          Label all…
        </button>
      )}
      <button type="button" className="button button--secondary" onClick={find.close} title="Close (Esc)">
        Close
      </button>
    </div>
  );
}
