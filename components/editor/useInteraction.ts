'use client';

import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';
import { layerOf, shortQuote, type Catalog } from '@/lib/editor/catalog';
import * as commands from '@/lib/editor/commands';
import { neighbourSpan, nextInCycle, spansAtCaret } from '@/lib/editor/hit';
import { relationCount, relationsOfSpan, type DocState, type SpanTarget } from '@/lib/editor/model';
import { activeLabels, type SchemaLabel } from '@/lib/editor/schema';
import type { SegmentTable } from '@/lib/offsets';
import type { TextHandlers } from './annotation-extension';
import { keyboardHandler } from './interaction-keyboard';
import { pointerHandler } from './interaction-pointer';
import { selectionHandler } from './interaction-selection';
import { layerName } from './LabelOption';
import { activeKeyOf, draftOf, idle, type Mode, type Subject } from './mode';
import type { TextController } from './TextView';
import type { EditorData, Notice } from './types';
import { useModeState, type ModeState } from './useModeState';

let keySequence = 0;
/** Client keys for new entities (randomUUID needs a secure context, which a LAN address is not). */
export function newKey(): string {
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
 * The actions a popover, the side panel or a key can take, each moving the mode on: label,
 * relabel, retarget, mark unsure, write a note, delete (asking first when relations go with it), link, cancel.
 */
function interactionActions({ data, catalog, view, textRef, context, run, notify }: InteractionOptions, state: ModeState) {
  const { labels, document } = data;
  const { mode, setMode, setQuery, backToText } = state;

  const showSpan = (key: string, next: Mode) => {
    const span = view.spans.get(key);
    if (!span) return;
    textRef.current?.reveal(span);
    // Caret first: moving it must not end the mode set below.
    textRef.current?.placeCaret(span.start);
    setMode(next);
    setQuery('');
  };

  /** Names the label just applied in the status line, so a hotkey pressed by mistake is seen (and undone). */
  const announceLabel = (labelId: string, quote: string) => {
    const label = labels.find((l) => l.id === labelId);
    if (label) notify({ tone: 'info', text: `${label.name} (${layerName(label.layer).toLowerCase()}) applied to “${shortQuote(quote, 40)}”` });
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

  const chooseLabel = (subject: Subject, label: SchemaLabel) => {
    if (label.layer !== 'STANCE') return finishLabel(subject, label.id, null);
    const existing = 'spanKey' in subject ? view.spans.get(subject.spanKey) : undefined;
    // A stance span that changes stance keeps what it is about.
    if (existing?.target) return finishLabel(subject, label.id, existing.target);
    setMode({ kind: 'target', subject, labelId: label.id });
  };

  const confirmRemove = (key: string) => {
    const span = view.spans.get(key);
    const relations = relationsOfSpan(view, key).length;
    if (!run(commands.deleteSpan(context(), key))) return;
    if (activeKeyOf(mode) === key) backToText();
    if (relations > 0)
      notify({ tone: 'info', text: `Deleted “${shortQuote(span?.quote ?? '', 40)}” and ${relationCount(relations)}; Ctrl+Z brings them back.` });
  };

  return {
    finishLabel,
    chooseLabel,
    confirmRemove,
    focusSpan(key: string) {
      showSpan(key, { kind: 'span', spanKey: key });
      textRef.current?.focus();
    },
    relabel(key: string, typing: boolean) {
      const span = view.spans.get(key);
      const layer = span && layerOf(catalog, span);
      if (layer) state.setPickerLayer(layer);
      showSpan(key, { kind: 'label', subject: { spanKey: key }, typing });
    },
    retarget(key: string) {
      const span = view.spans.get(key);
      if (span && layerOf(catalog, span) === 'STANCE') setMode({ kind: 'target', subject: { spanKey: key }, labelId: span.labelId });
    },
    /** Deletes a span, after asking when relations would go with it. */
    remove(key: string) {
      if (relationsOfSpan(view, key).length > 0) showSpan(key, { kind: 'confirmDelete', spanKey: key });
      else confirmRemove(key);
    },
    /** Flips the span's "unsure" flag, and says so in the status line. */
    toggleUnsure(key: string) {
      const span = view.spans.get(key);
      if (span && run(commands.remarkSpan(context(), key, { unsure: !span.unsure })))
        notify({ tone: 'info', text: `“${shortQuote(span.quote, 40)}” ${span.unsure ? 'is no longer marked unsure' : 'marked unsure'}; Ctrl+Z undoes it.` });
    },
    editNote: (key: string) => showSpan(key, { kind: 'note', spanKey: key }),
    saveNote(key: string, note: string) {
      if (run(commands.remarkSpan(context(), key, { note }))) backToText({ kind: 'span', spanKey: key });
    },
    startLink(key: string) {
      if (activeLabels(labels, 'RELATION').length === 0) notify({ tone: 'error', text: 'This project has no relation types.' });
      else setMode({ kind: 'linkTarget', sourceKey: key });
    },
    chooseLinkTarget: (sourceKey: string, targetKey: string) => setMode({ kind: 'linkType', sourceKey, targetKey }),
    link(sourceKey: string, targetKey: string, labelId: string) {
      if (run(commands.linkSpans(context(), newKey(), sourceKey, targetKey, labelId))) {
        notify({ tone: 'info', text: 'Relation added; see the Relations tab.' });
        backToText({ kind: 'span', spanKey: sourceKey });
      }
    },
    /** Enter in the text: selects the span under the caret, or the next one nested there. */
    selectAtCaret() {
      const caret = textRef.current?.caretOffset();
      if (caret === null || caret === undefined) return;
      const next = nextInCycle(spansAtCaret(view.spans.values(), caret), activeKeyOf(mode));
      if (next) setMode({ kind: 'span', spanKey: next.key });
    },
    /** "]" and "[" in the text: selects the next or previous span (see neighbourSpan). */
    stepSpan(direction: 1 | -1) {
      const caret = textRef.current?.caretOffset() ?? 0;
      const next = neighbourSpan(view.spans.values(), { activeKey: activeKeyOf(state.latest.current.mode), caret }, direction);
      if (next) showSpan(next.key, { kind: 'span', spanKey: next.key });
    },
    /**
     * A label chosen in the palette: for the selected text, or to relabel the selected span when
     * it is of the span's layer (a span does not change layer; other layers label new text).
     */
    applyLabel(label: SchemaLabel) {
      const current = state.latest.current.mode;
      // While a stance target is being chosen, another label is still for the same text or span.
      const subject = current.kind === 'label' || current.kind === 'target' ? current.subject : null;
      if (subject && 'range' in subject) return chooseLabel(subject, label);
      const key = current.kind === 'span' ? current.spanKey : subject ? subject.spanKey : null;
      const span = key ? view.spans.get(key) : undefined;
      if (!span) return notify({ tone: 'error', text: `Select text first (or a span to relabel), then choose ${label.name}.` });
      const layer = layerOf(catalog, span);
      if (layer !== label.layer) {
        const [labelLayer, spanLayer] = [label.layer, layer ?? ''].map((l) => layerName(l).toLowerCase());
        return notify({
          tone: 'error',
          text: `${label.name} is a ${labelLayer} label; the selected span is in the ${spanLayer} layer and keeps it. Select text to add a new span.`,
        });
      }
      chooseLabel({ spanKey: span.key }, label);
    },
    cancel() {
      if (mode.kind === 'linkTarget' || mode.kind === 'linkType') return backToText({ kind: 'span', spanKey: mode.sourceKey });
      if (mode.kind === 'confirmDelete' || mode.kind === 'note') return backToText({ kind: 'span', spanKey: mode.spanKey });
      if ((mode.kind === 'label' || mode.kind === 'target') && 'spanKey' in mode.subject) return backToText({ kind: 'span', spanKey: mode.subject.spanKey });
      backToText(idle, draftOf(mode)?.end);
    },
  };
}

/** What the keyboard, pointer and selection handlers work with. */
export interface InteractionCore {
  state: ModeState;
  actions: ReturnType<typeof interactionActions>;
  data: EditorData;
  labels: readonly SchemaLabel[];
  table: SegmentTable;
  view: DocState;
  readOnly: boolean;
}

/**
 * What the editor is doing (see mode.ts) and how selections (interaction-selection.ts),
 * clicks (interaction-pointer.ts) and keys (interaction-keyboard.ts) in the text, and the
 * popovers' choices, move it from one mode to the next.
 */
export function useInteraction(options: InteractionOptions) {
  const state = useModeState(options.view, options.textRef);
  const actions = interactionActions(options, state);
  const core: InteractionCore = {
    state,
    actions,
    data: options.data,
    labels: options.data.labels,
    table: options.table,
    view: options.view,
    readOnly: options.readOnly,
  };

  const handlers = useRef<TextHandlers>({ keyDown: () => false, click: () => undefined, select: () => undefined });
  useLayoutEffect(() => {
    handlers.current = { keyDown: keyboardHandler(core), click: pointerHandler(core), select: selectionHandler(core) };
  });

  return {
    ...actions,
    mode: state.mode,
    /** Closes the popover without moving focus (a click elsewhere on the page). */
    dismiss: () => state.setMode(idle),
    filter: { layer: state.pickerLayer, setLayer: state.setPickerLayer, query: state.query, setQuery: state.setQuery },
    pickerInput: state.pickerInput,
    /** For the text view: always the handlers of the latest render. */
    textHandlers: useCallback(() => handlers.current, []),
  };
}

export type Interaction = ReturnType<typeof useInteraction>;
