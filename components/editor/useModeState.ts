'use client';

import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { DocState } from '@/lib/editor/model';
import type { SpanLayer } from '@/lib/schema/types';
import { idle, validMode, type Mode } from './mode';
import type { TextController } from './TextView';

/**
 * The interaction's state: the mode (see mode.ts), the label picker's filter and layer, and
 * the way back to the text. Keys and selections can arrive before React renders what the
 * event before them did, so the mode and query set last are also kept in `latest`.
 */
export function useModeState(view: DocState, textRef: RefObject<TextController | null>) {
  const [rawMode, setRawMode] = useState<Mode>(idle);
  const mode = validMode(rawMode, view);
  const [pickerLayer, setPickerLayer] = useState<SpanLayer>('ENTITY');
  const [query, setRawQuery] = useState('');
  const pickerInput = useRef<HTMLInputElement>(null);
  // A hotkey pressed right after a selection, or a second letter right after the first: the
  // text's key handler reads the mode and query set last from here, not those of the last render.
  const latest = useRef({ mode, query });
  useLayoutEffect(() => {
    latest.current = { mode, query };
  });
  const setMode = (next: Mode) => {
    latest.current.mode = next;
    setRawMode(next);
  };
  const setQuery = (next: string) => {
    latest.current.query = next;
    setRawQuery(next);
  };

  /** Leaves any popover and puts keyboard focus back in the text, with the caret at `caret` if given. */
  const backToText = (next: Mode = idle, caret?: number) => {
    if (caret !== undefined) textRef.current?.placeCaret(caret);
    setMode(next);
    setQuery('');
    textRef.current?.focus();
  };

  return { mode, setMode, query, setQuery, latest, pickerLayer, setPickerLayer, pickerInput, backToText };
}

export type ModeState = ReturnType<typeof useModeState>;
