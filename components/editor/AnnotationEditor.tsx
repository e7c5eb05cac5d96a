'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSubmitAndNext } from '@/components/queue/useSubmitAndNext';
import { useActiveTime } from '@/components/time/useActiveTime';
import { Markdown } from '@/components/ui/Markdown';
import { catalogOf, shortQuote, spanTitle } from '@/lib/editor/catalog';
import * as commands from '@/lib/editor/commands';
import { layoutSpans } from '@/lib/editor/layout';
import type { Answer } from '@/lib/editor/model';
import { buildSegmentTable, OffsetIndex } from '@/lib/offsets';
import { ConflictDialog } from './ConflictDialog';
import { Dialog } from './Dialog';
import { DocumentQuestions } from './DocumentQuestions';
import { EditorToolbar } from './EditorToolbar';
import { GoldCompare, useComparison, useGoldCompare } from './GoldCompare';
import { GoldCompareToggle } from './GoldCompareToggle';
import { activeKeyOf, anchorRangeOf, draftOf } from './mode';
import { ModePopover } from './ModePopover';
import { RelationList } from './RelationList';
import { SaveStatus } from './SaveStatus';
import { ShortcutSheet } from './ShortcutSheet';
import { SidePanel, type PanelTab } from './SidePanel';
import { SpanList } from './SpanList';
import { TextView, type TextController } from './TextView';
import type { EditorData, Notice } from './types';
import { useAnchor } from './useAnchor';
import { useGlobalKeys } from './useGlobalKeys';
import { useInteraction } from './useInteraction';
import { useStable } from './useStable';
import { useSubmission } from './useSubmission';
import { useSync } from './useSync';
import { useUndoable } from './useUndoable';
import { useLive } from './useLive';
import { Presence } from './Presence';
import styles from './editor.module.css';

