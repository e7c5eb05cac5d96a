'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { catalogOf, type Catalog } from '@/lib/editor/catalog';
import * as commands from '@/lib/editor/commands';
import { layoutSpans, type SpanLayout } from '@/lib/editor/layout';
import type { Answer, Span } from '@/lib/editor/model';
import { spanLook } from '@/lib/editor/tags';
import { buildSegmentTable, OffsetIndex, type SegmentTable } from '@/lib/offsets';
import { useSubmitAndNext } from '@/components/queue/useSubmitAndNext';
import { useActiveTime } from '@/components/time/useActiveTime';
import { useComparison, useGoldCompare } from './GoldCompare';
import { activeKeyOf, anchorRangeOf } from './mode';
import { useArcs } from './useArcs';
import type { PanelTab } from './SidePanel';
import type { TextController } from './TextView';
import type { EditorData, EditorWork, Notice } from './types';
import { useAnchor } from './useAnchor';
import { useGlobalKeys } from './useGlobalKeys';
import { useInteraction } from './useInteraction';
import { useLive } from './useLive';
import { useStable } from './useStable';
import { useSubmission } from './useSubmission';
import { useSync } from './useSync';
import { useUndoable } from './useUndoable';

/**
 * Everything the annotation editor knows and does, without its layout (AnnotationEditor.tsx):
 * the synced annotations, undo, submission, gold comparison, the interaction mode, the
 * status line's notice, the open dialog and the side panel's tab.
 */
export function useEditorState(data: EditorData, work: EditorWork) {
  const { project, document, labels, targets } = data;
  const table = useMemo(() => buildSegmentTable(document.text), [document.text]);
  const text = useMemo(() => new OffsetIndex(document.text), [document.text]);
  const catalog = useMemo(() => catalogOf(labels, targets), [labels, targets]);
  const { engine, snapshot } = useSync(document.id, work, text);
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

  // The previous layout (of this text and catalog) lends its unchanged lanes and marks, so the text view redraws only what changed.
  const lastLayout = useRef<{ table: SegmentTable; catalog: Catalog; layout: SpanLayout } | null>(null);
  const layout = useMemo(() => {
    const look = (span: Span) => spanLook(catalog, view.spans, span);
    const last = lastLayout.current;
    const previous = last && last.table === table && last.catalog === catalog ? last.layout : undefined;
    const next = layoutSpans([...view.spans.values()], table, look, previous);
    lastLayout.current = { table, catalog, layout: next };
    return next;
  }, [view.spans, table, catalog]);
  const anchor = useAnchor(textRef, anchorRangeOf(mode, view), layout);
  const arcs = useArcs(view.relations.size);

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
    applyLabel: useStable(interaction.applyLabel),
    toText: useStable(() => textRef.current?.focus()),
    unlink: useStable((key: string) => run(commands.unlink(context(), key))),
    // A clicked arc: its relation in the relation list, focused there so Delete removes it.
    pickRelation: useStable((key: string) => {
      setPanelTab('relations');
      arcs.pick(key);
    }),
    selectRelation: useStable(arcs.select),
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
  useActiveTime(data.document.id, data.assignment !== null && !submission.submitted);
  const submitAndNext = useSubmitAndNext(
    data.project.id,
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
    setNotice({
      tone: 'info',
      text: action === 'submit' ? 'Submitted. Reopen the document to change it again.' : 'Reopened: you can change your annotations again.',
    });
  };

  return {
    table,
    text,
    catalog,
    engine,
    snapshot,
    view,
    changes,
    live,
    submission,
    readOnly,
    readOnlyReason,
    context,
    tab: { shown: shownTab, set: setPanelTab },
    dialog: { open: dialog, set: setDialog },
    notice: { current: notice, set: setNotice },
    textRef,
    gold: { compare: goldCompare, comparing, comparison, shown: goldShown, toggle: toggleGold },
    interaction,
    mode,
    activeKey,
    activeSpan,
    layout,
    anchor,
    arcs,
    undo,
    redo,
    panel,
    changeStatus,
    submitAndNext,
  };
}
