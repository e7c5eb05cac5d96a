'use client';

import dynamic from 'next/dynamic';
import { Suspense, use, useMemo, type CSSProperties } from 'react';
import { shortQuote, spanTitle } from '@/lib/editor/catalog';
import { buildSegmentTable } from '@/lib/offsets';
import { ArcLayer } from './ArcLayer';
import { ConflictDialog } from './ConflictDialog';
import { Dialog } from './Dialog';
import { DocumentQuestions } from './DocumentQuestions';
import { EditorToolbar } from './EditorToolbar';
import { FindBar } from './find/FindBar';
import { LabelAllDialog } from './find/LabelAllDialog';
import { useFind } from './find/useFind';
import { useLabelAll } from './find/useLabelAll';
import { GoldCompare } from './GoldCompare';
import { GoldCompareToggle } from './GoldCompareToggle';
import { LabelPalette, PaletteSpace } from './LabelPalette';
import { LayerLegend } from './LayerLegend';
import { draftOf } from './mode';
import { ModePopover } from './ModePopover';
import { Presence } from './Presence';
import { RelationList } from './RelationList';
import { SaveStatus } from './SaveStatus';
import { ShortcutSheet } from './ShortcutSheet';
import { SidePanel } from './SidePanel';
import { CommentThread } from '@/components/comments/CommentThread';
import { SpanList } from './SpanList';
import { PlainText, TextView } from './TextView';
import type { EditorData, EditorWork } from './types';
import { SuggestionPopover } from './suggestions/SuggestionPopover';
import { useSuggestions } from './suggestions/useSuggestions';
import { useEditorState } from './useEditorState';
import { useTagsShown } from './useTagsShown';
import styles from './editor.module.css';
import textStyles from './text.module.css';

// The guidelines are Markdown, shown only when asked for: its parser loads then, not with the editor.
const Markdown = dynamic(() => import('@/components/ui/Markdown').then((module) => module.Markdown));

interface EditorProps {
  data: EditorData;
  /** The caller's annotations, streamed after the text: until they arrive the text is shown as is. */
  work: Promise<EditorWork>;
}

/** The annotation editor of one document: the text at once, the editor once the caller's annotations have arrived. */
export function AnnotationEditor({ data, work }: EditorProps) {
  return (
    <Suspense fallback={<TextOnly text={data.document.text} />}>
      <LoadedEditor data={data} work={work} />
    </Suspense>
  );
}

/** The text where the editor will show it, while the annotations are on their way. */
function TextOnly({ text }: { text: string }) {
  const table = useMemo(() => buildSegmentTable(text), [text]);
  return (
    <div className={styles.layout}>
      <PaletteSpace />
      <section className={styles.textPanel} aria-label="Document text">
        <div className={textStyles.area} style={{ '--lanes': 1 } as CSSProperties}>
          <PlainText table={table} />
        </div>
      </section>
    </div>
  );
}

