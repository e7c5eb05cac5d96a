'use client';

import { useEffect, useRef } from 'react';
import { ApiError, errorMessage } from '@/components/api';
import { ImportProblems } from './ImportProblems';
import { ImportReportView } from './ImportReportView';
import { isImportProblem, type ImportProblem, type ImportReport } from './upload';

export type Outcome =
  | { kind: 'imported'; report: ImportReport }
  | { kind: 'rejected'; message: string; problems: ImportProblem[]; problemsTotal: number }
  | { kind: 'failed'; message: string };

export function outcomeOf(error: unknown): Outcome {
  if (error instanceof DOMException && error.name === 'AbortError') return { kind: 'failed', message: 'The upload was cancelled; nothing was imported.' };
  if (error instanceof ApiError && error.code === 'import_rejected') {
    const details = error.details as { problems?: unknown; problemsTotal?: unknown } | undefined;
    const problems = Array.isArray(details?.problems) ? details.problems.filter(isImportProblem) : [];
    return {
      kind: 'rejected',
      message: error.message,
      problems,
      problemsTotal: typeof details?.problemsTotal === 'number' ? details.problemsTotal : problems.length,
    };
  }
  return { kind: 'failed', message: errorMessage(error) };
}

const HEADINGS: Record<Outcome['kind'], string> = {
  imported: 'Import finished',
  rejected: 'Nothing was imported',
  failed: 'The import did not run',
};

interface OutcomePanelProps {
  projectId: string;
  outcome: Outcome;
  mapped: ReadonlySet<string>;
  onMap: (label: string) => void;
}

/** Takes focus when it appears, so keyboard and screen reader users land on the result. */
export function OutcomePanel({ projectId, outcome, mapped, onMap }: OutcomePanelProps) {
  const ref = useRef<HTMLElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new outcome takes focus again, not only the first.
  useEffect(() => ref.current?.focus(), [outcome]);
  return (
    <section ref={ref} tabIndex={-1} aria-labelledby="outcome-heading" className={`panel ${outcome.kind === 'imported' ? '' : 'danger-zone'}`}>
      <h2 id="outcome-heading">{HEADINGS[outcome.kind]}</h2>
      {outcome.kind === 'imported' && <ImportReportView projectId={projectId} report={outcome.report} />}
      {outcome.kind === 'rejected' && (
        <ImportProblems message={outcome.message} problems={outcome.problems} problemsTotal={outcome.problemsTotal} mapped={mapped} onMap={onMap} />
      )}
      {outcome.kind === 'failed' && <p>{outcome.message}</p>}
    </section>
  );
}
