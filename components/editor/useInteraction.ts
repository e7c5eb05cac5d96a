'use client';

import type { EditorState } from '@tiptap/pm/state';
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { layerOf, shortQuote, type Catalog } from '@/lib/editor/catalog';
import * as commands from '@/lib/editor/commands';
import { nextInCycle, spansAtCaret } from '@/lib/editor/hit';
import { pickerLabels } from '@/lib/editor/picker';
import { relationCount, relationsOfSpan, type DocState, type Span, type SpanTarget } from '@/lib/editor/model';
import type { SpanLayer } from '@/lib/schema/types';
import { selectionRange } from '@/lib/editor/rules';
import { activeLabels, spanLabelForHotkey, type SchemaLabel } from '@/lib/editor/schema';
import type { SegmentTable } from '@/lib/offsets';
import type { TextHandlers } from './annotation-extension';
import { activeKeyOf, draftOf, idle, validMode, type Mode, type Subject } from './mode';
import type { TextController } from './TextView';
import { layerName } from './LabelOption';
import type { EditorData, Notice } from './types';

let keySequence = 0;
/** Client keys for new entities (randomUUID needs a secure context, which a LAN address is not). */
function newKey(): string {
  keySequence += 1;
  return `new:${Date.now().toString(36)}:${keySequence}`;
}

interface InteractionOptions {
  data: EditorData;
  table: SegmentTable;
  catalog: Catalog;
  view: DocState;
  readOnly: boolean;
  textRef: RefObject<TextController | null>;
  /** The state commands are checked against. */
  context(): commands.CommandContext;
  /** Applies a command, or explains why not; true when it was applied. */
  run(command: commands.Command): boolean;
  notify(notice: Notice): void;
}

/**
 * What the editor is doing (see mode.ts) and how selections, clicks and keys in the text,
 * and the popovers' choices, move it from one mode to the next.
 */
