'use client';

import { LEFT_OUT_EXPLAINED } from '@/lib/editor/label-all';
import type { SchemaLabel } from '@/lib/editor/schema';
import type { CodePointRange } from '@/lib/offsets';
import { Dialog } from '../Dialog';
import { LabelPicker, usePickerFilter } from '../LabelPicker';
import type { LabelAll, LabelAllStep } from './useLabelAll';
import styles from './find.module.css';

interface LabelAllDialogProps {
  labelAll: LabelAll;
  labels: readonly SchemaLabel[];
  query: string;
  matches: readonly CodePointRange[];
  /** The search stopped at its limit: later occurrences are not among `matches`. */
  truncated: boolean;
}

/** Label all matches, in two steps: the editor's label picker, then what will be created and what left out, to confirm. */
export function LabelAllDialog({ labelAll, labels, query, matches, truncated }: LabelAllDialogProps) {
  const { step } = labelAll;
  return (
    <Dialog open={step !== null} title="Label all matches" onClose={labelAll.cancel}>
      {step?.kind === 'pick' && <Pick labelAll={labelAll} labels={labels} query={query} matches={matches} />}
      {step?.kind === 'confirm' && <Confirm labelAll={labelAll} step={step} query={query} matches={matches.length} truncated={truncated} />}
    </Dialog>
  );
}

function Pick({ labelAll, labels, query, matches }: Omit<LabelAllDialogProps, 'truncated'>) {
  const filter = usePickerFilter();
  return (
    <LabelPicker
      labels={labels}
      title={`The label for the ${matches.length} matches of “${query}”`}
      filter={filter}
      onChoose={(label) => labelAll.choose(label, matches)}
      onCancel={labelAll.cancel}
      inputRef={null}
      autoFocus
      placeholder="Type a label’s name, then Enter"
    />
  );
}

function Confirm({
  labelAll,
  step,
  query,
  matches,
  truncated,
}: {
  labelAll: LabelAll;
  step: Extract<LabelAllStep, { kind: 'confirm' }>;
  query: string;
  matches: number;
  truncated: boolean;
}) {
  const { plan, label } = step;
  const created = plan.ops.length;
  const spans = `${created} ${label.name} ${created === 1 ? 'span' : 'spans'}`;
  return (
    <>
      <p className={styles.summary}>
        {created > 0 ? `Create ${spans} for the ${matches} matches of “${query}”?` : `No ${label.name} span can be created for the matches of “${query}”.`}
      </p>
      {plan.leftOut.size > 0 && (
        <ul className={styles.reasons} aria-label="Left out">
          {[...plan.leftOut].map(([reason, count]) => (
            <li key={reason}>
              {count} left out: {LEFT_OUT_EXPLAINED[reason]}
              {reason === 'refused' && plan.firstRefusal ? ` (${plan.firstRefusal})` : ''}.
            </li>
          ))}
        </ul>
      )}
      {truncated && <p className={styles.summary}>The search stopped at {matches} matches: occurrences after the last of them are not labelled.</p>}
      <div className={styles.actions}>
        <button type="button" className="button button--primary" onClick={labelAll.confirm} disabled={created === 0} autoFocus={created > 0}>
          Create {spans}
        </button>
        <button type="button" className="button button--secondary" onClick={labelAll.back}>
          Choose another label
        </button>
      </div>
    </>
  );
}
