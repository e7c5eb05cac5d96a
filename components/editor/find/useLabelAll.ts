'use client';

import { useState } from 'react';
import type { CommandContext } from '@/lib/editor/commands';
import type { FindText } from '@/lib/editor/find';
import { labelAllReport, planLabelAll, type LabelAllPlan } from '@/lib/editor/label-all';
import type { Op } from '@/lib/editor/model';
import type { SchemaLabel } from '@/lib/editor/schema';
import type { CodePointRange } from '@/lib/offsets';
import type { Notice } from '../types';
import { newKey } from '../useInteraction';

interface LabelAllOptions {
  findText: FindText;
  snapToWords: boolean;
  /** The state the plan is checked against. */
  context(): CommandContext;
  /** Applies operations as one undo step (useUndoable's perform); false when nothing applied. */
  perform(ops: readonly Op[], description: string): boolean;
  notify(notice: Notice): void;
}

export type LabelAllStep = { kind: 'pick' } | { kind: 'confirm'; label: SchemaLabel; plan: LabelAllPlan };

/**
 * Label all matches: pick a label, see what would be created and what left out and why, confirm.
 * The spans go through the editor's undo stack as one entry (one Ctrl+Z removes them all) and its
 * sync engine, which sends them in batches of at most 200 operations.
 */
export function useLabelAll({ findText, snapToWords, context, perform, notify }: LabelAllOptions) {
  const [step, setStep] = useState<LabelAllStep | null>(null);
  return {
    step,
    start: () => setStep({ kind: 'pick' }),
    back: () => setStep({ kind: 'pick' }),
    cancel: () => setStep(null),
    choose(label: SchemaLabel, matches: readonly CodePointRange[]) {
      setStep({ kind: 'confirm', label, plan: planLabelAll(context(), matches, label.id, { snapToWords, find: findText, newKey }) });
    },
    confirm() {
      if (step?.kind !== 'confirm') return;
      const { plan, label } = step;
      setStep(null);
      const created = plan.ops.length;
      if (created > 0 && !perform(plan.ops, `label ${created} ${created === 1 ? 'match' : 'matches'} as ${label.name}`)) return;
      notify({ tone: 'info', text: labelAllReport(plan, label.name) });
    },
  };
}

export type LabelAll = ReturnType<typeof useLabelAll>;
