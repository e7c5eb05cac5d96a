'use client';

import { Fragment, useEffect, useMemo, useRef, type CSSProperties, type MouseEvent, type ReactNode } from 'react';
import type { CodePointRange, OffsetIndex } from '@/lib/offsets';
import { cutIntoPieces, type Piece } from './pieces';
import styles from './review.module.css';
import { selectedRange } from './text-selection';

export interface TextMark {
  key: string;
  start: number;
  end: number;
  color: string;
  label: string;
  /** "2/3"; null for gold-only spans. */
  agreement: string | null;
  disputed: boolean;
  gold: boolean;
}

interface ReviewTextProps {
  index: OffsetIndex;
  marks: readonly TextMark[];
  activeKey: string | null;
  /** Clicking a mark selects its row; keyboard users select rows in the list instead. */
  onSelect: (key: string) => void;
  /** The text selected in the panel (code points, not yet snapped), or null when a click there collapses it. */
  onTextSelect: (range: CodePointRange | null) => void;
}

export function ReviewText({ index, marks, activeKey, onSelect, onTextSelect }: ReviewTextProps) {
  const { pieces, lanes, laneCount } = useMemo(() => cutIntoPieces(index, marks), [index, marks]);
  const container = useRef<HTMLDivElement>(null);

  // Scrolls the panel, never the page, so the focused row stays where it is in the list.
  useEffect(() => {
    const box = container.current;
    const mark = activeKey ? [...(box?.querySelectorAll<HTMLElement>('[data-key]') ?? [])].find((el) => el.dataset.key === activeKey) : undefined;
    if (!box || !mark) return;
    // Rectangles, not offsetTop: marks are positioned, so a nested mark's offsetTop counts from its parent mark.
    const panel = box.getBoundingClientRect();
    const at = mark.getBoundingClientRect();
    if (at.top < panel.top || at.bottom > panel.bottom) box.scrollTop += at.top - panel.top - box.clientHeight / 3;
  }, [activeKey]);

  // A selection that collapses elsewhere (focus moving to a button) keeps the last one: the buttons act on it.
  useEffect(() => {
    const onChange = () => {
      const box = container.current;
      const selection = window.getSelection();
      if (!box || !selection?.anchorNode || !box.contains(selection.anchorNode)) return;
      onTextSelect(selectedRange(box, index));
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [index, onTextSelect]);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    // The end of a drag selecting text, not a click on a mark.
    if (!window.getSelection()?.isCollapsed) return;
    // The innermost mark under the pointer: the shortest candidate there.
    const key = (event.target as HTMLElement).closest<HTMLElement>('[data-key]')?.dataset.key;
    if (key) onSelect(key);
  };

  const drawPiece = (piece: Piece): ReactNode => {
    let node: ReactNode = piece.text;
    for (const k of [...piece.covering].reverse()) {
      const mark = marks[k]!;
      const classes = ['lane-underline', styles.mark, mark.disputed && styles.disputed, mark.gold && styles.gold, mark.key === activeKey && styles.active]
        .filter(Boolean)
        .join(' ');
      node = (
        <span
          className={classes}
          style={{ '--lane': lanes[k], '--color': mark.color } as CSSProperties}
          data-key={mark.key}
          data-active={mark.key === activeKey || undefined}
          data-label={piece.start === mark.start ? mark.label : undefined}
          title={k === piece.covering[0] ? piece.covering.map((c) => describe(marks[c]!)).join('\n') : undefined}
        >
          {node}
        </span>
      );
    }
    return node;
  };

  return (
    // Focusable so keyboard users can scroll a long text; marks are reached through the list.
    <div
      ref={container}
      className={styles.text}
      style={{ '--lanes': Math.max(1, laneCount) } as CSSProperties}
      onClick={onClick}
      tabIndex={0}
      role="region"
      aria-label="Document text, candidates marked"
      aria-keyshortcuts="b g"
    >
      {pieces.map((piece) => (
        <Fragment key={piece.start}>
          {drawPiece(piece)}
          {piece.ending.map((k) => (
            <Badge key={marks[k]!.key} mark={marks[k]!} />
          ))}
        </Fragment>
      ))}
    </div>
  );
}

function Badge({ mark }: { mark: TextMark }) {
  if (!mark.gold && !mark.disputed) return null;
  const text = [mark.gold ? '✓' : '', mark.disputed ? mark.agreement : ''].filter(Boolean).join(' ');
  return (
    <span className={`${styles.badge} ${mark.disputed ? styles.badgeDisputed : ''}`} style={{ '--ink': mark.color } as CSSProperties} aria-hidden="true">
      {text}
    </span>
  );
}

function describe(mark: TextMark): string {
  return [mark.label, mark.agreement, mark.gold ? 'in gold' : null].filter(Boolean).join(' · ');
}
