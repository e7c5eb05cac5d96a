'use client';

import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { FindText, findMatches, firstMatchFrom, stepMatch, type FindOptions, type FindResult } from '@/lib/editor/find';
import type { OffsetIndex, SegmentTable } from '@/lib/offsets';
import type { TextController } from '../TextView';
import { useStable } from '../useStable';
import { FindStore } from './find-store';

const NOTHING: FindResult = { matches: [], truncated: false };

/** Where the current match is: an index into the matches of one result (a new query starts again from the caret). */
interface Position {
  readonly result: FindResult;
  readonly index: number;
}

/**
 * The find bar's state: open or not, the query and its options, the matches (in code points, and
 * as editor positions in the store the highlighting plugin draws from) and the current one.
 *
 * Ctrl/⌘+F opens the bar, or focuses it again; pressing it once more while the bar's field has
 * focus is left to the browser, so its own find stays one key away. F3 / Shift+F3 step through
 * the matches while the bar is open.
 */
export function useFind({ text, table, textRef }: { text: OffsetIndex; table: SegmentTable; textRef: RefObject<TextController | null> }) {
  const store = useMemo(() => new FindStore(), []);
  const findText = useMemo(() => new FindText(text), [text]);
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<FindOptions>({ matchCase: false, wholeWord: false });
  // The caret when the bar opened: the first match shown is the first one from there.
  const [origin, setOrigin] = useState(0);
  const [position, setPosition] = useState<Position>({ result: NOTHING, index: -1 });

  const result = useMemo(() => (open ? findMatches(findText, query, options) : NOTHING), [open, findText, query, options]);
  const count = result.matches.length;
  const current = position.result === result ? position.index : count === 0 ? -1 : firstMatchFrom(result.matches, origin);
  const ranges = useMemo(
    () => result.matches.map((m) => ({ from: table.toEditorPos(m.start, 'start'), to: table.toEditorPos(m.end, 'end') })),
    [result, table],
  );

  useEffect(() => store.set({ ranges, current }), [store, ranges, current]);
  useEffect(() => {
    const match = result.matches[current];
    if (match) textRef.current?.reveal(match);
  }, [result, current, textRef]);

  const show = useStable(() => {
    if (!open) {
      setOrigin(textRef.current?.caretOffset() ?? 0);
      setOpen(true);
    }
    // The field exists once the bar has rendered.
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.select();
    });
  });
  const step = useStable((direction: 1 | -1) => {
    if (count > 0) setPosition({ result, index: stepMatch(count, current, direction) });
  });
  /** Closes the bar and puts the caret at the current match, so work goes on where the search ended. */
  const close = useStable(() => {
    const match = result.matches[current];
    setOpen(false);
    if (match) textRef.current?.placeCaret(match.start);
    textRef.current?.focus();
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // A dialog (guidelines, shortcuts, label all) keeps its keys.
      if (event.target instanceof Element && event.target.closest('dialog')) return;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f') {
        if (open && document.activeElement === input.current) return;
        event.preventDefault();
        show();
      } else if (event.key === 'F3' && open) {
        event.preventDefault();
        step(event.shiftKey ? -1 : 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, show, step]);

  return { store, findText, input, open, query, setQuery, options, setOptions, result, current, show, step, close };
}

export type Find = ReturnType<typeof useFind>;
