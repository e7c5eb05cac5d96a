import { Extension } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { changedMarks, type SpanMark } from '@/lib/editor/layout';
import { drawnFromMeta } from './plugin-state';

/** Editor position ranges that get a temporary highlight on top of the spans. */
interface Overlay {
  /** The selected span. */
  active: { from: number; to: number } | null;
  /** The snapped range a new span would cover. */
  draft: { from: number; to: number } | null;
}

export interface TextHandlers {
  keyDown(event: KeyboardEvent): boolean;
  /** A click on the text; `keys` are the spans drawn under the clicked character. */
  click(keys: string[]): void;
  /** The selection changed and is settled (not mid-drag). */
  select(state: EditorState): void;
}

interface DecorationClasses {
  span: string;
  active: string;
  draft: string;
}

interface Options {
  /**
   * The current handlers. A function, not a ref object: Tiptap's configure() deep-copies
   * plain objects, which would freeze the handlers of the first render.
   */
  handlers: () => TextHandlers;
  classes: DecorationClasses;
  /** The spans drawn from the start, so the text is laid out once with them (a function for the reason above). */
  initialMarks: () => readonly SpanMark[];
}

/** The drawn spans: the decorations, and the marks they were made from (to find what changed). */
interface SpansState {
  readonly set: DecorationSet;
  readonly marks: readonly SpanMark[];
}

const spansKey = new PluginKey<SpansState>('glossaSpans');
const overlayKey = new PluginKey<DecorationSet>('glossaOverlay');

/** Deeper lanes are drawn at the deepest one, so line spacing stays bounded. */
export const MAX_DRAWN_LANE = 5;

/**
 * A span's decorations: one over its first drawn piece, which carries the tag, and one over the
 * rest when it is drawn in more pieces (see SpanMark.cut), so the tag appears once per span.
 */
function spanDecoration(mark: SpanMark, className: string): Decoration[] {
  // nodeName gives every span its own element, so nested spans keep their own --lane and --color.
  const attrs = {
    nodeName: 'span',
    class: className,
    style: `--lane:${Math.min(mark.lane, MAX_DRAWN_LANE)};--color:${mark.color}`,
    title: mark.title,
    'data-span': mark.key,
    ...(mark.layer && { 'data-layer': mark.layer }),
  };
  // The tag is drawn by CSS from data-tag (text.module.css): generated content is neither selectable nor part of the text's offsets.
  const first = Decoration.inline(mark.from, mark.cut ?? mark.to, { ...attrs, 'data-tag': mark.tag }, { mark });
  return mark.cut === null ? [first] : [first, Decoration.inline(mark.cut, mark.to, attrs, { mark })];
}

export function spanDecorations(doc: EditorState['doc'], marks: readonly SpanMark[], className: string): DecorationSet {
  return DecorationSet.create(
    doc,
    marks.flatMap((mark) => spanDecoration(mark, className)),
  );
}

/**
 * The decorations for `marks`, changed from `previous` only where marks changed: one new span
 * replaces a decoration or a few (lanes move only among the spans it overlaps), so ProseMirror
 * redraws those and leaves the rest of the text alone.
 */
export function updateSpanDecorations(
  doc: EditorState['doc'],
  previous: DecorationSet,
  changes: ReturnType<typeof changedMarks>,
  className: string,
): DecorationSet {
  const gone = new Set(changes.removed);
  const stale = changes.removed.flatMap((mark) =>
    previous.find(mark.from, mark.to, (spec: { mark?: SpanMark }) => spec.mark !== undefined && gone.has(spec.mark)),
  );
  return previous.remove(stale).add(
    doc,
    changes.added.flatMap((mark) => spanDecoration(mark, className)),
  );
}

function overlayDecorations(doc: EditorState['doc'], overlay: Overlay, classes: DecorationClasses): DecorationSet {
  const decorations: Decoration[] = [];
  if (overlay.active) decorations.push(Decoration.inline(overlay.active.from, overlay.active.to, { nodeName: 'span', class: classes.active }));
  if (overlay.draft) decorations.push(Decoration.inline(overlay.draft.from, overlay.draft.to, { nodeName: 'span', class: classes.draft }));
  return DecorationSet.create(doc, decorations);
}

/**
 * Draws `marks` instead of the spans drawn now, and the overlay; one transaction, so ProseMirror
 * updates the view (and the DOM selection) once per change of either.
 */
export function drawSpans(view: EditorView, marks: readonly SpanMark[], overlay: Overlay): void {
  view.dispatch(view.state.tr.setMeta(spansKey, marks).setMeta(overlayKey, overlay));
}

function spanKeysAt(target: EventTarget | null, root: HTMLElement): string[] {
  const keys: string[] = [];
  for (let node = target instanceof Element ? target : null; node && node !== root; node = node.parentElement) {
    const key = node.getAttribute('data-span');
    if (key) keys.push(key);
  }
  return keys;
}

/**
 * Standoff annotations for Tiptap: spans are decorations held in plugin state, drawn with
 * the text from the start and changed (only where they changed) by a meta transaction when
 * the span list changes, and never written into the document. The text itself is read-only, but stays contenteditable so a caret and
 * keyboard selection (Shift+arrows) work; every route to a text change is refused.
 */