export function useInteraction({ data, table, catalog, view, readOnly, textRef, context, run, notify }: InteractionOptions) {
  const { labels, project, document } = data;
  const [rawMode, setRawMode] = useState<Mode>(idle);
  const mode = validMode(rawMode, view);
  const [pickerLayer, setPickerLayer] = useState<SpanLayer>('ENTITY');
  const [query, setRawQuery] = useState('');
  const pickerInput = useRef<HTMLInputElement>(null);
  // A key can arrive before React renders what the event before it did (a hotkey pressed right
  // after a selection, a second letter right after the first): the text's key handler reads the
  // mode and query set last from here, not the ones of the last render.
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

  const showSpan = (key: string, next: Mode) => {
    const span = view.spans.get(key);
    if (!span) return;
    textRef.current?.reveal(span);
    // Caret first: moving it must not end the mode set below.
    textRef.current?.placeCaret(span.start);
    setMode(next);
    setQuery('');
  };

  const focusSpan = (key: string) => {
    showSpan(key, { kind: 'span', spanKey: key });
    textRef.current?.focus();
  };

  const finishLabel = (subject: Subject, labelId: string, target: SpanTarget | null) => {
    if ('range' in subject) {
      if (!run(commands.createSpan(context(), newKey(), subject.range, labelId, target))) return;
      backToText(idle, subject.range.end);
      announceLabel(labelId, document.text.slice(subject.range.start, subject.range.end));
    } else if (run(commands.changeSpan(context(), subject.spanKey, labelId, target))) {
      backToText({ kind: 'span', spanKey: subject.spanKey });
      announceLabel(labelId, view.spans.get(subject.spanKey)?.quote ?? '');
    }
  };

  /** Names the label just applied in the status line, so a hotkey pressed by mistake is seen (and undone). */
  const announceLabel = (labelId: string, quote: string) => {
    const label = labels.find((l) => l.id === labelId);
    if (label) notify({ tone: 'info', text: `${label.name} (${layerName(label.layer).toLowerCase()}) applied to “${shortQuote(quote, 40)}”` });
  };

  const chooseLabel = (subject: Subject, label: SchemaLabel) => {
    if (label.layer !== 'STANCE') return finishLabel(subject, label.id, null);
    const existing = 'spanKey' in subject ? view.spans.get(subject.spanKey) : undefined;
    // A stance span that changes stance keeps what it is about.
    if (existing?.target) return finishLabel(subject, label.id, existing.target);
    setMode({ kind: 'target', subject, labelId: label.id });
  };

  const relabel = (key: string, typing: boolean) => {
    const span = view.spans.get(key);
    const layer = span && layerOf(catalog, span);
    if (layer) setPickerLayer(layer);
    showSpan(key, { kind: 'label', subject: { spanKey: key }, typing });
  };

  const retarget = (key: string) => {
    const span = view.spans.get(key);
    if (span && layerOf(catalog, span) === 'STANCE') setMode({ kind: 'target', subject: { spanKey: key }, labelId: span.labelId });
  };

  /** Deletes a span, after asking when relations would go with it. */
  const remove = (key: string) => {
    if (relationsOfSpan(view, key).length > 0) showSpan(key, { kind: 'confirmDelete', spanKey: key });
    else confirmRemove(key);
  };

  const confirmRemove = (key: string) => {
    const span = view.spans.get(key);
    const relations = relationsOfSpan(view, key).length;
    if (!run(commands.deleteSpan(context(), key))) return;
    if (activeKeyOf(mode) === key) backToText();
    if (relations > 0) notify({ tone: 'info', text: `Deleted “${shortQuote(span?.quote ?? '', 40)}” and ${relationCount(relations)}; Ctrl+Z brings them back.` });
  };

  const startLink = (key: string) => {
    if (activeLabels(labels, 'RELATION').length === 0) notify({ tone: 'error', text: 'This project has no relation types.' });
    else setMode({ kind: 'linkTarget', sourceKey: key });
  };

  const chooseLinkTarget = (sourceKey: string, targetKey: string) => setMode({ kind: 'linkType', sourceKey, targetKey });

  const link = (sourceKey: string, targetKey: string, labelId: string) => {
    if (run(commands.linkSpans(context(), newKey(), sourceKey, targetKey, labelId))) {
      notify({ tone: 'info', text: 'Relation added; see the Relations tab.' });
      backToText({ kind: 'span', spanKey: sourceKey });
    }
  };

  const selectAtCaret = () => {
    const caret = textRef.current?.caretOffset();
    if (caret === null || caret === undefined) return;
    const next = nextInCycle(spansAtCaret(view.spans.values(), caret), activeKeyOf(mode));
    if (next) setMode({ kind: 'span', spanKey: next.key });
  };

  const cancel = () => {
    if (mode.kind === 'linkTarget' || mode.kind === 'linkType') return backToText({ kind: 'span', spanKey: mode.sourceKey });
    if (mode.kind === 'confirmDelete') return backToText({ kind: 'span', spanKey: mode.spanKey });
    if ((mode.kind === 'label' || mode.kind === 'target') && 'spanKey' in mode.subject) return backToText({ kind: 'span', spanKey: mode.subject.spanKey });
    backToText(idle, draftOf(mode)?.end);
  };

  /** Moves typing to the picker's filter; until it has rendered, the text's key handler passes letters on to the query. */
  const startTyping = (subject: Subject, typed: string) => {
    setMode({ kind: 'label', subject, typing: true });
    setQuery(typed);
    pickerInput.current?.focus();
  };

  /**
   * The rule: on a fresh selection a hotkey applies its label at once, rendered picker or not.
   * Once a name is being typed (after "/", Space, Tab or a character that is no hotkey), every
   * character filters the list instead, so a name starting with a hotkey letter is found.
   */
  const onLabelKey = (event: KeyboardEvent, subject: Subject, typing: boolean): boolean => {
    const key = event.key;
    const hotkeyLabel = spanLabelForHotkey(labels, key);
    if (key === 'Escape') cancel();
    else if (key === '/' || key === ' ' || (key === 'Tab' && !event.shiftKey)) startTyping(subject, latest.current.query);
    else if (typing && key.length === 1) startTyping(subject, latest.current.query + key);
    else if (typing && key === 'Enter') {
      // Enter typed before the filter had focus: the best match, as the filter's own Enter would choose.
      const best = pickerLabels(labels, pickerLayer, latest.current.query)[0];
      if (best) chooseLabel(subject, best);
    }
    else if (hotkeyLabel) chooseLabel(subject, hotkeyLabel);
    else if (key.length === 1 && key !== '?') startTyping(subject, key);
    else return key === 'Enter';
    return true;
  };

  const onSpanKey = (key: string, spanKey: string): boolean => {
    if (key === 'Escape') setMode(idle);
    else if (key === 'c') relabel(spanKey, false);
    else if (key === 't') retarget(spanKey);
    else if (key === 'r') startLink(spanKey);
    else if (key === 'Delete' || key === 'Backspace') remove(spanKey);
    else if (key === 'Enter') selectAtCaret();
    else return false;
    return true;
  };

  /** Keys typed in the text; true when the key was used (and must not reach ProseMirror). */
  const onTextKey = (event: KeyboardEvent): boolean => {
    if (event.ctrlKey || event.metaKey || event.altKey) return false;
    const key = event.key;
    if (readOnly && key !== 'Escape' && key !== 'Enter') return false;
    const current = latest.current.mode;
    if (current.kind === 'label') return onLabelKey(event, current.subject, current.typing || latest.current.query !== '');
    if (current.kind === 'span') return onSpanKey(key, current.spanKey);
    if (current.kind !== 'idle' && key === 'Escape') cancel();
    else if (key === 'Enter') selectAtCaret();
    else return false;
    return true;
  };

  const onTextClick = (keys: string[]) => {
    const spans = keys.map((key) => view.spans.get(key)).filter((span): span is Span => span !== undefined);
    if (mode.kind === 'linkTarget') {
      const target = nextInCycle(spans.filter((span) => span.key !== mode.sourceKey), null);
      if (target) chooseLinkTarget(mode.sourceKey, target.key);
      return;
    }
    const next = nextInCycle(spans, activeKeyOf(mode));
    setMode(next ? { kind: 'span', spanKey: next.key } : idle);
  };

  const onTextSelect = (state: EditorState) => {
    const { from, to, empty } = state.selection;
    if (empty) {
      if (draftOf(mode)) setMode(idle);
      return;
    }
    if (readOnly || mode.kind === 'linkTarget' || mode.kind === 'linkType') return;
    const range = selectionRange(document.text, table, from, to, project.snapToWords);
    if (!range) return;
    setQuery('');
    setMode({ kind: 'label', subject: { range }, typing: false });
  };

  const handlers = useRef<TextHandlers>({ keyDown: () => false, click: () => undefined, select: () => undefined });
  useLayoutEffect(() => {
    handlers.current = { keyDown: onTextKey, click: onTextClick, select: onTextSelect };
  });

  return {
    mode,
    /** Closes the popover without moving focus (a click elsewhere on the page). */
    dismiss: () => setMode(idle),
    query,
    setQuery,
    pickerLayer,
    setPickerLayer,
    pickerInput,
    /** For the text view: always the handlers of the latest render. */
    textHandlers: useCallback(() => handlers.current, []),
    focusSpan,
    finishLabel,
    chooseLabel,
    relabel,
    retarget,
    remove,
    confirmRemove,
    startLink,
    chooseLinkTarget,
    link,
    cancel,
  };
}

export type Interaction = ReturnType<typeof useInteraction>;
