'use client';

import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { TextSelection } from '@tiptap/pm/state';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useImperativeHandle, useRef, type CSSProperties, type ReactNode, type Ref } from 'react';
import type { SpanLayout } from '@/lib/editor/layout';
import type { CodePointRange, SegmentTable } from '@/lib/offsets';
import { AnnotationExtension, drawSpans, MAX_DRAWN_LANE, type TextHandlers } from './annotation-extension';
import { findExtension } from './find/find-extension';
import type { FindStore } from './find/find-store';
import type { GhostStore } from './suggestions/ghost-store';
import { suggestionExtension } from './suggestions/suggestion-extension';
import styles from './text.module.css';

// Line spacing keeps room for this many stacked underlines from the start, so that the first nested
// span (a PERSON inside an ORG, under a stance span) does not make every line of the text jump.
const RESERVED_LANES = 3;

/** A point below a range, in pixels relative to the text area, where popovers go. */
export interface Anchor {
  top: number;
  left: number;
}

export interface TextController {
  focus(): void;
  /** Code point offset of the caret, or null before the editor is ready. */
  caretOffset(): number | null;
  /** Collapses the selection to `offset` (keeping the caret where the user works). */
  placeCaret(offset: number): void;
  anchorOf(range: CodePointRange): Anchor | null;
  /** Scrolls so that `range` is in view. */
  reveal(range: CodePointRange): void;
}

interface TextViewProps {
  table: SegmentTable;
  label: string;
  layout: SpanLayout;
  active: CodePointRange | null;
  draft: CodePointRange | null;
  handlers: () => TextHandlers;
  controller: Ref<TextController>;
  /** Whether each span shows its tag (the toolbar's Tags switch). */
  tags: boolean;
  /** Pending suggestions, drawn as ghost spans (components/editor/suggestions). */
  ghosts?: GhostStore;
  /** The find bar's matches, highlighted (components/editor/find). */
  found?: FindStore;
  /** Popovers, positioned against the text area. */
  children?: ReactNode;
}

const classes = { span: `lane-underline ${styles.span}`, active: styles.active!, draft: styles.draft! };

/** The text's paragraphs as the editor shows them, without spans and not editable. */
export function PlainText({ table }: { table: SegmentTable }) {
  return (
    <div className={styles.prose}>
      {table.paragraphs.map((paragraph) => (
        <p key={paragraph.start} dir="auto">
          {paragraph.text}
        </p>
      ))}
    </div>
  );
}

export function TextView({ table, label, layout, active, draft, handlers, controller, tags, ghosts, found, children }: TextViewProps) {
  const areaRef = useRef<HTMLDivElement>(null);
  // The spans of the render that creates the editor, drawn with the text so it is laid out once.
  const initialLayout = useRef(layout);
  const editor = useEditor(
    {
      extensions: [
        Document,
        // dir=auto per paragraph: an Urdu or Pashto paragraph runs right to left inside an English document.
        Paragraph.configure({ HTMLAttributes: { dir: 'auto' } }),
        Text,
        AnnotationExtension.configure({ handlers, classes, initialMarks: () => initialLayout.current.marks }),
        ...(ghosts ? [suggestionExtension(ghosts)] : []),
        ...(found ? [findExtension(found)] : []),
      ],
      content: {
        type: 'doc',
        content: table.paragraphs.map((paragraph) => ({ type: 'paragraph', content: [{ type: 'text', text: paragraph.text }] })),
      },
      editorProps: {
        attributes: {
          class: styles.prose!,
          role: 'textbox',
          'aria-readonly': 'true',
          'aria-multiline': 'true',
          'aria-label': label,
          spellcheck: 'false',
          autocorrect: 'off',
          // No on-screen keyboard: the text cannot be typed into.
          inputmode: 'none',
        },
      },
      immediatelyRender: false,
      shouldRerenderOnTransaction: false,
    },
    [],
  );

  useEffect(() => {
    if (!editor) return;
    const positions = (range: CodePointRange | null) => range && { from: table.toEditorPos(range.start, 'start'), to: table.toEditorPos(range.end, 'end') };
    drawSpans(editor.view, layout.marks, { active: positions(active), draft: positions(draft) });
  }, [editor, table, layout, active, draft]);

  useImperativeHandle(
    controller,
    () => ({
      focus: () => editor?.view.focus(),
      caretOffset: () => (editor ? table.fromEditorPos(editor.state.selection.head) : null),
      placeCaret(offset) {
        if (!editor) return;
        const { state } = editor.view;
        editor.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, table.toEditorPos(offset, 'start'))));
      },
      anchorOf(range) {
        const area = areaRef.current;
        if (!editor || !area) return null;
        const end = editor.view.coordsAtPos(table.toEditorPos(range.end, 'end'), -1);
        const box = area.getBoundingClientRect();
        return { top: end.bottom - box.top + 6, left: end.left - box.left };
      },
      reveal(range) {
        if (!editor) return;
        const { top, bottom } = editor.view.coordsAtPos(table.toEditorPos(range.start, 'start'));
        if (top < 80 || bottom > window.innerHeight - 80) window.scrollBy({ top: top - window.innerHeight / 3 });
      },
    }),
    [editor, table],
  );

  const lanes = Math.min(layout.laneCount, MAX_DRAWN_LANE + 1);
  return (
    <div ref={areaRef} className={tags ? `${styles.area} ${styles.tags}` : styles.area} style={{ '--lanes': Math.max(lanes, RESERVED_LANES) } as CSSProperties}>
      {editor ? (
        <EditorContent editor={editor} />
      ) : (
        // The same paragraphs without spans, on the server and until the editor mounts.
        <PlainText table={table} />
      )}
      {children}
    </div>
  );
}