/**
 * The state with the browser's selection: ProseMirror reads a selection made with the mouse or the
 * keyboard (Ctrl+Home, Shift+arrows) on the browser's next selectionchange event, which a key
 * typed right after can beat; the key is meant for the caret or selection the user sees.
 */
function withBrowserSelection(view: EditorView): EditorState {
  const selection = view.dom.ownerDocument.getSelection();
  const { anchorNode, focusNode } = selection ?? {};
  if (!selection || !anchorNode || !focusNode || !view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) return view.state;
  const anchor = view.posAtDOM(anchorNode, selection.anchorOffset);
  const head = selection.isCollapsed ? anchor : view.posAtDOM(focusNode, selection.focusOffset);
  const current = view.state.selection;
  if (current.anchor !== anchor || current.head !== head) view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, anchor, head)));
  return view.state;
}

/**
 * React saves and restores the selection of a focused "text field" around every commit, and
 * counts an element whose `contentEditable` property is "true" as one: for a contenteditable it
 * measures the selection by walking every node inside it, which for 100,000 characters with
 * 5,000 spans is tens of milliseconds per commit, several commits per label. The browser edits by
 * the attribute, and ProseMirror only ever asks the property whether it is "false", so the root's
 * property answers "inherit" and React leaves the selection to ProseMirror, which owns it anyway.
 */
function hideSelectionFromReact(root: HTMLElement): void {
  Object.defineProperty(root, 'contentEditable', { configurable: true, get: () => 'inherit' });
}

export const AnnotationExtension = Extension.create<Options>({
  name: 'glossaAnnotations',
  // Before Tiptap's own keymap, so Backspace or Enter never reach editing commands.
  priority: 1000,

  addOptions() {
    return {
      handlers: () => ({ keyDown: () => false, click: () => undefined, select: () => undefined }),
      classes: { span: '', active: '', draft: '' },
      initialMarks: () => [],
    };
  },

  addProseMirrorPlugins() {
    const { handlers, classes, initialMarks } = this.options;
    const spans = new Plugin<SpansState>({
      key: spansKey,
      state: drawnFromMeta(
        spansKey,
        (_config, state) => {
          const marks = initialMarks();
          return { set: spanDecorations(state.doc, marks, classes.span), marks };
        },
        (doc, marks: readonly SpanMark[], previous) => {
          if (marks === previous.marks) return previous;
          const changes = changedMarks(previous.marks, marks);
          if (changes.added.length === 0 && changes.removed.length === 0) return { set: previous.set, marks };
          return { set: updateSpanDecorations(doc, previous.set, changes, classes.span), marks };
        },
      ),
      props: { decorations: (state) => spansKey.getState(state)?.set },
    });

    const overlay = new Plugin<DecorationSet>({
      key: overlayKey,
      state: drawnFromMeta(
        overlayKey,
        () => DecorationSet.empty,
        (doc, next: Overlay) => overlayDecorations(doc, next, classes),
      ),
      props: { decorations: (state) => overlayKey.getState(state) },
    });

    const readOnlyText = new Plugin({
      filterTransaction: (tr) => !tr.docChanged,
      props: {
        handleTextInput: () => true,
        handlePaste: () => true,
        handleDrop: () => true,
        handleDOMEvents: {
          beforeinput: (_view, event) => {
            event.preventDefault();
            return true;
          },
        },
      },
    });

    // The mouse selection waiting for the browser to settle it (see `up` below).
    let settling: ReturnType<typeof setTimeout> | undefined;
    const settle = (state: EditorState) => {
      clearTimeout(settling);
      settling = undefined;
      handlers().select(state);
    };

    const interaction = new Plugin({
      props: {
        handleKeyDown: (view, event) => {
          // A key pressed before ProseMirror read the selection (a hotkey right after a double-click,
          // ] right after Ctrl+Home) is for the selection the browser shows.
          const state = withBrowserSelection(view);
          if (settling !== undefined) settle(state);
          return handlers().keyDown(event);
        },
        handleClick: (view, _pos, event) => {
          handlers().click(spanKeysAt(event.target, view.dom));
          return false;
        },
      },
      view(view) {
        hideSelectionFromReact(view.dom);
        // A selection made with the mouse counts once the button is released, not while dragging.
        let dragging = false;
        const down = () => {
          dragging = true;
        };
        const up = () => {
          if (!dragging) return;
          dragging = false;
          // The browser settles the final selection after mouseup.
          clearTimeout(settling);
          settling = setTimeout(() => settle(view.state), 0);
        };
        view.dom.addEventListener('mousedown', down);
        window.addEventListener('mouseup', up);
        return {
          update(updated, previous) {
            if (!dragging && !previous.selection.eq(updated.state.selection)) handlers().select(updated.state);
          },
          destroy() {
            clearTimeout(settling);
            view.dom.removeEventListener('mousedown', down);
            window.removeEventListener('mouseup', up);
          },
        };
      },
    });

    return [spans, overlay, readOnlyText, interaction];
  },
});
