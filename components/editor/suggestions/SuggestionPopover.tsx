'use client';

import type { RefObject } from 'react';
import { shortQuote } from '@/lib/editor/catalog';
import { describeGhost, sameLabel } from '@/lib/editor/suggestions';
import { Popover } from '../Popover';
import type { TextController } from '../TextView';
import { useAnchor } from '../useAnchor';
import type { Suggestions } from './useSuggestions';
import styles from './suggestions.module.css';

/**
 * The selected ghost's actions, below it. Focus stays in the text (Enter and Backspace act on the
 * ghost there); the buttons are for the mouse and for Tab. The live line tells screen readers
 * which suggestion is selected and what the keys do.
 */
export function SuggestionPopover({ suggestions, textRef }: { suggestions: Suggestions; textRef: RefObject<TextController | null> }) {
  const { selected, ghosts, busy } = suggestions;
  const anchor = useAnchor(textRef, selected, ghosts);
  return (
    <>
      <p className="visually-hidden" aria-live="polite">
        {selected ? describeGhost(ghosts, selected) : ''}
      </p>
      {selected && anchor && (
        <Popover anchor={anchor} label="Suggestion" onDismiss={suggestions.dismiss}>
          <p className={styles.title}>
            Suggested <strong>{selected.labelName}</strong> “{shortQuote(selected.quote, 50)}”
            <span className={styles.source}>
              {' '}
              by {selected.recommender}
              {selected.score !== null ? ` · score ${selected.score.toFixed(2)}` : ''}
            </span>
          </p>
          <div className={styles.actions}>
            <button type="button" className="button" disabled={busy} onClick={() => void suggestions.accept(selected)}>
              Accept <kbd>Enter</kbd>
            </button>
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => void suggestions.reject(selected)}>
              Reject <kbd>Backspace</kbd>
            </button>
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => void suggestions.acceptAll(selected)}>
              Accept all {sameLabel(ghosts, selected.labelId)} {selected.labelName}
            </button>
          </div>
          <p className={styles.hint}>Alt+↓ / Alt+↑: next / previous suggestion</p>
        </Popover>
      )}
    </>
  );
}