/** The annotation editor: the text with its spans, the popovers, the side panel and the toolbar. */
export function AnnotationEditor({ data }: { data: EditorData }) {
  const { project, document, labels, targets } = data;
  const table = useMemo(() => buildSegmentTable(document.text), [document.text]);
  const text = useMemo(() => new OffsetIndex(document.text), [document.text]);
  const catalog = useMemo(() => catalogOf(labels, targets), [labels, targets]);
  const { engine, snapshot } = useSync(data);
  const { view } = snapshot;
  const changes = useUndoable(engine);
  const live = useLive(document.id, engine);
  const submission = useSubmission(document.id, data.assignment);
  // Submitted work is read-only, and so is a document the caller may not take on (the server refuses both).
  const readOnly = submission.submitted || !data.mayWork;
  const readOnlyReason = !data.mayWork
    ? 'This document is not assigned to you, and this project does not let annotators assign themselves: it is read-only for you.'
    : submission.mayReopen
      ? 'This document is submitted and read-only. Reopen it to change your annotations.'
      : 'This document is submitted and read-only. Gold was shown to you, so only a curator or manager can reopen it.';
  const [panelTab, setPanelTab] = useState<PanelTab>('spans');
  const [dialog, setDialog] = useState<'guidelines' | 'shortcuts' | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const textRef = useRef<TextController>(null);
  const goldCompare = useGoldCompare(document.id, setNotice);
  const comparing = goldCompare.on && submission.submitted && data.goldComparable !== false;
  const comparison = useComparison(catalog, view.spans, comparing ? goldCompare.gold : null);

  // Seeing gold takes away the annotator's own reopen: ask the server for the status again. If
  // that fails the button stays, and a reopen is refused by the server with its reason shown.
  const goldShown = goldCompare.gold !== null;
  const refreshStatus = useStable(() => submission.refresh().catch(() => undefined));
  useEffect(() => {
    if (goldShown) void refreshStatus();
  }, [goldShown, refreshStatus]);

  useEffect(() => {
    if (snapshot.rejection) setNotice({ tone: 'error', text: `Not saved: ${snapshot.rejection.message}` });
  }, [snapshot.rejection]);

  // Errors stay until dismissed; confirmations fade so the status line shows the save state again.
  useEffect(() => {
    if (notice?.tone !== 'info') return;
    const timer = setTimeout(() => setNotice((current) => (current === notice ? null : current)), 6000);
    return () => clearTimeout(timer);
  }, [notice]);

  const run = (command: commands.Command): boolean => {
    if (readOnly) {
      setNotice({ tone: 'error', text: readOnlyReason });
      return false;
    }
    if (!command.ok) {
      setNotice({ tone: 'error', text: command.error });
      return false;
    }
    // What the last action reported is not about this one: it goes, and this one may say its own.
    setNotice((current) => (current?.tone === 'info' ? null : current));
    return changes.perform(command.ops, command.description);
  };
  const context = (): commands.CommandContext => ({ doc: engine.snapshot().view, catalog, text, allowOverlap: project.allowOverlap });

  const interaction = useInteraction({ data, table, catalog, view, readOnly, textRef, context, run, notify: setNotice });
  const { mode } = interaction;
  const activeKey = activeKeyOf(mode);
  const activeSpan = activeKey ? (view.spans.get(activeKey) ?? null) : null;

  const layout = useMemo(
    () =>
      layoutSpans([...view.spans.values()], table, (span) => ({
        color: catalog.labels.get(span.labelId)?.color ?? '#888888',
        title: spanTitle(catalog, view.spans, span),
      })),
    [view.spans, table, catalog],
  );
  const anchor = useAnchor(textRef, anchorRangeOf(mode, view), layout);

  const step = (direction: 'undo' | 'redo') => {
    if (readOnly) return;
    const done = changes[direction]();
    const verb = direction === 'undo' ? 'Undone' : 'Redone';
    setNotice({ tone: 'info', text: done ? `${verb}: ${done}` : `Nothing to ${direction}` });
  };
  const undo = useStable(() => step('undo'));
  const redo = useStable(() => step('redo'));
  useGlobalKeys({ undo, redo, shortcuts: useCallback(() => setDialog('shortcuts'), []) });

  // Stable identities, so the memoised span list skips re-rendering on every mode change.
  const panel = {
    focus: useStable(interaction.focusSpan),
    relabel: useStable((key: string) => interaction.relabel(key, true)),
    remove: useStable(interaction.remove),
    unlink: useStable((key: string) => run(commands.unlink(context(), key))),
    answer: useStable((answers: Answer[]) => run(commands.answer(answers))),
    // A gold-only span has no key of the caller's: show its text as the span list shows a span.
    revealGold: useStable((range: { start: number; end: number }) => {
      interaction.dismiss();
      textRef.current?.reveal(range);
      textRef.current?.placeCaret(range.start);
      textRef.current?.focus();
    }),
  };
  const toggleGold = (on: boolean) => {
    goldCompare.setActive(on);
    if (on) setPanelTab('gold');
    else if (panelTab === 'gold') setPanelTab('spans');
  };
  const shownTab = panelTab === 'gold' && !comparing ? 'spans' : panelTab;

  // The clock runs on the annotator's own assigned work until they submit it.
  useActiveTime(document.id, data.assignment !== null && !submission.submitted);
  const submitAndNext = useSubmitAndNext(
    project.id,
    async () => {
      const error = await submission.submit();
      if (!error) interaction.dismiss();
      return error;
    },
    setNotice,
  );

  const changeStatus = async (action: 'submit' | 'reopen') => {
    const error = await submission[action]();
    if (error) return setNotice({ tone: 'error', text: error });
    if (action === 'submit') interaction.dismiss();
    if (action === 'reopen') toggleGold(false);
    setNotice({ tone: 'info', text: action === 'submit' ? 'Submitted. Reopen the document to change it again.' : 'Reopened: you can change your annotations again.' });
  };

  return (
    <div className={styles.editor}>
      <EditorToolbar
        undo={{ run: undo, enabled: changes.canUndo && !readOnly, next: changes.nextUndo }}
        redo={{ run: redo, enabled: changes.canRedo && !readOnly, next: changes.nextRedo }}
        status={
          <>
            <SaveStatus pending={snapshot.pending} status={snapshot.status} onRetry={() => engine.retryNow()} />
            <Presence live={live} />
            {notice?.tone === 'info' && (
              <span className={styles.info} title={notice.text}>
                {notice.text}
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
          submit: () => void changeStatus('submit'),
          submitAndNext: () => void submitAndNext(),
          reopen: () => void changeStatus('reopen'),
        }}
        onGuidelines={() => setDialog('guidelines')}
        onShortcuts={() => setDialog('shortcuts')}
      />
      <div role="alert" className={styles.alert}>
        {notice?.tone === 'error' && (
          <>
            <span>{notice.text}</span>
            <button type="button" className="button button--secondary" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </>
        )}
      </div>
      {/* The selected span in words, for screen readers: focus stays in the text while it changes. */}
      <p className="visually-hidden" aria-live="polite">
        {activeSpan ? `Selected: ${spanTitle(catalog, view.spans, activeSpan)}, “${shortQuote(activeSpan.quote, 80)}”` : ''}
      </p>
      <p className={styles.hint}>
        {readOnly
          ? readOnlyReason
          : 'Select text, then press a label’s hotkey, or press / and type its name, then Enter. Click a span to change, link or delete it. Press ? for all shortcuts.'}
      </p>
      {submission.submitted && data.goldComparable !== false && (
        <GoldCompareToggle
          on={goldCompare.on}
          loading={goldCompare.loading}
          warning={data.goldRecorded && submission.mayReopen && !goldShown ? 'Seeing gold is recorded: afterwards only a curator can reopen this document.' : undefined}
          onChange={toggleGold}
        />
      )}
      <div className={styles.layout}>
        <section className={styles.textPanel} aria-label="Document text">
          {table.paragraphs.length === 0 ? (
            <p className={styles.empty}>This document has no text to annotate.</p>
          ) : (
            <TextView
              table={table}
              label={`Text of ${document.name}`}
              layout={layout}
              active={activeSpan}
              draft={draftOf(mode)}
              handlers={interaction.textHandlers}
              controller={textRef}
            >
              <ModePopover interaction={interaction} anchor={anchor} labels={labels} catalog={catalog} view={view} text={text} readOnly={readOnly} />
            </TextView>
          )}
        </section>
        <div className={styles.side}>
          <SidePanel counts={{ spans: view.spans.size, relations: view.relations.size }} tab={shownTab} onTabChange={setPanelTab} gold={comparing}>
            {shownTab === 'spans' && (
              <SpanList
                catalog={catalog}
                spans={view.spans}
                activeKey={activeKey}
                readOnly={readOnly}
                onFocus={panel.focus}
                onRelabel={panel.relabel}
                onDelete={panel.remove}
              />
            )}
            {shownTab === 'relations' && (
              <RelationList
                catalog={catalog}
                spans={view.spans}
                relations={view.relations}
                readOnly={readOnly}
                onFocusSpan={panel.focus}
                onDelete={panel.unlink}
              />
            )}
            {shownTab === 'document' && (
              <DocumentQuestions labels={labels} targets={targets} answers={view.answers} readOnly={readOnly} onChange={panel.answer} />
            )}
            {shownTab === 'gold' && (
              <GoldCompare catalog={catalog} comparison={comparison} loading={goldCompare.loading} onFocusSpan={panel.focus} onRevealRange={panel.revealGold} />
            )}
          </SidePanel>
        </div>
      </div>
      <Dialog open={dialog === 'guidelines'} title="Guidelines" onClose={() => setDialog(null)}>
        {project.guidelines.trim() ? <Markdown>{project.guidelines}</Markdown> : <p className="muted">This project has no guidelines yet.</p>}
      </Dialog>
      <Dialog open={dialog === 'shortcuts'} title="Keyboard shortcuts" onClose={() => setDialog(null)}>
        <ShortcutSheet />
      </Dialog>
      <ConflictDialog
        conflict={snapshot.status.kind === 'conflict' ? snapshot.status.conflict : null}
        catalog={catalog}
        spans={view.spans}
        onResolve={(choice) => engine.resolveConflict(choice)}
      />
    </div>
  );
}