/** The annotation editor's layout: the text with its spans, the popovers, the side panel and the toolbar; its state is useEditorState's. */
function LoadedEditor({ data, work }: EditorProps) {
  const { project, document, labels, targets } = data;
  // The state is one object: the parts used most are named here, the others read as editor.<part>.
  const editor = useEditorState(data, use(work));
  const { catalog, view, readOnly, interaction, panel, snapshot, arcs, submission, notice, dialog, textRef, table } = editor;
  const setNotice = notice.set;
  const setDialog = dialog.set;
  const tags = useTagsShown();
  const suggestions = useSuggestions({ documentId: document.id, table, catalog, readOnly, textRef, notify: setNotice, onSelect: interaction.dismiss });
  const find = useFind({ text: editor.text, table, textRef });
  const labelAll = useLabelAll({
    findText: find.findText,
    snapToWords: project.snapToWords,
    context: editor.context,
    perform: editor.changes.perform,
    notify: setNotice,
  });

  // What the span and relation lists of the side panel both show.
  const listed = { catalog, spans: view.spans, readOnly };

  return (
    <div className={styles.editor}>
      <EditorToolbar
        undo={{ run: editor.undo, enabled: editor.changes.canUndo && !readOnly, next: editor.changes.nextUndo }}
        redo={{ run: editor.redo, enabled: editor.changes.canRedo && !readOnly, next: editor.changes.nextRedo }}
        status={
          <>
            <SaveStatus pending={snapshot.pending} status={snapshot.status} onRetry={() => editor.engine.retryNow()} />
            <Presence live={editor.live} />
            {notice.current?.tone === 'info' && (
              <span className={styles.info} title={notice.current.text}>
                {notice.current.text}
              </span>
            )}
          </>
        }
        submission={{
          submitted: submission.submitted,
          mayReopen: submission.mayReopen,
          mayWork: data.mayWork,
          busy: submission.busy,
          canSubmit: snapshot.pending === 0,
          submit: () => void editor.changeStatus('submit'),
          submitAndNext: () => void editor.submitAndNext(),
          reopen: () => void editor.changeStatus('reopen'),
        }}
        arcs={arcs}
        tags={tags}
        onGuidelines={() => setDialog('guidelines')}
        onShortcuts={() => setDialog('shortcuts')}
        onFind={find.show}
        findBar={find.open && <FindBar find={find} onLabelAll={readOnly ? undefined : labelAll.start} />}
      />
      <div role="alert" className={styles.alert}>
        {notice.current?.tone === 'error' && (
          <>
            <span>{notice.current.text}</span>
            <button type="button" className="button button--secondary" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </>
        )}
      </div>
      {/* The selected span in words, for screen readers: focus stays in the text while it changes. */}
      <p className="visually-hidden" aria-live="polite">
        {editor.activeSpan ? `Selected: ${spanTitle(catalog, view.spans, editor.activeSpan)}, “${shortQuote(editor.activeSpan.quote, 80)}”` : ''}
      </p>
      <p className={styles.hint}>
        {readOnly
          ? editor.readOnlyReason
          : 'Select text (mouse, or Shift + arrow keys), then press a label’s hotkey or click it in the palette, or press / and type ' +
            'its name, then Enter. Click a span (or press ] and [) to change, link or delete it. Press ? for all shortcuts.'}
      </p>
      {arcs.note && <p className={styles.hint}>{arcs.note}</p>}
      {submission.submitted && data.goldComparable !== false && (
        <GoldCompareToggle
          on={editor.gold.compare.on}
          loading={editor.gold.compare.loading}
          warning={
            data.goldRecorded && submission.mayReopen && !editor.gold.shown
              ? 'Seeing gold is recorded: afterwards only a curator can reopen this document.'
              : undefined
          }
          onChange={editor.gold.toggle}
        />
      )}
      <LayerLegend />
      <div className={styles.layout}>
        <LabelPalette labels={labels} readOnly={readOnly} onApply={panel.applyLabel} onLeave={panel.toText} />
        <section className={styles.textPanel} aria-label="Document text">
          {table.paragraphs.length === 0 ? (
            <p className={styles.empty}>This document has no text to annotate.</p>
          ) : (
            <TextView
              table={table}
              label={`Text of ${document.name}`}
              layout={editor.layout}
              active={editor.activeSpan}
              draft={draftOf(editor.mode)}
              handlers={interaction.textHandlers}
              controller={textRef}
              tags={tags.shown}
              ghosts={suggestions.store}
              found={find.store}
            >
              {arcs.drawn && (
                <ArcLayer catalog={catalog} relations={view.relations} layout={editor.layout} selectedKey={arcs.selection.key} onSelect={panel.pickRelation} />
              )}
              <ModePopover
                interaction={interaction}
                anchor={editor.anchor}
                labels={labels}
                catalog={catalog}
                view={view}
                text={editor.text}
                readOnly={readOnly}
              />
              <SuggestionPopover suggestions={suggestions} textRef={textRef} />
            </TextView>
          )}
        </section>
        <div className={styles.side}>
          <SidePanel
            counts={{ spans: view.spans.size, relations: view.relations.size }}
            tab={editor.tab.shown}
            onTabChange={editor.tab.set}
            gold={editor.gold.comparing}
          >
            {editor.tab.shown === 'spans' && (
              <SpanList {...listed} activeKey={editor.activeKey} onFocus={panel.focus} onRelabel={panel.relabel} onDelete={panel.remove} />
            )}
            {editor.tab.shown === 'relations' && (
              <RelationList
                {...listed}
                relations={view.relations}
                selection={arcs.selection}
                onSelect={panel.selectRelation}
                onFocusSpan={panel.focus}
                onDelete={panel.unlink}
              />
            )}
            {editor.tab.shown === 'document' && (
              <DocumentQuestions labels={labels} targets={targets} answers={view.answers} readOnly={readOnly} onChange={panel.answer} />
            )}
            {editor.tab.shown === 'comments' && <CommentThread documentId={document.id} />}
            {editor.tab.shown === 'gold' && (
              <GoldCompare
                catalog={catalog}
                comparison={editor.gold.comparison}
                loading={editor.gold.compare.loading}
                onFocusSpan={panel.focus}
                onRevealRange={panel.revealGold}
              />
            )}
          </SidePanel>
        </div>
      </div>
      <Dialog open={dialog.open === 'guidelines'} title="Guidelines" onClose={() => setDialog(null)}>
        {project.guidelines.trim() ? <Markdown>{project.guidelines}</Markdown> : <p className="muted">This project has no guidelines yet.</p>}
      </Dialog>
      <Dialog open={dialog.open === 'shortcuts'} title="Keyboard shortcuts" onClose={() => setDialog(null)}>
        <ShortcutSheet />
      </Dialog>
      <LabelAllDialog labelAll={labelAll} labels={labels} query={find.query} matches={find.result.matches} truncated={find.result.truncated} />
      <ConflictDialog
        conflict={snapshot.status.kind === 'conflict' ? snapshot.status.conflict : null}
        catalog={catalog}
        spans={view.spans}
        onResolve={(choice) => editor.engine.resolveConflict(choice)}
      />
    </div>
  );
}
